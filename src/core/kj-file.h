/* kj-file.h — writing a whole file, all or nothing
 *
 * g_file_replace_contents() writes a temporary file and renames it over the
 * old one, but when a write fails (a full disk) it still closes the stream,
 * and closing renames the half-written temporary file over the old one; a
 * new file is written in place and left half-written.  This writes the same
 * way, but a failed write cancels the close, which then removes the
 * temporary file: the old file stays whole, and a new one is not left. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Errors are GIO's, as g_file_replace_contents() gives them. */
gboolean kj_file_replace_contents(GFile *file, const char *contents, gsize length,
                                  GCancellable *cancellable, GError **error);

G_END_DECLS
