#include "config.h"

#include "kj-data-source.h"

#include <glib/gi18n-lib.h>

#include "kj-cifar.h"
#include "kj-error.h"
#include "kj-fashion-mnist.h"
#include "kj-idx.h"
#include "kj-image-folder.h"
#include "kj-shapes.h"

void
kj_data_options_init(KjDataOptions *options)
{
  *options = (KjDataOptions){ 0 };
}

void
kj_data_splits_clear(KjDataSplits *splits)
{
  g_clear_pointer(&splits->train, kj_dataset_unref);
  g_clear_pointer(&splits->test, kj_dataset_unref);
  g_clear_pointer(&splits->name, g_free);
  g_clear_pointer(&splits->warnings, g_strfreev);
}

static gboolean
open_shapes(const KjDataOptions *options, KjDataSplits *splits, GError **error)
{
  const guint n_train = options->shapes_train > 0 ? options->shapes_train : KJ_SHAPES_DEFAULT_TRAIN;
  const guint n_test = options->shapes_test > 0 ? options->shapes_test : KJ_SHAPES_DEFAULT_TEST;
  const guint64 image_size = 3 * KJ_SHAPES_SIZE * KJ_SHAPES_SIZE;

  if (((guint64)n_train + n_test) * image_size > KJ_DATASET_MAX_BYTES) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("%u training and %u test images of shapes are too many"), n_train, n_test);
    return FALSE;
  }
  splits->train = kj_shapes_generate(n_train, options->seed, 0, options->cancellable, error);
  if (splits->train == NULL)
    return FALSE;
  splits->test = kj_shapes_generate(n_test, options->seed, 1, options->cancellable, error);
  if (splits->test == NULL)
    return FALSE;
  splits->name = g_strdup(C_("dataset", "Shapes"));
  return TRUE;
}

static gboolean
open_fashion_mnist(GFile *dir, const KjDataOptions *options, KjDataSplits *splits, GError **error)
{
  if (dir == NULL && !kj_fashion_mnist_available(NULL)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO,
                _("Fashion-MNIST is not installed in “%s”: install the package "
                  "dataset-fashion-mnist"),
                KJ_FASHION_MNIST_DIR);
    return FALSE;
  }
  if (!kj_fashion_mnist_load(dir, &splits->train, &splits->test, options->cancellable, error))
    return FALSE;
  splits->name = g_strdup("Fashion-MNIST");
  return TRUE;
}

static gboolean
open_image_folder(GFile *root, const KjDataOptions *options, KjDataSplits *splits,
                  GPtrArray *warnings, GError **error)
{
  const KjShape *given = &options->image_shape;
  const KjShape shape = { given->c > 0 ? given->c : 3, given->h > 0 ? given->h : 32,
                          given->w > 0 ? given->w : 32 };
  g_autoptr(GFile) train = NULL;
  g_autoptr(GFile) test = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  if (!kj_image_folder_has_splits(root)) {
    splits->train = kj_image_folder_load(root, &shape, NULL, warnings, options->cancellable, error);
    return splits->train != NULL;
  }

  train = g_file_get_child(root, "train");
  test = g_file_get_child(root, "test");
  splits->train = kj_image_folder_load(train, &shape, NULL, warnings, options->cancellable, error);
  if (splits->train == NULL)
    return FALSE;
  ids = g_ptr_array_new();
  for (guint i = 0; i < kj_dataset_get_n_classes(splits->train); i++)
    g_ptr_array_add(ids, (gpointer)kj_dataset_get_class_id(splits->train, i));
  g_ptr_array_add(ids, NULL);
  splits->test = kj_image_folder_load(test, &shape, (const char *const *)ids->pdata, warnings,
                                      options->cancellable, error);
  return splits->test != NULL;
}

static gboolean
has_idx(GFile *dir)
{
  const char *const prefixes[] = { "train", "t10k" };

  for (guint i = 0; i < G_N_ELEMENTS(prefixes); i++) {
    g_autoptr(GFile) images = kj_idx_find(dir, prefixes[i], FALSE);
    g_autoptr(GFile) labels = kj_idx_find(dir, prefixes[i], TRUE);

    if (images != NULL || labels != NULL)
      return TRUE;
  }
  return FALSE;
}

/* A folder, by what it holds: IDX files, CIFAR-10 batches (also in the
 * cifar-10-batches-bin folder the archive unpacks to), or class folders. */
static gboolean
open_folder(const char *source, const KjDataOptions *options, KjDataSplits *splits,
            GPtrArray *warnings, GError **error)
{
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg(source);
  g_autoptr(GFile) fashion_mnist = g_file_new_for_path(KJ_FASHION_MNIST_DIR);
  g_autoptr(GFile) cifar = g_file_get_child(dir, "cifar-10-batches-bin");
  g_autofree char *path = g_file_get_parse_name(dir);
  g_autofree char *basename = g_file_get_basename(dir);

  switch (g_file_query_file_type(dir, G_FILE_QUERY_INFO_NONE, NULL)) {
  case G_FILE_TYPE_DIRECTORY:
    break;
  case G_FILE_TYPE_UNKNOWN:
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” does not exist"), path);
    return FALSE;
  default:
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("“%s” is not a folder: a dataset is a folder of IDX files, CIFAR-10 batches or "
                  "class folders"),
                path);
    return FALSE;
  }

  if (g_file_equal(dir, fashion_mnist))
    return open_fashion_mnist(dir, options, splits, error);

  splits->name = g_filename_display_name(basename);
  if (has_idx(dir))
    return kj_idx_load_dir(dir, 0, &splits->train, &splits->test, options->cancellable, error);
  if (kj_cifar_detect(dir))
    return kj_cifar_load_dir(dir, &splits->train, &splits->test, options->cancellable, error);
  if (kj_cifar_detect(cifar))
    return kj_cifar_load_dir(cifar, &splits->train, &splits->test, options->cancellable, error);
  return open_image_folder(dir, options, splits, warnings, error);
}

/* Fashion-MNIST when installed and sound; otherwise shapes, saying why. */
static gboolean
open_default(const KjDataOptions *options, KjDataSplits *splits, GPtrArray *warnings,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!kj_fashion_mnist_available(NULL))
    return open_shapes(options, splits, error);
  if (open_fashion_mnist(NULL, options, splits, &local_error))
    return TRUE;
  if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    g_propagate_error(error, g_steal_pointer(&local_error));
    return FALSE;
  }
  g_ptr_array_add(warnings,
                  g_strdup_printf(_("Fashion-MNIST cannot be loaded, so the lab uses shapes: %s"),
                                  local_error->message));
  kj_data_splits_clear(splits);
  return open_shapes(options, splits, error);
}

gboolean
kj_data_open(const char *source, const KjDataOptions *options, KjDataSplits *splits, GError **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
  KjDataOptions defaults;
  gboolean ok;

  g_return_val_if_fail(source != NULL, FALSE);

  if (options == NULL) {
    kj_data_options_init(&defaults);
    options = &defaults;
  }
  *splits = (KjDataSplits){ 0 };

  if (g_str_equal(source, "shapes"))
    ok = open_shapes(options, splits, error);
  else if (g_str_equal(source, "fashion-mnist"))
    ok = open_fashion_mnist(NULL, options, splits, error);
  else if (g_str_equal(source, "default"))
    ok = open_default(options, splits, warnings, error);
  else
    ok = open_folder(source, options, splits, warnings, error);

  if (!ok) {
    kj_data_splits_clear(splits);
    return FALSE;
  }
  if (warnings->len > 0) {
    g_ptr_array_add(warnings, NULL);
    splits->warnings = (char **)g_ptr_array_free(g_steal_pointer(&warnings), FALSE);
  }
  return TRUE;
}
