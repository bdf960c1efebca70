#include "kj-tensor.h"

#include <string.h>

gboolean
kj_shape_equal(const KjShape *a, const KjShape *b)
{
  return a->c == b->c && a->h == b->h && a->w == b->w;
}

void
kj_tensor_init(KjTensor *t)
{
  memset(t, 0, sizeof *t);
}

static gboolean
checked_size(guint n, const KjShape *shape, gsize *size)
{
  gsize plane;

  return g_size_checked_mul(&plane, shape->h, shape->w) &&
         g_size_checked_mul(size, plane, shape->c) && g_size_checked_mul(size, *size, n) &&
         *size <= G_MAXSIZE / sizeof(float);
}

/* Grows only: a training loop reshapes every batch and must not allocate. */
static gboolean
tensor_resize(KjTensor *t, guint n, const KjShape *shape, gboolean fail_softly)
{
  gsize size;

  if (!checked_size(n, shape, &size)) {
    if (fail_softly)
      return FALSE;
    g_error("kj_tensor_reshape: %u × %u×%u×%u floats overflow", n, shape->c, shape->h, shape->w);
  }
  if (size > t->capacity) {
    float *data = fail_softly ? g_try_malloc(size * sizeof(float)) : g_malloc(size * sizeof(float));

    if (data == NULL)
      return FALSE;
    g_free(t->data);
    t->data = data;
    t->capacity = size;
  }
  t->n = n;
  t->shape = *shape;
  return TRUE;
}

void
kj_tensor_reshape(KjTensor *t, guint n, const KjShape *shape)
{
  tensor_resize(t, n, shape, FALSE);
}

gboolean
kj_tensor_try_reshape(KjTensor *t, guint n, const KjShape *shape)
{
  return tensor_resize(t, n, shape, TRUE);
}

void
kj_tensor_copy(KjTensor *dst, const KjTensor *src)
{
  kj_tensor_reshape(dst, src->n, &src->shape);
  if (kj_tensor_size(src) > 0)
    memcpy(dst->data, src->data, kj_tensor_size(src) * sizeof(float));
}

void
kj_tensor_zero(KjTensor *t)
{
  if (kj_tensor_size(t) > 0)
    memset(t->data, 0, kj_tensor_size(t) * sizeof(float));
}

void
kj_tensor_clear(KjTensor *t)
{
  g_free(t->data);
  kj_tensor_init(t);
}
