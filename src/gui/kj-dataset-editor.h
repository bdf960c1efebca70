/* kj-dataset-editor.h — your own image dataset, as in Teachable Machine
 *
 * Shows the classes of an image folder (root/<class name>/<image>, managed by
 * KjClassFolder) as cards: each with its name (rename in place: F2 or the
 * menu), its image count, a strip of thumbnails (decoded off the main
 * thread; a thumbnail's menu or a right click deletes the image), "Add
 * Images…", and a drop site for image files, folders of images and dragged
 * pixels.  Above them are "Add Class" and "Use Another Folder…"; without
 * classes an empty state says what to do.  A "Train" button (action
 * "dataset.train") is enabled once there are two classes or more and every
 * one has an image.
 *
 * The folder is listed on the main thread (one directory read per class);
 * images are added in a GTask worker, cancelled when the folder changes or
 * the widget is disposed.
 *
 * Signals
 *   "train-requested" (const char *path): Train was pressed; path is the
 *     folder, for kj_data_open().  The editor does nothing else.
 *   "error" (const char *message) → gboolean: something failed; message is
 *     translated plain text (not markup) naming the class or file.  Return
 *     TRUE when handled.  When no handler does, the editor shows it as a
 *     toast in the AdwToastOverlay that holds it, if any.
 *
 * Properties
 *   "folder" (string, read/write): the folder shown; NULL sets the default
 *     (kj_class_folder_get_default_path()).  It is created when the first
 *     class is.
 *   "busy" (boolean, read-only): images are being added or thumbnails
 *     decoded.
 *   "can-train" (boolean, read-only): what enables "dataset.train".
 *
 * Actions: "dataset.add-class" (adds the name typed in the entry),
 * "dataset.choose-folder" (a folder chooser), "dataset.train". */
#pragma once

#include <adwaita.h>

#include "kj-class-folder.h"

G_BEGIN_DECLS

#define KJ_TYPE_DATASET_EDITOR (kj_dataset_editor_get_type())
G_DECLARE_FINAL_TYPE(KjDatasetEditor, kj_dataset_editor, KJ, DATASET_EDITOR, AdwBin)

/* Shows the default folder. */
GtkWidget *kj_dataset_editor_new(void);

const char *kj_dataset_editor_get_folder(KjDatasetEditor *self);
void kj_dataset_editor_set_folder(KjDatasetEditor *self, const char *path);
/* The folder's manager, for callers that change it directly: call
 * kj_dataset_editor_reload() afterwards. */
KjClassFolder *kj_dataset_editor_get_class_folder(KjDatasetEditor *self);
/* Lists the folder again (the editor does after each of its own changes). */
void kj_dataset_editor_reload(KjDatasetEditor *self);

gboolean kj_dataset_editor_get_busy(KjDatasetEditor *self);
gboolean kj_dataset_editor_get_can_train(KjDatasetEditor *self);

/* The classes shown, in display order (NULL-terminated, free with
 * g_strfreev), and how many images the card of one says it holds (-1: no
 * such card). */
char **kj_dataset_editor_dup_classes(KjDatasetEditor *self);
gint64 kj_dataset_editor_get_image_count(KjDatasetEditor *self, const char *class_name);

/* What the controls do, for the page and for tests.  These report failure
 * through error, not through the "error" signal. */
gboolean kj_dataset_editor_add_class(KjDatasetEditor *self, const char *name, GError **error);
gboolean kj_dataset_editor_rename_class(KjDatasetEditor *self, const char *class_name,
                                        const char *new_name, GError **error);
/* Deletes at once; the card's "Delete Class" asks first. */
gboolean kj_dataset_editor_delete_class(KjDatasetEditor *self, const char *class_name,
                                        GError **error);
/* Copies files (images, or folders whose images are added) into the class
 * in the background; "busy" is TRUE until it is done.  Files refused are
 * reported through the "error" signal, several in one message. */
void kj_dataset_editor_add_files(KjDatasetEditor *self, const char *class_name, GFile *const *files,
                                 guint n_files);

G_END_DECLS
