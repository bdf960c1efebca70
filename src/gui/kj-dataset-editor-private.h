/* kj-dataset-editor-private.h — what the dataset editor's files share */
#pragma once

#include "kj-dataset-class-row.h"
#include "kj-dataset-editor.h"

G_BEGIN_DECLS

#define THUMB_SIZE   64  /* logical pixels on screen */
#define THUMB_DECODE 128 /* decoded pixels: sharp at scale 2 */
#define MAX_THUMBS   40  /* per class; the rest are counted */

struct _KjDatasetEditor {
  AdwBin parent_instance;

  /* template widgets */
  GtkLabel *folder_label;
  GtkEntry *class_entry;
  GtkStack *content_stack;
  GtkListBox *class_list;
  GtkLabel *summary_label;

  /* owned */
  KjClassFolder *folder;
  GHashTable *rows;          /* class name → KjDatasetClassRow, borrowed from class_list */
  GHashTable *thumbnails;    /* image path → GdkTexture, or NULL when it cannot be decoded */
  GHashTable *loading;       /* image paths being decoded */
  GHashTable *adding;        /* class name → how many add tasks are filling it */
  GCancellable *cancellable; /* every task on the current folder */
  guint generation;          /* which folder a finished task was for */
  guint n_adding;            /* tasks, whatever their folder */
  guint n_loading;
  gboolean can_train;
  GtkNativeDialog *chooser;
  char *chooser_class; /* the class images are chosen for; NULL: the folder chooser */
  GtkWidget *delete_dialog;
  GPtrArray *monitors; /* GFileMonitor: the folder and each class folder */
  guint reload_source;
};

/* kj-dataset-editor.c */
void kj_dataset_editor_report_error(KjDatasetEditor *self, const char *message);
KjDatasetClassRow *kj_dataset_editor_find_row(KjDatasetEditor *self, const char *class_name);
void kj_dataset_editor_update_state(KjDatasetEditor *self);
/* Moves n_adding or n_loading by delta, telling "busy" of a change. */
void kj_dataset_editor_set_counts(KjDatasetEditor *self, guint *counter, int delta);
void kj_dataset_editor_choose_images(KjDatasetEditor *self, const char *class_name);
void kj_dataset_editor_confirm_delete(KjDatasetEditor *self, const char *class_name);
void kj_dataset_editor_delete_image(KjDatasetEditor *self, const char *class_name,
                                    const char *image_name);

/* kj-dataset-editor-import.c */
void kj_dataset_editor_add_value(KjDatasetEditor *self, const char *class_name,
                                 const GValue *value);
void kj_dataset_editor_paste_images(KjDatasetEditor *self, const char *class_name);

/* kj-dataset-editor-thumbnails.c */
void kj_dataset_editor_unref_if_set(gpointer data);
void kj_dataset_editor_load_thumbnails(KjDatasetEditor *self);

G_END_DECLS
