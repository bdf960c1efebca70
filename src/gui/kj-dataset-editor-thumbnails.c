/* The dataset editor's thumbnail cache: the images its cards show, decoded
 * off the main thread and kept while they are shown. */
#include "config.h"

#include "kj-dataset-editor-private.h"
#include "kj-image.h"

void
kj_dataset_editor_unref_if_set(gpointer data)
{
  if (data != NULL)
    g_object_unref(data);
}

typedef struct {
  GWeakRef editor;
  guint generation;
  GPtrArray *paths;   /* char * */
  GPtrArray *pixbufs; /* GdkPixbuf *, or NULL; written by the worker */
} ThumbnailJob;

static void
thumbnail_job_free(gpointer data)
{
  ThumbnailJob *job = data;

  g_weak_ref_clear(&job->editor);
  g_ptr_array_unref(job->paths);
  g_ptr_array_unref(job->pixbufs);
  g_free(job);
}

/* The centre square, its side THUMB_DECODE pixels or the image's own short
 * side when smaller.  Only the header is read for an image too large. */
static GdkPixbuf *
decode_thumbnail(const char *path)
{
  int width = 0, height = 0, side, ow, oh;
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;

  if (gdk_pixbuf_get_file_info(path, &width, &height) == NULL || width < 1 || height < 1 ||
      width > KJ_IMAGE_MAX_SIDE || height > KJ_IMAGE_MAX_SIDE ||
      (gint64)width * height > KJ_IMAGE_MAX_PIXELS)
    return NULL;
  if (MIN(width, height) <= THUMB_DECODE)
    loaded = gdk_pixbuf_new_from_file(path, NULL);
  else if (width <= height)
    loaded = gdk_pixbuf_new_from_file_at_scale(path, THUMB_DECODE, -1, TRUE, NULL);
  else
    loaded = gdk_pixbuf_new_from_file_at_scale(path, -1, THUMB_DECODE, TRUE, NULL);
  if (loaded == NULL)
    return NULL;
  oriented = gdk_pixbuf_apply_embedded_orientation(loaded);
  ow = gdk_pixbuf_get_width(oriented);
  oh = gdk_pixbuf_get_height(oriented);
  side = MIN(ow, oh);
  return gdk_pixbuf_new_subpixbuf(oriented, (ow - side) / 2, (oh - side) / 2, side, side);
}

static void
thumbnail_worker(GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ThumbnailJob *job = data;

  for (guint i = 0; i < job->paths->len; i++) {
    if (g_cancellable_is_cancelled(cancellable))
      break;
    g_ptr_array_add(job->pixbufs, decode_thumbnail(job->paths->pdata[i]));
  }
  g_task_return_boolean(task, TRUE);
}

static void
on_thumbnails_decoded(GObject *source, GAsyncResult *result, gpointer user_data)
{
  ThumbnailJob *job = g_task_get_task_data(G_TASK(result));
  g_autoptr(KjDatasetEditor) self = g_weak_ref_get(&job->editor);
  GHashTableIter iter;
  gpointer row;

  /* Gone, or disposed: nothing to show it on. */
  if (self == NULL || self->folder == NULL)
    return;
  kj_dataset_editor_set_counts(self, &self->n_loading, -1);
  if (job->generation != self->generation)
    return;
  for (guint i = 0; i < job->paths->len; i++) {
    g_hash_table_remove(self->loading, job->paths->pdata[i]);
    /* Paths the worker did not reach (cancelled) are left to decode later. */
    if (i < job->pixbufs->len) {
      GdkPixbuf *pixbuf = job->pixbufs->pdata[i];

      g_hash_table_insert(self->thumbnails, g_strdup(job->paths->pdata[i]),
                          pixbuf != NULL ? gdk_texture_new_for_pixbuf(pixbuf) : NULL);
    }
  }
  g_hash_table_iter_init(&iter, self->rows);
  while (g_hash_table_iter_next(&iter, NULL, &row))
    kj_dataset_class_row_update_thumbnails(row, self);
}

/* Decodes, off the main thread, the thumbnails shown and not yet decoded. */
void
kj_dataset_editor_load_thumbnails(KjDatasetEditor *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GHashTable) shown = g_hash_table_new(g_str_hash, g_str_equal);
  ThumbnailJob *job;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init(&iter, self->rows);
  while (g_hash_table_iter_next(&iter, NULL, &value)) {
    KjDatasetClassRow *row = value;

    for (GtkWidget *child = gtk_widget_get_first_child(GTK_WIDGET(row->strip)); child != NULL;
         child = gtk_widget_get_next_sibling(child)) {
      const char *path = g_object_get_data(G_OBJECT(child), "path");

      if (path == NULL)
        continue;
      g_hash_table_add(shown, (gpointer)path);
      if (!g_hash_table_contains(self->thumbnails, path) &&
          !g_hash_table_contains(self->loading, path)) {
        g_hash_table_add(self->loading, g_strdup(path));
        g_ptr_array_add(paths, g_strdup(path));
      }
    }
  }
  /* Only what is shown is kept: an image replaced under the same name is
   * decoded again the next time it appears. */
  g_hash_table_iter_init(&iter, self->thumbnails);
  while (g_hash_table_iter_next(&iter, &key, NULL))
    if (!g_hash_table_contains(shown, key))
      g_hash_table_iter_remove(&iter);
  if (paths->len == 0)
    return;

  job = g_new0(ThumbnailJob, 1);
  g_weak_ref_init(&job->editor, self);
  job->generation = self->generation;
  job->paths = g_steal_pointer(&paths);
  job->pixbufs = g_ptr_array_new_with_free_func(kj_dataset_editor_unref_if_set);
  task = g_task_new(NULL, self->cancellable, on_thumbnails_decoded, NULL);
  g_task_set_source_tag(task, kj_dataset_editor_load_thumbnails);
  g_task_set_task_data(task, job, thumbnail_job_free);
  kj_dataset_editor_set_counts(self, &self->n_loading, +1);
  g_task_run_in_thread(task, thumbnail_worker);
}
