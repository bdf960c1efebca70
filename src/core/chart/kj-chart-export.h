/* kj-chart-export.h — saving a chart, or any drawing, as a PNG, SVG or PDF file */
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
 * confusion matrix, a roadmap): saved atomically, errors in KJ_ERROR naming
 * the file.  Sizes are in drawing units (points for SVG and PDF); draw gets
 * them rounded up.  A PNG is ceil(width × scale) × ceil(height × scale)
 * pixels, and is refused with an error when that exceeds
 * KJ_CHART_EXPORT_MAX_PIXELS or KJ_CHART_EXPORT_MAX_SIDE. */
#define KJ_CHART_EXPORT_MAX_SIDE   32767 /* cairo's limit for an image side */
#define KJ_CHART_EXPORT_MAX_PIXELS 200e6 /* 800 MB of pixels */

typedef void (*KjChartDrawFunc)(cairo_t *cr, int width, int height, const KjChartStyle *style,
                                gconstpointer data);
gboolean kj_chart_export_drawing_png(KjChartDrawFunc draw, gconstpointer data, GFile *file,
                                     double width, double height, double scale,
                                     const KjChartStyle *style, GError **error);
gboolean kj_chart_export_drawing_svg(KjChartDrawFunc draw, gconstpointer data, GFile *file,
                                     double width, double height, const KjChartStyle *style,
                                     GError **error);
gboolean kj_chart_export_drawing_pdf(KjChartDrawFunc draw, gconstpointer data, GFile *file,
                                     double width, double height, const KjChartStyle *style,
                                     GError **error);

G_END_DECLS
