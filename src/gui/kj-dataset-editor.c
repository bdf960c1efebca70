/* The dataset editor: the folder and its cards, kept in step with changes
 * made elsewhere, the state line, the choosers and the delete dialog, the
 * actions, and the public API.  The cards are KjDatasetClassRow; adding
 * images and decoding thumbnails run in kj-dataset-editor-import.c and
 * -thumbnails.c. */
#include "config.h"

#include "kj-dataset-editor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-dataset-editor-private.h"
#include "kj-toast.h"

G_DEFINE_FINAL_TYPE(KjDatasetEditor, kj_dataset_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_BUSY,
  PROP_CAN_TRAIN,
  N_PROPS,
};

enum {
  SIGNAL_TRAIN_REQUESTED,
  SIGNAL_ERROR,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
kj_dataset_editor_report_error(KjDatasetEditor *self, const char *message)
{
  gboolean handled = FALSE;

  g_signal_emit(self, signals[SIGNAL_ERROR], 0, message, &handled);
}

/* The "error" signal's last resort: a toast in the overlay holding us. */
static gboolean
kj_dataset_editor_real_error(KjDatasetEditor *self, const char *message)
{
  if (gtk_widget_get_ancestor(GTK_WIDGET(self), ADW_TYPE_TOAST_OVERLAY) == NULL) {
    g_debug("%s", message);
    return FALSE;
  }
  kj_toast_show(GTK_WIDGET(self), message);
  return TRUE;
}

KjDatasetClassRow *
kj_dataset_editor_find_row(KjDatasetEditor *self, const char *class_name)
{
  return class_name != NULL ? g_hash_table_lookup(self->rows, class_name) : NULL;
}

static gboolean
get_busy(KjDatasetEditor *self)
{
  return self->n_adding > 0 || self->n_loading > 0;
}

/* The action bar's line, the Train action and the empty state. */
void
kj_dataset_editor_update_state(KjDatasetEditor *self)
{
  guint n_classes = g_hash_table_size(self->rows);
  KjDatasetClassRow *first_empty = NULL;
  guint64 total = 0;
  g_autofree char *summary = NULL;
  gboolean can_train;

  for (int i = 0;; i++) {
    GtkListBoxRow *item = gtk_list_box_get_row_at_index(self->class_list, i);
    KjDatasetClassRow *row;

    if (item == NULL)
      break;
    row = KJ_DATASET_CLASS_ROW(item);
    total += (guint64)MAX(row->n_images, 0);
    if (row->n_images <= 0 && first_empty == NULL)
      first_empty = row;
  }
  can_train = n_classes >= 2 && first_empty == NULL;

  if (self->n_adding > 0)
    summary = g_strdup(_("Adding images…"));
  else if (n_classes < 2)
    summary = g_strdup(_("Add at least two classes to train"));
  else if (first_empty != NULL)
    summary = g_strdup_printf(_("Add images to “%s” to train"), first_empty->name);
  else
    summary = g_strdup_printf(
        ngettext("Ready to train on %u image", "Ready to train on %u images", (gulong)total),
        (guint)total);
  gtk_label_set_text(self->summary_label, summary);
  gtk_stack_set_visible_child_name(self->content_stack, n_classes > 0 ? "classes" : "empty");
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "dataset.train",
                                can_train && self->n_adding == 0);
  if (can_train != self->can_train) {
    self->can_train = can_train;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_CAN_TRAIN]);
  }
}

void
kj_dataset_editor_set_counts(KjDatasetEditor *self, guint *counter, int delta)
{
  gboolean was_busy = get_busy(self);

  *counter = (guint)((int)*counter + delta);
  if (get_busy(self) != was_busy)
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BUSY]);
}

/* Changes made elsewhere (a file manager, a script) show up too; a burst
 * of them, as when many files are copied, reloads once. */
#define RELOAD_DELAY_MS 300

static gboolean
reload_now(gpointer user_data)
{
  KjDatasetEditor *self = user_data;

  self->reload_source = 0;
  kj_dataset_editor_reload(self);
  return G_SOURCE_REMOVE;
}

static void
on_folder_changed(GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                  KjDatasetEditor *self)
{
  g_autofree char *name = g_file_get_basename(file);

  /* Our own temporary files come and go with every image added. */
  if (name != NULL && name[0] == '.')
    return;
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add(RELOAD_DELAY_MS, reload_now, self);
}

static void
clear_monitors(KjDatasetEditor *self)
{
  for (guint i = 0; i < self->monitors->len; i++) {
    g_signal_handlers_disconnect_by_data(self->monitors->pdata[i], self);
    g_file_monitor_cancel(self->monitors->pdata[i]);
  }
  g_ptr_array_set_size(self->monitors, 0);
}

static void
watch(KjDatasetEditor *self, GFile *dir)
{
  GFileMonitor *monitor = g_file_monitor_directory(dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);

  /* Without a monitor (no inotify), the editor still shows its own changes. */
  if (monitor == NULL)
    return;
  g_signal_connect(monitor, "changed", G_CALLBACK(on_folder_changed), self);
  g_ptr_array_add(self->monitors, monitor);
}

static void
watch_folder(KjDatasetEditor *self, char **classes)
{
  g_autoptr(GFile) root = g_file_new_for_path(kj_class_folder_get_path(self->folder));

  clear_monitors(self);
  watch(self, root);
  for (guint i = 0; classes[i] != NULL; i++) {
    g_autoptr(GFile) dir = kj_class_folder_get_class_file(self->folder, classes[i]);

    watch(self, dir);
  }
}

/* Listing */

static int
compare_rows(GtkListBoxRow *a, GtkListBoxRow *b, gpointer user_data)
{
  KjDatasetClassRow *x = KJ_DATASET_CLASS_ROW(a), *y = KJ_DATASET_CLASS_ROW(b);
  int order = strcmp(x->key, y->key);

  return order != 0 ? order : strcmp(x->name, y->name);
}

/* A rename in progress is dropped first: the entry losing the focus must
 * not rename anything while the rows are being changed. */
static void
remove_row(KjDatasetEditor *self, KjDatasetClassRow *row)
{
  kj_dataset_class_row_set_renaming(row, FALSE);
  gtk_list_box_remove(self->class_list, GTK_WIDGET(row));
}

static void
remove_all_rows(KjDatasetEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init(&iter, self->rows);
  while (g_hash_table_iter_next(&iter, NULL, &row)) {
    remove_row(self, row);
    g_hash_table_iter_remove(&iter);
  }
}

void
kj_dataset_editor_reload(KjDatasetEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new(g_str_hash, g_str_equal);
  g_auto(GStrv) classes = NULL;
  GHashTableIter iter;
  gpointer name, row;

  g_return_if_fail(KJ_IS_DATASET_EDITOR(self));

  g_clear_handle_id(&self->reload_source, g_source_remove);
  classes = kj_class_folder_list_classes(self->folder, NULL, &error);
  if (classes == NULL) {
    kj_dataset_editor_report_error(self, error->message);
    g_clear_error(&error);
    classes = g_new0(char *, 1);
  }
  for (guint i = 0; classes[i] != NULL; i++) {
    g_auto(GStrv) images = kj_class_folder_list_images(self->folder, classes[i], NULL, &error);

    if (images == NULL) {
      kj_dataset_editor_report_error(self, error->message);
      g_clear_error(&error);
    }
    row = kj_dataset_editor_find_row(self, classes[i]);
    if (row == NULL) {
      row = kj_dataset_class_row_new(classes[i]);
      gtk_list_box_append(self->class_list, row);
      g_hash_table_insert(self->rows, g_strdup(classes[i]), row);
      if (g_hash_table_contains(self->adding, classes[i]))
        kj_dataset_class_row_set_adding(row, TRUE);
    }
    kj_dataset_class_row_set_images(row, self, images);
    g_hash_table_add(listed, classes[i]);
  }
  g_hash_table_iter_init(&iter, self->rows);
  while (g_hash_table_iter_next(&iter, &name, &row)) {
    if (!g_hash_table_contains(listed, name)) {
      remove_row(self, row);
      g_hash_table_iter_remove(&iter);
    }
  }
  gtk_list_box_invalidate_sort(self->class_list);
  watch_folder(self, classes);
  kj_dataset_editor_update_state(self);
  kj_dataset_editor_load_thumbnails(self);
}

/* Choosers and the delete dialog */

static void
on_chooser_response(GtkNativeDialog *chooser, int response, KjDatasetEditor *self)
{
  g_autofree char *class_name = g_steal_pointer(&self->chooser_class);

  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GListModel) files = gtk_file_chooser_get_files(GTK_FILE_CHOOSER(chooser));
    guint n = g_list_model_get_n_items(files);

    if (class_name != NULL) {
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func(g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add(array, g_list_model_get_item(files, i));
      kj_dataset_editor_add_files(self, class_name, (GFile *const *)array->pdata, array->len);
    } else if (n > 0) {
      g_autoptr(GFile) folder = g_list_model_get_item(files, 0);
      g_autofree char *path = g_file_get_path(folder);

      if (path != NULL)
        kj_dataset_editor_set_folder(self, path);
      else
        kj_dataset_editor_report_error(self, _("Choose a folder on this computer"));
    }
  }
  gtk_native_dialog_destroy(chooser);
  g_clear_object(&self->chooser);
}

static GtkWindow *
get_window(KjDatasetEditor *self)
{
  GtkRoot *root = gtk_widget_get_root(GTK_WIDGET(self));

  return GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL;
}

static void
open_chooser(KjDatasetEditor *self, GtkFileChooserNative *chooser, const char *class_name)
{
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy(self->chooser);
    g_clear_object(&self->chooser);
  }
  g_free(self->chooser_class);
  self->chooser_class = g_strdup(class_name);
  self->chooser = GTK_NATIVE_DIALOG(chooser);
  gtk_native_dialog_set_modal(self->chooser, TRUE);
  g_signal_connect(chooser, "response", G_CALLBACK(on_chooser_response), self);
  gtk_native_dialog_show(self->chooser);
}

void
kj_dataset_editor_choose_images(KjDatasetEditor *self, const char *class_name)
{
  g_autofree char *title = g_strdup_printf(_("Add Images to “%s”"), class_name);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new(
      title, get_window(self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new();

  gtk_file_chooser_set_select_multiple(GTK_FILE_CHOOSER(chooser), TRUE);
  gtk_file_filter_set_name(filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats(filter);
  gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(chooser), filter);
  g_object_unref(filter);
  open_chooser(self, chooser, class_name);
}

static void
choose_folder_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new(
      _("Choose a Folder for Your Classes"), get_window(self),
      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Use Folder"), _("_Cancel"));
  g_autoptr(GFile) current = g_file_new_for_path(kj_class_folder_get_path(self->folder));

  if (g_file_query_exists(current, NULL))
    gtk_file_chooser_set_current_folder(GTK_FILE_CHOOSER(chooser), current, NULL);
  open_chooser(self, chooser, NULL);
}

static void
on_delete_response(AdwMessageDialog *dialog, const char *response, KjDatasetEditor *self)
{
  const char *class_name = g_object_get_data(G_OBJECT(dialog), "class-name");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0(response, "delete") == 0 &&
      !kj_dataset_editor_delete_class(self, class_name, &error))
    kj_dataset_editor_report_error(self, error->message);
}

void
kj_dataset_editor_confirm_delete(KjDatasetEditor *self, const char *class_name)
{
  KjDatasetClassRow *row = kj_dataset_editor_find_row(self, class_name);
  gint64 n = row != NULL ? row->n_images : 0;
  GtkWidget *dialog = adw_message_dialog_new(get_window(self), NULL, NULL);

  adw_message_dialog_format_heading(ADW_MESSAGE_DIALOG(dialog), _("Delete “%s”?"), class_name);
  if (n > 0)
    adw_message_dialog_format_body(ADW_MESSAGE_DIALOG(dialog),
                                   ngettext("Its %u image will be deleted from the disk too.",
                                            "Its %u images will be deleted from the disk too.",
                                            (gulong)n),
                                   (guint)n);
  adw_message_dialog_add_responses(ADW_MESSAGE_DIALOG(dialog), "cancel", _("_Cancel"), "delete",
                                   _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance(ADW_MESSAGE_DIALOG(dialog), "delete",
                                             ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
  adw_message_dialog_set_close_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
  g_object_set_data_full(G_OBJECT(dialog), "class-name", g_strdup(class_name), g_free);
  g_signal_connect_object(dialog, "response", G_CALLBACK(on_delete_response), self, 0);

  if (self->delete_dialog != NULL)
    gtk_window_destroy(GTK_WINDOW(self->delete_dialog));
  self->delete_dialog = dialog;
  g_object_add_weak_pointer(G_OBJECT(dialog), (gpointer *)&self->delete_dialog);
  gtk_window_present(GTK_WINDOW(dialog));
}

void
kj_dataset_editor_delete_image(KjDatasetEditor *self, const char *class_name,
                               const char *image_name)
{
  g_autoptr(GFile) file = kj_class_folder_get_image_file(self->folder, class_name, image_name);
  g_autofree char *path = g_file_get_path(file);
  g_autoptr(GError) error = NULL;

  if (!kj_class_folder_delete_image(self->folder, class_name, image_name, NULL, &error))
    kj_dataset_editor_report_error(self, error->message);
  if (path != NULL)
    g_hash_table_remove(self->thumbnails, path);
  kj_dataset_editor_reload(self);
}

/* Actions */

static void
on_class_entry_changed(KjDatasetEditor *self)
{
  gtk_widget_remove_css_class(GTK_WIDGET(self->class_entry), "error");
}

static void
add_class_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(widget);
  const char *text = gtk_editable_get_text(GTK_EDITABLE(self->class_entry));
  g_autoptr(GError) error = NULL;

  if (kj_dataset_editor_add_class(self, text, &error)) {
    gtk_editable_set_text(GTK_EDITABLE(self->class_entry), "");
    return;
  }
  gtk_widget_add_css_class(GTK_WIDGET(self->class_entry), "error");
  kj_dataset_editor_report_error(self, error->message);
}

static void
on_class_entry_activate(KjDatasetEditor *self)
{
  gtk_widget_activate_action(GTK_WIDGET(self), "dataset.add-class", NULL);
}

static void
train_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(widget);

  if (self->can_train && self->n_adding == 0)
    g_signal_emit(self, signals[SIGNAL_TRAIN_REQUESTED], 0, kj_class_folder_get_path(self->folder));
}

/* "~/.local/share/kuajie/datasets/my-images" */
static char *
format_folder(const char *path)
{
  const char *home = g_get_home_dir();
  gsize n = strlen(home);

  if (n > 1 && g_str_has_prefix(path, home) && path[n] == G_DIR_SEPARATOR)
    return g_strconcat("~", path + n, NULL);
  return g_filename_display_name(path);
}

/* The object */

static void
kj_dataset_editor_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(object);

  switch (prop_id) {
  case PROP_FOLDER:
    g_value_set_string(value, kj_dataset_editor_get_folder(self));
    break;
  case PROP_BUSY:
    g_value_set_boolean(value, get_busy(self));
    break;
  case PROP_CAN_TRAIN:
    g_value_set_boolean(value, self->can_train);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_dataset_editor_set_property(GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(object);

  switch (prop_id) {
  case PROP_FOLDER:
    kj_dataset_editor_set_folder(self, g_value_get_string(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_dataset_editor_dispose(GObject *object)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(object);

  /* Workers stop at the next file; their results find no folder. */
  if (self->cancellable != NULL)
    g_cancellable_cancel(self->cancellable);
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy(self->chooser);
    g_clear_object(&self->chooser);
  }
  if (self->delete_dialog != NULL)
    gtk_window_destroy(GTK_WINDOW(self->delete_dialog));
  if (self->rows != NULL)
    g_hash_table_remove_all(self->rows);
  if (self->monitors != NULL)
    clear_monitors(self);
  g_clear_handle_id(&self->reload_source, g_source_remove);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_DATASET_EDITOR);
  g_clear_object(&self->folder);
  g_clear_object(&self->cancellable);
  g_clear_pointer(&self->rows, g_hash_table_unref);
  g_clear_pointer(&self->thumbnails, g_hash_table_unref);
  g_clear_pointer(&self->loading, g_hash_table_unref);
  g_clear_pointer(&self->adding, g_hash_table_unref);
  g_clear_pointer(&self->monitors, g_ptr_array_unref);
  g_clear_pointer(&self->chooser_class, g_free);
  G_OBJECT_CLASS(kj_dataset_editor_parent_class)->dispose(object);
}

static void
kj_dataset_editor_class_init(KjDatasetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->get_property = kj_dataset_editor_get_property;
  object_class->set_property = kj_dataset_editor_set_property;
  object_class->dispose = kj_dataset_editor_dispose;

  properties[PROP_FOLDER] =
      g_param_spec_string("folder", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
      g_param_spec_boolean("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_TRAIN] = g_param_spec_boolean("can-train", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  signals[SIGNAL_TRAIN_REQUESTED] =
      g_signal_new("train-requested", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                   NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_ERROR] = g_signal_new_class_handler(
      "error", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST,
      G_CALLBACK(kj_dataset_editor_real_error), g_signal_accumulator_true_handled, NULL, NULL,
      G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-dataset-editor.ui");
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, folder_label);
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, class_entry);
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, content_stack);
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, class_list);
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, summary_label);
  gtk_widget_class_bind_template_callback(widget_class, on_class_entry_activate);
  gtk_widget_class_bind_template_callback(widget_class, on_class_entry_changed);

  gtk_widget_class_install_action(widget_class, "dataset.add-class", NULL, add_class_activated);
  gtk_widget_class_install_action(widget_class, "dataset.choose-folder", NULL,
                                  choose_folder_activated);
  gtk_widget_class_install_action(widget_class, "dataset.train", NULL, train_activated);
}

static void
kj_dataset_editor_init(KjDatasetEditor *self)
{
  gtk_widget_init_template(GTK_WIDGET(self));
  self->rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  self->thumbnails =
      g_hash_table_new_full(g_str_hash, g_str_equal, g_free, kj_dataset_editor_unref_if_set);
  self->loading = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  self->adding = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  self->monitors = g_ptr_array_new_with_free_func(g_object_unref);
  gtk_entry_set_max_length(self->class_entry, KJ_CLASS_FOLDER_MAX_NAME);
  gtk_list_box_set_sort_func(self->class_list, compare_rows, NULL, NULL);
  kj_dataset_editor_set_folder(self, NULL);
}

GtkWidget *
kj_dataset_editor_new(void)
{
  return g_object_new(KJ_TYPE_DATASET_EDITOR, NULL);
}

const char *
kj_dataset_editor_get_folder(KjDatasetEditor *self)
{
  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), NULL);
  return self->folder != NULL ? kj_class_folder_get_path(self->folder) : NULL;
}

void
kj_dataset_editor_set_folder(KjDatasetEditor *self, const char *path)
{
  g_autofree char *shown = NULL;

  g_return_if_fail(KJ_IS_DATASET_EDITOR(self));

  if (self->folder != NULL && path != NULL &&
      g_strcmp0(path, kj_class_folder_get_path(self->folder)) == 0)
    return;
  /* Work on the old folder is dropped; its tasks still count as busy
   * until they wind down. */
  if (self->cancellable != NULL)
    g_cancellable_cancel(self->cancellable);
  g_clear_object(&self->cancellable);
  self->cancellable = g_cancellable_new();
  self->generation++;
  g_clear_object(&self->folder);
  self->folder = kj_class_folder_new(path);
  remove_all_rows(self);
  g_hash_table_remove_all(self->thumbnails);
  g_hash_table_remove_all(self->loading);
  g_hash_table_remove_all(self->adding);

  shown = format_folder(kj_class_folder_get_path(self->folder));
  gtk_label_set_text(self->folder_label, shown);
  gtk_widget_set_tooltip_text(GTK_WIDGET(self->folder_label),
                              kj_class_folder_get_path(self->folder));
  kj_dataset_editor_reload(self);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_FOLDER]);
}

KjClassFolder *
kj_dataset_editor_get_class_folder(KjDatasetEditor *self)
{
  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), NULL);
  return self->folder;
}

gboolean
kj_dataset_editor_get_busy(KjDatasetEditor *self)
{
  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);
  return get_busy(self);
}

gboolean
kj_dataset_editor_get_can_train(KjDatasetEditor *self)
{
  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);
  return self->can_train;
}

char **
kj_dataset_editor_dup_classes(KjDatasetEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
  GtkListBoxRow *row;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index(self->class_list, i)) != NULL; i++)
    g_strv_builder_add(builder, KJ_DATASET_CLASS_ROW(row)->name);
  return g_strv_builder_end(builder);
}

gint64
kj_dataset_editor_get_image_count(KjDatasetEditor *self, const char *class_name)
{
  KjDatasetClassRow *row;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), -1);

  row = kj_dataset_editor_find_row(self, class_name);
  return row != NULL ? row->n_images : -1;
}

gboolean
kj_dataset_editor_add_class(KjDatasetEditor *self, const char *name, GError **error)
{
  g_autofree char *created = NULL;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);

  created = kj_class_folder_create_class(self->folder, name, NULL, error);
  kj_dataset_editor_reload(self);
  return created != NULL;
}

gboolean
kj_dataset_editor_rename_class(KjDatasetEditor *self, const char *class_name, const char *new_name,
                               GError **error)
{
  g_autofree char *renamed = NULL;
  g_autofree char *old_name = g_strdup(class_name); /* class_name may be the row's */
  KjDatasetClassRow *row;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);

  /* Images still being added would land in the old folder name. */
  if (g_hash_table_contains(self->adding, class_name)) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_BUSY,
                _("“%s” cannot be renamed while images are being added to it"), class_name);
    return FALSE;
  }
  renamed = kj_class_folder_rename_class(self->folder, old_name, new_name, NULL, error);
  if (renamed == NULL)
    return FALSE;
  /* The card moves with its class, so focus and menus stay on it. */
  row = kj_dataset_editor_find_row(self, old_name);
  if (row != NULL) {
    gpointer key = NULL;

    g_hash_table_steal_extended(self->rows, old_name, &key, NULL);
    g_free(key);
    kj_dataset_class_row_set_name(row, renamed);
    /* Its images have new paths: the strip is built again. */
    g_clear_pointer(&row->images, g_strfreev);
    g_hash_table_insert(self->rows, g_strdup(renamed), row);
  }
  kj_dataset_editor_reload(self);
  return TRUE;
}

gboolean
kj_dataset_editor_delete_class(KjDatasetEditor *self, const char *class_name, GError **error)
{
  gboolean deleted;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);

  deleted = kj_class_folder_delete_class(self->folder, class_name, NULL, error);
  kj_dataset_editor_reload(self);
  return deleted;
}
