#include "kj-optimizer.h"

#include <math.h>

struct _KjOptimizer {
  KjOptimizerConfig config;
  KjNetwork *network; /* borrowed */
  float **first;      /* SGD velocity or Adam m, one array per parameter */
  float **second;     /* Adam v */
  guint n_params;
  guint64 steps;
};

void
kj_optimizer_config_init(KjOptimizerConfig *config, KjOptimizerKind kind)
{
  *config = (KjOptimizerConfig){
    .kind = kind,
    .momentum = 0.9,
    .nesterov = FALSE,
    .weight_decay = kind == KJ_OPTIMIZER_ADAMW ? 0.01 : 0.0,
    .beta1 = 0.9,
    .beta2 = 0.999,
    .epsilon = 1e-8,
  };
}

gboolean
kj_optimizer_kind_parse(const char *text, KjOptimizerKind *kind)
{
  if (g_strcmp0(text, "sgd") == 0)
    *kind = KJ_OPTIMIZER_SGD;
  else if (g_strcmp0(text, "adamw") == 0)
    *kind = KJ_OPTIMIZER_ADAMW;
  else
    return FALSE;
  return TRUE;
}

KjOptimizer *
kj_optimizer_new(const KjOptimizerConfig *config, KjNetwork *network)
{
  KjOptimizer *self = g_new0(KjOptimizer, 1);

  self->config = *config;
  self->network = network;
  self->n_params = kj_network_get_n_params(network);
  self->first = g_new0(float *, self->n_params);
  self->second = g_new0(float *, self->n_params);
  for (guint i = 0; i < self->n_params; i++) {
    KjParam *param = kj_network_get_param(network, i);

    if (param->grad == NULL)
      continue; /* a buffer, not trained */
    self->first[i] = g_new0(float, param->size);
    if (config->kind == KJ_OPTIMIZER_ADAMW)
      self->second[i] = g_new0(float, param->size);
  }
  return self;
}

void
kj_optimizer_free(KjOptimizer *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_params; i++) {
    g_free(self->first[i]);
    g_free(self->second[i]);
  }
  g_free(self->first);
  g_free(self->second);
  g_free(self);
}

/* PyTorch's SGD: g += wd·w;  v = μ·v + g;  w -= lr·(nesterov ? g + μ·v : v) */
static void
sgd_step(const KjOptimizerConfig *c, KjParam *param, float *restrict v, float lr)
{
  float *restrict w = param->value;
  const float *restrict grad = param->grad;
  const float mu = (float)c->momentum;
  const float wd = param->decay ? (float)c->weight_decay : 0.0f;

  for (gsize j = 0; j < param->size; j++) {
    float g = grad[j] + wd * w[j];
    v[j] = mu * v[j] + g;
    w[j] -= lr * (c->nesterov ? g + mu * v[j] : v[j]);
  }
}

/* AdamW (Loshchilov & Hutter): the decay shrinks w directly, apart from the
 * adaptive step:  w -= lr·wd·w;  m, v moments;  w -= lr·m̂ / (√v̂ + ε) */
static void
adamw_step(const KjOptimizerConfig *c, KjParam *param, float *restrict m, float *restrict v,
           float lr, guint64 t)
{
  float *restrict w = param->value;
  const float *restrict grad = param->grad;
  const float b1 = (float)c->beta1, b2 = (float)c->beta2, eps = (float)c->epsilon;
  const float correction1 = (float)(1.0 - pow(c->beta1, (double)t));
  const float correction2 = (float)(1.0 - pow(c->beta2, (double)t));
  const float decay = param->decay ? 1.0f - lr * (float)c->weight_decay : 1.0f;

  for (gsize j = 0; j < param->size; j++) {
    float g = grad[j];
    m[j] = b1 * m[j] + (1.0f - b1) * g;
    v[j] = b2 * v[j] + (1.0f - b2) * g * g;
    w[j] = w[j] * decay - lr * (m[j] / correction1) / (sqrtf(v[j] / correction2) + eps);
  }
}

void
kj_optimizer_step(KjOptimizer *self, double lr)
{
  self->steps++;
  for (guint i = 0; i < self->n_params; i++) {
    KjParam *param = kj_network_get_param(self->network, i);

    if (param->grad == NULL)
      continue;
    if (self->config.kind == KJ_OPTIMIZER_SGD)
      sgd_step(&self->config, param, self->first[i], (float)lr);
    else
      adamw_step(&self->config, param, self->first[i], self->second[i], (float)lr, self->steps);
  }
}
