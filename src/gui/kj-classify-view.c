#include "config.h"

#include "kj-classify-view.h"

#include <glib/gi18n.h>

#include "kj-draw-canvas.h"
#include "kj-image-drop.h"
#include "kj-toast.h"

#define THUMBNAIL_SIZE 64
#define RESULT_TOP_K   3

struct _KjClassifyView {
  AdwBin parent_instance;

  /* template widgets */
  GtkLabel *model_label;
  KjDrawCanvas *canvas;
  GtkBox *drawing_bars;
  GtkListBox *results;

  /* borrowed */
  KjLabEngine *engine;

  /* owned */
  GStrv class_names;
  KjShape shape;
  GHashTable *pending; /* request id → the row waiting for it (the list owns it) */
  guint n_results;
  guint drawing_request;  /* in flight, 0 when none */
  gboolean drawing_dirty; /* changed since that request was made */
  int drawing_label;
};

G_DEFINE_FINAL_TYPE(KjClassifyView, kj_classify_view, ADW_TYPE_BIN)

static const char *
class_name(KjClassifyView *self, guint label)
{
  if (self->class_names != NULL && label < g_strv_length(self->class_names))
    return self->class_names[label];
  return "?";
}

/* Rows of "class ▇▇▇▇▁▁ 93.1 %", best first; the best one bold. */
static void
fill_bars(KjClassifyView *self, GtkBox *box, const KjPrediction *top, guint n)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child(GTK_WIDGET(box))) != NULL)
    gtk_box_remove(box, child);
  for (guint i = 0; i < n; i++) {
    GtkWidget *row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 8);
    GtkWidget *name = gtk_label_new(class_name(self, top[i].label));
    GtkWidget *bar = gtk_level_bar_new_for_interval(0.0, 1.0);
    g_autofree char *percent = g_strdup_printf("%.1f %%", 100.0 * top[i].probability);
    GtkWidget *value = gtk_label_new(percent);

    gtk_label_set_xalign(GTK_LABEL(name), 0.0f);
    gtk_label_set_width_chars(GTK_LABEL(name), 10);
    gtk_label_set_ellipsize(GTK_LABEL(name), PANGO_ELLIPSIZE_END);
    gtk_level_bar_set_value(GTK_LEVEL_BAR(bar), top[i].probability);
    /* No low/high colours: a probability is not a battery. */
    gtk_level_bar_remove_offset_value(GTK_LEVEL_BAR(bar), GTK_LEVEL_BAR_OFFSET_LOW);
    gtk_level_bar_remove_offset_value(GTK_LEVEL_BAR(bar), GTK_LEVEL_BAR_OFFSET_HIGH);
    gtk_level_bar_remove_offset_value(GTK_LEVEL_BAR(bar), GTK_LEVEL_BAR_OFFSET_FULL);
    gtk_widget_set_hexpand(bar, TRUE);
    gtk_widget_set_valign(bar, GTK_ALIGN_CENTER);
    gtk_label_set_width_chars(GTK_LABEL(value), 7);
    gtk_label_set_xalign(GTK_LABEL(value), 1.0f);
    gtk_widget_add_css_class(value, "numeric");
    if (i == 0) {
      gtk_widget_add_css_class(name, "heading");
      gtk_widget_add_css_class(value, "heading");
    } else {
      gtk_widget_add_css_class(name, "dim-label");
      gtk_widget_add_css_class(value, "dim-label");
    }
    gtk_box_append(GTK_BOX(row), name);
    gtk_box_append(GTK_BOX(row), bar);
    gtk_box_append(GTK_BOX(row), value);
    gtk_box_append(box, row);
  }
}

/* Results */

static GtkWidget *
add_result_row(KjClassifyView *self, guint request, const char *name, GdkPixbuf *pixbuf)
{
  GtkWidget *row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
  /* A GtkImage keeps to its pixel size; a picture would grow with the row. */
  GtkWidget *picture = gtk_image_new();
  GtkWidget *column = gtk_box_new(GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new(name);
  GtkWidget *body = gtk_box_new(GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *spinner = gtk_spinner_new();

  gtk_widget_set_margin_top(row, 8);
  gtk_widget_set_margin_bottom(row, 8);
  gtk_widget_set_margin_start(row, 12);
  gtk_widget_set_margin_end(row, 12);
  gtk_image_set_pixel_size(GTK_IMAGE(picture), THUMBNAIL_SIZE);
  gtk_widget_set_valign(picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class(picture, "kj-thumbnail");
  gtk_widget_set_overflow(picture, GTK_OVERFLOW_HIDDEN);
  if (pixbuf != NULL) {
    g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf(pixbuf);
    gtk_image_set_from_paintable(GTK_IMAGE(picture), GDK_PAINTABLE(texture));
  }
  gtk_label_set_xalign(GTK_LABEL(title), 0.0f);
  gtk_label_set_ellipsize(GTK_LABEL(title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text(title, name);
  gtk_widget_add_css_class(title, "heading");
  gtk_widget_set_hexpand(column, TRUE);
  gtk_widget_set_valign(column, GTK_ALIGN_CENTER);
  gtk_spinner_start(GTK_SPINNER(spinner));
  gtk_widget_set_halign(spinner, GTK_ALIGN_START);
  gtk_box_append(GTK_BOX(body), spinner);
  gtk_box_append(GTK_BOX(column), title);
  gtk_box_append(GTK_BOX(column), body);
  gtk_box_append(GTK_BOX(row), picture);
  gtk_box_append(GTK_BOX(row), column);
  g_object_set_data(G_OBJECT(row), "picture", picture);
  g_object_set_data(G_OBJECT(row), "body", body);

  gtk_list_box_prepend(self->results, row);
  g_hash_table_insert(self->pending, GUINT_TO_POINTER(request), row);
  return row;
}

static void
show_row_result(KjClassifyView *self, GtkWidget *row, const KjLabEvent *event)
{
  GtkBox *body = g_object_get_data(G_OBJECT(row), "body");
  GtkImage *picture = g_object_get_data(G_OBJECT(row), "picture");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child(GTK_WIDGET(body))) != NULL)
    gtk_box_remove(body, child);
  if (event->thumbnail != NULL) {
    g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf(event->thumbnail);
    gtk_image_set_from_paintable(picture, GDK_PAINTABLE(texture));
  }
  if (event->kind == KJ_LAB_EVENT_PREDICTION) {
    fill_bars(self, body, event->top, MIN(event->n_top, RESULT_TOP_K));
  } else {
    GtkWidget *error = gtk_label_new(event->error->message);

    gtk_label_set_xalign(GTK_LABEL(error), 0.0f);
    gtk_label_set_wrap(GTK_LABEL(error), TRUE);
    gtk_widget_add_css_class(error, "error");
    gtk_box_append(body, error);
  }
  self->n_results++;
}

static void
classify_pixbuf(KjClassifyView *self, GdkPixbuf *pixbuf, const char *name)
{
  guint request = kj_lab_engine_classify_pixbuf(self->engine, pixbuf, name);
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
  double scale = (double)THUMBNAIL_SIZE * 2 / MAX(w, h);

  if (scale < 1.0)
    thumbnail = gdk_pixbuf_scale_simple(pixbuf, MAX(1, (int)(w * scale)), MAX(1, (int)(h * scale)),
                                        GDK_INTERP_BILINEAR);
  add_result_row(self, request, name, thumbnail != NULL ? thumbnail : pixbuf);
}

void
kj_classify_view_classify_files(KjClassifyView *self, GFile **files, guint n_files)
{
  g_return_if_fail(KJ_IS_CLASSIFY_VIEW(self));
  g_return_if_fail(self->engine != NULL);

  for (guint i = 0; i < n_files; i++) {
    g_autofree char *name = g_file_get_basename(files[i]);
    g_autofree char *display = g_filename_display_name(name != NULL ? name : "?");

    add_result_row(self, kj_lab_engine_classify_file(self->engine, files[i]), display, NULL);
  }
}

static void
images_dropped(GtkWidget *widget, KjImageDrop *drop, gpointer user_data)
{
  KjClassifyView *self = user_data;
  GtkWidget *stack = gtk_widget_get_ancestor(GTK_WIDGET(self), GTK_TYPE_STACK);

  /* One toast however many were skipped: the first reason, and a count. */
  if (drop->skipped->len == 1) {
    KjImageDropSkip *skip = g_ptr_array_index(drop->skipped, 0);
    kj_toast_show(GTK_WIDGET(self), skip->message);
  } else if (drop->skipped->len > 1) {
    KjImageDropSkip *skip = g_ptr_array_index(drop->skipped, 0);
    guint others = drop->skipped->len - 1;
    g_autofree char *message =
        g_strdup_printf(g_dngettext(NULL, "%s, and %u other item was skipped",
                                    "%s, and %u other items were skipped", others),
                        skip->message, others);

    kj_toast_show(GTK_WIDGET(self), message);
  }
  for (guint i = 0; i < drop->items->len; i++) {
    KjImageDropItem *item = g_ptr_array_index(drop->items, i);

    if (item->file != NULL)
      add_result_row(self, kj_lab_engine_classify_file(self->engine, item->file), item->name, NULL);
    else
      classify_pixbuf(self, item->pixbuf, item->name);
  }
  if (drop->items->len > 0 && stack != NULL)
    gtk_stack_set_visible_child(GTK_STACK(stack), GTK_WIDGET(self));
}

void
kj_classify_view_attach_drop(KjClassifyView *self, GtkWidget *widget)
{
  g_return_if_fail(KJ_IS_CLASSIFY_VIEW(self));
  kj_image_drop_attach(widget, images_dropped, self, NULL);
}

static void
images_chosen(GtkNativeDialog *dialog, int response, KjClassifyView *self)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GListModel) files = gtk_file_chooser_get_files(GTK_FILE_CHOOSER(dialog));
    g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func(g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items(files); i++)
      g_ptr_array_add(array, g_list_model_get_item(files, i));
    kj_classify_view_classify_files(self, (GFile **)array->pdata, array->len);
  }
  gtk_native_dialog_destroy(dialog);
  g_object_unref(dialog);
}

static void
open_images_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new();

  gtk_file_filter_set_name(filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats(filter);
  dialog = gtk_file_chooser_native_new(_("Open Images"), GTK_WINDOW(gtk_widget_get_root(widget)),
                                       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple(GTK_FILE_CHOOSER(dialog), TRUE);
  gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(dialog), filter);
  gtk_native_dialog_set_modal(GTK_NATIVE_DIALOG(dialog), TRUE);
  g_signal_connect(dialog, "response", G_CALLBACK(images_chosen), widget);
  gtk_native_dialog_show(GTK_NATIVE_DIALOG(dialog));
}

static void
clear_results_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjClassifyView *self = KJ_CLASSIFY_VIEW(widget);
  GtkListBoxRow *row;

  /* Answers still on their way find no row and are dropped.  Row by row:
   * the placeholder is a child too. */
  g_hash_table_remove_all(self->pending);
  while ((row = gtk_list_box_get_row_at_index(self->results, 0)) != NULL)
    gtk_list_box_remove(self->results, GTK_WIDGET(row));
  self->n_results = 0;
}

/* Drawing: classified as it changes, one request at a time so a fast hand
 * cannot queue work faster than the model answers. */

/* As MNIST was made: the ink's bounding box scaled to fill 20 of 28 pixels
 * and centred, so a small or off-centre drawing looks like the images the
 * model learnt from.  The background is the corner's colour. */
static GdkPixbuf *
frame_drawing(GdkPixbuf *drawing)
{
  const guint8 *pixels = gdk_pixbuf_read_pixels(drawing);
  int width = gdk_pixbuf_get_width(drawing), height = gdk_pixbuf_get_height(drawing);
  int stride = gdk_pixbuf_get_rowstride(drawing), channels = gdk_pixbuf_get_n_channels(drawing);
  int x0 = width, y0 = height, x1 = -1, y1 = -1, side;
  guint8 background = pixels[0];
  GdkPixbuf *framed;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (ABS(pixels[y * stride + x * channels] - background) > 32) {
        x0 = MIN(x0, x), x1 = MAX(x1, x);
        y0 = MIN(y0, y), y1 = MAX(y1, y);
      }
  if (x1 < 0)
    return g_object_ref(drawing);

  side = MAX(x1 - x0 + 1, y1 - y0 + 1) * 28 / 20;
  framed = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, side, side);
  gdk_pixbuf_fill(framed, (guint32)background << 24 | (guint32)background << 16 |
                              (guint32)background << 8 | 0xff);
  gdk_pixbuf_copy_area(drawing, x0, y0, x1 - x0 + 1, y1 - y0 + 1, framed,
                       (side - (x1 - x0 + 1)) / 2, (side - (y1 - y0 + 1)) / 2);
  return framed;
}

static void
clear_drawing_bars(KjClassifyView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child(GTK_WIDGET(self->drawing_bars))) != NULL)
    gtk_box_remove(self->drawing_bars, child);
  self->drawing_label = -1;
}

static void
classify_drawing(KjClassifyView *self)
{
  g_autoptr(GdkPixbuf) drawing = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  guint side = MAX(self->shape.w, self->shape.h);

  if (kj_draw_canvas_is_empty(self->canvas))
    clear_drawing_bars(self);
  if (self->engine == NULL || self->class_names == NULL || kj_draw_canvas_is_empty(self->canvas)) {
    self->drawing_dirty = FALSE;
    return;
  }
  if (self->drawing_request != 0) {
    self->drawing_dirty = TRUE;
    return;
  }
  drawing = kj_draw_canvas_get_pixbuf(self->canvas, MAX(side * 4, 112));
  pixbuf = frame_drawing(drawing);
  self->drawing_request = kj_lab_engine_classify_pixbuf(self->engine, pixbuf, _("Drawing"));
  self->drawing_dirty = FALSE;
}

static void
clear_drawing_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  kj_draw_canvas_clear(KJ_CLASSIFY_VIEW(widget)->canvas);
}

static gboolean
show_drawing_result(KjClassifyView *self, const KjLabEvent *event)
{
  if (event->request != self->drawing_request || self->drawing_request == 0)
    return FALSE;
  self->drawing_request = 0;
  if (event->kind == KJ_LAB_EVENT_PREDICTION && !kj_draw_canvas_is_empty(self->canvas)) {
    fill_bars(self, self->drawing_bars, event->top, event->n_top);
    self->drawing_label = event->n_top > 0 ? (int)event->top[0].label : -1;
  }
  if (self->drawing_dirty)
    classify_drawing(self);
  return TRUE;
}

gboolean
kj_classify_view_show_result(KjClassifyView *self, const KjLabEvent *event)
{
  GtkWidget *row;

  g_return_val_if_fail(KJ_IS_CLASSIFY_VIEW(self), FALSE);
  if (event->kind != KJ_LAB_EVENT_PREDICTION && event->kind != KJ_LAB_EVENT_FAILED)
    return FALSE;
  if (show_drawing_result(self, event))
    return TRUE;
  row = g_hash_table_lookup(self->pending, GUINT_TO_POINTER(event->request));
  if (row == NULL)
    return FALSE;
  show_row_result(self, row, event);
  g_hash_table_remove(self->pending, GUINT_TO_POINTER(event->request));
  return TRUE;
}

void
kj_classify_view_set_engine(KjClassifyView *self, KjLabEngine *engine)
{
  g_return_if_fail(KJ_IS_CLASSIFY_VIEW(self));
  self->engine = engine;
}

void
kj_classify_view_set_model(KjClassifyView *self, GStrv class_names, const KjShape *shape)
{
  g_return_if_fail(KJ_IS_CLASSIFY_VIEW(self));

  g_clear_pointer(&self->class_names, g_strfreev);
  self->class_names = g_strdupv(class_names);
  self->shape = shape != NULL ? *shape : (KjShape){ 0 };
  gtk_label_set_text(self->model_label,
                     class_names != NULL
                         ? _("The current model classifies what you drop, open or draw here.")
                         : _("No model yet: train one or open one, then drop images here."));
  self->drawing_request = 0;
  classify_drawing(self);
}

guint
kj_classify_view_get_n_results(KjClassifyView *self)
{
  g_return_val_if_fail(KJ_IS_CLASSIFY_VIEW(self), 0);
  return self->n_results;
}

int
kj_classify_view_get_drawing_label(KjClassifyView *self)
{
  g_return_val_if_fail(KJ_IS_CLASSIFY_VIEW(self), -1);
  return self->drawing_label;
}

static void
kj_classify_view_dispose(GObject *object)
{
  KjClassifyView *self = KJ_CLASSIFY_VIEW(object);

  self->engine = NULL;
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_CLASSIFY_VIEW);
  g_clear_pointer(&self->pending, g_hash_table_unref);
  g_clear_pointer(&self->class_names, g_strfreev);
  G_OBJECT_CLASS(kj_classify_view_parent_class)->dispose(object);
}

static void
kj_classify_view_class_init(KjClassifyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_classify_view_dispose;

  g_type_ensure(KJ_TYPE_DRAW_CANVAS);
  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-classify-view.ui");
  gtk_widget_class_bind_template_child(widget_class, KjClassifyView, model_label);
  gtk_widget_class_bind_template_child(widget_class, KjClassifyView, canvas);
  gtk_widget_class_bind_template_child(widget_class, KjClassifyView, drawing_bars);
  gtk_widget_class_bind_template_child(widget_class, KjClassifyView, results);

  gtk_widget_class_install_action(widget_class, "classify.open-images", NULL,
                                  open_images_activated);
  gtk_widget_class_install_action(widget_class, "classify.clear-results", NULL,
                                  clear_results_activated);
  gtk_widget_class_install_action(widget_class, "classify.clear-drawing", NULL,
                                  clear_drawing_activated);
}

static void
kj_classify_view_init(KjClassifyView *self)
{
  gtk_widget_init_template(GTK_WIDGET(self));
  self->pending = g_hash_table_new(NULL, NULL);
  self->drawing_label = -1;
  g_signal_connect_swapped(self->canvas, "changed", G_CALLBACK(classify_drawing), self);
  kj_classify_view_set_model(self, NULL, NULL);
}
