/* kj-gap-layer.c — global average pooling: each map becomes its mean */
#include "kj-layers-private.h"

#include "kj-parallel.h"
#include "kj-vec-private.h"

#define GRAIN 32768 /* floats per thread at least */

typedef struct {
  const float *x, *dy;
  float *y, *dx;
  gsize plane;
} Pass;

static void
mean_planes(gpointer data, gsize begin, gsize end)
{
  const Pass *pass = data;

  for (gsize p = begin; p < end; p++)
    pass->y[p] = (float)(kj_vec_sum(pass->x + p * pass->plane, pass->plane) / (double)pass->plane);
}

static void
gap_forward(KjLayer *layer, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng)
{
  Pass pass = { x->data, NULL, NULL, NULL, (gsize)layer->in.h * layer->in.w };

  kj_tensor_reshape(y, x->n, &layer->out);
  pass.y = y->data;
  kj_parallel_for((gsize)x->n * layer->in.c, GRAIN / pass.plane + 1, mean_planes, &pass);
}

/* Every pixel of a map shares its mean's gradient equally. */
static void
spread_planes(gpointer data, gsize begin, gsize end)
{
  const Pass *pass = data;

  for (gsize p = begin; p < end; p++)
    kj_vec_fill(pass->dx + p * pass->plane, pass->dy[p] / (float)pass->plane, pass->plane);
}

static void
gap_backward(KjLayer *layer, const KjTensor *x, const KjTensor *y, const KjTensor *dy, KjTensor *dx)
{
  Pass pass = { NULL, dy->data, NULL, NULL, (gsize)layer->in.h * layer->in.w };

  if (dx == NULL)
    return;
  kj_tensor_reshape(dx, dy->n, &layer->in);
  pass.dx = dx->data;
  kj_parallel_for((gsize)dy->n * layer->in.c, GRAIN / pass.plane + 1, spread_planes, &pass);
}

static const KjLayerClass gap_class = {
  .kind = "gap",
  .forward = gap_forward,
  .backward = gap_backward,
};

KjLayer *
kj_gap_layer_new(const KjShape *in, guint index, GError **error)
{
  KjShape out = { in->c, 1, 1 };

  return kj_layer_alloc(sizeof(KjLayer), &gap_class, in, &out, 0);
}
