/* kj-tensor.h — a batch of float32 feature maps, NCHW, row-major
 *
 * Dense activations are tensors with h = w = 1.  A tensor owns its buffer and
 * only grows it, so the per-batch reshapes of a training loop allocate once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The shape of one sample: channels × height × width. */
typedef struct {
  guint c, h, w;
} KjShape;

typedef struct {
  float *data;
  guint n;        /* batch size */
  KjShape shape;  /* per sample */
  gsize capacity; /* floats allocated */
} KjTensor;

static inline gsize
kj_shape_size(const KjShape *shape)
{
  return (gsize)shape->c * shape->h * shape->w;
}

static inline gsize
kj_tensor_size(const KjTensor *t)
{
  return (gsize)t->n * kj_shape_size(&t->shape);
}

gboolean kj_shape_equal(const KjShape *a, const KjShape *b);

void kj_tensor_init(KjTensor *t);
/* Sets n and shape, growing the buffer if needed; contents are undefined. */
void kj_tensor_reshape(KjTensor *t, guint n, const KjShape *shape);
/* The same, but returns FALSE, leaving t as it was, when the size overflows
 * or memory runs out: for sizes that come from user input. */
gboolean kj_tensor_try_reshape(KjTensor *t, guint n, const KjShape *shape);
/* dst ← src, reshaping dst. */
void kj_tensor_copy(KjTensor *dst, const KjTensor *src);
void kj_tensor_zero(KjTensor *t);
void kj_tensor_clear(KjTensor *t);

G_END_DECLS
