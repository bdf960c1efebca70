#include "config.h"

#include "kj-image.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kj-error.h"

#define READ_SIZE (64 * 1024)

gboolean
kj_image_check_shape(const KjShape *shape, GError **error)
{
  if ((shape->c != 1 && shape->c != 3) || shape->h < 1 || shape->w < 1 ||
      shape->h > KJ_IMAGE_MAX_SHAPE_SIDE || shape->w > KJ_IMAGE_MAX_SHAPE_SIDE) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("Images can be converted to 1 or 3 channels of 1 to %u pixels a side, not %u "
                  "channels of %u×%u"),
                KJ_IMAGE_MAX_SHAPE_SIDE, shape->c, shape->w, shape->h);
    return FALSE;
  }
  return TRUE;
}

typedef struct {
  const KjShape *shape;
  int width, height; /* as the file declares */
  gboolean refused;
} Decode;

/* Runs once the header is read, before any pixel is decoded. */
static void
on_size_prepared(GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  Decode *decode = user_data;
  const int target = (int)MAX(decode->shape->w, decode->shape->h);
  const int short_side = MIN(width, height);

  decode->width = width;
  decode->height = height;
  if (width < 1 || height < 1 || width > KJ_IMAGE_MAX_SIDE || height > KJ_IMAGE_MAX_SIDE ||
      (gint64)width * height > KJ_IMAGE_MAX_PIXELS) {
    decode->refused = TRUE;
    /* Zero tells the loader to stop, as gdk_pixbuf_get_file_info() does. */
    gdk_pixbuf_loader_set_size(loader, 0, 0);
    return;
  }
  /* Decode no larger than the crop needs; JPEG scales while decoding. */
  if (short_side > target) {
    double s = (double)target / short_side;

    gdk_pixbuf_loader_set_size(loader, MAX(target, (int)ceil(width * s)),
                               MAX(target, (int)ceil(height * s)));
  }
}

/* Feeds the file to the loader until the end, an error or a refusal. */
static gboolean
feed(GdkPixbufLoader *loader, GInputStream *input, const Decode *decode, guint8 *buffer,
     GCancellable *cancellable, GError **read_error, GError **decode_error)
{
  for (;;) {
    gssize got = g_input_stream_read(input, buffer, READ_SIZE, cancellable, read_error);

    if (got < 0)
      return FALSE;
    if (got == 0)
      return TRUE;
    if (!gdk_pixbuf_loader_write(loader, buffer, (gsize)got, decode_error))
      return FALSE;
    if (decode->refused)
      return FALSE;
  }
}

static GdkPixbuf *
decode_file(GFile *file, const char *name, const KjShape *shape, GCancellable *cancellable,
            GError **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GError) decode_error = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree guint8 *buffer = NULL;
  Decode decode = { shape, 0, 0, FALSE };
  GdkPixbuf *pixbuf;
  gboolean fed;

  input = g_file_read(file, cancellable, &read_error);
  if (input == NULL) {
    if (g_error_matches(read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_propagate_error(error, g_steal_pointer(&read_error));
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be opened: %s"), name,
                  read_error->message);
    return NULL;
  }

  loader = gdk_pixbuf_loader_new();
  g_signal_connect(loader, "size-prepared", G_CALLBACK(on_size_prepared), &decode);
  buffer = g_malloc(READ_SIZE);
  fed =
      feed(loader, G_INPUT_STREAM(input), &decode, buffer, cancellable, &read_error, &decode_error);
  /* A loader must always be closed; small files are only decoded here. */
  if (!gdk_pixbuf_loader_close(loader, fed ? &decode_error : NULL))
    fed = FALSE;

  if (decode.refused) {
    g_autofree char *megapixels = g_strdup_printf("%d", KJ_IMAGE_MAX_PIXELS / 1000000);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("“%s” is %d×%d pixels; images larger than %d×%d or %s megapixels are refused"),
                name, decode.width, decode.height, KJ_IMAGE_MAX_SIDE, KJ_IMAGE_MAX_SIDE,
                megapixels);
    return NULL;
  }
  if (read_error != NULL) {
    if (g_error_matches(read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_propagate_error(error, g_steal_pointer(&read_error));
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be read: %s"), name,
                  read_error->message);
    return NULL;
  }
  pixbuf = fed ? gdk_pixbuf_loader_get_pixbuf(loader) : NULL;
  if (pixbuf == NULL) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s” is not an image Kuajie can read: %s"),
                name, decode_error != NULL ? decode_error->message : _("no image in the file"));
    return NULL;
  }
  /* Camera JPEGs store their rotation as a tag. */
  return gdk_pixbuf_apply_embedded_orientation(pixbuf);
}

gboolean
kj_image_load(GFile *file, const char *name, const KjShape *shape, guint8 *pixels,
              GCancellable *cancellable, GError **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (!kj_image_check_shape(shape, error))
    return FALSE;
  if (name == NULL) {
    basename = g_file_get_basename(file);
    display = g_filename_display_name(basename);
    name = display;
  }
  pixbuf = decode_file(file, name, shape, cancellable, error);
  if (pixbuf == NULL)
    return FALSE;
  kj_image_from_pixbuf(pixbuf, shape, pixels);
  return TRUE;
}

static inline guint8
on_white(guint v, guint alpha)
{
  return (guint8)((v * alpha + 255 * (255 - alpha) + 127) / 255);
}

void
kj_image_from_pixbuf(GdkPixbuf *pixbuf, const KjShape *shape, guint8 *pixels)
{
  const int w = (int)shape->w, h = (int)shape->h;
  const int pw = gdk_pixbuf_get_width(pixbuf), ph = gdk_pixbuf_get_height(pixbuf);
  const gsize plane = (gsize)w * h;
  g_autoptr(GdkPixbuf) fitted = NULL;
  const guint8 *data;
  int stride, channels;

  g_return_if_fail(shape->c == 1 || shape->c == 3);
  g_return_if_fail(gdk_pixbuf_get_bits_per_sample(pixbuf) == 8);

  if (pw == w && ph == h) {
    fitted = g_object_ref(pixbuf);
  } else {
    /* Scale so the image covers w×h, then keep the centre. */
    double scale = MAX((double)w / pw, (double)h / ph);

    fitted = gdk_pixbuf_new(GDK_COLORSPACE_RGB, gdk_pixbuf_get_has_alpha(pixbuf), 8, w, h);
    gdk_pixbuf_scale(pixbuf, fitted, 0, 0, w, h, (w - pw * scale) / 2, (h - ph * scale) / 2, scale,
                     scale, GDK_INTERP_BILINEAR);
  }

  data = gdk_pixbuf_read_pixels(fitted);
  stride = gdk_pixbuf_get_rowstride(fitted);
  channels = gdk_pixbuf_get_n_channels(fitted);
  for (int y = 0; y < h; y++) {
    const guint8 *row = data + (gsize)y * stride;

    for (int x = 0; x < w; x++) {
      const guint8 *p = row + (gsize)x * channels;
      const guint alpha = channels == 4 ? p[3] : 255;
      const guint8 r = on_white(p[0], alpha), g = on_white(p[1], alpha), b = on_white(p[2], alpha);
      const gsize at = (gsize)y * w + x;

      if (shape->c == 1) {
        pixels[at] = (guint8)((299 * r + 587 * g + 114 * b + 500) / 1000);
      } else {
        pixels[at] = r;
        pixels[plane + at] = g;
        pixels[2 * plane + at] = b;
      }
    }
  }
}
