/* kj-layer.h — the interface every layer kind implements
 *
 * One file per kind (kj-conv-layer.c, kj-dense-layer.c, …), each with its
 * forward and backward side by side.  Layers take pointers and keep their
 * own scratch buffers; the network owns the activations between them. */
#pragma once

#include "kj-rng.h"
#include "kj-tensor.h"

G_BEGIN_DECLS

/* A named array of floats a layer owns: trained weights (grad != NULL) or
 * buffers that are saved but not trained (batch-norm running statistics). */
typedef struct {
  char *name; /* unique in the network, e.g. "2.conv.weight"; the model file's key */
  float *value;
  float *grad; /* NULL for buffers */
  gsize size;
  guint rank;
  guint shape[4]; /* as stored in model files, e.g. {out, in, kh, kw} */
  gboolean decay; /* weight decay applies: weights yes, biases and norms no */
} KjParam;

typedef struct _KjLayer KjLayer;

typedef struct {
  const char *kind;
  /* y ← f(x).  training switches dropout and batch statistics on. */
  void (*forward)(KjLayer *self, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng);
  /* Given dy = ∂L/∂y: writes (=, not +=) every parameter's grad, and dx =
   * ∂L/∂x unless dx is NULL (the first layer needs none).  x and y are the
   * tensors of the last forward pass, in training mode. */
  void (*backward)(KjLayer *self, const KjTensor *x, const KjTensor *y, const KjTensor *dy,
                   KjTensor *dx);
  /* He initialisation of the weights and biases (kj_param_init_he), batch
   * norms to 1/0. */
  void (*init_weights)(KjLayer *self, KjRng *rng);
  void (*finalize)(KjLayer *self);
} KjLayerClass;

struct _KjLayer {
  const KjLayerClass *klass;
  char *token;     /* the spec token it was built from, canonical: "conv3x3:32" */
  KjShape in, out; /* per-sample shapes */
  KjParam *params; /* n_params entries, owned */
  guint n_params;
  double macs;   /* multiply-adds of one forward pass of one sample */
  gsize scratch; /* floats of scratch per sample, for memory budgets */
};

void kj_layer_free(KjLayer *layer);

G_END_DECLS
