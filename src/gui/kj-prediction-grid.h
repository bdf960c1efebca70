/* kj-prediction-grid.h — validation images with what the model predicted for them
 *
 * A grid of images, each with its predicted class, the confidence and its
 * true class; mistakes have a red frame and a badge.  Clicking an image (or
 * Enter on it) shows its most probable classes with bars and percentages.
 * Two filters narrow what is shown, together: mistakes only, and one
 * confusion-matrix cell (true class i predicted as j).  When nothing is
 * shown a status page says why.
 *
 * Images are turned into textures only while a cell shows them, so tens of
 * thousands of predictions cost their items and no pixels.  A new set of
 * predictions (one per epoch) updates the items in place: the scroll
 * position, the filters and an open detail popover stay.
 *
 * Properties:
 *   mistakes-only (gboolean, read-write): show only wrongly predicted images.
 *   n-items (guint, read-only): predictions held.
 *   n-shown (guint, read-only): predictions shown, after the filters. */
#pragma once

#include <gtk/gtk.h>

#include "kj-dataset.h"
#include "kj-evaluate.h"

G_BEGIN_DECLS

#define KJ_TYPE_PREDICTION_GRID (kj_prediction_grid_get_type())
G_DECLARE_FINAL_TYPE(KjPredictionGrid, kj_prediction_grid, KJ, PREDICTION_GRID, GtkWidget)

GtkWidget *kj_prediction_grid_new(void);

/* Shows images[indices[i]] predicted as predictions[i * k … i * k + k)
 * (best first, k ≥ 1; as KjLabEvent's EPOCH gives them), for i < n.
 * indices NULL means 0, 1, … n − 1.  class_names holds the dataset's
 * n_classes display names; NULL uses kj_dataset_get_class_name().  A
 * reference is taken on images; the arrays are copied.  A cell filter whose
 * classes no longer exist is cleared. */
void kj_prediction_grid_set_predictions(KjPredictionGrid *self, KjDataset *images,
                                        const guint32 *indices, guint n,
                                        const KjPrediction *predictions, guint k,
                                        const char *const *class_names);
/* No predictions: the empty state. */
void kj_prediction_grid_clear(KjPredictionGrid *self);

void kj_prediction_grid_set_mistakes_only(KjPredictionGrid *self, gboolean mistakes_only);
gboolean kj_prediction_grid_get_mistakes_only(KjPredictionGrid *self);

/* Shows only the images of true class true_label predicted as
 * predicted_label (a confusion-matrix cell), until kj_prediction_grid_clear_cell(). */
void kj_prediction_grid_show_cell(KjPredictionGrid *self, guint true_label, guint predicted_label);
void kj_prediction_grid_clear_cell(KjPredictionGrid *self);
gboolean kj_prediction_grid_get_cell(KjPredictionGrid *self, guint *true_label,
                                     guint *predicted_label);

guint kj_prediction_grid_get_n_items(KjPredictionGrid *self);
guint kj_prediction_grid_get_n_shown(KjPredictionGrid *self);
/* What is shown, in order: a GListModel of KjPredictionItem (borrowed). */
GListModel *kj_prediction_grid_get_model(KjPredictionGrid *self);

/* Opens the detail popover (top classes with bars) of the shown item at
 * position, as a click on it does; closes it when position is out of range. */
void kj_prediction_grid_show_details(KjPredictionGrid *self, guint position);
/* The popover, for tests and for pages that want to know it is open. */
GtkPopover *kj_prediction_grid_get_details_popover(KjPredictionGrid *self);

G_END_DECLS
