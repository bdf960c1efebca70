/* kj-confusion-chart.h — a confusion matrix drawn as a heatmap, and the geometry of that drawing
 *
 * Headless: any cairo_t will do (a widget's snapshot, an image, an SVG).
 * Rows are true labels, columns predicted labels.  Each cell is coloured by
 * its share of its row (the fraction of the images of that true class that
 * were predicted as that column) on a sequential blue ramp, with its count
 * written in it; class names run along both axes (column names turn 45°
 * when they do not fit); a column on the right gives each class's accuracy.
 *
 * The layout depends on the size, the style's font, the number of classes
 * and their names only, never on the counts; kj_confusion_chart_cell_at()
 * and kj_confusion_chart_get_cell_rect() compute it exactly as
 * kj_confusion_chart_render() does, so pointers and pixels always agree. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kj-chart-style.h"

G_BEGIN_DECLS

typedef struct _KjConfusionChart KjConfusionChart;

/* A copy of counts (n_classes × n_classes, [true label][predicted label];
 * NULL: all zero) and of class_names (n_classes display names; NULL, or a
 * NULL or empty name, shows the class index instead).  n_classes may be 0:
 * the chart then draws "No data". */
KjConfusionChart *kj_confusion_chart_new(guint n_classes, const guint *counts,
                                         const char *const *class_names);
void kj_confusion_chart_free(KjConfusionChart *chart);

guint kj_confusion_chart_get_n_classes(const KjConfusionChart *chart);
/* The name drawn for a class: never NULL. */
const char *kj_confusion_chart_get_class_name(const KjConfusionChart *chart, guint label);
guint kj_confusion_chart_get_count(const KjConfusionChart *chart, guint true_label,
                                   guint predicted_label);
/* Images whose true label is true_label (a row's sum); all images. */
guint kj_confusion_chart_get_row_total(const KjConfusionChart *chart, guint true_label);
guint kj_confusion_chart_get_total(const KjConfusionChart *chart);
/* count / row total, 0 for an empty row: what a cell's colour shows. */
double kj_confusion_chart_get_share(const KjConfusionChart *chart, guint true_label,
                                    guint predicted_label);
/* The share of the diagonal cell; FALSE (and 0) for a class without images. */
gboolean kj_confusion_chart_get_class_accuracy(const KjConfusionChart *chart, guint label,
                                               double *accuracy);
/* The diagonal's sum over all; 0 when there are no images. */
double kj_confusion_chart_get_accuracy(const KjConfusionChart *chart);

/* A highlighted cell (the one under the pointer or the keyboard cursor) is
 * outlined in the foreground colour and its row and column names are drawn
 * in bold; a selected cell (the one the predictions are filtered by) gets an
 * orange ring.  Out-of-range cells are ignored when drawing. */
void kj_confusion_chart_set_highlight(KjConfusionChart *chart, guint true_label,
                                      guint predicted_label);
void kj_confusion_chart_clear_highlight(KjConfusionChart *chart);
gboolean kj_confusion_chart_get_highlight(const KjConfusionChart *chart, guint *true_label,
                                          guint *predicted_label);
void kj_confusion_chart_set_selection(KjConfusionChart *chart, guint true_label,
                                      guint predicted_label);
void kj_confusion_chart_clear_selection(KjConfusionChart *chart);
gboolean kj_confusion_chart_get_selection(const KjConfusionChart *chart, guint *true_label,
                                          guint *predicted_label);

/* Draws into (0, 0, width, height) of cr, over style->background when its
 * alpha is > 0.  Leaves cr's state and path as it found them. */
void kj_confusion_chart_render(const KjConfusionChart *chart, cairo_t *cr, int width, int height,
                               const KjChartStyle *style);

/* The cell under (x, y) for a drawing of width × height in style; FALSE
 * outside the matrix (on the labels, the accuracy column, a margin) or when
 * the drawing is too small to show cells. */
gboolean kj_confusion_chart_cell_at(const KjConfusionChart *chart, int width, int height,
                                    const KjChartStyle *style, double x, double y,
                                    guint *true_label, guint *predicted_label);
/* The rectangle a cell is painted in; FALSE when it is not drawn. */
gboolean kj_confusion_chart_get_cell_rect(const KjConfusionChart *chart, int width, int height,
                                          const KjChartStyle *style, guint true_label,
                                          guint predicted_label, cairo_rectangle_t *rect);
/* The fill of a cell with this row share, as drawn in style (light or dark). */
void kj_confusion_chart_get_ramp_color(const KjChartStyle *style, double share,
                                       KjChartColor *color);

/* A few sentences for screen readers: size, accuracy, the worst confusion. */
char *kj_confusion_chart_describe(const KjConfusionChart *chart);

/* As kj-chart-export.h: the drawing for width × height, scale times as many
 * pixels for PNG, written atomically; KJ_ERROR_IO on failure. */
gboolean kj_confusion_chart_export_png(const KjConfusionChart *chart, GFile *file, int width,
                                       int height, double scale, const KjChartStyle *style,
                                       GError **error);
gboolean kj_confusion_chart_export_svg(const KjConfusionChart *chart, GFile *file, int width,
                                       int height, const KjChartStyle *style, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjConfusionChart, kj_confusion_chart_free)

G_END_DECLS
