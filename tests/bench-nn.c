/* bench-nn — training throughput of the fmnist-ref network on random data
 *
 * Batches of 64 images 28×28×1, 2 OpenBLAS threads (or argv[1]), plain SGD.
 * Prints images per second over 200 steps, then the time of each layer's
 * forward and backward.  Run with `meson test -C build --benchmark --suite nn
 * -v` or directly. */
#include "kj-blas.h"
#include "kj-network.h"

#include <stdio.h>
#include <stdlib.h>

#define BATCH 64
#define STEPS 200

static void
fill_batch(KjRng *rng, KjTensor *x, guint16 *labels)
{
  for (gsize i = 0; i < kj_tensor_size(x); i++)
    x->data[i] = kj_rng_normal(rng);
  for (guint i = 0; i < x->n; i++)
    labels[i] = (guint16)kj_rng_below(rng, 10);
}

static int
compare_doubles(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
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

/* Runs the layers one by one on the network's own layers, timing each. */
static void
time_layers(KjNetwork *net, const KjTensor *input, guint reps)
{
  guint n_layers = kj_network_get_n_layers(net);
  g_autofree KjTensor *act = g_new0(KjTensor, n_layers + 1);
  g_autofree KjTensor *grad = g_new0(KjTensor, n_layers + 1);
  g_autofree double *fwd = g_new0(double, n_layers);
  g_autofree double *bwd = g_new0(double, n_layers);
  KjRng rng;
  double total_f = 0, total_b = 0;

  kj_rng_init(&rng, 7);
  kj_tensor_copy(&act[0], input);
  for (guint r = 0; r < reps + 1; r++) {
    for (guint i = 0; i < n_layers; i++) {
      KjLayer *layer = kj_network_get_layer(net, i);
      gint64 t = g_get_monotonic_time();

      layer->klass->forward(layer, &act[i], &act[i + 1], TRUE, &rng);
      if (r > 0)
        fwd[i] += g_get_monotonic_time() - t;
    }
    kj_tensor_copy(&grad[n_layers], &act[n_layers]);
    for (gsize j = 0; j < kj_tensor_size(&grad[n_layers]); j++)
      grad[n_layers].data[j] *= 1e-3f;
    for (guint i = n_layers; i-- > 0;) {
      KjLayer *layer = kj_network_get_layer(net, i);
      gint64 t = g_get_monotonic_time();

      layer->klass->backward(layer, &act[i], &act[i + 1], &grad[i + 1], i > 0 ? &grad[i] : NULL);
      if (r > 0)
        bwd[i] += g_get_monotonic_time() - t;
    }
  }
  printf("%-14s %10s %10s   (ms per batch of %d)\n", "layer", "forward", "backward", BATCH);
  for (guint i = 0; i < n_layers; i++) {
    KjLayer *layer = kj_network_get_layer(net, i);

    printf("%-14s %10.3f %10.3f\n", layer->token, fwd[i] / reps / 1000, bwd[i] / reps / 1000);
    total_f += fwd[i] / reps / 1000;
    total_b += bwd[i] / reps / 1000;
  }
  printf("%-14s %10.3f %10.3f   = %.3f ms\n", "total", total_f, total_b, total_f + total_b);
  for (guint i = 0; i <= n_layers; i++) {
    kj_tensor_clear(&act[i]);
    kj_tensor_clear(&grad[i]);
  }
}

int
main(int argc, char *argv[])
{
  const char *preset = argc > 2 ? argv[2] : "fmnist-ref";
  int threads = argc > 1 ? atoi(argv[1]) : 2;
  KjShape shape = { 1, 28, 28 };
  g_autofree char *spec = kj_network_preset_spec(preset, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(KjNetwork) net = NULL;
  KjTensor x;
  guint16 labels[BATCH];
  KjRng rng;
  double loss = 0.0, seconds, step_ms[STEPS];
  gint64 start;

  if (spec == NULL)
    spec = g_strdup(preset);
  kj_blas_set_threads(threads);
  net = kj_network_new(spec, &shape, 10, &error);
  if (net == NULL) {
    fprintf(stderr, "%s\n", error->message);
    return 1;
  }
  kj_network_init_weights(net, 1);
  kj_rng_init(&rng, 1);
  kj_tensor_init(&x);
  kj_tensor_reshape(&x, BATCH, &shape);

  printf("%s\nOpenBLAS core %s, %d threads, %.2f MFLOP per image forward\n",
         kj_network_get_spec(net), kj_blas_get_core_name(), kj_blas_get_threads(),
         kj_network_forward_flops(net) / 1e6);

  /* warm-up: allocations and OpenBLAS's threads */
  for (int s = 0; s < 5; s++) {
    fill_batch(&rng, &x, labels);
    kj_network_forward(net, &x, TRUE);
    kj_network_loss(net, labels, NULL);
    kj_network_backward(net);
  }
  seconds = 0.0;
  for (int s = 0; s < STEPS; s++) {
    fill_batch(&rng, &x, labels); /* not timed: the data layer's work */
    start = g_get_monotonic_time();
    kj_network_forward(net, &x, TRUE);
    loss = kj_network_loss(net, labels, NULL);
    kj_network_backward(net);
    sgd_step(net, 0.01f);
    step_ms[s] = (g_get_monotonic_time() - start) / 1e3;
    seconds += step_ms[s] / 1e3;
  }
  /* the median resists the hiccups of a shared machine */
  qsort(step_ms, STEPS, sizeof(double), compare_doubles);
  printf("training: %.0f images/s over %d steps (%.2f ms per batch of %d); median step %.2f ms "
         "= %.0f images/s; last loss %.3f\n",
         STEPS * BATCH / seconds, STEPS, seconds * 1000 / STEPS, BATCH, step_ms[STEPS / 2],
         BATCH * 1000 / step_ms[STEPS / 2], loss);

  start = g_get_monotonic_time();
  for (int s = 0; s < STEPS; s++)
    kj_network_forward(net, &x, FALSE);
  seconds = (g_get_monotonic_time() - start) / 1e6;
  printf("inference: %.0f images/s\n\n", STEPS * BATCH / seconds);

  time_layers(net, &x, 50);
  kj_tensor_clear(&x);
  return 0;
}
