/* kj-confusion-view.h — a confusion matrix as an interactive heatmap
 *
 * Draws kj-confusion-chart.h in the widget's colours and font (following
 * light and dark), with rows for true labels and columns for predicted
 * labels.  The cell under the pointer is outlined and explained in a
 * tooltip ("T-shirt/top predicted as Shirt: 87 images").  The view is
 * focusable when it has a matrix: the arrow keys move a cursor cell, Enter
 * or Space activates it, as a click on a cell does; activating a cell
 * selects it (an orange ring) and emits ::cell-activated.  Right click,
 * Shift+F10 or Menu offers export as PNG or SVG.
 *
 * Signals:
 *   cell-activated (guint true_label, guint predicted_label): a cell was
 *     clicked or activated from the keyboard (or through
 *     kj_confusion_view_activate_cell()); it is selected already.
 *
 * Actions (on the widget, for key bindings and menus):
 *   confusion.move-cursor "(ii)": moves the cursor by (rows, columns).
 *   confusion.activate-cursor: activates the cursor's cell.
 *   confusion.export-png, confusion.export-svg: ask for a file and export. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KJ_TYPE_CONFUSION_VIEW (kj_confusion_view_get_type())
G_DECLARE_FINAL_TYPE(KjConfusionView, kj_confusion_view, KJ, CONFUSION_VIEW, GtkWidget)

GtkWidget *kj_confusion_view_new(void);

/* Shows a copy of counts (n_classes × n_classes, [true label][predicted
 * label]) with class_names (n_classes display names; NULL shows indices).
 * With the same number of classes as before, the cursor and the selection
 * stay where they are (a new epoch of the same run); else both reset. */
void kj_confusion_view_set_matrix(KjConfusionView *self, const guint *counts, guint n_classes,
                                  const char *const *class_names);
/* Back to no matrix ("No data"), no cursor, no selection. */
void kj_confusion_view_clear(KjConfusionView *self);
guint kj_confusion_view_get_n_classes(KjConfusionView *self);
guint kj_confusion_view_get_count(KjConfusionView *self, guint true_label, guint predicted_label);

/* The keyboard cursor; FALSE when there is no matrix. */
gboolean kj_confusion_view_get_cursor(KjConfusionView *self, guint *true_label,
                                      guint *predicted_label);
void kj_confusion_view_set_cursor(KjConfusionView *self, guint true_label, guint predicted_label);

/* The selected cell, e.g. the one the prediction grid is filtered by. */
gboolean kj_confusion_view_get_selected_cell(KjConfusionView *self, guint *true_label,
                                             guint *predicted_label);
void kj_confusion_view_select_cell(KjConfusionView *self, guint true_label, guint predicted_label);
void kj_confusion_view_unselect_cell(KjConfusionView *self);

/* What a click on the cell does: moves the cursor there, selects the cell
 * and emits ::cell-activated. */
void kj_confusion_view_activate_cell(KjConfusionView *self, guint true_label,
                                     guint predicted_label);

/* Geometry at the widget's current size, in widget coordinates: the cell
 * under (x, y), and the area a cell is painted in.  FALSE when none. */
gboolean kj_confusion_view_cell_at(KjConfusionView *self, double x, double y, guint *true_label,
                                   guint *predicted_label);
gboolean kj_confusion_view_get_cell_area(KjConfusionView *self, guint true_label,
                                         guint predicted_label, graphene_rect_t *area);

G_END_DECLS
