#include "config.h"

#include "kj-image-folder.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kj-data-io.h"
#include "kj-error.h"
#include "kj-image.h"

static int
compare_names(gconstpointer a, gconstpointer b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The visible children of dir of one type, by name in byte (code point)
 * order; symbolic links count as what they point to. */
static GPtrArray *
list_children(GFile *dir, GFileType type, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);

  children = g_file_enumerate_children(dir,
                                       G_FILE_ATTRIBUTE_STANDARD_NAME
                                       "," G_FILE_ATTRIBUTE_STANDARD_TYPE
                                       "," G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                       G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  while (children != NULL) {
    GFileInfo *info = g_file_enumerator_next_file(children, cancellable, &local_error);

    if (info == NULL)
      break;
    if (g_file_info_get_file_type(info) == type && !g_file_info_get_is_hidden(info))
      g_ptr_array_add(names, g_strdup(g_file_info_get_name(info)));
    g_object_unref(info);
  }
  if (local_error != NULL) {
    g_autofree char *path = g_file_get_parse_name(dir);

    if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_propagate_error(error, g_steal_pointer(&local_error));
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be read: %s"), path,
                  local_error->message);
    return NULL;
  }
  g_ptr_array_sort(names, compare_names);
  return g_steal_pointer(&names);
}

static gboolean
is_dir(GFile *parent, const char *name)
{
  g_autoptr(GFile) child = g_file_get_child(parent, name);

  return g_file_query_file_type(child, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

gboolean
kj_image_folder_has_splits(GFile *root)
{
  g_autoptr(GFile) train = g_file_get_child(root, "train");
  g_autoptr(GPtrArray) classes = NULL;

  if (!is_dir(root, "train") || !is_dir(root, "test"))
    return FALSE;
  classes = list_children(train, G_FILE_TYPE_DIRECTORY, NULL, NULL);
  return classes != NULL && classes->len > 0;
}

/* One class folder: where its images go and the files it holds. */
typedef struct {
  char *folder; /* file-system name */
  guint label;
  GPtrArray *files;
} ClassFolder;

static void
class_folder_free(gpointer data)
{
  ClassFolder *class = data;

  g_free(class->folder);
  g_clear_pointer(&class->files, g_ptr_array_unref);
  g_free(class);
}

/* The class folders of root, with their labels: by position, or by name
 * among class_ids. */
static GPtrArray *
find_classes(GFile *root, const char *const *class_ids, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) names = list_children(root, G_FILE_TYPE_DIRECTORY, cancellable, error);
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func(class_folder_free);
  g_autofree char *path = g_file_get_parse_name(root);

  if (names == NULL)
    return NULL;
  if (names->len == 0) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("“%s” holds no class folders: put the images of each class in a folder named "
                  "after it"),
                path);
    return NULL;
  }
  if (names->len > G_MAXUINT16 + 1u) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE, _("“%s” holds too many class folders"),
                path);
    return NULL;
  }
  for (guint i = 0; i < names->len; i++) {
    ClassFolder *class = g_new0(ClassFolder, 1);
    g_autofree char *id = g_filename_display_name(names->pdata[i]);

    class->folder = g_strdup(names->pdata[i]);
    g_ptr_array_add(classes, class);
    if (class_ids == NULL) {
      class->label = i;
      continue;
    }
    if (!g_strv_contains(class_ids, id)) {
      g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                  _("“%s”: the class folder “%s” is not one of the training classes"), path, id);
      return NULL;
    }
    for (class->label = 0; strcmp(class_ids[class->label], id) != 0; class->label++)
      ;
  }
  return g_steal_pointer(&classes);
}

/* Decodes the files of one class into ds from *n on; fails when none can be. */
static gboolean
load_class(GFile *root, ClassFolder *class, KjDataset *ds, guint *n, GPtrArray *warnings,
           GCancellable *cancellable, GError **error)
{
  g_autoptr(GFile) folder = g_file_get_child(root, class->folder);
  guint loaded = 0;

  for (guint i = 0; i < class->files->len; i++) {
    g_autoptr(GFile) file = g_file_get_child(folder, class->files->pdata[i]);
    g_autofree char *relative = g_build_filename(class->folder, class->files->pdata[i], NULL);
    g_autofree char *name = g_filename_display_name(relative);
    g_autoptr(GError) local_error = NULL;

    if (kj_image_load(file, name, kj_dataset_get_shape(ds), kj_dataset_get_pixels(ds, *n),
                      cancellable, &local_error)) {
      kj_dataset_set_label(ds, (*n)++, (guint16) class->label);
      loaded++;
    } else if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_propagate_error(error, g_steal_pointer(&local_error));
      return FALSE;
    } else if (warnings != NULL) {
      g_ptr_array_add(warnings, g_strdup(local_error->message));
    }
  }
  if (loaded == 0) {
    g_autofree char *path = g_file_get_parse_name(folder);

    if (class->files->len == 0)
      g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("The class folder “%s” holds no images"),
                  path);
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                  _("The class folder “%s” holds no image Kuajie can read"), path);
    return FALSE;
  }
  return TRUE;
}

KjDataset *
kj_image_folder_load(GFile *root, const KjShape *shape, const char *const *class_ids,
                     GPtrArray *warnings, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(KjDataset) ds = NULL;
  guint64 total = 0;
  guint n_classes, n = 0;

  if (!kj_image_check_shape(shape, error))
    return NULL;
  classes = find_classes(root, class_ids, cancellable, error);
  if (classes == NULL)
    return NULL;
  for (guint i = 0; i < classes->len; i++) {
    ClassFolder *class = classes->pdata[i];
    g_autoptr(GFile) folder = g_file_get_child(root, class->folder);

    class->files = list_children(folder, G_FILE_TYPE_REGULAR, cancellable, error);
    if (class->files == NULL)
      return NULL;
    total += class->files->len;
  }
  /* Room for every file; what cannot be decoded is cut off at the end. */
  if (total * kj_shape_size(shape) > KJ_DATASET_MAX_BYTES) {
    g_autofree char *path = g_file_get_parse_name(root);
    g_autofree char *shown = kj_data_format_count(total);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("“%s” holds %s files, too many for images of %u×%u"), path, shown, shape->w,
                shape->h);
    return NULL;
  }

  n_classes = class_ids != NULL ? g_strv_length((char **)class_ids) : classes->len;
  ds = kj_dataset_new((guint)total, shape, n_classes);
  for (guint i = 0; i < n_classes; i++) {
    g_autofree char *id = class_ids != NULL
                              ? g_strdup(class_ids[i])
                              : g_filename_display_name(((ClassFolder *)classes->pdata[i])->folder);

    kj_dataset_set_class_id(ds, i, id);
    kj_dataset_set_class_name(ds, i, id);
  }
  for (guint i = 0; i < classes->len; i++)
    if (!load_class(root, classes->pdata[i], ds, &n, warnings, cancellable, error))
      return NULL;
  kj_dataset_truncate(ds, n);
  return g_steal_pointer(&ds);
}
