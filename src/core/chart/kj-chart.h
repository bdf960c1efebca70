/* kj-chart.h — what a chart shows: titles, series, categories, ranges, a marker
 *
 * A model only; kj-chart-render.h draws it.  "changed" is emitted after
 * anything that affects drawing, including any change of its series, so a
 * view redraws on that one signal. */
#pragma once

#include <glib-object.h>

#include "kj-chart-series.h"

G_BEGIN_DECLS

#define KJ_TYPE_CHART (kj_chart_get_type())
G_DECLARE_FINAL_TYPE(KjChart, kj_chart, KJ, CHART, GObject)

KjChart *kj_chart_new(const char *title);

const char *kj_chart_get_title(KjChart *self);
void kj_chart_set_title(KjChart *self, const char *title);
const char *kj_chart_get_x_label(KjChart *self);
void kj_chart_set_x_label(KjChart *self, const char *label);
const char *kj_chart_get_y_label(KjChart *self);
void kj_chart_set_y_label(KjChart *self, const char *label);
gboolean kj_chart_get_legend_visible(KjChart *self);
void kj_chart_set_legend_visible(KjChart *self, gboolean visible);

void kj_chart_add_series(KjChart *self, KjChartSeries *series);
void kj_chart_remove_series(KjChart *self, KjChartSeries *series);
guint kj_chart_get_n_series(KjChart *self);
KjChartSeries *kj_chart_get_series(KjChart *self, guint index);

void kj_chart_set_categories(KjChart *self, const char *const *labels);
const char *const *kj_chart_get_categories(KjChart *self);
guint kj_chart_get_n_categories(KjChart *self);
gboolean kj_chart_is_categorical(KjChart *self);

void kj_chart_set_x_range(KjChart *self, double min, double max);
void kj_chart_clear_x_range(KjChart *self);
gboolean kj_chart_get_x_range(KjChart *self, double *min, double *max);
void kj_chart_set_y_range(KjChart *self, double min, double max);
void kj_chart_clear_y_range(KjChart *self);
gboolean kj_chart_get_y_range(KjChart *self, double *min, double *max);

void kj_chart_set_marker(KjChart *self, double x, double y, const char *label);
void kj_chart_clear_marker(KjChart *self);
gboolean kj_chart_get_marker(KjChart *self, double *x, double *y, const char **label);

G_END_DECLS
