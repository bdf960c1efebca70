/* kj-chart-describe.h — a chart in words, for screen readers */
#pragma once

#include "kj-chart.h"

G_BEGIN_DECLS

char *kj_chart_describe(KjChart *chart);

G_END_DECLS
