/* kj-parallel.h — a loop split over OpenBLAS's threads
 *
 * OpenBLAS runs the matrix products on kj_blas_get_threads() threads; the
 * loops between them (lowering, pooling, activations) run on the same
 * threads, so the other cores neither idle through them nor fight
 * OpenBLAS's waiting workers for the CPU. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*KjRangeFunc)(gpointer data, gsize begin, gsize end);

/* Calls func on consecutive ranges that cover [0, n), one per thread and
 * none (but the only one) shorter than grain, and returns when all are
 * done.  Each index is handled by exactly one call and the split depends
 * only on n, grain and the thread count, so results do not depend on
 * timing as long as func keeps each index's work to itself.  Not to be
 * called from func itself. */
void kj_parallel_for(gsize n, gsize grain, KjRangeFunc func, gpointer data);

/* Prepares every thread kj_parallel_for() and OpenBLAS use, the caller's
 * included: flushes denormals to zero on each (see kj_blas_flush_denormals;
 * OpenBLAS starts its threads before main() can), and with background,
 * lowers their scheduling priority to nice 10, for good: a desktop app's
 * main thread then gets a core the moment it needs one, while training
 * still has every core the desktop leaves idle. */
void kj_parallel_prepare_threads(gboolean background);

G_END_DECLS
