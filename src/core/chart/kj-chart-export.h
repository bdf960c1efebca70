/* kj-chart-export.h — saving a chart as a PNG or SVG file */
#pragma once

#include <gio/gio.h>

#include "kj-chart-style.h"
#include "kj-chart.h"

G_BEGIN_DECLS

gboolean kj_chart_export_png(KjChart *chart, GFile *file, int width, int height,
                             const KjChartStyle *style, GError **error);
gboolean kj_chart_export_png_scaled(KjChart *chart, GFile *file, int width, int height,
                                    double scale, const KjChartStyle *style, GError **error);
gboolean kj_chart_export_svg(KjChart *chart, GFile *file, int width, int height,
                             const KjChartStyle *style, GError **error);

G_END_DECLS
