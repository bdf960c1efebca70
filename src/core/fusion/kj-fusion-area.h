/* kj-fusion-area.h — one cross-domain area of the fusion score */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KJ_TYPE_FUSION_AREA (kj_fusion_area_get_type())
G_DECLARE_FINAL_TYPE(KjFusionArea, kj_fusion_area, KJ, FUSION_AREA, GObject)

KjFusionArea *kj_fusion_area_new(const char *name, double weight, double alpha);

const char *kj_fusion_area_get_name(KjFusionArea *self);
double kj_fusion_area_get_weight(KjFusionArea *self);
double kj_fusion_area_get_alpha(KjFusionArea *self);
double kj_fusion_area_get_contribution(KjFusionArea *self);

gboolean kj_fusion_area_set_weight(KjFusionArea *self, double weight, GError **error);
gboolean kj_fusion_area_set_alpha(KjFusionArea *self, double alpha, GError **error);

G_END_DECLS
