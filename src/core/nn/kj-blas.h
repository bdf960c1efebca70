/* kj-blas.h — the one matrix product every layer goes through
 *
 * Row-major single-precision GEMM over OpenBLAS, as KANN's kad_sgemm:
 *   C ← alpha · op(A) · op(B) + beta · C,  op(A) is M×K, op(B) is K×N.
 * Each call site states its equation in a comment. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void kj_sgemm(gboolean trans_a, gboolean trans_b, gsize m, gsize n, gsize k, float alpha,
              const float *a, gsize lda, const float *b, gsize ldb, float beta, float *c,
              gsize ldc);

/* OpenBLAS's worker threads, shared by the whole process. */
void kj_blas_set_threads(int n_threads);
int kj_blas_get_threads(void);

/* Sets OpenBLAS up once; every function here calls it, and a program may
 * call it first thing in main(), before it starts other threads. */
void kj_blas_init(void);
/* Denormals to zero on the calling thread; kj_blas_init() does it for its
 * caller, a worker thread calls it itself. */
void kj_blas_flush_denormals(void);
/* The name of the kernels in use, e.g. "SkylakeX" or "Haswell". */
const char *kj_blas_get_core_name(void);

G_END_DECLS
