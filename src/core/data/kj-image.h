/* kj-image.h — one image file, or a decoded pixbuf, as dataset pixels
 *
 * An image is scaled to cover the shape and cropped at its centre (no
 * letterbox bars: the object fills the frame, as torchvision's Resize +
 * CenterCrop), then converted to RGB (3 channels) or luminance (1 channel,
 * Y = 0.299 R + 0.587 G + 0.114 B), with alpha composited on white. */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "kj-dataset.h"

G_BEGIN_DECLS

/* Images declaring more are refused before they are decoded. */
#define KJ_IMAGE_MAX_SIDE   20000
#define KJ_IMAGE_MAX_PIXELS (100 * 1000 * 1000)
/* The largest side of a shape images are converted to. */
#define KJ_IMAGE_MAX_SHAPE_SIDE 1024

/* Fails unless shape has 1 or 3 channels and sides of 1 to 1024. */
gboolean kj_image_check_shape(const KjShape *shape, GError **error);

/* Decodes file (any format GdkPixbuf reads) into pixels (C×H×W bytes of
 * shape), at no more than the size the shape needs.  name is what messages
 * call the file (NULL: its base name). */
gboolean kj_image_load(GFile *file, const char *name, const KjShape *shape, guint8 *pixels,
                       GCancellable *cancellable, GError **error);

void kj_image_from_pixbuf(GdkPixbuf *pixbuf, const KjShape *shape, guint8 *pixels);

G_END_DECLS
