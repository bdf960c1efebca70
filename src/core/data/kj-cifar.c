#include "config.h"

#include "kj-cifar.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kj-data-io.h"
#include "kj-error.h"

#define IMAGE_SIZE     (KJ_CIFAR_RECORD_SIZE - 1)
#define CHUNK_RECORDS  1024
#define MAX_DATA_FILES 5

const KjClassName kj_cifar_classes[KJ_CIFAR_N_CLASSES] = {
  { "airplane", "CIFAR-10 class", NC_("CIFAR-10 class", "Airplane") },
  { "automobile", "CIFAR-10 class", NC_("CIFAR-10 class", "Automobile") },
  { "bird", "CIFAR-10 class", NC_("CIFAR-10 class", "Bird") },
  { "cat", "CIFAR-10 class", NC_("CIFAR-10 class", "Cat") },
  { "deer", "CIFAR-10 class", NC_("CIFAR-10 class", "Deer") },
  { "dog", "CIFAR-10 class", NC_("CIFAR-10 class", "Dog") },
  { "frog", "CIFAR-10 class", NC_("CIFAR-10 class", "Frog") },
  { "horse", "CIFAR-10 class", NC_("CIFAR-10 class", "Horse") },
  { "ship", "CIFAR-10 class", NC_("CIFAR-10 class", "Ship") },
  { "truck", "CIFAR-10 class", NC_("CIFAR-10 class", "Truck") },
};

static gboolean
has_child(GFile *dir, const char *name)
{
  g_autoptr(GFile) file = g_file_get_child(dir, name);

  return g_file_query_file_type(file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

gboolean
kj_cifar_detect(GFile *dir)
{
  return has_child(dir, "data_batch_1.bin") || has_child(dir, "test_batch.bin");
}

/* The number of records in file, from its size, before anything is read. */
static gboolean
count_records(GFile *file, guint64 *n, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = g_file_get_basename(file);
  g_autofree char *name = g_filename_display_name(basename);
  goffset size;

  info = g_file_query_info(file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           cancellable, &local_error);
  if (info == NULL) {
    if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_propagate_error(error, g_steal_pointer(&local_error));
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be opened: %s"), name,
                  local_error->message);
    return FALSE;
  }
  size = g_file_info_get_size(info);
  if (size <= 0 || size % KJ_CIFAR_RECORD_SIZE != 0) {
    g_autofree char *shown_size = kj_data_format_count((guint64)MAX(size, 0));
    g_autofree char *shown_record = kj_data_format_count(KJ_CIFAR_RECORD_SIZE);

    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("“%s”: %s bytes are not a whole number of %s-byte CIFAR-10 records"), name,
                shown_size, shown_record);
    return FALSE;
  }
  *n = (guint64)size / KJ_CIFAR_RECORD_SIZE;
  return TRUE;
}

/* Reads n records of one file into ds from image first on. */
static gboolean
read_records(GFile *file, guint64 n, KjDataset *ds, guint first, guint8 *buffer,
             GCancellable *cancellable, GError **error)
{
  KjDataReader reader;
  const guint64 total = n * KJ_CIFAR_RECORD_SIZE;
  gboolean ok = FALSE;

  if (!kj_data_reader_open(&reader, file, FALSE, cancellable, error))
    return FALSE;
  for (guint64 done = 0; done < n;) {
    const guint count = (guint)MIN(n - done, CHUNK_RECORDS);

    if (!kj_data_reader_read(&reader, buffer, (gsize)count * KJ_CIFAR_RECORD_SIZE, total,
                             cancellable, error))
      goto out;
    for (guint i = 0; i < count; i++, done++) {
      const guint8 *record = buffer + (gsize)i * KJ_CIFAR_RECORD_SIZE;

      if (record[0] >= KJ_CIFAR_N_CLASSES) {
        g_autofree char *shown = kj_data_format_count(done + 1);

        g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                    _("“%s”: record %s has label %u; CIFAR-10 labels are 0 to 9"), reader.name,
                    shown, record[0]);
        goto out;
      }
      memcpy(kj_dataset_get_pixels(ds, first + (guint)done), record + 1, IMAGE_SIZE);
      kj_dataset_set_label(ds, first + (guint)done, record[0]);
    }
  }
  ok = kj_data_reader_expect_end(&reader, cancellable, error);
out:
  kj_data_reader_clear(&reader);
  return ok;
}

KjDataset *
kj_cifar_load(GFile *const *files, guint n_files, GCancellable *cancellable, GError **error)
{
  const KjShape shape = { 3, 32, 32 };
  g_autofree guint64 *counts = g_new0(guint64, n_files);
  g_autofree guint8 *buffer = NULL;
  g_autoptr(KjDataset) ds = NULL;
  guint64 n = 0;
  guint first = 0;

  /* Sizes first: a wrong file fails before 150 MB are allocated. */
  for (guint f = 0; f < n_files; f++) {
    if (!count_records(files[f], &counts[f], cancellable, error))
      return NULL;
    n += counts[f];
  }
  if (n * IMAGE_SIZE > KJ_DATASET_MAX_BYTES) {
    g_autofree char *shown = kj_data_format_count(n);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE, _("%s CIFAR-10 images are too many"),
                shown);
    return NULL;
  }

  ds = kj_dataset_new((guint)n, &shape, KJ_CIFAR_N_CLASSES);
  buffer = g_malloc((gsize)CHUNK_RECORDS * KJ_CIFAR_RECORD_SIZE);
  for (guint f = 0; f < n_files; f++) {
    if (!read_records(files[f], counts[f], ds, first, buffer, cancellable, error))
      return NULL;
    first += (guint)counts[f];
  }
  return g_steal_pointer(&ds);
}

/* Names from batches.meta.txt when it has ten, else the usual ones. */
static void
apply_names(GFile *dir, KjDataset *ds)
{
  g_autoptr(GFile) meta = g_file_get_child(dir, "batches.meta.txt");
  g_autofree char *contents = NULL;
  g_autofree char *valid = NULL;
  g_auto(GStrv) lines = NULL;
  const char *ids[KJ_CIFAR_N_CLASSES];
  guint n = 0;

  kj_class_names_apply(ds, kj_cifar_classes, KJ_CIFAR_N_CLASSES);
  if (!g_file_load_contents(meta, NULL, &contents, NULL, NULL, NULL))
    return;
  valid = g_utf8_make_valid(contents, -1);
  lines = g_strsplit(valid, "\n", -1);
  for (guint i = 0; lines[i] != NULL && n < KJ_CIFAR_N_CLASSES; i++)
    if (*g_strstrip(lines[i]) != '\0')
      ids[n++] = lines[i];
  if (n < KJ_CIFAR_N_CLASSES)
    return;
  for (guint i = 0; i < n; i++) {
    kj_dataset_set_class_id(ds, i, ids[i]);
    kj_dataset_set_class_name(ds, i, kj_class_name_translate(ids[i]));
  }
}

gboolean
kj_cifar_load_dir(GFile *dir, KjDataset **train, KjDataset **test, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_object_unref);
  g_autoptr(GFile) test_file = g_file_get_child(dir, "test_batch.bin");
  g_autoptr(KjDataset) train_ds = NULL;
  g_autoptr(KjDataset) test_ds = NULL;

  for (guint i = 1; i <= MAX_DATA_FILES; i++) {
    g_autofree char *name = g_strdup_printf("data_batch_%u.bin", i);

    if (has_child(dir, name))
      g_ptr_array_add(files, g_file_get_child(dir, name));
  }
  if (!has_child(dir, "data_batch_1.bin")) {
    g_autofree char *path = g_file_get_parse_name(dir);

    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” has no CIFAR-10 training file %s"), path,
                "data_batch_1.bin");
    return FALSE;
  }
  train_ds = kj_cifar_load((GFile *const *)files->pdata, files->len, cancellable, error);
  if (train_ds == NULL)
    return FALSE;
  apply_names(dir, train_ds);
  if (has_child(dir, "test_batch.bin")) {
    test_ds = kj_cifar_load(&test_file, 1, cancellable, error);
    if (test_ds == NULL)
      return FALSE;
    apply_names(dir, test_ds);
  }
  *train = g_steal_pointer(&train_ds);
  *test = g_steal_pointer(&test_ds);
  return TRUE;
}
