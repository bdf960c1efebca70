/* The graph view's input: pointer, touch, keys and tooltips, through
 * handlers that the event controllers and the tests call alike. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kj-number.h"
#include "kj-roadmap-graph-view-internal.h"

static void
pointer_moved(KjRoadmapGraphView *self, double x, double y)
{
  self->inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  kj_graph_view_update_hover(self);
}

static void
press(KjRoadmapGraphView *self, int n_press, double x, double y)
{
  int position = kj_graph_view_node_at(self, x, y);

  gtk_widget_grab_focus(GTK_WIDGET(self));
  if (position < 0)
    return;
  /* At once on a node, so a drag that follows starts from the selection. */
  kj_graph_view_select_position(self, position);
  if (n_press == 2)
    kj_graph_view_activate_position(self, position);
}

/* On empty space, unselect, unless the press became a drag. */
static void
release(KjRoadmapGraphView *self, double x, double y)
{
  if (kj_graph_view_node_at(self, x, y) < 0)
    kj_roadmap_graph_view_set_selected(self, NULL);
}

static void
drag_begin(KjRoadmapGraphView *self, guint button, double x, double y, GdkModifierType state)
{
  int position = kj_graph_view_node_at(self, x, y);

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
    kj_graph_view_view_changed(self);
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
  kj_graph_view_update_hover(self);
  gtk_widget_queue_draw(GTK_WIDGET(self));
  if (mode == DRAG_CONNECT) {
    int to = kj_graph_view_node_at(self, start_x + dx, start_y + dy);
    KjRoadmapNode *from_node = kj_graph_view_node_at_position(self, from);
    KjRoadmapNode *to_node = kj_graph_view_node_at_position(self, to);

    if (from_node != NULL && to_node != NULL && from_node != to_node)
      kj_graph_view_emit_connect_requested(self, from_node, to_node);
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

    kj_graph_view_zoom_at(self, self->zoom * factor, x, y);
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
  kj_graph_view_view_changed(self);
}

static gboolean
key_pressed(KjRoadmapGraphView *self, guint keyval, GdkModifierType state)
{
  KjRoadmapScene *scene = kj_graph_view_ensure_scene(self);
  int position = kj_graph_view_selected_position(self);
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
    kj_graph_view_activate_position(self, position);
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
    kj_graph_view_select_position(self, 0);
  } else {
    int next = kj_roadmap_scene_neighbour(scene, position, move);

    if (next >= 0)
      kj_graph_view_select_position(self, next);
  }
  return TRUE;
}

char *
kj_graph_view_tooltip_markup(KjRoadmapGraphView *self, int position)
{
  KjRoadmapNode *node = kj_graph_view_node_at_position(self, position);
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
  kj_graph_view_update_hover(self);
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
  kj_graph_view_zoom_at(self, self->pinch_zoom * scale, x, y);
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
  kj_graph_view_update_hover(self);
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
  return kj_graph_view_tooltip_markup(self, kj_graph_view_node_at(self, x, y));
}

/* Every pointer, touch and key controller of the view. */
void
kj_graph_view_add_controllers(KjRoadmapGraphView *self)
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
}
