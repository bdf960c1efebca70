#include "config.h"

#include "kj-class-names.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kj-cifar.h"
#include "kj-fashion-mnist.h"
#include "kj-shapes.h"

static const char *
translate(const KjClassName *class)
{
  return g_dpgettext2(GETTEXT_PACKAGE, class->context, class->name);
}

static const KjClassName *
find_in(const KjClassName *classes, guint n, const char *id)
{
  for (guint i = 0; i < n; i++)
    if (strcmp(classes[i].id, id) == 0)
      return &classes[i];
  return NULL;
}

const char *
kj_class_name_translate(const char *id)
{
  const KjClassName *found;

  g_return_val_if_fail(id != NULL, NULL);

  found = find_in(kj_fashion_mnist_classes, KJ_FASHION_MNIST_N_CLASSES, id);
  if (found == NULL)
    found = find_in(kj_cifar_classes, KJ_CIFAR_N_CLASSES, id);
  if (found == NULL)
    found = find_in(kj_shapes_classes, KJ_SHAPES_N_CLASSES, id);
  return found != NULL ? translate(found) : id;
}

void
kj_class_names_apply(KjDataset *ds, const KjClassName *classes, guint n)
{
  g_return_if_fail(n <= kj_dataset_get_n_classes(ds));

  for (guint i = 0; i < n; i++) {
    kj_dataset_set_class_id(ds, i, classes[i].id);
    kj_dataset_set_class_name(ds, i, translate(&classes[i]));
  }
}
