/* kj-chart-series.h — one named list of points that a chart draws as a line or as bars */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  double x;
  double y;
} KjChartPoint;

typedef enum {
  KJ_CHART_SERIES_LINE,
  KJ_CHART_SERIES_BARS, /* x is a category index 0..n-1 */
} KjChartSeriesKind;

#define KJ_TYPE_CHART_SERIES_KIND (kj_chart_series_kind_get_type())
GType kj_chart_series_kind_get_type(void);

#define KJ_TYPE_CHART_SERIES (kj_chart_series_get_type())
G_DECLARE_FINAL_TYPE(KjChartSeries, kj_chart_series, KJ, CHART_SERIES, GObject)

KjChartSeries *kj_chart_series_new(const char *name, KjChartSeriesKind kind, guint color);

const char *kj_chart_series_get_name(KjChartSeries *self);
void kj_chart_series_set_name(KjChartSeries *self, const char *name);
KjChartSeriesKind kj_chart_series_get_kind(KjChartSeries *self);
void kj_chart_series_set_kind(KjChartSeries *self, KjChartSeriesKind kind);
guint kj_chart_series_get_color(KjChartSeries *self);
void kj_chart_series_set_color(KjChartSeries *self, guint color);
gboolean kj_chart_series_get_faint(KjChartSeries *self);
void kj_chart_series_set_faint(KjChartSeries *self, gboolean faint);

void kj_chart_series_append(KjChartSeries *self, double x, double y);
void kj_chart_series_set_points(KjChartSeries *self, const KjChartPoint *points, gsize n);
void kj_chart_series_clear(KjChartSeries *self);
const KjChartPoint *kj_chart_series_get_points(KjChartSeries *self, gsize *n);
gsize kj_chart_series_get_n_points(KjChartSeries *self);
gboolean kj_chart_series_get_bounds(KjChartSeries *self, double *x_min, double *x_max,
                                    double *y_min, double *y_max);

G_END_DECLS
