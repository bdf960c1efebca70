/* kj-image-drop.h — images dropped on a widget, as things to classify
 *
 * A drop holds files (a file manager's GdkFileList or a single GFile), text
 * (a text/uri-list, or lines of URIs and absolute paths), or pixels (a
 * GdkTexture, e.g. an image dragged out of a browser).  The parser turns it
 * into items to classify, in the order dropped, and entries it skipped, each
 * with a translated sentence that names it, ready for a toast.
 *
 * Whether a file is an image is decided from its content type, which GIO
 * sniffs from the file's first bytes without decoding it; only types that
 * GdkPixbuf has a loader for pass.  So a corrupt image (a PNG signature
 * followed by garbage) passes here and fails later, when the engine decodes
 * it with kj_image_load() and reports an error that names the file. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Something to classify: exactly one of file and pixbuf is set. */
typedef struct {
  GFile *file;        /* an image file, decoded later (on the engine's worker) */
  GdkPixbuf *pixbuf;  /* pixels that came with the drop (a texture) */
  char *name;         /* what to call it: the file's display name, or "Dropped image" */
  char *content_type; /* a file's sniffed content type; NULL for pixbufs */
} KjImageDropItem;

typedef enum {
  KJ_IMAGE_DROP_SKIP_NOT_IMAGE,         /* a file that is not an image */
  KJ_IMAGE_DROP_SKIP_UNSUPPORTED_IMAGE, /* an image in a format GdkPixbuf cannot read */
  KJ_IMAGE_DROP_SKIP_FOLDER,            /* a folder (the page may offer to open it as a dataset) */
  KJ_IMAGE_DROP_SKIP_MISSING,           /* a file that no longer exists */
  KJ_IMAGE_DROP_SKIP_UNREADABLE, /* no permission, a location GIO cannot open, an I/O error */
  KJ_IMAGE_DROP_SKIP_TOO_LARGE,  /* dropped pixels over kj-image.h's limits */
  KJ_IMAGE_DROP_SKIP_NOT_A_FILE, /* a line of text that is neither a URI nor a path */
} KjImageDropSkipReason;

/* Something dropped that will not be classified. */
typedef struct {
  KjImageDropSkipReason reason;
  GFile *file;   /* the file, when the entry was one; else NULL */
  char *name;    /* what to call it (as KjImageDropItem's name) */
  char *message; /* translated, names the entry: "“notes.txt” is not an image (…)" */
} KjImageDropSkip;

/* A parsed drop.  Both arrays own their elements (free functions set), so a
 * caller that wants to keep one takes a reference with g_ptr_array_ref(). */
typedef struct {
  GPtrArray *items;   /* KjImageDropItem *, in the order dropped */
  GPtrArray *skipped; /* KjImageDropSkip *, in the order dropped */
} KjImageDrop;

void kj_image_drop_item_free(KjImageDropItem *item);
void kj_image_drop_skip_free(KjImageDropSkip *skip);
void kj_image_drop_free(KjImageDrop *drop);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjImageDropItem, kj_image_drop_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjImageDropSkip, kj_image_drop_skip_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjImageDrop, kj_image_drop_free)

/* Parses a dropped value holding a GdkFileList, a GFile, a string, a
 * GdkTexture or a GdkPixbuf.
 *
 * The async form queries every file in parallel on GIO's thread pool: use it
 * for drops, since a drop may hold thousands of files or files on a slow
 * network mount.  The sync form blocks on one g_file_query_info() per file
 * (a stat and a sniff of the first bytes, no decode): fine for a few local
 * files and for tests.  Remote locations (sftp://, https://… through GVfs)
 * become items when GIO can query them; reading them later may be slow.
 * The value is only read during the call; the async form calls back in the
 * thread-default main context of the caller.  Both return NULL only when
 * cancelled (finish then sets G_IO_ERROR_CANCELLED). */
KjImageDrop *kj_image_drop_parse(const GValue *value, GCancellable *cancellable);
void kj_image_drop_parse_async(const GValue *value, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
KjImageDrop *kj_image_drop_parse_finish(GAsyncResult *result, GError **error);

/* Called once per drop with the parsed drop (borrowed: freed when the
 * callback returns), unless the drop held nothing at all.  A drop with only
 * skipped entries comes with an empty items array. */
typedef void (*KjImageDropFunc)(GtkWidget *widget, KjImageDrop *drop, gpointer user_data);

/* Makes widget a drop site for image files, URIs and images, and calls func
 * for each drop; destroy (may be NULL) frees user_data with the controller.
 * While an acceptable drag hovers over it the widget has the style class
 * "kj-drop-hover" (resources/style.css).
 *
 * Returns the controller, owned by the widget (a GtkDropTargetAsync, not a
 * GtkDropTarget: it may read the drop twice).  When a drop offers both files
 * and pixels — a browser offers a web address and the image — the files win
 * if any of them is local (a real name, decoded at the model's size); else
 * the pixels are read, with no network access. */
GtkEventController *kj_image_drop_attach(GtkWidget *widget, KjImageDropFunc func,
                                         gpointer user_data, GDestroyNotify destroy);

/* A new non-premultiplied RGBA pixbuf with the texture's pixels. */
GdkPixbuf *kj_image_drop_texture_to_pixbuf(GdkTexture *texture);

G_END_DECLS
