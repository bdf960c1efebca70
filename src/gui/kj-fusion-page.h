/* kj-fusion-page.h — the Fusion page: the seed's knowledge-fusion score */
#pragma once

#include <adwaita.h>

#include "kj-fusion-model.h"
#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_TYPE_FUSION_PAGE (kj_fusion_page_get_type())
G_DECLARE_FINAL_TYPE(KjFusionPage, kj_fusion_page, KJ, FUSION_PAGE, AdwBin)

void kj_fusion_page_load(KjFusionPage *self, GSettings *settings);
void kj_fusion_page_save(KjFusionPage *self);
KjFusionModel *kj_fusion_page_get_model(KjFusionPage *self);
const char *kj_fusion_page_get_score_text(KjFusionPage *self);
void kj_fusion_page_select_area(KjFusionPage *self, guint position);
/* The roadmap whose progress the weights follow while "Use Roadmap Progress"
 * is on. */
void kj_fusion_page_set_roadmap(KjFusionPage *self, KjRoadmap *roadmap);
gboolean kj_fusion_page_get_use_roadmap(KjFusionPage *self);
void kj_fusion_page_set_use_roadmap(KjFusionPage *self, gboolean use_roadmap);

G_END_DECLS
