/* kj-chart-axis.h — "nice" axis ticks (1, 2 or 5 × 10ⁿ apart) and their labels
 *
 * Pure functions with no allocation except the label strings, so the
 * renderer can call them on every frame. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KJ_CHART_AXIS_MAX_TICKS 32

typedef struct {
  double min; /* the range the ticks cover, possibly widened (see below) */
  double max;
  double step; /* distance between ticks, > 0 */
  guint n_ticks;
  double ticks[KJ_CHART_AXIS_MAX_TICKS];
} KjChartTicks;

double kj_chart_axis_nice_step(double span, guint target);
void kj_chart_axis_ticks(double min, double max, guint target, gboolean widen, KjChartTicks *out);
guint kj_chart_axis_decimals(double step);
char *kj_chart_axis_format(double value, double step);

G_END_DECLS
