/* kj-chart-layout-private.h — where each part of a chart goes at a given size
 *
 * Computed afresh for every frame and every pointer query, from the chart,
 * the size and the style alone, so drawing and hit-testing always agree. */
#pragma once

#include "kj-chart-axis.h"
#include "kj-chart-style.h"
#include "kj-chart-text-private.h"
#include "kj-chart.h"

G_BEGIN_DECLS

typedef struct {
  double x;
  double y;
  double width;
  double height;
} KjChartRect;

typedef struct {
  guint series;    /* index in the chart */
  KjChartRect box; /* swatch and name together */
  double text_width;
} KjChartLegendItem;

typedef struct {
  KjChartText text;
  int width;
  int height;
  double pad;
  double tick_length;

  gboolean has_plot; /* FALSE when too small for anything but the background */
  KjChartRect plot;
  gboolean show_title;
  gboolean show_axis_labels;
  gboolean show_tick_labels;
  gboolean show_ticks;
  double title_y;
  GArray *legend; /* KjChartLegendItem; empty when hidden */

  gboolean has_data;
  gboolean categorical; /* x is a category index: one slot per category */
  guint n_slots;
  guint n_bar_series;
  KjChartTicks x_ticks; /* unused when categorical */
  KjChartTicks y_ticks;
  double x_min, x_max, y_min, y_max; /* what the plot rectangle shows */
} KjChartLayout;

void kj_chart_layout_init(KjChartLayout *layout, KjChart *chart, int width, int height,
                          const KjChartStyle *style);
void kj_chart_layout_clear(KjChartLayout *layout);
double kj_chart_layout_x(const KjChartLayout *layout, double x);
double kj_chart_layout_y(const KjChartLayout *layout, double y);
double kj_chart_layout_slot_width(const KjChartLayout *layout);
gboolean kj_chart_layout_bar_rect(const KjChartLayout *layout, guint bar_index, double x, double y,
                                  KjChartRect *rect);

G_END_DECLS
