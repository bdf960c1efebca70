#include "kj-parallel.h"

#include "kj-blas.h"

#define MAX_THREADS 64

/* OpenBLAS's pthread builds export this (GotoBLAS's pthread_create
 * stand-in): it runs function(args + i·stride) for i < n on its own
 * threads, the caller's included, and returns when all have returned.
 * OpenBLAS's idle workers spin for a while before they sleep, so a loop on
 * threads of our own would compete with them for the cores (measured: 20–
 * 30% slower training); on theirs it starts at once. */
extern int gotoblas_pthread(int n_threads, void *function, void *args, int stride)
    __attribute__((weak));

typedef struct {
  KjRangeFunc func;
  gpointer data;
  gsize begin, end;
} Part;

static void
run_part(void *arg)
{
  Part *part = arg;

  part->func(part->data, part->begin, part->end);
}

void
kj_parallel_for(gsize n, gsize grain, KjRangeFunc func, gpointer data)
{
  Part parts[MAX_THREADS];
  gsize chunk;
  guint n_parts;

  if (n == 0)
    return;
  grain = MAX(grain, 1);
  n_parts =
      (guint)MIN((gsize)CLAMP(kj_blas_get_threads(), 1, MAX_THREADS), (n + grain - 1) / grain);
  if (n_parts <= 1 || gotoblas_pthread == NULL) {
    func(data, 0, n);
    return;
  }

  chunk = (n + n_parts - 1) / n_parts;
  n_parts = (guint)((n + chunk - 1) / chunk);
  for (guint p = 0; p < n_parts; p++)
    parts[p] = (Part){ func, data, p * chunk, MIN(n, (p + 1) * chunk) };
  gotoblas_pthread((int)n_parts, (void *)run_part, parts, sizeof(Part));
}
