/* kj-fashion-mnist.h — Fashion-MNIST from Debian's dataset-fashion-mnist
 *
 * 60,000 training and 10,000 test images of 28×28 grey clothing, in ten
 * classes, as gzipped IDX files: train-images-idx3-ubyte.gz,
 * train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
 * t10k-labels-idx1-ubyte.gz. */
#pragma once

#include <gio/gio.h>

#include "kj-class-names.h"
#include "kj-dataset.h"

G_BEGIN_DECLS

#define KJ_FASHION_MNIST_DIR       "/usr/share/datasets/fashion-mnist"
#define KJ_FASHION_MNIST_N_CLASSES 10

/* Ids as torchvision spells them: "T-shirt/top", "Trouser", … */
extern const KjClassName kj_fashion_mnist_classes[KJ_FASHION_MNIST_N_CLASSES];

/* Whether dir (NULL: KJ_FASHION_MNIST_DIR) holds the training files. */
gboolean kj_fashion_mnist_available(GFile *dir);
/* Loads dir (NULL: KJ_FASHION_MNIST_DIR) with the class names. */
gboolean kj_fashion_mnist_load(GFile *dir, KjDataset **train, KjDataset **test,
                               GCancellable *cancellable, GError **error);

G_END_DECLS
