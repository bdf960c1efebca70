/* kj-fusion-charts.h — the Fusion page's two charts, fed from a KjFusionModel
 *
 * Headless, so the CLI and the tests draw exactly what the page shows. */
#pragma once

#include "kj-chart.h"
#include "kj-fusion-model.h"

G_BEGIN_DECLS

/* Bars: each term's contribution beside what it could contribute. */
KjChart *kj_fusion_charts_new_contributions(void);
void kj_fusion_charts_update_contributions(KjChart *chart, KjFusionModel *model);

/* A line: the score w as one area's α goes from 0 to 1, the current α marked. */
KjChart *kj_fusion_charts_new_curve(void);
void kj_fusion_charts_update_curve(KjChart *chart, KjFusionModel *model, KjFusionArea *area);

G_END_DECLS
