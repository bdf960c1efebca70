#include "kj-blas.h"

#include <cblas.h>

/* A DYNAMIC_ARCH OpenBLAS picks its kernels from the CPU model, and 0.3.21
 * (Debian 12) falls back to the SSE3 "Prescott" kernels on models newer
 * than itself (Sapphire and Emerald Rapids, Zen 4…): 3–4× slower GEMMs.
 * These two functions are exported by such builds (weak: absent from
 * others), and reinitialising before the first product is safe. */
extern void gotoblas_dynamic_init(void) __attribute__((weak));
extern void gotoblas_dynamic_quit(void) __attribute__((weak));

static const char *
core_for_this_cpu(void)
{
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq"))
    return "SkylakeX";
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    return "Haswell";
  if (__builtin_cpu_supports("avx"))
    return "Sandybridge";
#endif
  return NULL;
}

/* Only when OpenBLAS fell back and the user chose no core themselves. */
static void
fix_fallback_core(void)
{
  const char *core = core_for_this_cpu();

  if (gotoblas_dynamic_init == NULL || gotoblas_dynamic_quit == NULL || core == NULL ||
      g_getenv("OPENBLAS_CORETYPE") != NULL ||
      g_ascii_strcasecmp(openblas_get_corename(), "Prescott") != 0)
    return;

  g_setenv("OPENBLAS_CORETYPE", core, TRUE);
  gotoblas_dynamic_quit();
  gotoblas_dynamic_init();
  g_unsetenv("OPENBLAS_CORETYPE");
}

/* Flush denormal floats to zero on this thread (FTZ and DAZ): as a network
 * trains, tiny gradients become denormals, and each one costs x86 cores a
 * hundred cycles; training slowed by half after the first epoch. */
void
kj_blas_flush_denormals(void)
{
#if defined(__x86_64__) && defined(__SSE__)
  __builtin_ia32_ldmxcsr(__builtin_ia32_stmxcsr() | 0x8040);
#endif
}

void
kj_blas_init(void)
{
  static gsize done = 0;

  kj_blas_flush_denormals();
  if (g_once_init_enter(&done)) {
    fix_fallback_core();
    g_once_init_leave(&done, 1);
  }
}

const char *
kj_blas_get_core_name(void)
{
  kj_blas_init();
  return openblas_get_corename();
}

void
kj_blas_set_threads(int n_threads)
{
  g_return_if_fail(n_threads >= 1);

  kj_blas_init();
  openblas_set_num_threads(n_threads);
}

int
kj_blas_get_threads(void)
{
  kj_blas_init();
  return openblas_get_num_threads();
}

void
kj_sgemm(gboolean trans_a, gboolean trans_b, gsize m, gsize n, gsize k, float alpha, const float *a,
         gsize lda, const float *b, gsize ldb, float beta, float *c, gsize ldc)
{
  /* Layers keep every buffer under 2 GiB, so each size fits blasint. */
  g_return_if_fail(m <= G_MAXINT && n <= G_MAXINT && k <= G_MAXINT);
  g_return_if_fail(lda <= G_MAXINT && ldb <= G_MAXINT && ldc <= G_MAXINT);

  kj_blas_init();
  cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans,
              trans_b ? CblasTrans : CblasNoTrans, (blasint)m, (blasint)n, (blasint)k, alpha, a,
              (blasint)lda, b, (blasint)ldb, beta, c, (blasint)ldc);
}
