/* kj-class-folder.h — the user's own image dataset, as in Teachable Machine
 *
 * A KjClassFolder manages a folder in the ImageFolder layout that
 * kj_data_open() loads (root/<class name>/<image>): it lists, creates,
 * renames and deletes classes, and adds and deletes images.
 *
 * - Class names are UTF-8, trimmed and NFC-normalised; each is the name of a
 *   subfolder of root.  Hidden entries (".name") are neither classes nor
 *   images, as for the loader, so a class name cannot start with a dot.
 *   Subfolders whose names are not valid UTF-8 are not listed.
 * - An image is any visible regular file in a class folder: what the loader
 *   will try to decode.  Files added through this API are checked first.
 * - Files are written under a hidden temporary name and renamed into place,
 *   so a crash or a cancellation never leaves a half-written image.
 * - Every function is synchronous and may block on the disk; the object is
 *   immutable, so a worker thread can call it while the main thread does too.
 *   Errors are in the KJ_ERROR domain, translated, naming the file or class;
 *   cancellation through cancellable gives G_IO_ERROR_CANCELLED. */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest class name, in characters (at most 4 bytes each, well under
 * the 255 bytes of a file name). */
#define KJ_CLASS_FOLDER_MAX_NAME 50

#define KJ_TYPE_CLASS_FOLDER (kj_class_folder_get_type())
G_DECLARE_FINAL_TYPE(KjClassFolder, kj_class_folder, KJ, CLASS_FOLDER, GObject)

/* g_get_user_data_dir()/kuajie/datasets/my-images; not created here. */
char *kj_class_folder_get_default_path(void);

/* path NULL: the default path.  Nothing is touched on disk until a class or
 * an image is added; a missing root lists no classes. */
KjClassFolder *kj_class_folder_new(const char *path);
const char *kj_class_folder_get_path(KjClassFolder *self);

/* Fails (KJ_ERROR_INVALID_NAME) unless name, once trimmed, is a possible
 * class name: not empty, no "/" or control characters, not starting with
 * ".", at most KJ_CLASS_FOLDER_MAX_NAME characters.  Returns the trimmed,
 * normalised name.  Whether it is taken is not checked here. */
char *kj_class_folder_normalize_name(const char *name, GError **error);

/* The class names, sorted for display (natural order in the locale's
 * collation: "class 2" before "class 10"); an empty vector when root does
 * not exist. */
char **kj_class_folder_list_classes(KjClassFolder *self, GCancellable *cancellable, GError **error);
/* The file names of the images of class_name, sorted as above. */
char **kj_class_folder_list_images(KjClassFolder *self, const char *class_name,
                                   GCancellable *cancellable, GError **error);
/* How many images class_name holds; -1 with error set on failure. */
gint64 kj_class_folder_count_images(KjClassFolder *self, const char *class_name,
                                    GCancellable *cancellable, GError **error);

/* The folder of a class, and the file of one of its images; not checked. */
GFile *kj_class_folder_get_class_file(KjClassFolder *self, const char *class_name);
GFile *kj_class_folder_get_image_file(KjClassFolder *self, const char *class_name,
                                      const char *image_name);

/* Creates root if needed, then the class folder.  Returns the name as
 * stored (see kj_class_folder_normalize_name()); fails when it is taken. */
char *kj_class_folder_create_class(KjClassFolder *self, const char *name, GCancellable *cancellable,
                                   GError **error);
/* Returns the new name as stored.  Renaming to the same name succeeds. */
char *kj_class_folder_rename_class(KjClassFolder *self, const char *class_name,
                                   const char *new_name, GCancellable *cancellable, GError **error);
/* Deletes the class folder and everything in it (symbolic links are
 * removed, not followed). */
gboolean kj_class_folder_delete_class(KjClassFolder *self, const char *class_name,
                                      GCancellable *cancellable, GError **error);

/* Copies file into the class under a free name based on its own ("cat.png",
 * else "cat (2).png"; the format's extension is added when missing).  Files
 * that GdkPixbuf does not recognise, or whose header declares more than
 * KJ_IMAGE_MAX_SIDE or KJ_IMAGE_MAX_PIXELS, are refused before any copy.
 * Only the header is read: a file damaged further on is copied, and the
 * loader skips it with a warning.  Returns the new file's name. */
char *kj_class_folder_add_file(KjClassFolder *self, const char *class_name, GFile *file,
                               GCancellable *cancellable, GError **error);
/* Saves pixbuf into the class as PNG, named stem.png or "stem (2).png" …
 * (stem NULL: "image").  Returns the new file's name. */
char *kj_class_folder_add_pixbuf(KjClassFolder *self, const char *class_name, GdkPixbuf *pixbuf,
                                 const char *stem, GCancellable *cancellable, GError **error);
/* Deletes one image of the class; image_name is a name from list_images(). */
gboolean kj_class_folder_delete_image(KjClassFolder *self, const char *class_name,
                                      const char *image_name, GCancellable *cancellable,
                                      GError **error);

G_END_DECLS
