/* kj-prediction-item.h — one validation image and what the model predicted for it
 *
 * The items of KjPredictionGrid's model.  An item refers to its image in a
 * dataset (no pixels are copied) and holds the image's most probable
 * classes, best first; kj_prediction_item_create_texture() turns the pixels
 * into a texture when a cell shows the item. */
#pragma once

#include <gtk/gtk.h>

#include "kj-dataset.h"
#include "kj-evaluate.h"

G_BEGIN_DECLS

#define KJ_TYPE_PREDICTION_ITEM (kj_prediction_item_get_type())
G_DECLARE_FINAL_TYPE(KjPredictionItem, kj_prediction_item, KJ, PREDICTION_ITEM, GObject)

/* Image image_index of images (a reference is taken), predicted top[0..k)
 * (k ≥ 1; entries past the dataset's number of classes are dropped). */
KjPredictionItem *kj_prediction_item_new(KjDataset *images, guint32 image_index,
                                         const KjPrediction *top, guint k);
/* Points the item at another image and prediction, in place: the grid keeps
 * its items (and the user's scroll position) from one epoch to the next. */
void kj_prediction_item_set(KjPredictionItem *self, KjDataset *images, guint32 image_index,
                            const KjPrediction *top, guint k);

KjDataset *kj_prediction_item_get_images(KjPredictionItem *self);
guint32 kj_prediction_item_get_image_index(KjPredictionItem *self);
guint kj_prediction_item_get_true_label(KjPredictionItem *self);
guint kj_prediction_item_get_predicted_label(KjPredictionItem *self);
/* The predicted class's probability, 0..1. */
float kj_prediction_item_get_confidence(KjPredictionItem *self);
gboolean kj_prediction_item_is_mistake(KjPredictionItem *self);
/* The most probable classes, best first; *k receives how many. */
const KjPrediction *kj_prediction_item_get_top(KjPredictionItem *self, guint *k);

/* The image as RGB, enlarged by a whole factor with nearest-neighbour
 * sampling to at least min_size pixels a side (28 × 28 at 84 becomes
 * 84 × 84), so that small images stay crisp: GTK 4.8 scales textures
 * linearly.  Gray images (1 channel) become gray RGB; of more than 3
 * channels the first 3 are used. */
GdkTexture *kj_prediction_item_create_texture(KjPredictionItem *self, int min_size);

G_END_DECLS
