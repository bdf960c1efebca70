/* kj-chart-render.h — drawing a chart with cairo, and the geometry of that drawing
 *
 * Headless: any cairo_t will do (a widget's snapshot, an image, an SVG).
 * The geometry functions lay the chart out exactly as kj_chart_render()
 * does for the same size and style, so views map pointers with them. */
#pragma once

#include <cairo.h>

#include "kj-chart-style.h"
#include "kj-chart.h"

G_BEGIN_DECLS

void kj_chart_render(KjChart *chart, cairo_t *cr, int width, int height, const KjChartStyle *style);

gboolean kj_chart_map_point(KjChart *chart, int width, int height, const KjChartStyle *style,
                            double x, double y, double *px, double *py);
gboolean kj_chart_unmap_point(KjChart *chart, int width, int height, const KjChartStyle *style,
                              double px, double py, double *x, double *y);
gboolean kj_chart_find_nearest(KjChart *chart, int width, int height, const KjChartStyle *style,
                               double px, double py, guint *series_index, guint *point_index);

G_END_DECLS
