#include "kj-chart-axis.h"

#include <math.h>
#include <string.h>

/* The smallest of 1, 2, 5 × 10ⁿ that cuts span into at most about target
 * intervals; 1 for an empty or non-finite span. */
double
kj_chart_axis_nice_step(double span, guint target)
{
  double raw, magnitude, fraction;

  if (!isfinite(span) || span <= 0.0)
    return 1.0;
  raw = span / MAX(target, 1u);
  magnitude = pow(10.0, floor(log10(raw)));
  if (magnitude == 0.0 || !isfinite(magnitude))
    return 1.0;
  fraction = raw / magnitude;
  /* 1e-9 keeps an exact 2 or 5 from rounding up to the next step. */
  if (fraction <= 1.0 + 1e-9)
    return magnitude;
  if (fraction <= 2.0 + 1e-9)
    return 2.0 * magnitude;
  if (fraction <= 5.0 + 1e-9)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

/* A range that ticks can be put on: ordered, finite and not empty.  A single
 * value gets room around it so that it is drawn in the middle. */
static void
sanitize_range(double *min, double *max)
{
  double lo = *min, hi = *max, pad;

  if (!isfinite(lo) && !isfinite(hi)) {
    lo = 0.0;
    hi = 1.0;
  } else if (!isfinite(lo)) {
    lo = hi;
  } else if (!isfinite(hi)) {
    hi = lo;
  }
  if (lo > hi) {
    double tmp = lo;
    lo = hi;
    hi = tmp;
  }
  /* An empty span, or one too small to tell apart from lo in a double. */
  if (hi - lo <= fabs(lo) * 1e-12 || hi - lo <= fabs(hi) * 1e-12) {
    pad = lo == 0.0 ? 1.0 : fabs(lo) * 0.5;
    lo -= pad;
    hi += pad;
  }
  /* Halve what does not fit in a double, so that hi - lo is finite. */
  if (!isfinite(hi - lo)) {
    lo /= 2.0;
    hi /= 2.0;
  }
  *min = lo;
  *max = hi;
}

/* Ticks at the multiples of a nice step inside [min, max].  With widen the
 * range first grows outwards to the nearest multiples, as automatic axis
 * ranges do (0.03..0.97 → 0..1); fixed ranges are kept as given. */
void
kj_chart_axis_ticks(double min, double max, guint target, gboolean widen, KjChartTicks *out)
{
  double step, first, last;

  g_return_if_fail(out != NULL);

  sanitize_range(&min, &max);
  target = CLAMP(target, 1u, KJ_CHART_AXIS_MAX_TICKS - 1u);
  step = kj_chart_axis_nice_step(max - min, target);
  first = ceil(min / step - 1e-9);
  last = floor(max / step + 1e-9);
  if (widen) {
    first = floor(min / step + 1e-9);
    last = ceil(max / step - 1e-9);
    min = first * step;
    max = last * step;
  }

  out->min = min;
  out->max = max;
  out->step = step;
  out->n_ticks = 0;
  for (double k = first; k <= last && out->n_ticks < KJ_CHART_AXIS_MAX_TICKS; k++) {
    /* k * step, not a running sum, so that errors do not add up; and a
     * -1e-17 that should be 0 is 0. */
    double tick = k * step;
    if (fabs(tick) < step * 1e-9)
      tick = 0.0;
    out->ticks[out->n_ticks++] = tick;
  }
}

/* Digits after the point that show every multiple of step exactly:
 * 0.25 → 2, 0.5 → 1, 1000 → 0. */
guint
kj_chart_axis_decimals(double step)
{
  double scaled;

  if (!isfinite(step) || step <= 0.0)
    return 0;
  scaled = fabs(step);
  for (guint decimals = 0; decimals <= 12; decimals++) {
    if (fabs(scaled - round(scaled)) <= scaled * 1e-9)
      return decimals;
    scaled *= 10.0;
  }
  return 12;
}

/* Locale-independent, so the chart reads the same on every desktop and in
 * tests; -0 is printed as 0. */
char *
kj_chart_axis_format(double value, double step)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];

  if (isnan(value))
    return g_strdup("NaN");
  if (!isfinite(value))
    return g_strdup(value > 0 ? "∞" : "-∞");
  if (fabs(value) >= 1e15)
    return g_strdup(g_ascii_formatd(buffer, sizeof buffer, "%.6g", value));

  g_snprintf(format, sizeof format, "%%.%uf", kj_chart_axis_decimals(step));
  g_ascii_formatd(buffer, sizeof buffer, format, value);
  if (buffer[0] == '-' && strspn(buffer + 1, "0.") == strlen(buffer + 1))
    return g_strdup(buffer + 1);
  return g_strdup(buffer);
}
