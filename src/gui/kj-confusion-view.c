#include "config.h"

#include "kj-confusion-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kj-confusion-chart.h"
#include "kj-export-chooser.h"
#include "kj-toast.h"
#include "kj-widget-style.h"

#define EXPORT_PNG_SCALE 2.0

struct _KjConfusionView {
  GtkWidget parent_instance;

  /* owned */
  KjConfusionChart *chart; /* never NULL; 0 classes: no matrix */
  GtkWidget *menu;         /* GtkPopoverMenu, our child */

  /* the cell under the pointer, and the keyboard cursor */
  gboolean has_hover;
  guint hover_row;
  guint hover_col;
  guint cursor_row;
  guint cursor_col;
};

G_DEFINE_FINAL_TYPE(KjConfusionView, kj_confusion_view, GTK_TYPE_WIDGET)

enum { CELL_ACTIVATED, N_SIGNALS };

static guint signals[N_SIGNALS];

/* The chart in the widget's own colours and font, over its CSS background.
 * font_out holds the font string that style borrows. */
static void
get_style(KjConfusionView *self, KjChartStyle *style, char **font_out)
{
  kj_widget_style_get_chart_style(GTK_WIDGET(self), 0.1, style, font_out);
}

static guint
n_classes(KjConfusionView *self)
{
  return kj_confusion_chart_get_n_classes(self->chart);
}

/* ---- text ---- */

static char *
format_percent(double fraction)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd(number, sizeof number, "%.1f", fraction * 100.0);
  return g_strdup(number);
}

/* "T-shirt/top predicted as Shirt: 87 images" and the row share under it. */
static char *
cell_text(KjConfusionView *self, guint row, guint col)
{
  const char *truth = kj_confusion_chart_get_class_name(self->chart, row);
  const char *predicted = kj_confusion_chart_get_class_name(self->chart, col);
  guint count = kj_confusion_chart_get_count(self->chart, row, col);
  g_autofree char *line = NULL;
  g_autofree char *share = NULL;
  g_autofree char *detail = NULL;

  if (row == col)
    /* Translators: a class name and a number of images */
    line = g_strdup_printf(
        ngettext("%s predicted correctly: %u image", "%s predicted correctly: %u images", count),
        truth, count);
  else
    /* Translators: the true class, the predicted class and a number of images */
    line = g_strdup_printf(
        ngettext("%s predicted as %s: %u image", "%s predicted as %s: %u images", count), truth,
        predicted, count);
  if (kj_confusion_chart_get_row_total(self->chart, row) == 0)
    return g_steal_pointer(&line);
  share = format_percent(kj_confusion_chart_get_share(self->chart, row, col));
  /* Translators: a percentage ("8.7") and a class name */
  detail = g_strdup_printf(_("%s%% of the images labelled %s"), share, truth);
  return g_strconcat(line, "\n", detail, NULL);
}

static void
update_description(KjConfusionView *self)
{
  g_autofree char *summary = kj_confusion_chart_describe(self->chart);
  g_autofree char *cell = NULL;
  g_autofree char *description = NULL;

  if (n_classes(self) > 0)
    cell = cell_text(self, self->cursor_row, self->cursor_col);
  description = cell != NULL ? g_strdup_printf("%s %s", summary, cell) : g_strdup(summary);
  gtk_accessible_update_property(GTK_ACCESSIBLE(self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                 _("Confusion matrix"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                 description, -1);
}

/* ---- highlight and cursor ---- */

/* The pointer's cell wins; else the keyboard cursor, while focus shows. */
static void
update_highlight(KjConfusionView *self)
{
  GtkWidget *widget = GTK_WIDGET(self);

  if (self->has_hover)
    kj_confusion_chart_set_highlight(self->chart, self->hover_row, self->hover_col);
  else if (n_classes(self) > 0 && gtk_widget_has_visible_focus(widget))
    kj_confusion_chart_set_highlight(self->chart, self->cursor_row, self->cursor_col);
  else
    kj_confusion_chart_clear_highlight(self->chart);
  gtk_widget_queue_draw(widget);
}

static void
update_hover(KjConfusionView *self, gboolean inside, double x, double y)
{
  guint row = 0, col = 0;
  gboolean has_hover = inside && kj_confusion_view_cell_at(self, x, y, &row, &col);

  if (has_hover == self->has_hover && row == self->hover_row && col == self->hover_col)
    return;
  self->has_hover = has_hover;
  self->hover_row = row;
  self->hover_col = col;
  update_highlight(self);
}

static void
on_motion(GtkEventControllerMotion *controller, double x, double y, KjConfusionView *self)
{
  update_hover(self, TRUE, x, y);
}

static void
on_leave(GtkEventControllerMotion *controller, KjConfusionView *self)
{
  update_hover(self, FALSE, 0, 0);
}

static void
move_cursor_action(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(widget);
  guint n = n_classes(self);
  int rows, cols;

  if (n == 0)
    return;
  g_variant_get(parameter, "(ii)", &rows, &cols);
  /* The keyboard takes over from the pointer until it moves again. */
  self->has_hover = FALSE;
  kj_confusion_view_set_cursor(self, (guint)CLAMP((int)self->cursor_row + rows, 0, (int)n - 1),
                               (guint)CLAMP((int)self->cursor_col + cols, 0, (int)n - 1));
}

static void
activate_cursor_action(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(widget);

  if (n_classes(self) > 0)
    kj_confusion_view_activate_cell(self, self->cursor_row, self->cursor_col);
}

/* ---- context menu and clicks ---- */

static void
popup_menu_at(KjConfusionView *self, double x, double y)
{
  GdkRectangle rect = { (int)x, (int)y, 1, 1 };

  if (n_classes(self) == 0)
    return;
  gtk_popover_set_pointing_to(GTK_POPOVER(self->menu), &rect);
  gtk_popover_popup(GTK_POPOVER(self->menu));
}

static void
popup_action(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(widget);
  graphene_rect_t area;

  if (kj_confusion_view_get_cell_area(self, self->cursor_row, self->cursor_col, &area))
    popup_menu_at(self, area.origin.x + area.size.width / 2, area.origin.y + area.size.height / 2);
  else
    popup_menu_at(self, gtk_widget_get_width(widget) / 2.0, gtk_widget_get_height(widget) / 2.0);
}

static void
on_pressed(GtkGestureClick *gesture, int n_press, double x, double y, KjConfusionView *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event(GTK_EVENT_CONTROLLER(gesture));
  guint row, col;

  if (event != NULL && gdk_event_triggers_context_menu(event)) {
    gtk_gesture_set_state(GTK_GESTURE(gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    popup_menu_at(self, x, y);
    return;
  }
  gtk_widget_grab_focus(GTK_WIDGET(self));
  if (gtk_gesture_single_get_current_button(GTK_GESTURE_SINGLE(gesture)) <= GDK_BUTTON_PRIMARY &&
      kj_confusion_view_cell_at(self, x, y, &row, &col)) {
    gtk_gesture_set_state(GTK_GESTURE(gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    kj_confusion_view_activate_cell(self, row, col);
  }
}

static void
on_long_pressed(GtkGestureLongPress *gesture, double x, double y, KjConfusionView *self)
{
  gtk_gesture_set_state(GTK_GESTURE(gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at(self, x, y);
}

/* ---- export ---- */

/* What the widget shows, without hover or cursor, twice as sharp for PNG,
 * on an opaque background so that the file reads well in any viewer. */
static void
export_to(KjConfusionView *self, GFile *file, KjExportFormat format)
{
  GtkWidget *widget = GTK_WIDGET(self);
  int width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *font = NULL;
  KjChartStyle style;
  gboolean had_highlight;
  guint row, col;
  gboolean ok;

  if (width < 1 || height < 1) {
    width = 640;
    height = 480;
  }
  get_style(self, &style, &font);
  kj_chart_style_init(&style, style.dark);
  style.font = font;
  had_highlight = kj_confusion_chart_get_highlight(self->chart, &row, &col);
  kj_confusion_chart_clear_highlight(self->chart);
  if (format == KJ_EXPORT_PNG)
    ok = kj_confusion_chart_export_png(self->chart, file, width, height, EXPORT_PNG_SCALE, &style,
                                       &error);
  else
    ok = kj_confusion_chart_export_svg(self->chart, file, width, height, &style, &error);
  if (had_highlight)
    kj_confusion_chart_set_highlight(self->chart, row, col);
  if (!ok)
    kj_toast_show(GTK_WIDGET(self), error->message);
}

static void
export_chosen(GtkWidget *widget, GFile *file, KjExportFormat format)
{
  export_to(KJ_CONFUSION_VIEW(widget), file, format);
}

static void
export_action(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(widget);
  KjExportFormat format =
      g_str_equal(action_name, "confusion.export-svg") ? KJ_EXPORT_SVG : KJ_EXPORT_PNG;
  g_autofree char *base = NULL;

  if (n_classes(self) == 0)
    return;
  base = /* Translators: the file name suggested for an exported confusion matrix, without extension */
      g_strdup(_("confusion-matrix"));
  kj_export_chooser_show(widget, format, base, export_chosen);
}

/* ---- GtkWidget ---- */

static void
kj_confusion_view_snapshot(GtkWidget *widget, GtkSnapshot *snapshot)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(widget);
  int width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  g_autofree char *font = NULL;
  KjChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  get_style(self, &style, &font);
  cr = gtk_snapshot_append_cairo(snapshot, &GRAPHENE_RECT_INIT(0, 0, width, height));
  kj_confusion_chart_render(self->chart, cr, width, height, &style);
  cairo_destroy(cr);
}

static void
kj_confusion_view_measure(GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                          int *natural, int *minimum_baseline, int *natural_baseline)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? 200 : 160;
  *natural = horizontal ? 480 : 400;
}

static void
kj_confusion_view_size_allocate(GtkWidget *widget, int width, int height, int baseline)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(widget);

  gtk_popover_present(GTK_POPOVER(self->menu));
  /* The cells moved under a pointer that did not. */
  self->has_hover = FALSE;
  update_highlight(self);
}

static void
kj_confusion_view_state_flags_changed(GtkWidget *widget, GtkStateFlags previous)
{
  /* The cursor shows only while focus does. */
  if ((previous ^ gtk_widget_get_state_flags(widget)) &
      (GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUSED))
    update_highlight(KJ_CONFUSION_VIEW(widget));
  GTK_WIDGET_CLASS(kj_confusion_view_parent_class)->state_flags_changed(widget, previous);
}

static gboolean
kj_confusion_view_query_tooltip(GtkWidget *widget, int x, int y, gboolean keyboard_mode,
                                GtkTooltip *tooltip)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(widget);
  g_autofree char *text = NULL;
  graphene_rect_t area;
  guint row, col;

  if (keyboard_mode) {
    if (!kj_confusion_view_get_cursor(self, &row, &col))
      return FALSE;
  } else if (!kj_confusion_view_cell_at(self, x, y, &row, &col)) {
    return FALSE;
  }
  text = cell_text(self, row, col);
  gtk_tooltip_set_text(tooltip, text);
  /* A new tooltip for each cell, not one that follows the pointer. */
  if (kj_confusion_view_get_cell_area(self, row, col, &area))
    gtk_tooltip_set_tip_area(tooltip,
                             &(GdkRectangle){ (int)area.origin.x, (int)area.origin.y,
                                              (int)area.size.width, (int)area.size.height });
  return TRUE;
}

/* ---- GObject ---- */

static void
kj_confusion_view_dispose(GObject *object)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(object);

  kj_export_chooser_cancel(GTK_WIDGET(self));
  g_clear_pointer(&self->menu, gtk_widget_unparent);
  G_OBJECT_CLASS(kj_confusion_view_parent_class)->dispose(object);
}

static void
kj_confusion_view_finalize(GObject *object)
{
  KjConfusionView *self = KJ_CONFUSION_VIEW(object);

  kj_confusion_chart_free(self->chart);
  G_OBJECT_CLASS(kj_confusion_view_parent_class)->finalize(object);
}

static void
kj_confusion_view_class_init(KjConfusionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_confusion_view_dispose;
  object_class->finalize = kj_confusion_view_finalize;
  widget_class->snapshot = kj_confusion_view_snapshot;
  widget_class->measure = kj_confusion_view_measure;
  widget_class->size_allocate = kj_confusion_view_size_allocate;
  widget_class->state_flags_changed = kj_confusion_view_state_flags_changed;
  widget_class->query_tooltip = kj_confusion_view_query_tooltip;

  signals[CELL_ACTIVATED] =
      g_signal_new("cell-activated", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                   NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action(widget_class, "confusion.move-cursor", "(ii)",
                                  move_cursor_action);
  gtk_widget_class_install_action(widget_class, "confusion.activate-cursor", NULL,
                                  activate_cursor_action);
  gtk_widget_class_install_action(widget_class, "confusion.export-png", NULL, export_action);
  gtk_widget_class_install_action(widget_class, "confusion.export-svg", NULL, export_action);
  gtk_widget_class_install_action(widget_class, "menu.popup", NULL, popup_action);

  {
    const struct {
      guint key;
      int rows, cols;
    } moves[] = {
      { GDK_KEY_Up, -1, 0 },     { GDK_KEY_KP_Up, -1, 0 },   { GDK_KEY_Down, 1, 0 },
      { GDK_KEY_KP_Down, 1, 0 }, { GDK_KEY_Left, 0, -1 },    { GDK_KEY_KP_Left, 0, -1 },
      { GDK_KEY_Right, 0, 1 },   { GDK_KEY_KP_Right, 0, 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS(moves); i++)
      gtk_widget_class_add_binding_action(widget_class, moves[i].key, 0, "confusion.move-cursor",
                                          "(ii)", moves[i].rows, moves[i].cols);
  }
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_Return, 0, "confusion.activate-cursor",
                                      NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_KP_Enter, 0,
                                      "confusion.activate-cursor", NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_space, 0, "confusion.activate-cursor",
                                      NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup",
                                      NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);

  gtk_widget_class_set_css_name(widget_class, "confusion");
  gtk_widget_class_set_accessible_role(widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
update_actions(KjConfusionView *self)
{
  GtkWidget *widget = GTK_WIDGET(self);
  gboolean has_matrix = n_classes(self) > 0;

  /* Disabled, the arrows' bindings let focus move on through the window. */
  gtk_widget_action_set_enabled(widget, "confusion.move-cursor", has_matrix);
  gtk_widget_action_set_enabled(widget, "confusion.activate-cursor", has_matrix);
  gtk_widget_action_set_enabled(widget, "confusion.export-png", has_matrix);
  gtk_widget_action_set_enabled(widget, "confusion.export-svg", has_matrix);
  gtk_widget_action_set_enabled(widget, "menu.popup", has_matrix);
  gtk_widget_set_focusable(widget, has_matrix);
}

static void
kj_confusion_view_init(KjConfusionView *self)
{
  GtkWidget *widget = GTK_WIDGET(self);
  GtkEventController *motion = gtk_event_controller_motion_new();
  GtkGesture *click = gtk_gesture_click_new();
  GtkGesture *long_press = gtk_gesture_long_press_new();

  self->chart = kj_confusion_chart_new(0, NULL, NULL);
  gtk_widget_set_has_tooltip(widget, TRUE);

  self->menu = kj_export_menu_new(widget, "confusion");

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

  /* Dark mode switches the colour ramp. */
  g_signal_connect_object(adw_style_manager_get_default(), "notify::dark",
                          G_CALLBACK(gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  update_actions(self);
  update_description(self);
}

/* ---- public API ---- */

GtkWidget *
kj_confusion_view_new(void)
{
  return g_object_new(KJ_TYPE_CONFUSION_VIEW, NULL);
}

void
kj_confusion_view_set_matrix(KjConfusionView *self, const guint *counts, guint n,
                             const char *const *class_names)
{
  KjConfusionChart *chart;
  guint row, col;

  g_return_if_fail(KJ_IS_CONFUSION_VIEW(self));
  g_return_if_fail(counts != NULL || n == 0);

  chart = kj_confusion_chart_new(n, counts, class_names);
  g_return_if_fail(chart != NULL);
  if (n == n_classes(self)) {
    if (kj_confusion_chart_get_selection(self->chart, &row, &col))
      kj_confusion_chart_set_selection(chart, row, col);
  } else {
    self->cursor_row = 0;
    self->cursor_col = 0;
    self->has_hover = FALSE;
  }
  kj_confusion_chart_free(self->chart);
  self->chart = chart;
  update_actions(self);
  update_highlight(self);
  update_description(self);
}

void
kj_confusion_view_clear(KjConfusionView *self)
{
  g_return_if_fail(KJ_IS_CONFUSION_VIEW(self));
  kj_confusion_view_set_matrix(self, NULL, 0, NULL);
}

guint
kj_confusion_view_get_n_classes(KjConfusionView *self)
{
  g_return_val_if_fail(KJ_IS_CONFUSION_VIEW(self), 0);
  return n_classes(self);
}

guint
kj_confusion_view_get_count(KjConfusionView *self, guint true_label, guint predicted_label)
{
  g_return_val_if_fail(KJ_IS_CONFUSION_VIEW(self), 0);
  return kj_confusion_chart_get_count(self->chart, true_label, predicted_label);
}

gboolean
kj_confusion_view_get_cursor(KjConfusionView *self, guint *true_label, guint *predicted_label)
{
  g_return_val_if_fail(KJ_IS_CONFUSION_VIEW(self), FALSE);
  if (n_classes(self) == 0)
    return FALSE;
  if (true_label != NULL)
    *true_label = self->cursor_row;
  if (predicted_label != NULL)
    *predicted_label = self->cursor_col;
  return TRUE;
}

void
kj_confusion_view_set_cursor(KjConfusionView *self, guint true_label, guint predicted_label)
{
  g_return_if_fail(KJ_IS_CONFUSION_VIEW(self));
  g_return_if_fail(true_label < n_classes(self) && predicted_label < n_classes(self));

  self->cursor_row = true_label;
  self->cursor_col = predicted_label;
  update_highlight(self);
  update_description(self);
}

gboolean
kj_confusion_view_get_selected_cell(KjConfusionView *self, guint *true_label,
                                    guint *predicted_label)
{
  g_return_val_if_fail(KJ_IS_CONFUSION_VIEW(self), FALSE);
  return kj_confusion_chart_get_selection(self->chart, true_label, predicted_label);
}

void
kj_confusion_view_select_cell(KjConfusionView *self, guint true_label, guint predicted_label)
{
  g_return_if_fail(KJ_IS_CONFUSION_VIEW(self));
  g_return_if_fail(true_label < n_classes(self) && predicted_label < n_classes(self));

  kj_confusion_chart_set_selection(self->chart, true_label, predicted_label);
  gtk_widget_queue_draw(GTK_WIDGET(self));
}

void
kj_confusion_view_unselect_cell(KjConfusionView *self)
{
  g_return_if_fail(KJ_IS_CONFUSION_VIEW(self));

  kj_confusion_chart_clear_selection(self->chart);
  gtk_widget_queue_draw(GTK_WIDGET(self));
}

void
kj_confusion_view_activate_cell(KjConfusionView *self, guint true_label, guint predicted_label)
{
  g_return_if_fail(KJ_IS_CONFUSION_VIEW(self));
  g_return_if_fail(true_label < n_classes(self) && predicted_label < n_classes(self));

  kj_confusion_view_set_cursor(self, true_label, predicted_label);
  kj_confusion_view_select_cell(self, true_label, predicted_label);
  g_signal_emit(self, signals[CELL_ACTIVATED], 0, true_label, predicted_label);
}

gboolean
kj_confusion_view_cell_at(KjConfusionView *self, double x, double y, guint *true_label,
                          guint *predicted_label)
{
  GtkWidget *widget = GTK_WIDGET(self);
  g_autofree char *font = NULL;
  KjChartStyle style;

  g_return_val_if_fail(KJ_IS_CONFUSION_VIEW(self), FALSE);
  if (n_classes(self) == 0)
    return FALSE;
  get_style(self, &style, &font);
  return kj_confusion_chart_cell_at(self->chart, gtk_widget_get_width(widget),
                                    gtk_widget_get_height(widget), &style, x, y, true_label,
                                    predicted_label);
}

gboolean
kj_confusion_view_get_cell_area(KjConfusionView *self, guint true_label, guint predicted_label,
                                graphene_rect_t *area)
{
  GtkWidget *widget = GTK_WIDGET(self);
  g_autofree char *font = NULL;
  KjChartStyle style;
  cairo_rectangle_t rect;

  g_return_val_if_fail(KJ_IS_CONFUSION_VIEW(self), FALSE);
  g_return_val_if_fail(area != NULL, FALSE);
  if (n_classes(self) == 0)
    return FALSE;
  get_style(self, &style, &font);
  if (!kj_confusion_chart_get_cell_rect(self->chart, gtk_widget_get_width(widget),
                                        gtk_widget_get_height(widget), &style, true_label,
                                        predicted_label, &rect))
    return FALSE;
  graphene_rect_init(area, rect.x, rect.y, rect.width, rect.height);
  return TRUE;
}
