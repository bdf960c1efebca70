/* kj-fusion-model.h — the programming weight and a list of areas, with a live score
 *
 * A GListModel of KjFusionArea.  "score" and "max-score" are notified when
 * they change, and "changed" is emitted once after any input changes (w1, an
 * area's name, weight or α, the list), so views bind instead of recomputing. */
#pragma once

#include <gio/gio.h>

#include "kj-fusion-area.h"
#include "kj-fusion.h"

G_BEGIN_DECLS

#define KJ_TYPE_FUSION_MODEL (kj_fusion_model_get_type())
G_DECLARE_FINAL_TYPE(KjFusionModel, kj_fusion_model, KJ, FUSION_MODEL, GObject)

KjFusionModel *kj_fusion_model_new(void);
KjFusionModel *kj_fusion_model_new_default(void);

double kj_fusion_model_get_programming_weight(KjFusionModel *self);
gboolean kj_fusion_model_set_programming_weight(KjFusionModel *self, double weight, GError **error);
double kj_fusion_model_get_score(KjFusionModel *self);
double kj_fusion_model_get_max_score(KjFusionModel *self);

KjFusionArea *kj_fusion_model_add_area(KjFusionModel *self, const char *name, double weight,
                                       double alpha, GError **error);
KjFusionArea *kj_fusion_model_insert_area(KjFusionModel *self, guint position, const char *name,
                                          double weight, double alpha, GError **error);
void kj_fusion_model_remove_area(KjFusionModel *self, guint position);
void kj_fusion_model_remove_all(KjFusionModel *self);
gboolean kj_fusion_model_rename_area(KjFusionModel *self, KjFusionArea *area, const char *name,
                                     GError **error);
KjFusionArea *kj_fusion_model_find_area(KjFusionModel *self, const char *name, guint *position);
char *kj_fusion_model_suggest_name(KjFusionModel *self);

GArray *kj_fusion_model_dup_terms(KjFusionModel *self);

G_END_DECLS
