#include "config.h"

#include "kj-file.h"

gboolean
kj_file_replace_contents(GFile *file, const char *contents, gsize length, GCancellable *cancellable,
                         GError **error)
{
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  gboolean existed;

  g_return_val_if_fail(G_IS_FILE(file), FALSE);
  g_return_val_if_fail(contents != NULL || length == 0, FALSE);

  /* GLib writes a file that does not exist yet in place, not through a
   * temporary one: that one is ours to remove if writing fails. */
  existed = g_file_query_exists(file, cancellable);
  out = g_file_replace(file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (g_output_stream_write_all(G_OUTPUT_STREAM(out), contents, length, NULL, cancellable, error) &&
      g_output_stream_close(G_OUTPUT_STREAM(out), cancellable, error))
    return TRUE;

  /* Closing with a cancelled cancellable unlinks the temporary file
   * instead of renaming it over the old one. */
  abandon = g_cancellable_new();
  g_cancellable_cancel(abandon);
  if (!g_output_stream_is_closed(G_OUTPUT_STREAM(out)))
    g_output_stream_close(G_OUTPUT_STREAM(out), abandon, NULL);
  if (!existed)
    g_file_delete(file, NULL, NULL);
  return FALSE;
}
