/* kj-dataset-class-row.h — one class card of the dataset editor
 *
 * KjDatasetClassRow: one class card.  Private to the editor, which fills it
 * in; its actions forward to the editor it sits in. */
#pragma once

#include <adwaita.h>

#include "kj-dataset-editor.h"

G_BEGIN_DECLS

#define KJ_TYPE_DATASET_CLASS_ROW (kj_dataset_class_row_get_type())
G_DECLARE_FINAL_TYPE(KjDatasetClassRow, kj_dataset_class_row, KJ, DATASET_CLASS_ROW, GtkListBoxRow)

/* Open to the editor's files, which read the name, count and strip. */
struct _KjDatasetClassRow {
  GtkListBoxRow parent_instance;

  GtkStack *name_stack; /* the name, or an entry while it is renamed */
  GtkLabel *name_label;
  GtkEntry *name_entry;
  GtkWidget *add_button;
  GtkLabel *count_label;
  GtkSpinner *spinner;
  GtkStack *strip_stack;
  GtkBox *strip;

  char *name;
  char *key; /* collation key: the list's order */
  gint64 n_images;
  char **images; /* the names shown, at most MAX_THUMBS */
  gboolean renaming;
};

GtkWidget *kj_dataset_class_row_new(const char *name);
void kj_dataset_class_row_set_name(KjDatasetClassRow *row, const char *name);
/* Whether a rename is in progress (what enables class.cancel-rename);
 * FALSE makes a pending rename commit nothing. */
void kj_dataset_class_row_set_renaming(KjDatasetClassRow *row, gboolean renaming);
/* A spinner while images are being added to the class. */
void kj_dataset_class_row_set_adding(KjDatasetClassRow *row, gboolean adding);
/* Shows the class's count and its first images (images may be NULL), as
 * decoded in the editor's thumbnail cache. */
void kj_dataset_class_row_set_images(KjDatasetClassRow *row, KjDatasetEditor *editor,
                                     char **images);
/* Shows the thumbnails decoded since. */
void kj_dataset_class_row_update_thumbnails(KjDatasetClassRow *row, KjDatasetEditor *editor);

G_END_DECLS
