/* kj-vec-private.h — the few vector loops the layers share
 *
 * gcc 12 at -O2 vectorises only loops whose trip count is a known multiple
 * of the vector width, so each loop runs over blocks of KJ_VEC floats with
 * a constant inner loop, then a scalar tail.  Sums keep KJ_VEC independent
 * lanes in a fixed order: the result does not depend on the machine. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KJ_VEC 8

/* Σ x[i], lanes flushed to double every block of 1024 */
static inline double
kj_vec_sum(const float *restrict x, gsize n)
{
  double total = 0.0;
  gsize i = 0;

  while (i < n) {
    gsize end = MIN(n, i + 1024);
    float lane[KJ_VEC] = { 0 };

    for (; i + KJ_VEC <= end; i += KJ_VEC)
      for (int j = 0; j < KJ_VEC; j++)
        lane[j] += x[i + j];
    for (; i < end; i++)
      lane[0] += x[i];
    for (int j = 0; j < KJ_VEC; j++)
      total += lane[j];
  }
  return total;
}

/* Σ x[i]·y[i] */
static inline double
kj_vec_dot(const float *restrict x, const float *restrict y, gsize n)
{
  double total = 0.0;
  gsize i = 0;

  while (i < n) {
    gsize end = MIN(n, i + 1024);
    float lane[KJ_VEC] = { 0 };

    for (; i + KJ_VEC <= end; i += KJ_VEC)
      for (int j = 0; j < KJ_VEC; j++)
        lane[j] += x[i + j] * y[i + j];
    for (; i < end; i++)
      lane[0] += x[i] * y[i];
    for (int j = 0; j < KJ_VEC; j++)
      total += lane[j];
  }
  return total;
}

/* Σ (x[i] − mean)² */
static inline double
kj_vec_sum_sq_dev(const float *restrict x, float mean, gsize n)
{
  double total = 0.0;
  gsize i = 0;

  while (i < n) {
    gsize end = MIN(n, i + 1024);
    float lane[KJ_VEC] = { 0 };

    for (; i + KJ_VEC <= end; i += KJ_VEC)
      for (int j = 0; j < KJ_VEC; j++)
        lane[j] += (x[i + j] - mean) * (x[i + j] - mean);
    for (; i < end; i++)
      lane[0] += (x[i] - mean) * (x[i] - mean);
    for (int j = 0; j < KJ_VEC; j++)
      total += lane[j];
  }
  return total;
}

/* Σ y[i]·(x[i] − mean) */
static inline double
kj_vec_dot_dev(const float *restrict y, const float *restrict x, float mean, gsize n)
{
  double total = 0.0;
  gsize i = 0;

  while (i < n) {
    gsize end = MIN(n, i + 1024);
    float lane[KJ_VEC] = { 0 };

    for (; i + KJ_VEC <= end; i += KJ_VEC)
      for (int j = 0; j < KJ_VEC; j++)
        lane[j] += y[i + j] * (x[i + j] - mean);
    for (; i < end; i++)
      lane[0] += y[i] * (x[i] - mean);
    for (int j = 0; j < KJ_VEC; j++)
      total += lane[j];
  }
  return total;
}

/* y ← x, returning Σ x[i] (one pass for a copy and a sum) */
static inline double
kj_vec_copy_sum(float *restrict y, const float *restrict x, gsize n)
{
  double total = 0.0;
  gsize i = 0;

  while (i < n) {
    gsize end = MIN(n, i + 1024);
    float lane[KJ_VEC] = { 0 };

    for (; i + KJ_VEC <= end; i += KJ_VEC)
      for (int j = 0; j < KJ_VEC; j++) {
        y[i + j] = x[i + j];
        lane[j] += x[i + j];
      }
    for (; i < end; i++) {
      y[i] = x[i];
      lane[0] += x[i];
    }
    for (int j = 0; j < KJ_VEC; j++)
      total += lane[j];
  }
  return total;
}

/* y ← a·x + b */
static inline void
kj_vec_affine(float *restrict y, const float *restrict x, float a, float b, gsize n)
{
  gsize i = 0;

  for (; i + KJ_VEC <= n; i += KJ_VEC)
    for (int j = 0; j < KJ_VEC; j++)
      y[i + j] = a * x[i + j] + b;
  for (; i < n; i++)
    y[i] = a * x[i] + b;
}

/* y ← x·m, elementwise */
static inline void
kj_vec_mul(float *restrict y, const float *restrict x, const float *restrict m, gsize n)
{
  gsize i = 0;

  for (; i + KJ_VEC <= n; i += KJ_VEC)
    for (int j = 0; j < KJ_VEC; j++)
      y[i + j] = x[i + j] * m[i + j];
  for (; i < n; i++)
    y[i] = x[i] * m[i];
}

/* y ← x + b */
static inline void
kj_vec_add_scalar(float *restrict y, const float *restrict x, float b, gsize n)
{
  gsize i = 0;

  for (; i + KJ_VEC <= n; i += KJ_VEC)
    for (int j = 0; j < KJ_VEC; j++)
      y[i + j] = x[i + j] + b;
  for (; i < n; i++)
    y[i] = x[i] + b;
}

/* y ← y + x */
static inline void
kj_vec_add(float *restrict y, const float *restrict x, gsize n)
{
  gsize i = 0;

  for (; i + KJ_VEC <= n; i += KJ_VEC)
    for (int j = 0; j < KJ_VEC; j++)
      y[i + j] += x[i + j];
  for (; i < n; i++)
    y[i] += x[i];
}

/* y ← b */
static inline void
kj_vec_fill(float *restrict y, float b, gsize n)
{
  gsize i = 0;

  for (; i + KJ_VEC <= n; i += KJ_VEC)
    for (int j = 0; j < KJ_VEC; j++)
      y[i + j] = b;
  for (; i < n; i++)
    y[i] = b;
}

G_END_DECLS
