/* OpenBLAS's sgemm peak on this machine, and the work of one fmnist-ref
 * forward pass: the yardsticks for the engine's GFLOP/s.
 * Usage: bench-sgemm THREADS — prints one JSON object. */
#include <stdio.h>
#include <stdlib.h>

#include "kj-blas.h"
#include "kj-network.h"

#define SIZE    1024
#define REPEATS 20

int
main(int argc, char *argv[])
{
  int threads = argc > 1 ? atoi(argv[1]) : 2;
  float *a = g_new(float, SIZE *SIZE), *b = g_new(float, SIZE *SIZE),
        *c = g_new0(float, SIZE *SIZE);
  KjShape input = { 1, 28, 28 };
  g_autofree char *spec = kj_network_preset_spec("fmnist-ref", 10);
  g_autoptr(KjNetwork) network = kj_network_new(spec, &input, 10, NULL);
  double best = 0.0;

  kj_blas_init();
  kj_blas_set_threads(threads);
  for (gsize i = 0; i < SIZE * SIZE; i++) {
    a[i] = (float)(i % 7) * 0.1f;
    b[i] = (float)(i % 5) * 0.1f;
  }
  /* The best of several runs: the peak, not the average under noise. */
  for (int r = 0; r < REPEATS; r++) {
    gint64 start = g_get_monotonic_time();
    double seconds;

    kj_sgemm(FALSE, FALSE, SIZE, SIZE, SIZE, 1.0f, a, SIZE, b, SIZE, 0.0f, c, SIZE);
    seconds = (double)(g_get_monotonic_time() - start) / G_USEC_PER_SEC;
    best = MAX(best, 2.0 * SIZE * SIZE * SIZE / seconds / 1e9);
  }
  printf("{\"gflops\": %.2f, \"threads\": %d, \"fmnist_ref_forward_flops\": %.0f}\n", best, threads,
         kj_network_forward_flops(network));
  g_free(a);
  g_free(b);
  g_free(c);
  return 0;
}
