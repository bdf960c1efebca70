/* kj-chart-view.h — a widget that shows a KjChart, with a pointer read-out and export */
#pragma once

#include <gtk/gtk.h>

#include "kj-chart.h"

G_BEGIN_DECLS

#define KJ_TYPE_CHART_VIEW (kj_chart_view_get_type())
G_DECLARE_FINAL_TYPE(KjChartView, kj_chart_view, KJ, CHART_VIEW, GtkWidget)

GtkWidget *kj_chart_view_new(KjChart *chart);

KjChart *kj_chart_view_get_chart(KjChartView *self);
void kj_chart_view_set_chart(KjChartView *self, KjChart *chart);

G_END_DECLS
