#include "kj-rng.h"

#include <math.h>

/* splitmix64 spreads any seed, 0 included, over the whole state. */
static guint64
splitmix64(guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT(0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT(0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
kj_rng_init(KjRng *rng, guint64 seed)
{
  guint64 a = splitmix64(&seed), b = splitmix64(&seed);

  rng->s[0] = (guint32)a;
  rng->s[1] = (guint32)(a >> 32);
  rng->s[2] = (guint32)b;
  rng->s[3] = (guint32)(b >> 32);
  /* An all-zero state would only ever give zeros. */
  if ((rng->s[0] | rng->s[1] | rng->s[2] | rng->s[3]) == 0)
    rng->s[0] = 1;
}

static inline guint32
rotl(guint32 x, int k)
{
  return (x << k) | (x >> (32 - k));
}

/* xoshiro128** 1.1 (Blackman and Vigna) */
guint32
kj_rng_next(KjRng *rng)
{
  guint32 *s = rng->s;
  guint32 result = rotl(s[1] * 5, 7) * 9;
  guint32 t = s[1] << 9;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

float
kj_rng_uniform(KjRng *rng)
{
  /* 24 bits: every value is exact in a float, and 1.0 is never reached. */
  return (float)(kj_rng_next(rng) >> 8) * 0x1p-24f;
}

/* Lemire's multiply-and-reject: unbiased, rarely more than one draw. */
guint32
kj_rng_below(KjRng *rng, guint32 bound)
{
  guint64 m;
  guint32 low;

  g_return_val_if_fail(bound > 0, 0);

  m = (guint64)kj_rng_next(rng) * bound;
  low = (guint32)m;
  if (low < bound) {
    guint32 threshold = -bound % bound;

    while (low < threshold) {
      m = (guint64)kj_rng_next(rng) * bound;
      low = (guint32)m;
    }
  }
  return (guint32)(m >> 32);
}

float
kj_rng_normal(KjRng *rng)
{
  /* u1 in (0, 1] keeps the logarithm finite. */
  double u1 = ((kj_rng_next(rng) >> 8) + 1) * 0x1p-24;
  double u2 = (kj_rng_next(rng) >> 8) * 0x1p-24;

  return (float)(sqrt(-2.0 * log(u1)) * cos(2.0 * G_PI * u2));
}

/* Fisher–Yates */
void
kj_rng_shuffle(KjRng *rng, guint32 *items, gsize n)
{
  g_return_if_fail(n <= G_MAXUINT32);

  for (gsize i = n; i > 1; i--) {
    guint32 j = kj_rng_below(rng, (guint32)i);
    guint32 tmp = items[i - 1];

    items[i - 1] = items[j];
    items[j] = tmp;
  }
}
