#include "config.h"

#include "kj-chart-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kj-chart-describe.h"
#include "kj-chart-export.h"
#include "kj-chart-render.h"
#include "kj-export-chooser.h"
#include "kj-number.h"
#include "kj-toast.h"
#include "kj-widget-style.h"

#define EXPORT_PNG_SCALE 2.0

struct _KjChartView {
  GtkWidget parent_instance;

  /* owned */
  KjChart *chart;
  GtkWidget *menu; /* GtkPopoverMenu, our child */
  guint describe_idle;

  /* the pointer read-out */
  gboolean hovering;
  double pointer_x;
  double pointer_y;
  gboolean has_hit;
  guint hit_series;
  guint hit_point;
};

G_DEFINE_FINAL_TYPE(KjChartView, kj_chart_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CHART, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* The chart in the widget's own colours and font, over its CSS background.
 * font_out holds the font string that style borrows. */
static void
get_style(KjChartView *self, KjChartStyle *style, char **font_out)
{
  kj_widget_style_get_chart_style(GTK_WIDGET(self), 0.12, style, font_out);
}

/* ---- pointer read-out ---- */

static gboolean
hit_is_valid(KjChartView *self)
{
  return self->has_hit && self->chart != NULL &&
         self->hit_series < kj_chart_get_n_series(self->chart) &&
         self->hit_point <
             kj_chart_series_get_n_points(kj_chart_get_series(self->chart, self->hit_series));
}

static void
update_hover(KjChartView *self)
{
  GtkWidget *widget = GTK_WIDGET(self);
  gboolean has_hit = FALSE;
  guint series = 0, point = 0;

  if (self->chart != NULL && self->hovering) {
    KjChartStyle style;
    g_autofree char *font = NULL;

    get_style(self, &style, &font);
    has_hit = kj_chart_find_nearest(self->chart, gtk_widget_get_width(widget),
                                    gtk_widget_get_height(widget), &style, self->pointer_x,
                                    self->pointer_y, &series, &point);
  }
  if (has_hit == self->has_hit && series == self->hit_series && point == self->hit_point)
    return;
  self->has_hit = has_hit;
  self->hit_series = series;
  self->hit_point = point;
  gtk_widget_queue_draw(widget);
}

static char *
readout_markup(KjChartView *self, KjChartSeries *series, const KjChartPoint *point)
{
  const char *name = kj_chart_series_get_name(series);
  g_autofree char *x = kj_number_format(point->x, 4);
  g_autofree char *y = kj_number_format(point->y, 4);
  g_autofree char *values = NULL;
  const char *const *categories = kj_chart_get_categories(self->chart);
  guint n_categories = kj_chart_get_n_categories(self->chart);

  if (kj_chart_series_get_kind(series) == KJ_CHART_SERIES_BARS && point->x >= 0 &&
      point->x < n_categories && point->x == (guint)point->x)
    /* Translators: a bar's category and value in the pointer read-out */
    values = g_markup_printf_escaped(_("%s: %s"), categories[(guint)point->x], y);
  else
    /* Translators: a point's coordinates in the pointer read-out */
    values = g_markup_printf_escaped(_("x = %s, y = %s"), x, y);
  if (name == NULL || *name == '\0')
    return g_steal_pointer(&values);
  return g_markup_printf_escaped("<b>%s</b>\n%s", name, values);
}

static void
rounded_rectangle(cairo_t *cr, double x, double y, double width, double height, double radius)
{
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc(cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc(cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc(cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path(cr);
}

/* A ring on the point and a small box with its values beside it. */
static void
draw_readout(KjChartView *self, cairo_t *cr, int width, int height, const KjChartStyle *style)
{
  KjChartSeries *series = kj_chart_get_series(self->chart, self->hit_series);
  const KjChartPoint *point = &kj_chart_series_get_points(series, NULL)[self->hit_point];
  g_autofree char *markup = readout_markup(self, series, point);
  PangoLayout *layout = gtk_widget_create_pango_layout(GTK_WIDGET(self), NULL);
  const KjChartColor *fg = &style->foreground;
  KjChartColor color;
  PangoRectangle logical;
  double px, py, box_width, box_height, bx, by, pad = 6.0;

  kj_chart_map_point(self->chart, width, height, style, point->x, point->y, &px, &py);
  if (kj_chart_series_get_kind(series) == KJ_CHART_SERIES_LINE) {
    kj_chart_style_get_palette_color(style, kj_chart_series_get_color(series), &color);
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, 1.0);
    cairo_set_line_width(cr, 2.0);
    cairo_new_path(cr);
    cairo_arc(cr, px, py, 5.0, 0, 2 * G_PI);
    cairo_stroke(cr);
  } else {
    /* Bars: beside the pointer, which is on the bar. */
    px = self->pointer_x;
    py = self->pointer_y;
  }

  pango_layout_set_markup(layout, markup, -1);
  pango_layout_get_pixel_extents(layout, NULL, &logical);
  box_width = logical.width + 2 * pad;
  box_height = logical.height + 2 * pad;
  /* Below right of the point, flipped to stay inside the widget. */
  bx = px + 12.0;
  if (bx + box_width > width)
    bx = px - 12.0 - box_width;
  by = py + 12.0;
  if (by + box_height > height)
    by = py - 12.0 - box_height;
  bx = round(CLAMP(bx, 0.0, MAX(width - box_width, 0.0)));
  by = round(CLAMP(by, 0.0, MAX(height - box_height, 0.0)));

  rounded_rectangle(cr, bx + 0.5, by + 0.5, box_width - 1.0, box_height - 1.0, 6.0);
  if (style->dark)
    cairo_set_source_rgba(cr, 0.22, 0.22, 0.24, 0.96);
  else
    cairo_set_source_rgba(cr, 1.0, 1.0, 1.0, 0.96);
  cairo_fill_preserve(cr);
  cairo_set_source_rgba(cr, fg->red, fg->green, fg->blue, fg->alpha * 0.2);
  cairo_set_line_width(cr, 1.0);
  cairo_stroke(cr);
  cairo_set_source_rgba(cr, fg->red, fg->green, fg->blue, fg->alpha);
  cairo_move_to(cr, bx + pad - logical.x, by + pad - logical.y);
  pango_cairo_show_layout(cr, layout);
  cairo_new_path(cr);
  g_object_unref(layout);
}

static void
on_motion(GtkEventControllerMotion *controller, double x, double y, KjChartView *self)
{
  self->hovering = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  update_hover(self);
}

static void
on_leave(GtkEventControllerMotion *controller, KjChartView *self)
{
  self->hovering = FALSE;
  update_hover(self);
}

/* ---- accessibility ---- */

/* Coalesced: a live training chart changes far more often than anyone
 * can listen. */
static gboolean
update_description(gpointer data)
{
  KjChartView *self = data;
  const char *title = self->chart != NULL ? kj_chart_get_title(self->chart) : NULL;
  g_autofree char *description = self->chart != NULL ? kj_chart_describe(self->chart) : NULL;

  self->describe_idle = 0;
  gtk_accessible_update_property(
      GTK_ACCESSIBLE(self), GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : _("Chart"),
      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "", -1);
  return G_SOURCE_REMOVE;
}

static void
on_chart_changed(KjChart *chart, KjChartView *self)
{
  gtk_widget_queue_draw(GTK_WIDGET(self));
  if (self->hovering)
    update_hover(self);
  if (self->describe_idle == 0)
    self->describe_idle = g_idle_add(update_description, self);
}

/* ---- context menu ---- */

static void
popup_menu_at(KjChartView *self, double x, double y)
{
  GdkRectangle rect = { (int)x, (int)y, 1, 1 };

  if (self->chart == NULL)
    return;
  gtk_popover_set_pointing_to(GTK_POPOVER(self->menu), &rect);
  gtk_popover_popup(GTK_POPOVER(self->menu));
}

static void
popup_action(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  popup_menu_at(KJ_CHART_VIEW(widget), gtk_widget_get_width(widget) / 2.0,
                gtk_widget_get_height(widget) / 2.0);
}

static void
on_pressed(GtkGestureClick *gesture, int n_press, double x, double y, KjChartView *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event(GTK_EVENT_CONTROLLER(gesture));

  if (event != NULL && gdk_event_triggers_context_menu(event)) {
    gtk_gesture_set_state(GTK_GESTURE(gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    popup_menu_at(self, x, y);
    return;
  }
  gtk_widget_grab_focus(GTK_WIDGET(self));
}

static void
on_long_pressed(GtkGestureLongPress *gesture, double x, double y, KjChartView *self)
{
  gtk_gesture_set_state(GTK_GESTURE(gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at(self, x, y);
}

/* ---- export ---- */

/* What the widget shows, twice as sharp for PNG, on an opaque background so
 * that the file reads well in any viewer. */
static void
export_to(KjChartView *self, GFile *file, KjExportFormat format)
{
  GtkWidget *widget = GTK_WIDGET(self);
  int width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *font = NULL;
  KjChartStyle style;
  gboolean ok;

  if (self->chart == NULL)
    return;
  if (width < 1 || height < 1) {
    width = 640;
    height = 400;
  }
  get_style(self, &style, &font);
  kj_chart_style_init(&style, style.dark);
  style.font = font;
  if (format == KJ_EXPORT_PNG)
    ok = kj_chart_export_png_scaled(self->chart, file, width, height, EXPORT_PNG_SCALE, &style,
                                    &error);
  else
    ok = kj_chart_export_svg(self->chart, file, width, height, &style, &error);
  if (!ok)
    kj_toast_show(GTK_WIDGET(self), error->message);
}

/* The title, made safe as a file name: "Score w as α Varies". */
static char *
suggest_base_name(KjChartView *self)
{
  g_autofree char *base = g_strdup(self->chart != NULL ? kj_chart_get_title(self->chart) : NULL);

  if (base != NULL) {
    g_strdelimit(base, "/\\:*?\"<>|\n\r\t", '-');
    g_strstrip(base);
  }
  if (base == NULL || *base == '\0' || *base == '.') {
    g_free(base);
    /* Translators: the file name suggested for a chart without a title */
    base = g_strdup(_("chart"));
  }
  return g_steal_pointer(&base);
}

static void
export_chosen(GtkWidget *widget, GFile *file, KjExportFormat format)
{
  export_to(KJ_CHART_VIEW(widget), file, format);
}

static void
export_action(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjChartView *self = KJ_CHART_VIEW(widget);
  KjExportFormat format =
      g_str_equal(action_name, "chart.export-svg") ? KJ_EXPORT_SVG : KJ_EXPORT_PNG;
  g_autofree char *base = NULL;

  if (self->chart == NULL)
    return;
  base = suggest_base_name(self);
  kj_export_chooser_show(widget, format, base, export_chosen);
}

/* ---- GtkWidget ---- */

static void
kj_chart_view_snapshot(GtkWidget *widget, GtkSnapshot *snapshot)
{
  KjChartView *self = KJ_CHART_VIEW(widget);
  int width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  g_autofree char *font = NULL;
  KjChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  get_style(self, &style, &font);
  cr = gtk_snapshot_append_cairo(snapshot, &GRAPHENE_RECT_INIT(0, 0, width, height));
  if (self->chart != NULL)
    kj_chart_render(self->chart, cr, width, height, &style);
  if (hit_is_valid(self))
    draw_readout(self, cr, width, height, &style);
  if (gtk_widget_has_visible_focus(widget)) {
    GdkRGBA accent;

    if (!gtk_style_context_lookup_color(gtk_widget_get_style_context(widget), "accent_color",
                                        &accent))
      accent =
          (GdkRGBA){ style.foreground.red, style.foreground.green, style.foreground.blue, 1.0 };
    cairo_set_source_rgba(cr, accent.red, accent.green, accent.blue, 0.5);
    cairo_set_line_width(cr, 2.0);
    rounded_rectangle(cr, 1.0, 1.0, width - 2.0, height - 2.0, 8.0);
    cairo_stroke(cr);
  }
  cairo_destroy(cr);
}

static void
kj_chart_view_measure(GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? 240 : 160;
  *natural = horizontal ? 480 : 320;
}

static void
kj_chart_view_size_allocate(GtkWidget *widget, int width, int height, int baseline)
{
  KjChartView *self = KJ_CHART_VIEW(widget);

  gtk_popover_present(GTK_POPOVER(self->menu));
  if (self->hovering)
    update_hover(self);
}

static void
kj_chart_view_state_flags_changed(GtkWidget *widget, GtkStateFlags previous)
{
  /* The focus ring is ours to draw. */
  if ((previous ^ gtk_widget_get_state_flags(widget)) & GTK_STATE_FLAG_FOCUS_VISIBLE)
    gtk_widget_queue_draw(widget);
  GTK_WIDGET_CLASS(kj_chart_view_parent_class)->state_flags_changed(widget, previous);
}

/* ---- GObject ---- */

static void
kj_chart_view_dispose(GObject *object)
{
  KjChartView *self = KJ_CHART_VIEW(object);

  kj_export_chooser_cancel(GTK_WIDGET(self));
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func(self->chart, on_chart_changed, self);
  g_clear_object(&self->chart);
  g_clear_handle_id(&self->describe_idle, g_source_remove);
  g_clear_pointer(&self->menu, gtk_widget_unparent);
  G_OBJECT_CLASS(kj_chart_view_parent_class)->dispose(object);
}

static void
kj_chart_view_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjChartView *self = KJ_CHART_VIEW(object);

  switch (prop_id) {
  case PROP_CHART:
    g_value_set_object(value, self->chart);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_chart_view_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjChartView *self = KJ_CHART_VIEW(object);

  switch (prop_id) {
  case PROP_CHART:
    kj_chart_view_set_chart(self, g_value_get_object(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_chart_view_class_init(KjChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_chart_view_dispose;
  object_class->get_property = kj_chart_view_get_property;
  object_class->set_property = kj_chart_view_set_property;
  widget_class->snapshot = kj_chart_view_snapshot;
  widget_class->measure = kj_chart_view_measure;
  widget_class->size_allocate = kj_chart_view_size_allocate;
  widget_class->state_flags_changed = kj_chart_view_state_flags_changed;

  properties[PROP_CHART] =
      g_param_spec_object("chart", NULL, NULL, KJ_TYPE_CHART,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  gtk_widget_class_install_action(widget_class, "chart.export-png", NULL, export_action);
  gtk_widget_class_install_action(widget_class, "chart.export-svg", NULL, export_action);
  gtk_widget_class_install_action(widget_class, "menu.popup", NULL, popup_action);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup",
                                      NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);

  gtk_widget_class_set_css_name(widget_class, "chart");
  gtk_widget_class_set_accessible_role(widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kj_chart_view_init(KjChartView *self)
{
  GtkWidget *widget = GTK_WIDGET(self);
  GtkEventController *motion = gtk_event_controller_motion_new();
  GtkGesture *click = gtk_gesture_click_new();
  GtkGesture *long_press = gtk_gesture_long_press_new();

  gtk_widget_set_focusable(widget, TRUE);

  self->menu = kj_export_menu_new(widget, "chart");

  g_signal_connect(motion, "enter", G_CALLBACK(on_motion), self);
  g_signal_connect(motion, "motion", G_CALLBACK(on_motion), self);
  g_signal_connect(motion, "leave", G_CALLBACK(on_leave), self);
  gtk_widget_add_controller(widget, motion);

  gtk_gesture_single_set_button(GTK_GESTURE_SINGLE(click), 0);
  g_signal_connect(click, "pressed", G_CALLBACK(on_pressed), self);
  gtk_widget_add_controller(widget, GTK_EVENT_CONTROLLER(click));

  gtk_gesture_single_set_touch_only(GTK_GESTURE_SINGLE(long_press), TRUE);
  g_signal_connect(long_press, "pressed", G_CALLBACK(on_long_pressed), self);
  gtk_widget_add_controller(widget, GTK_EVENT_CONTROLLER(long_press));

  /* Dark mode switches the palette. */
  g_signal_connect_object(adw_style_manager_get_default(), "notify::dark",
                          G_CALLBACK(gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled(widget, "chart.export-png", FALSE);
  gtk_widget_action_set_enabled(widget, "chart.export-svg", FALSE);
  update_description(self);
}

GtkWidget *
kj_chart_view_new(KjChart *chart)
{
  return g_object_new(KJ_TYPE_CHART_VIEW, "chart", chart, NULL);
}

KjChart *
kj_chart_view_get_chart(KjChartView *self)
{
  g_return_val_if_fail(KJ_IS_CHART_VIEW(self), NULL);
  return self->chart;
}

void
kj_chart_view_set_chart(KjChartView *self, KjChart *chart)
{
  GtkWidget *widget = GTK_WIDGET(self);

  g_return_if_fail(KJ_IS_CHART_VIEW(self));
  g_return_if_fail(chart == NULL || KJ_IS_CHART(chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func(self->chart, on_chart_changed, self);
  g_set_object(&self->chart, chart);
  if (chart != NULL)
    g_signal_connect(chart, "changed", G_CALLBACK(on_chart_changed), self);

  gtk_widget_action_set_enabled(widget, "chart.export-png", chart != NULL);
  gtk_widget_action_set_enabled(widget, "chart.export-svg", chart != NULL);
  self->has_hit = FALSE;
  update_hover(self);
  g_clear_handle_id(&self->describe_idle, g_source_remove);
  update_description(self);
  gtk_widget_queue_draw(widget);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_CHART]);
}
