/* kj-rng.h — a small seeded PRNG (xoshiro128**), one per model or dataset
 *
 * No global state: the same seed gives the same numbers on every machine. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint32 s[4];
} KjRng;

void kj_rng_init(KjRng *rng, guint64 seed);
guint32 kj_rng_next(KjRng *rng);
/* Uniform in [0, 1). */
float kj_rng_uniform(KjRng *rng);
/* Uniform integer in [0, bound). */
guint32 kj_rng_below(KjRng *rng, guint32 bound);
/* Standard normal (Box–Muller). */
float kj_rng_normal(KjRng *rng);
void kj_rng_shuffle(KjRng *rng, guint32 *items, gsize n);

G_END_DECLS
