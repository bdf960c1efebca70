#include "config.h"

#include "kj-image-drop.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-image.h"

/* A stat and a sniff of the first bytes: never a decode. */
#define QUERY_ATTRIBUTES                                                    \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE \
                                 "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME \
                                 "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ

/* Dropped text can be a whole document; messages quote the start of a line. */
#define QUOTE_MAX_CHARS 48

#define HOVER_CLASS "kj-drop-hover"

/* ---- items and skipped entries ---- */

void
kj_image_drop_item_free(KjImageDropItem *item)
{
  if (item == NULL)
    return;
  g_clear_object(&item->file);
  g_clear_object(&item->pixbuf);
  g_free(item->name);
  g_free(item->content_type);
  g_free(item);
}

void
kj_image_drop_skip_free(KjImageDropSkip *skip)
{
  if (skip == NULL)
    return;
  g_clear_object(&skip->file);
  g_free(skip->name);
  g_free(skip->message);
  g_free(skip);
}

void
kj_image_drop_free(KjImageDrop *drop)
{
  if (drop == NULL)
    return;
  g_ptr_array_unref(drop->items);
  g_ptr_array_unref(drop->skipped);
  g_free(drop);
}

static KjImageDrop *
drop_new(void)
{
  KjImageDrop *drop = g_new0(KjImageDrop, 1);

  drop->items = g_ptr_array_new_with_free_func((GDestroyNotify)kj_image_drop_item_free);
  drop->skipped = g_ptr_array_new_with_free_func((GDestroyNotify)kj_image_drop_skip_free);
  return drop;
}

/* Takes name and message. */
static KjImageDropSkip *
skip_new(KjImageDropSkipReason reason, GFile *file, char *name, char *message)
{
  KjImageDropSkip *skip = g_new0(KjImageDropSkip, 1);

  skip->reason = reason;
  skip->file = file != NULL ? g_object_ref(file) : NULL;
  skip->name = name;
  skip->message = message;
  return skip;
}

/* ---- content types ---- */

/* The MIME types GdkPixbuf has loaders for, which is what kj_image_load()
 * decodes with. */
static const char *const *
readable_mime_types(void)
{
  static GStrv types;

  if (g_once_init_enter(&types)) {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
    GSList *formats = gdk_pixbuf_get_formats();

    for (GSList *l = formats; l != NULL; l = l->next) {
      g_auto(GStrv) mime_types = gdk_pixbuf_format_get_mime_types(l->data);

      if (!gdk_pixbuf_format_is_disabled(l->data))
        g_strv_builder_addv(builder, (const char **)mime_types);
    }
    g_slist_free(formats);
    g_once_init_leave(&types, g_strv_builder_end(builder));
  }
  return (const char *const *)types;
}

static gboolean
is_readable_image(const char *content_type)
{
  for (const char *const *mime = readable_mime_types(); *mime != NULL; mime++)
    if (g_content_type_is_a(content_type, *mime))
      return TRUE;
  return FALSE;
}

static gboolean
is_image(const char *content_type)
{
  g_autofree char *mime = g_content_type_get_mime_type(content_type);

  return mime != NULL && g_str_has_prefix(mime, "image/");
}

/* ---- names ---- */

/* What messages call a file that could not be queried. */
static char *
file_display_name(GFile *file)
{
  g_autofree char *basename = g_file_get_basename(file);

  if (basename == NULL || g_str_equal(basename, "/") || g_str_equal(basename, "."))
    return g_file_get_parse_name(file);
  return g_filename_display_name(basename);
}

static char *
quote_text(const char *line)
{
  g_autofree char *valid = g_utf8_make_valid(line, -1);

  if (g_utf8_strlen(valid, -1) <= QUOTE_MAX_CHARS)
    return g_steal_pointer(&valid);
  g_autofree char *start = g_utf8_substring(valid, 0, QUOTE_MAX_CHARS - 1);
  return g_strconcat(start, "…", NULL);
}

/* ---- entries: what was dropped, in order, decided or still to query ---- */

typedef struct {
  GFile *file; /* to query; NULL when decided without a query */
  KjImageDropItem *item;
  KjImageDropSkip *skip;
} Entry;

static void
entry_clear(gpointer data)
{
  Entry *entry = data;

  g_clear_object(&entry->file);
  g_clear_pointer(&entry->item, kj_image_drop_item_free);
  g_clear_pointer(&entry->skip, kj_image_drop_skip_free);
}

static void
add_file(GArray *entries, GFile *file)
{
  Entry entry = { .file = g_object_ref(file) };

  g_array_append_val(entries, entry);
}

static void
add_skip(GArray *entries, KjImageDropSkip *skip)
{
  Entry entry = { .skip = skip };

  g_array_append_val(entries, entry);
}

static void
add_pixbuf(GArray *entries, GdkPixbuf *pixbuf)
{
  Entry entry = { NULL };

  entry.item = g_new0(KjImageDropItem, 1);
  entry.item->pixbuf = pixbuf;
  entry.item->name = g_strdup(_("Dropped image"));
  g_array_append_val(entries, entry);
}

static void
add_texture(GArray *entries, GdkTexture *texture)
{
  int width = gdk_texture_get_width(texture), height = gdk_texture_get_height(texture);
  GdkPixbuf *pixbuf = NULL;

  /* The limits kj_image_load() applies to files, checked before the copy. */
  if (width <= KJ_IMAGE_MAX_SIDE && height <= KJ_IMAGE_MAX_SIDE &&
      (gint64)width * height <= KJ_IMAGE_MAX_PIXELS)
    pixbuf = kj_image_drop_texture_to_pixbuf(texture);
  if (pixbuf == NULL) {
    const char *name = _("Dropped image");

    add_skip(entries,
             skip_new(KJ_IMAGE_DROP_SKIP_TOO_LARGE, NULL, g_strdup(name),
                      /* Translators: %s is "Dropped image"; %d×%d its size in pixels */
                      g_strdup_printf(_("“%s” is too large (%d×%d pixels)"), name, width, height)));
    return;
  }
  add_pixbuf(entries, pixbuf);
}

/* Lines of a text/uri-list, or of plain text holding URIs or paths. */
static void
add_text(GArray *entries, const char *text)
{
  g_auto(GStrv) lines = g_uri_list_extract_uris(text);

  for (guint i = 0; lines[i] != NULL; i++) {
    const char *line = lines[i];
    const char *scheme = g_uri_peek_scheme(line);
    g_autoptr(GFile) file = NULL;

    /* "file:" URIs from some apps carry raw spaces; any other "word:"
     * followed by a space is prose ("Note: …"), not an address. */
    if (scheme != NULL && (g_str_equal(scheme, "file") || strpbrk(line, " \t") == NULL))
      file = g_file_new_for_uri(line);
    else if (g_path_is_absolute(line))
      file = g_file_new_for_path(line);
    if (file != NULL) {
      add_file(entries, file);
    } else {
      char *name = quote_text(line);

      add_skip(entries, skip_new(KJ_IMAGE_DROP_SKIP_NOT_A_FILE, NULL, name,
                                 /* Translators: %s is a line of dropped text */
                                 g_strdup_printf(_("“%s” is not a file name or address"), name)));
    }
  }
}

static GArray *
entries_from_value(const GValue *value)
{
  GArray *entries = g_array_new(FALSE, TRUE, sizeof(Entry));
  GType type = G_VALUE_TYPE(value);

  g_array_set_clear_func(entries, entry_clear);
  /* GLib sets its MIME directories on the first description; set after a
   * content type was sniffed, they make the next sniff re-read the MIME
   * database and lose the old one (GLib 2.74).  Set them before any sniff. */
  g_content_type_get_mime_dirs();
  if (type == GDK_TYPE_FILE_LIST) {
    GdkFileList *list = g_value_get_boxed(value);
    GSList *files = list != NULL ? gdk_file_list_get_files(list) : NULL;

    for (GSList *l = files; l != NULL; l = l->next)
      add_file(entries, l->data);
    g_slist_free(files);
  } else if (g_type_is_a(type, G_TYPE_FILE)) {
    if (g_value_get_object(value) != NULL)
      add_file(entries, g_value_get_object(value));
  } else if (g_type_is_a(type, G_TYPE_STRING)) {
    if (g_value_get_string(value) != NULL)
      add_text(entries, g_value_get_string(value));
  } else if (g_type_is_a(type, GDK_TYPE_TEXTURE)) {
    if (g_value_get_object(value) != NULL)
      add_texture(entries, g_value_get_object(value));
  } else if (g_type_is_a(type, GDK_TYPE_PIXBUF)) {
    if (g_value_get_object(value) != NULL)
      add_pixbuf(entries, g_object_ref(g_value_get_object(value)));
  } else {
    g_critical("%s: cannot parse a dropped %s", G_STRFUNC, g_type_name(type));
  }
  return entries;
}

/* Turns a queried file into an item or a skipped entry. */
static void
entry_decide(Entry *entry, GFileInfo *info, const GError *error)
{
  GFile *file = entry->file;
  const char *content_type, *display_name;
  char *name;

  if (info == NULL) {
    name = file_display_name(file);
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
      entry->skip = skip_new(KJ_IMAGE_DROP_SKIP_MISSING, file, name,
                             /* Translators: %s is a file name */
                             g_strdup_printf(_("“%s” no longer exists"), name));
    else if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED) &&
             !g_file_is_native(file))
      /* A web address from a browser that offered no image with it, and
       * no GVfs to fetch it. */
      entry->skip = skip_new(
          KJ_IMAGE_DROP_SKIP_UNREADABLE, file, name,
          /* Translators: %s is a file name taken from a web address */
          g_strdup_printf(_("“%s” is on the web or a network; save it as a file first"), name));
    else
      entry->skip = skip_new(KJ_IMAGE_DROP_SKIP_UNREADABLE, file, name,
                             /* Translators: %s is a file name; the second %s, why */
                             g_strdup_printf(_("“%s” cannot be read: %s"), name, error->message));
    g_clear_object(&entry->file);
    return;
  }

  display_name = g_file_info_get_attribute_string(info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME);
  name = display_name != NULL ? g_strdup(display_name) : file_display_name(file);
  content_type = g_file_info_get_attribute_string(info, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE);
  if (content_type == NULL)
    content_type = "application/octet-stream";

  if (g_file_info_get_file_type(info) == G_FILE_TYPE_DIRECTORY) {
    entry->skip = skip_new(KJ_IMAGE_DROP_SKIP_FOLDER, file, name,
                           /* Translators: %s is a folder's name */
                           g_strdup_printf(_("“%s” is a folder"), name));
  } else if (g_file_info_has_attribute(info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
             !g_file_info_get_attribute_boolean(info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ)) {
    /* The sniff fell back on the name; the decode would fail anyway. */
    entry->skip = skip_new(KJ_IMAGE_DROP_SKIP_UNREADABLE, file, name,
                           /* Translators: %s is a file name */
                           g_strdup_printf(_("“%s” cannot be read (no permission)"), name));
  } else if (is_readable_image(content_type)) {
    entry->item = g_new0(KjImageDropItem, 1);
    entry->item->file = g_object_ref(file);
    entry->item->name = name;
    entry->item->content_type = g_strdup(content_type);
  } else {
    g_autofree char *description = g_content_type_get_description(content_type);

    if (is_image(content_type))
      entry->skip =
          skip_new(KJ_IMAGE_DROP_SKIP_UNSUPPORTED_IMAGE, file, name,
                   /* Translators: a file name, then its kind, e.g. "XCF image" */
                   g_strdup_printf(_("“%s” is an image in a format that cannot be read (%s)"), name,
                                   description));
    else
      entry->skip =
          skip_new(KJ_IMAGE_DROP_SKIP_NOT_IMAGE, file, name,
                   /* Translators: a file name, then its kind, e.g. "plain text document" */
                   g_strdup_printf(_("“%s” is not an image (%s)"), name, description));
  }
  g_clear_object(&entry->file);
}

static KjImageDrop *
drop_from_entries(GArray *entries)
{
  KjImageDrop *drop = drop_new();

  for (guint i = 0; i < entries->len; i++) {
    Entry *entry = &g_array_index(entries, Entry, i);

    if (entry->item != NULL)
      g_ptr_array_add(drop->items, g_steal_pointer(&entry->item));
    else if (entry->skip != NULL)
      g_ptr_array_add(drop->skipped, g_steal_pointer(&entry->skip));
  }
  return drop;
}

/* ---- parsing ---- */

KjImageDrop *
kj_image_drop_parse(const GValue *value, GCancellable *cancellable)
{
  g_autoptr(GArray) entries = NULL;

  g_return_val_if_fail(G_IS_VALUE(value), NULL);

  entries = entries_from_value(value);
  for (guint i = 0; i < entries->len; i++) {
    Entry *entry = &g_array_index(entries, Entry, i);
    g_autoptr(GFileInfo) info = NULL;
    g_autoptr(GError) error = NULL;

    if (entry->file == NULL)
      continue;
    info = g_file_query_info(entry->file, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable,
                             &error);
    if (g_cancellable_is_cancelled(cancellable))
      return NULL;
    entry_decide(entry, info, error);
  }
  return drop_from_entries(entries);
}

typedef struct {
  GArray *entries;
  guint pending; /* queries still running, plus one while they are started */
} Parse;

typedef struct {
  GTask *task;
  guint index;
} Query;

static void
parse_free(gpointer data)
{
  Parse *parse = data;

  g_array_unref(parse->entries);
  g_free(parse);
}

static void
parse_settle_one(GTask *task)
{
  Parse *parse = g_task_get_task_data(task);

  if (--parse->pending > 0)
    return;
  if (g_task_return_error_if_cancelled(task))
    return;
  g_task_return_pointer(task, drop_from_entries(parse->entries),
                        (GDestroyNotify)kj_image_drop_free);
}

static void
on_query_info(GObject *source, GAsyncResult *result, gpointer user_data)
{
  Query *query = user_data;
  Parse *parse = g_task_get_task_data(query->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish(G_FILE(source), result, &error);

  if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    entry_decide(&g_array_index(parse->entries, Entry, query->index), info, error);
  parse_settle_one(query->task);
  g_object_unref(query->task);
  g_free(query);
}

void
kj_image_drop_parse_async(const GValue *value, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  Parse *parse;

  g_return_if_fail(G_IS_VALUE(value));

  task = g_task_new(NULL, cancellable, callback, user_data);
  g_task_set_source_tag(task, kj_image_drop_parse_async);
  parse = g_new0(Parse, 1);
  parse->entries = entries_from_value(value);
  parse->pending = 1;
  g_task_set_task_data(task, parse, parse_free);

  /* All at once: GIO's thread pool bounds how many run together. */
  for (guint i = 0; i < parse->entries->len; i++) {
    GFile *file = g_array_index(parse->entries, Entry, i).file;
    Query *query;

    if (file == NULL)
      continue;
    query = g_new0(Query, 1);
    query->task = g_object_ref(task);
    query->index = i;
    parse->pending++;
    g_file_query_info_async(file, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                            cancellable, on_query_info, query);
  }
  parse_settle_one(task);
}

KjImageDrop *
kj_image_drop_parse_finish(GAsyncResult *result, GError **error)
{
  g_return_val_if_fail(g_task_is_valid(result, NULL), NULL);
  g_return_val_if_fail(g_task_get_source_tag(G_TASK(result)) == kj_image_drop_parse_async, NULL);

  return g_task_propagate_pointer(G_TASK(result), error);
}

/* ---- textures ---- */

GdkPixbuf *
kj_image_drop_texture_to_pixbuf(GdkTexture *texture)
{
  int width, height;
  gsize stride;
  g_autofree guint8 *argb = NULL;
  GdkPixbuf *pixbuf;
  guint8 *pixels;
  int rowstride;

  g_return_val_if_fail(GDK_IS_TEXTURE(texture), NULL);

  width = gdk_texture_get_width(texture);
  height = gdk_texture_get_height(texture);
  stride = (gsize)width * 4;
  argb = g_try_malloc_n(height, stride);
  if (argb == NULL)
    return NULL;
  pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  if (pixbuf == NULL)
    return NULL;

  /* Cairo's ARGB32: native-endian words, premultiplied. */
  gdk_texture_download(texture, argb, stride);
  pixels = gdk_pixbuf_get_pixels(pixbuf);
  rowstride = gdk_pixbuf_get_rowstride(pixbuf);
  for (int y = 0; y < height; y++) {
    const guint32 *in = (const guint32 *)(argb + y * stride);
    guint8 *out = pixels + (gsize)y * rowstride;

    for (int x = 0; x < width; x++, out += 4) {
      guint32 p = in[x];
      guint a = p >> 24;

      out[3] = a;
      if (a == 0) {
        out[0] = out[1] = out[2] = 0;
        continue;
      }
      out[0] = MIN(255u, (((p >> 16) & 0xff) * 255 + a / 2) / a);
      out[1] = MIN(255u, (((p >> 8) & 0xff) * 255 + a / 2) / a);
      out[2] = MIN(255u, ((p & 0xff) * 255 + a / 2) / a);
    }
  }
  return pixbuf;
}

/* ---- the drop site ---- */

typedef struct {
  KjImageDropFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} Site;

static void
site_free(gpointer data)
{
  Site *site = data;

  if (site->destroy != NULL)
    site->destroy(site->user_data);
  g_free(site);
}

/* One drop being read and parsed; the widget may go away meanwhile. */
typedef struct {
  GtkEventController *target;
  GWeakRef widget;
  GdkDrop *drop;
  GdkContentFormats *offered; /* the GTypes the drop can be read as */
  gboolean read_texture;
} Reading;

static void
reading_finish(Reading *reading, GdkDragAction action)
{
  gdk_drop_finish(reading->drop, action);
  g_object_unref(reading->target);
  g_weak_ref_clear(&reading->widget);
  g_object_unref(reading->drop);
  gdk_content_formats_unref(reading->offered);
  g_free(reading);
}

static void read_as(Reading *reading, GType type);

static void
on_parsed(GObject *source, GAsyncResult *result, gpointer user_data)
{
  Reading *reading = user_data;
  g_autoptr(KjImageDrop) drop = kj_image_drop_parse_finish(result, NULL);
  g_autoptr(GtkWidget) widget = g_weak_ref_get(&reading->widget);
  Site *site = g_object_get_data(G_OBJECT(reading->target), "kj-image-drop-site");

  if (drop != NULL && widget != NULL && site != NULL &&
      (drop->items->len > 0 || drop->skipped->len > 0))
    site->func(widget, drop, site->user_data);
  reading_finish(reading, GDK_ACTION_COPY);
}

static gboolean
has_local_file(const GValue *value)
{
  if (G_VALUE_HOLDS(value, GDK_TYPE_FILE_LIST)) {
    GdkFileList *list = g_value_get_boxed(value);
    GSList *files = list != NULL ? gdk_file_list_get_files(list) : NULL;
    gboolean local = FALSE;

    for (GSList *l = files; l != NULL && !local; l = l->next)
      local = g_file_is_native(l->data);
    g_slist_free(files);
    return local;
  }
  if (G_VALUE_HOLDS(value, G_TYPE_FILE))
    return g_value_get_object(value) != NULL && g_file_is_native(g_value_get_object(value));
  return TRUE;
}

static void
on_read(GObject *source, GAsyncResult *result, gpointer user_data)
{
  Reading *reading = user_data;
  gboolean can_read_texture = !reading->read_texture &&
                              gdk_content_formats_contain_gtype(reading->offered, GDK_TYPE_TEXTURE);
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_drop_read_value_finish(GDK_DROP(source), result, &error);

  if (value == NULL) {
    g_debug("Could not read a drop: %s", error->message);
    if (can_read_texture)
      read_as(reading, GDK_TYPE_TEXTURE);
    else
      reading_finish(reading, 0);
    return;
  }
  /* A browser's web address, when it offers the image itself too. */
  if (can_read_texture && !has_local_file(value)) {
    read_as(reading, GDK_TYPE_TEXTURE);
    return;
  }
  kj_image_drop_parse_async(value, NULL, on_parsed, reading);
}

static void
read_as(Reading *reading, GType type)
{
  if (type == GDK_TYPE_TEXTURE)
    reading->read_texture = TRUE;
  gdk_drop_read_value_async(reading->drop, type, G_PRIORITY_DEFAULT, NULL, on_read, reading);
}

static gboolean
on_drop(GtkDropTargetAsync *target, GdkDrop *drop, double x, double y, gpointer user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget(GTK_EVENT_CONTROLLER(target));
  /* Files first: they keep their names and decode at the model's size. */
  const GType preferred[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE, G_TYPE_STRING };
  GdkContentFormats *offered = gdk_content_formats_union_deserialize_gtypes(
      gdk_content_formats_ref(gdk_drop_get_formats(drop)));
  Reading *reading;

  gtk_widget_remove_css_class(widget, HOVER_CLASS);
  for (guint i = 0; i < G_N_ELEMENTS(preferred); i++) {
    if (!gdk_content_formats_contain_gtype(offered, preferred[i]))
      continue;
    reading = g_new0(Reading, 1);
    reading->target = g_object_ref(GTK_EVENT_CONTROLLER(target));
    g_weak_ref_init(&reading->widget, widget);
    reading->drop = g_object_ref(drop);
    reading->offered = offered;
    read_as(reading, preferred[i]);
    return TRUE;
  }
  gdk_content_formats_unref(offered);
  return FALSE;
}

static GdkDragAction
on_drag_enter(GtkDropTargetAsync *target, GdkDrop *drop, double x, double y, gpointer user_data)
{
  gtk_widget_add_css_class(gtk_event_controller_get_widget(GTK_EVENT_CONTROLLER(target)),
                           HOVER_CLASS);
  return GDK_ACTION_COPY;
}

static void
on_drag_leave(GtkDropTargetAsync *target, GdkDrop *drop, gpointer user_data)
{
  gtk_widget_remove_css_class(gtk_event_controller_get_widget(GTK_EVENT_CONTROLLER(target)),
                              HOVER_CLASS);
}

GtkEventController *
kj_image_drop_attach(GtkWidget *widget, KjImageDropFunc func, gpointer user_data,
                     GDestroyNotify destroy)
{
  GdkContentFormatsBuilder *builder;
  GdkContentFormats *formats;
  GtkDropTargetAsync *target;
  Site *site;

  g_return_val_if_fail(GTK_IS_WIDGET(widget), NULL);
  g_return_val_if_fail(func != NULL, NULL);

  builder = gdk_content_formats_builder_new();
  gdk_content_formats_builder_add_gtype(builder, GDK_TYPE_FILE_LIST);
  gdk_content_formats_builder_add_gtype(builder, G_TYPE_FILE);
  gdk_content_formats_builder_add_gtype(builder, GDK_TYPE_TEXTURE);
  gdk_content_formats_builder_add_gtype(builder, G_TYPE_STRING);
  /* Other processes offer MIME types, not GTypes: text/uri-list, image/png… */
  formats = gdk_content_formats_union_deserialize_mime_types(
      gdk_content_formats_builder_free_to_formats(builder));
  target = gtk_drop_target_async_new(formats, GDK_ACTION_COPY);

  site = g_new0(Site, 1);
  site->func = func;
  site->user_data = user_data;
  site->destroy = destroy;
  g_object_set_data_full(G_OBJECT(target), "kj-image-drop-site", site, site_free);

  g_signal_connect(target, "drag-enter", G_CALLBACK(on_drag_enter), NULL);
  g_signal_connect(target, "drag-leave", G_CALLBACK(on_drag_leave), NULL);
  g_signal_connect(target, "drop", G_CALLBACK(on_drop), NULL);
  gtk_widget_add_controller(widget, GTK_EVENT_CONTROLLER(target));
  return GTK_EVENT_CONTROLLER(target);
}
