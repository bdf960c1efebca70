#include "config.h"

#include "kj-prediction-item.h"

#include <string.h>

#include "kj-dataset-texture.h"

struct _KjPredictionItem {
  GObject parent_instance;

  KjDataset *images;
  guint32 image_index;
  guint true_label;
  KjPrediction *top;
  guint k;
};

G_DEFINE_FINAL_TYPE(KjPredictionItem, kj_prediction_item, G_TYPE_OBJECT)

static void
kj_prediction_item_finalize(GObject *object)
{
  KjPredictionItem *self = KJ_PREDICTION_ITEM(object);

  g_clear_pointer(&self->images, kj_dataset_unref);
  g_free(self->top);
  G_OBJECT_CLASS(kj_prediction_item_parent_class)->finalize(object);
}

static void
kj_prediction_item_class_init(KjPredictionItemClass *klass)
{
  G_OBJECT_CLASS(klass)->finalize = kj_prediction_item_finalize;
}

static void
kj_prediction_item_init(KjPredictionItem *self)
{
}

KjPredictionItem *
kj_prediction_item_new(KjDataset *images, guint32 image_index, const KjPrediction *top, guint k)
{
  KjPredictionItem *self = g_object_new(KJ_TYPE_PREDICTION_ITEM, NULL);

  kj_prediction_item_set(self, images, image_index, top, k);
  return self;
}

void
kj_prediction_item_set(KjPredictionItem *self, KjDataset *images, guint32 image_index,
                       const KjPrediction *top, guint k)
{
  guint n_top;

  g_return_if_fail(KJ_IS_PREDICTION_ITEM(self));
  g_return_if_fail(images != NULL);
  g_return_if_fail(image_index < kj_dataset_get_n(images));
  g_return_if_fail(top != NULL && k >= 1);

  if (self->images != images) {
    kj_dataset_ref(images);
    g_clear_pointer(&self->images, kj_dataset_unref);
    self->images = images;
  }
  self->image_index = image_index;
  self->true_label = kj_dataset_get_label(images, image_index);
  /* The engine pads past the number of classes with label 0, p = 0. */
  n_top = MIN(k, kj_dataset_get_n_classes(images));
  if (n_top != self->k) {
    g_free(self->top);
    self->top = g_new(KjPrediction, n_top);
    self->k = n_top;
  }
  memcpy(self->top, top, sizeof(KjPrediction) * n_top);
}

KjDataset *
kj_prediction_item_get_images(KjPredictionItem *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_ITEM(self), NULL);
  return self->images;
}

guint32
kj_prediction_item_get_image_index(KjPredictionItem *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_ITEM(self), 0);
  return self->image_index;
}

guint
kj_prediction_item_get_true_label(KjPredictionItem *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_ITEM(self), 0);
  return self->true_label;
}

guint
kj_prediction_item_get_predicted_label(KjPredictionItem *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_ITEM(self), 0);
  return self->k > 0 ? self->top[0].label : 0;
}

float
kj_prediction_item_get_confidence(KjPredictionItem *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_ITEM(self), 0.0f);
  return self->k > 0 ? self->top[0].probability : 0.0f;
}

gboolean
kj_prediction_item_is_mistake(KjPredictionItem *self)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_ITEM(self), FALSE);
  return self->k > 0 && self->top[0].label != self->true_label;
}

const KjPrediction *
kj_prediction_item_get_top(KjPredictionItem *self, guint *k)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_ITEM(self), NULL);
  if (k != NULL)
    *k = self->k;
  return self->top;
}

GdkTexture *
kj_prediction_item_create_texture(KjPredictionItem *self, int min_size)
{
  g_return_val_if_fail(KJ_IS_PREDICTION_ITEM(self), NULL);
  g_return_val_if_fail(self->images != NULL, NULL);
  return kj_dataset_texture_new(self->images, self->image_index, min_size);
}
