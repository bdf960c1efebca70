#include "kj-dataset.h"

#include <math.h>
#include <string.h>

/* The largest channel count KjNormalization holds. */
#define MAX_CHANNELS 4

struct _KjDataset {
  guint n;
  KjShape shape;
  gsize image_size; /* C×H×W */
  guint n_classes;
  guint8 *pixels;  /* n × image_size */
  guint16 *labels; /* n */
  char **ids;      /* n_classes, untranslated */
  char **names;    /* n_classes, for display */
};

KjDataset *
kj_dataset_new(guint n, const KjShape *shape, guint n_classes)
{
  KjDataset *ds;

  g_return_val_if_fail(shape != NULL, NULL);
  g_return_val_if_fail(shape->c >= 1 && shape->c <= MAX_CHANNELS, NULL);
  g_return_val_if_fail(shape->h >= 1 && shape->w >= 1, NULL);
  g_return_val_if_fail(n_classes >= 1 && n_classes <= G_MAXUINT16 + 1u, NULL);

  ds = g_atomic_rc_box_new0(KjDataset);
  ds->n = n;
  ds->shape = *shape;
  ds->image_size = kj_shape_size(shape);
  ds->n_classes = n_classes;
  /* calloc: the kernel hands out zeroed pages lazily, so loaders that
   * overwrite every byte pay nothing for the zeroing. */
  ds->pixels = g_malloc0_n(MAX(n, 1u), ds->image_size);
  ds->labels = g_new0(guint16, MAX(n, 1u));
  ds->ids = g_new0(char *, n_classes + 1);
  ds->names = g_new0(char *, n_classes + 1);
  for (guint i = 0; i < n_classes; i++) {
    ds->ids[i] = g_strdup_printf("%u", i);
    ds->names[i] = g_strdup(ds->ids[i]);
  }
  return ds;
}

KjDataset *
kj_dataset_ref(KjDataset *ds)
{
  return g_atomic_rc_box_acquire(ds);
}

static void
kj_dataset_free(KjDataset *ds)
{
  g_free(ds->pixels);
  g_free(ds->labels);
  g_strfreev(ds->ids);
  g_strfreev(ds->names);
}

void
kj_dataset_unref(KjDataset *ds)
{
  g_atomic_rc_box_release_full(ds, (GDestroyNotify)kj_dataset_free);
}

void
kj_dataset_truncate(KjDataset *ds, guint n)
{
  g_return_if_fail(n <= ds->n);

  ds->n = n;
  ds->pixels = g_realloc_n(ds->pixels, MAX(n, 1u), ds->image_size);
  ds->labels = g_renew(guint16, ds->labels, MAX(n, 1u));
}

guint
kj_dataset_get_n(KjDataset *ds)
{
  return ds->n;
}

const KjShape *
kj_dataset_get_shape(KjDataset *ds)
{
  return &ds->shape;
}

guint
kj_dataset_get_n_classes(KjDataset *ds)
{
  return ds->n_classes;
}

const char *
kj_dataset_get_class_name(KjDataset *ds, guint label)
{
  g_return_val_if_fail(label < ds->n_classes, NULL);
  return ds->names[label];
}

void
kj_dataset_set_class_name(KjDataset *ds, guint label, const char *name)
{
  g_return_if_fail(label < ds->n_classes && name != NULL);
  g_free(ds->names[label]);
  ds->names[label] = g_strdup(name);
}

const char *
kj_dataset_get_class_id(KjDataset *ds, guint label)
{
  g_return_val_if_fail(label < ds->n_classes, NULL);
  return ds->ids[label];
}

void
kj_dataset_set_class_id(KjDataset *ds, guint label, const char *id)
{
  g_return_if_fail(label < ds->n_classes && id != NULL);
  g_free(ds->ids[label]);
  ds->ids[label] = g_strdup(id);
}

guint8 *
kj_dataset_get_pixels(KjDataset *ds, guint index)
{
  g_return_val_if_fail(index < ds->n, NULL);
  return ds->pixels + (gsize)index * ds->image_size;
}

guint16
kj_dataset_get_label(KjDataset *ds, guint index)
{
  g_return_val_if_fail(index < ds->n, 0);
  return ds->labels[index];
}

void
kj_dataset_set_label(KjDataset *ds, guint index, guint16 label)
{
  g_return_if_fail(index < ds->n && label < ds->n_classes);
  ds->labels[index] = label;
}

/* A histogram per channel: exact sums in integers, one pass, no overflow. */
void
kj_dataset_compute_normalization(KjDataset *ds, KjNormalization *norm)
{
  const gsize plane = (gsize)ds->shape.h * ds->shape.w;
  g_autofree guint64 *histogram = g_new0(guint64, MAX_CHANNELS * 256);

  for (guint i = 0; i < ds->n; i++) {
    const guint8 *image = ds->pixels + (gsize)i * ds->image_size;

    for (guint c = 0; c < ds->shape.c; c++) {
      guint64 *h = histogram + c * 256;
      const guint8 *p = image + c * plane;

      for (gsize k = 0; k < plane; k++)
        h[p[k]]++;
    }
  }

  for (guint c = 0; c < MAX_CHANNELS; c++) {
    const guint64 *h = histogram + c * 256;
    double count = 0, sum = 0, sum2 = 0, mean, var;

    for (guint v = 0; v < 256; v++) {
      double x = v / 255.0;

      count += (double)h[v];
      sum += (double)h[v] * x;
      sum2 += (double)h[v] * x * x;
    }
    mean = count > 0 ? sum / count : 0.0;
    var = count > 0 ? MAX(sum2 / count - mean * mean, 0.0) : 1.0;
    norm->mean[c] = (float)mean;
    norm->std[c] = var > 1e-12 ? (float)sqrt(var) : 1.0f;
  }
}

/* One table per channel turns a byte into its normalised float: a load
 * instead of a subtract and a divide per value. */
static void
build_tables(guint channels, const KjNormalization *norm, float table[][256])
{
  for (guint c = 0; c < channels; c++) {
    float mean = norm != NULL ? norm->mean[c] : 0.0f;
    float std = norm != NULL && norm->std[c] > 0.0f ? norm->std[c] : 1.0f;

    for (guint v = 0; v < 256; v++)
      table[c][v] = ((float)v / 255.0f - mean) / std;
  }
}

static void
fill_zero(float *row, int from, int to, float value)
{
  for (int x = from; x < to; x++)
    row[x] = value;
}

/* out(y, x) = in(y − dy, x − dx) of the image, flipped first if flip. */
static void
convert_image(const guint8 *src, const KjShape *shape, float table[][256], gboolean flip, int dx,
              int dy, float *dst)
{
  const int w = (int)shape->w, h = (int)shape->h;
  const int x0 = CLAMP(dx, 0, w), x1 = CLAMP(w + dx, x0, w);

  for (guint c = 0; c < shape->c; c++) {
    const float *t = table[c];
    const guint8 *plane = src + (gsize)c * h * w;
    float *out = dst + (gsize)c * h * w;

    for (int y = 0; y < h; y++, out += w) {
      const int sy = y - dy;
      const guint8 *row;

      if (sy < 0 || sy >= h) {
        fill_zero(out, 0, w, t[0]);
        continue;
      }
      row = plane + (gsize)sy * w;
      fill_zero(out, 0, x0, t[0]);
      if (flip) {
        for (int x = x0; x < x1; x++)
          out[x] = t[row[w - 1 + dx - x]];
      } else {
        for (int x = x0; x < x1; x++)
          out[x] = t[row[x - dx]];
      }
      fill_zero(out, x1, w, t[0]);
    }
  }
}

void
kj_dataset_fill_batch(KjDataset *ds, const guint32 *indices, guint n, const KjNormalization *norm,
                      const KjAugmentation *aug, KjRng *rng, KjTensor *out, guint16 *labels)
{
  float table[MAX_CHANNELS][256];
  const gboolean augment = aug != NULL && rng != NULL && (aug->flip || aug->shift > 0);
  const guint shift = augment ? MIN(aug->shift, 1024u) : 0;

  kj_tensor_reshape(out, n, &ds->shape);
  build_tables(ds->shape.c, norm, table);

  for (guint i = 0; i < n; i++) {
    const guint32 index = indices[i];
    gboolean flip = FALSE;
    int dx = 0, dy = 0;

    g_return_if_fail(index < ds->n);
    if (augment) {
      if (aug->flip)
        flip = kj_rng_next(rng) >> 31;
      if (shift > 0) {
        dx = (int)kj_rng_below(rng, 2 * shift + 1) - (int)shift;
        dy = (int)kj_rng_below(rng, 2 * shift + 1) - (int)shift;
      }
    }
    convert_image(ds->pixels + (gsize)index * ds->image_size, &ds->shape, table, flip, dx, dy,
                  out->data + (gsize)i * ds->image_size);
    if (labels != NULL)
      labels[i] = ds->labels[index];
  }
}

void
kj_normalize_image(const guint8 *pixels, const KjShape *shape, const KjNormalization *norm,
                   KjTensor *out)
{
  float table[MAX_CHANNELS][256];

  g_return_if_fail(shape->c >= 1 && shape->c <= MAX_CHANNELS);

  kj_tensor_reshape(out, 1, shape);
  build_tables(shape->c, norm, table);
  convert_image(pixels, shape, table, FALSE, 0, 0, out->data);
}
