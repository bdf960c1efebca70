/* kj-fusion-area-row.h — one area of the Fusion page: name, weight, α */
#pragma once

#include <gtk/gtk.h>

#include "kj-fusion-model.h"

G_BEGIN_DECLS

#define KJ_TYPE_FUSION_AREA_ROW (kj_fusion_area_row_get_type())
G_DECLARE_FINAL_TYPE(KjFusionAreaRow, kj_fusion_area_row, KJ, FUSION_AREA_ROW, GtkListBoxRow)

GtkWidget *kj_fusion_area_row_new(KjFusionModel *model, KjFusionArea *area);
KjFusionArea *kj_fusion_area_row_get_area(KjFusionAreaRow *self);
/* NULL: the weight is the user's; otherwise it is shown read-only with this
 * text saying where it comes from. */
void kj_fusion_area_row_set_weight_source(KjFusionAreaRow *self, const char *source);

G_END_DECLS
