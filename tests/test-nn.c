/* test-nn — the neural-network core: gradients, training, specs */
#include "kj-blas.h"
#include "kj-error.h"
#include "kj-im2col.h"
#include "kj-layers-private.h"
#include "kj-network.h"
#include "kj-spec.h"

#include <math.h>
#include <string.h>

/* ---- helpers ---------------------------------------------------------- */

static void
fill_normal(KjTensor *t, KjRng *rng, float scale)
{
  for (gsize i = 0; i < kj_tensor_size(t); i++)
    t->data[i] = scale * kj_rng_normal(rng);
}

/* Distinct values, at least 4/n apart and none near 0, in random order: no
 * finite-difference step crosses a ReLU kink or swaps a pooling maximum. */
static void
fill_spaced(KjTensor *t, KjRng *rng)
{
  gsize n = kj_tensor_size(t);
  g_autofree guint32 *order = g_new(guint32, n);

  for (gsize i = 0; i < n; i++)
    order[i] = (guint32)i;
  kj_rng_shuffle(rng, order, n);
  for (gsize i = 0; i < n; i++)
    t->data[i] = ((float)order[i] - (float)n / 2 + 0.5f) * 4.0f / (float)n;
}

/* The loss a layer's check differentiates: Σ r·y, for a fixed random r,
 * in double.  rng_seed makes dropout draw the same mask every time. */
static double
layer_objective(KjLayer *layer, const KjTensor *x, KjTensor *y, const KjTensor *r,
                gboolean training, guint64 rng_seed)
{
  KjRng rng;
  double sum = 0.0;

  kj_rng_init(&rng, rng_seed);
  layer->klass->forward(layer, x, y, training, &rng);
  for (gsize i = 0; i < kj_tensor_size(y); i++)
    sum += (double)r->data[i] * y->data[i];
  return sum;
}

/* Checks an analytic gradient against central differences of f with
 * respect to value[]: every element when there are few, else a random 48.
 * An element whose one-sided differences disagree sits on a kink (a ReLU
 * at 0, two tied maxima), where no derivative exists: it is skipped, and
 * at most a quarter may be. */
typedef double (*Objective)(gpointer data);

static void
check_gradient(const char *what, float *value, const float *grad, gsize size, Objective f,
               gpointer data, float h, double tolerance, KjRng *rng)
{
  guint checks = size <= 64 ? (guint)size : 48, kinks = 0;
  double base = f(data);

  for (guint c = 0; c < checks; c++) {
    gsize i = size <= 64 ? c : kj_rng_below(rng, (guint32)size);
    float saved = value[i];
    double plus, minus, numeric, forward, backward;

    value[i] = saved + h;
    plus = f(data);
    value[i] = saved - h;
    minus = f(data);
    value[i] = saved;
    numeric = (plus - minus) / (2.0 * h);
    forward = (plus - base) / h;
    backward = (base - minus) / h;
    if (fabs(forward - backward) > tolerance * (1.0 + MAX(fabs(forward), fabs(backward)))) {
      kinks++;
      continue;
    }
    if (fabs(numeric - grad[i]) > tolerance * (1.0 + MAX(fabs(numeric), fabs(grad[i])))) {
      g_test_message("%s[%zu]: numeric %.6f, analytic %.6f", what, i, numeric, grad[i]);
      g_test_fail();
      return;
    }
  }
  if (kinks > 0)
    g_test_message("%s: %u of %u elements on kinks", what, kinks, checks);
  if (kinks * 4 > checks)
    g_test_fail();
}

typedef struct {
  KjLayer *layer;
  KjTensor x, y, r, dx;
  gboolean training;
  guint64 seed;
} LayerCheck;

static double
layer_check_objective(gpointer data)
{
  LayerCheck *lc = data;

  return layer_objective(lc->layer, &lc->x, &lc->y, &lc->r, lc->training, lc->seed);
}

/* Forward, backward with dy = r, then every gradient of the layer checked
 * numerically: input and trained parameters.  Frees the layer. */
static void
check_layer(KjLayer *layer, guint n, gboolean spaced, float h, double tolerance)
{
  LayerCheck lc = { .layer = layer, .training = TRUE, .seed = 42 };
  KjRng rng;

  g_assert_nonnull(layer);
  kj_rng_init(&rng, 1234);
  kj_tensor_init(&lc.x);
  kj_tensor_init(&lc.y);
  kj_tensor_init(&lc.r);
  kj_tensor_init(&lc.dx);
  if (layer->klass->init_weights != NULL)
    layer->klass->init_weights(layer, &rng);
  /* trained parameters away from their initial 0 and 1 */
  for (guint p = 0; p < layer->n_params; p++)
    if (layer->params[p].grad != NULL)
      for (gsize i = 0; i < layer->params[p].size; i++)
        layer->params[p].value[i] += 0.3f * kj_rng_normal(&rng);

  kj_tensor_reshape(&lc.x, n, &layer->in);
  if (spaced)
    fill_spaced(&lc.x, &rng);
  else
    fill_normal(&lc.x, &rng, 1.0f);
  kj_tensor_reshape(&lc.r, n, &layer->out);
  fill_normal(&lc.r, &rng, 1.0f);

  layer_check_objective(&lc);
  g_assert_cmpuint(lc.y.n, ==, n);
  g_assert_true(kj_shape_equal(&lc.y.shape, &layer->out));
  /* poison the outputs: backward must write (=), never accumulate */
  kj_tensor_reshape(&lc.dx, n, &layer->in);
  for (gsize i = 0; i < kj_tensor_size(&lc.dx); i++)
    lc.dx.data[i] = NAN;
  for (guint p = 0; p < layer->n_params; p++)
    if (layer->params[p].grad != NULL)
      for (gsize i = 0; i < layer->params[p].size; i++)
        layer->params[p].grad[i] = NAN;
  layer->klass->backward(layer, &lc.x, &lc.y, &lc.r, &lc.dx);
  g_assert_true(kj_shape_equal(&lc.dx.shape, &layer->in));

  check_gradient("dx", lc.x.data, lc.dx.data, kj_tensor_size(&lc.x), layer_check_objective, &lc, h,
                 tolerance, &rng);
  for (guint p = 0; p < layer->n_params; p++) {
    KjParam *param = &layer->params[p];

    if (param->grad != NULL)
      check_gradient(param->name, param->value, param->grad, param->size, layer_check_objective,
                     &lc, h, tolerance, &rng);
  }
  kj_tensor_clear(&lc.x);
  kj_tensor_clear(&lc.y);
  kj_tensor_clear(&lc.r);
  kj_tensor_clear(&lc.dx);
  kj_layer_free(layer);
}

/* ---- tensors, RNG, BLAS ---------------------------------------------- */

static void
test_tensor(void)
{
  KjShape a = { 2, 3, 4 }, b = { 1, 1, 5 };
  KjTensor t, u;
  float *data;

  kj_tensor_init(&t);
  kj_tensor_init(&u);
  kj_tensor_reshape(&t, 3, &a);
  g_assert_cmpuint(kj_tensor_size(&t), ==, 72);
  data = t.data;
  kj_tensor_zero(&t);
  g_assert_cmpfloat(t.data[71], ==, 0.0f);
  /* shrinking keeps the buffer */
  kj_tensor_reshape(&t, 2, &b);
  g_assert_true(t.data == data);
  g_assert_cmpuint(t.capacity, ==, 72);
  t.data[9] = 7.0f;
  kj_tensor_copy(&u, &t);
  g_assert_true(kj_shape_equal(&u.shape, &b));
  g_assert_cmpfloat(u.data[9], ==, 7.0f);
  /* sizes that overflow are refused softly */
  g_assert_false(kj_tensor_try_reshape(&u, G_MAXUINT, &(KjShape){ G_MAXUINT, G_MAXUINT, 4 }));
  g_assert_cmpuint(u.n, ==, 2);
  kj_tensor_clear(&t);
  kj_tensor_clear(&u);
  g_assert_null(t.data);
}

static void
test_rng(void)
{
  KjRng a, b;
  guint32 items[50];
  double sum = 0.0, sq = 0.0;
  guint counts[3] = { 0 };

  kj_rng_init(&a, 99);
  kj_rng_init(&b, 99);
  for (int i = 0; i < 100; i++)
    g_assert_cmpuint(kj_rng_next(&a), ==, kj_rng_next(&b));
  kj_rng_init(&b, 100);
  g_assert_cmpuint(kj_rng_next(&a), !=, kj_rng_next(&b));
  /* seed 0 is a good seed */
  kj_rng_init(&a, 0);
  g_assert_cmpuint(kj_rng_next(&a) | kj_rng_next(&a), !=, 0);

  for (int i = 0; i < 20000; i++) {
    float u = kj_rng_uniform(&a), z = kj_rng_normal(&a);

    g_assert_cmpfloat(u, >=, 0.0f);
    g_assert_cmpfloat(u, <, 1.0f);
    g_assert_true(isfinite(z));
    sum += z;
    sq += (double)z * z;
    counts[kj_rng_below(&a, 3)]++;
  }
  g_assert_cmpfloat_with_epsilon(sum / 20000, 0.0, 0.05);
  g_assert_cmpfloat_with_epsilon(sq / 20000, 1.0, 0.05);
  for (int i = 0; i < 3; i++)
    g_assert_cmpuint(counts[i], >, 6300);

  for (guint i = 0; i < G_N_ELEMENTS(items); i++)
    items[i] = i;
  kj_rng_shuffle(&a, items, G_N_ELEMENTS(items));
  for (guint i = 0; i < G_N_ELEMENTS(items); i++) {
    gboolean found = FALSE;

    for (guint j = 0; j < G_N_ELEMENTS(items); j++)
      found |= items[j] == i;
    g_assert_true(found);
  }
}

static void
test_sgemm(void)
{
  /* A (2×3), B (3×2), row-major, in each transposition */
  const float a[] = { 1, 2, 3, 4, 5, 6 }, at[] = { 1, 4, 2, 5, 3, 6 };
  const float b[] = { 1, 0, 0, 1, 2, 2 }, bt[] = { 1, 0, 2, 0, 1, 2 };
  const float expected[] = { 7, 8, 16, 17 };
  float c[4];

  for (int ta = 0; ta < 2; ta++)
    for (int tb = 0; tb < 2; tb++) {
      for (int i = 0; i < 4; i++)
        c[i] = 100.0f;
      /* C <- op(A) · op(B) + 0.5 C */
      kj_sgemm(ta, tb, 2, 2, 3, 1.0f, ta ? at : a, ta ? 2 : 3, tb ? bt : b, tb ? 3 : 2, 0.5f, c, 2);
      for (int i = 0; i < 4; i++)
        g_assert_cmpfloat_with_epsilon(c[i], expected[i] + 50.0f, 1e-5);
    }
  g_assert_cmpint(kj_blas_get_threads(), >=, 1);
  g_assert_nonnull(kj_blas_get_core_name());
}

/* ---- layers ------------------------------------------------------------ */

/* The convolution against its definition, for the shapes im2col treats
 * differently: stride, padding wider than K/2, even and 1×1 kernels. */
static void
test_conv_forward(void)
{
  static const guint configs[][3] = { /* k, stride, pad */
                                      { 3, 1, 1 }, { 3, 2, 1 }, { 3, 1, 0 }, { 5, 1, 2 },
                                      { 5, 2, 2 }, { 1, 1, 0 }, { 1, 2, 0 }, { 2, 1, 1 },
                                      { 3, 1, 2 }, { 3, 3, 0 }
  };
  KjRng rng;

  kj_rng_init(&rng, 5);
  for (guint t = 0; t < 2 * G_N_ELEMENTS(configs); t++) {
    /* 3 channels lower image by image, 8 as a batch */
    KjShape in = { t % 2 == 0 ? 3 : 8, 7, 5 };
    guint k = configs[t / 2][0], s = configs[t / 2][1], p = configs[t / 2][2], oc = 4, n = 2;
    KjLayer *layer = kj_conv_layer_new(&in, k, s, p, oc, 0, NULL);
    KjTensor x, y;

    kj_tensor_init(&x);
    kj_tensor_init(&y);
    layer->klass->init_weights(layer, &rng);
    for (guint o = 0; o < oc; o++)
      layer->params[1].value[o] = 0.1f * o;
    kj_tensor_reshape(&x, n, &in);
    fill_normal(&x, &rng, 1.0f);
    layer->klass->forward(layer, &x, &y, TRUE, NULL);
    g_assert_cmpuint(y.shape.h, ==, (in.h + 2 * p - k) / s + 1);
    g_assert_cmpuint(y.shape.w, ==, (in.w + 2 * p - k) / s + 1);

    for (guint i = 0; i < n; i++)
      for (guint o = 0; o < oc; o++)
        for (guint oy = 0; oy < y.shape.h; oy++)
          for (guint ox = 0; ox < y.shape.w; ox++) {
            double sum = layer->params[1].value[o];

            for (guint c = 0; c < in.c; c++)
              for (guint ky = 0; ky < k; ky++)
                for (guint kx = 0; kx < k; kx++) {
                  int iy = (int)(oy * s + ky) - (int)p, ix = (int)(ox * s + kx) - (int)p;

                  if (iy >= 0 && iy < (int)in.h && ix >= 0 && ix < (int)in.w)
                    sum += (double)layer->params[0].value[((o * in.c + c) * k + ky) * k + kx] *
                           x.data[((i * in.c + c) * in.h + iy) * in.w + ix];
                }
            g_assert_cmpfloat_with_epsilon(y.data[((i * oc + o) * y.shape.h + oy) * y.shape.w + ox],
                                           sum, 1e-4);
          }
    kj_tensor_clear(&x);
    kj_tensor_clear(&y);
    kj_layer_free(layer);
  }
}

static void
test_conv_gradients(void)
{
  /* C·K·K < 64 lowers image by image, larger ones as a whole batch */
  static const guint configs[][4] = {
    /* k, stride, pad, channels in */
    { 3, 1, 1, 2 }, { 3, 2, 1, 2 },  { 3, 1, 0, 3 }, { 5, 1, 2, 2 }, { 5, 2, 2, 1 }, { 1, 1, 0, 3 },
    { 1, 2, 0, 2 }, { 3, 1, 2, 2 },  { 2, 1, 1, 2 }, { 3, 1, 1, 8 }, { 3, 2, 1, 8 }, { 3, 1, 0, 8 },
    { 5, 1, 2, 3 }, { 2, 1, 1, 16 }, { 1, 1, 0, 8 }, { 1, 2, 0, 70 }
  };

  for (guint t = 0; t < G_N_ELEMENTS(configs); t++) {
    KjShape in = { configs[t][3], 7, 5 };

    g_test_message("conv k=%u s=%u p=%u", configs[t][0], configs[t][1], configs[t][2]);
    check_layer(kj_conv_layer_new(&in, configs[t][0], configs[t][1], configs[t][2], 3, 0, NULL), 3,
                FALSE, 1e-2f, 1e-2);
  }
}

static void
test_pool_gradients(void)
{
  static const guint configs[][2] = { { 2, 2 }, { 3, 2 }, { 2, 1 }, { 3, 3 }, { 1, 1 } };
  KjShape odd = { 3, 7, 5 }, even = { 2, 6, 8 };

  for (guint t = 0; t < G_N_ELEMENTS(configs); t++) {
    check_layer(kj_pool_layer_new(&odd, configs[t][0], configs[t][1], 0, NULL), 2, TRUE, 1e-3f,
                1e-2);
    check_layer(kj_pool_layer_new(&even, configs[t][0], configs[t][1], 0, NULL), 2, TRUE, 1e-3f,
                1e-2);
  }
}

static void
test_pool_forward(void)
{
  /* 4×4 plane; 2×2 windows: the maxima, ties to the first */
  const float plane[] = { 1, 5, 2, 2, 3, 0, 2, 2, -1, -2, 9, 9, -3, -4, 9, 8 };
  KjShape in = { 1, 4, 4 };
  KjLayer *layer = kj_pool_layer_new(&in, 2, 2, 0, NULL);
  KjTensor x, y, dy, dx;

  kj_tensor_init(&x);
  kj_tensor_init(&y);
  kj_tensor_init(&dy);
  kj_tensor_init(&dx);
  kj_tensor_reshape(&x, 1, &in);
  memcpy(x.data, plane, sizeof plane);
  layer->klass->forward(layer, &x, &y, TRUE, NULL);
  g_assert_cmpfloat(y.data[0], ==, 5);
  g_assert_cmpfloat(y.data[1], ==, 2);
  g_assert_cmpfloat(y.data[2], ==, -1);
  g_assert_cmpfloat(y.data[3], ==, 9);
  kj_tensor_copy(&dy, &y);
  for (int i = 0; i < 4; i++)
    dy.data[i] = (float)(i + 1);
  layer->klass->backward(layer, &x, &y, &dy, &dx);
  /* the first of the tied 2s (offset 2) and 9s (offset 10) */
  for (int i = 0; i < 16; i++) {
    float expected = i == 1 ? 1 : i == 2 ? 2 : i == 8 ? 3 : i == 10 ? 4 : 0;

    g_assert_cmpfloat(dx.data[i], ==, expected);
  }
  kj_tensor_clear(&x);
  kj_tensor_clear(&y);
  kj_tensor_clear(&dy);
  kj_tensor_clear(&dx);
  kj_layer_free(layer);
}

static void
test_simple_gradients(void)
{
  KjShape map = { 3, 5, 4 }, features = { 6, 1, 1 }, small = { 3, 4, 2 };

  check_layer(kj_relu_layer_new(&map, 0, NULL), 2, TRUE, 1e-3f, 1e-2);
  check_layer(kj_dense_layer_new(&features, 5, 0, NULL), 4, FALSE, 1e-2f, 1e-2);
  /* a map flattened implicitly */
  check_layer(kj_dense_layer_new(&small, 5, 0, NULL), 3, FALSE, 1e-2f, 1e-2);
  check_layer(kj_gap_layer_new(&map, 0, NULL), 3, FALSE, 1e-2f, 1e-2);
  check_layer(kj_flatten_layer_new(&map, 0, NULL), 2, FALSE, 1e-2f, 1e-2);
  /* the same mask for every evaluation: forward draws from the same seed */
  check_layer(kj_dropout_layer_new(&map, 0.4f, 0, NULL), 3, FALSE, 1e-2f, 1e-2);
}

static void
test_batchnorm_gradients(void)
{
  KjShape map = { 3, 5, 4 }, features = { 6, 1, 1 };

  check_layer(kj_batchnorm_layer_new(&map, 0, NULL), 4, FALSE, 1e-2f, 2e-2);
  check_layer(kj_batchnorm_layer_new(&features, 0, NULL), 5, FALSE, 1e-2f, 2e-2);
}

static void
test_dropout(void)
{
  KjShape shape = { 4, 10, 10 };
  KjLayer *layer = kj_dropout_layer_new(&shape, 0.25f, 0, NULL);
  KjTensor x, y, y2;
  KjRng rng;
  guint dropped = 0;

  kj_tensor_init(&x);
  kj_tensor_init(&y);
  kj_tensor_init(&y2);
  kj_tensor_reshape(&x, 10, &shape);
  kj_tensor_zero(&x);
  for (gsize i = 0; i < kj_tensor_size(&x); i++)
    x.data[i] = 1.0f;
  kj_rng_init(&rng, 3);
  layer->klass->forward(layer, &x, &y, TRUE, &rng);
  for (gsize i = 0; i < kj_tensor_size(&y); i++) {
    g_assert_true(y.data[i] == 0.0f || fabsf(y.data[i] - 1.0f / 0.75f) < 1e-6f);
    dropped += y.data[i] == 0.0f;
  }
  g_assert_cmpuint(dropped, >, 850);
  g_assert_cmpuint(dropped, <, 1150);
  /* the same seed drops the same units */
  kj_rng_init(&rng, 3);
  layer->klass->forward(layer, &x, &y2, TRUE, &rng);
  g_assert_cmpmem(y.data, kj_tensor_size(&y) * sizeof(float), y2.data,
                  kj_tensor_size(&y2) * sizeof(float));
  /* evaluation: the identity */
  layer->klass->forward(layer, &x, &y, FALSE, NULL);
  g_assert_cmpmem(x.data, kj_tensor_size(&x) * sizeof(float), y.data,
                  kj_tensor_size(&y) * sizeof(float));
  kj_tensor_clear(&x);
  kj_tensor_clear(&y);
  kj_tensor_clear(&y2);
  kj_layer_free(layer);
}

static void
test_batchnorm_modes(void)
{
  KjShape shape = { 2, 3, 3 };
  KjLayer *layer = kj_batchnorm_layer_new(&shape, 7, NULL);
  KjTensor x, y;
  KjRng rng;

  g_assert_cmpstr(layer->params[0].name, ==, "7.bn.weight");
  g_assert_cmpstr(layer->params[2].name, ==, "7.bn.running_mean");
  g_assert_null(layer->params[2].grad);
  g_assert_null(layer->params[3].grad);
  g_assert_nonnull(layer->params[0].grad);
  g_assert_cmpfloat(layer->params[3].value[1], ==, 1.0f);

  kj_rng_init(&rng, 8);
  kj_tensor_init(&x);
  kj_tensor_init(&y);
  kj_tensor_reshape(&x, 4, &shape);
  fill_normal(&x, &rng, 2.0f);
  for (gsize i = 0; i < kj_tensor_size(&x); i++)
    x.data[i] += 3.0f;

  /* training: each channel comes out with mean 0, variance 1 */
  layer->klass->forward(layer, &x, &y, TRUE, NULL);
  for (guint c = 0; c < 2; c++) {
    double sum = 0, sq = 0, batch_mean = 0, batch_var = 0;

    for (guint i = 0; i < 4; i++)
      for (guint p = 0; p < 9; p++) {
        sum += y.data[(i * 2 + c) * 9 + p];
        sq += y.data[(i * 2 + c) * 9 + p] * y.data[(i * 2 + c) * 9 + p];
        batch_mean += x.data[(i * 2 + c) * 9 + p] / 36.0;
      }
    g_assert_cmpfloat_with_epsilon(sum / 36, 0.0, 1e-5);
    g_assert_cmpfloat_with_epsilon(sq / 36, 1.0, 1e-3);
    for (guint i = 0; i < 4; i++)
      for (guint p = 0; p < 9; p++)
        batch_var += pow(x.data[(i * 2 + c) * 9 + p] - batch_mean, 2) / 35.0;
    /* momentum 0.1 from 0 and 1; the unbiased variance */
    g_assert_cmpfloat_with_epsilon(layer->params[2].value[c], 0.1 * batch_mean, 1e-5);
    g_assert_cmpfloat_with_epsilon(layer->params[3].value[c], 0.9 + 0.1 * batch_var, 1e-4);
  }

  /* evaluation: the running statistics, whatever the batch */
  layer->params[0].value[1] = 2.0f;
  layer->params[1].value[1] = 0.5f;
  layer->params[2].value[1] = 1.0f;
  layer->params[3].value[1] = 4.0f;
  layer->klass->forward(layer, &x, &y, FALSE, NULL);
  for (guint i = 0; i < 4; i++)
    for (guint p = 0; p < 9; p++) {
      gsize at = (i * 2 + 1) * 9 + p;

      g_assert_cmpfloat_with_epsilon(y.data[at], 2.0 * (x.data[at] - 1.0) / sqrt(4.0 + 1e-5) + 0.5,
                                     1e-5);
    }
  kj_tensor_clear(&x);
  kj_tensor_clear(&y);
  kj_layer_free(layer);
}

static void
test_im2col_roundtrip(void)
{
  /* col2im is the adjoint of im2col: <im2col(x), c> = <x, col2im(c)> */
  KjWindow win = { 2, 6, 5, 3, 2, 1, 3, 3 };
  KjRng rng;
  gsize xs = 2 * 2 * 6 * 5, cs = 2 * 9 * 2 * 9;
  g_autofree float *x = g_new(float, xs), *col = g_new(float, cs), *c = g_new(float, cs);
  g_autofree float *back = g_new(float, xs);
  double left = 0, right = 0;

  kj_rng_init(&rng, 11);
  for (gsize i = 0; i < xs; i++)
    x[i] = kj_rng_normal(&rng);
  for (gsize i = 0; i < cs; i++)
    c[i] = kj_rng_normal(&rng);
  kj_im2col(&win, x, 2, col);
  for (gsize i = 0; i < cs; i++)
    left += (double)col[i] * c[i];
  kj_col2im(&win, c, 2, back);
  for (gsize i = 0; i < xs; i++)
    right += (double)x[i] * back[i];
  g_assert_cmpfloat_with_epsilon(left, right, 1e-4);
}

/* ---- networks ---------------------------------------------------------- */

static KjNetwork *
network_new(const char *spec, guint c, guint h, guint w, guint classes)
{
  KjShape shape = { c, h, w };
  g_autoptr(GError) error = NULL;
  KjNetwork *net = kj_network_new(spec, &shape, classes, &error);

  g_assert_no_error(error);
  g_assert_nonnull(net);
  return net;
}

typedef struct {
  KjNetwork *net;
  KjTensor *x;
  const guint16 *labels;
} NetCheck;

static double
network_objective(gpointer data)
{
  NetCheck *nc = data;

  kj_network_seed_dropout(nc->net, 5);
  kj_network_forward(nc->net, nc->x, TRUE);
  return kj_network_loss(nc->net, nc->labels, NULL);
}

/* Every trained parameter of a whole network against central differences
 * of its loss: the loss's own gradient and the chain between layers. */
static void
check_network(const char *spec, guint c, guint h, guint w, guint classes, float h_step)
{
  g_autoptr(KjNetwork) net = network_new(spec, c, h, w, classes);
  KjShape shape = { c, h, w };
  guint16 labels[4] = { 0, 1, 2 % classes, 1 };
  KjTensor x;
  KjRng rng;
  NetCheck nc = { net, &x, labels };

  g_test_message("network %s", spec);
  kj_rng_init(&rng, 77);
  kj_tensor_init(&x);
  kj_tensor_reshape(&x, 4, &shape);
  fill_normal(&x, &rng, 1.0f);
  kj_network_init_weights(net, 3);
  /* biases and norms away from 0 and 1 */
  for (guint i = 0; i < kj_network_get_n_params(net); i++) {
    KjParam *p = kj_network_get_param(net, i);

    if (p->grad != NULL && p->rank == 1)
      for (gsize j = 0; j < p->size; j++)
        p->value[j] += 0.2f * kj_rng_normal(&rng);
  }
  network_objective(&nc);
  kj_network_backward(net);
  for (guint i = 0; i < kj_network_get_n_params(net); i++) {
    KjParam *p = kj_network_get_param(net, i);
    g_autofree float *grad = NULL;

    if (p->grad == NULL)
      continue;
    /* the objective runs backward-free forwards, so keep a copy */
    grad = g_memdup2(p->grad, p->size * sizeof(float));
    check_gradient(p->name, p->value, grad, p->size, network_objective, &nc, h_step, 2e-2, &rng);
  }
  kj_tensor_clear(&x);
}

static void
test_network_gradients(void)
{
  check_network("dense:3", 4, 1, 1, 3, 1e-2f);
  check_network("conv3x3:4 relu pool2 conv3x3s2:6 relu gap dense:3", 2, 8, 7, 3, 3e-4f);
  check_network("conv3x3:4 bn relu pool3s2 flatten dense:8 bn relu dropout:0.3 dense:3", 1, 9, 9, 3,
                3e-4f);
}

static void
test_loss(void)
{
  /* dense:3 with W = I and b = 0 passes the input through as logits */
  g_autoptr(KjNetwork) net = network_new("dense:3", 3, 1, 1, 3);
  KjLayer *dense = kj_network_get_layer(net, 0);
  KjShape shape = { 3, 1, 1 };
  const float logits[] = { 1.0f, 2.0f, 3.0f, 1000.0f, -1000.0f, 0.0f };
  guint16 labels[] = { 2, 1 };
  KjTensor x, probabilities;
  guint correct = 99;
  double loss, expected;

  kj_tensor_init(&x);
  kj_tensor_init(&probabilities);
  memset(dense->params[0].value, 0, 9 * sizeof(float));
  for (int i = 0; i < 3; i++)
    dense->params[0].value[i * 3 + i] = 1.0f;
  memset(dense->params[1].value, 0, 3 * sizeof(float));
  kj_tensor_reshape(&x, 2, &shape);
  memcpy(x.data, logits, sizeof logits);

  kj_network_forward(net, &x, TRUE);
  loss = kj_network_loss(net, labels, &correct);
  /* no overflow for ±1000: the second sample's loss is 2000 */
  expected = (log(exp(1.0) + exp(2.0) + exp(3.0)) - 3.0 + 2000.0) / 2;
  g_assert_true(isfinite(loss));
  g_assert_cmpfloat_with_epsilon(loss, expected, 1e-4);
  g_assert_cmpuint(correct, ==, 1);

  kj_network_predict(net, &x, &probabilities);
  g_assert_cmpuint(probabilities.n, ==, 2);
  g_assert_cmpfloat_with_epsilon(probabilities.data[2], exp(3.0) / (exp(1) + exp(2) + exp(3)),
                                 1e-6);
  g_assert_cmpfloat_with_epsilon(probabilities.data[3], 1.0, 1e-6);
  g_assert_cmpfloat(probabilities.data[4], ==, 0.0f);
  kj_tensor_clear(&x);
  kj_tensor_clear(&probabilities);
}

static void
sgd_step(KjNetwork *net, float rate)
{
  for (guint i = 0; i < kj_network_get_n_params(net); i++) {
    KjParam *p = kj_network_get_param(net, i);

    if (p->grad != NULL)
      for (gsize j = 0; j < p->size; j++)
        p->value[j] -= rate * p->grad[j];
  }
}

static void
test_overfit(void)
{
  g_autoptr(KjNetwork) net =
      network_new("conv3x3:8 relu pool2 conv3x3:8 bn relu dense:16 relu dense:3", 1, 8, 8, 3);
  KjShape shape = { 1, 8, 8 };
  guint16 labels[8];
  KjTensor x;
  KjRng rng;
  double loss = 0.0;
  guint correct = 0;

  kj_rng_init(&rng, 21);
  kj_tensor_init(&x);
  kj_tensor_reshape(&x, 8, &shape);
  fill_normal(&x, &rng, 1.0f);
  for (int i = 0; i < 8; i++)
    labels[i] = (guint16)(i % 3);
  kj_network_init_weights(net, 4);
  for (int step = 0; step < 300 && !(loss < 0.02 && step > 0); step++) {
    kj_network_forward(net, &x, TRUE);
    loss = kj_network_loss(net, labels, &correct);
    g_assert_true(isfinite(loss));
    kj_network_backward(net);
    sgd_step(net, 0.05f);
  }
  g_test_message("overfit: loss %.4f", loss);
  g_assert_cmpfloat(loss, <, 0.05);
  g_assert_cmpuint(correct, ==, 8);
  kj_tensor_clear(&x);
}

static void
train_steps(KjNetwork *net, guint64 seed, double *losses, guint n_steps)
{
  KjShape shape = { 1, 10, 10 };
  KjTensor x;
  KjRng rng;
  guint16 labels[16];

  kj_rng_init(&rng, 8);
  kj_tensor_init(&x);
  kj_tensor_reshape(&x, 16, &shape);
  kj_network_init_weights(net, seed);
  kj_network_seed_dropout(net, seed);
  for (guint s = 0; s < n_steps; s++) {
    fill_normal(&x, &rng, 1.0f);
    for (int i = 0; i < 16; i++)
      labels[i] = (guint16)kj_rng_below(&rng, 4);
    kj_network_forward(net, &x, TRUE);
    losses[s] = kj_network_loss(net, labels, NULL);
    kj_network_backward(net);
    sgd_step(net, 0.05f);
  }
  kj_tensor_clear(&x);
}

static void
test_determinism(void)
{
  const char *spec = "conv3x3:6 bn relu pool2 conv3x3:8 relu dense:12 relu dropout:0.5 dense:4";
  g_autoptr(KjNetwork) a = network_new(spec, 1, 10, 10, 4);
  g_autoptr(KjNetwork) b = network_new(spec, 1, 10, 10, 4);
  g_autoptr(KjNetwork) c = network_new(spec, 1, 10, 10, 4);
  double la[5], lb[5], lc[5];
  gboolean differs = FALSE;

  train_steps(a, 123, la, 5);
  train_steps(b, 123, lb, 5);
  train_steps(c, 124, lc, 5);
  g_assert_cmpmem(la, sizeof la, lb, sizeof lb);
  g_assert_cmpuint(kj_network_get_n_params(a), ==, kj_network_get_n_params(b));
  for (guint i = 0; i < kj_network_get_n_params(a); i++) {
    KjParam *pa = kj_network_get_param(a, i), *pb = kj_network_get_param(b, i);
    KjParam *pc = kj_network_get_param(c, i);

    g_assert_cmpstr(pa->name, ==, pb->name);
    g_assert_cmpmem(pa->value, pa->size * sizeof(float), pb->value, pb->size * sizeof(float));
    differs |= memcmp(pa->value, pc->value, pa->size * sizeof(float)) != 0;
  }
  g_assert_true(differs);
  g_assert_cmpfloat(la[0], !=, lc[0]);
}

/* Weights and biases start uniform in ±1/√fan_in, as PyTorch's default
 * kaiming_uniform_(a = √5); batch norm at scale 1, shift 0. */
static void
test_init(void)
{
  g_autoptr(KjNetwork) net =
      network_new("conv3x3:32 bn relu pool2 dense:64 relu dense:10", 3, 16, 16, 10);
  const struct {
    const char *name;
    double fan_in;
  } expected[] = {
    { "0.conv.weight", 3 * 3 * 3 }, { "0.conv.bias", 3 * 3 * 3 }, { "4.dense.weight", 32 * 8 * 8 },
    { "4.dense.bias", 32 * 8 * 8 }, { "6.dense.weight", 64 },     { "6.dense.bias", 64 },
  };
  guint checked = 0;

  kj_network_init_weights(net, 7);
  for (guint i = 0; i < kj_network_get_n_params(net); i++) {
    KjParam *p = kj_network_get_param(net, i);
    double sum = 0, squares = 0, bound;

    if (strstr(p->name, ".bn.") != NULL) {
      gboolean one = g_str_has_suffix(p->name, "weight") || g_str_has_suffix(p->name, "var");

      for (gsize j = 0; j < p->size; j++)
        g_assert_cmpfloat(p->value[j], ==, one ? 1.0f : 0.0f);
      continue;
    }
    for (guint e = 0; e < G_N_ELEMENTS(expected); e++) {
      if (!g_str_equal(p->name, expected[e].name))
        continue;
      bound = 1.0 / sqrt(expected[e].fan_in);
      for (gsize j = 0; j < p->size; j++) {
        g_assert_cmpfloat(fabs(p->value[j]), <=, bound);
        sum += p->value[j];
        squares += (double)p->value[j] * p->value[j];
      }
      /* Uniform in ±b: variance b²/3.  Large tensors only: few samples vary. */
      if (p->size >= 1000) {
        g_assert_cmpfloat(fabs(sum / p->size), <, 0.05 * bound);
        g_assert_cmpfloat(fabs(squares / p->size / (bound * bound / 3) - 1), <, 0.05);
      }
      checked++;
    }
  }
  g_assert_cmpuint(checked, ==, G_N_ELEMENTS(expected));
}

static void
test_eval_mode(void)
{
  /* in evaluation, dropout is the identity and batch norm uses the running
   * statistics: a sample's output does not depend on the rest of its batch */
  g_autoptr(KjNetwork) net = network_new("dense:6 bn relu dropout:0.5 dense:3", 4, 1, 1, 3);
  KjShape shape = { 4, 1, 1 };
  KjTensor x, one, p_batch, p_one, p_again;
  KjRng rng;

  kj_rng_init(&rng, 31);
  kj_tensor_init(&x);
  kj_tensor_init(&one);
  kj_tensor_init(&p_batch);
  kj_tensor_init(&p_one);
  kj_tensor_init(&p_again);
  kj_tensor_reshape(&x, 5, &shape);
  fill_normal(&x, &rng, 1.0f);
  kj_network_init_weights(net, 9);
  kj_network_forward(net, &x, TRUE); /* moves the running statistics */

  kj_network_predict(net, &x, &p_batch);
  kj_network_predict(net, &x, &p_again);
  g_assert_cmpmem(p_batch.data, 15 * sizeof(float), p_again.data, 15 * sizeof(float));
  kj_tensor_reshape(&one, 1, &shape);
  memcpy(one.data, x.data + 8, 4 * sizeof(float));
  kj_network_predict(net, &one, &p_one);
  for (int j = 0; j < 3; j++)
    g_assert_cmpfloat_with_epsilon(p_one.data[j], p_batch.data[2 * 3 + j], 1e-6);
  g_assert_cmpfloat_with_epsilon(p_one.data[0] + p_one.data[1] + p_one.data[2], 1.0, 1e-6);

  /* backward needs a training forward */
  g_test_expect_message(G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*training*");
  kj_network_loss(net, (const guint16[]){ 0 }, NULL);
  kj_network_backward(net);
  g_test_assert_expected_messages();

  kj_tensor_clear(&x);
  kj_tensor_clear(&one);
  kj_tensor_clear(&p_batch);
  kj_tensor_clear(&p_one);
  kj_tensor_clear(&p_again);
}

/* ---- specs and presets ------------------------------------------------- */

static void
test_spec_canonical(void)
{
  static const char *const cases[][2] = {
    { "conv3x3:32 relu pool2 dense:10", "conv3x3:32 relu pool2 dense:10" },
    { "  conv3x3s1p1:32\trelu\n pool2s2  dense:10 ", "conv3x3:32 relu pool2 dense:10" },
    { "CONV5x5s2p0:8 BN Relu pool3s2 GAP dense:10", "conv5x5s2p0:8 bn relu pool3s2 gap dense:10" },
    { "conv1x1p0:4 flatten dropout:0.30 dense:10", "conv1x1:4 flatten dropout:0.3 dense:10" },
    { "conv2x2:4 dropout:0 dense:10", "conv2x2:4 dropout:0 dense:10" },
    { "conv4x4p1:4 pool2s1 dense:10", "conv4x4p1:4 pool2s1 dense:10" },
  };
  KjShape shape = { 1, 28, 28 };

  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(GError) error = NULL;
    g_autoptr(KjNetwork) net = kj_network_new(cases[i][0], &shape, 10, &error);
    g_autofree char *canonical = kj_spec_canonicalize(cases[i][0], NULL);

    g_assert_no_error(error);
    g_assert_cmpstr(kj_network_get_spec(net), ==, cases[i][1]);
    g_assert_cmpstr(canonical, ==, cases[i][1]);
    /* canonical specs are fixed points */
    g_free(canonical);
    canonical = kj_spec_canonicalize(cases[i][1], NULL);
    g_assert_cmpstr(canonical, ==, cases[i][1]);
  }
}

static void
test_spec_errors(void)
{
  static const struct {
    const char *spec;
    guint classes;
    int code;
    const char *fragment; /* in the message */
  } cases[] = {
    { "", 10, KJ_ERROR_PARSE, "empty" },
    { "   ", 10, KJ_ERROR_PARSE, "empty" },
    { "conv3x3:32 relu conv3x:32 dense:10", 10, KJ_ERROR_PARSE, "Layer 3 “conv3x:32”" },
    { "conv3x5:32 dense:10", 10, KJ_ERROR_PARSE, "Layer 1 “conv3x5:32”" },
    { "conv3x3 dense:10", 10, KJ_ERROR_PARSE, "conv3x3:32" },
    { "conv3x3:32q dense:10", 10, KJ_ERROR_PARSE, "“conv3x3:32q”" },
    { "conv3x3:-4 dense:10", 10, KJ_ERROR_PARSE, "“conv3x3:-4”" },
    { "pool dense:10", 10, KJ_ERROR_PARSE, "Layer 1 “pool”" },
    { "relu softmax dense:10", 10, KJ_ERROR_PARSE, "Layer 2 “softmax”" },
    { "dense:ten", 10, KJ_ERROR_PARSE, "“dense:ten”" },
    { "dropout:half dense:10", 10, KJ_ERROR_PARSE, "“dropout:half”" },
    { "relu:2 dense:10", 10, KJ_ERROR_PARSE, "“relu:2”" },
    { "conv17x17:8 dense:10", 10, KJ_ERROR_INVALID_VALUE, "Layer 1 “conv17x17:8”" },
    { "conv0x0:8 dense:10", 10, KJ_ERROR_INVALID_VALUE, "kernel" },
    { "conv3x3s0:8 dense:10", 10, KJ_ERROR_INVALID_VALUE, "stride" },
    { "conv3x3p2:8 dense:10", 10, KJ_ERROR_INVALID_VALUE, "padding" },
    { "conv3x3:5000 dense:10", 10, KJ_ERROR_INVALID_VALUE, "channels" },
    { "conv3x3:0 dense:10", 10, KJ_ERROR_INVALID_VALUE, "channels" },
    { "conv3x3:99999999999999 dense:10", 10, KJ_ERROR_INVALID_VALUE, "channels" },
    { "dense:4097 dense:10", 10, KJ_ERROR_INVALID_VALUE, "Layer 1 “dense:4097”" },
    { "dropout:1 dense:10", 10, KJ_ERROR_INVALID_VALUE, "Layer 1 “dropout:1”" },
    { "dropout:0.9999999999 dense:10", 10, KJ_ERROR_INVALID_VALUE, "dropout" },
    { "dropout:-0.1 dense:10", 10, KJ_ERROR_INVALID_VALUE, "dropout" },
    { "pool16 dense:10", 10, KJ_ERROR_INVALID_VALUE, "kernel" },
    /* shapes: 28 → 14 → 7 → 3 → 1 → nothing */
    { "pool2 pool2 pool2 pool2 pool2 dense:10", 10, KJ_ERROR_INVALID_VALUE,
      "Layer 5 “pool2” cannot apply to a 1×1×1 input" },
    { "conv15x15p0:4 conv15x15p0:4 dense:10", 10, KJ_ERROR_INVALID_VALUE,
      "Layer 2 “conv15x15p0:4” cannot apply to a 4×14×14 input" },
    /* the last layer */
    { "conv3x3:8 relu", 10, KJ_ERROR_INVALID_VALUE, "must be dense:10" },
    { "conv3x3:8 dense:5", 10, KJ_ERROR_INVALID_VALUE, "has 5 outputs, but there are 10 classes" },
    /* weights past 512 MiB */
    { "conv3x3:4096 dense:4096 dense:10", 10, KJ_ERROR_INVALID_VALUE, "Layer 2 “dense:4096”" },
  };
  KjShape shape = { 1, 28, 28 };
  GString *long_spec = g_string_new(NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(GError) case_error = NULL;
    KjNetwork *net = kj_network_new(cases[i].spec, &shape, cases[i].classes, &case_error);

    g_test_message("“%s”: %s", cases[i].spec, case_error != NULL ? case_error->message : "ok");
    g_assert_null(net);
    g_assert_error(case_error, KJ_ERROR, cases[i].code);
    g_assert_nonnull(strstr(case_error->message, cases[i].fragment));
  }

  for (int i = 0; i < 64; i++)
    g_string_append(long_spec, "relu ");
  g_string_append(long_spec, "dense:10");
  g_assert_null(kj_network_new(long_spec->str, &shape, 10, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_assert_nonnull(strstr(error->message, "65"));
  g_string_free(long_spec, TRUE);
}

static void
test_presets(void)
{
  const char *const *names = kj_network_preset_names();
  KjShape shape = { 1, 28, 28 }, cifar = { 3, 32, 32 };
  g_autofree char *ref = kj_network_preset_spec("fmnist-ref", 10);
  g_autoptr(KjNetwork) net = NULL;

  g_assert_cmpstr(ref, ==, "conv3x3:32 relu pool2 conv3x3:64 relu pool2 dense:128 relu dense:10");
  g_assert_null(kj_network_preset_spec("nope", 10));
  for (guint i = 0; names[i] != NULL; i++)
    for (guint classes = 5; classes <= 10; classes += 5) {
      g_autofree char *spec = kj_network_preset_spec(names[i], classes);
      g_autoptr(GError) error = NULL;
      g_autoptr(KjNetwork) preset = kj_network_new(spec, &shape, classes, &error);
      g_autoptr(KjNetwork) color = kj_network_new(spec, &cifar, classes, &error);

      g_assert_no_error(error);
      g_assert_cmpstr(kj_network_get_spec(preset), ==, spec);
      g_assert_nonnull(color);
    }

  net = kj_network_new(ref, &shape, 10, NULL);
  /* 320 + 18,496 + 401,536 + 1,290 */
  g_assert_cmpuint(kj_network_count_weights(net), ==, 421642);
  g_assert_cmpuint(kj_network_get_n_params(net), ==, 8);
  g_assert_cmpstr(kj_network_get_param(net, 0)->name, ==, "0.conv.weight");
  g_assert_cmpuint(kj_network_get_param(net, 0)->rank, ==, 4);
  g_assert_cmpuint(kj_network_get_param(net, 2)->shape[1], ==, 32);
  g_assert_cmpstr(kj_network_get_param(net, 5)->name, ==, "6.dense.bias");
  g_assert_cmpuint(kj_network_get_param(net, 4)->shape[1], ==, 3136);
  g_assert_cmpuint(kj_network_get_n_layers(net), ==, 9);
  g_assert_cmpstr(kj_network_get_layer(net, 3)->token, ==, "conv3x3:64");
  g_assert_cmpuint(kj_network_get_layer(net, 5)->out.h, ==, 7);
  g_assert_cmpuint(kj_network_get_n_classes(net), ==, 10);
  g_assert_cmpuint(kj_network_get_input_shape(net)->w, ==, 28);
  /* 2 × (28·28·32·9 + 14·14·64·288 + 3136·128 + 128·10) multiply-adds */
  g_assert_cmpfloat(kj_network_forward_flops(net), ==, 2 * (225792.0 + 3612672 + 401408 + 1280));
}

static void
test_memory_budget(void)
{
  KjShape shape = { 1, 28, 28 }, big = { 3, 4096, 4096 };
  g_autoptr(KjNetwork) net = network_new("conv3x3:32 relu dense:10", 1, 28, 28, 10);
  g_autoptr(GError) error = NULL;

  g_assert_true(kj_network_reserve(net, 16, &error));
  g_assert_no_error(error);
  /* a batch of a million: far past 2 GiB */
  g_assert_false(kj_network_reserve(net, 1000000, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_assert_nonnull(strstr(error->message, "1000000"));
  g_clear_error(&error);
  g_assert_cmpuint(kj_network_batch_bytes(net, 2), ==, 2 * kj_network_batch_bytes(net, 1));

  /* a single huge image: its activations, a layer's maps, the image itself */
  g_assert_null(kj_network_new("conv3x3:64 gap dense:10", &big, 10, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_assert_nonnull(strstr(error->message, "2 GiB"));
  g_clear_error(&error);
  g_assert_null(kj_network_new("pool2 conv3x3:256 flatten dense:10", &big, 10, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_assert_nonnull(strstr(error->message, "Layer 2 “conv3x3:256”"));
  g_clear_error(&error);
  g_assert_null(kj_network_new("gap dense:10", &(KjShape){ 4096, 32768, 32768 }, 10, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_clear_error(&error);
  g_clear_pointer(&net, kj_network_free);
  net = kj_network_new("gap dense:10", &shape, 10, &error);
  g_assert_no_error(error);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  /* the same results on every machine the tests run on */
  kj_blas_set_threads(2);

  g_test_add_func("/kj/nn/tensor", test_tensor);
  g_test_add_func("/kj/nn/rng", test_rng);
  g_test_add_func("/kj/nn/sgemm", test_sgemm);
  g_test_add_func("/kj/nn/im2col-adjoint", test_im2col_roundtrip);
  g_test_add_func("/kj/nn/conv/forward", test_conv_forward);
  g_test_add_func("/kj/nn/conv/gradients", test_conv_gradients);
  g_test_add_func("/kj/nn/pool/forward", test_pool_forward);
  g_test_add_func("/kj/nn/pool/gradients", test_pool_gradients);
  g_test_add_func("/kj/nn/layers/gradients", test_simple_gradients);
  g_test_add_func("/kj/nn/batchnorm/gradients", test_batchnorm_gradients);
  g_test_add_func("/kj/nn/batchnorm/modes", test_batchnorm_modes);
  g_test_add_func("/kj/nn/dropout", test_dropout);
  g_test_add_func("/kj/nn/network/loss", test_loss);
  g_test_add_func("/kj/nn/network/gradients", test_network_gradients);
  g_test_add_func("/kj/nn/network/overfit", test_overfit);
  g_test_add_func("/kj/nn/network/determinism", test_determinism);
  g_test_add_func("/kj/nn/network/init", test_init);
  g_test_add_func("/kj/nn/network/eval-mode", test_eval_mode);
  g_test_add_func("/kj/nn/network/memory-budget", test_memory_budget);
  g_test_add_func("/kj/nn/spec/canonical", test_spec_canonical);
  g_test_add_func("/kj/nn/spec/errors", test_spec_errors);
  g_test_add_func("/kj/nn/spec/presets", test_presets);
  return g_test_run();
}
