#include "config.h"

#include "kj-dataset-texture.h"

#include <string.h>

GdkTexture *
kj_dataset_texture_new(KjDataset *images, guint index, int min_size)
{
  const KjShape *shape;
  const guint8 *pixels;
  g_autoptr(GBytes) bytes = NULL;
  guint8 *rgb, *row;
  gsize plane, stride;
  guint factor, width, height;

  g_return_val_if_fail(images != NULL && index < kj_dataset_get_n(images), NULL);

  shape = kj_dataset_get_shape(images);
  pixels = kj_dataset_get_pixels(images, index);
  plane = (gsize)shape->h * shape->w;
  factor =
      MAX(1u, (guint)((MAX(min_size, 1) + MAX(shape->w, shape->h) - 1) / MAX(shape->w, shape->h)));
  width = shape->w * factor;
  height = shape->h * factor;
  stride = (gsize)width * 3;
  rgb = g_malloc((gsize)height * stride);

  /* C×H×W planes to interleaved RGB, one source row at a time, then the
   * enlarged row repeated factor times. */
  for (guint y = 0; y < shape->h; y++) {
    row = rgb + (gsize)y * factor * stride;
    for (guint x = 0; x < shape->w; x++) {
      gsize at = (gsize)y * shape->w + x;
      guint8 r = pixels[at];
      guint8 g = shape->c >= 3 ? pixels[plane + at] : r;
      guint8 b = shape->c >= 3 ? pixels[2 * plane + at] : r;

      for (guint f = 0; f < factor; f++) {
        guint8 *out = row + ((gsize)x * factor + f) * 3;

        out[0] = r;
        out[1] = g;
        out[2] = b;
      }
    }
    for (guint f = 1; f < factor; f++)
      memcpy(row + f * stride, row, stride);
  }
  bytes = g_bytes_new_take(rgb, (gsize)height * stride);
  return gdk_memory_texture_new((int)width, (int)height, GDK_MEMORY_R8G8B8, bytes, stride);
}
