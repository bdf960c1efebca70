/* The user's own image folder: classes, images, refusals, and that the
 * result loads as a dataset.  Everything happens under a temporary folder,
 * XDG_DATA_HOME included, never in the real user data dir. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kj-class-folder.h"
#include "kj-data-source.h"
#include "kj-error.h"

static char *tmp_root;
static char *sources; /* files to add, outside the class folders */

static char *
make_dir(const char *name)
{
  char *path = g_build_filename(tmp_root, name, NULL);

  g_assert_cmpint(g_mkdir_with_parents(path, 0755), ==, 0);
  return path;
}

static char *
write_file(const char *name, const void *data, gsize size)
{
  char *path = g_build_filename(sources, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents(path, data, (gssize)size, &error);
  g_assert_no_error(error);
  return path;
}

static GdkPixbuf *
solid(int width, int height, guint32 rgba)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, TRUE, 8, width, height);

  gdk_pixbuf_fill(pixbuf, rgba);
  return pixbuf;
}

static char *
write_png(const char *name, int width, int height)
{
  g_autoptr(GdkPixbuf) pixbuf = solid(width, height, 0x3584e4ff);
  g_autofree char *png = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_save_to_buffer(pixbuf, &png, &size, "png", &error, NULL);
  g_assert_no_error(error);
  return write_file(name, png, size);
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
append_be32(GByteArray *bytes, guint32 value)
{
  guint32 be = GUINT32_TO_BE(value);

  g_byte_array_append(bytes, (const guint8 *)&be, 4);
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
static char *
write_png_claiming(const char *name, guint32 width, guint32 height)
{
  g_autoptr(GByteArray) png = g_byte_array_new();
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
  return write_file(name, png->data, png->len);
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

static int
compare_strings(gconstpointer a, gconstpointer b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every entry of dir, hidden ones too, sorted by byte order. */
static char *
list_all(const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open(dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new();
  const char *name;

  g_assert_nonnull(handle);
  while ((name = g_dir_read_name(handle)) != NULL)
    g_ptr_array_add(names, (gpointer)name);
  g_ptr_array_sort(names, compare_strings);
  g_ptr_array_add(names, NULL);
  return g_strjoinv("|", (char **)names->pdata);
}

static char *
join(char **names)
{
  g_assert_nonnull(names);
  return g_strjoinv("|", names);
}

static char *
classes_of(KjClassFolder *folder)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) classes = kj_class_folder_list_classes(folder, NULL, &error);

  g_assert_no_error(error);
  return join(classes);
}

static char *
images_of(KjClassFolder *folder, const char *class_name)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) images = kj_class_folder_list_images(folder, class_name, NULL, &error);

  g_assert_no_error(error);
  return join(images);
}

static void
create(KjClassFolder *folder, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *created = kj_class_folder_create_class(folder, name, NULL, &error);

  g_assert_no_error(error);
  g_assert_cmpstr(created, ==, name);
}

static char *
add_file(KjClassFolder *folder, const char *class_name, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autoptr(GError) error = NULL;
  char *added = kj_class_folder_add_file(folder, class_name, file, NULL, &error);

  g_assert_no_error(error);
  g_assert_nonnull(added);
  return added;
}

/* Fails with code and exactly message. */
static void
assert_add_refused(KjClassFolder *folder, const char *class_name, const char *path, int code,
                   const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autoptr(GError) error = NULL;
  g_autofree char *added = kj_class_folder_add_file(folder, class_name, file, NULL, &error);

  g_assert_null(added);
  g_assert_error(error, KJ_ERROR, code);
  g_assert_cmpstr(error->message, ==, message);
}

static void
assert_name_refused(KjClassFolder *folder, const char *name, const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *created = kj_class_folder_create_class(folder, name, NULL, &error);

  g_assert_null(created);
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_assert_cmpstr(error->message, ==, message);
}

/* The default folder is under XDG_DATA_HOME, and nothing is created until
 * a class is. */
static void
test_default_path(void)
{
  g_autofree char *expected =
      g_build_filename(tmp_root, "xdg-data", "kuajie", "datasets", "my-images", NULL);
  g_autofree char *path = kj_class_folder_get_default_path();
  g_autoptr(KjClassFolder) folder = kj_class_folder_new(NULL);
  g_autofree char *classes = NULL;

  g_assert_cmpstr(path, ==, expected);
  g_assert_cmpstr(kj_class_folder_get_path(folder), ==, expected);
  classes = classes_of(folder);
  g_assert_cmpstr(classes, ==, "");
  g_assert_false(g_file_test(expected, G_FILE_TEST_EXISTS));

  create(folder, "猫");
  g_assert_true(g_file_test(expected, G_FILE_TEST_IS_DIR));
  g_clear_pointer(&classes, g_free);
  classes = classes_of(folder);
  g_assert_cmpstr(classes, ==, "猫");
}

static void
test_classes(void)
{
  g_autofree char *root = make_dir("classes");
  g_autoptr(KjClassFolder) folder = kj_class_folder_new(root);
  g_autofree char *png = write_png("cat.png", 4, 4);
  g_autofree char *added = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *moved_path = NULL;
  g_autofree char *hidden = g_build_filename(root, ".cache", NULL);
  g_autofree char *stray = g_build_filename(root, "README", NULL);
  g_autoptr(GError) error = NULL;

  create(folder, "猫");
  create(folder, "狗");
  create(folder, "Class 10");
  create(folder, "Class 2");
  /* A hidden folder and a stray file are not classes. */
  g_assert_cmpint(g_mkdir(hidden, 0755), ==, 0);
  g_assert_true(g_file_set_contents(stray, "x", 1, NULL));
  listed = classes_of(folder);
  /* Natural order: 2 before 10. */
  g_assert_cmpstr(listed, ==, "Class 2|Class 10|狗|猫");

  added = add_file(folder, "狗", png);
  g_assert_cmpint(kj_class_folder_count_images(folder, "狗", NULL, &error), ==, 1);
  g_assert_no_error(error);

  /* Renaming trims and keeps the images. */
  renamed = kj_class_folder_rename_class(folder, "狗", "  小狗 ", NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(renamed, ==, "小狗");
  g_assert_cmpint(kj_class_folder_count_images(folder, "小狗", NULL, &error), ==, 1);
  g_assert_no_error(error);
  moved_path = g_build_filename(root, "小狗", added, NULL);
  g_assert_true(g_file_test(moved_path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer(&renamed, g_free);
  renamed = kj_class_folder_rename_class(folder, "小狗", "小狗", NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(renamed, ==, "小狗");

  /* Refused renames say why. */
  g_clear_pointer(&renamed, g_free);
  renamed = kj_class_folder_rename_class(folder, "小狗", "猫", NULL, &error);
  g_assert_null(renamed);
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_assert_cmpstr(error->message, ==, "There is already a class named “猫”");
  g_clear_error(&error);
  renamed = kj_class_folder_rename_class(folder, "狗", "Dog", NULL, &error);
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_assert_cmpstr(error->message, ==, "There is no class named “狗”");
  g_clear_error(&error);
  renamed = kj_class_folder_rename_class(folder, "小狗", "a/b", NULL, &error);
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);
  /* Names that would leave the root are no class at all. */
  g_assert_false(kj_class_folder_delete_class(folder, "..", NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);
  g_assert_cmpint(kj_class_folder_count_images(folder, "../classes", NULL, &error), ==, -1);
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);

  /* Deleting a class deletes its images, and only them. */
  g_assert_true(kj_class_folder_delete_class(folder, "小狗", NULL, &error));
  g_assert_no_error(error);
  g_assert_false(g_file_test(moved_path, G_FILE_TEST_EXISTS));
  g_assert_true(g_file_test(png, G_FILE_TEST_IS_REGULAR));
  g_assert_false(kj_class_folder_delete_class(folder, "小狗", NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_assert_cmpstr(error->message, ==, "There is no class named “小狗”");
  g_clear_error(&error);
  g_clear_pointer(&listed, g_free);
  listed = classes_of(folder);
  g_assert_cmpstr(listed, ==, "Class 2|Class 10|猫");
}

/* A class folder holding a symbolic link to a folder elsewhere: deleting
 * the class removes the link, never what it points to. */
static void
test_delete_keeps_link_targets(void)
{
  g_autofree char *root = make_dir("links");
  g_autofree char *outside = make_dir("outside");
  g_autofree char *kept = g_build_filename(outside, "kept.png", NULL);
  g_autofree char *link = g_build_filename(root, "猫", "elsewhere", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path(link);
  g_autoptr(KjClassFolder) folder = kj_class_folder_new(root);
  g_autoptr(GError) error = NULL;

  g_assert_true(g_file_set_contents(kept, "x", 1, NULL));
  create(folder, "猫");
  g_file_make_symbolic_link(link_file, outside, NULL, &error);
  g_assert_no_error(error);
  g_assert_true(kj_class_folder_delete_class(folder, "猫", NULL, &error));
  g_assert_no_error(error);
  g_assert_true(g_file_test(kept, G_FILE_TEST_IS_REGULAR));
}

static void
test_bad_names(void)
{
  g_autofree char *root = make_dir("bad-names");
  g_autoptr(KjClassFolder) folder = kj_class_folder_new(root);
  g_autofree char *long_name = NULL;
  g_autofree char *longest = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *notes = g_build_filename(root, "notes", NULL);
  g_autoptr(GString) text = g_string_new(NULL);
  g_autoptr(GError) error = NULL;

  create(folder, "猫");
  create(folder, "é");
  assert_name_refused(folder, "", "A class needs a name");
  assert_name_refused(folder, "  \t ", "A class needs a name");
  assert_name_refused(folder, "cats/dogs", "“cats/dogs” cannot be a class name: it contains “/”");
  assert_name_refused(folder, ".", "“.” cannot be a class name: it starts with “.”");
  assert_name_refused(folder, "..", "“..” cannot be a class name: it starts with “.”");
  assert_name_refused(folder, ".hidden", "“.hidden” cannot be a class name: it starts with “.”");
  assert_name_refused(folder, "tab\there", "A class name can only hold printable characters");
  assert_name_refused(folder, "bad\xff", "A class name can only hold printable characters");
  assert_name_refused(folder, "猫", "There is already a class named “猫”");
  assert_name_refused(folder, " 猫 ", "There is already a class named “猫”");
  /* The same letter written as e + combining acute accent. */
  assert_name_refused(folder, "e\xcc\x81", "There is already a class named “é”");

  for (int i = 0; i < KJ_CLASS_FOLDER_MAX_NAME; i++)
    g_string_append(text, "猫");
  longest = g_strdup(text->str);
  g_string_append(text, "x");
  long_name = g_strdup(text->str);
  assert_name_refused(folder, long_name,
                      "“猫猫猫猫猫猫猫猫猫猫猫猫猫猫猫猫猫猫猫猫…” is too long: a class name "
                      "has at most 50 characters");
  create(folder, longest);

  /* A file in the way of a class folder. */
  g_assert_true(g_file_set_contents(notes, "x", 1, NULL));
  assert_name_refused(folder, "notes",
                      "“notes” cannot be a class name: a file by that name is in the way");

  normal = kj_class_folder_normalize_name("  Cats  ", &error);
  g_assert_no_error(error);
  g_assert_cmpstr(normal, ==, "Cats");
  listed = classes_of(folder);
  g_assert_nonnull(strstr(listed, "é|"));
  g_assert_null(strstr(listed, "notes"));
}

static void
test_add_files(void)
{
  g_autofree char *root = make_dir("add");
  g_autoptr(KjClassFolder) folder = kj_class_folder_new(root);
  g_autofree char *png = write_png("cat.png", 8, 6);
  g_autofree char *bare = write_png("photo", 8, 6);
  g_autofree char *wrong_ext = write_png("drawing.jpg", 5, 5);
  g_autofree char *hidden = write_png(".secret.png", 3, 3);
  g_autofree char *text = write_file("notes.txt", "not an image\n", 13);
  g_autofree char *corrupt =
      write_file("broken.png", "\x89PNG\r\n\x1a\ngarbage garbage garbage", 31);
  g_autofree char *huge = write_png_claiming("huge.png", 30000, 30000);
  g_autofree char *too_many = write_png_claiming("wide.png", 15000, 15000);
  g_autofree char *missing = g_build_filename(sources, "missing.png", NULL);
  g_autofree char *class_dir = g_build_filename(root, "猫", NULL);
  g_autofree char *added1 = NULL, *added2 = NULL, *added3 = NULL, *added4 = NULL, *added5 = NULL;
  g_autofree char *images = NULL, *entries = NULL;
  g_autoptr(GFile) missing_file = g_file_new_for_path(missing);
  g_autoptr(GFile) png_file = g_file_new_for_path(png);
  g_autoptr(GCancellable) cancelled = g_cancellable_new();
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;

  create(folder, "猫");
  added1 = add_file(folder, "猫", png);
  added2 = add_file(folder, "猫", png);
  added3 = add_file(folder, "猫", bare);
  added4 = add_file(folder, "猫", wrong_ext);
  added5 = add_file(folder, "猫", hidden);
  g_assert_cmpstr(added1, ==, "cat.png");
  g_assert_cmpstr(added2, ==, "cat (2).png");
  g_assert_cmpstr(added3, ==, "photo.png"); /* the format's extension added */
  g_assert_cmpstr(added4, ==, "drawing.jpg.png");
  g_assert_cmpstr(added5, ==, "secret.png"); /* visible, so it is loaded */

  assert_add_refused(folder, "猫", text, KJ_ERROR_PARSE,
                     "“notes.txt” is not an image Kuajie can read");
  assert_add_refused(folder, "猫", corrupt, KJ_ERROR_PARSE,
                     "“broken.png” is not an image Kuajie can read");
  assert_add_refused(folder, "猫", huge, KJ_ERROR_INVALID_VALUE,
                     "“huge.png” is 30000×30000 pixels; images larger than 20000×20000 or 100 "
                     "megapixels are refused");
  assert_add_refused(folder, "猫", too_many, KJ_ERROR_INVALID_VALUE,
                     "“wide.png” is 15000×15000 pixels; images larger than 20000×20000 or 100 "
                     "megapixels are refused");
  assert_add_refused(folder, "狗", png, KJ_ERROR_INVALID_NAME, "There is no class named “狗”");
  none = kj_class_folder_add_file(folder, "猫", missing_file, NULL, &error);
  g_assert_null(none);
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_assert_true(g_str_has_prefix(error->message, "“missing.png” cannot be opened: "));
  g_clear_error(&error);
  g_cancellable_cancel(cancelled);
  none = kj_class_folder_add_file(folder, "猫", png_file, cancelled, &error);
  g_assert_null(none);
  g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error(&error);

  /* Only the added images are there: no temporary file left behind. */
  images = images_of(folder, "猫");
  g_assert_cmpstr(images, ==, "cat.png|cat (2).png|drawing.jpg.png|photo.png|secret.png");
  entries = list_all(class_dir);
  g_assert_cmpstr(entries, ==, "cat (2).png|cat.png|drawing.jpg.png|photo.png|secret.png");
  g_assert_cmpint(kj_class_folder_count_images(folder, "猫", NULL, &error), ==, 5);
  g_assert_no_error(error);
}

static void
test_add_pixbuf_and_delete(void)
{
  g_autofree char *root = make_dir("pixbuf");
  g_autoptr(KjClassFolder) folder = kj_class_folder_new(root);
  g_autoptr(GdkPixbuf) red = solid(12, 7, 0xe01b24ff);
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL, *second = NULL, *odd = NULL, *images = NULL, *entries = NULL;
  g_autofree char *class_dir = g_build_filename(root, "狗", NULL);
  g_autoptr(GError) error = NULL;

  create(folder, "狗");
  first = kj_class_folder_add_pixbuf(folder, "狗", red, NULL, NULL, &error);
  g_assert_no_error(error);
  second = kj_class_folder_add_pixbuf(folder, "狗", red, NULL, NULL, &error);
  g_assert_no_error(error);
  odd = kj_class_folder_add_pixbuf(folder, "狗", red, "../pasted", NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(first, ==, "image.png");
  g_assert_cmpstr(second, ==, "image (2).png");
  g_assert_cmpstr(odd, ==, "-pasted.png");

  file = kj_class_folder_get_image_file(folder, "狗", first);
  path = g_file_get_path(file);
  loaded = gdk_pixbuf_new_from_file(path, &error);
  g_assert_no_error(error);
  g_assert_cmpint(gdk_pixbuf_get_width(loaded), ==, 12);
  g_assert_cmpint(gdk_pixbuf_get_height(loaded), ==, 7);

  g_assert_true(kj_class_folder_delete_image(folder, "狗", second, NULL, &error));
  g_assert_no_error(error);
  g_assert_false(kj_class_folder_delete_image(folder, "狗", second, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_assert_cmpstr(error->message, ==, "The class “狗” has no image “image (2).png”");
  g_clear_error(&error);
  g_assert_false(kj_class_folder_delete_image(folder, "狗", "../狗", NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);
  g_assert_true(g_file_test(class_dir, G_FILE_TEST_IS_DIR));

  images = images_of(folder, "狗");
  g_assert_cmpstr(images, ==, "-pasted.png|image.png");
  entries = list_all(class_dir);
  g_assert_cmpstr(entries, ==, "-pasted.png|image.png");
}

/* What the folder holds is what kj_data_open() loads. */
static void
test_loads_as_dataset(void)
{
  g_autofree char *root = make_dir("dataset");
  g_autoptr(KjClassFolder) folder = kj_class_folder_new(root);
  g_autofree char *png = write_png("sample.png", 10, 10);
  g_autoptr(GdkPixbuf) green = solid(9, 9, 0x2ec27eff);
  KjDataSplits splits = { 0 };
  g_autoptr(GError) error = NULL;
  guint counts[2] = { 0, 0 };

  create(folder, "猫");
  create(folder, "狗");
  for (int i = 0; i < 3; i++)
    g_free(add_file(folder, "猫", png));
  for (int i = 0; i < 2; i++)
    g_free(kj_class_folder_add_pixbuf(folder, "狗", green, "green", NULL, &error));
  g_assert_no_error(error);

  g_assert_true(kj_data_open(root, NULL, &splits, &error));
  g_assert_no_error(error);
  g_assert_null(splits.warnings);
  g_assert_null(splits.test);
  g_assert_cmpuint(kj_dataset_get_n(splits.train), ==, 5);
  g_assert_cmpuint(kj_dataset_get_n_classes(splits.train), ==, 2);
  /* The loader orders classes by code point: 狗 (U+72D7) before 猫 (U+732B). */
  g_assert_cmpstr(kj_dataset_get_class_name(splits.train, 0), ==, "狗");
  g_assert_cmpstr(kj_dataset_get_class_name(splits.train, 1), ==, "猫");
  for (guint i = 0; i < kj_dataset_get_n(splits.train); i++)
    counts[kj_dataset_get_label(splits.train, i)]++;
  g_assert_cmpuint(counts[0], ==, 2);
  g_assert_cmpuint(counts[1], ==, 3);
  kj_data_splits_clear(&splits);
}

int
main(int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  g_autofree char *xdg = NULL;
  int status;

  tmp_root = g_dir_make_tmp("kuajie-test-class-folder-XXXXXX", &error);
  g_assert_no_error(error);
  /* Before GLib reads it, so the default folder is a temporary one. */
  xdg = g_build_filename(tmp_root, "xdg-data", NULL);
  g_setenv("XDG_DATA_HOME", xdg, TRUE);
  g_test_init(&argc, &argv, NULL);
  sources = make_dir("sources");

  g_test_add_func("/kj/class-folder/default-path", test_default_path);
  g_test_add_func("/kj/class-folder/classes", test_classes);
  g_test_add_func("/kj/class-folder/delete-keeps-link-targets", test_delete_keeps_link_targets);
  g_test_add_func("/kj/class-folder/bad-names", test_bad_names);
  g_test_add_func("/kj/class-folder/add-files", test_add_files);
  g_test_add_func("/kj/class-folder/add-pixbuf-and-delete", test_add_pixbuf_and_delete);
  g_test_add_func("/kj/class-folder/loads-as-dataset", test_loads_as_dataset);
  status = g_test_run();

  root = g_file_new_for_path(tmp_root);
  remove_tree(root);
  g_free(sources);
  g_free(tmp_root);
  return status;
}
