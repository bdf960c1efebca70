#include "config.h"

#include "kj-roadmap-graph-view-internal.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kj-widget-style.h"

G_DEFINE_FINAL_TYPE(KjRoadmapGraphView, kj_roadmap_graph_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_ROADMAP, PROP_SELECTED, PROP_ZOOM, N_PROPS };
enum { NODE_ACTIVATED, CONNECT_REQUESTED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- the scene ---- */

/* The widget's colours over its own (CSS) background, and its font. */
static void
get_style(KjRoadmapGraphView *self, KjChartStyle *style)
{
  /* No font: the scene measures with the widget's Pango context. */
  kj_widget_style_get_chart_style(GTK_WIDGET(self), 0.12, style, NULL);
}

/* What the scene's look depends on, to rebuild it only when that changes:
 * CSS changes with every hover and focus of the widget. */
static char *
style_key(KjRoadmapGraphView *self)
{
  PangoContext *context = gtk_widget_get_pango_context(GTK_WIDGET(self));
  g_autofree char *font =
      pango_font_description_to_string(pango_context_get_font_description(context));
  KjChartStyle style;

  get_style(self, &style);
  return g_strdup_printf("%s %g %d %g %g %g %g", font, pango_cairo_context_get_resolution(context),
                         style.dark, style.foreground.red, style.foreground.green,
                         style.foreground.blue, style.foreground.alpha);
}

KjRoadmapScene *
kj_graph_view_ensure_scene(KjRoadmapGraphView *self)
{
  KjChartStyle style;

  if (self->scene == NULL && self->roadmap != NULL) {
    g_free(self->scene_style);
    self->scene_style = style_key(self);
    get_style(self, &style);
    self->scene =
        kj_roadmap_scene_new(self->roadmap, &style, gtk_widget_get_pango_context(GTK_WIDGET(self)));
  }
  return self->scene;
}

int
kj_graph_view_selected_position(KjRoadmapGraphView *self)
{
  guint position;

  if (self->selected == NULL || self->roadmap == NULL ||
      !kj_roadmap_find_node(self->roadmap, self->selected, &position))
    return -1;
  return (int)position;
}

KjRoadmapNode *
kj_graph_view_node_at_position(KjRoadmapGraphView *self, int position)
{
  return position >= 0 && self->roadmap != NULL ? kj_roadmap_get_node(self->roadmap, position)
                                                : NULL;
}

/* ---- coordinates ---- */

void
kj_roadmap_graph_view_scene_to_widget(KjRoadmapGraphView *self, double scene_x, double scene_y,
                                      double *x, double *y)
{
  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  *x = self->origin_x + scene_x * self->zoom;
  *y = self->origin_y + scene_y * self->zoom;
}

void
kj_roadmap_graph_view_widget_to_scene(KjRoadmapGraphView *self, double x, double y, double *scene_x,
                                      double *scene_y)
{
  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  *scene_x = (x - self->origin_x) / self->zoom;
  *scene_y = (y - self->origin_y) / self->zoom;
}

const KjRoadmapScene *
kj_roadmap_graph_view_get_scene(KjRoadmapGraphView *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self), NULL);
  return kj_graph_view_ensure_scene(self);
}

int
kj_graph_view_node_at(KjRoadmapGraphView *self, double x, double y)
{
  KjRoadmapScene *scene = kj_graph_view_ensure_scene(self);
  double sx, sy;

  if (scene == NULL)
    return -1;
  kj_roadmap_graph_view_widget_to_scene(self, x, y, &sx, &sy);
  return kj_roadmap_scene_node_at(scene, sx, sy);
}

/* Keeps some of the graph in view: it may move off by half the widget, no
 * further, whether it is larger or smaller than the widget. */
static void
clamp_origin(KjRoadmapGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET(self);
  KjRoadmapScene *scene = kj_graph_view_ensure_scene(self);
  double width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  double scene_w, scene_h;

  if (scene == NULL || width <= 0 || height <= 0)
    return;
  scene_w = kj_roadmap_scene_get_width(scene) * self->zoom;
  scene_h = kj_roadmap_scene_get_height(scene) * self->zoom;
  self->origin_x = CLAMP(self->origin_x, MIN(0.0, width - scene_w) - width / 2.0,
                         MAX(0.0, width - scene_w) + width / 2.0);
  self->origin_y = CLAMP(self->origin_y, MIN(0.0, height - scene_h) - height / 2.0,
                         MAX(0.0, height - scene_h) + height / 2.0);
}

void
kj_graph_view_update_hover(KjRoadmapGraphView *self)
{
  int hovered = -1;

  if (self->inside && self->drag != DRAG_PAN)
    hovered = kj_graph_view_node_at(self, self->pointer_x, self->pointer_y);
  if (self->drag == DRAG_CONNECT && hovered == self->connect_from)
    hovered = -1;
  if (hovered != self->hovered) {
    self->hovered = hovered;
    gtk_widget_queue_draw(GTK_WIDGET(self));
  }
  if (self->drag == DRAG_PAN)
    gtk_widget_set_cursor_from_name(GTK_WIDGET(self), "grabbing");
  else if (self->drag == DRAG_CONNECT)
    gtk_widget_set_cursor_from_name(GTK_WIDGET(self), "crosshair");
  else
    gtk_widget_set_cursor_from_name(GTK_WIDGET(self), hovered >= 0 ? "pointer" : NULL);
}

/* The view moved: what is under the pointer may differ. */
void
kj_graph_view_view_changed(KjRoadmapGraphView *self)
{
  clamp_origin(self);
  kj_graph_view_update_hover(self);
  gtk_widget_queue_draw(GTK_WIDGET(self));
}

/* Zooms keeping the scene point under (x, y) where it is. */
void
kj_graph_view_zoom_at(KjRoadmapGraphView *self, double zoom, double x, double y)
{
  double sx, sy;

  zoom = CLAMP(zoom, MIN_ZOOM, MAX_ZOOM);
  self->fit_pending = FALSE;
  if (zoom == self->zoom)
    return;
  kj_roadmap_graph_view_widget_to_scene(self, x, y, &sx, &sy);
  self->zoom = zoom;
  self->origin_x = x - sx * zoom;
  self->origin_y = y - sy * zoom;
  kj_graph_view_view_changed(self);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_ZOOM]);
}

/* The centre of the first layer's nodes, where the graph starts. */
static void
start_centre(KjRoadmapScene *scene, double *x, double *y)
{
  const KjRoadmapLayout *layout = kj_roadmap_scene_get_layout(scene);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  *x = kj_roadmap_scene_get_width(scene) / 2.0;
  *y = kj_roadmap_scene_get_height(scene) / 2.0;
  for (guint i = 0; i < layout->n_nodes; i++) {
    const KjLayoutRect *r = &layout->nodes[i];

    if (layout->layers[i] != 0)
      continue;
    x0 = MIN(x0, r->x);
    y0 = MIN(y0, r->y);
    x1 = MAX(x1, r->x + r->width);
    y1 = MAX(y1, r->y + r->height);
  }
  if (x0 <= x1) {
    *x = (x0 + x1) / 2.0;
    *y = (y0 + y1) / 2.0;
  }
}

/* Where the graph starts: its first layer, centred across, at the side the
 * edges leave from. */
static void
show_start(KjRoadmapGraphView *self, KjRoadmapScene *scene, double width, double height)
{
  KjRoadmapDirection direction = kj_roadmap_get_direction(self->roadmap);
  double w = kj_roadmap_scene_get_width(scene) * self->zoom;
  double h = kj_roadmap_scene_get_height(scene) * self->zoom;
  double cx, cy;

  start_centre(scene, &cx, &cy);
  self->origin_x = (width - w) / 2.0;
  self->origin_y = (height - h) / 2.0;
  if (w > width && (direction == KJ_ROADMAP_DIRECTION_TB || direction == KJ_ROADMAP_DIRECTION_BT))
    self->origin_x = width / 2.0 - cx * self->zoom;
  if (h > height && (direction == KJ_ROADMAP_DIRECTION_LR || direction == KJ_ROADMAP_DIRECTION_RL))
    self->origin_y = height / 2.0 - cy * self->zoom;
  if (direction == KJ_ROADMAP_DIRECTION_TB && h > height)
    self->origin_y = 0.0;
  else if (direction == KJ_ROADMAP_DIRECTION_BT && h > height)
    self->origin_y = height - h;
  else if (direction == KJ_ROADMAP_DIRECTION_LR && w > width)
    self->origin_x = 0.0;
  else if (direction == KJ_ROADMAP_DIRECTION_RL && w > width)
    self->origin_x = width - w;
}

/* Fits now when the widget has a size, else once it has.  On its own (a
 * first look, a file opened) the view never zooms out below legible: a large
 * roadmap then shows where it starts; asked to (zoom_fit), it shows all. */
static void
fit(KjRoadmapGraphView *self, gboolean whole)
{
  GtkWidget *widget = GTK_WIDGET(self);
  double width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  KjRoadmapScene *scene;
  double zoom, scene_w, scene_h;

  self->fit_pending = TRUE;
  if (width <= 0 || height <= 0 || (scene = kj_graph_view_ensure_scene(self)) == NULL)
    return;
  self->fit_pending = FALSE;
  scene_w = kj_roadmap_scene_get_width(scene);
  scene_h = kj_roadmap_scene_get_height(scene);
  zoom = CLAMP(MIN(1.0, MIN(width / scene_w, height / scene_h)), MIN_ZOOM, MAX_ZOOM);
  if (!whole)
    zoom = MAX(zoom, MIN(1.0, READABLE_ZOOM));
  if (zoom != self->zoom) {
    self->zoom = zoom;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_ZOOM]);
  }
  show_start(self, scene, width, height);
  kj_graph_view_view_changed(self);
}

/* Scrolls as little as needed to show the node with a margin round it. */
static void
scroll_to_node(KjRoadmapGraphView *self, int position)
{
  GtkWidget *widget = GTK_WIDGET(self);
  double width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  KjRoadmapScene *scene = kj_graph_view_ensure_scene(self);
  KjLayoutRect r;
  double x0, y0, x1, y1;

  if (scene == NULL || width <= 0 || height <= 0 || self->fit_pending ||
      !kj_roadmap_scene_get_node_rect(scene, position, &r))
    return;
  kj_roadmap_graph_view_scene_to_widget(self, r.x, r.y, &x0, &y0);
  kj_roadmap_graph_view_scene_to_widget(self, r.x + r.width, r.y + r.height, &x1, &y1);
  if (x1 - x0 + 2.0 * VISIBLE_MARGIN > width)
    self->origin_x += width / 2.0 - (x0 + x1) / 2.0;
  else if (x0 < VISIBLE_MARGIN)
    self->origin_x += VISIBLE_MARGIN - x0;
  else if (x1 > width - VISIBLE_MARGIN)
    self->origin_x -= x1 - (width - VISIBLE_MARGIN);
  if (y1 - y0 + 2.0 * VISIBLE_MARGIN > height)
    self->origin_y += height / 2.0 - (y0 + y1) / 2.0;
  else if (y0 < VISIBLE_MARGIN)
    self->origin_y += VISIBLE_MARGIN - y0;
  else if (y1 > height - VISIBLE_MARGIN)
    self->origin_y -= y1 - (height - VISIBLE_MARGIN);
  kj_graph_view_view_changed(self);
}

/* ---- selection ---- */

static void
update_accessible(KjRoadmapGraphView *self)
{
  g_autofree char *description = NULL;

  if (self->selected != NULL)
    /* Translators: what the roadmap graph tells a screen reader: the selected
     * topic's title and status */
    description =
        g_strdup_printf(_("Selected: %s, %s"), kj_roadmap_node_get_title(self->selected),
                        kj_roadmap_status_get_label(kj_roadmap_node_get_status(self->selected)));
  gtk_accessible_update_property(GTK_ACCESSIBLE(self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                 description != NULL ? description : "", -1);
}

void
kj_graph_view_select_position(KjRoadmapGraphView *self, int position)
{
  kj_roadmap_graph_view_set_selected(self, kj_graph_view_node_at_position(self, position));
}

void
kj_graph_view_activate_position(KjRoadmapGraphView *self, int position)
{
  KjRoadmapNode *node = kj_graph_view_node_at_position(self, position);

  if (node != NULL)
    g_signal_emit(self, signals[NODE_ACTIVATED], 0, node);
}

/* ---- the roadmap ---- */

static void
invalidate_scene(KjRoadmapGraphView *self)
{
  g_clear_pointer(&self->scene, kj_roadmap_scene_free);
  self->hovered = -1;
  if (self->drag == DRAG_CONNECT)
    self->drag = DRAG_NONE;
  gtk_widget_queue_draw(GTK_WIDGET(self));
}

static void
on_roadmap_changed(KjRoadmap *roadmap, KjRoadmapGraphView *self)
{
  invalidate_scene(self);
  if (self->selected != NULL && kj_graph_view_selected_position(self) < 0)
    kj_roadmap_graph_view_set_selected(self, NULL);
  else if (self->selected != NULL)
    update_accessible(self); /* its title or status may have changed */
  /* The scene is rebuilt when next needed, not for every edit. */
  if (self->fit_pending)
    fit(self, FALSE);
}

/* Every node replaced at once (a file opened): fit once "changed" comes,
 * when the edges and groups are in place too. */
static void
on_nodes_changed(GListModel *nodes, guint position, guint removed, guint added,
                 KjRoadmapGraphView *self)
{
  if (position == 0 && removed > 0 && g_list_model_get_n_items(nodes) == added)
    self->fit_pending = TRUE;
}

static void
on_style_changed(KjRoadmapGraphView *self)
{
  g_autofree char *key = NULL;

  if (self->scene == NULL)
    return;
  key = style_key(self);
  if (g_strcmp0(key, self->scene_style) != 0)
    invalidate_scene(self);
}

void
kj_roadmap_graph_view_set_roadmap(KjRoadmapGraphView *self, KjRoadmap *roadmap)
{
  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  g_return_if_fail(roadmap == NULL || KJ_IS_ROADMAP(roadmap));

  if (self->roadmap == roadmap)
    return;
  if (self->roadmap != NULL) {
    g_signal_handlers_disconnect_by_func(self->roadmap, on_roadmap_changed, self);
    g_signal_handlers_disconnect_by_func(kj_roadmap_get_nodes(self->roadmap), on_nodes_changed,
                                         self);
  }
  g_set_object(&self->roadmap, roadmap);
  if (roadmap != NULL) {
    g_signal_connect(roadmap, "changed", G_CALLBACK(on_roadmap_changed), self);
    g_signal_connect(kj_roadmap_get_nodes(roadmap), "items-changed", G_CALLBACK(on_nodes_changed),
                     self);
  }
  invalidate_scene(self);
  kj_roadmap_graph_view_set_selected(self, NULL);
  fit(self, FALSE);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_ROADMAP]);
}

KjRoadmap *
kj_roadmap_graph_view_get_roadmap(KjRoadmapGraphView *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self), NULL);
  return self->roadmap;
}

KjRoadmapNode *
kj_roadmap_graph_view_get_selected(KjRoadmapGraphView *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self), NULL);
  return self->selected;
}

void
kj_roadmap_graph_view_set_selected(KjRoadmapGraphView *self, KjRoadmapNode *node)
{
  guint position;

  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  g_return_if_fail(node == NULL || KJ_IS_ROADMAP_NODE(node));

  /* A node of another roadmap, or none yet: nothing to select. */
  if (node != NULL &&
      (self->roadmap == NULL || !kj_roadmap_find_node(self->roadmap, node, &position)))
    node = NULL;
  if (!g_set_object(&self->selected, node))
    return;
  if (node != NULL)
    scroll_to_node(self, (int)position);
  update_accessible(self);
  gtk_widget_queue_draw(GTK_WIDGET(self));
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_SELECTED]);
}

/* ---- zoom ---- */

double
kj_roadmap_graph_view_get_zoom(KjRoadmapGraphView *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self), 1.0);
  return self->zoom;
}

void
kj_roadmap_graph_view_set_zoom(KjRoadmapGraphView *self, double zoom)
{
  GtkWidget *widget = GTK_WIDGET(self);

  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  kj_graph_view_zoom_at(self, zoom, gtk_widget_get_width(widget) / 2.0,
                        gtk_widget_get_height(widget) / 2.0);
}

void
kj_roadmap_graph_view_zoom_in(KjRoadmapGraphView *self)
{
  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  kj_roadmap_graph_view_set_zoom(self, self->zoom * ZOOM_STEP);
}

void
kj_roadmap_graph_view_zoom_out(KjRoadmapGraphView *self)
{
  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  kj_roadmap_graph_view_set_zoom(self, self->zoom / ZOOM_STEP);
}

void
kj_roadmap_graph_view_zoom_fit(KjRoadmapGraphView *self)
{
  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  fit(self, TRUE);
}

void
kj_graph_view_emit_connect_requested(KjRoadmapGraphView *self, KjRoadmapNode *from,
                                     KjRoadmapNode *to)
{
  g_signal_emit(self, signals[CONNECT_REQUESTED], 0, from, to);
}

/* ---- GtkWidget ---- */

static void
kj_roadmap_graph_view_snapshot(GtkWidget *widget, GtkSnapshot *snapshot)
{
  KjRoadmapGraphView *self = KJ_ROADMAP_GRAPH_VIEW(widget);
  int width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  KjRoadmapScene *scene = kj_graph_view_ensure_scene(self);
  KjRoadmapSceneState state;
  KjLayoutRect visible;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || scene == NULL)
    return;
  clamp_origin(self); /* the scene may have shrunk */
  kj_roadmap_scene_state_init(&state);
  state.selected = kj_graph_view_selected_position(self);
  state.hovered = self->hovered;
  state.focused = gtk_widget_has_visible_focus(widget);
  if (self->drag == DRAG_CONNECT) {
    state.connect_from = self->connect_from;
    state.connect_x = self->connect_x;
    state.connect_y = self->connect_y;
  }
  kj_roadmap_graph_view_widget_to_scene(self, 0, 0, &visible.x, &visible.y);
  visible.width = width / self->zoom;
  visible.height = height / self->zoom;
  state.clip = &visible;

  /* Scaled inside cairo, not by GSK: the text stays sharp at any zoom. */
  cr = gtk_snapshot_append_cairo(snapshot, &GRAPHENE_RECT_INIT(0, 0, width, height));
  cairo_save(cr);
  cairo_translate(cr, self->origin_x, self->origin_y);
  cairo_scale(cr, self->zoom, self->zoom);
  kj_roadmap_scene_draw(scene, cr, &state);
  cairo_restore(cr);
  /* Focus on the view with nothing selected: a ring round the whole. */
  if (state.focused && state.selected < 0) {
    KjChartStyle style;
    KjChartColor accent;

    get_style(self, &style);
    kj_chart_style_get_palette_color(&style, 0, &accent);
    cairo_set_source_rgba(cr, accent.red, accent.green, accent.blue, 0.5);
    cairo_set_line_width(cr, 2.0);
    cairo_rectangle(cr, 1.0, 1.0, width - 2.0, height - 2.0);
    cairo_stroke(cr);
  }
  cairo_destroy(cr);
}

static void
kj_roadmap_graph_view_measure(GtkWidget *widget, GtkOrientation orientation, int for_size,
                              int *minimum, int *natural, int *minimum_baseline,
                              int *natural_baseline)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? 200 : 150;
  *natural = horizontal ? 640 : 480;
}

static void
kj_roadmap_graph_view_size_allocate(GtkWidget *widget, int width, int height, int baseline)
{
  KjRoadmapGraphView *self = KJ_ROADMAP_GRAPH_VIEW(widget);

  if (self->fit_pending)
    fit(self, FALSE);
  else
    kj_graph_view_view_changed(self);
}

static gboolean
kj_roadmap_graph_view_query_tooltip(GtkWidget *widget, int x, int y, gboolean keyboard_mode,
                                    GtkTooltip *tooltip)
{
  KjRoadmapGraphView *self = KJ_ROADMAP_GRAPH_VIEW(widget);
  int position =
      keyboard_mode ? kj_graph_view_selected_position(self) : kj_graph_view_node_at(self, x, y);
  g_autofree char *markup = kj_graph_view_tooltip_markup(self, position);
  KjLayoutRect r;
  double x0, y0, x1, y1;

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup(tooltip, markup);
  /* A new tooltip for each node, not one that follows the pointer. */
  if (kj_roadmap_scene_get_node_rect(kj_graph_view_ensure_scene(self), position, &r)) {
    kj_roadmap_graph_view_scene_to_widget(self, r.x, r.y, &x0, &y0);
    kj_roadmap_graph_view_scene_to_widget(self, r.x + r.width, r.y + r.height, &x1, &y1);
    gtk_tooltip_set_tip_area(tooltip, &(GdkRectangle){ (int)floor(x0), (int)floor(y0),
                                                       (int)ceil(x1 - x0), (int)ceil(y1 - y0) });
  }
  return TRUE;
}

static void
kj_roadmap_graph_view_css_changed(GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS(kj_roadmap_graph_view_parent_class)->css_changed(widget, change);
  /* Colours and fonts come from CSS. */
  on_style_changed(KJ_ROADMAP_GRAPH_VIEW(widget));
}

static void
kj_roadmap_graph_view_system_setting_changed(GtkWidget *widget, GtkSystemSetting setting)
{
  GTK_WIDGET_CLASS(kj_roadmap_graph_view_parent_class)->system_setting_changed(widget, setting);
  /* The font's size and rendering change what text measures. */
  if (setting != GTK_SYSTEM_SETTING_ICON_THEME)
    invalidate_scene(KJ_ROADMAP_GRAPH_VIEW(widget));
}

static void
kj_roadmap_graph_view_state_flags_changed(GtkWidget *widget, GtkStateFlags previous)
{
  /* The focus ring is ours to draw. */
  if ((previous ^ gtk_widget_get_state_flags(widget)) & GTK_STATE_FLAG_FOCUS_VISIBLE)
    gtk_widget_queue_draw(widget);
  GTK_WIDGET_CLASS(kj_roadmap_graph_view_parent_class)->state_flags_changed(widget, previous);
}

/* ---- GObject ---- */

static void
kj_roadmap_graph_view_dispose(GObject *object)
{
  KjRoadmapGraphView *self = KJ_ROADMAP_GRAPH_VIEW(object);

  g_signal_handlers_disconnect_by_func(adw_style_manager_get_default(), on_style_changed, self);
  if (self->roadmap != NULL) {
    g_signal_handlers_disconnect_by_func(self->roadmap, on_roadmap_changed, self);
    g_signal_handlers_disconnect_by_func(kj_roadmap_get_nodes(self->roadmap), on_nodes_changed,
                                         self);
  }
  g_clear_object(&self->roadmap);
  g_clear_object(&self->selected);
  g_clear_pointer(&self->scene, kj_roadmap_scene_free);
  g_clear_pointer(&self->scene_style, g_free);
  G_OBJECT_CLASS(kj_roadmap_graph_view_parent_class)->dispose(object);
}

static void
kj_roadmap_graph_view_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjRoadmapGraphView *self = KJ_ROADMAP_GRAPH_VIEW(object);

  switch (prop_id) {
  case PROP_ROADMAP:
    g_value_set_object(value, self->roadmap);
    break;
  case PROP_SELECTED:
    g_value_set_object(value, self->selected);
    break;
  case PROP_ZOOM:
    g_value_set_double(value, self->zoom);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_graph_view_set_property(GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  KjRoadmapGraphView *self = KJ_ROADMAP_GRAPH_VIEW(object);

  switch (prop_id) {
  case PROP_ROADMAP:
    kj_roadmap_graph_view_set_roadmap(self, g_value_get_object(value));
    break;
  case PROP_SELECTED:
    kj_roadmap_graph_view_set_selected(self, g_value_get_object(value));
    break;
  case PROP_ZOOM:
    kj_roadmap_graph_view_set_zoom(self, g_value_get_double(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_graph_view_class_init(KjRoadmapGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_roadmap_graph_view_dispose;
  object_class->get_property = kj_roadmap_graph_view_get_property;
  object_class->set_property = kj_roadmap_graph_view_set_property;
  widget_class->snapshot = kj_roadmap_graph_view_snapshot;
  widget_class->measure = kj_roadmap_graph_view_measure;
  widget_class->size_allocate = kj_roadmap_graph_view_size_allocate;
  widget_class->query_tooltip = kj_roadmap_graph_view_query_tooltip;
  widget_class->css_changed = kj_roadmap_graph_view_css_changed;
  widget_class->system_setting_changed = kj_roadmap_graph_view_system_setting_changed;
  widget_class->state_flags_changed = kj_roadmap_graph_view_state_flags_changed;

  properties[PROP_ROADMAP] =
      g_param_spec_object("roadmap", NULL, NULL, KJ_TYPE_ROADMAP,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
      g_param_spec_object("selected", NULL, NULL, KJ_TYPE_ROADMAP_NODE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
      g_param_spec_double("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  signals[NODE_ACTIVATED] =
      g_signal_new("node-activated", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                   NULL, G_TYPE_NONE, 1, KJ_TYPE_ROADMAP_NODE);
  signals[CONNECT_REQUESTED] =
      g_signal_new("connect-requested", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                   NULL, G_TYPE_NONE, 2, KJ_TYPE_ROADMAP_NODE, KJ_TYPE_ROADMAP_NODE);

  gtk_widget_class_set_css_name(widget_class, "roadmap-graph");
  gtk_widget_class_set_accessible_role(widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kj_roadmap_graph_view_init(KjRoadmapGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET(self);
  self->zoom = 1.0;
  self->hovered = -1;
  self->connect_from = -1;
  self->fit_pending = TRUE;

  gtk_widget_set_focusable(widget, TRUE);
  gtk_widget_set_focus_on_click(widget, TRUE);
  gtk_widget_set_has_tooltip(widget, TRUE);
  gtk_widget_set_overflow(widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class(widget, "view");
  gtk_accessible_update_property(GTK_ACCESSIBLE(self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                 _("Roadmap graph"), -1);

  kj_graph_view_add_controllers(self);

  g_signal_connect_swapped(adw_style_manager_get_default(), "notify::dark",
                           G_CALLBACK(on_style_changed), self);
}

GtkWidget *
kj_roadmap_graph_view_new(void)
{
  return g_object_new(KJ_TYPE_ROADMAP_GRAPH_VIEW, NULL);
}
