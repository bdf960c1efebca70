/* kj-shapes.h — the built-in dataset, drawn with cairo
 *
 * 32×32 RGB images of filled shapes of random size, position, rotation and
 * colour on a random plain or graded background, with random noise.  The
 * same seed gives the same bytes: image i is drawn from its own KjRng seeded
 * from (seed, stream, i), and its class is i mod KJ_SHAPES_N_CLASSES, so the
 * classes are balanced. */
#pragma once

#include <gio/gio.h>

#include "kj-class-names.h"
#include "kj-dataset.h"

G_BEGIN_DECLS

#define KJ_SHAPES_N_CLASSES     8
#define KJ_SHAPES_SIZE          32
#define KJ_SHAPES_DEFAULT_TRAIN 20000
#define KJ_SHAPES_DEFAULT_TEST  4000

/* circle, square, triangle, star, cross, ring, heart, arrow */
extern const KjClassName kj_shapes_classes[KJ_SHAPES_N_CLASSES];

/* n images; stream picks an independent sequence for the same seed
 * (kj_data_open draws training images from stream 0, test images from 1). */
KjDataset *kj_shapes_generate(guint n, guint64 seed, guint stream, GCancellable *cancellable,
                              GError **error);

G_END_DECLS
