/* kj-data-source.h — opening a dataset by name or path
 *
 *   "fashion-mnist"  Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist)
 *   "shapes"         drawn by the program with cairo, deterministic per seed
 *   "default"        fashion-mnist when installed, else shapes
 *   a directory      detected by its contents: IDX files (MNIST layout,
 *                    gzipped or not), CIFAR-10 binary batches, or an image
 *                    folder root/<class name>/<image> (ImageFolder), or
 *                    one with root/train/<class name>/ and root/test/…
 *
 * Every error is in the KJ_ERROR domain and names the file or folder, except
 * cancellation through options->cancellable: G_IO_ERROR_CANCELLED. */
#pragma once

#include <gio/gio.h>

#include "kj-dataset.h"

G_BEGIN_DECLS

typedef struct {
  KjDataset *train;
  KjDataset *test; /* NULL when the source has no test split */
  char *name;      /* display name of the source */
  /* NULL-terminated translated messages, NULL when none: files an image
   * folder skipped, or why "default" fell back to shapes. */
  char **warnings;
} KjDataSplits;

typedef struct {
  guint64 seed;       /* for shapes */
  guint shapes_train; /* images shapes draws for training (0: default) */
  guint shapes_test;
  /* Image folders are resized and converted to this; zeros mean 32×32 RGB */
  KjShape image_shape;
  GCancellable *cancellable;
} KjDataOptions;

/* seed 0, default sizes, 32×32 RGB, no cancellable. */
void kj_data_options_init(KjDataOptions *options);
/* options NULL: the defaults.  On failure splits is left cleared. */
gboolean kj_data_open(const char *source, const KjDataOptions *options, KjDataSplits *splits,
                      GError **error);
void kj_data_splits_clear(KjDataSplits *splits);

G_END_DECLS
