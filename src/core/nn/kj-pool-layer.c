/* kj-pool-layer.c — K×K max pooling with stride S, no padding
 *
 * Forward keeps, for each output, the offset of its maximum in the input
 * plane; backward sends each output's gradient back there.  The first
 * maximum in reading order wins ties, as in PyTorch. */
#include "kj-layers-private.h"

#include <string.h>

#include "kj-parallel.h"

/* input floats per thread at least: below, waking a thread costs more */
#define GRAIN 32768

typedef struct {
  KjLayer parent;
  guint k, stride;
  KjScratch argmax; /* guint32 per output */
} KjPoolLayer;

/* Maps are narrow (a 14×14 map pools to rows of 7): blocks of one SSE
 * vector leave the shortest scalar tails. */
#define POOL_BLOCK 4

/* The common 2×2, stride 2 case, one output row from input rows r0 and
 * r1.  No branches (the comparisons are a coin toss, which branches would
 * mispredict), in blocks gcc vectorises; a window is a macro because gcc 12
 * loses restrict when it inlines a function, and then does not.  Ties go
 * to the first in reading order, like the general loop below.  first: r0's
 * offset in the plane. */
static void
pool2_row(const float *restrict r0, const float *restrict r1, guint32 first, guint32 w, gsize ow,
          float *restrict y, guint32 *restrict arg)
{
  gsize o = 0;

#define POOL2_WINDOW(o)                                                                     \
  do {                                                                                      \
    float a = r0[2 * (o)], b = r0[2 * (o) + 1], c = r1[2 * (o)], d = r1[2 * (o) + 1];       \
    guint32 right_top = b > a, right_bottom = d > c;                                        \
    float top = b > a ? b : a, bottom = d > c ? d : c;                                      \
    guint32 lower = bottom > top;                                                           \
                                                                                            \
    y[o] = bottom > top ? bottom : top;                                                     \
    arg[o] = first + 2 * (guint32)(o) + right_top + lower * (w + right_bottom - right_top); \
  } while (0)

  for (; o + POOL_BLOCK <= ow; o += POOL_BLOCK)
    for (gsize j = o; j < o + POOL_BLOCK; j++)
      POOL2_WINDOW(j);
  for (; o < ow; o++)
    POOL2_WINDOW(o);
#undef POOL2_WINDOW
}

/* g where cond, else 0, by masking its bits: gcc turns a select into a branch. */
static inline float
keep_if(float g, guint32 cond)
{
  guint32 bits;

  memcpy(&bits, &g, sizeof bits);
  bits &= -cond;
  memcpy(&g, &bits, sizeof g);
  return g;
}

/* Its gradient: each input pixel is in one window, so every pixel is
 * written once, without clearing the plane first. */
static void
pool2_row_grad(const float *restrict dy, const guint32 *restrict arg, guint32 first, guint32 w,
               gsize ow, float *restrict r0, float *restrict r1)
{
  gsize o = 0;

#define POOL2_WINDOW_GRAD(o)                        \
  do {                                              \
    float g = dy[o];                                \
    guint32 at = arg[o] - first - 2 * (guint32)(o); \
                                                    \
    r0[2 * (o)] = keep_if(g, at == 0);              \
    r0[2 * (o) + 1] = keep_if(g, at == 1);          \
    r1[2 * (o)] = keep_if(g, at == w);              \
    r1[2 * (o) + 1] = keep_if(g, at == w + 1);      \
  } while (0)

  for (; o + POOL_BLOCK <= ow; o += POOL_BLOCK)
    for (gsize j = o; j < o + POOL_BLOCK; j++)
      POOL2_WINDOW_GRAD(j);
  for (; o < ow; o++)
    POOL2_WINDOW_GRAD(o);
#undef POOL2_WINDOW_GRAD
}

static void
pool2_plane(const float *x, guint w, guint oh, guint ow, float *y, guint32 *arg)
{
  for (guint oy = 0; oy < oh; oy++) {
    const float *r0 = x + (gsize)2 * oy * w;

    pool2_row(r0, r0 + w, 2 * oy * w, w, ow, y + (gsize)oy * ow, arg + (gsize)oy * ow);
  }
}

static void
pool2_plane_grad(const float *dy, const guint32 *arg, guint w, guint oh, guint ow, float *dx)
{
  for (guint oy = 0; oy < oh; oy++) {
    float *r0 = dx + (gsize)2 * oy * w;

    pool2_row_grad(dy + (gsize)oy * ow, arg + (gsize)oy * ow, 2 * oy * w, w, ow, r0, r0 + w);
  }
}

static void
pool_plane(const KjPoolLayer *self, const float *restrict x, float *restrict y,
           guint32 *restrict arg)
{
  guint w = self->parent.in.w, oh = self->parent.out.h, ow = self->parent.out.w;

  for (guint oy = 0; oy < oh; oy++)
    for (guint ox = 0; ox < ow; ox++) {
      guint32 first = oy * self->stride * w + ox * self->stride, at = first;
      float best = x[first];

      for (guint ky = 0; ky < self->k; ky++)
        for (guint kx = 0; kx < self->k; kx++) {
          guint32 i = first + ky * w + kx;

          at = x[i] > best ? i : at;
          best = x[i] > best ? x[i] : best;
        }
      y[oy * ow + ox] = best;
      arg[oy * ow + ox] = at;
    }
}

/* One pass over planes [begin, end) of the batch. */
typedef struct {
  KjPoolLayer *self;
  const float *x, *dy;
  float *y, *dx;
  guint32 *arg;
} Pass;

static void
pool_planes(gpointer data, gsize begin, gsize end)
{
  const Pass *pass = data;
  const KjLayer *layer = &pass->self->parent;
  gsize in_plane = (gsize)layer->in.h * layer->in.w, out_plane = (gsize)layer->out.h * layer->out.w;

  for (gsize p = begin; p < end; p++) {
    const float *xp = pass->x + p * in_plane;
    float *yp = pass->y + p * out_plane;
    guint32 *ap = pass->arg + p * out_plane;

    if (pass->self->k == 2 && pass->self->stride == 2)
      pool2_plane(xp, layer->in.w, layer->out.h, layer->out.w, yp, ap);
    else
      pool_plane(pass->self, xp, yp, ap);
  }
}

static void
pool_grad_planes(gpointer data, gsize begin, gsize end)
{
  const Pass *pass = data;
  const KjLayer *layer = &pass->self->parent;
  gsize in_plane = (gsize)layer->in.h * layer->in.w, out_plane = (gsize)layer->out.h * layer->out.w;
  gboolean tiled =
      pass->self->k == 2 && pass->self->stride == 2 && layer->in.h % 2 == 0 && layer->in.w % 2 == 0;

  for (gsize p = begin; p < end; p++) {
    float *restrict dxp = pass->dx + p * in_plane;
    const float *restrict dyp = pass->dy + p * out_plane;
    const guint32 *restrict ap = pass->arg + p * out_plane;

    if (tiled) {
      pool2_plane_grad(dyp, ap, layer->in.w, layer->out.h, layer->out.w, dxp);
      continue;
    }
    memset(dxp, 0, in_plane * sizeof(float));
    /* += : windows overlap when the stride is below the size */
    for (gsize o = 0; o < out_plane; o++)
      dxp[ap[o]] += dyp[o];
  }
}

static void
pool_forward(KjLayer *layer, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng)
{
  KjPoolLayer *self = (KjPoolLayer *)layer;
  gsize planes = (gsize)x->n * layer->in.c;
  gsize out_plane = (gsize)layer->out.h * layer->out.w;
  Pass pass = { self, x->data, NULL, NULL, NULL, NULL };

  kj_tensor_reshape(y, x->n, &layer->out);
  pass.y = y->data;
  pass.arg = kj_scratch_get(&self->argmax, planes * out_plane, sizeof(guint32));
  kj_parallel_for(planes, GRAIN / ((gsize)layer->in.h * layer->in.w) + 1, pool_planes, &pass);
}

static void
pool_backward(KjLayer *layer, const KjTensor *x, const KjTensor *y, const KjTensor *dy,
              KjTensor *dx)
{
  KjPoolLayer *self = (KjPoolLayer *)layer;
  gsize planes = (gsize)dy->n * layer->in.c;
  Pass pass = { self, NULL, dy->data, NULL, NULL, self->argmax.data };

  if (dx == NULL)
    return;
  kj_tensor_reshape(dx, dy->n, &layer->in);
  pass.dx = dx->data;
  kj_parallel_for(planes, GRAIN / ((gsize)layer->in.h * layer->in.w) + 1, pool_grad_planes, &pass);
}

static void
pool_finalize(KjLayer *layer)
{
  kj_scratch_clear(&((KjPoolLayer *)layer)->argmax);
}

static const KjLayerClass pool_class = {
  .kind = "pool",
  .forward = pool_forward,
  .backward = pool_backward,
  .finalize = pool_finalize,
};

KjLayer *
kj_pool_layer_new(const KjShape *in, guint k, guint stride, guint index, GError **error)
{
  KjShape out = { in->c, kj_window_output(in->h, k, stride, 0),
                  kj_window_output(in->w, k, stride, 0) };
  KjPoolLayer *self;

  g_return_val_if_fail(k >= 1 && stride >= 1 && out.h > 0 && out.w > 0, NULL);

  self = kj_layer_alloc(sizeof(KjPoolLayer), &pool_class, in, &out, 0);
  self->k = k;
  self->stride = stride;
  self->parent.scratch = kj_shape_size(&out);
  return &self->parent;
}
