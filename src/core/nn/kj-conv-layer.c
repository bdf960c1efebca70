/* kj-conv-layer.c — K×K convolution with stride, padding and bias
 *
 * Lowered to matrix products (kj-im2col.h), in one of three ways, chosen
 * by measuring batches of 64 on 2 threads (tests/bench-nn.c):
 *  - pointwise: a 1×1 kernel with stride 1 and no padding needs no
 *    lowering, each image is already its own C × H·W matrix;
 *  - per image: with few rows to lower (C·K·K < 64, as a first layer on
 *    grey or colour images) the products are thin and memory-bound, and one
 *    product per image, straight into the NCHW output, beats a batch
 *    product that must then be transposed: 2–3× faster;
 *  - batch: otherwise one product for the whole batch, OC × C·K·K by
 *    C·K·K × n·OH·OW, is large enough for OpenBLAS to reach its peak; its
 *    channel-major result is copied into the NCHW output.  Forward and
 *    backward take 17–25% less time than per image, copies included. */
#include "kj-layers-private.h"

#include <string.h>

#include "kj-blas.h"
#include "kj-im2col.h"
#include "kj-parallel.h"
#include "kj-vec-private.h"

#define PER_IMAGE_MAX_ROWS 64

typedef enum { POINTWISE, PER_IMAGE, BATCH } Lowering;

typedef struct {
  KjLayer parent;
  KjWindow win;
  guint out_channels;
  Lowering lowering;
  KjScratch col; /* the lowered batch; its gradient in backward */
  KjScratch tmp; /* batch: OC × n·OH·OW, the output or its gradient */
} KjConvLayer;

enum { WEIGHT, BIAS };

/* Sizes every pass uses. */
typedef struct {
  guint n, oc;
  gsize rows;  /* C·K·K */
  gsize plane; /* OH·OW */
  gsize cols;  /* n·OH·OW */
} Dims;

static Dims
dims_of(const KjConvLayer *self, guint n)
{
  Dims d = { n, self->out_channels };

  d.rows = (gsize)self->win.c * self->win.k * self->win.k;
  d.plane = (gsize)self->win.oh * self->win.ow;
  d.cols = d.plane * n;
  return d;
}

/* Image i's lowered input: a rows × plane matrix inside col (or x). */
static float *
image_col(const KjConvLayer *self, float *col, const Dims *d, guint i, gsize *ld)
{
  if (self->lowering == POINTWISE) {
    *ld = d->plane;
    return col + i * d->rows * d->plane;
  }
  *ld = d->cols;
  return col + i * d->plane;
}

/* Between the batch product's channel-major layout and NCHW, in parallel:
 * images [begin, end) of Y' + b into Y, or channels [begin, end) of dY into
 * dY' with their sums into db.  Each channel's sum is one thread's, in
 * image order, whatever the number of threads. */
typedef struct {
  const Dims *d;
  float *channel_major, *image_major;
  const float *b;
  float *db;
} Transpose;

static void
to_image_major(gpointer data, gsize begin, gsize end)
{
  const Transpose *t = data;
  const Dims *d = t->d;

  for (gsize i = begin; i < end; i++)
    for (guint o = 0; o < d->oc; o++)
      kj_vec_add_scalar(t->image_major + (i * d->oc + o) * d->plane,
                        t->channel_major + o * d->cols + i * d->plane, t->b[o], d->plane);
}

static void
to_channel_major(gpointer data, gsize begin, gsize end)
{
  const Transpose *t = data;
  const Dims *d = t->d;

  for (gsize o = begin; o < end; o++) {
    double sum = 0.0;

    for (guint i = 0; i < d->n; i++)
      sum += kj_vec_copy_sum(t->channel_major + o * d->cols + i * d->plane,
                             t->image_major + ((gsize)i * d->oc + o) * d->plane, d->plane);
    t->db[o] = (float)sum;
  }
}

/* db <- Σ over images and pixels of dY, channels [begin, end) */
static void
sum_channels(gpointer data, gsize begin, gsize end)
{
  const Transpose *t = data;
  const Dims *d = t->d;

  for (gsize o = begin; o < end; o++) {
    double sum = 0.0;

    for (guint i = 0; i < d->n; i++)
      sum += kj_vec_sum(t->image_major + ((gsize)i * d->oc + o) * d->plane, d->plane);
    t->db[o] = (float)sum;
  }
}

static void
conv_forward(KjLayer *layer, const KjTensor *x, KjTensor *y, gboolean training, KjRng *rng)
{
  KjConvLayer *self = (KjConvLayer *)layer;
  const float *w = layer->params[WEIGHT].value, *b = layer->params[BIAS].value;
  Dims d = dims_of(self, x->n);
  float *col = x->data;
  Transpose transpose;
  float *tmp;

  kj_tensor_reshape(y, d.n, &layer->out);
  if (self->lowering != POINTWISE) {
    col = kj_scratch_get(&self->col, d.rows * d.cols, sizeof(float));
    kj_im2col(&self->win, x->data, d.n, col);
  }

  if (self->lowering != BATCH) {
    for (guint i = 0; i < d.n; i++) {
      float *yi = y->data + (gsize)i * d.oc * d.plane;
      gsize ld;
      const float *ci = image_col(self, col, &d, i, &ld);

      for (guint o = 0; o < d.oc; o++)
        kj_vec_fill(yi + o * d.plane, b[o], d.plane);
      /* Y_i <- W · col_i + b */
      kj_sgemm(FALSE, FALSE, d.oc, d.plane, d.rows, 1.0f, w, d.rows, ci, ld, 1.0f, yi, d.plane);
    }
    return;
  }

  tmp = kj_scratch_get(&self->tmp, d.oc * d.cols, sizeof(float));
  /* Y' <- W · col   (OC × n·OH·OW) */
  kj_sgemm(FALSE, FALSE, d.oc, d.cols, d.rows, 1.0f, w, d.rows, col, d.cols, 0.0f, tmp, d.cols);
  transpose = (Transpose){ &d, tmp, y->data, b, NULL };
  kj_parallel_for(d.n, 1, to_image_major, &transpose);
}

static void
conv_backward_per_image(KjConvLayer *self, const KjTensor *x, const KjTensor *dy, KjTensor *dx,
                        const Dims *d)
{
  KjLayer *layer = &self->parent;
  const float *w = layer->params[WEIGHT].value;
  float *dw = layer->params[WEIGHT].grad, *db = layer->params[BIAS].grad;
  float *col = self->lowering == POINTWISE ? x->data : self->col.data;
  /* pointwise: dcol is dx itself */
  float *dcol = self->lowering == POINTWISE && dx != NULL ? dx->data : self->col.data;
  Transpose sums = { d, NULL, dy->data, NULL, db };

  kj_parallel_for(d->oc, 1, sum_channels, &sums);
  for (guint i = 0; i < d->n; i++) {
    const float *dyi = dy->data + (gsize)i * d->oc * d->plane;
    gsize ld;
    const float *ci = image_col(self, col, d, i, &ld);

    /* dW <- Σ_i dY_i · col_i^T, image by image in order */
    kj_sgemm(FALSE, TRUE, d->oc, d->rows, d->plane, 1.0f, dyi, d->plane, ci, ld,
             i > 0 ? 1.0f : 0.0f, dw, d->rows);
  }
  if (dx == NULL)
    return;
  for (guint i = 0; i < d->n; i++) {
    const float *dyi = dy->data + (gsize)i * d->oc * d->plane;
    gsize ld;
    float *dci = image_col(self, dcol, d, i, &ld);

    /* dcol_i <- W^T · dY_i  (after dW: it overwrites the lowered input) */
    kj_sgemm(TRUE, FALSE, d->rows, d->plane, d->oc, 1.0f, w, d->rows, dyi, d->plane, 0.0f, dci, ld);
  }
  if (self->lowering == PER_IMAGE)
    kj_col2im(&self->win, dcol, d->n, dx->data);
}

static void
conv_backward_batch(KjConvLayer *self, const KjTensor *dy, KjTensor *dx, const Dims *d)
{
  KjLayer *layer = &self->parent;
  const float *w = layer->params[WEIGHT].value;
  float *dw = layer->params[WEIGHT].grad, *db = layer->params[BIAS].grad;
  float *col = self->col.data;
  float *dtmp = kj_scratch_get(&self->tmp, d->oc * d->cols, sizeof(float));
  Transpose transpose = { d, dtmp, dy->data, NULL, db };

  /* dY' <- dY channel-major, and db <- Σ of each channel on the way */
  kj_parallel_for(d->oc, 1, to_channel_major, &transpose);
  /* dW <- dY' · col^T */
  kj_sgemm(FALSE, TRUE, d->oc, d->rows, d->cols, 1.0f, dtmp, d->cols, col, d->cols, 0.0f, dw,
           d->rows);
  if (dx == NULL)
    return;
  /* dcol <- W^T · dY', over the lowered input, then each input pixel
   * gathers its copies */
  kj_sgemm(TRUE, FALSE, d->rows, d->cols, d->oc, 1.0f, w, d->rows, dtmp, d->cols, 0.0f, col,
           d->cols);
  kj_col2im(&self->win, col, d->n, dx->data);
}

static void
conv_backward(KjLayer *layer, const KjTensor *x, const KjTensor *y, const KjTensor *dy,
              KjTensor *dx)
{
  KjConvLayer *self = (KjConvLayer *)layer;
  Dims d = dims_of(self, dy->n);

  if (dx != NULL)
    kj_tensor_reshape(dx, d.n, &layer->in);
  if (self->lowering == BATCH)
    conv_backward_batch(self, dy, dx, &d);
  else
    conv_backward_per_image(self, x, dy, dx, &d);
}

static void
conv_init_weights(KjLayer *layer, KjRng *rng)
{
  KjConvLayer *self = (KjConvLayer *)layer;
  gsize fan_in = (gsize)self->win.c * self->win.k * self->win.k;

  kj_param_init_he(&layer->params[WEIGHT], fan_in, rng);
  kj_param_init_he(&layer->params[BIAS], fan_in, rng);
}

static void
conv_finalize(KjLayer *layer)
{
  KjConvLayer *self = (KjConvLayer *)layer;

  kj_scratch_clear(&self->col);
  kj_scratch_clear(&self->tmp);
}

static const KjLayerClass conv_class = {
  .kind = "conv",
  .forward = conv_forward,
  .backward = conv_backward,
  .init_weights = conv_init_weights,
  .finalize = conv_finalize,
};

KjLayer *
kj_conv_layer_new(const KjShape *in, guint k, guint stride, guint pad, guint out_channels,
                  guint index, GError **error)
{
  KjShape out = { out_channels, kj_window_output(in->h, k, stride, pad),
                  kj_window_output(in->w, k, stride, pad) };
  guint weight_shape[4] = { out_channels, in->c, k, k };
  gsize rows = (gsize)in->c * k * k, plane = (gsize)out.h * out.w;
  KjConvLayer *self;
  KjLayer *layer;

  g_return_val_if_fail(k >= 1 && k <= 16 && stride >= 1 && out_channels >= 1, NULL);
  g_return_val_if_fail(out.h > 0 && out.w > 0, NULL);

  self = kj_layer_alloc(sizeof(KjConvLayer), &conv_class, in, &out, 2);
  layer = &self->parent;
  self->win = (KjWindow){ in->c, in->h, in->w, k, stride, pad, out.h, out.w };
  self->out_channels = out_channels;
  if (k == 1 && stride == 1 && pad == 0)
    self->lowering = POINTWISE;
  else
    self->lowering = rows < PER_IMAGE_MAX_ROWS ? PER_IMAGE : BATCH;
  layer->macs = (double)kj_shape_size(&out) * rows;
  layer->scratch = self->lowering == POINTWISE   ? 0
                   : self->lowering == PER_IMAGE ? rows * plane
                                                 : (rows + out_channels) * plane;
  if (!kj_layer_init_param(layer, WEIGHT, index, "conv", "weight", 4, weight_shape, TRUE, TRUE,
                           error) ||
      !kj_layer_init_param(layer, BIAS, index, "conv", "bias", 1, &out_channels, TRUE, FALSE,
                           error)) {
    kj_layer_free(layer);
    return NULL;
  }
  return layer;
}
