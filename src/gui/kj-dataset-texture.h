/* kj-dataset-texture.h — one dataset image as a texture to show
 *
 * Images of 28×28 pixels would be blurred by GTK 4.8's linear scaling, so
 * they are enlarged here by whole factors, nearest neighbour: each pixel a
 * crisp square, as the network sees it. */
#pragma once

#include <gtk/gtk.h>

#include "kj-dataset.h"

G_BEGIN_DECLS

/* Image index of images as RGB, enlarged by a whole factor to at least
 * min_size pixels a side (28 × 28 at 84 becomes 84 × 84).  Gray images (1
 * channel) become gray RGB; of more than 3 channels the first 3 are used. */
GdkTexture *kj_dataset_texture_new(KjDataset *images, guint index, int min_size);

G_END_DECLS
