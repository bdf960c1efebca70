/* kj-batchnorm-layer.c — batch normalisation per channel
 *
 * A channel is a feature map after a convolution (statistics over the
 * batch and every pixel) or one feature after a dense layer (h = w = 1).
 * Training normalises with the batch's mean and biased variance and moves
 * the running statistics towards them (momentum 0.1, unbiased variance, as
 * PyTorch); evaluation uses the running statistics. */
#include "kj-layers-private.h"

#include <math.h>

#include "kj-parallel.h"
#include "kj-vec-private.h"

#define EPS      1e-5
#define MOMENTUM 0.1
#define GRAIN    32768 /* floats per thread at least */

enum { GAMMA, BETA, RUNNING_MEAN, RUNNING_VAR };

typedef struct {
  KjLayer parent;
  KjScratch mean, inv_std; /* per channel, from the last training forward */
} KjBatchNormLayer;

/* One pass over channels [begin, end), in parallel. */
typedef struct {
  KjBatchNormLayer *self;
  const KjTensor *x, *dy;
  KjTensor *y, *dx;
  gboolean training;
} Pass;

static void
forward_channels(gpointer data, gsize begin, gsize end)
{
  const Pass *pass = data;
  KjLayer *layer = &pass->self->parent;
  const KjTensor *x = pass->x;
  guint channels = layer->in.c, n = x->n;
  gsize plane = (gsize)layer->in.h * layer->in.w, m = plane * n;
  const float *gamma = layer->params[GAMMA].value, *beta = layer->params[BETA].value;
  float *running_mean = layer->params[RUNNING_MEAN].value;
  float *running_var = layer->params[RUNNING_VAR].value;
  float *mean = pass->self->mean.data, *inv_std = pass->self->inv_std.data;

  for (gsize c = begin; c < end; c++) {
    double mu, var;
    float scale, shift;

    if (pass->training) {
      double sum = 0.0, sq = 0.0;

      for (guint i = 0; i < n; i++)
        sum += kj_vec_sum(x->data + (i * channels + c) * plane, plane);
      mu = sum / (double)m;
      /* two passes: no cancellation when the mean is large */
      for (guint i = 0; i < n; i++)
        sq += kj_vec_sum_sq_dev(x->data + (i * channels + c) * plane, (float)mu, plane);
      var = sq / (double)m;
      mean[c] = (float)mu;
      inv_std[c] = (float)(1.0 / sqrt(var + EPS));
      running_mean[c] = (float)((1.0 - MOMENTUM) * running_mean[c] + MOMENTUM * mu);
      running_var[c] = (float)((1.0 - MOMENTUM) * running_var[c] +
                               MOMENTUM * (m > 1 ? var * (double)m / (double)(m - 1) : var));
    } else {
      mu = running_mean[c];
      var = running_var[c];
    }
    /* y = γ·(x − μ)/σ + β = scale·x + shift */
    scale = (float)(gamma[c] / sqrt(var + EPS));
    shift = (float)(beta[c] - mu * scale);
    for (guint i = 0; i < n; i++) {
      gsize at = (i * channels + c) * plane;

      kj_vec_affine(pass->y->data + at, x->data + at, scale, shift, plane);
    }
  }
}

static void
batchnorm_forward(KjLayer *layer, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng)
{
  KjBatchNormLayer *self = (KjBatchNormLayer *)layer;
  Pass pass = { self, x, NULL, y, NULL, training };

  kj_scratch_get(&self->mean, layer->in.c, sizeof(float));
  kj_scratch_get(&self->inv_std, layer->in.c, sizeof(float));
  kj_tensor_reshape(y, x->n, &layer->out);
  kj_parallel_for(layer->in.c, GRAIN / (kj_tensor_size(x) / layer->in.c) + 1, forward_channels,
                  &pass);
}

/* dx = k·dy + a·(x − μ) + b */
static void
input_grad(const float *restrict dy, const float *restrict x, float k, float a, float mean, float b,
           float *restrict dx, gsize n)
{
  gsize i = 0;

  for (; i + KJ_VEC <= n; i += KJ_VEC)
    for (int j = 0; j < KJ_VEC; j++)
      dx[i + j] = k * dy[i + j] + a * (x[i + j] - mean) + b;
  for (; i < n; i++)
    dx[i] = k * dy[i] + a * (x[i] - mean) + b;
}

/* With x̂ = (x − μ)/σ over the m values of a channel:
 *   dβ = Σ dy,  dγ = Σ dy·x̂,  dx = γ/σ · (dy − dβ/m − x̂·dγ/m) */
static void
backward_channels(gpointer data, gsize begin, gsize end)
{
  const Pass *pass = data;
  KjLayer *layer = &pass->self->parent;
  const KjTensor *x = pass->x, *dy = pass->dy;
  guint channels = layer->in.c, n = dy->n;
  gsize plane = (gsize)layer->in.h * layer->in.w, m = plane * n;
  const float *gamma = layer->params[GAMMA].value;
  float *dgamma = layer->params[GAMMA].grad, *dbeta = layer->params[BETA].grad;
  const float *mean = pass->self->mean.data, *inv_std = pass->self->inv_std.data;

  for (gsize c = begin; c < end; c++) {
    double sum_dy = 0.0, sum_dy_dev = 0.0;
    float k, a, b;

    for (guint i = 0; i < n; i++) {
      gsize at = (i * channels + c) * plane;

      sum_dy += kj_vec_sum(dy->data + at, plane);
      sum_dy_dev += kj_vec_dot_dev(dy->data + at, x->data + at, mean[c], plane);
    }
    dgamma[c] = (float)(sum_dy_dev * inv_std[c]);
    dbeta[c] = (float)sum_dy;
    if (pass->dx == NULL)
      continue;
    k = gamma[c] * inv_std[c];
    a = (float)(-k * sum_dy_dev * inv_std[c] * inv_std[c] / (double)m);
    b = (float)(-k * sum_dy / (double)m);
    for (guint i = 0; i < n; i++) {
      gsize at = (i * channels + c) * plane;

      input_grad(dy->data + at, x->data + at, k, a, mean[c], b, pass->dx->data + at, plane);
    }
  }
}

static void
batchnorm_backward(KjLayer *layer, const KjTensor *x, const KjTensor *y, const KjTensor *dy,
                   KjTensor *dx)
{
  Pass pass = { (KjBatchNormLayer *)layer, x, dy, NULL, dx, TRUE };

  if (dx != NULL)
    kj_tensor_reshape(dx, dy->n, &layer->in);
  kj_parallel_for(layer->in.c, GRAIN / (kj_tensor_size(dy) / layer->in.c) + 1, backward_channels,
                  &pass);
}

static void
batchnorm_init_weights(KjLayer *layer, KjRng *rng)
{
  kj_param_fill(&layer->params[GAMMA], 1.0f);
  kj_param_fill(&layer->params[BETA], 0.0f);
  kj_param_fill(&layer->params[RUNNING_MEAN], 0.0f);
  kj_param_fill(&layer->params[RUNNING_VAR], 1.0f);
}

static void
batchnorm_finalize(KjLayer *layer)
{
  KjBatchNormLayer *self = (KjBatchNormLayer *)layer;

  kj_scratch_clear(&self->mean);
  kj_scratch_clear(&self->inv_std);
}

static const KjLayerClass batchnorm_class = {
  .kind = "bn",
  .forward = batchnorm_forward,
  .backward = batchnorm_backward,
  .init_weights = batchnorm_init_weights,
  .finalize = batchnorm_finalize,
};

KjLayer *
kj_batchnorm_layer_new(const KjShape *in, guint index, GError **error)
{
  static const struct {
    const char *what;
    gboolean trained;
  } params[] = {
    { "weight", TRUE }, { "bias", TRUE }, { "running_mean", FALSE }, { "running_var", FALSE }
  };
  KjLayer *layer = kj_layer_alloc(sizeof(KjBatchNormLayer), &batchnorm_class, in, in, 4);

  for (guint i = 0; i < G_N_ELEMENTS(params); i++)
    if (!kj_layer_init_param(layer, i, index, "bn", params[i].what, 1, &in->c, params[i].trained,
                             FALSE, error)) {
      kj_layer_free(layer);
      return NULL;
    }
  batchnorm_init_weights(layer, NULL);
  return layer;
}
