/* kj-idx.h — IDX files, the MNIST layout, gzipped or not
 *
 * A big-endian header, magic 00 00 08 D (08: unsigned bytes, D dimensions),
 * then D 32-bit sizes, then the bytes: images have magic 0x00000803 (count,
 * rows, columns), labels 0x00000801 (count). */
#pragma once

#include <gio/gio.h>

#include "kj-dataset.h"

G_BEGIN_DECLS

#define KJ_IDX_MAX_SIDE 4096

/* Loads an image file and its label file into a 1-channel dataset.
 * n_classes 0 takes the largest label + 1; otherwise every label must be
 * below n_classes.  Everything the headers declare is checked before the
 * images are allocated. */
KjDataset *kj_idx_load(GFile *images, GFile *labels, guint n_classes, GCancellable *cancellable,
                       GError **error);

/* The file of an MNIST-style split in dir: prefix-images-idx3-ubyte or
 * prefix-labels-idx1-ubyte (prefix "train" or "t10k"), also with '.' before
 * "idx", plain or with ".gz"; NULL when there is none. */
GFile *kj_idx_find(GFile *dir, const char *prefix, gboolean labels);

/* Loads train-* from dir, and t10k-* into test when present (else NULL).
 * n_classes as for kj_idx_load(); the test labels must be below the number
 * of classes the training set has. */
gboolean kj_idx_load_dir(GFile *dir, guint n_classes, KjDataset **train, KjDataset **test,
                         GCancellable *cancellable, GError **error);

G_END_DECLS
