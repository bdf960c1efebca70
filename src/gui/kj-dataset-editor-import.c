/* Adding images to the dataset editor's classes, in the background: files
 * and folders (chosen or dropped), dropped pixels, and the clipboard. */
#include "config.h"

#include <glib/gi18n.h>

#include "kj-dataset-editor-private.h"
#include "kj-image-drop.h"

typedef struct {
  GWeakRef editor;
  guint generation;
  KjClassFolder *folder;
  char *class_name;
  GPtrArray *files;   /* GFile * */
  GPtrArray *pixbufs; /* GdkPixbuf * */
  char *stem;         /* what pixbufs are named after */
  /* written by the worker */
  guint added;
  GPtrArray *errors; /* translated messages */
} AddJob;

static void
add_job_free(gpointer data)
{
  AddJob *job = data;

  g_weak_ref_clear(&job->editor);
  g_object_unref(job->folder);
  g_free(job->class_name);
  g_ptr_array_unref(job->files);
  g_ptr_array_unref(job->pixbufs);
  g_free(job->stem);
  g_ptr_array_unref(job->errors);
  g_free(job);
}

/* Counts one file added, or keeps its error; FALSE when cancelled. */
static gboolean
add_job_note(AddJob *job, GError *error)
{
  if (error == NULL) {
    job->added++;
    return TRUE;
  }
  if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  g_ptr_array_add(job->errors, g_strdup(error->message));
  return TRUE;
}

/* A dropped folder adds the files directly in it. */
static GPtrArray *
list_folder(GFile *dir, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children(
      dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
      G_FILE_QUERY_INFO_NONE, cancellable, error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_object_unref);

  if (children == NULL)
    return NULL;
  for (;;) {
    GFileInfo *info = NULL;
    GFile *child = NULL;

    if (!g_file_enumerator_iterate(children, &info, &child, cancellable, error))
      return NULL;
    if (info == NULL)
      break;
    if (g_file_info_get_file_type(info) == G_FILE_TYPE_REGULAR &&
        g_file_info_get_name(info)[0] != '.')
      g_ptr_array_add(files, g_object_ref(child));
  }
  return g_steal_pointer(&files);
}

static void
add_worker(GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  AddJob *job = data;
  gboolean going = TRUE;

  for (guint i = 0; going && i < job->files->len; i++) {
    GFile *file = job->files->pdata[i];
    g_autoptr(GPtrArray) children = NULL;
    g_autoptr(GError) error = NULL;

    if (g_file_query_file_type(file, G_FILE_QUERY_INFO_NONE, cancellable) ==
        G_FILE_TYPE_DIRECTORY) {
      children = list_folder(file, cancellable, &error);
      if (children == NULL) {
        going = add_job_note(job, error);
        continue;
      }
      for (guint k = 0; going && k < children->len; k++) {
        g_autoptr(GError) child_error = NULL;
        g_autofree char *name = kj_class_folder_add_file(
            job->folder, job->class_name, children->pdata[k], cancellable, &child_error);

        going = add_job_note(job, child_error);
      }
    } else {
      g_autofree char *name =
          kj_class_folder_add_file(job->folder, job->class_name, file, cancellable, &error);

      going = add_job_note(job, error);
    }
  }
  for (guint i = 0; going && i < job->pixbufs->len; i++) {
    g_autoptr(GError) error = NULL;
    g_autofree char *name = kj_class_folder_add_pixbuf(
        job->folder, job->class_name, job->pixbufs->pdata[i], job->stem, cancellable, &error);

    going = add_job_note(job, error);
  }
  g_task_return_boolean(task, TRUE);
}

static void
set_class_adding(KjDatasetEditor *self, const char *class_name, int delta)
{
  guint count = GPOINTER_TO_UINT(g_hash_table_lookup(self->adding, class_name));
  KjDatasetClassRow *row = kj_dataset_editor_find_row(self, class_name);

  count = (guint)((int)count + delta);
  if (count > 0)
    g_hash_table_insert(self->adding, g_strdup(class_name), GUINT_TO_POINTER(count));
  else
    g_hash_table_remove(self->adding, class_name);
  if (row != NULL)
    kj_dataset_class_row_set_adding(row, count > 0);
}

static void
on_added(GObject *source, GAsyncResult *result, gpointer user_data)
{
  AddJob *job = g_task_get_task_data(G_TASK(result));
  g_autoptr(KjDatasetEditor) self = g_weak_ref_get(&job->editor);

  if (self == NULL || self->folder == NULL)
    return;
  kj_dataset_editor_set_counts(self, &self->n_adding, -1);
  if (job->generation != self->generation) {
    kj_dataset_editor_update_state(self);
    return;
  }
  set_class_adding(self, job->class_name, -1);
  kj_dataset_editor_reload(self);
  if (job->errors->len == 1) {
    kj_dataset_editor_report_error(self, job->errors->pdata[0]);
  } else if (job->errors->len > 1) {
    g_autofree char *message =
        g_strdup_printf(ngettext("%u file was not added. %s",
                                 "%u files were not added. The first: %s", job->errors->len),
                        job->errors->len, (const char *)job->errors->pdata[0]);

    kj_dataset_editor_report_error(self, message);
  }
}

/* Adds files and pixbufs (both arrays are taken) in a worker thread. */
static void
start_adding(KjDatasetEditor *self, const char *class_name, GPtrArray *files, GPtrArray *pixbufs,
             const char *stem)
{
  g_autoptr(GTask) task = NULL;
  AddJob *job = g_new0(AddJob, 1);

  g_weak_ref_init(&job->editor, self);
  job->generation = self->generation;
  job->folder = g_object_ref(self->folder);
  job->class_name = g_strdup(class_name);
  job->files = files != NULL ? files : g_ptr_array_new_with_free_func(g_object_unref);
  job->pixbufs = pixbufs != NULL ? pixbufs : g_ptr_array_new_with_free_func(g_object_unref);
  job->stem = g_strdup(stem);
  job->errors = g_ptr_array_new_with_free_func(g_free);

  task = g_task_new(NULL, self->cancellable, on_added, NULL);
  g_task_set_source_tag(task, start_adding);
  g_task_set_task_data(task, job, add_job_free);
  kj_dataset_editor_set_counts(self, &self->n_adding, +1);
  set_class_adding(self, class_name, +1);
  kj_dataset_editor_update_state(self);
  g_task_run_in_thread(task, add_worker);
}

void
kj_dataset_editor_add_files(KjDatasetEditor *self, const char *class_name, GFile *const *files,
                            guint n_files)
{
  GPtrArray *array;

  g_return_if_fail(KJ_IS_DATASET_EDITOR(self));
  g_return_if_fail(class_name != NULL);
  g_return_if_fail(files != NULL || n_files == 0);

  array = g_ptr_array_new_full(n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add(array, g_object_ref(files[i]));
  start_adding(self, class_name, array, NULL, NULL);
}

/* A drop or a paste: files, a file, or pixels. */
void
kj_dataset_editor_add_value(KjDatasetEditor *self, const char *class_name, const GValue *value)
{
  GPtrArray *files = g_ptr_array_new_with_free_func(g_object_unref);
  GPtrArray *pixbufs = g_ptr_array_new_with_free_func(g_object_unref);
  const char *stem = NULL;

  if (G_VALUE_HOLDS(value, GDK_TYPE_FILE_LIST)) {
    g_autoptr(GSList) list = gdk_file_list_get_files(g_value_get_boxed(value));

    for (GSList *l = list; l != NULL; l = l->next)
      g_ptr_array_add(files, g_object_ref(l->data));
  } else if (G_VALUE_HOLDS(value, G_TYPE_FILE) && g_value_get_object(value) != NULL) {
    g_ptr_array_add(files, g_value_dup_object(value));
  } else if (G_VALUE_HOLDS(value, GDK_TYPE_TEXTURE) && g_value_get_object(value) != NULL) {
    GdkPixbuf *pixbuf = kj_image_drop_texture_to_pixbuf(g_value_get_object(value));

    if (pixbuf != NULL)
      g_ptr_array_add(pixbufs, pixbuf);
    /* Translators: the file name, without .png, of a dropped or pasted image */
    stem = C_("file name", "image");
  }
  if (files->len == 0 && pixbufs->len == 0) {
    g_ptr_array_unref(files);
    g_ptr_array_unref(pixbufs);
    kj_dataset_editor_report_error(self, _("There is no image to add"));
    return;
  }
  start_adding(self, class_name, files, pixbufs, stem);
}

typedef struct {
  GWeakRef editor;
  guint generation;
  char *class_name;
} PasteData;

static void
paste_data_free(PasteData *data)
{
  g_weak_ref_clear(&data->editor);
  g_free(data->class_name);
  g_free(data);
}

static void
on_paste_read(GObject *source, GAsyncResult *result, gpointer user_data)
{
  PasteData *data = user_data;
  g_autoptr(KjDatasetEditor) self = g_weak_ref_get(&data->editor);
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish(GDK_CLIPBOARD(source), result, &error);

  if (self != NULL && self->folder != NULL) {
    gboolean current = data->generation == self->generation;

    /* Added first, so that "busy" does not blink off in between. */
    if (current && value != NULL)
      kj_dataset_editor_add_value(self, data->class_name, value);
    else if (current && !g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      kj_dataset_editor_report_error(self, error->message);
    kj_dataset_editor_set_counts(self, &self->n_adding, -1);
    kj_dataset_editor_update_state(self);
  }
  paste_data_free(data);
}

void
kj_dataset_editor_paste_images(KjDatasetEditor *self, const char *class_name)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard(GTK_WIDGET(self));
  GdkContentFormats *formats = gdk_clipboard_get_formats(clipboard);
  PasteData *data;
  GType type;

  /* Copied files keep their names; copied pixels are saved as PNG. */
  if (gdk_content_formats_contain_gtype(formats, GDK_TYPE_FILE_LIST))
    type = GDK_TYPE_FILE_LIST;
  else if (gdk_content_formats_contain_gtype(formats, GDK_TYPE_TEXTURE) ||
           gdk_content_formats_contain_mime_type(formats, "image/png"))
    type = GDK_TYPE_TEXTURE;
  else {
    kj_dataset_editor_report_error(self, _("The clipboard holds no image"));
    return;
  }
  data = g_new0(PasteData, 1);
  g_weak_ref_init(&data->editor, self);
  data->generation = self->generation;
  data->class_name = g_strdup(class_name);
  /* Busy from now: the clipboard's owner may take a while to answer. */
  kj_dataset_editor_set_counts(self, &self->n_adding, +1);
  kj_dataset_editor_update_state(self);
  gdk_clipboard_read_value_async(clipboard, type, G_PRIORITY_DEFAULT, self->cancellable,
                                 on_paste_read, data);
}
