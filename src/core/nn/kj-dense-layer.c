/* kj-dense-layer.c — fully connected: Y = X · W^T + b
 *
 * Any input shape is taken flattened (C·H·W features per sample, which
 * NCHW already stores contiguously), so "dense" after a convolution needs
 * no copy.  W is out × in, as PyTorch's Linear stores it. */
#include "kj-layers-private.h"

#include <string.h>

#include "kj-blas.h"
#include "kj-vec-private.h"

enum { WEIGHT, BIAS };

static void
dense_forward(KjLayer *layer, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng)
{
  gsize in = kj_shape_size(&layer->in), out = layer->out.c;
  const float *w = layer->params[WEIGHT].value, *b = layer->params[BIAS].value;

  kj_tensor_reshape(y, x->n, &layer->out);
  for (guint i = 0; i < x->n; i++)
    memcpy(y->data + i * out, b, out * sizeof(float));
  /* Y <- X · W^T + b */
  kj_sgemm(FALSE, TRUE, x->n, out, in, 1.0f, x->data, in, w, in, 1.0f, y->data, out);
}

static void
dense_backward(KjLayer *layer, const KjTensor *x, const KjTensor *y, const KjTensor *dy,
               KjTensor *dx)
{
  gsize in = kj_shape_size(&layer->in), out = layer->out.c;
  const float *w = layer->params[WEIGHT].value;
  float *dw = layer->params[WEIGHT].grad, *db = layer->params[BIAS].grad;

  /* db <- Σ_i dY_i, image by image in order */
  memset(db, 0, out * sizeof(float));
  for (guint i = 0; i < dy->n; i++)
    kj_vec_add(db, dy->data + i * out, out);
  /* dW <- dY^T · X */
  kj_sgemm(TRUE, FALSE, out, in, dy->n, 1.0f, dy->data, out, x->data, in, 0.0f, dw, in);
  if (dx == NULL)
    return;
  kj_tensor_reshape(dx, dy->n, &layer->in);
  /* dX <- dY · W */
  kj_sgemm(FALSE, FALSE, dy->n, in, out, 1.0f, dy->data, out, w, in, 0.0f, dx->data, in);
}

static void
dense_init_weights(KjLayer *layer, KjRng *rng)
{
  kj_param_init_he(&layer->params[WEIGHT], kj_shape_size(&layer->in), rng);
  kj_param_init_he(&layer->params[BIAS], kj_shape_size(&layer->in), rng);
}

static const KjLayerClass dense_class = {
  .kind = "dense",
  .forward = dense_forward,
  .backward = dense_backward,
  .init_weights = dense_init_weights,
};

KjLayer *
kj_dense_layer_new(const KjShape *in, guint units, guint index, GError **error)
{
  KjShape out = { units, 1, 1 };
  gsize features = kj_shape_size(in);
  guint weight_shape[2] = { units, (guint)features };
  KjLayer *layer;

  g_return_val_if_fail(units >= 1 && features >= 1 && features <= G_MAXUINT, NULL);

  layer = kj_layer_alloc(sizeof(KjLayer), &dense_class, in, &out, 2);
  layer->macs = (double)features * units;
  if (!kj_layer_init_param(layer, WEIGHT, index, "dense", "weight", 2, weight_shape, TRUE, TRUE,
                           error) ||
      !kj_layer_init_param(layer, BIAS, index, "dense", "bias", 1, &units, TRUE, FALSE, error)) {
    kj_layer_free(layer);
    return NULL;
  }
  return layer;
}
