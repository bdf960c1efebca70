/* kj-model.h — a trained network with what it needs to be used: class names
 * and input normalisation; saved as a safetensors file
 *
 * File layout (https://huggingface.co/docs/safetensors): an 8-byte
 * little-endian header length N, N bytes of JSON, then the raw little-endian
 * float32 tensors.  The JSON maps each parameter name to its dtype, shape
 * and data_offsets; "__metadata__" holds strings: the architecture spec, the
 * class ids, the input shape and the normalisation, so the file describes
 * itself to other tools. */
#pragma once

#include <gio/gio.h>

#include "kj-dataset.h"
#include "kj-network.h"

G_BEGIN_DECLS

typedef struct {
  KjNetwork *network;
  GStrv class_ids;   /* untranslated, as stored */
  GStrv class_names; /* for display: translated where Kuajie knows the id */
  KjNormalization normalization;
  char *dataset; /* where it was trained, for information; may be NULL */
} KjModel;

KjModel *kj_model_new(KjNetwork *network, KjDataset *dataset, const KjNormalization *norm,
                      const char *dataset_name);
void kj_model_free(KjModel *model);

gboolean kj_model_save(KjModel *model, GFile *file, GError **error);
KjModel *kj_model_load(GFile *file, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjModel, kj_model_free)

G_END_DECLS
