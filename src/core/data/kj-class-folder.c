#include "config.h"

#include "kj-class-folder.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "kj-error.h"
#include "kj-image.h"

/* Hidden, so that listings and the loader skip a file still being written. */
#define TEMP_PREFIX ".kuajie-"
#define TEMP_SUFFIX ".part"
/* "cat (9999).png" is the last name tried before giving up. */
#define MAX_NAME_TRIES 9999

struct _KjClassFolder {
  GObject parent_instance;

  char *path; /* immutable: the object is shared with worker threads */
  GFile *root;
};

G_DEFINE_FINAL_TYPE(KjClassFolder, kj_class_folder, G_TYPE_OBJECT)

static void
kj_class_folder_finalize(GObject *object)
{
  KjClassFolder *self = KJ_CLASS_FOLDER(object);

  g_free(self->path);
  g_clear_object(&self->root);
  G_OBJECT_CLASS(kj_class_folder_parent_class)->finalize(object);
}

static void
kj_class_folder_class_init(KjClassFolderClass *klass)
{
  G_OBJECT_CLASS(klass)->finalize = kj_class_folder_finalize;
}

static void
kj_class_folder_init(KjClassFolder *self)
{
}

char *
kj_class_folder_get_default_path(void)
{
  return g_build_filename(g_get_user_data_dir(), "kuajie", "datasets", "my-images", NULL);
}

KjClassFolder *
kj_class_folder_new(const char *path)
{
  KjClassFolder *self = g_object_new(KJ_TYPE_CLASS_FOLDER, NULL);

  self->path = path != NULL ? g_strdup(path) : kj_class_folder_get_default_path();
  self->root = g_file_new_for_path(self->path);
  return self;
}

const char *
kj_class_folder_get_path(KjClassFolder *self)
{
  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);
  return self->path;
}

/* Errors */

static gboolean
is_cancelled(const GError *error)
{
  return g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Rewrites a GIO error as KJ_ERROR_IO with format, which names what failed;
 * cancellation passes through unchanged. */
static void set_io_error(GError **error, const GError *cause, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

static void
set_io_error(GError **error, const GError *cause, const char *format, ...)
{
  va_list args;

  if (is_cancelled(cause)) {
    g_propagate_error(error, g_error_copy(cause));
    return;
  }
  va_start(args, format);
  g_propagate_error(error, g_error_new_valist(KJ_ERROR, KJ_ERROR_IO, format, args));
  va_end(args);
}

static void
set_no_class(GError **error, const char *class_name)
{
  g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("There is no class named “%s”"),
              class_name);
}

/* Names */

/* A single visible path component: what a class or image name may be. */
static gboolean
is_plain_name(const char *name)
{
  return name != NULL && *name != '\0' && *name != '.' && strchr(name, '/') == NULL;
}

static gboolean
has_control_characters(const char *name)
{
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char(p))
    if (g_unichar_iscntrl(g_utf8_get_char(p)))
      return TRUE;
  return FALSE;
}

char *
kj_class_folder_normalize_name(const char *name, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normal = NULL;

  if (name == NULL || !g_utf8_validate(name, -1, NULL)) {
    g_set_error_literal(error, KJ_ERROR, KJ_ERROR_INVALID_NAME,
                        _("A class name can only hold printable characters"));
    return NULL;
  }
  trimmed = g_strstrip(g_strdup(name));
  if (*trimmed == '\0') {
    g_set_error_literal(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("A class needs a name"));
    return NULL;
  }
  if (has_control_characters(trimmed)) {
    g_set_error_literal(error, KJ_ERROR, KJ_ERROR_INVALID_NAME,
                        _("A class name can only hold printable characters"));
    return NULL;
  }
  /* "é" typed and "é" pasted must be the same class. */
  normal = g_utf8_normalize(trimmed, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (g_utf8_strlen(normal, -1) > KJ_CLASS_FOLDER_MAX_NAME) {
    g_autofree char *start = g_utf8_substring(normal, 0, 20);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME,
                _("“%s…” is too long: a class name has at most %d characters"), start,
                KJ_CLASS_FOLDER_MAX_NAME);
    return NULL;
  }
  if (strchr(normal, '/') != NULL) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME,
                _("“%s” cannot be a class name: it contains “/”"), normal);
    return NULL;
  }
  /* Also refuses "." and "..": the loader ignores hidden folders. */
  if (*normal == '.') {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME,
                _("“%s” cannot be a class name: it starts with “.”"), normal);
    return NULL;
  }
  return g_steal_pointer(&normal);
}

static GFile *
child_for_name(GFile *parent, const char *utf8_name)
{
  g_autofree char *filename = g_filename_from_utf8(utf8_name, -1, NULL, NULL, NULL);

  return g_file_get_child(parent, filename != NULL ? filename : utf8_name);
}

GFile *
kj_class_folder_get_class_file(KjClassFolder *self, const char *class_name)
{
  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);
  g_return_val_if_fail(class_name != NULL, NULL);

  return child_for_name(self->root, class_name);
}

GFile *
kj_class_folder_get_image_file(KjClassFolder *self, const char *class_name, const char *image_name)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);
  g_return_val_if_fail(image_name != NULL, NULL);

  folder = kj_class_folder_get_class_file(self, class_name);
  return g_file_get_child(folder, image_name);
}

/* Listing */

typedef struct {
  char *key;
  char *name;
} SortEntry;

static void
sort_entry_clear(gpointer data)
{
  SortEntry *entry = data;

  g_free(entry->key);
  g_free(entry->name);
}

static int
compare_entries(gconstpointer a, gconstpointer b)
{
  const SortEntry *x = a, *y = b;
  int order = strcmp(x->key, y->key);

  /* Names the collation ties on still get one fixed order. */
  return order != 0 ? order : strcmp(x->name, y->name);
}

/* The visible children of dir of one type, in display order.  Names are
 * UTF-8 (utf8 TRUE: others are left out) or as on disk.  A missing dir is
 * empty when missing_ok. */
static char **
list_children(GFile *dir, GFileType type, gboolean utf8, gboolean missing_ok,
              GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GArray) entries = g_array_new(FALSE, FALSE, sizeof(SortEntry));
  g_autofree char *path = NULL;
  char **names;

  g_array_set_clear_func(entries, sort_entry_clear);

  children = g_file_enumerate_children(dir,
                                       G_FILE_ATTRIBUTE_STANDARD_NAME
                                       "," G_FILE_ATTRIBUTE_STANDARD_TYPE
                                       "," G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                       G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  while (children != NULL) {
    g_autoptr(GFileInfo) info = g_file_enumerator_next_file(children, cancellable, &local_error);
    g_autofree char *display = NULL;
    const char *name;
    char *shown;

    if (info == NULL)
      break;
    name = g_file_info_get_name(info);
    if (g_file_info_get_file_type(info) != type || g_file_info_get_is_hidden(info) || *name == '.')
      continue;
    shown = utf8 ? g_filename_to_utf8(name, -1, NULL, NULL, NULL) : g_strdup(name);
    if (shown == NULL)
      continue;
    /* Collation keys need UTF-8, whatever the name on disk is. */
    display = g_filename_display_name(name);
    g_array_append_val(entries,
                       ((SortEntry){ g_utf8_collate_key_for_filename(display, -1), shown }));
  }
  if (local_error != NULL) {
    if (missing_ok && children == NULL &&
        g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
      return g_new0(char *, 1);
    path = g_file_get_parse_name(dir);
    set_io_error(error, local_error, _("“%s” cannot be read: %s"), path, local_error->message);
    return NULL;
  }
  g_array_sort(entries, compare_entries);
  names = g_new0(char *, entries->len + 1);
  for (guint i = 0; i < entries->len; i++)
    names[i] = g_steal_pointer(&g_array_index(entries, SortEntry, i).name);
  return names;
}

char **
kj_class_folder_list_classes(KjClassFolder *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);

  return list_children(self->root, G_FILE_TYPE_DIRECTORY, TRUE, TRUE, cancellable, error);
}

/* The folder of an existing class; fails naming the class otherwise. */
static GFile *
find_class(KjClassFolder *self, const char *class_name, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFile) folder = NULL;

  if (!is_plain_name(class_name)) {
    set_no_class(error, class_name != NULL ? class_name : "");
    return NULL;
  }
  folder = child_for_name(self->root, class_name);
  if (g_file_query_file_type(folder, G_FILE_QUERY_INFO_NONE, cancellable) !=
      G_FILE_TYPE_DIRECTORY) {
    if (g_cancellable_set_error_if_cancelled(cancellable, error))
      return NULL;
    set_no_class(error, class_name);
    return NULL;
  }
  return g_steal_pointer(&folder);
}

char **
kj_class_folder_list_images(KjClassFolder *self, const char *class_name, GCancellable *cancellable,
                            GError **error)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);

  folder = find_class(self, class_name, cancellable, error);
  if (folder == NULL)
    return NULL;
  return list_children(folder, G_FILE_TYPE_REGULAR, FALSE, FALSE, cancellable, error);
}

gint64
kj_class_folder_count_images(KjClassFolder *self, const char *class_name, GCancellable *cancellable,
                             GError **error)
{
  g_auto(GStrv) images = kj_class_folder_list_images(self, class_name, cancellable, error);

  return images != NULL ? (gint64)g_strv_length(images) : -1;
}

/* Classes */

/* Fails when another class than except has the (normalised) name. */
static gboolean
check_free(KjClassFolder *self, const char *name, const char *except, GCancellable *cancellable,
           GError **error)
{
  g_auto(GStrv) classes = kj_class_folder_list_classes(self, cancellable, error);

  if (classes == NULL)
    return FALSE;
  for (guint i = 0; classes[i] != NULL; i++) {
    g_autofree char *normal = g_utf8_normalize(classes[i], -1, G_NORMALIZE_DEFAULT_COMPOSE);

    if (g_strcmp0(classes[i], except) != 0 && g_strcmp0(normal, name) == 0) {
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("There is already a class named “%s”"),
                  name);
      return FALSE;
    }
  }
  return TRUE;
}

char *
kj_class_folder_create_class(KjClassFolder *self, const char *name, GCancellable *cancellable,
                             GError **error)
{
  g_autofree char *normal = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);

  normal = kj_class_folder_normalize_name(name, error);
  if (normal == NULL || !check_free(self, normal, NULL, cancellable, error))
    return NULL;
  if (!g_file_make_directory_with_parents(self->root, cancellable, &local_error) &&
      !g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)) {
    set_io_error(error, local_error, _("“%s” cannot be created: %s"), self->path,
                 local_error->message);
    return NULL;
  }
  g_clear_error(&local_error);
  folder = child_for_name(self->root, normal);
  if (!g_file_make_directory(folder, cancellable, &local_error)) {
    /* A file (or a hidden twin) by that name. */
    if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME,
                  _("“%s” cannot be a class name: a file by that name is in the way"), normal);
    else
      set_io_error(error, local_error, _("“%s” cannot be created: %s"), normal,
                   local_error->message);
    return NULL;
  }
  return g_steal_pointer(&normal);
}

char *
kj_class_folder_rename_class(KjClassFolder *self, const char *class_name, const char *new_name,
                             GCancellable *cancellable, GError **error)
{
  g_autofree char *normal = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);

  folder = find_class(self, class_name, cancellable, error);
  if (folder == NULL)
    return NULL;
  normal = kj_class_folder_normalize_name(new_name, error);
  if (normal == NULL)
    return NULL;
  if (strcmp(normal, class_name) == 0)
    return g_steal_pointer(&normal);
  if (!check_free(self, normal, class_name, cancellable, error))
    return NULL;
  target = child_for_name(self->root, normal);
  /* A rename, never a copy: the images stay where they are on disk. */
  if (!g_file_move(folder, target, G_FILE_COPY_NOFOLLOW_SYMLINKS | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                   cancellable, NULL, NULL, &local_error)) {
    if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME,
                  _("“%s” cannot be a class name: a file by that name is in the way"), normal);
    else
      set_io_error(error, local_error, _("“%s” cannot be renamed: %s"), class_name,
                   local_error->message);
    return NULL;
  }
  return g_steal_pointer(&normal);
}

/* Deletes file and, when it is a real folder, what it holds first. */
static gboolean
delete_tree(GFile *file, GCancellable *cancellable, GError **error)
{
  GFileType type = g_file_query_file_type(file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable);

  if (type == G_FILE_TYPE_DIRECTORY) {
    g_autoptr(GFileEnumerator) children =
        g_file_enumerate_children(file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                  G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);

    if (children == NULL)
      return FALSE;
    for (;;) {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate(children, NULL, &child, cancellable, error))
        return FALSE;
      if (child == NULL)
        break;
      if (!delete_tree(child, cancellable, error))
        return FALSE;
    }
  }
  return g_file_delete(file, cancellable, error);
}

gboolean
kj_class_folder_delete_class(KjClassFolder *self, const char *class_name, GCancellable *cancellable,
                             GError **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), FALSE);

  folder = find_class(self, class_name, cancellable, error);
  if (folder == NULL)
    return FALSE;
  if (!delete_tree(folder, cancellable, &local_error)) {
    set_io_error(error, local_error, _("“%s” cannot be deleted: %s"), class_name,
                 local_error->message);
    return FALSE;
  }
  return TRUE;
}

/* Images */

/* Reads only the header: GdkPixbuf recognises the file and the declared
 * size is one kj_image_load() accepts. */
static GdkPixbufFormat *
check_image_header(const char *path, const char *name, GError **error)
{
  int width = 0, height = 0;
  GdkPixbufFormat *format = gdk_pixbuf_get_file_info(path, &width, &height);

  if (format == NULL || width < 1 || height < 1) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s” is not an image Kuajie can read"), name);
    return NULL;
  }
  if (width > KJ_IMAGE_MAX_SIDE || height > KJ_IMAGE_MAX_SIDE ||
      (gint64)width * height > KJ_IMAGE_MAX_PIXELS) {
    g_autofree char *megapixels = g_strdup_printf("%d", KJ_IMAGE_MAX_PIXELS / 1000000);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("“%s” is %d×%d pixels; images larger than %d×%d or %s megapixels are refused"),
                name, width, height, KJ_IMAGE_MAX_SIDE, KJ_IMAGE_MAX_SIDE, megapixels);
    return NULL;
  }
  return format;
}

/* Writes input to a new hidden file in folder; removes it on failure. */
static GFile *
write_temp(GFile *folder, GInputStream *input, const char *name, GCancellable *cancellable,
           GError **error)
{
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GError) local_error = NULL;

  for (guint tries = 0; output == NULL; tries++) {
    g_autofree char *temp_name =
        g_strdup_printf(TEMP_PREFIX "%08x" TEMP_SUFFIX, (guint)g_random_int());

    g_clear_error(&local_error);
    g_clear_object(&temp);
    temp = g_file_get_child(folder, temp_name);
    output = g_file_create(temp, G_FILE_CREATE_NONE, cancellable, &local_error);
    if (output == NULL &&
        (!g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || tries > 100)) {
      set_io_error(error, local_error, _("“%s” cannot be written: %s"), name, local_error->message);
      return NULL;
    }
  }
  if (g_output_stream_splice(G_OUTPUT_STREAM(output), input,
                             G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                             cancellable, &local_error) < 0) {
    g_file_delete(temp, NULL, NULL);
    set_io_error(error, local_error, _("“%s” cannot be written: %s"), name, local_error->message);
    return NULL;
  }
  return g_steal_pointer(&temp);
}

/* Renames temp to the first free name among "stem.ext", "stem (2).ext" …;
 * the rename fails rather than replace a file, so two writers cannot take
 * the same name.  temp is removed on failure. */
static char *
move_into_place(GFile *temp, GFile *folder, const char *stem, const char *extension,
                const char *name, GCancellable *cancellable, GError **error)
{
  for (guint i = 1; i <= MAX_NAME_TRIES; i++) {
    g_autofree char *candidate = i == 1 ? g_strdup_printf("%s.%s", stem, extension)
                                        : g_strdup_printf("%s (%u).%s", stem, i, extension);
    g_autoptr(GFile) target = g_file_get_child(folder, candidate);
    g_autoptr(GError) local_error = NULL;

    if (g_file_move(temp, target, G_FILE_COPY_NO_FALLBACK_FOR_MOVE, cancellable, NULL, NULL,
                    &local_error))
      return g_steal_pointer(&candidate);
    if (!g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)) {
      g_file_delete(temp, NULL, NULL);
      set_io_error(error, local_error, _("“%s” cannot be written: %s"), name, local_error->message);
      return NULL;
    }
  }
  g_file_delete(temp, NULL, NULL);
  g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be written: %s"), name,
              _("no free file name is left"));
  return NULL;
}

/* A visible, single-component stem for base (a file name on disk). */
static char *
make_stem(const char *base)
{
  g_autofree char *copy = g_strdup(base != NULL ? base : "");
  char *stem = copy;

  for (char *p = stem; *p != '\0'; p++)
    if (*p == '/' || *p == '\\')
      *p = '-';
  while (*stem == '.' || g_ascii_isspace(*stem))
    stem++;
  g_strchomp(stem);
  return g_strdup(*stem != '\0' ? stem : "image");
}

static gboolean
extension_fits(const char *extension, GdkPixbufFormat *format)
{
  g_auto(GStrv) known = gdk_pixbuf_format_get_extensions(format);
  g_autofree char *lower = g_ascii_strdown(extension, -1);

  return known != NULL && g_strv_contains((const char *const *)known, lower);
}

char *
kj_class_folder_add_file(KjClassFolder *self, const char *class_name, GFile *file,
                         GCancellable *cancellable, GError **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *source_path = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *extension = NULL;
  GdkPixbufFormat *format;
  char *dot;

  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);
  g_return_val_if_fail(G_IS_FILE(file), NULL);

  base = g_file_get_basename(file);
  name = g_filename_display_name(base != NULL ? base : "");
  folder = find_class(self, class_name, cancellable, error);
  if (folder == NULL)
    return NULL;

  input = g_file_read(file, cancellable, &local_error);
  if (input == NULL) {
    set_io_error(error, local_error, _("“%s” cannot be opened: %s"), name, local_error->message);
    return NULL;
  }
  /* Refuse a local non-image before copying it; others are checked once
   * copied, still under the temporary name. */
  source_path = g_file_get_path(file);
  if (source_path != NULL && check_image_header(source_path, name, error) == NULL)
    return NULL;
  temp = write_temp(folder, G_INPUT_STREAM(input), name, cancellable, error);
  if (temp == NULL)
    return NULL;
  temp_path = g_file_get_path(temp);
  format = check_image_header(temp_path, name, error);
  if (format == NULL) {
    g_file_delete(temp, NULL, NULL);
    return NULL;
  }

  stem = make_stem(base);
  dot = strrchr(stem, '.');
  if (dot != NULL && dot != stem && extension_fits(dot + 1, format)) {
    extension = g_strdup(dot + 1);
    *dot = '\0';
  } else {
    g_auto(GStrv) known = gdk_pixbuf_format_get_extensions(format);

    extension = g_strdup(known != NULL && known[0] != NULL ? known[0] : "img");
  }
  return move_into_place(temp, folder, stem, extension, name, cancellable, error);
}

char *
kj_class_folder_add_pixbuf(KjClassFolder *self, const char *class_name, GdkPixbuf *pixbuf,
                           const char *stem, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *safe_stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *png = NULL;
  gsize size = 0;
  int width, height;

  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), NULL);
  g_return_val_if_fail(GDK_IS_PIXBUF(pixbuf), NULL);

  safe_stem = make_stem(stem);
  name = g_strdup_printf("%s.png", safe_stem);
  folder = find_class(self, class_name, cancellable, error);
  if (folder == NULL)
    return NULL;
  width = gdk_pixbuf_get_width(pixbuf);
  height = gdk_pixbuf_get_height(pixbuf);
  if (width > KJ_IMAGE_MAX_SIDE || height > KJ_IMAGE_MAX_SIDE ||
      (gint64)width * height > KJ_IMAGE_MAX_PIXELS) {
    g_autofree char *megapixels = g_strdup_printf("%d", KJ_IMAGE_MAX_PIXELS / 1000000);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("“%s” is %d×%d pixels; images larger than %d×%d or %s megapixels are refused"),
                name, width, height, KJ_IMAGE_MAX_SIDE, KJ_IMAGE_MAX_SIDE, megapixels);
    return NULL;
  }
  if (!gdk_pixbuf_save_to_buffer(pixbuf, &png, &size, "png", &local_error, NULL)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be written: %s"), name,
                local_error->message);
    return NULL;
  }
  input = g_memory_input_stream_new_from_data(g_steal_pointer(&png), (gssize)size, g_free);
  temp = write_temp(folder, input, name, cancellable, error);
  if (temp == NULL)
    return NULL;
  return move_into_place(temp, folder, safe_stem, "png", name, cancellable, error);
}

gboolean
kj_class_folder_delete_image(KjClassFolder *self, const char *class_name, const char *image_name,
                             GCancellable *cancellable, GError **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  GFileType type;

  g_return_val_if_fail(KJ_IS_CLASS_FOLDER(self), FALSE);

  folder = find_class(self, class_name, cancellable, error);
  if (folder == NULL)
    return FALSE;
  name = g_filename_display_name(image_name != NULL ? image_name : "");
  if (!is_plain_name(image_name)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("The class “%s” has no image “%s”"),
                class_name, name);
    return FALSE;
  }
  file = g_file_get_child(folder, image_name);
  type = g_file_query_file_type(file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable);
  if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_SYMBOLIC_LINK) {
    if (g_cancellable_set_error_if_cancelled(cancellable, error))
      return FALSE;
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("The class “%s” has no image “%s”"),
                class_name, name);
    return FALSE;
  }
  if (!g_file_delete(file, cancellable, &local_error)) {
    set_io_error(error, local_error, _("“%s” cannot be deleted: %s"), name, local_error->message);
    return FALSE;
  }
  return TRUE;
}
