#include "config.h"

#include "kj-layers-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kj-error.h"

gpointer
kj_layer_alloc(gsize struct_size, const KjLayerClass *klass, const KjShape *in, const KjShape *out,
               guint n_params)
{
  KjLayer *layer;

  g_assert(struct_size >= sizeof(KjLayer));

  layer = g_malloc0(struct_size);
  layer->klass = klass;
  layer->in = *in;
  layer->out = *out;
  layer->n_params = n_params;
  layer->params = n_params > 0 ? g_new0(KjParam, n_params) : NULL;
  return layer;
}

gboolean
kj_layer_init_param(KjLayer *layer, guint slot, guint index, const char *kind, const char *what,
                    guint rank, const guint *shape, gboolean trained, gboolean decay,
                    GError **error)
{
  KjParam *param = &layer->params[slot];
  gsize size = 1;

  g_assert(slot < layer->n_params && rank >= 1 && rank <= 4);

  for (guint i = 0; i < rank; i++)
    if (!g_size_checked_mul(&size, size, shape[i]) || size > G_MAXSIZE / 2 / sizeof(float))
      goto too_large;

  param->name = g_strdup_printf("%u.%s.%s", index, kind, what);
  param->rank = rank;
  memcpy(param->shape, shape, rank * sizeof(guint));
  param->size = size;
  param->decay = decay;
  param->value = g_try_malloc0_n(size, sizeof(float));
  param->grad = trained ? g_try_malloc0_n(size, sizeof(float)) : NULL;
  if (param->value != NULL && (param->grad != NULL || !trained))
    return TRUE;

too_large:
  g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
              _("Not enough memory for the weights of layer %u"), index + 1);
  return FALSE;
}

void
kj_param_init_he(KjParam *param, gsize fan_in, KjRng *rng)
{
  float bound = (float)(1.0 / sqrt((double)MAX(fan_in, 1)));

  for (gsize i = 0; i < param->size; i++)
    param->value[i] = bound * (2.0f * kj_rng_uniform(rng) - 1.0f);
}

void
kj_param_fill(KjParam *param, float value)
{
  for (gsize i = 0; i < param->size; i++)
    param->value[i] = value;
}

void
kj_layer_free(KjLayer *layer)
{
  if (layer == NULL)
    return;
  if (layer->klass->finalize != NULL)
    layer->klass->finalize(layer);
  for (guint i = 0; i < layer->n_params; i++) {
    g_free(layer->params[i].name);
    g_free(layer->params[i].value);
    g_free(layer->params[i].grad);
  }
  g_free(layer->params);
  g_free(layer->token);
  g_free(layer);
}

gpointer
kj_scratch_get(KjScratch *scratch, gsize count, gsize elem_size)
{
  gsize size;

  if (!g_size_checked_mul(&size, count, elem_size))
    g_error("kj_scratch_get: %zu × %zu bytes overflow", count, elem_size);
  if (size > scratch->size) {
    g_free(scratch->data);
    scratch->data = g_malloc(size);
    scratch->size = size;
  }
  return scratch->data;
}

void
kj_scratch_clear(KjScratch *scratch)
{
  g_clear_pointer(&scratch->data, g_free);
  scratch->size = 0;
}
