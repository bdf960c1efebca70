/* Widget tests, run under Xvfb: the CNN Lab's image input — parsing dropped
 * files, URIs and textures, and the draw-to-classify canvas. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kj-draw-canvas.h"
#include "kj-image-drop.h"
#include "kj-image.h"
#include "kj-test-window-util.h"

/* ---- fixtures ---- */

typedef struct {
  char *dir;
  GFile *good;    /* a real PNG, with a space in its name */
  GFile *corrupt; /* a PNG signature, then garbage */
  GFile *text;
  GFile *missing;
  GFile *folder;
} Files;

static void
write_file(GFile *file, const void *data, gsize size)
{
  g_autoptr(GError) error = NULL;

  g_assert_true(g_file_replace_contents(file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                        NULL, &error));
  g_assert_no_error(error);
}

static void
files_set_up(Files *files, gconstpointer data)
{
  static const guint8 corrupt[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'n', 'o', 't', ' ',
    'a',  ' ', 'P', 'N', 'G',  ' ',  'a',  't',  ' ', 'a', 'l', 'l'
  };
  const char *text = "Notes, not an image.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 8, 8);
  g_autofree char *good = NULL;

  files->dir = g_dir_make_tmp("kj-image-input-XXXXXX", &error);
  g_assert_no_error(error);
  good = g_build_filename(files->dir, "shirt one.png", NULL);
  gdk_pixbuf_fill(pixbuf, 0xc0c0c0ff);
  g_assert_true(gdk_pixbuf_save(pixbuf, good, "png", &error, NULL));
  g_assert_no_error(error);
  files->good = g_file_new_for_path(good);

  files->corrupt = g_file_new_build_filename(files->dir, "corrupt.png", NULL);
  write_file(files->corrupt, corrupt, sizeof corrupt);
  files->text = g_file_new_build_filename(files->dir, "notes.txt", NULL);
  write_file(files->text, text, strlen(text));
  files->missing = g_file_new_build_filename(files->dir, "gone.png", NULL);
  files->folder = g_file_new_build_filename(files->dir, "photos", NULL);
  g_assert_true(g_file_make_directory(files->folder, NULL, &error));
  g_assert_no_error(error);
}

static void
files_tear_down(Files *files, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true(g_file_delete(files->good, NULL, &error));
  g_assert_true(g_file_delete(files->corrupt, NULL, &error));
  g_assert_true(g_file_delete(files->text, NULL, &error));
  g_assert_true(g_file_delete(files->folder, NULL, &error));
  g_assert_no_error(error);
  g_assert_cmpint(g_rmdir(files->dir), ==, 0);
  g_clear_object(&files->good);
  g_clear_object(&files->corrupt);
  g_clear_object(&files->text);
  g_clear_object(&files->missing);
  g_clear_object(&files->folder);
  g_free(files->dir);
}

static KjImageDropItem *
item_at(KjImageDrop *drop, guint i)
{
  g_assert_cmpuint(i, <, drop->items->len);
  return g_ptr_array_index(drop->items, i);
}

static KjImageDropSkip *
skip_at(KjImageDrop *drop, guint i)
{
  g_assert_cmpuint(i, <, drop->skipped->len);
  return g_ptr_array_index(drop->skipped, i);
}

static void
assert_file_item(KjImageDropItem *item, GFile *file, const char *name)
{
  g_assert_nonnull(item->file);
  g_assert_true(g_file_equal(item->file, file));
  g_assert_null(item->pixbuf);
  g_assert_cmpstr(item->name, ==, name);
  g_assert_cmpstr(item->content_type, ==, "image/png");
}

static void
assert_skip(KjImageDropSkip *skip, KjImageDropSkipReason reason, GFile *file, const char *name)
{
  g_assert_cmpint(skip->reason, ==, reason);
  if (file != NULL)
    g_assert_true(skip->file != NULL && g_file_equal(skip->file, file));
  g_assert_cmpstr(skip->name, ==, name);
  /* The message names the entry, in typographic quotes. */
  g_assert_nonnull(strstr(skip->message, name));
  g_assert_nonnull(strstr(skip->message, "“"));
  g_test_message("skipped: %s", skip->message);
}

static void
value_init_file_list(GValue *value, Files *files)
{
  GFile *list[] = { files->good, files->corrupt, files->text, files->missing, files->folder };

  g_value_init(value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed(value, gdk_file_list_new_from_array(list, G_N_ELEMENTS(list)));
}

/* The corrupt PNG is an item: the parser only sniffs the first bytes, and
 * the engine reports the failed decode later. */
static void
assert_file_list_drop(KjImageDrop *drop, Files *files)
{
  g_assert_cmpuint(drop->items->len, ==, 2);
  assert_file_item(item_at(drop, 0), files->good, "shirt one.png");
  assert_file_item(item_at(drop, 1), files->corrupt, "corrupt.png");

  g_assert_cmpuint(drop->skipped->len, ==, 3);
  assert_skip(skip_at(drop, 0), KJ_IMAGE_DROP_SKIP_NOT_IMAGE, files->text, "notes.txt");
  g_assert_nonnull(strstr(skip_at(drop, 0)->message, "not an image"));
  assert_skip(skip_at(drop, 1), KJ_IMAGE_DROP_SKIP_MISSING, files->missing, "gone.png");
  assert_skip(skip_at(drop, 2), KJ_IMAGE_DROP_SKIP_FOLDER, files->folder, "photos");
}

static void
test_drop_file_list(Files *files, gconstpointer data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(KjImageDrop) drop = NULL;

  value_init_file_list(&value, files);
  drop = kj_image_drop_parse(&value, NULL);
  g_assert_nonnull(drop);
  assert_file_list_drop(drop, files);
}

static void
on_parsed(GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref(result);
}

static KjImageDrop *
parse_async(const GValue *value, GCancellable *cancellable, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kj_image_drop_parse_async(value, cancellable, on_parsed, &result);
  while (result == NULL)
    g_main_context_iteration(NULL, TRUE);
  return kj_image_drop_parse_finish(result, error);
}

/* The same answer, in the same order, with the queries run in parallel. */
static void
test_drop_file_list_async(Files *files, gconstpointer data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjImageDrop) drop = NULL;

  value_init_file_list(&value, files);
  drop = parse_async(&value, NULL, &error);
  g_assert_no_error(error);
  g_assert_nonnull(drop);
  assert_file_list_drop(drop, files);
}

static void
test_drop_cancelled(Files *files, gconstpointer data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GCancellable) cancellable = g_cancellable_new();
  g_autoptr(GError) error = NULL;
  g_autoptr(KjImageDrop) drop = NULL;

  value_init_file_list(&value, files);
  g_cancellable_cancel(cancellable);
  drop = parse_async(&value, cancellable, &error);
  g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null(drop);
  g_assert_null(kj_image_drop_parse(&value, cancellable));
}

static void
test_drop_file(Files *files, gconstpointer data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(KjImageDrop) drop = NULL;

  g_value_init(&value, G_TYPE_FILE);
  g_value_set_object(&value, files->good);
  drop = kj_image_drop_parse(&value, NULL);
  g_assert_cmpuint(drop->items->len, ==, 1);
  g_assert_cmpuint(drop->skipped->len, ==, 0);
  assert_file_item(item_at(drop, 0), files->good, "shirt one.png");
}

static gboolean
pixbuf_reads(const char *mime_type)
{
  GSList *formats = gdk_pixbuf_get_formats();
  gboolean found = FALSE;

  for (GSList *l = formats; l != NULL && !found; l = l->next) {
    g_auto(GStrv) types = gdk_pixbuf_format_get_mime_types(l->data);

    found = g_strv_contains((const char *const *)types, mime_type);
  }
  g_slist_free(formats);
  return found;
}

/* An image that no GdkPixbuf loader reads (GIMP's XCF) is skipped as such,
 * not as "not an image". */
static void
test_drop_unsupported_image(Files *files, gconstpointer data)
{
  static const char xcf[] = "gimp xcf v011\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
  g_autoptr(GFile) file = g_file_new_build_filename(files->dir, "layers.xcf", NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(KjImageDrop) drop = NULL;
  g_autoptr(GError) error = NULL;

  if (pixbuf_reads("image/x-xcf")) {
    g_test_skip("a GdkPixbuf loader reads XCF here");
    return;
  }
  write_file(file, xcf, sizeof xcf);
  g_value_init(&value, G_TYPE_FILE);
  g_value_set_object(&value, file);
  drop = kj_image_drop_parse(&value, NULL);
  g_assert_true(g_file_delete(file, NULL, &error));
  g_assert_no_error(error);

  g_assert_cmpuint(drop->items->len, ==, 0);
  g_assert_cmpuint(drop->skipped->len, ==, 1);
  assert_skip(skip_at(drop, 0), KJ_IMAGE_DROP_SKIP_UNSUPPORTED_IMAGE, file, "layers.xcf");
}

/* A text/uri-list as a file manager writes it (CRLF, escaped, a comment),
 * plus a plain path and lines that are not files. */
static void
test_drop_uri_list(Files *files, gconstpointer data)
{
  g_autofree char *good_uri = g_file_get_uri(files->good);
  g_autofree char *text_uri = g_file_get_uri(files->text);
  g_autofree char *good_path = g_file_get_path(files->good);
  g_autofree char *list =
      g_strdup_printf("# dragged from a file manager\r\n%s\r\n%s\r\n%s\r\nNote: hello world\r\n"
                      "https://example.invalid/images/cat.png\r\n",
                      good_uri, text_uri, good_path);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjImageDrop) drop = NULL;
  KjImageDropSkip *web;

  g_assert_nonnull(strstr(good_uri, "%20"));
  g_value_init(&value, G_TYPE_STRING);
  g_value_set_string(&value, list);
  drop = parse_async(&value, NULL, &error);
  g_assert_no_error(error);

  g_assert_cmpuint(drop->items->len, ==, 2);
  assert_file_item(item_at(drop, 0), files->good, "shirt one.png");
  assert_file_item(item_at(drop, 1), files->good, "shirt one.png");

  g_assert_cmpuint(drop->skipped->len, ==, 3);
  assert_skip(skip_at(drop, 0), KJ_IMAGE_DROP_SKIP_NOT_IMAGE, files->text, "notes.txt");
  assert_skip(skip_at(drop, 1), KJ_IMAGE_DROP_SKIP_NOT_A_FILE, NULL, "Note: hello world");
  g_assert_null(skip_at(drop, 1)->file);
  /* No network here: GIO cannot open the address (without GVfs) or cannot
   * reach it (with it). */
  web = skip_at(drop, 2);
  g_assert_nonnull(web->file);
  g_assert_true(web->reason == KJ_IMAGE_DROP_SKIP_UNREADABLE ||
                web->reason == KJ_IMAGE_DROP_SKIP_MISSING);
  g_assert_nonnull(strstr(web->message, "cat.png"));
  g_test_message("skipped: %s", web->message);
}

/* ---- textures ---- */

static GdkTexture *
make_texture(void)
{
  /* Opaque red, half-transparent green, opaque white, transparent. */
  static const guint8 rgba[] = { 255, 0, 0, 255, 0, 200, 0, 128, 255, 255, 255, 255, 0, 0, 0, 0 };
  g_autoptr(GBytes) bytes = g_bytes_new_static(rgba, sizeof rgba);

  return gdk_memory_texture_new(2, 2, GDK_MEMORY_R8G8B8A8, bytes, 8);
}

static void
assert_texture_pixels(GdkPixbuf *pixbuf)
{
  const guint8 *p = gdk_pixbuf_read_pixels(pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride(pixbuf);

  g_assert_cmpint(gdk_pixbuf_get_width(pixbuf), ==, 2);
  g_assert_cmpint(gdk_pixbuf_get_height(pixbuf), ==, 2);
  g_assert_true(gdk_pixbuf_get_has_alpha(pixbuf));
  g_assert_cmpint(gdk_pixbuf_get_n_channels(pixbuf), ==, 4);
  g_assert_cmpmem(p, 4, ((const guint8[]){ 255, 0, 0, 255 }), 4);
  /* Unpremultiplied again: 200 survives a round trip through 128/255. */
  g_assert_cmpint(p[4], ==, 0);
  g_assert_cmpint(ABS(p[5] - 200), <=, 1);
  g_assert_cmpint(p[6], ==, 0);
  g_assert_cmpint(p[7], ==, 128);
  g_assert_cmpmem(p + rowstride, 4, ((const guint8[]){ 255, 255, 255, 255 }), 4);
  g_assert_cmpint(p[rowstride + 7], ==, 0);
}

static void
test_texture_to_pixbuf(void)
{
  g_autoptr(GdkTexture) texture = make_texture();
  g_autoptr(GdkPixbuf) pixbuf = kj_image_drop_texture_to_pixbuf(texture);

  g_assert_nonnull(pixbuf);
  assert_texture_pixels(pixbuf);
}

static void
test_drop_texture(void)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(KjImageDrop) drop = NULL;
  KjImageDropItem *item;

  g_value_init(&value, GDK_TYPE_TEXTURE);
  g_value_take_object(&value, make_texture());
  drop = kj_image_drop_parse(&value, NULL);
  g_assert_cmpuint(drop->items->len, ==, 1);
  g_assert_cmpuint(drop->skipped->len, ==, 0);
  item = item_at(drop, 0);
  g_assert_null(item->file);
  g_assert_null(item->content_type);
  g_assert_cmpstr(item->name, ==, "Dropped image");
  g_assert_nonnull(item->pixbuf);
  assert_texture_pixels(item->pixbuf);
}

/* Over kj_image_load()'s limits: refused before its pixels are copied. */
static void
test_drop_texture_too_large(void)
{
  const int width = KJ_IMAGE_MAX_SIDE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take(g_malloc0((gsize)width * 4), (gsize)width * 4);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(KjImageDrop) drop = NULL;
  g_autofree char *size = g_strdup_printf("%d×1", width);

  g_value_init(&value, GDK_TYPE_TEXTURE);
  g_value_take_object(&value,
                      gdk_memory_texture_new(width, 1, GDK_MEMORY_R8G8B8A8, bytes, width * 4));
  drop = kj_image_drop_parse(&value, NULL);
  g_assert_cmpuint(drop->items->len, ==, 0);
  g_assert_cmpuint(drop->skipped->len, ==, 1);
  assert_skip(skip_at(drop, 0), KJ_IMAGE_DROP_SKIP_TOO_LARGE, NULL, "Dropped image");
  g_assert_null(skip_at(drop, 0)->file);
  g_assert_nonnull(strstr(skip_at(drop, 0)->message, size));
}

static void
on_drop(GtkWidget *widget, KjImageDrop *drop, gpointer user_data)
{
  g_assert_not_reached();
}

/* A drop site takes files, URIs and images, from this process (GTypes) and
 * from others (MIME types), and frees its data with the widget. */
static void
test_drop_attach(void)
{
  GtkWidget *widget = g_object_ref_sink(gtk_label_new("drop here"));
  GtkEventController *controller = kj_image_drop_attach(widget, on_drop, NULL, NULL);
  GdkContentFormats *formats;

  g_assert_true(GTK_IS_DROP_TARGET_ASYNC(controller));
  g_assert_true(gtk_event_controller_get_widget(controller) == widget);
  formats = gtk_drop_target_async_get_formats(GTK_DROP_TARGET_ASYNC(controller));
  g_assert_true(gdk_content_formats_contain_gtype(formats, GDK_TYPE_FILE_LIST));
  g_assert_true(gdk_content_formats_contain_gtype(formats, G_TYPE_FILE));
  g_assert_true(gdk_content_formats_contain_gtype(formats, GDK_TYPE_TEXTURE));
  g_assert_true(gdk_content_formats_contain_gtype(formats, G_TYPE_STRING));
  g_assert_true(gdk_content_formats_contain_mime_type(formats, "text/uri-list"));
  g_assert_true(gdk_content_formats_contain_mime_type(formats, "image/png"));
  g_assert_true(gdk_content_formats_contain_mime_type(formats, "text/plain;charset=utf-8"));
  g_assert_false(gtk_widget_has_css_class(widget, "kj-drop-hover"));
  g_assert_finalize_object(widget);
}

static void
set_true(gpointer data)
{
  *(gboolean *)data = TRUE;
}

static void
test_drop_attach_destroy(void)
{
  GtkWidget *widget = g_object_ref_sink(gtk_label_new("drop here"));
  gboolean freed = FALSE;

  kj_image_drop_attach(widget, on_drop, &freed, set_true);
  g_assert_false(freed);
  g_assert_finalize_object(widget);
  g_assert_true(freed);
}

/* ---- the canvas ---- */

static guint8
gray_at(GdkPixbuf *pixbuf, int x, int y)
{
  const guint8 *p = gdk_pixbuf_read_pixels(pixbuf) + y * gdk_pixbuf_get_rowstride(pixbuf) + x * 3;

  /* Gray: the channels agree. */
  g_assert_cmpint(p[0], ==, p[1]);
  g_assert_cmpint(p[1], ==, p[2]);
  return p[0];
}

static guint
count_lit(GdkPixbuf *pixbuf)
{
  int size = gdk_pixbuf_get_width(pixbuf);
  guint n = 0;

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      n += gray_at(pixbuf, x, y) > 127;
  return n;
}

static void
assert_all_black(KjDrawCanvas *canvas)
{
  g_autoptr(GdkPixbuf) pixbuf = kj_draw_canvas_get_pixbuf(canvas, 28);

  for (int y = 0; y < 28; y++)
    for (int x = 0; x < 28; x++)
      g_assert_cmpint(gray_at(pixbuf, x, y), ==, 0);
}

static KjDrawCanvas *
new_canvas(void)
{
  return g_object_ref_sink(KJ_DRAW_CANVAS(kj_draw_canvas_new()));
}

static void
draw_line(KjDrawCanvas *canvas, double x0, double y0, double x1, double y1, double p0, double p1)
{
  kj_draw_canvas_begin_stroke(canvas, x0, y0, p0);
  for (int i = 1; i <= 20; i++) {
    double t = i / 20.0;

    kj_draw_canvas_extend_stroke(canvas, x0 + t * (x1 - x0), y0 + t * (y1 - y0),
                                 p0 + t * (p1 - p0));
  }
  kj_draw_canvas_end_stroke(canvas);
}

/* A stroke across the middle: white along row 14 of 28, black away from it,
 * as a Fashion-MNIST image (light object, black background). */
static void
test_canvas_stroke(void)
{
  KjDrawCanvas *canvas = new_canvas();
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_assert_true(kj_draw_canvas_is_empty(canvas));
  g_assert_false(kj_draw_canvas_can_undo(canvas));
  assert_all_black(canvas);

  draw_line(canvas, 0.2, 0.5, 0.8, 0.5, 1.0, 1.0);
  g_assert_false(kj_draw_canvas_is_empty(canvas));
  g_assert_true(kj_draw_canvas_can_undo(canvas));

  pixbuf = kj_draw_canvas_get_pixbuf(canvas, 28);
  g_assert_cmpint(gdk_pixbuf_get_width(pixbuf), ==, 28);
  g_assert_cmpint(gdk_pixbuf_get_height(pixbuf), ==, 28);
  g_assert_cmpint(gdk_pixbuf_get_n_channels(pixbuf), ==, 3);
  g_assert_false(gdk_pixbuf_get_has_alpha(pixbuf));
  /* 0.08 × 28 = 2.24 pixels wide, centred on y = 14: rows 13 and 14. */
  for (int x = 6; x <= 21; x++) {
    g_assert_cmpint(gray_at(pixbuf, x, 13), >=, 250);
    g_assert_cmpint(gray_at(pixbuf, x, 14), >=, 250);
  }
  for (int y = 0; y < 28; y++) {
    for (int x = 0; x < 28; x++) {
      if (y <= 10 || y >= 17 || x <= 3 || x >= 25)
        g_assert_cmpint(gray_at(pixbuf, x, y), ==, 0);
    }
  }

  kj_draw_canvas_undo(canvas);
  g_assert_true(kj_draw_canvas_is_empty(canvas));
  g_assert_false(kj_draw_canvas_can_undo(canvas));
  assert_all_black(canvas);
  g_assert_finalize_object(canvas);
}

/* Clear empties the canvas; undo right after brings the drawing back; a new
 * stroke forgets the clear. */
static void
test_canvas_clear(void)
{
  KjDrawCanvas *canvas = new_canvas();

  draw_line(canvas, 0.2, 0.2, 0.8, 0.8, 1.0, 1.0);
  draw_line(canvas, 0.2, 0.8, 0.8, 0.2, 1.0, 1.0);
  kj_draw_canvas_clear(canvas);
  g_assert_true(kj_draw_canvas_is_empty(canvas));
  g_assert_true(kj_draw_canvas_can_undo(canvas));
  assert_all_black(canvas);

  kj_draw_canvas_undo(canvas);
  g_assert_false(kj_draw_canvas_is_empty(canvas));
  kj_draw_canvas_undo(canvas);
  g_assert_false(kj_draw_canvas_is_empty(canvas));
  kj_draw_canvas_undo(canvas);
  g_assert_true(kj_draw_canvas_is_empty(canvas));
  g_assert_false(kj_draw_canvas_can_undo(canvas));

  draw_line(canvas, 0.2, 0.2, 0.8, 0.8, 1.0, 1.0);
  kj_draw_canvas_clear(canvas);
  draw_line(canvas, 0.5, 0.2, 0.5, 0.8, 1.0, 1.0);
  kj_draw_canvas_undo(canvas);
  g_assert_true(kj_draw_canvas_is_empty(canvas));
  g_assert_false(kj_draw_canvas_can_undo(canvas));

  /* Nothing to do: no change, no signal. */
  kj_draw_canvas_clear(canvas);
  kj_draw_canvas_undo(canvas);
  g_assert_finalize_object(canvas);
}

/* The actions behind the keyboard shortcuts. */
static void
test_canvas_actions(void)
{
  KjDrawCanvas *canvas = new_canvas();
  GtkWidget *widget = GTK_WIDGET(canvas);

  draw_line(canvas, 0.2, 0.5, 0.8, 0.5, 1.0, 1.0);
  g_assert_true(gtk_widget_activate_action(widget, "canvas.clear", NULL));
  g_assert_true(kj_draw_canvas_is_empty(canvas));
  g_assert_true(gtk_widget_activate_action(widget, "canvas.undo", NULL));
  g_assert_false(kj_draw_canvas_is_empty(canvas));
  g_assert_true(gtk_widget_activate_action(widget, "canvas.undo", NULL));
  g_assert_true(kj_draw_canvas_is_empty(canvas));
  g_assert_false(kj_draw_canvas_can_undo(canvas));
  g_assert_finalize_object(canvas);
}

static void
count_signal(gpointer data)
{
  (*(guint *)data)++;
}

static void
iterate_pending(void)
{
  while (g_main_context_iteration(NULL, FALSE))
    ;
}

/* "changed" is coalesced while drawing, immediate at a stroke's end, on
 * clear and on undo; "empty" is notified when it changes. */
static void
test_canvas_signals(void)
{
  KjDrawCanvas *canvas = new_canvas();
  guint changed = 0, empty = 0, can_undo = 0;

  g_signal_connect_swapped(canvas, "changed", G_CALLBACK(count_signal), &changed);
  g_signal_connect_swapped(canvas, "notify::empty", G_CALLBACK(count_signal), &empty);
  g_signal_connect_swapped(canvas, "notify::can-undo", G_CALLBACK(count_signal), &can_undo);

  kj_draw_canvas_begin_stroke(canvas, 0.1, 0.1, 1.0);
  for (int i = 1; i <= 30; i++)
    kj_draw_canvas_extend_stroke(canvas, 0.1 + i * 0.02, 0.1, 1.0);
  g_assert_cmpuint(changed, ==, 0);
  g_assert_cmpuint(empty, ==, 1);
  g_assert_cmpuint(can_undo, ==, 1);
  iterate_pending();
  g_assert_cmpuint(changed, ==, 1);
  kj_draw_canvas_extend_stroke(canvas, 0.9, 0.9, 1.0);
  kj_draw_canvas_end_stroke(canvas);
  g_assert_cmpuint(changed, ==, 2);
  iterate_pending();
  g_assert_cmpuint(changed, ==, 2);
  /* Ended: more points go nowhere. */
  kj_draw_canvas_extend_stroke(canvas, 0.5, 0.5, 1.0);
  kj_draw_canvas_end_stroke(canvas);
  iterate_pending();
  g_assert_cmpuint(changed, ==, 2);

  kj_draw_canvas_clear(canvas);
  g_assert_cmpuint(changed, ==, 3);
  g_assert_cmpuint(empty, ==, 2);
  kj_draw_canvas_undo(canvas);
  g_assert_cmpuint(changed, ==, 4);
  g_assert_cmpuint(empty, ==, 3);
  kj_draw_canvas_undo(canvas);
  g_assert_cmpuint(changed, ==, 5);
  g_assert_cmpuint(can_undo, ==, 2);
  kj_draw_canvas_clear(canvas);
  kj_draw_canvas_undo(canvas);
  g_assert_cmpuint(changed, ==, 5);
  g_assert_finalize_object(canvas);
}

/* A light pen draws thinner than a firm one; a tap makes a dot; inverted is
 * black on white. */
static void
test_canvas_pressure_and_colours(void)
{
  KjDrawCanvas *canvas = new_canvas();
  g_autoptr(GdkPixbuf) firm = NULL;
  g_autoptr(GdkPixbuf) light = NULL;
  g_autoptr(GdkPixbuf) varying = NULL;
  g_autoptr(GdkPixbuf) dot = NULL;
  g_autoptr(GdkPixbuf) inverted = NULL;
  guint n_firm, n_light, n_varying;

  kj_draw_canvas_set_brush_size(canvas, 0.2);
  draw_line(canvas, 0.2, 0.5, 0.8, 0.5, 1.0, 1.0);
  firm = kj_draw_canvas_get_pixbuf(canvas, 56);
  kj_draw_canvas_clear(canvas);
  draw_line(canvas, 0.2, 0.5, 0.8, 0.5, 0.1, 0.1);
  light = kj_draw_canvas_get_pixbuf(canvas, 56);
  kj_draw_canvas_clear(canvas);
  draw_line(canvas, 0.2, 0.5, 0.8, 0.5, 0.1, 1.0);
  varying = kj_draw_canvas_get_pixbuf(canvas, 56);
  n_firm = count_lit(firm);
  n_light = count_lit(light);
  n_varying = count_lit(varying);
  g_test_message("lit pixels: firm %u, varying %u, light %u", n_firm, n_varying, n_light);
  g_assert_cmpuint(n_light, <, n_varying);
  g_assert_cmpuint(n_varying, <, n_firm);
  /* The varying stroke widens from left to right. */
  g_assert_cmpint(gray_at(varying, 42, 22), >, gray_at(varying, 14, 22));

  kj_draw_canvas_clear(canvas);
  kj_draw_canvas_set_brush_size(canvas, 0.08);
  kj_draw_canvas_begin_stroke(canvas, 0.5, 0.5, 1.0);
  kj_draw_canvas_end_stroke(canvas);
  dot = kj_draw_canvas_get_pixbuf(canvas, 28);
  g_assert_cmpint(gray_at(dot, 14, 14), >, 200);
  g_assert_cmpint(gray_at(dot, 2, 2), ==, 0);

  kj_draw_canvas_set_inverted(canvas, TRUE);
  inverted = kj_draw_canvas_get_pixbuf(canvas, 28);
  g_assert_cmpint(gray_at(inverted, 14, 14), <, 55);
  g_assert_cmpint(gray_at(inverted, 2, 2), ==, 255);
  g_assert_finalize_object(canvas);
}

/* ---- on screen ---- */

static GBytes *
texture_pixels(GdkTexture *texture)
{
  gsize stride = (gsize)gdk_texture_get_width(texture) * 4;
  gsize size = stride * gdk_texture_get_height(texture);
  guint8 *data = g_malloc(size);

  gdk_texture_download(texture, data, stride);
  return g_bytes_new_take(data, size);
}

/* The highlight while a drag hovers, with the app's style sheet.  A drag
 * cannot be synthesised, so the test sets the class drag-enter sets. */
static void
test_drop_hover_style(void)
{
  GtkWindow *window;
  GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new();
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) hover = NULL;
  g_autoptr(GBytes) plain_pixels = NULL;
  g_autoptr(GBytes) hover_pixels = NULL;

  gtk_css_provider_load_from_resource(provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display(gdk_display_get_default(),
                                             GTK_STYLE_PROVIDER(provider),
                                             GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_set_size_request(box, 240, 160);
  gtk_box_append(GTK_BOX(box), gtk_label_new("Drop images here"));
  gtk_widget_set_vexpand(gtk_widget_get_first_child(box), TRUE);
  kj_image_drop_attach(box, on_drop, NULL, NULL);
  window = kj_test_show_in_window(box, -1, -1);
  plain = kj_test_render_texture(box);

  gtk_widget_add_css_class(box, "kj-drop-hover");
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  hover = kj_test_render_texture(box);
  kj_test_save_screenshot(box, "drop-hover.png");
  plain_pixels = texture_pixels(plain);
  hover_pixels = texture_pixels(hover);
  g_assert_false(g_bytes_equal(plain_pixels, hover_pixels));

  gtk_style_context_remove_provider_for_display(gdk_display_get_default(),
                                                GTK_STYLE_PROVIDER(provider));
  kj_test_close_window(window);
}

static void
save_pixbuf(GdkPixbuf *pixbuf, const char *name)
{
  g_autofree char *path = kj_test_screenshot_path(name);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  g_assert_true(gdk_pixbuf_save(pixbuf, path, "png", &error, NULL));
  g_assert_no_error(error);
  g_test_message("screenshot: %s", path);
}

/* A shirt, drawn as a user would, in a real window: the placeholder while
 * empty, then the strokes; "changed" once a frame while drawing. */
static void
test_canvas_on_screen(void)
{
  GtkWindow *window;
  GtkWidget *canvas = kj_draw_canvas_new();
  KjDrawCanvas *self = KJ_DRAW_CANVAS(canvas);
  const double outline[][2] = { { 0.38, 0.18 }, { 0.2, 0.25 },  { 0.1, 0.42 },  { 0.22, 0.48 },
                                { 0.28, 0.4 },  { 0.28, 0.85 }, { 0.72, 0.85 }, { 0.72, 0.4 },
                                { 0.78, 0.48 }, { 0.9, 0.42 },  { 0.8, 0.25 },  { 0.62, 0.18 },
                                { 0.5, 0.26 },  { 0.38, 0.18 } };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) large = NULL;
  guint changed = 0;

  gtk_widget_set_halign(canvas, GTK_ALIGN_CENTER);
  gtk_widget_set_valign(canvas, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request(canvas, 280, 280);
  g_signal_connect_swapped(canvas, "changed", G_CALLBACK(count_signal), &changed);
  window = kj_test_show_in_window(canvas, 320, 320);
  g_assert_cmpint(gtk_widget_get_width(canvas), ==, 280);
  kj_test_save_screenshot(canvas, "draw-canvas-empty.png");

  /* The outline, point by point, in one frame: one "changed". */
  kj_draw_canvas_begin_stroke(self, outline[0][0], outline[0][1], 1.0);
  for (guint i = 1; i < G_N_ELEMENTS(outline); i++)
    for (int j = 1; j <= 8; j++) {
      double t = j / 8.0;

      kj_draw_canvas_extend_stroke(
          self, outline[i - 1][0] + t * (outline[i][0] - outline[i - 1][0]),
          outline[i - 1][1] + t * (outline[i][1] - outline[i - 1][1]), 1.0);
    }
  g_assert_cmpuint(changed, ==, 0);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  g_assert_cmpuint(changed, ==, 1);
  kj_draw_canvas_end_stroke(self);
  g_assert_cmpuint(changed, ==, 2);
  /* A pen's stripe across the chest, widening as it presses. */
  draw_line(self, 0.34, 0.55, 0.66, 0.55, 0.0, 1.0);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  kj_test_save_screenshot(canvas, "draw-canvas.png");

  pixbuf = kj_draw_canvas_get_pixbuf(self, 28);
  large = gdk_pixbuf_scale_simple(pixbuf, 280, 280, GDK_INTERP_NEAREST);
  save_pixbuf(large, "draw-canvas-28.png");
  g_assert_cmpint(gray_at(pixbuf, 14, 23), >, 200); /* the hem */
  g_assert_cmpint(gray_at(pixbuf, 14, 19), ==, 0);  /* inside the shirt */

  /* Focused from the keyboard: a ring in the accent colour. */
  gtk_window_set_focus_visible(window, TRUE);
  gtk_widget_grab_focus(canvas);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  g_assert_true(gtk_widget_has_visible_focus(canvas));
  kj_test_save_screenshot(canvas, "draw-canvas-focus.png");

  kj_test_close_window(window);
}

int
main(int argc, char *argv[])
{
  gtk_test_init(&argc, &argv, NULL);
  adw_init();

  g_test_add("/kj/image-drop/file-list", Files, NULL, files_set_up, test_drop_file_list,
             files_tear_down);
  g_test_add("/kj/image-drop/file-list-async", Files, NULL, files_set_up, test_drop_file_list_async,
             files_tear_down);
  g_test_add("/kj/image-drop/cancelled", Files, NULL, files_set_up, test_drop_cancelled,
             files_tear_down);
  g_test_add("/kj/image-drop/file", Files, NULL, files_set_up, test_drop_file, files_tear_down);
  g_test_add("/kj/image-drop/unsupported-image", Files, NULL, files_set_up,
             test_drop_unsupported_image, files_tear_down);
  g_test_add("/kj/image-drop/uri-list", Files, NULL, files_set_up, test_drop_uri_list,
             files_tear_down);
  g_test_add_func("/kj/image-drop/texture-to-pixbuf", test_texture_to_pixbuf);
  g_test_add_func("/kj/image-drop/texture", test_drop_texture);
  g_test_add_func("/kj/image-drop/texture-too-large", test_drop_texture_too_large);
  g_test_add_func("/kj/image-drop/attach", test_drop_attach);
  g_test_add_func("/kj/image-drop/attach-destroy", test_drop_attach_destroy);
  g_test_add_func("/kj/image-drop/hover-style", test_drop_hover_style);
  g_test_add_func("/kj/draw-canvas/stroke", test_canvas_stroke);
  g_test_add_func("/kj/draw-canvas/clear", test_canvas_clear);
  g_test_add_func("/kj/draw-canvas/actions", test_canvas_actions);
  g_test_add_func("/kj/draw-canvas/signals", test_canvas_signals);
  g_test_add_func("/kj/draw-canvas/pressure-and-colours", test_canvas_pressure_and_colours);
  g_test_add_func("/kj/draw-canvas/on-screen", test_canvas_on_screen);
  return g_test_run();
}
