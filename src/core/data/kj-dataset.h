/* kj-dataset.h — labelled images held compactly as uint8, converted per batch
 *
 * Pixels are stored channel-major per image (C×H×W), values 0..255; labels
 * are class indices.  A batch is made by converting the chosen images to
 * float32, normalised per channel and optionally augmented. */
#pragma once

#include "kj-rng.h"
#include "kj-tensor.h"

G_BEGIN_DECLS

typedef struct _KjDataset KjDataset;

typedef struct {
  float mean[4]; /* per channel, on the 0..1 scale */
  float std[4];
} KjNormalization;

typedef struct {
  gboolean flip;   /* random horizontal flip, p = 0.5 */
  guint shift;     /* random shift by up to this many pixels each way, zero fill */
} KjAugmentation;

/* n images of shape, all pixels 0 and labels 0, n_classes classes named
 * "0", "1", … until kj_dataset_set_class_name(). */
KjDataset *kj_dataset_new(guint n, const KjShape *shape, guint n_classes);
KjDataset *kj_dataset_ref(KjDataset *ds);
void kj_dataset_unref(KjDataset *ds);

guint kj_dataset_get_n(KjDataset *ds);
const KjShape *kj_dataset_get_shape(KjDataset *ds);
guint kj_dataset_get_n_classes(KjDataset *ds);
/* Display names, translated where the dataset knows them (T恤/上衣 …). */
const char *kj_dataset_get_class_name(KjDataset *ds, guint label);
void kj_dataset_set_class_name(KjDataset *ds, guint label, const char *name);
/* Untranslated names, for model files that other tools read. */
const char *kj_dataset_get_class_id(KjDataset *ds, guint label);
void kj_dataset_set_class_id(KjDataset *ds, guint label, const char *id);

guint8 *kj_dataset_get_pixels(KjDataset *ds, guint index); /* C×H×W bytes */
guint16 kj_dataset_get_label(KjDataset *ds, guint index);
void kj_dataset_set_label(KjDataset *ds, guint index, guint16 label);

/* Mean and standard deviation per channel over all images. */
void kj_dataset_compute_normalization(KjDataset *ds, KjNormalization *norm);

/* Converts images indices[0..n) into out (reshaped to n × shape) and their
 * labels into labels[0..n).  aug and rng may be NULL for no augmentation. */
void kj_dataset_fill_batch(KjDataset *ds, const guint32 *indices, guint n,
                           const KjNormalization *norm, const KjAugmentation *aug, KjRng *rng,
                           KjTensor *out, guint16 *labels);

/* Converts one image given as bytes of shape (e.g. a decoded file) the same
 * way, into a batch of one. */
void kj_normalize_image(const guint8 *pixels, const KjShape *shape, const KjNormalization *norm,
                        KjTensor *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjDataset, kj_dataset_unref)

G_END_DECLS
