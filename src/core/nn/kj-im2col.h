/* kj-im2col.h — lowering a convolution to one matrix product
 *
 * A batch of n maps C×H×W becomes col, a (C·K·K) × (n·OH·OW) matrix: row
 * (c·K + ky)·K + kx holds, for every output pixel of every image (image
 * major), the input pixel under kernel tap (c, ky, kx), 0 in the padding.
 * Then W (OC × C·K·K) · col gives every output at once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint c, h, w; /* input map */
  guint k, stride, pad;
  guint oh, ow; /* output map */
} KjWindow;

/* col ← im2col(x), x is n × C×H×W */
void kj_im2col(const KjWindow *win, const float *x, guint n, float *col);
/* x ← col2im(col): each input pixel sums the entries it was copied to.
 * Clobbers the entries of col that lie in the padding. */
void kj_col2im(const KjWindow *win, float *col, guint n, float *x);

G_END_DECLS
