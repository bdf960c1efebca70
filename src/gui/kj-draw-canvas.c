#include "config.h"

#include "kj-draw-canvas.h"

#include <glib/gi18n.h>
#include <math.h>

#define MIN_SIDE      160
#define NATURAL_SIDE  280
#define CORNER_RADIUS 8.0
/* Closer points add cost, not shape (units of the side: 0.5 px at 250 px). */
#define MIN_STEP 0.002
/* Pressure changes below this do not make a point of their own. */
#define MIN_PRESSURE_STEP 0.05

#define DEFAULT_BRUSH_SIZE 0.08
#define MIN_BRUSH_SIZE     0.01
#define MAX_BRUSH_SIZE     0.5

typedef struct {
  float x, y, pressure;
} Point;

typedef struct {
  double width; /* at full pressure, in units of the side */
  GArray *points;
} Stroke;

struct _KjDrawCanvas {
  GtkWidget parent_instance;

  /* owned */
  GPtrArray *strokes; /* Stroke *, oldest first */
  GPtrArray *cleared; /* what the last clear removed, while undo can bring it back */
  guint changed_tick; /* a pending "changed", on the next frame */
  guint changed_idle; /* … or on idle, while unmapped (no frames) */

  gboolean drawing; /* the last stroke is still open */
  double brush_size;
  gboolean inverted;
  /* as last notified */
  gboolean was_empty;
  gboolean could_undo;
};

G_DEFINE_FINAL_TYPE(KjDrawCanvas, kj_draw_canvas, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_EMPTY, PROP_CAN_UNDO, PROP_BRUSH_SIZE, PROP_INVERTED, N_PROPS };
enum { SIGNAL_CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
stroke_free(gpointer data)
{
  Stroke *stroke = data;

  g_array_unref(stroke->points);
  g_free(stroke);
}

static GPtrArray *
strokes_new(void)
{
  return g_ptr_array_new_with_free_func(stroke_free);
}

/* ---- drawing ---- */

/* A light touch still leaves a visible line; sqrt because pens report
 * pressures well below 1 for a firm stroke. */
static double
stroke_width(const Stroke *stroke, double pressure)
{
  return stroke->width * (0.3 + 0.7 * sqrt(CLAMP(pressure, 0.0, 1.0)));
}

/* A quadratic Bézier from the current point, as cairo's cubic. */
static void
quad_to(cairo_t *cr, double cx, double cy, double x, double y)
{
  double x0, y0;

  cairo_get_current_point(cr, &x0, &y0);
  cairo_curve_to(cr, x0 + 2.0 / 3.0 * (cx - x0), y0 + 2.0 / 3.0 * (cy - y0),
                 x + 2.0 / 3.0 * (cx - x), y + 2.0 / 3.0 * (cy - y), x, y);
}

/* Smoothed through the midpoints of the segments, each input point a
 * control point.  A stroke of one width is one path, so its round joins
 * stay clean; a pen's varying width is drawn piece by piece, each piece's
 * round caps hiding the seams. */
static void
draw_stroke(cairo_t *cr, const Stroke *stroke)
{
  const Point *p = (const Point *)(gpointer)stroke->points->data;
  guint n = stroke->points->len;
  gboolean one_width = TRUE;

  for (guint i = 1; i < n && one_width; i++)
    one_width = p[i].pressure == p[0].pressure;

  if (n < 3 || one_width) {
    cairo_set_line_width(cr, stroke_width(stroke, p[0].pressure));
    cairo_move_to(cr, p[0].x, p[0].y);
    if (n < 3) {
      /* One point: a zero-length line, which round caps make a dot. */
      cairo_line_to(cr, p[n - 1].x, p[n - 1].y);
    } else {
      cairo_line_to(cr, (p[0].x + p[1].x) / 2, (p[0].y + p[1].y) / 2);
      for (guint i = 1; i + 1 < n; i++)
        quad_to(cr, p[i].x, p[i].y, (p[i].x + p[i + 1].x) / 2, (p[i].y + p[i + 1].y) / 2);
      cairo_line_to(cr, p[n - 1].x, p[n - 1].y);
    }
    cairo_stroke(cr);
    return;
  }

  cairo_set_line_width(cr, stroke_width(stroke, p[0].pressure));
  cairo_move_to(cr, p[0].x, p[0].y);
  cairo_line_to(cr, (p[0].x + p[1].x) / 2, (p[0].y + p[1].y) / 2);
  cairo_stroke(cr);
  for (guint i = 1; i + 1 < n; i++) {
    cairo_set_line_width(cr, stroke_width(stroke, p[i].pressure));
    cairo_move_to(cr, (p[i - 1].x + p[i].x) / 2, (p[i - 1].y + p[i].y) / 2);
    quad_to(cr, p[i].x, p[i].y, (p[i].x + p[i + 1].x) / 2, (p[i].y + p[i + 1].y) / 2);
    cairo_stroke(cr);
  }
  cairo_set_line_width(cr, stroke_width(stroke, p[n - 1].pressure));
  cairo_move_to(cr, (p[n - 2].x + p[n - 1].x) / 2, (p[n - 2].y + p[n - 1].y) / 2);
  cairo_line_to(cr, p[n - 1].x, p[n - 1].y);
  cairo_stroke(cr);
}

/* The strokes in ink, over a square of side pixels at the origin. */
static void
draw_strokes(KjDrawCanvas *self, cairo_t *cr, double side)
{
  double ink = self->inverted ? 0.0 : 1.0;

  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, side, side);
  cairo_clip(cr);
  cairo_scale(cr, side, side);
  cairo_set_source_rgb(cr, ink, ink, ink);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->strokes->len; i++)
    draw_stroke(cr, g_ptr_array_index(self->strokes, i));
  cairo_restore(cr);
}

/* The drawing: the largest square centred in the widget. */
static void
get_square(KjDrawCanvas *self, double *x, double *y, double *side)
{
  GtkWidget *widget = GTK_WIDGET(self);
  int width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);

  *side = MIN(width, height);
  *x = floor((width - *side) / 2);
  *y = floor((height - *side) / 2);
}

/* ---- state ---- */

static void
emit_changed_now(KjDrawCanvas *self)
{
  if (self->changed_tick != 0)
    gtk_widget_remove_tick_callback(GTK_WIDGET(self), self->changed_tick);
  self->changed_tick = 0;
  g_clear_handle_id(&self->changed_idle, g_source_remove);
  g_signal_emit(self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
on_changed_tick(GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  KjDrawCanvas *self = KJ_DRAW_CANVAS(widget);

  self->changed_tick = 0;
  g_signal_emit(self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static gboolean
on_changed_idle(gpointer user_data)
{
  KjDrawCanvas *self = user_data;

  self->changed_idle = 0;
  g_signal_emit(self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Pointer motion comes faster than anyone can classify. */
static void
queue_changed(KjDrawCanvas *self)
{
  if (self->changed_tick != 0 || self->changed_idle != 0)
    return;
  if (gtk_widget_get_mapped(GTK_WIDGET(self)))
    self->changed_tick =
        gtk_widget_add_tick_callback(GTK_WIDGET(self), on_changed_tick, NULL, NULL);
  else
    self->changed_idle = g_idle_add(on_changed_idle, self);
}

/* After every edit: notifications, actions, a redraw. */
static void
update_state(KjDrawCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET(self);
  gboolean empty = kj_draw_canvas_is_empty(self);
  gboolean can_undo = kj_draw_canvas_can_undo(self);

  gtk_widget_action_set_enabled(widget, "canvas.clear", !empty);
  gtk_widget_action_set_enabled(widget, "canvas.undo", can_undo);
  if (empty != self->was_empty) {
    self->was_empty = empty;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_EMPTY]);
  }
  if (can_undo != self->could_undo) {
    self->could_undo = can_undo;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_CAN_UNDO]);
  }
  gtk_widget_queue_draw(widget);
}

/* ---- input ---- */

static void
to_units(KjDrawCanvas *self, double x, double y, double *ux, double *uy)
{
  double sx, sy, side;

  get_square(self, &sx, &sy, &side);
  side = MAX(side, 1.0);
  *ux = (x - sx) / side;
  *uy = (y - sy) / side;
}

/* A pen's pressure; 1 for a mouse or a finger, which have none. */
static double
event_pressure(GtkGesture *gesture)
{
  GdkEvent *event = gtk_event_controller_get_current_event(GTK_EVENT_CONTROLLER(gesture));
  double pressure;

  if (event != NULL && gdk_event_get_axis(event, GDK_AXIS_PRESSURE, &pressure))
    return pressure;
  return 1.0;
}

static void
on_drag_begin(GtkGestureDrag *gesture, double x, double y, KjDrawCanvas *self)
{
  double ux, uy;

  /* Ours, not a scrolled window's pan. */
  gtk_gesture_set_state(GTK_GESTURE(gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus(GTK_WIDGET(self));
  to_units(self, x, y, &ux, &uy);
  kj_draw_canvas_begin_stroke(self, ux, uy, event_pressure(GTK_GESTURE(gesture)));
}

static void
on_drag_update(GtkGestureDrag *gesture, double dx, double dy, KjDrawCanvas *self)
{
  double x, y, ux, uy;

  if (!gtk_gesture_drag_get_start_point(gesture, &x, &y))
    return;
  to_units(self, x + dx, y + dy, &ux, &uy);
  kj_draw_canvas_extend_stroke(self, ux, uy, event_pressure(GTK_GESTURE(gesture)));
}

static void
on_drag_end(GtkGestureDrag *gesture, double dx, double dy, KjDrawCanvas *self)
{
  on_drag_update(gesture, dx, dy, self);
  kj_draw_canvas_end_stroke(self);
}

static void
clear_action(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  kj_draw_canvas_clear(KJ_DRAW_CANVAS(widget));
}

static void
undo_action(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  kj_draw_canvas_undo(KJ_DRAW_CANVAS(widget));
}

/* ---- GtkWidget ---- */

static void
draw_placeholder(KjDrawCanvas *self, GtkSnapshot *snapshot, double x, double y, double side,
                 const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout(GTK_WIDGET(self), _("Draw here"));
  PangoAttrList *attrs = pango_attr_list_new();
  double margin = 12.0;
  int height;

  pango_attr_list_insert(attrs, pango_attr_scale_new(PANGO_SCALE_X_LARGE));
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  /* Centred within the margins, wrapped when a translation is long. */
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width(layout, (int)MAX(side - 2 * margin, 1.0) * PANGO_SCALE);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size(layout, NULL, &height);

  gtk_snapshot_save(snapshot);
  gtk_snapshot_translate(snapshot,
                         &GRAPHENE_POINT_INIT(round(x + margin), round(y + (side - height) / 2)));
  gtk_snapshot_append_layout(snapshot, layout, color);
  gtk_snapshot_restore(snapshot);
  g_object_unref(layout);
}

static void
kj_draw_canvas_snapshot(GtkWidget *widget, GtkSnapshot *snapshot)
{
  KjDrawCanvas *self = KJ_DRAW_CANVAS(widget);
  double x, y, side;
  double ink = self->inverted ? 0.0 : 1.0;
  GdkRGBA paper = { 1.0 - ink, 1.0 - ink, 1.0 - ink, 1.0 };
  graphene_rect_t bounds;
  GskRoundedRect outline;

  get_square(self, &x, &y, &side);
  if (side <= 0)
    return;
  bounds = GRAPHENE_RECT_INIT(x, y, side, side);
  gsk_rounded_rect_init_from_rect(&outline, &bounds, CORNER_RADIUS);

  gtk_snapshot_push_rounded_clip(snapshot, &outline);
  gtk_snapshot_append_color(snapshot, &paper, &bounds);
  if (self->strokes->len > 0) {
    cairo_t *cr = gtk_snapshot_append_cairo(snapshot, &bounds);

    cairo_translate(cr, x, y);
    draw_strokes(self, cr, side);
    cairo_destroy(cr);
  } else {
    GdkRGBA hint = { ink, ink, ink, 0.55 };

    draw_placeholder(self, snapshot, x, y, side, &hint);
  }
  gtk_snapshot_pop(snapshot);

  if (gtk_widget_has_visible_focus(widget)) {
    GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
    const float widths[4] = { 2, 2, 2, 2 };

    gtk_style_context_lookup_color(gtk_widget_get_style_context(widget), "accent_color", &accent);
    gtk_snapshot_append_border(snapshot, &outline, widths,
                               (const GdkRGBA[4]){ accent, accent, accent, accent });
  }
}

static void
kj_draw_canvas_measure(GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = MIN_SIDE;
  *natural = NATURAL_SIDE;
}

static void
kj_draw_canvas_unmap(GtkWidget *widget)
{
  KjDrawCanvas *self = KJ_DRAW_CANVAS(widget);

  GTK_WIDGET_CLASS(kj_draw_canvas_parent_class)->unmap(widget);
  /* No more frames: a pending "changed" would wait until mapped again. */
  if (self->changed_tick != 0) {
    gtk_widget_remove_tick_callback(widget, self->changed_tick);
    self->changed_tick = 0;
    queue_changed(self);
  }
}

static void
kj_draw_canvas_state_flags_changed(GtkWidget *widget, GtkStateFlags previous)
{
  GTK_WIDGET_CLASS(kj_draw_canvas_parent_class)->state_flags_changed(widget, previous);
  /* The focus ring. */
  if ((previous ^ gtk_widget_get_state_flags(widget)) & GTK_STATE_FLAG_FOCUS_VISIBLE)
    gtk_widget_queue_draw(widget);
}

/* ---- GObject ---- */

static void
kj_draw_canvas_dispose(GObject *object)
{
  KjDrawCanvas *self = KJ_DRAW_CANVAS(object);

  if (self->changed_tick != 0)
    gtk_widget_remove_tick_callback(GTK_WIDGET(self), self->changed_tick);
  self->changed_tick = 0;
  g_clear_handle_id(&self->changed_idle, g_source_remove);
  G_OBJECT_CLASS(kj_draw_canvas_parent_class)->dispose(object);
}

static void
kj_draw_canvas_finalize(GObject *object)
{
  KjDrawCanvas *self = KJ_DRAW_CANVAS(object);

  g_ptr_array_unref(self->strokes);
  g_clear_pointer(&self->cleared, g_ptr_array_unref);
  G_OBJECT_CLASS(kj_draw_canvas_parent_class)->finalize(object);
}

static void
kj_draw_canvas_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjDrawCanvas *self = KJ_DRAW_CANVAS(object);

  switch (prop_id) {
  case PROP_EMPTY:
    g_value_set_boolean(value, kj_draw_canvas_is_empty(self));
    break;
  case PROP_CAN_UNDO:
    g_value_set_boolean(value, kj_draw_canvas_can_undo(self));
    break;
  case PROP_BRUSH_SIZE:
    g_value_set_double(value, self->brush_size);
    break;
  case PROP_INVERTED:
    g_value_set_boolean(value, self->inverted);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_draw_canvas_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjDrawCanvas *self = KJ_DRAW_CANVAS(object);

  switch (prop_id) {
  case PROP_BRUSH_SIZE:
    kj_draw_canvas_set_brush_size(self, g_value_get_double(value));
    break;
  case PROP_INVERTED:
    kj_draw_canvas_set_inverted(self, g_value_get_boolean(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_draw_canvas_class_init(KjDrawCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_draw_canvas_dispose;
  object_class->finalize = kj_draw_canvas_finalize;
  object_class->get_property = kj_draw_canvas_get_property;
  object_class->set_property = kj_draw_canvas_set_property;
  widget_class->snapshot = kj_draw_canvas_snapshot;
  widget_class->measure = kj_draw_canvas_measure;
  widget_class->unmap = kj_draw_canvas_unmap;
  widget_class->state_flags_changed = kj_draw_canvas_state_flags_changed;

  properties[PROP_EMPTY] =
      g_param_spec_boolean("empty", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean("can-undo", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BRUSH_SIZE] = g_param_spec_double(
      "brush-size", NULL, NULL, MIN_BRUSH_SIZE, MAX_BRUSH_SIZE, DEFAULT_BRUSH_SIZE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVERTED] =
      g_param_spec_boolean("inverted", NULL, NULL, FALSE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] = g_signal_new("changed", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action(widget_class, "canvas.clear", NULL, clear_action);
  gtk_widget_class_install_action(widget_class, "canvas.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_Delete, 0, "canvas.clear", NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_KP_Delete, 0, "canvas.clear", NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_Escape, 0, "canvas.clear", NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "canvas.undo",
                                      NULL);

  gtk_widget_class_set_css_name(widget_class, "drawcanvas");
  gtk_widget_class_set_accessible_role(widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kj_draw_canvas_init(KjDrawCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET(self);
  GtkGesture *drag = gtk_gesture_drag_new();

  self->strokes = strokes_new();
  self->brush_size = DEFAULT_BRUSH_SIZE;
  self->was_empty = TRUE;

  gtk_widget_set_focusable(widget, TRUE);
  gtk_widget_set_cursor_from_name(widget, "crosshair");

  g_signal_connect(drag, "drag-begin", G_CALLBACK(on_drag_begin), self);
  g_signal_connect(drag, "drag-update", G_CALLBACK(on_drag_update), self);
  g_signal_connect(drag, "drag-end", G_CALLBACK(on_drag_end), self);
  gtk_widget_add_controller(widget, GTK_EVENT_CONTROLLER(drag));

  gtk_accessible_update_property(
      GTK_ACCESSIBLE(self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Drawing canvas"),
      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
      _("Draw with the mouse, a pen or a finger. Delete clears the drawing; Ctrl+Z undoes the "
        "last stroke."),
      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, "Delete Escape Control+Z", -1);
  update_state(self);
}

/* ---- public ---- */

GtkWidget *
kj_draw_canvas_new(void)
{
  return g_object_new(KJ_TYPE_DRAW_CANVAS, NULL);
}

gboolean
kj_draw_canvas_is_empty(KjDrawCanvas *self)
{
  g_return_val_if_fail(KJ_IS_DRAW_CANVAS(self), TRUE);
  return self->strokes->len == 0;
}

gboolean
kj_draw_canvas_can_undo(KjDrawCanvas *self)
{
  g_return_val_if_fail(KJ_IS_DRAW_CANVAS(self), FALSE);
  return self->strokes->len > 0 || self->cleared != NULL;
}

void
kj_draw_canvas_clear(KjDrawCanvas *self)
{
  g_return_if_fail(KJ_IS_DRAW_CANVAS(self));

  if (self->strokes->len == 0)
    return;
  self->drawing = FALSE;
  g_clear_pointer(&self->cleared, g_ptr_array_unref);
  self->cleared = g_steal_pointer(&self->strokes);
  self->strokes = strokes_new();
  update_state(self);
  emit_changed_now(self);
}

void
kj_draw_canvas_undo(KjDrawCanvas *self)
{
  g_return_if_fail(KJ_IS_DRAW_CANVAS(self));

  self->drawing = FALSE;
  if (self->strokes->len > 0) {
    g_ptr_array_remove_index(self->strokes, self->strokes->len - 1);
  } else if (self->cleared != NULL) {
    g_ptr_array_unref(self->strokes);
    self->strokes = g_steal_pointer(&self->cleared);
  } else {
    return;
  }
  update_state(self);
  emit_changed_now(self);
}

void
kj_draw_canvas_begin_stroke(KjDrawCanvas *self, double x, double y, double pressure)
{
  Stroke *stroke;
  Point point = { (float)x, (float)y, (float)CLAMP(pressure, 0.0, 1.0) };

  g_return_if_fail(KJ_IS_DRAW_CANVAS(self));

  if (self->drawing)
    kj_draw_canvas_end_stroke(self);
  stroke = g_new0(Stroke, 1);
  stroke->width = self->brush_size;
  stroke->points = g_array_new(FALSE, FALSE, sizeof(Point));
  g_array_append_val(stroke->points, point);
  g_ptr_array_add(self->strokes, stroke);
  /* Drawing again forgets the clear: undo now takes this stroke back. */
  g_clear_pointer(&self->cleared, g_ptr_array_unref);
  self->drawing = TRUE;
  update_state(self);
  queue_changed(self);
}

void
kj_draw_canvas_extend_stroke(KjDrawCanvas *self, double x, double y, double pressure)
{
  Stroke *stroke;
  const Point *last;
  Point point = { (float)x, (float)y, (float)CLAMP(pressure, 0.0, 1.0) };

  g_return_if_fail(KJ_IS_DRAW_CANVAS(self));

  if (!self->drawing)
    return;
  stroke = g_ptr_array_index(self->strokes, self->strokes->len - 1);
  last = &g_array_index(stroke->points, Point, stroke->points->len - 1);
  if (hypot(point.x - last->x, point.y - last->y) < MIN_STEP &&
      fabsf(point.pressure - last->pressure) < MIN_PRESSURE_STEP)
    return;
  g_array_append_val(stroke->points, point);
  gtk_widget_queue_draw(GTK_WIDGET(self));
  queue_changed(self);
}

void
kj_draw_canvas_end_stroke(KjDrawCanvas *self)
{
  g_return_if_fail(KJ_IS_DRAW_CANVAS(self));

  if (!self->drawing)
    return;
  self->drawing = FALSE;
  emit_changed_now(self);
}

GdkPixbuf *
kj_draw_canvas_get_pixbuf(KjDrawCanvas *self, int size)
{
  double paper;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  int stride, rowstride;
  guint8 *pixels;
  GdkPixbuf *pixbuf;

  g_return_val_if_fail(KJ_IS_DRAW_CANVAS(self), NULL);
  g_return_val_if_fail(size >= 1 && size <= KJ_DRAW_CANVAS_MAX_PIXBUF_SIZE, NULL);

  surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create(surface);
  paper = self->inverted ? 1.0 : 0.0;
  cairo_set_source_rgb(cr, paper, paper, paper);
  cairo_paint(cr);
  draw_strokes(self, cr, size);
  cairo_destroy(cr);
  cairo_surface_flush(surface);

  pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, size, size);
  data = cairo_image_surface_get_data(surface);
  stride = cairo_image_surface_get_stride(surface);
  pixels = gdk_pixbuf_get_pixels(pixbuf);
  rowstride = gdk_pixbuf_get_rowstride(pixbuf);
  /* Cairo's ARGB32: native-endian words, premultiplied.  The paper is
   * opaque, so alpha is 255 but for the rounding of anti-aliased edges. */
  for (int y = 0; y < size; y++) {
    const guint32 *in = (const guint32 *)(gconstpointer)(data + (gsize)y * stride);
    guint8 *out = pixels + (gsize)y * rowstride;

    for (int x = 0; x < size; x++, out += 3) {
      guint32 p = in[x];
      guint a = p >> 24;

      if (a == 0) {
        out[0] = out[1] = out[2] = 0;
        continue;
      }
      out[0] = MIN(255u, (((p >> 16) & 0xff) * 255 + a / 2) / a);
      out[1] = MIN(255u, (((p >> 8) & 0xff) * 255 + a / 2) / a);
      out[2] = MIN(255u, ((p & 0xff) * 255 + a / 2) / a);
    }
  }
  cairo_surface_destroy(surface);
  return pixbuf;
}

double
kj_draw_canvas_get_brush_size(KjDrawCanvas *self)
{
  g_return_val_if_fail(KJ_IS_DRAW_CANVAS(self), DEFAULT_BRUSH_SIZE);
  return self->brush_size;
}

void
kj_draw_canvas_set_brush_size(KjDrawCanvas *self, double brush_size)
{
  g_return_if_fail(KJ_IS_DRAW_CANVAS(self));

  brush_size = CLAMP(brush_size, MIN_BRUSH_SIZE, MAX_BRUSH_SIZE);
  if (brush_size == self->brush_size)
    return;
  self->brush_size = brush_size;
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BRUSH_SIZE]);
}

gboolean
kj_draw_canvas_get_inverted(KjDrawCanvas *self)
{
  g_return_val_if_fail(KJ_IS_DRAW_CANVAS(self), FALSE);
  return self->inverted;
}

void
kj_draw_canvas_set_inverted(KjDrawCanvas *self, gboolean inverted)
{
  g_return_if_fail(KJ_IS_DRAW_CANVAS(self));

  inverted = !!inverted;
  if (inverted == self->inverted)
    return;
  self->inverted = inverted;
  gtk_widget_queue_draw(GTK_WIDGET(self));
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_INVERTED]);
  emit_changed_now(self);
}
