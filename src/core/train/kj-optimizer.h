/* kj-optimizer.h — SGD with momentum (Nesterov optional) and AdamW
 *
 * The optimiser owns its state (velocities, moments) as plain arrays, one per
 * trained parameter of the network it was made for. */
#pragma once

#include "kj-network.h"

G_BEGIN_DECLS

typedef enum {
  KJ_OPTIMIZER_SGD,
  KJ_OPTIMIZER_ADAMW,
} KjOptimizerKind;

typedef struct {
  KjOptimizerKind kind;
  double momentum;              /* SGD: 0.9 */
  gboolean nesterov;            /* SGD */
  double weight_decay;          /* SGD: L2 added to the gradient; AdamW: decoupled */
  double beta1, beta2, epsilon; /* AdamW: 0.9, 0.999, 1e-8 */
} KjOptimizerConfig;

typedef struct _KjOptimizer KjOptimizer;

void kj_optimizer_config_init(KjOptimizerConfig *config, KjOptimizerKind kind);
gboolean kj_optimizer_kind_parse(const char *text, KjOptimizerKind *kind);

KjOptimizer *kj_optimizer_new(const KjOptimizerConfig *config, KjNetwork *network);
void kj_optimizer_free(KjOptimizer *optimizer);
/* One update of every trained parameter from its grad, at learning rate lr. */
void kj_optimizer_step(KjOptimizer *optimizer, double lr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjOptimizer, kj_optimizer_free)

G_END_DECLS
