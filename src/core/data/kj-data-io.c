#include "config.h"

#include "kj-data-io.h"

#include <glib/gi18n-lib.h>

#include "kj-error.h"

/* Large enough that a 26 MB gzip file is read in few calls. */
#define BUFFER_SIZE (256 * 1024)

char *
kj_data_format_count(guint64 n)
{
  return g_strdup_printf("%'" G_GUINT64_FORMAT, n);
}

gboolean
kj_data_reader_open(KjDataReader *reader, GFile *file, gboolean allow_gzip,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autofree char *basename = g_file_get_basename(file);
  const guint8 *head;
  gsize available = 0;

  *reader = (KjDataReader){ 0 };
  reader->name = g_filename_display_name(basename);
  reader->file_size = -1;

  input = g_file_read(file, cancellable, &local_error);
  if (input == NULL) {
    if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_propagate_error(error, g_steal_pointer(&local_error));
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be opened: %s"), reader->name,
                  local_error->message);
    kj_data_reader_clear(reader);
    return FALSE;
  }
  info = g_file_input_stream_query_info(input, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute(info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    reader->file_size = g_file_info_get_size(info);

  buffered = g_buffered_input_stream_new_sized(G_INPUT_STREAM(input), BUFFER_SIZE);
  /* A fill may return fewer bytes than asked; two are enough to tell. */
  while (available < 2) {
    gssize got = g_buffered_input_stream_fill(G_BUFFERED_INPUT_STREAM(buffered), 2, cancellable,
                                              &local_error);
    if (got < 0) {
      if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error(error, g_steal_pointer(&local_error));
      else
        g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be read: %s"), reader->name,
                    local_error->message);
      kj_data_reader_clear(reader);
      return FALSE;
    }
    if (got == 0)
      break;
    available = g_buffered_input_stream_get_available(G_BUFFERED_INPUT_STREAM(buffered));
  }
  head = g_buffered_input_stream_peek_buffer(G_BUFFERED_INPUT_STREAM(buffered), &available);
  reader->gzipped = allow_gzip && available >= 2 && head[0] == 0x1f && head[1] == 0x8b;
  if (reader->gzipped) {
    g_autoptr(GZlibDecompressor) zlib = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP);

    reader->stream = g_converter_input_stream_new(buffered, G_CONVERTER(zlib));
  } else {
    reader->stream = g_steal_pointer(&buffered);
  }
  return TRUE;
}

guint64
kj_data_reader_max_size(KjDataReader *reader)
{
  if (reader->file_size < 0)
    return G_MAXUINT64;
  if (reader->gzipped)
    return (guint64)MIN(reader->file_size, G_MAXINT64 / KJ_GZIP_MAX_RATIO) * KJ_GZIP_MAX_RATIO;
  return (guint64)reader->file_size;
}

void
kj_data_reader_set_too_short(KjDataReader *reader, guint64 total, GError **error)
{
  g_autofree char *shown_total = kj_data_format_count(total);
  g_autofree char *shown_size = kj_data_format_count((guint64)MAX(reader->file_size, 0));

  if (reader->gzipped)
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("“%s”: the header declares %s bytes, more than a gzip file of %s bytes can "
                  "hold"),
                reader->name, shown_total, shown_size);
  else
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s”: the file ends after %s of %s bytes"),
                reader->name, shown_size, shown_total);
}

static void
set_ended(KjDataReader *reader, guint64 total, GError **error)
{
  g_autofree char *shown_position = kj_data_format_count(reader->position);
  g_autofree char *shown_total = kj_data_format_count(total);

  if (reader->gzipped)
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("“%s”: the compressed data ends early, at %s of %s bytes"), reader->name,
                shown_position, shown_total);
  else
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s”: the file ends after %s of %s bytes"),
                reader->name, shown_position, shown_total);
}

/* Turns GIO's error into one that names the file; cancellation stays as
 * G_IO_ERROR_CANCELLED, which callers recognise and do not show. */
static void
set_read_error(KjDataReader *reader, guint64 total, GError *gio_error, GError **error)
{
  if (g_error_matches(gio_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error(error, g_error_copy(gio_error));
  else if (g_error_matches(gio_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    set_ended(reader, total, error);
  else if (reader->gzipped && g_error_matches(gio_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s”: the gzip data is corrupt (%s)"),
                reader->name, gio_error->message);
  else
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be read: %s"), reader->name,
                gio_error->message);
}

gboolean
kj_data_reader_read(KjDataReader *reader, void *buffer, gsize size, guint64 total,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize got = 0;
  gboolean ok;

  ok = g_input_stream_read_all(reader->stream, buffer, size, &got, cancellable, &local_error);
  reader->position += got;
  if (!ok) {
    set_read_error(reader, total, local_error, error);
    return FALSE;
  }
  if (got < size) {
    set_ended(reader, total, error);
    return FALSE;
  }
  return TRUE;
}

gboolean
kj_data_reader_expect_end(KjDataReader *reader, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  guint8 extra[64];
  gssize got;

  got = g_input_stream_read(reader->stream, extra, sizeof extra, cancellable, &local_error);
  if (got < 0) {
    set_read_error(reader, reader->position, local_error, error);
    return FALSE;
  }
  if (got > 0) {
    g_autofree char *shown = kj_data_format_count(reader->position);

    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("“%s”: more data follows the %s bytes its header declares"), reader->name, shown);
    return FALSE;
  }
  return TRUE;
}

void
kj_data_reader_clear(KjDataReader *reader)
{
  g_clear_object(&reader->stream);
  g_clear_pointer(&reader->name, g_free);
}
