#include "config.h"

#include "kj-roadmap-graph-view-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kj-number.h"

#define MIN_ZOOM          0.1
#define MAX_ZOOM          4.0
#define ZOOM_STEP         1.25
#define WHEEL_PAN         48.0 /* pixels per wheel click */
#define WHEEL_ZOOM        1.1  /* per wheel click with Ctrl */
#define VISIBLE_MARGIN    24.0 /* round a node scrolled into view */
#define READABLE_ZOOM     0.75 /* the least a first look zooms to: titles stay legible */
#define DESCRIPTION_CHARS 200

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_CONNECT,
} DragMode;

struct _KjRoadmapGraphView {
  GtkWidget parent_instance;

  /* owned */
  KjRoadmap *roadmap;
  KjRoadmapScene *scene; /* NULL: to be built from the roadmap */
  char *scene_style;     /* the colours and font it was built with */
  KjRoadmapNode *selected;

  /* the view: widget = origin + scene × zoom */
  double zoom;
  double origin_x, origin_y;
  gboolean fit_pending; /* fit the graph once the widget has a size */

  /* the pointer */
  gboolean inside;
  double pointer_x, pointer_y;
  int hovered; /* a node's position, or -1 */

  /* a drag in progress */
  DragMode drag;
  double drag_origin_x, drag_origin_y;
  int connect_from;
  double connect_x, connect_y; /* scene coordinates */
  double pinch_zoom;           /* the zoom when the pinch began */
};

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
  GdkRGBA fg;

  kj_chart_style_init(style, adw_style_manager_get_dark(adw_style_manager_get_default()));
  gtk_style_context_get_color(gtk_widget_get_style_context(GTK_WIDGET(self)), &fg);
  style->foreground = (KjChartColor){ fg.red, fg.green, fg.blue, fg.alpha };
  style->grid = (KjChartColor){ fg.red, fg.green, fg.blue, fg.alpha * 0.12 };
  style->background.alpha = 0.0;
  style->font = NULL; /* the Pango context's */
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

static KjRoadmapScene *
ensure_scene(KjRoadmapGraphView *self)
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

static int
selected_position(KjRoadmapGraphView *self)
{
  guint position;

  if (self->selected == NULL || self->roadmap == NULL ||
      !kj_roadmap_find_node(self->roadmap, self->selected, &position))
    return -1;
  return (int)position;
}

static KjRoadmapNode *
node_at_position(KjRoadmapGraphView *self, int position)
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
  return ensure_scene(self);
}

static int
node_at(KjRoadmapGraphView *self, double x, double y)
{
  KjRoadmapScene *scene = ensure_scene(self);
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
  KjRoadmapScene *scene = ensure_scene(self);
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

static void
update_hover(KjRoadmapGraphView *self)
{
  int hovered = -1;

  if (self->inside && self->drag != DRAG_PAN)
    hovered = node_at(self, self->pointer_x, self->pointer_y);
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
static void
view_changed(KjRoadmapGraphView *self)
{
  clamp_origin(self);
  update_hover(self);
  gtk_widget_queue_draw(GTK_WIDGET(self));
}

/* Zooms keeping the scene point under (x, y) where it is. */
static void
zoom_at(KjRoadmapGraphView *self, double zoom, double x, double y)
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
  view_changed(self);
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
  if (width <= 0 || height <= 0 || (scene = ensure_scene(self)) == NULL)
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
  view_changed(self);
}

/* Scrolls as little as needed to show the node with a margin round it. */
static void
scroll_to_node(KjRoadmapGraphView *self, int position)
{
  GtkWidget *widget = GTK_WIDGET(self);
  double width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  KjRoadmapScene *scene = ensure_scene(self);
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
  view_changed(self);
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

static void
select_position(KjRoadmapGraphView *self, int position)
{
  kj_roadmap_graph_view_set_selected(self, node_at_position(self, position));
}

static void
activate_position(KjRoadmapGraphView *self, int position)
{
  KjRoadmapNode *node = node_at_position(self, position);

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
  if (self->selected != NULL && selected_position(self) < 0)
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
  zoom_at(self, zoom, gtk_widget_get_width(widget) / 2.0, gtk_widget_get_height(widget) / 2.0);
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

/* ---- input: the handlers the controllers and the tests call ---- */

static void
pointer_moved(KjRoadmapGraphView *self, double x, double y)
{
  self->inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  update_hover(self);
}

static void
press(KjRoadmapGraphView *self, int n_press, double x, double y)
{
  int position = node_at(self, x, y);

  gtk_widget_grab_focus(GTK_WIDGET(self));
  if (position < 0)
    return;
  /* At once on a node, so a drag that follows starts from the selection. */
  select_position(self, position);
  if (n_press == 2)
    activate_position(self, position);
}

/* On empty space, unselect, unless the press became a drag. */
static void
release(KjRoadmapGraphView *self, double x, double y)
{
  if (node_at(self, x, y) < 0)
    kj_roadmap_graph_view_set_selected(self, NULL);
}

static void
drag_begin(KjRoadmapGraphView *self, guint button, double x, double y, GdkModifierType state)
{
  int position = node_at(self, x, y);

  if (button == GDK_BUTTON_PRIMARY && (state & GDK_SHIFT_MASK) && position >= 0) {
    self->drag = DRAG_CONNECT;
    self->connect_from = position;
    kj_roadmap_graph_view_widget_to_scene(self, x, y, &self->connect_x, &self->connect_y);
  } else {
    self->drag = DRAG_PAN;
    self->drag_origin_x = self->origin_x;
    self->drag_origin_y = self->origin_y;
  }
  pointer_moved(self, x, y);
}

static void
drag_update(KjRoadmapGraphView *self, double start_x, double start_y, double dx, double dy)
{
  if (self->drag == DRAG_PAN) {
    self->origin_x = self->drag_origin_x + dx;
    self->origin_y = self->drag_origin_y + dy;
    self->fit_pending = FALSE;
    view_changed(self);
  } else if (self->drag == DRAG_CONNECT) {
    kj_roadmap_graph_view_widget_to_scene(self, start_x + dx, start_y + dy, &self->connect_x,
                                          &self->connect_y);
    gtk_widget_queue_draw(GTK_WIDGET(self));
  }
  pointer_moved(self, start_x + dx, start_y + dy);
}

static void
drag_end(KjRoadmapGraphView *self, double start_x, double start_y, double dx, double dy)
{
  DragMode mode = self->drag;
  int from = self->connect_from;

  drag_update(self, start_x, start_y, dx, dy);
  self->drag = DRAG_NONE;
  self->connect_from = -1;
  update_hover(self);
  gtk_widget_queue_draw(GTK_WIDGET(self));
  if (mode == DRAG_CONNECT) {
    int to = node_at(self, start_x + dx, start_y + dy);
    KjRoadmapNode *from_node = node_at_position(self, from);
    KjRoadmapNode *to_node = node_at_position(self, to);

    if (from_node != NULL && to_node != NULL && from_node != to_node)
      g_signal_emit(self, signals[CONNECT_REQUESTED], 0, from_node, to_node);
  }
}

/* dx, dy: wheel clicks, or pixels for smooth (touchpad) scrolling. */
static void
scroll(KjRoadmapGraphView *self, double dx, double dy, gboolean wheel, GdkModifierType state)
{
  GtkWidget *widget = GTK_WIDGET(self);
  double x = self->inside ? self->pointer_x : gtk_widget_get_width(widget) / 2.0;
  double y = self->inside ? self->pointer_y : gtk_widget_get_height(widget) / 2.0;

  if (state & GDK_CONTROL_MASK) {
    double factor = wheel ? pow(WHEEL_ZOOM, -dy) : exp(-dy * 0.01);

    zoom_at(self, self->zoom * factor, x, y);
    return;
  }
  if (wheel) {
    dx *= WHEEL_PAN;
    dy *= WHEEL_PAN;
  }
  if ((state & GDK_SHIFT_MASK) && dx == 0.0) {
    dx = dy;
    dy = 0.0;
  }
  self->origin_x -= dx;
  self->origin_y -= dy;
  self->fit_pending = FALSE;
  view_changed(self);
}

static gboolean
key_pressed(KjRoadmapGraphView *self, guint keyval, GdkModifierType state)
{
  KjRoadmapScene *scene = ensure_scene(self);
  int position = selected_position(self);
  KjRoadmapSceneMove move;

  /* Ctrl and the like belong to the page's shortcuts. */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  switch (keyval) {
  case GDK_KEY_plus:
  case GDK_KEY_equal:
  case GDK_KEY_KP_Add:
    kj_roadmap_graph_view_zoom_in(self);
    return TRUE;
  case GDK_KEY_minus:
  case GDK_KEY_KP_Subtract:
    kj_roadmap_graph_view_zoom_out(self);
    return TRUE;
  case GDK_KEY_Return:
  case GDK_KEY_KP_Enter:
  case GDK_KEY_ISO_Enter:
  case GDK_KEY_space:
  case GDK_KEY_KP_Space:
    if (position < 0)
      return FALSE;
    activate_position(self, position);
    return TRUE;
  case GDK_KEY_Escape:
    if (self->selected == NULL)
      return FALSE;
    kj_roadmap_graph_view_set_selected(self, NULL);
    return TRUE;
  case GDK_KEY_Up:
  case GDK_KEY_KP_Up:
    move = KJ_ROADMAP_SCENE_UP;
    break;
  case GDK_KEY_Down:
  case GDK_KEY_KP_Down:
    move = KJ_ROADMAP_SCENE_DOWN;
    break;
  case GDK_KEY_Left:
  case GDK_KEY_KP_Left:
    move = KJ_ROADMAP_SCENE_LEFT;
    break;
  case GDK_KEY_Right:
  case GDK_KEY_KP_Right:
    move = KJ_ROADMAP_SCENE_RIGHT;
    break;
  default:
    return FALSE;
  }
  if (scene == NULL || kj_roadmap_scene_get_n_nodes(scene) == 0)
    return FALSE;
  if (position < 0) {
    select_position(self, 0);
  } else {
    int next = kj_roadmap_scene_neighbour(scene, position, move);

    if (next >= 0)
      select_position(self, next);
  }
  return TRUE;
}

static char *
tooltip_markup(KjRoadmapGraphView *self, int position)
{
  KjRoadmapNode *node = node_at_position(self, position);
  g_autoptr(GString) markup = g_string_new(NULL);
  g_autofree char *title = NULL;
  g_autofree char *facts = NULL;
  KjRoadmapStage stage;
  const char *description;
  double hours;

  if (node == NULL)
    return NULL;
  title = g_markup_escape_text(kj_roadmap_node_get_title(node), -1);
  g_string_append_printf(markup, "<b>%s</b>", title);

  stage = kj_roadmap_node_get_stage(node);
  if (stage != KJ_ROADMAP_STAGE_NONE)
    /* Translators: a topic's kind, stage and status in the graph's tooltip,
     * as in "Skill · Foundations · Learning" */
    facts = g_strdup_printf(_("%s · %s · %s"),
                            kj_roadmap_node_kind_get_label(kj_roadmap_node_get_kind(node)),
                            kj_roadmap_stage_get_label(stage),
                            kj_roadmap_status_get_label(kj_roadmap_node_get_status(node)));
  else
    /* Translators: a topic's kind and status in the graph's tooltip, as in
     * "Skill · Learning" */
    facts = g_strdup_printf(_("%s · %s"),
                            kj_roadmap_node_kind_get_label(kj_roadmap_node_get_kind(node)),
                            kj_roadmap_status_get_label(kj_roadmap_node_get_status(node)));
  {
    g_autofree char *escaped = g_markup_escape_text(facts, -1);

    g_string_append_printf(markup, "\n%s", escaped);
  }

  hours = kj_roadmap_node_get_estimated_hours(node);
  if (hours > 0.0) {
    g_autofree char *number = kj_number_format(hours, 1);
    /* Translators: a topic's estimated hours of study in the graph's tooltip */
    g_autofree char *text = g_strdup_printf(_("Estimated: %s h"), number);
    g_autofree char *escaped = g_markup_escape_text(text, -1);

    g_string_append_printf(markup, "\n%s", escaped);
  }

  description = kj_roadmap_node_get_description(node);
  if (description != NULL && *description != '\0') {
    glong length = g_utf8_strlen(description, -1);
    /* Not past the end: GLib 2.74 would read beyond the string. */
    g_autofree char *start = g_utf8_substring(description, 0, MIN(length, DESCRIPTION_CHARS));
    g_autofree char *escaped = NULL;

    g_strstrip(start);
    escaped = g_markup_escape_text(start, -1);
    g_string_append_printf(markup, "\n\n%s%s", escaped, length > DESCRIPTION_CHARS ? "…" : "");
  }
  return g_string_free(g_steal_pointer(&markup), FALSE);
}

/* ---- the controllers ---- */

static void
on_click_pressed(GtkGestureClick *gesture, int n_press, double x, double y,
                 KjRoadmapGraphView *self)
{
  press(self, n_press, x, y);
}

static void
on_click_released(GtkGestureClick *gesture, int n_press, double x, double y,
                  KjRoadmapGraphView *self)
{
  release(self, x, y);
}

static void
on_drag_begin(GtkGestureDrag *gesture, double x, double y, KjRoadmapGraphView *self)
{
  GtkGestureSingle *single = GTK_GESTURE_SINGLE(gesture);
  GdkModifierType state =
      gtk_event_controller_get_current_event_state(GTK_EVENT_CONTROLLER(gesture));

  drag_begin(self, gtk_gesture_single_get_current_button(single), x, y, state);
}

static void
on_drag_update(GtkGestureDrag *gesture, double dx, double dy, KjRoadmapGraphView *self)
{
  double x, y;

  if (self->drag == DRAG_NONE || !gtk_gesture_drag_get_start_point(gesture, &x, &y))
    return;
  drag_update(self, x, y, dx, dy);
}

static void
on_drag_end(GtkGestureDrag *gesture, double dx, double dy, KjRoadmapGraphView *self)
{
  double x, y;

  if (self->drag == DRAG_NONE || !gtk_gesture_drag_get_start_point(gesture, &x, &y))
    return;
  drag_end(self, x, y, dx, dy);
}

static void
on_drag_cancel(GtkGesture *gesture, GdkEventSequence *sequence, KjRoadmapGraphView *self)
{
  self->drag = DRAG_NONE;
  self->connect_from = -1;
  update_hover(self);
  gtk_widget_queue_draw(GTK_WIDGET(self));
}

static gboolean
on_scroll(GtkEventControllerScroll *controller, double dx, double dy, KjRoadmapGraphView *self)
{
  GdkModifierType state =
      gtk_event_controller_get_current_event_state(GTK_EVENT_CONTROLLER(controller));

  scroll(self, dx, dy, gtk_event_controller_scroll_get_unit(controller) == GDK_SCROLL_UNIT_WHEEL,
         state);
  return TRUE;
}

static void
on_zoom_begin(GtkGesture *gesture, GdkEventSequence *sequence, KjRoadmapGraphView *self)
{
  self->pinch_zoom = self->zoom;
}

static void
on_zoom_scale_changed(GtkGestureZoom *gesture, double scale, KjRoadmapGraphView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center(GTK_GESTURE(gesture), &x, &y))
    return;
  zoom_at(self, self->pinch_zoom * scale, x, y);
}

static void
on_motion(GtkEventControllerMotion *controller, double x, double y, KjRoadmapGraphView *self)
{
  pointer_moved(self, x, y);
}

static void
on_leave(GtkEventControllerMotion *controller, KjRoadmapGraphView *self)
{
  self->inside = FALSE;
  update_hover(self);
}

static gboolean
on_key_pressed(GtkEventControllerKey *controller, guint keyval, guint keycode,
               GdkModifierType state, KjRoadmapGraphView *self)
{
  return key_pressed(self, keyval, state);
}

/* ---- test hooks ---- */

void
kj_roadmap_graph_view_test_click(KjRoadmapGraphView *self, double x, double y, int n_press)
{
  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  pointer_moved(self, x, y);
  press(self, n_press, x, y);
  release(self, x, y);
}

gboolean
kj_roadmap_graph_view_test_key(KjRoadmapGraphView *self, guint keyval, GdkModifierType state)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self), FALSE);
  return key_pressed(self, keyval, state);
}

void
kj_roadmap_graph_view_test_scroll(KjRoadmapGraphView *self, double x, double y, double dx,
                                  double dy, GdkModifierType state)
{
  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  pointer_moved(self, x, y);
  scroll(self, dx, dy, TRUE, state);
}

void
kj_roadmap_graph_view_test_drag(KjRoadmapGraphView *self, guint button, double x0, double y0,
                                double x1, double y1, GdkModifierType state)
{
  const guint steps = 4;

  g_return_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self));
  drag_begin(self, button, x0, y0, state);
  for (guint i = 1; i < steps; i++)
    drag_update(self, x0, y0, (x1 - x0) * i / steps, (y1 - y0) * i / steps);
  drag_end(self, x0, y0, x1 - x0, y1 - y0);
}

char *
kj_roadmap_graph_view_test_tooltip(KjRoadmapGraphView *self, double x, double y)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GRAPH_VIEW(self), NULL);
  return tooltip_markup(self, node_at(self, x, y));
}

/* ---- GtkWidget ---- */

static void
kj_roadmap_graph_view_snapshot(GtkWidget *widget, GtkSnapshot *snapshot)
{
  KjRoadmapGraphView *self = KJ_ROADMAP_GRAPH_VIEW(widget);
  int width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  KjRoadmapScene *scene = ensure_scene(self);
  KjRoadmapSceneState state;
  KjLayoutRect visible;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || scene == NULL)
    return;
  clamp_origin(self); /* the scene may have shrunk */
  kj_roadmap_scene_state_init(&state);
  state.selected = selected_position(self);
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
    view_changed(self);
}

static gboolean
kj_roadmap_graph_view_query_tooltip(GtkWidget *widget, int x, int y, gboolean keyboard_mode,
                                    GtkTooltip *tooltip)
{
  KjRoadmapGraphView *self = KJ_ROADMAP_GRAPH_VIEW(widget);
  int position = keyboard_mode ? selected_position(self) : node_at(self, x, y);
  g_autofree char *markup = tooltip_markup(self, position);
  KjLayoutRect r;
  double x0, y0, x1, y1;

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup(tooltip, markup);
  /* A new tooltip for each node, not one that follows the pointer. */
  if (kj_roadmap_scene_get_node_rect(ensure_scene(self), position, &r)) {
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
  GtkGesture *click = gtk_gesture_click_new();
  GtkGesture *drag = gtk_gesture_drag_new();
  GtkGesture *middle_drag = gtk_gesture_drag_new();
  GtkGesture *zoom = gtk_gesture_zoom_new();
  GtkEventController *scroll_controller =
      gtk_event_controller_scroll_new(GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new();
  GtkEventController *key = gtk_event_controller_key_new();

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

  gtk_gesture_single_set_button(GTK_GESTURE_SINGLE(click), GDK_BUTTON_PRIMARY);
  g_signal_connect(click, "pressed", G_CALLBACK(on_click_pressed), self);
  g_signal_connect(click, "released", G_CALLBACK(on_click_released), self);
  gtk_widget_add_controller(widget, GTK_EVENT_CONTROLLER(click));

  gtk_gesture_single_set_button(GTK_GESTURE_SINGLE(drag), GDK_BUTTON_PRIMARY);
  gtk_gesture_single_set_button(GTK_GESTURE_SINGLE(middle_drag), GDK_BUTTON_MIDDLE);
  for (guint i = 0; i < 2; i++) {
    GtkGesture *gesture = i == 0 ? drag : middle_drag;

    g_signal_connect(gesture, "drag-begin", G_CALLBACK(on_drag_begin), self);
    g_signal_connect(gesture, "drag-update", G_CALLBACK(on_drag_update), self);
    g_signal_connect(gesture, "drag-end", G_CALLBACK(on_drag_end), self);
    g_signal_connect(gesture, "cancel", G_CALLBACK(on_drag_cancel), self);
    gtk_widget_add_controller(widget, GTK_EVENT_CONTROLLER(gesture));
  }

  g_signal_connect(zoom, "begin", G_CALLBACK(on_zoom_begin), self);
  g_signal_connect(zoom, "scale-changed", G_CALLBACK(on_zoom_scale_changed), self);
  gtk_widget_add_controller(widget, GTK_EVENT_CONTROLLER(zoom));

  g_signal_connect(scroll_controller, "scroll", G_CALLBACK(on_scroll), self);
  gtk_widget_add_controller(widget, scroll_controller);

  g_signal_connect(motion, "motion", G_CALLBACK(on_motion), self);
  g_signal_connect(motion, "enter", G_CALLBACK(on_motion), self);
  g_signal_connect(motion, "leave", G_CALLBACK(on_leave), self);
  gtk_widget_add_controller(widget, motion);

  g_signal_connect(key, "key-pressed", G_CALLBACK(on_key_pressed), self);
  gtk_widget_add_controller(widget, key);

  g_signal_connect_swapped(adw_style_manager_get_default(), "notify::dark",
                           G_CALLBACK(on_style_changed), self);
}

GtkWidget *
kj_roadmap_graph_view_new(void)
{
  return g_object_new(KJ_TYPE_ROADMAP_GRAPH_VIEW, NULL);
}
