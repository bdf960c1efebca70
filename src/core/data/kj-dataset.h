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

/* Loaders refuse datasets whose pixels would take more than this. */
#define KJ_DATASET_MAX_BYTES (G_GUINT64_CONSTANT(1) << 31)

typedef struct {
  float mean[4]; /* per channel, on the 0..1 scale */
  float std[4];
} KjNormalization;

typedef struct {
  gboolean flip; /* random horizontal flip, p = 0.5 */
  guint shift;   /* random shift by up to this many pixels each way, zero fill */
} KjAugmentation;

/* n images of shape, all pixels 0 and labels 0, n_classes classes named
 * "0", "1", … until kj_dataset_set_class_name(). */
KjDataset *kj_dataset_new(guint n, const KjShape *shape, guint n_classes);
KjDataset *kj_dataset_ref(KjDataset *ds);
/* Keeps the first n images: loaders that skip files allocate for all of them
 * first. */
void kj_dataset_truncate(KjDataset *ds, guint n);
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

/* Mean and standard deviation per channel over all images (0 and 1 for an
 * empty dataset; a constant channel gets std 1, not 0). */
void kj_dataset_compute_normalization(KjDataset *ds, KjNormalization *norm);

/* Converts images indices[0..n) into out (reshaped to n × shape) and their
 * labels into labels[0..n) (labels may be NULL).  Each value becomes
 * (x/255 − mean)/std; norm NULL means mean 0, std 1.  aug and rng may be NULL
 * for no augmentation.  With augmentation, per image and in this order: a
 * flip if aug->flip (one kj_rng_next), then a shift dx, dy in
 * [−shift, shift] if aug->shift (two kj_rng_below); out(y, x) =
 * in(y − dy, x − dx), and pixels shifted in are black (x = 0, before
 * normalisation, as torchvision's padded RandomCrop). */
void kj_dataset_fill_batch(KjDataset *ds, const guint32 *indices, guint n,
                           const KjNormalization *norm, const KjAugmentation *aug, KjRng *rng,
                           KjTensor *out, guint16 *labels);

/* Converts one image given as bytes of shape (e.g. a decoded file) the same
 * way, into a batch of one. */
void kj_normalize_image(const guint8 *pixels, const KjShape *shape, const KjNormalization *norm,
                        KjTensor *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjDataset, kj_dataset_unref)

G_END_DECLS
