/* gettid() and setpriority() on a single thread */
#define _GNU_SOURCE

#include "kj-parallel.h"

#include <sys/resource.h>
#include <unistd.h>

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

#define BACKGROUND_NICE 10

static void
prepare_thread(gpointer data, gsize begin, gsize end)
{
  gboolean background = GPOINTER_TO_INT(data);

  kj_blas_flush_denormals();
  /* Linux schedules threads one by one: this lowers only the caller.
   * Failure (a stricter nice already set) leaves it as it is. */
  if (background && getpriority(PRIO_PROCESS, (id_t)gettid()) < BACKGROUND_NICE)
    (void)setpriority(PRIO_PROCESS, (id_t)gettid(), BACKGROUND_NICE);
}

void
kj_parallel_prepare_threads(gboolean background)
{
  int n = kj_blas_get_threads();

  /* One index per thread: each part runs on a thread of its own. */
  kj_parallel_for((gsize)n, 1, prepare_thread, GINT_TO_POINTER(background));
}
