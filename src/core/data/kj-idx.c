#include "config.h"

#include "kj-idx.h"

#include <glib/gi18n-lib.h>

#include "kj-data-io.h"
#include "kj-error.h"

#define IMAGES_MAGIC 0x00000803u
#define LABELS_MAGIC 0x00000801u

/* Reads n big-endian 32-bit words of the header. */
static gboolean
read_words(KjDataReader *reader, guint32 *words, guint n, GCancellable *cancellable, GError **error)
{
  guint32 raw[3];

  g_assert(n <= G_N_ELEMENTS(raw));
  if (!kj_data_reader_read(reader, raw, 4 * n, reader->position + 4 * n, cancellable, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    words[i] = GUINT32_FROM_BE(raw[i]);
  return TRUE;
}

/* The labels, checked against n_classes (0: any byte; then set to the
 * largest label + 1). */
static guint8 *
read_labels(GFile *file, guint32 *out_n, guint *n_classes, GCancellable *cancellable,
            GError **error)
{
  KjDataReader reader;
  g_autofree guint8 *labels = NULL;
  guint32 magic = 0, n = 0;
  guint max_label = 0;
  guint64 total;

  if (!kj_data_reader_open(&reader, file, TRUE, cancellable, error))
    return NULL;
  if (!read_words(&reader, &magic, 1, cancellable, error))
    goto fail;
  if (magic != LABELS_MAGIC) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("“%s” is not an IDX label file: its magic number is 0x%08X, not 0x%08X"),
                reader.name, magic, LABELS_MAGIC);
    goto fail;
  }
  if (!read_words(&reader, &n, 1, cancellable, error))
    goto fail;
  if (n == 0) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s” holds no labels"), reader.name);
    goto fail;
  }
  total = 8 + (guint64)n;
  if (total > kj_data_reader_max_size(&reader)) {
    kj_data_reader_set_too_short(&reader, total, error);
    goto fail;
  }
  if (n > KJ_DATASET_MAX_BYTES) {
    g_autofree char *shown = kj_data_format_count(n);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE, _("“%s”: %s labels are too many"),
                reader.name, shown);
    goto fail;
  }

  labels = g_malloc(n);
  if (!kj_data_reader_read(&reader, labels, n, total, cancellable, error) ||
      !kj_data_reader_expect_end(&reader, cancellable, error))
    goto fail;

  for (guint32 i = 0; i < n; i++) {
    if (*n_classes != 0 && labels[i] >= *n_classes) {
      g_autofree char *shown = kj_data_format_count((guint64)i + 1);

      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                  _("“%s”: label %u of item %s is out of range: there are %u classes"), reader.name,
                  labels[i], shown, *n_classes);
      goto fail;
    }
    max_label = MAX(max_label, labels[i]);
  }
  if (*n_classes == 0)
    *n_classes = max_label + 1;
  *out_n = n;
  kj_data_reader_clear(&reader);
  return g_steal_pointer(&labels);

fail:
  kj_data_reader_clear(&reader);
  return NULL;
}

static gboolean
check_images_header(KjDataReader *reader, const guint32 *dims, guint32 n_labels,
                    const char *labels_name, GError **error)
{
  guint64 total;

  if (dims[0] == 0) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s” holds no images"), reader->name);
    return FALSE;
  }
  if (dims[1] == 0 || dims[2] == 0 || dims[1] > KJ_IDX_MAX_SIDE || dims[2] > KJ_IDX_MAX_SIDE) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("“%s”: images of %u×%u pixels are not supported (1 to %u per side)"),
                reader->name, dims[2], dims[1], KJ_IDX_MAX_SIDE);
    return FALSE;
  }
  if (dims[0] != n_labels) {
    g_autofree char *shown_images = kj_data_format_count(dims[0]);
    g_autofree char *shown_labels = kj_data_format_count(n_labels);

    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s” holds %s images but “%s” holds %s labels"),
                reader->name, shown_images, labels_name, shown_labels);
    return FALSE;
  }
  /* Sides of at most 2¹² keep this below 2⁵⁶. */
  total = 16 + (guint64)dims[0] * dims[1] * dims[2];
  if (total > kj_data_reader_max_size(reader)) {
    kj_data_reader_set_too_short(reader, total, error);
    return FALSE;
  }
  if (total - 16 > KJ_DATASET_MAX_BYTES) {
    g_autofree char *shown_n = kj_data_format_count(dims[0]);
    g_autofree char *shown_size = g_format_size(total - 16);
    g_autofree char *shown_max = g_format_size(KJ_DATASET_MAX_BYTES);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("“%s”: %s images of %u×%u pixels take %s; the most Kuajie loads is %s"),
                reader->name, shown_n, dims[2], dims[1], shown_size, shown_max);
    return FALSE;
  }
  return TRUE;
}

KjDataset *
kj_idx_load(GFile *images, GFile *labels, guint n_classes, GCancellable *cancellable,
            GError **error)
{
  g_autoptr(KjDataset) ds = NULL;
  g_autofree guint8 *label_bytes = NULL;
  g_autofree char *labels_basename = g_file_get_basename(labels);
  g_autofree char *labels_name = g_filename_display_name(labels_basename);
  KjDataReader reader;
  guint32 magic = 0, dims[3] = { 0 }, n_labels = 0;
  KjShape shape;
  gsize size;

  g_return_val_if_fail(n_classes <= 256, NULL);

  /* The labels first: they are small, and their count bounds the images. */
  label_bytes = read_labels(labels, &n_labels, &n_classes, cancellable, error);
  if (label_bytes == NULL)
    return NULL;

  if (!kj_data_reader_open(&reader, images, TRUE, cancellable, error))
    return NULL;
  if (!read_words(&reader, &magic, 1, cancellable, error))
    goto out;
  if (magic != IMAGES_MAGIC) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("“%s” is not an IDX image file: its magic number is 0x%08X, not 0x%08X"),
                reader.name, magic, IMAGES_MAGIC);
    goto out;
  }
  if (!read_words(&reader, dims, 3, cancellable, error) ||
      !check_images_header(&reader, dims, n_labels, labels_name, error))
    goto out;

  shape = (KjShape){ 1, dims[1], dims[2] };
  size = kj_shape_size(&shape) * dims[0];
  ds = kj_dataset_new(dims[0], &shape, n_classes);
  if (!kj_data_reader_read(&reader, kj_dataset_get_pixels(ds, 0), size, 16 + size, cancellable,
                           error) ||
      !kj_data_reader_expect_end(&reader, cancellable, error)) {
    g_clear_pointer(&ds, kj_dataset_unref);
    goto out;
  }
  for (guint32 i = 0; i < n_labels; i++)
    kj_dataset_set_label(ds, i, label_bytes[i]);

out:
  kj_data_reader_clear(&reader);
  return g_steal_pointer(&ds);
}

GFile *
kj_idx_find(GFile *dir, const char *prefix, gboolean labels)
{
  const char *kind = labels ? "labels" : "images";
  const int dims = labels ? 1 : 3;
  const char *const separators[] = { "-", "." };
  const char *const suffixes[] = { "", ".gz" };

  for (guint s = 0; s < G_N_ELEMENTS(separators); s++) {
    for (guint z = 0; z < G_N_ELEMENTS(suffixes); z++) {
      g_autofree char *name =
          g_strdup_printf("%s-%s%sidx%d-ubyte%s", prefix, kind, separators[s], dims, suffixes[z]);
      g_autoptr(GFile) file = g_file_get_child(dir, name);

      if (g_file_query_file_type(file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR)
        return g_steal_pointer(&file);
    }
  }
  return NULL;
}

static KjDataset *
load_split(GFile *dir, const char *prefix, guint n_classes, GCancellable *cancellable,
           GError **error)
{
  g_autoptr(GFile) images = kj_idx_find(dir, prefix, FALSE);
  g_autoptr(GFile) labels = kj_idx_find(dir, prefix, TRUE);

  if (labels == NULL) {
    g_autofree char *path = g_file_get_parse_name(dir);

    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” has no label file %s-labels-idx1-ubyte"),
                path, prefix);
    return NULL;
  }
  return kj_idx_load(images, labels, n_classes, cancellable, error);
}

gboolean
kj_idx_load_dir(GFile *dir, guint n_classes, KjDataset **train, KjDataset **test,
                GCancellable *cancellable, GError **error)
{
  g_autoptr(KjDataset) train_ds = NULL;
  g_autoptr(KjDataset) test_ds = NULL;
  g_autoptr(GFile) test_images = kj_idx_find(dir, "t10k", FALSE);
  g_autoptr(GFile) train_images = kj_idx_find(dir, "train", FALSE);

  if (train_images == NULL) {
    g_autofree char *path = g_file_get_parse_name(dir);

    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” has no image file train-images-idx3-ubyte"),
                path);
    return FALSE;
  }
  train_ds = load_split(dir, "train", n_classes, cancellable, error);
  if (train_ds == NULL)
    return FALSE;
  if (test_images != NULL) {
    test_ds = load_split(dir, "t10k", kj_dataset_get_n_classes(train_ds), cancellable, error);
    if (test_ds == NULL)
      return FALSE;
    if (!kj_shape_equal(kj_dataset_get_shape(test_ds), kj_dataset_get_shape(train_ds))) {
      g_autofree char *path = g_file_get_parse_name(dir);

      g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                  _("“%s”: the test images are not the size of the training images"), path);
      return FALSE;
    }
  }
  *train = g_steal_pointer(&train_ds);
  *test = g_steal_pointer(&test_ds);
  return TRUE;
}
