/* kj-data-io.h — reading dataset files exactly (private to src/core/data)
 *
 * Gzip is detected by its magic and decompressed with GIO's zlib converter.
 * A reader knows the most bytes a file can hold, so loaders check the sizes
 * a header declares before they allocate, and its errors name the file. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Deflate expands data at most about 1032-fold (a 258-byte match per 2 bits). */
#define KJ_GZIP_MAX_RATIO 1032

typedef struct {
  GInputStream *stream; /* decompressed when gzipped */
  char *name;           /* the file's name, for messages */
  gint64 file_size;     /* bytes on disk, -1 when unknown */
  gboolean gzipped;
  guint64 position; /* bytes read from stream */
} KjDataReader;

gboolean kj_data_reader_open(KjDataReader *reader, GFile *file, gboolean allow_gzip,
                             GCancellable *cancellable, GError **error);
/* The most bytes the stream can yield: the file size, or what a gzip file of
 * that size can expand to; G_MAXUINT64 when unknown. */
guint64 kj_data_reader_max_size(KjDataReader *reader);
/* Reads exactly size bytes.  total is the stream length the header declared,
 * for the message when the file ends early. */
gboolean kj_data_reader_read(KjDataReader *reader, void *buffer, gsize size, guint64 total,
                             GCancellable *cancellable, GError **error);
/* Fails unless the stream ends here; for gzip this checks its CRC too. */
gboolean kj_data_reader_expect_end(KjDataReader *reader, GCancellable *cancellable, GError **error);
void kj_data_reader_clear(KjDataReader *reader);

/* The error for a header that declares more than the file holds. */
void kj_data_reader_set_too_short(KjDataReader *reader, guint64 total, GError **error);

/* A count with the locale's thousands separators: "47,040,016". */
char *kj_data_format_count(guint64 n);

G_END_DECLS
