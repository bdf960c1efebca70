/* kj-flatten-layer.c — C×H×W maps as C·H·W features
 *
 * NCHW already stores each sample's features in flattened order, so this
 * is a copy under another shape. */
#include "kj-layers-private.h"

#include <string.h>

static void
flatten_forward(KjLayer *layer, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng)
{
  kj_tensor_reshape(y, x->n, &layer->out);
  memcpy(y->data, x->data, kj_tensor_size(x) * sizeof(float));
}

static void
flatten_backward(KjLayer *layer, const KjTensor *x, const KjTensor *y, const KjTensor *dy,
                 KjTensor *dx)
{
  if (dx == NULL)
    return;
  kj_tensor_reshape(dx, dy->n, &layer->in);
  memcpy(dx->data, dy->data, kj_tensor_size(dy) * sizeof(float));
}

static const KjLayerClass flatten_class = {
  .kind = "flatten",
  .forward = flatten_forward,
  .backward = flatten_backward,
};

KjLayer *
kj_flatten_layer_new(const KjShape *in, guint index, GError **error)
{
  KjShape out = { (guint)kj_shape_size(in), 1, 1 };

  g_return_val_if_fail(kj_shape_size(in) <= G_MAXUINT, NULL);

  return kj_layer_alloc(sizeof(KjLayer), &flatten_class, in, &out, 0);
}
