/* kj-chart-export.h — saving a chart as a PNG or SVG file */
#pragma once

#include <cairo.h>
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

/* Any drawing of width × height, for pictures that are not a KjChart (the
 * confusion matrix): saved atomically, errors in KJ_ERROR naming the file. */
typedef void (*KjChartDrawFunc)(cairo_t *cr, int width, int height, const KjChartStyle *style,
                                gconstpointer data);
gboolean kj_chart_export_drawing_png(KjChartDrawFunc draw, gconstpointer data, GFile *file,
                                     int width, int height, double scale, const KjChartStyle *style,
                                     GError **error);
gboolean kj_chart_export_drawing_svg(KjChartDrawFunc draw, gconstpointer data, GFile *file,
                                     int width, int height, const KjChartStyle *style,
                                     GError **error);

G_END_DECLS
