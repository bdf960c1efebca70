#include "config.h"

#include "kj-fashion-mnist.h"

#include <glib/gi18n-lib.h>

#include "kj-idx.h"

const KjClassName kj_fashion_mnist_classes[KJ_FASHION_MNIST_N_CLASSES] = {
  { "T-shirt/top", "clothing", NC_("clothing", "T-shirt/top") },
  { "Trouser", "clothing", NC_("clothing", "Trouser") },
  { "Pullover", "clothing", NC_("clothing", "Pullover") },
  { "Dress", "clothing", NC_("clothing", "Dress") },
  { "Coat", "clothing", NC_("clothing", "Coat") },
  { "Sandal", "clothing", NC_("clothing", "Sandal") },
  { "Shirt", "clothing", NC_("clothing", "Shirt") },
  { "Sneaker", "clothing", NC_("clothing", "Sneaker") },
  { "Bag", "clothing", NC_("clothing", "Bag") },
  { "Ankle boot", "clothing", NC_("clothing", "Ankle boot") },
};

static GFile *
default_dir(GFile *dir)
{
  return dir != NULL ? g_object_ref(dir) : g_file_new_for_path(KJ_FASHION_MNIST_DIR);
}

gboolean
kj_fashion_mnist_available(GFile *dir)
{
  g_autoptr(GFile) root = default_dir(dir);
  g_autoptr(GFile) images = kj_idx_find(root, "train", FALSE);
  g_autoptr(GFile) labels = kj_idx_find(root, "train", TRUE);

  return images != NULL && labels != NULL;
}

gboolean
kj_fashion_mnist_load(GFile *dir, KjDataset **train, KjDataset **test, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr(GFile) root = default_dir(dir);
  KjDataset *splits[2] = { NULL, NULL };

  if (!kj_idx_load_dir(root, KJ_FASHION_MNIST_N_CLASSES, &splits[0], &splits[1], cancellable,
                       error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS(splits); i++)
    if (splits[i] != NULL)
      kj_class_names_apply(splits[i], kj_fashion_mnist_classes, KJ_FASHION_MNIST_N_CLASSES);
  *train = splits[0];
  *test = splits[1];
  return TRUE;
}
