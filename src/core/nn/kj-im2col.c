#include "kj-im2col.h"

#include <string.h>

#include "kj-parallel.h"
#include "kj-vec-private.h"

/* For tap (ky, kx): the output rows [*oy0, *oy1) and columns [*lo, *hi)
 * that read inside the input; the others read padding. */
typedef struct {
  guint oy0, oy1, lo, hi;
  gint64 shift; /* input column = ox·stride + shift */
} KjTap;

static guint
first_inside(gint64 offset, guint stride, guint n_out)
{
  /* the least o with o·stride + offset ≥ 0 */
  return offset >= 0 ? 0 : (guint)MIN((-offset + stride - 1) / stride, (gint64)n_out);
}

static guint
end_inside(gint64 offset, guint size, guint stride, guint n_out)
{
  /* one past the last o with o·stride + offset ≤ size − 1 */
  gint64 last = (gint64)size - 1 - offset;

  return last < 0 ? 0 : (guint)MIN(last / stride + 1, (gint64)n_out);
}

static KjTap
tap_at(const KjWindow *win, guint ky, guint kx)
{
  KjTap tap;
  gint64 row_shift = (gint64)ky - win->pad;

  tap.shift = (gint64)kx - win->pad;
  tap.oy0 = first_inside(row_shift, win->stride, win->oh);
  tap.oy1 = MAX(end_inside(row_shift, win->h, win->stride, win->oh), tap.oy0);
  tap.lo = first_inside(tap.shift, win->stride, win->ow);
  tap.hi = MAX(end_inside(tap.shift, win->w, win->stride, win->ow), tap.lo);
  return tap;
}

/* Stride 1 and "same" width (OW = W): output rows and input rows are equally
 * long, so the rows a tap reads form one contiguous run of the input,
 * shifted.  Copying the run whole (one memcpy instead of one per row) puts
 * neighbouring rows' pixels in the padding columns, which are then zeroed. */
static gboolean
is_contiguous(const KjWindow *win)
{
  return win->stride == 1 && win->ow == win->w;
}

static void
zero_padding_columns(float *block, const KjTap *tap, guint ow)
{
  for (guint oy = tap->oy0; oy < tap->oy1; oy++) {
    float *row = block + (gsize)oy * ow;

    for (guint ox = 0; ox < tap->lo; ox++)
      row[ox] = 0.0f;
    for (guint ox = tap->hi; ox < ow; ox++)
      row[ox] = 0.0f;
  }
}

/* One image's block of one tap: OH × OW outputs from one input plane. */
static void
im2col_block(const KjWindow *win, const KjTap *tap, guint ky, const float *src, float *dst)
{
  gsize ow = win->ow;

  memset(dst, 0, tap->oy0 * ow * sizeof(float));
  memset(dst + tap->oy1 * ow, 0, (win->oh - tap->oy1) * ow * sizeof(float));
  if (tap->oy1 == tap->oy0)
    return;

  if (is_contiguous(win)) {
    /* the run from (oy0, lo) to (oy1 − 1, hi − 1), all inside the plane */
    gsize first = tap->oy0 * ow + tap->lo, end = (tap->oy1 - 1) * ow + tap->hi;
    gint64 from = ((gint64)tap->oy0 + ky - win->pad) * win->w + tap->lo + tap->shift;

    memcpy(dst + first, src + from, (end - first) * sizeof(float));
    zero_padding_columns(dst, tap, win->ow);
    return;
  }

  for (guint oy = tap->oy0; oy < tap->oy1; oy++) {
    const float *restrict line =
        src + ((gint64)oy * win->stride + ky - win->pad) * win->w + tap->shift;
    float *restrict out = dst + oy * ow;

    for (guint ox = 0; ox < tap->lo; ox++)
      out[ox] = 0.0f;
    for (guint ox = tap->lo; ox < tap->hi; ox++)
      out[ox] = line[(gsize)ox * win->stride];
    for (guint ox = tap->hi; ox < ow; ox++)
      out[ox] = 0.0f;
  }
}

typedef struct {
  const KjWindow *win;
  const float *x; /* im2col reads it */
  float *dx;      /* col2im writes it */
  float *col;
  guint n;
} Lowering;

/* images [begin, end): their columns of every row */
static void
im2col_images(gpointer data, gsize begin, gsize end)
{
  const Lowering *l = data;
  const KjWindow *win = l->win;
  gsize plane = (gsize)win->h * win->w, out_plane = (gsize)win->oh * win->ow;
  gsize ld = out_plane * l->n;

  for (guint c = 0; c < win->c; c++)
    for (guint ky = 0; ky < win->k; ky++)
      for (guint kx = 0; kx < win->k; kx++) {
        KjTap tap = tap_at(win, ky, kx);
        float *row = l->col + ((gsize)(c * win->k + ky) * win->k + kx) * ld;

        for (gsize i = begin; i < end; i++)
          im2col_block(win, &tap, ky, l->x + (i * win->c + c) * plane, row + i * out_plane);
      }
}

void
kj_im2col(const KjWindow *win, const float *x, guint n, float *col)
{
  Lowering l = { win, x, NULL, col, n };

  kj_parallel_for(n, 1, im2col_images, &l);
}

/* Adds one tap's block back into the input plane it was read from. */
static void
col2im_block(const KjWindow *win, const KjTap *tap, guint ky, float *block, float *dst)
{
  gsize ow = win->ow;

  if (tap->oy1 == tap->oy0)
    return;

  if (is_contiguous(win)) {
    gsize first = tap->oy0 * ow + tap->lo, end = (tap->oy1 - 1) * ow + tap->hi;
    gint64 to = ((gint64)tap->oy0 + ky - win->pad) * win->w + tap->lo + tap->shift;

    /* padding entries would land on neighbouring rows' pixels */
    zero_padding_columns(block, tap, win->ow);
    kj_vec_add(dst + to, block + first, end - first);
    return;
  }

  for (guint oy = tap->oy0; oy < tap->oy1; oy++) {
    float *restrict line = dst + ((gint64)oy * win->stride + ky - win->pad) * win->w + tap->shift;
    const float *restrict in = block + oy * ow;

    for (guint ox = tap->lo; ox < tap->hi; ox++)
      line[(gsize)ox * win->stride] += in[ox];
  }
}

/* images [begin, end): every plane of each */
static void
col2im_images(gpointer data, gsize begin, gsize end)
{
  const Lowering *l = data;
  const KjWindow *win = l->win;
  gsize plane = (gsize)win->h * win->w, out_plane = (gsize)win->oh * win->ow;
  gsize ld = out_plane * l->n;
  KjTap taps[16 * 16];

  g_assert(win->k <= 16);
  for (guint ky = 0; ky < win->k; ky++)
    for (guint kx = 0; kx < win->k; kx++)
      taps[ky * win->k + kx] = tap_at(win, ky, kx);

  /* plane by plane, so the plane being summed stays in L1 */
  for (gsize i = begin; i < end; i++)
    for (guint c = 0; c < win->c; c++) {
      float *dst = l->dx + (i * win->c + c) * plane;

      memset(dst, 0, plane * sizeof(float));
      for (guint ky = 0; ky < win->k; ky++)
        for (guint kx = 0; kx < win->k; kx++) {
          float *row = l->col + ((gsize)(c * win->k + ky) * win->k + kx) * ld;

          col2im_block(win, &taps[ky * win->k + kx], ky, row + i * out_plane, dst);
        }
    }
}

void
kj_col2im(const KjWindow *win, float *col, guint n, float *x)
{
  Lowering l = { win, NULL, x, col, n };

  kj_parallel_for(n, 1, col2im_images, &l);
}
