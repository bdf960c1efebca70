/* kj-dropout-layer.c — inverted dropout
 *
 * In training each activation is kept with probability 1 − rate and scaled
 * by 1 / (1 − rate), so evaluation is the identity and needs no rescaling.
 * The mask comes from the KjRng passed to forward: a fixed seed drops the
 * same units. */
#include "kj-layers-private.h"

#include <string.h>

#include "kj-vec-private.h"

typedef struct {
  KjLayer parent;
  float rate;
  KjScratch mask;  /* 0 or 1 / (1 − rate) per activation */
  gboolean masked; /* the last forward applied a mask */
} KjDropoutLayer;

static void
dropout_forward(KjLayer *layer, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng)
{
  KjDropoutLayer *self = (KjDropoutLayer *)layer;
  gsize n = kj_tensor_size(x);
  float *restrict mask, scale = 1.0f / (1.0f - self->rate);
  /* keep when a 32-bit draw reaches rate · 2³² */
  guint32 threshold = (guint32)((double)self->rate * 4294967296.0);

  kj_tensor_reshape(y, x->n, &layer->out);
  self->masked = training && self->rate > 0.0f;
  if (!self->masked) {
    memcpy(y->data, x->data, n * sizeof(float));
    return;
  }
  g_return_if_fail(rng != NULL);

  mask = kj_scratch_get(&self->mask, n, sizeof(float));
  for (gsize i = 0; i < n; i++)
    mask[i] = kj_rng_next(rng) >= threshold ? scale : 0.0f;
  kj_vec_mul(y->data, x->data, mask, n);
}

static void
dropout_backward(KjLayer *layer, const KjTensor *x, const KjTensor *y, const KjTensor *dy,
                 KjTensor *dx)
{
  KjDropoutLayer *self = (KjDropoutLayer *)layer;
  gsize n = kj_tensor_size(dy);

  if (dx == NULL)
    return;
  kj_tensor_reshape(dx, dy->n, &layer->in);
  if (!self->masked) {
    memcpy(dx->data, dy->data, n * sizeof(float));
    return;
  }
  kj_vec_mul(dx->data, dy->data, self->mask.data, n);
}

static void
dropout_finalize(KjLayer *layer)
{
  kj_scratch_clear(&((KjDropoutLayer *)layer)->mask);
}

static const KjLayerClass dropout_class = {
  .kind = "dropout",
  .forward = dropout_forward,
  .backward = dropout_backward,
  .finalize = dropout_finalize,
};

KjLayer *
kj_dropout_layer_new(const KjShape *in, float rate, guint index, GError **error)
{
  KjDropoutLayer *self;

  g_return_val_if_fail(rate >= 0.0f && rate < 1.0f, NULL);

  self = kj_layer_alloc(sizeof(KjDropoutLayer), &dropout_class, in, in, 0);
  self->rate = rate;
  self->parent.scratch = kj_shape_size(in);
  return &self->parent;
}
