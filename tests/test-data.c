/* Datasets: the uint8 container and batches, IDX, CIFAR-10, image folders,
 * shapes and Fashion-MNIST.  Fixtures are written into a temporary folder. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kj-cifar.h"
#include "kj-class-names.h"
#include "kj-data-source.h"
#include "kj-dataset.h"
#include "kj-error.h"
#include "kj-fashion-mnist.h"
#include "kj-idx.h"
#include "kj-image-folder.h"
#include "kj-image.h"
#include "kj-shapes.h"

static char *tmp_root;

/* A fresh folder under the test's temporary root. */
static char *
make_dir(const char *name)
{
  char *path = g_build_filename(tmp_root, name, NULL);

  g_assert_cmpint(g_mkdir_with_parents(path, 0755), ==, 0);
  return path;
}

static void
write_file(const char *dir, const char *name, const void *data, gsize size)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents(path, data, (gssize)size, &error);
  g_assert_no_error(error);
}

static GBytes *
gzip(const void *data, gsize size)
{
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new(memory, G_CONVERTER(zlib));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all(out, data, size, NULL, NULL, &error);
  g_assert_no_error(error);
  g_output_stream_close(out, NULL, &error);
  g_assert_no_error(error);
  return g_memory_output_stream_steal_as_bytes(G_MEMORY_OUTPUT_STREAM(memory));
}

static void
write_maybe_gzipped(const char *dir, const char *name, GByteArray *bytes, gboolean gzipped)
{
  if (gzipped) {
    g_autoptr(GBytes) packed = gzip(bytes->data, bytes->len);
    g_autofree char *gz_name = g_strconcat(name, ".gz", NULL);

    write_file(dir, gz_name, g_bytes_get_data(packed, NULL), g_bytes_get_size(packed));
  } else {
    write_file(dir, name, bytes->data, bytes->len);
  }
}

static void
append_be32(GByteArray *bytes, guint32 value)
{
  guint32 be = GUINT32_TO_BE(value);

  g_byte_array_append(bytes, (const guint8 *)&be, 4);
}

/* n images of rows×cols whose byte k of image i is (i * 7 + k) % 256. */
static GByteArray *
idx_images(guint32 n, guint32 rows, guint32 cols, guint32 declared_n)
{
  GByteArray *bytes = g_byte_array_new();

  append_be32(bytes, 0x00000803);
  append_be32(bytes, declared_n);
  append_be32(bytes, rows);
  append_be32(bytes, cols);
  for (guint32 i = 0; i < n; i++)
    for (guint32 k = 0; k < rows * cols; k++) {
      guint8 v = (guint8)((i * 7 + k) % 256);
      g_byte_array_append(bytes, &v, 1);
    }
  return bytes;
}

static GByteArray *
idx_labels(const guint8 *labels, guint32 n, guint32 declared_n)
{
  GByteArray *bytes = g_byte_array_new();

  append_be32(bytes, 0x00000801);
  append_be32(bytes, declared_n);
  g_byte_array_append(bytes, labels, n);
  return bytes;
}

static GFile *
child(const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);

  return g_file_new_for_path(path);
}

static void
remove_tree(GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children(
      file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL) {
    GFileInfo *info;
    GFile *entry;

    while (g_file_enumerator_iterate(children, &info, &entry, NULL, NULL) && info != NULL)
      remove_tree(entry);
  }
  g_file_delete(file, NULL, NULL);
}

/* The container */

static void
test_dataset_basics(void)
{
  const KjShape shape = { 3, 2, 4 };
  g_autoptr(KjDataset) ds = kj_dataset_new(5, &shape, 3);

  g_assert_cmpuint(kj_dataset_get_n(ds), ==, 5);
  g_assert_true(kj_shape_equal(kj_dataset_get_shape(ds), &shape));
  g_assert_cmpuint(kj_dataset_get_n_classes(ds), ==, 3);
  g_assert_cmpstr(kj_dataset_get_class_name(ds, 2), ==, "2");
  g_assert_cmpstr(kj_dataset_get_class_id(ds, 2), ==, "2");
  kj_dataset_set_class_name(ds, 2, "貓");
  kj_dataset_set_class_id(ds, 2, "cat");
  g_assert_cmpstr(kj_dataset_get_class_name(ds, 2), ==, "貓");
  g_assert_cmpstr(kj_dataset_get_class_id(ds, 2), ==, "cat");
  g_assert_cmpuint(kj_dataset_get_pixels(ds, 4)[23], ==, 0);
  g_assert_true(kj_dataset_get_pixels(ds, 1) - kj_dataset_get_pixels(ds, 0) == 24);

  kj_dataset_get_pixels(ds, 1)[0] = 42;
  kj_dataset_set_label(ds, 1, 2);
  kj_dataset_truncate(ds, 2);
  g_assert_cmpuint(kj_dataset_get_n(ds), ==, 2);
  g_assert_cmpuint(kj_dataset_get_pixels(ds, 1)[0], ==, 42);
  g_assert_cmpuint(kj_dataset_get_label(ds, 1), ==, 2);

  kj_dataset_unref(kj_dataset_ref(ds));
}

static void
test_dataset_normalization(void)
{
  const KjShape shape = { 2, 1, 2 };
  g_autoptr(KjDataset) ds = kj_dataset_new(2, &shape, 1);
  g_autoptr(KjDataset) empty = kj_dataset_new(0, &shape, 1);
  KjNormalization norm;

  /* channel 0: 0, 255, 255, 255 → mean 0.75, std √(0.75 − 0.5625) = 0.4330;
   * channel 1: all 51 → mean 0.2, std 1 (constant). */
  memcpy(kj_dataset_get_pixels(ds, 0), (guint8[]){ 0, 255, 51, 51 }, 4);
  memcpy(kj_dataset_get_pixels(ds, 1), (guint8[]){ 255, 255, 51, 51 }, 4);
  kj_dataset_compute_normalization(ds, &norm);
  g_assert_cmpfloat_with_epsilon(norm.mean[0], 0.75, 1e-6);
  g_assert_cmpfloat_with_epsilon(norm.std[0], 0.4330127, 1e-6);
  g_assert_cmpfloat_with_epsilon(norm.mean[1], 0.2, 1e-6);
  g_assert_cmpfloat(norm.std[1], ==, 1.0);

  kj_dataset_compute_normalization(empty, &norm);
  g_assert_cmpfloat(norm.mean[0], ==, 0.0);
  g_assert_cmpfloat(norm.std[0], ==, 1.0);
}

static void
test_fill_batch(void)
{
  const KjShape shape = { 2, 2, 2 };
  g_autoptr(KjDataset) ds = kj_dataset_new(3, &shape, 4);
  const KjNormalization norm = { { 0.5f, 0.25f }, { 0.5f, 2.0f } };
  const guint32 indices[] = { 2, 0 };
  guint16 labels[2];
  KjTensor out, one;

  for (guint i = 0; i < 3; i++) {
    for (guint k = 0; k < 8; k++)
      kj_dataset_get_pixels(ds, i)[k] = (guint8)(i * 100 + k * 15);
    kj_dataset_set_label(ds, i, (guint16)(i + 1));
  }
  kj_tensor_init(&out);
  kj_dataset_fill_batch(ds, indices, 2, &norm, NULL, NULL, &out, labels);
  g_assert_cmpuint(out.n, ==, 2);
  g_assert_true(kj_shape_equal(&out.shape, &shape));
  g_assert_cmpuint(labels[0], ==, 3);
  g_assert_cmpuint(labels[1], ==, 1);
  for (guint b = 0; b < 2; b++)
    for (guint k = 0; k < 8; k++) {
      const guint c = k / 4;
      const float x = (float)kj_dataset_get_pixels(ds, indices[b])[k] / 255.0f;

      g_assert_cmpfloat_with_epsilon(out.data[b * 8 + k], (x - norm.mean[c]) / norm.std[c], 1e-6);
    }

  /* No normalisation: x/255; no labels wanted. */
  kj_dataset_fill_batch(ds, indices, 1, NULL, NULL, NULL, &out, NULL);
  g_assert_cmpfloat_with_epsilon(out.data[7], kj_dataset_get_pixels(ds, 2)[7] / 255.0, 1e-6);

  kj_tensor_init(&one);
  kj_normalize_image(kj_dataset_get_pixels(ds, 1), &shape, &norm, &one);
  g_assert_cmpuint(one.n, ==, 1);
  g_assert_cmpfloat_with_epsilon(one.data[5], ((100 + 75) / 255.0 - 0.25) / 2.0, 1e-6);
  kj_tensor_clear(&one);
  kj_tensor_clear(&out);
}

/* The augmentation against a plain reference: the same draws in the same
 * order, then out(y, x) = flipped(y − dy, x − dx), black where that is
 * outside. */
static void
test_fill_batch_augment(void)
{
  const KjShape shape = { 2, 3, 4 };
  g_autoptr(KjDataset) ds = kj_dataset_new(1, &shape, 1);
  const KjNormalization norm = { { 0.1f, 0.2f }, { 0.5f, 0.25f } };
  const KjAugmentation aug = { TRUE, 2 };
  const guint32 index = 0;
  gboolean seen_flip = FALSE, seen_plain = FALSE, seen_shift = FALSE, seen_both = FALSE;
  KjRng rng, mirror;
  KjTensor out;

  for (guint k = 0; k < 24; k++)
    kj_dataset_get_pixels(ds, 0)[k] = (guint8)(10 + k * 10);
  kj_tensor_init(&out);
  kj_rng_init(&rng, 5);
  for (guint trial = 0; trial < 200; trial++) {
    gboolean flip;
    int dx, dy;

    mirror = rng;
    flip = kj_rng_next(&mirror) >> 31;
    dx = (int)kj_rng_below(&mirror, 5) - 2;
    dy = (int)kj_rng_below(&mirror, 5) - 2;
    kj_dataset_fill_batch(ds, &index, 1, &norm, &aug, &rng, &out, NULL);
    g_assert_cmpmem(&rng, sizeof rng, &mirror, sizeof mirror);

    for (guint c = 0; c < 2; c++)
      for (int y = 0; y < 3; y++)
        for (int x = 0; x < 4; x++) {
          int sy = y - dy, sx = x - dx;
          guint8 v = 0;

          if (sy >= 0 && sy < 3 && sx >= 0 && sx < 4)
            v = kj_dataset_get_pixels(ds, 0)[c * 12 + sy * 4 + (flip ? 3 - sx : sx)];
          g_assert_cmpfloat_with_epsilon(out.data[c * 12 + y * 4 + x],
                                         (v / 255.0f - norm.mean[c]) / norm.std[c], 1e-6);
        }
    seen_flip |= flip && dx == 0 && dy == 0;
    seen_plain |= !flip && dx == 0 && dy == 0;
    seen_shift |= !flip && dx != 0 && dy != 0;
    seen_both |= flip && dx != 0;
  }
  g_assert_true(seen_flip && seen_plain && seen_shift && seen_both);

  /* A hand-checked case: flip only, channel 0 row 0 = 10 20 30 40. */
  {
    const KjAugmentation flip_only = { TRUE, 0 };

    do {
      mirror = rng;
      kj_dataset_fill_batch(ds, &index, 1, NULL, &flip_only, &rng, &out, NULL);
    } while (!(kj_rng_next(&mirror) >> 31));
    g_assert_cmpfloat_with_epsilon(out.data[0], 40 / 255.0, 1e-6);
    g_assert_cmpfloat_with_epsilon(out.data[3], 10 / 255.0, 1e-6);
  }
  kj_tensor_clear(&out);
}

/* IDX */

static void
write_idx_pair(const char *dir, const char *prefix, guint32 n, const guint8 *labels,
               gboolean gzipped)
{
  g_autoptr(GByteArray) images = idx_images(n, 3, 2, n);
  g_autoptr(GByteArray) label_bytes = idx_labels(labels, n, n);
  g_autofree char *images_name = g_strdup_printf("%s-images-idx3-ubyte", prefix);
  g_autofree char *labels_name = g_strdup_printf("%s-labels-idx1-ubyte", prefix);

  write_maybe_gzipped(dir, images_name, images, gzipped);
  write_maybe_gzipped(dir, labels_name, label_bytes, gzipped);
}

static void
test_idx_good(void)
{
  const guint8 labels[] = { 3, 0, 1, 3, 2 };

  for (int gzipped = 0; gzipped <= 1; gzipped++) {
    g_autofree char *dir = make_dir(gzipped ? "idx-good-gz" : "idx-good");
    g_autoptr(GError) error = NULL;
    KjDataSplits splits;

    write_idx_pair(dir, "train", 5, labels, gzipped);
    write_idx_pair(dir, "t10k", 2, labels, gzipped);
    g_assert_true(kj_data_open(dir, NULL, &splits, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(kj_dataset_get_n(splits.train), ==, 5);
    g_assert_cmpuint(kj_dataset_get_n(splits.test), ==, 2);
    g_assert_cmpuint(kj_dataset_get_n_classes(splits.train), ==, 4);
    g_assert_cmpuint(kj_dataset_get_n_classes(splits.test), ==, 4);
    g_assert_true(kj_shape_equal(kj_dataset_get_shape(splits.train), &(KjShape){ 1, 3, 2 }));
    g_assert_cmpstr(splits.name, ==, gzipped ? "idx-good-gz" : "idx-good");
    g_assert_null(splits.warnings);
    for (guint i = 0; i < 5; i++) {
      g_assert_cmpuint(kj_dataset_get_label(splits.train, i), ==, labels[i]);
      for (guint k = 0; k < 6; k++)
        g_assert_cmpuint(kj_dataset_get_pixels(splits.train, i)[k], ==, (i * 7 + k) % 256);
    }
    kj_data_splits_clear(&splits);
    g_assert_null(splits.train);
  }
}

/* Loads images+labels from dir and expects an error mentioning part. */
static void
expect_idx_error(const char *dir, const char *images, const char *labels, guint n_classes, int code,
                 const char *part)
{
  g_autoptr(GFile) images_file = child(dir, images);
  g_autoptr(GFile) labels_file = child(dir, labels);
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDataset) ds = NULL;
  gint64 start = g_get_monotonic_time();

  ds = kj_idx_load(images_file, labels_file, n_classes, NULL, &error);
  g_assert_null(ds);
  g_assert_error(error, KJ_ERROR, code);
  g_test_message("%s", error->message);
  if (strstr(error->message, part) == NULL)
    g_error("“%s” does not mention “%s”", error->message, part);
  /* Every failure is found before anything big is read or allocated. */
  g_assert_cmpint(g_get_monotonic_time() - start, <, G_USEC_PER_SEC);
}

static void
test_idx_errors(void)
{
  g_autofree char *dir = make_dir("idx-bad");
  const guint8 labels[] = { 1, 2, 3, 4 };
  const guint8 bad_labels[] = { 1, 12, 3, 4 };
  g_autoptr(GByteArray) images = idx_images(4, 3, 2, 4);
  g_autoptr(GByteArray) good_labels = idx_labels(labels, 4, 4);
  g_autoptr(GByteArray) three_labels = idx_labels(labels, 3, 3);
  g_autoptr(GByteArray) out_of_range = idx_labels(bad_labels, 4, 4);
  g_autoptr(GByteArray) huge_images = idx_images(0, 28, 28, 1u << 31);
  g_autoptr(GByteArray) huge_labels = idx_labels(labels, 4, 1u << 31);
  g_autoptr(GBytes) packed = gzip(images->data, images->len);
  g_autofree guint8 *corrupt = g_memdup2(g_bytes_get_data(packed, NULL), g_bytes_get_size(packed));
  guint8 garbled[24];

  write_file(dir, "images", images->data, images->len);
  write_file(dir, "labels", good_labels->data, good_labels->len);
  write_maybe_gzipped(dir, "images", images, TRUE);
  write_maybe_gzipped(dir, "labels", good_labels, TRUE);

  /* Truncated, plain and gzipped. */
  write_file(dir, "short", images->data, images->len - 5);
  expect_idx_error(dir, "short", "labels", 0, KJ_ERROR_PARSE,
                   "“short”: the file ends after 35 of 40 bytes");
  write_file(dir, "short.gz", g_bytes_get_data(packed, NULL), g_bytes_get_size(packed) / 2);
  expect_idx_error(dir, "short.gz", "labels", 0, KJ_ERROR_PARSE, "“short.gz”");
  write_file(dir, "header-only", images->data, 10);
  expect_idx_error(dir, "header-only", "labels", 0, KJ_ERROR_PARSE, "ends after");

  /* Garbled magic; labels given as images. */
  memcpy(garbled, images->data, sizeof garbled);
  garbled[2] = 0x0d;
  write_file(dir, "garbled", garbled, sizeof garbled);
  expect_idx_error(dir, "garbled", "labels", 0, KJ_ERROR_PARSE, "0x00000D03");
  expect_idx_error(dir, "labels", "labels", 0, KJ_ERROR_PARSE, "not an IDX image file");
  expect_idx_error(dir, "images", "images", 0, KJ_ERROR_PARSE, "not an IDX label file");

  /* Counts that do not match; labels out of range. */
  write_file(dir, "three-labels", three_labels->data, three_labels->len);
  expect_idx_error(dir, "images", "three-labels", 0, KJ_ERROR_PARSE,
                   "“images” holds 4 images but “three-labels” holds 3 labels");
  write_file(dir, "out-of-range", out_of_range->data, out_of_range->len);
  expect_idx_error(dir, "images", "out-of-range", 10, KJ_ERROR_INVALID_VALUE,
                   "label 12 of item 2 is out of range");
  expect_idx_error(dir, "images", "labels", 4, KJ_ERROR_INVALID_VALUE, "label 4 of item 4");

  /* Corrupt gzip: the deflate data garbled, then the CRC alone. */
  for (gsize k = 12; k < g_bytes_get_size(packed) - 10; k++)
    corrupt[k] ^= 0x5a;
  write_file(dir, "corrupt.gz", corrupt, g_bytes_get_size(packed));
  expect_idx_error(dir, "corrupt.gz", "labels", 0, KJ_ERROR_PARSE, "“corrupt.gz”");
  memcpy(corrupt, g_bytes_get_data(packed, NULL), g_bytes_get_size(packed));
  corrupt[g_bytes_get_size(packed) - 8] ^= 1;
  write_file(dir, "bad-crc.gz", corrupt, g_bytes_get_size(packed));
  expect_idx_error(dir, "bad-crc.gz", "labels", 0, KJ_ERROR_PARSE, "gzip data is corrupt");
  write_file(dir, "not-gzip.gz", "\x1f\x8bnonsense", 10);
  expect_idx_error(dir, "not-gzip.gz", "labels", 0, KJ_ERROR_PARSE, "“not-gzip.gz”");

  /* Headers declaring 2³¹ items fail at once, plain or gzipped. */
  write_maybe_gzipped(dir, "huge-labels", huge_labels, FALSE);
  write_maybe_gzipped(dir, "huge-labels", huge_labels, TRUE);
  expect_idx_error(dir, "images", "huge-labels", 0, KJ_ERROR_PARSE, "2147483656 bytes");
  expect_idx_error(dir, "images", "huge-labels.gz", 0, KJ_ERROR_PARSE, "more than a gzip file");
  write_maybe_gzipped(dir, "huge-images", huge_images, FALSE);
  write_maybe_gzipped(dir, "huge-images", huge_images, TRUE);
  expect_idx_error(dir, "huge-images", "labels", 0, KJ_ERROR_PARSE, "2147483648 images");
  expect_idx_error(dir, "huge-images.gz", "labels.gz", 0, KJ_ERROR_PARSE, "2147483648 images");

  /* Extra bytes after the data; a missing file. */
  g_byte_array_append(images, (const guint8 *)"x", 1);
  write_file(dir, "long", images->data, images->len);
  expect_idx_error(dir, "long", "labels", 0, KJ_ERROR_PARSE, "more data follows");
  expect_idx_error(dir, "missing", "labels", 0, KJ_ERROR_IO, "“missing” cannot be opened");

  /* And the good pair still loads, gzipped labels with plain images. */
  {
    g_autoptr(GFile) i = child(dir, "images");
    g_autoptr(GFile) l = child(dir, "labels.gz");
    g_autoptr(GError) error = NULL;
    g_autoptr(KjDataset) ds = kj_idx_load(i, l, 0, NULL, &error);

    g_assert_no_error(error);
    g_assert_cmpuint(kj_dataset_get_n_classes(ds), ==, 5);
  }
}

static void
test_idx_dir_errors(void)
{
  g_autofree char *dir = make_dir("idx-no-labels");
  g_autoptr(GByteArray) images = idx_images(2, 2, 2, 2);
  g_autoptr(GError) error = NULL;
  KjDataSplits splits;

  write_file(dir, "train-images-idx3-ubyte", images->data, images->len);
  g_assert_false(kj_data_open(dir, NULL, &splits, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_assert_nonnull(strstr(error->message, "train-labels-idx1-ubyte"));
  g_assert_null(splits.train);
}

/* CIFAR-10 */

static GByteArray *
cifar_records(guint n, guint8 first_label)
{
  GByteArray *bytes = g_byte_array_new();

  for (guint i = 0; i < n; i++) {
    guint8 record[KJ_CIFAR_RECORD_SIZE];

    record[0] = (guint8)((first_label + i) % 256);
    for (guint k = 1; k < KJ_CIFAR_RECORD_SIZE; k++)
      record[k] = (guint8)((i + k) % 251);
    g_byte_array_append(bytes, record, sizeof record);
  }
  return bytes;
}

static void
test_cifar(void)
{
  g_autofree char *root = make_dir("cifar");
  g_autofree char *dir = make_dir("cifar/cifar-10-batches-bin");
  g_autoptr(GByteArray) batch1 = cifar_records(3, 0);
  g_autoptr(GByteArray) batch2 = cifar_records(2, 3);
  g_autoptr(GByteArray) test = cifar_records(2, 8);
  g_autoptr(GByteArray) bad = cifar_records(1, 10);
  const char *meta = "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\nlorry\n\n";
  g_autoptr(GError) error = NULL;
  KjDataSplits splits;

  write_file(dir, "data_batch_1.bin", batch1->data, batch1->len);
  write_file(dir, "data_batch_2.bin", batch2->data, batch2->len);
  write_file(dir, "test_batch.bin", test->data, test->len);
  write_file(dir, "batches.meta.txt", meta, strlen(meta));

  /* The folder the archive unpacks to is found from its parent. */
  g_assert_true(kj_data_open(root, NULL, &splits, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(kj_dataset_get_n(splits.train), ==, 5);
  g_assert_cmpuint(kj_dataset_get_n(splits.test), ==, 2);
  g_assert_true(kj_shape_equal(kj_dataset_get_shape(splits.train), &(KjShape){ 3, 32, 32 }));
  g_assert_cmpuint(kj_dataset_get_label(splits.train, 4), ==, 4);
  g_assert_cmpuint(kj_dataset_get_label(splits.test, 1), ==, 9);
  /* Image 3 is the first record of data_batch_2.bin: byte k is k % 251. */
  g_assert_cmpuint(kj_dataset_get_pixels(splits.train, 3)[0], ==, 1);
  g_assert_cmpuint(kj_dataset_get_pixels(splits.train, 3)[3071], ==, 3072 % 251);
  g_assert_cmpstr(kj_dataset_get_class_id(splits.train, 0), ==, "airplane");
  g_assert_cmpstr(kj_dataset_get_class_name(splits.train, 0), ==, "Airplane");
  g_assert_cmpstr(kj_dataset_get_class_id(splits.train, 9), ==, "lorry");
  g_assert_cmpstr(kj_dataset_get_class_name(splits.train, 9), ==, "lorry");
  kj_data_splits_clear(&splits);

  /* Truncated: not a whole number of records. */
  write_file(dir, "data_batch_2.bin", batch2->data, batch2->len - 100);
  g_assert_false(kj_data_open(dir, NULL, &splits, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, "“data_batch_2.bin”: 6046 bytes are not a whole"));
  g_clear_error(&error);

  /* A label above 9. */
  write_file(dir, "data_batch_2.bin", batch2->data, batch2->len);
  g_byte_array_append(test, bad->data, bad->len);
  write_file(dir, "test_batch.bin", test->data, test->len);
  g_assert_false(kj_data_open(dir, NULL, &splits, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_assert_nonnull(strstr(error->message, "“test_batch.bin”: record 3 has label 10"));
}

/* Image folders */

static void
save_pixbuf(GdkPixbuf *pixbuf, const char *dir, const char *name, const char *type)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_save(pixbuf, path, type, &error, NULL);
  g_assert_no_error(error);
}

static GdkPixbuf *
solid(int width, int height, gboolean alpha, guint32 rgba)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, alpha, 8, width, height);

  gdk_pixbuf_fill(pixbuf, rgba);
  return pixbuf;
}

static guint32
crc32(const guint8 *data, gsize size)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < size; i++) {
    crc ^= data[i];
    for (int k = 0; k < 8; k++)
      crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc;
}

static void
append_chunk(GByteArray *png, const char *type, const guint8 *data, guint32 size)
{
  g_autoptr(GByteArray) body = g_byte_array_new();

  append_be32(png, size);
  g_byte_array_append(body, (const guint8 *)type, 4);
  g_byte_array_append(body, data, size);
  g_byte_array_append(png, body->data, body->len);
  append_be32(png, crc32(body->data, body->len));
}

/* A valid PNG header claiming width×height, with a token of pixel data. */
static GByteArray *
png_claiming(guint32 width, guint32 height)
{
  GByteArray *png = g_byte_array_new();
  guint8 ihdr[13] = { 0 };
  const guint8 idat[] = { 0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01 };

  g_byte_array_append(png, (const guint8 *)"\x89PNG\r\n\x1a\n", 8);
  *(guint32 *)ihdr = GUINT32_TO_BE(width);
  *(guint32 *)(ihdr + 4) = GUINT32_TO_BE(height);
  ihdr[8] = 8; /* bits */
  ihdr[9] = 2; /* RGB */
  append_chunk(png, "IHDR", ihdr, sizeof ihdr);
  append_chunk(png, "IDAT", idat, sizeof idat);
  append_chunk(png, "IEND", NULL, 0);
  return png;
}

static void
test_image_refuses_enormous(void)
{
  g_autofree char *dir = make_dir("enormous");
  g_autoptr(GByteArray) png = png_claiming(100000, 100000);
  g_autoptr(GFile) file = child(dir, "huge.png");
  g_autoptr(GError) error = NULL;
  guint8 pixels[3 * 8 * 8];
  gint64 start = g_get_monotonic_time();

  write_file(dir, "huge.png", png->data, png->len);
  g_assert_false(kj_image_load(file, NULL, &(KjShape){ 3, 8, 8 }, pixels, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_assert_nonnull(strstr(error->message, "“huge.png” is 100000×100000 pixels"));
  g_assert_cmpint(g_get_monotonic_time() - start, <, G_USEC_PER_SEC / 2);
}

/* Centre crop, alpha on white, luminance. */
static void
test_image_convert(void)
{
  g_autofree char *dir = make_dir("convert");
  g_autoptr(GdkPixbuf) bands = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 64, 32);
  g_autoptr(GdkPixbuf) clear = solid(10, 10, TRUE, 0x00000000);
  g_autoptr(GdkPixbuf) half = solid(10, 10, TRUE, 0x0000ff80);
  g_autoptr(GFile) file = child(dir, "bands.png");
  g_autoptr(GError) error = NULL;
  const KjShape rgb = { 3, 16, 16 }, grey = { 1, 4, 4 };
  guint8 pixels[3 * 16 * 16];

  /* Red, green, blue thirds; the centre 32×32 of 64×32 is all green. */
  for (int y = 0; y < 32; y++)
    for (int x = 0; x < 64; x++) {
      guint8 *p = gdk_pixbuf_get_pixels(bands) + y * gdk_pixbuf_get_rowstride(bands) + x * 3;

      p[0] = x < 16 ? 255 : 0;
      p[1] = x >= 16 && x < 48 ? 255 : 0;
      p[2] = x >= 48 ? 255 : 0;
    }
  save_pixbuf(bands, dir, "bands.png", "png");
  g_assert_true(kj_image_load(file, NULL, &rgb, pixels, NULL, &error));
  g_assert_no_error(error);
  for (guint k = 0; k < 256; k++) {
    g_assert_cmpuint(pixels[k], <=, 2);
    g_assert_cmpuint(pixels[256 + k], >=, 253);
    g_assert_cmpuint(pixels[512 + k], <=, 2);
  }

  kj_image_from_pixbuf(clear, &grey, pixels);
  g_assert_cmpuint(pixels[0], ==, 255);
  /* Blue at half alpha on white: (127.5, 127.5, 255) → Y ≈ 142. */
  kj_image_from_pixbuf(half, &grey, pixels);
  g_assert_cmpuint(pixels[5], >=, 140);
  g_assert_cmpuint(pixels[5], <=, 144);
}

static void
write_image_folder(const char *root)
{
  g_autofree char *cat = g_build_filename(root, "cat", NULL);
  g_autofree char *dog = g_build_filename(root, "dog", NULL);
  g_autoptr(GdkPixbuf) red = solid(40, 20, FALSE, 0xff0000ff);
  g_autoptr(GdkPixbuf) blue = solid(20, 30, FALSE, 0x0000ffff);
  g_autoptr(GdkPixbuf) clear = solid(8, 8, TRUE, 0x00000000);
  g_autoptr(GByteArray) huge = png_claiming(100000, 100000);

  g_mkdir_with_parents(cat, 0755);
  g_mkdir_with_parents(dog, 0755);
  save_pixbuf(red, cat, "a.png", "png");
  save_pixbuf(blue, cat, "b.jpg", "jpeg");
  save_pixbuf(clear, dog, "c.png", "png");
  write_file(dog, "broken.png", "\x89PNG\r\n\x1a\n garbage garbage", 25);
  write_file(dog, "notes.txt", "not an image\n", 13);
  write_file(dog, "huge.png", huge->data, huge->len);
  write_file(dog, ".hidden.png", "", 0);
  write_file(root, "README", "files in the root are not images of a class", 10);
}

static void
test_image_folder(void)
{
  g_autofree char *root = make_dir("folder");
  g_autoptr(GError) error = NULL;
  KjDataOptions options;
  KjDataSplits splits;
  const guint8 *p;

  write_image_folder(root);
  kj_data_options_init(&options);
  g_assert_true(kj_data_open(root, &options, &splits, &error));
  g_assert_no_error(error);
  g_assert_null(splits.test);
  g_assert_cmpuint(kj_dataset_get_n(splits.train), ==, 3);
  g_assert_cmpuint(kj_dataset_get_n_classes(splits.train), ==, 2);
  g_assert_cmpstr(kj_dataset_get_class_id(splits.train, 0), ==, "cat");
  g_assert_cmpstr(kj_dataset_get_class_name(splits.train, 1), ==, "dog");
  g_assert_true(kj_shape_equal(kj_dataset_get_shape(splits.train), &(KjShape){ 3, 32, 32 }));
  g_assert_cmpuint(kj_dataset_get_label(splits.train, 0), ==, 0);
  g_assert_cmpuint(kj_dataset_get_label(splits.train, 1), ==, 0);
  g_assert_cmpuint(kj_dataset_get_label(splits.train, 2), ==, 1);
  p = kj_dataset_get_pixels(splits.train, 0); /* red PNG */
  g_assert_cmpuint(p[0], ==, 255);
  g_assert_cmpuint(p[1024], ==, 0);
  p = kj_dataset_get_pixels(splits.train, 1); /* blue JPEG, lossy */
  g_assert_cmpuint(p[500], <, 10);
  g_assert_cmpuint(p[2048 + 500], >, 245);
  p = kj_dataset_get_pixels(splits.train, 2); /* transparent: white */
  g_assert_cmpuint(p[0], ==, 255);
  g_assert_cmpuint(p[3071], ==, 255);

  g_assert_nonnull(splits.warnings);
  g_assert_cmpuint(g_strv_length(splits.warnings), ==, 3);
  for (guint i = 0; splits.warnings[i] != NULL; i++)
    g_test_message("warning: %s", splits.warnings[i]);
  g_assert_nonnull(strstr(splits.warnings[0], "“dog/broken.png”"));
  g_assert_nonnull(strstr(splits.warnings[1], "“dog/huge.png” is 100000×100000 pixels"));
  g_assert_nonnull(strstr(splits.warnings[2], "“dog/notes.txt”"));
  kj_data_splits_clear(&splits);

  /* Grey 8×8. */
  options.image_shape = (KjShape){ 1, 8, 8 };
  g_assert_true(kj_data_open(root, &options, &splits, &error));
  g_assert_true(kj_shape_equal(kj_dataset_get_shape(splits.train), &(KjShape){ 1, 8, 8 }));
  g_assert_cmpuint(kj_dataset_get_pixels(splits.train, 0)[0], ==, 76); /* 0.299 × 255 */
  kj_data_splits_clear(&splits);

  options.image_shape = (KjShape){ 2, 8, 8 };
  g_assert_false(kj_data_open(root, &options, &splits, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
}

static void
test_image_folder_errors(void)
{
  g_autofree char *empty_root = make_dir("no-classes");
  g_autofree char *root = make_dir("empty-class");
  g_autofree char *empty = make_dir("empty-class/b-empty");
  g_autofree char *unreadable = make_dir("unreadable-class/only");
  g_autofree char *unreadable_root = g_path_get_dirname(unreadable);
  g_autofree char *a = make_dir("empty-class/a");
  g_autofree char *missing = g_build_filename(tmp_root, "missing", NULL);
  g_autoptr(GdkPixbuf) pixbuf = solid(4, 4, FALSE, 0x336699ff);
  g_autoptr(GError) error = NULL;
  KjDataSplits splits;

  write_file(empty_root, "loose.png", "", 0);
  g_assert_false(kj_data_open(empty_root, NULL, &splits, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, "no-classes” holds no class folders"));
  g_clear_error(&error);

  save_pixbuf(pixbuf, a, "x.png", "png");
  g_assert_false(kj_data_open(root, NULL, &splits, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, "b-empty” holds no images"));
  g_clear_error(&error);

  write_file(unreadable, "x.txt", "text", 4);
  g_assert_false(kj_data_open(unreadable_root, NULL, &splits, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, "only” holds no image Kuajie can read"));
  g_clear_error(&error);

  g_assert_false(kj_data_open(missing, NULL, &splits, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_assert_nonnull(strstr(error->message, "missing” does not exist"));
  g_clear_error(&error);

  write_file(a, "file", "x", 1);
  {
    g_autofree char *file = g_build_filename(a, "file", NULL);

    g_assert_false(kj_data_open(file, NULL, &splits, &error));
    g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "is not a folder"));
  }
}

static void
test_image_folder_splits(void)
{
  g_autofree char *train_a = make_dir("splits/train/alpha");
  g_autofree char *train_b = make_dir("splits/train/beta");
  g_autofree char *test_b = make_dir("splits/test/beta");
  g_autofree char *root = g_build_filename(tmp_root, "splits", NULL);
  g_autoptr(GdkPixbuf) pixbuf = solid(6, 6, FALSE, 0x808080ff);
  g_autoptr(GError) error = NULL;
  KjDataSplits splits;

  save_pixbuf(pixbuf, train_a, "1.png", "png");
  save_pixbuf(pixbuf, train_b, "2.png", "png");
  save_pixbuf(pixbuf, train_b, "3.png", "png");
  save_pixbuf(pixbuf, test_b, "4.png", "png");
  g_assert_true(kj_data_open(root, NULL, &splits, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(kj_dataset_get_n(splits.train), ==, 3);
  g_assert_cmpuint(kj_dataset_get_n(splits.test), ==, 1);
  g_assert_cmpuint(kj_dataset_get_n_classes(splits.test), ==, 2);
  g_assert_cmpuint(kj_dataset_get_label(splits.test, 0), ==, 1);
  g_assert_cmpstr(kj_dataset_get_class_id(splits.test, 1), ==, "beta");
  kj_data_splits_clear(&splits);

  {
    g_autofree char *test_c = make_dir("splits/test/gamma");

    save_pixbuf(pixbuf, test_c, "5.png", "png");
    g_assert_false(kj_data_open(root, NULL, &splits, &error));
    g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "“gamma” is not one of the training classes"));
  }
}

/* Shapes */

static void
test_shapes(void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDataset) a = kj_shapes_generate(400, 7, 0, NULL, &error);
  g_autoptr(KjDataset) b = kj_shapes_generate(400, 7, 0, NULL, &error);
  g_autoptr(KjDataset) c = kj_shapes_generate(400, 8, 0, NULL, &error);
  g_autoptr(KjDataset) d = kj_shapes_generate(400, 7, 1, NULL, &error);
  const gsize size = 400 * 3 * 32 * 32;
  guint counts[KJ_SHAPES_N_CLASSES] = { 0 };
  KjNormalization norm;

  g_assert_no_error(error);
  g_assert_cmpmem(kj_dataset_get_pixels(a, 0), size, kj_dataset_get_pixels(b, 0), size);
  g_assert_true(memcmp(kj_dataset_get_pixels(a, 0), kj_dataset_get_pixels(c, 0), size) != 0);
  g_assert_true(memcmp(kj_dataset_get_pixels(a, 0), kj_dataset_get_pixels(d, 0), size) != 0);
  g_assert_true(memcmp(kj_dataset_get_pixels(a, 0), kj_dataset_get_pixels(a, 1), 3072) != 0);

  for (guint i = 0; i < 400; i++)
    counts[kj_dataset_get_label(a, i)]++;
  for (guint k = 0; k < KJ_SHAPES_N_CLASSES; k++)
    g_assert_cmpuint(counts[k], ==, 400 / KJ_SHAPES_N_CLASSES);
  g_assert_cmpuint(kj_dataset_get_n_classes(a), ==, KJ_SHAPES_N_CLASSES);
  g_assert_cmpstr(kj_dataset_get_class_id(a, 0), ==, "circle");
  g_assert_cmpstr(kj_dataset_get_class_name(a, 0), ==, "Circle");
  g_assert_cmpstr(kj_dataset_get_class_id(a, 7), ==, "arrow");

  /* Varied images: neither blank nor saturated on average. */
  kj_dataset_compute_normalization(a, &norm);
  for (guint ch = 0; ch < 3; ch++) {
    g_assert_cmpfloat(norm.mean[ch], >, 0.3);
    g_assert_cmpfloat(norm.mean[ch], <, 0.7);
    g_assert_cmpfloat(norm.std[ch], >, 0.2);
  }
}

static void
test_shapes_speed(void)
{
  const guint n = 5000;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDataset) ds = NULL;
  gint64 start = g_get_monotonic_time();
  double seconds;

  ds = kj_shapes_generate(n, 1, 0, NULL, &error);
  seconds = (g_get_monotonic_time() - start) / (double)G_USEC_PER_SEC;
  g_assert_no_error(error);
  g_test_message("shapes: %u images in %.3f s, %.0f images/s", n, seconds, n / seconds);
  g_assert_cmpfloat(n / seconds, >, 1000);
}

static void
test_shapes_cancel(void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new();
  g_autoptr(GError) error = NULL;
  KjDataOptions options;
  KjDataSplits splits;

  g_cancellable_cancel(cancellable);
  kj_data_options_init(&options);
  options.cancellable = cancellable;
  g_assert_false(kj_data_open("shapes", &options, &splits, &error));
  g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null(splits.train);
}

static void
test_shapes_source(void)
{
  g_autoptr(GError) error = NULL;
  KjDataOptions options;
  KjDataSplits splits;

  kj_data_options_init(&options);
  options.shapes_train = 64;
  options.shapes_test = 16;
  g_assert_true(kj_data_open("shapes", &options, &splits, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(kj_dataset_get_n(splits.train), ==, 64);
  g_assert_cmpuint(kj_dataset_get_n(splits.test), ==, 16);
  g_assert_cmpstr(splits.name, ==, "Shapes");
  kj_data_splits_clear(&splits);
}

/* Long loads stop with G_IO_ERROR_CANCELLED, which callers do not show. */
static void
test_cancel(void)
{
  g_autofree char *idx = make_dir("cancel-idx");
  g_autofree char *folder = make_dir("cancel-folder/a");
  g_autofree char *folder_root = g_path_get_dirname(folder);
  g_autoptr(GCancellable) cancellable = g_cancellable_new();
  g_autoptr(GdkPixbuf) pixbuf = solid(4, 4, FALSE, 0x808080ff);
  const guint8 labels[] = { 0, 1 };
  const char *const sources[] = { idx, folder_root };
  KjDataOptions options;

  write_idx_pair(idx, "train", 2, labels, TRUE);
  save_pixbuf(pixbuf, folder, "1.png", "png");
  g_cancellable_cancel(cancellable);
  kj_data_options_init(&options);
  options.cancellable = cancellable;
  for (guint i = 0; i < G_N_ELEMENTS(sources); i++) {
    g_autoptr(GError) error = NULL;
    KjDataSplits splits;

    g_assert_false(kj_data_open(sources[i], &options, &splits, &error));
    g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null(splits.train);
  }
}

/* Fashion-MNIST */

static void
test_fashion_mnist(void)
{
  static const char *const ids[] = { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                     "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot" };
  g_autoptr(GError) error = NULL;
  KjDataSplits splits;
  gint64 start;
  double seconds;

  if (!kj_fashion_mnist_available(NULL)) {
    g_test_skip("Fashion-MNIST is not installed in " KJ_FASHION_MNIST_DIR
                " (package dataset-fashion-mnist)");
    return;
  }
  start = g_get_monotonic_time();
  g_assert_true(kj_data_open("fashion-mnist", NULL, &splits, &error));
  seconds = (g_get_monotonic_time() - start) / (double)G_USEC_PER_SEC;
  g_assert_no_error(error);
  g_test_message("Fashion-MNIST loaded in %.3f s", seconds);
  g_assert_cmpfloat(seconds, <, 3.0);

  g_assert_cmpstr(splits.name, ==, "Fashion-MNIST");
  g_assert_cmpuint(kj_dataset_get_n(splits.train), ==, 60000);
  g_assert_cmpuint(kj_dataset_get_n(splits.test), ==, 10000);
  g_assert_true(kj_shape_equal(kj_dataset_get_shape(splits.train), &(KjShape){ 1, 28, 28 }));
  g_assert_cmpuint(kj_dataset_get_n_classes(splits.train), ==, 10);
  for (guint i = 0; i < 10; i++) {
    g_assert_cmpstr(kj_dataset_get_class_id(splits.train, i), ==, ids[i]);
    g_assert_cmpstr(kj_dataset_get_class_name(splits.test, i), ==, ids[i]);
    g_assert_cmpstr(kj_class_name_translate(ids[i]), ==, ids[i]);
  }
  /* The first image of each split is an ankle boot. */
  g_assert_cmpuint(kj_dataset_get_label(splits.train, 0), ==, 9);
  g_assert_cmpuint(kj_dataset_get_label(splits.test, 0), ==, 9);
  kj_data_splits_clear(&splits);

  g_assert_true(kj_data_open("default", NULL, &splits, &error));
  g_assert_cmpstr(splits.name, ==, "Fashion-MNIST");
  kj_data_splits_clear(&splits);
}

static void
test_class_names(void)
{
  const char *unknown = "spaceship";

  g_assert_cmpstr(kj_class_name_translate("circle"), ==, "Circle");
  g_assert_cmpstr(kj_class_name_translate("automobile"), ==, "Automobile");
  g_assert_true(kj_class_name_translate(unknown) == unknown);
}

int
main(int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  int status;

  g_test_init(&argc, &argv, NULL);
  tmp_root = g_dir_make_tmp("kuajie-test-data-XXXXXX", &error);
  g_assert_no_error(error);

  g_test_add_func("/kj/data/dataset/basics", test_dataset_basics);
  g_test_add_func("/kj/data/dataset/normalization", test_dataset_normalization);
  g_test_add_func("/kj/data/dataset/fill-batch", test_fill_batch);
  g_test_add_func("/kj/data/dataset/augment", test_fill_batch_augment);
  g_test_add_func("/kj/data/idx/good", test_idx_good);
  g_test_add_func("/kj/data/idx/errors", test_idx_errors);
  g_test_add_func("/kj/data/idx/dir-errors", test_idx_dir_errors);
  g_test_add_func("/kj/data/cifar", test_cifar);
  g_test_add_func("/kj/data/image/enormous", test_image_refuses_enormous);
  g_test_add_func("/kj/data/image/convert", test_image_convert);
  g_test_add_func("/kj/data/image-folder/load", test_image_folder);
  g_test_add_func("/kj/data/image-folder/errors", test_image_folder_errors);
  g_test_add_func("/kj/data/image-folder/splits", test_image_folder_splits);
  g_test_add_func("/kj/data/shapes/determinism", test_shapes);
  g_test_add_func("/kj/data/shapes/speed", test_shapes_speed);
  g_test_add_func("/kj/data/shapes/cancel", test_shapes_cancel);
  g_test_add_func("/kj/data/shapes/source", test_shapes_source);
  g_test_add_func("/kj/data/cancel", test_cancel);
  g_test_add_func("/kj/data/fashion-mnist", test_fashion_mnist);
  g_test_add_func("/kj/data/class-names", test_class_names);
  status = g_test_run();

  root = g_file_new_for_path(tmp_root);
  remove_tree(root);
  g_free(tmp_root);
  return status;
}
