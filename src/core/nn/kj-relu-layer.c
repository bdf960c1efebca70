/* kj-relu-layer.c — y = max(x, 0) */
#include "kj-layers-private.h"

#include "kj-parallel.h"
#include "kj-vec-private.h"

/* elements per thread at least: below, waking a thread costs more */
#define GRAIN 32768

/* Branch-free and vectorised: the signs of activations are a coin toss,
 * which a branch would mispredict half the time. */
static void
relu(const float *restrict x, float *restrict y, gsize n)
{
  gsize i = 0;

  for (; i + KJ_VEC <= n; i += KJ_VEC)
    for (int j = 0; j < KJ_VEC; j++)
      y[i + j] = x[i + j] > 0.0f ? x[i + j] : 0.0f;
  for (; i < n; i++)
    y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

/* dx = dy where the output was positive (y > 0 exactly when x > 0) */
static void
relu_grad(const float *restrict y, const float *restrict dy, float *restrict dx, gsize n)
{
  gsize i = 0;

  /* dy is read unconditionally, so the select needs no branch */
  for (; i + KJ_VEC <= n; i += KJ_VEC)
    for (int j = 0; j < KJ_VEC; j++) {
      float g = dy[i + j];

      dx[i + j] = y[i + j] > 0.0f ? g : 0.0f;
    }
  for (; i < n; i++) {
    float g = dy[i];

    dx[i] = y[i] > 0.0f ? g : 0.0f;
  }
}

typedef struct {
  const float *x, *y, *dy;
  float *out;
} Relu;

static void
relu_range(gpointer data, gsize begin, gsize end)
{
  const Relu *r = data;

  relu(r->x + begin, r->out + begin, end - begin);
}

static void
relu_grad_range(gpointer data, gsize begin, gsize end)
{
  const Relu *r = data;

  relu_grad(r->y + begin, r->dy + begin, r->out + begin, end - begin);
}

static void
relu_forward(KjLayer *layer, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng)
{
  Relu r = { .x = x->data };

  kj_tensor_reshape(y, x->n, &layer->out);
  r.out = y->data;
  kj_parallel_for(kj_tensor_size(x), GRAIN, relu_range, &r);
}

static void
relu_backward(KjLayer *layer, const KjTensor *x, const KjTensor *y, const KjTensor *dy,
              KjTensor *dx)
{
  Relu r = { .y = y->data, .dy = dy->data };

  if (dx == NULL)
    return;
  kj_tensor_reshape(dx, dy->n, &layer->in);
  r.out = dx->data;
  kj_parallel_for(kj_tensor_size(dy), GRAIN, relu_grad_range, &r);
}

static const KjLayerClass relu_class = {
  .kind = "relu",
  .forward = relu_forward,
  .backward = relu_backward,
};

KjLayer *
kj_relu_layer_new(const KjShape *in, guint index, GError **error)
{
  return kj_layer_alloc(sizeof(KjLayer), &relu_class, in, in, 0);
}
