/* kj-class-names.h — the classes of the datasets Kuajie knows
 *
 * Ids stay untranslated and are spelled as other tools spell them
 * (torchvision's "T-shirt/top"), since model files store them; display
 * names are marked for translation, with a context. */
#pragma once

#include "kj-dataset.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;
  const char *context; /* msgctxt of name */
  const char *name;    /* English display name, marked with NC_() */
} KjClassName;

/* The translated display name of a class id of Fashion-MNIST, CIFAR-10 or
 * shapes; any other id is returned as it is.  For the class ids a model
 * file holds. */
const char *kj_class_name_translate(const char *id);

/* Sets ids and translated display names of the first n classes of ds. */
void kj_class_names_apply(KjDataset *ds, const KjClassName *classes, guint n);

G_END_DECLS
