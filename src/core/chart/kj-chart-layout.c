#include "kj-chart-layout-private.h"

#include <math.h>
#include <string.h>

#include "kj-chart-render.h"

/* Category slots beyond this are not given room: x is then surely not a
 * category index but a mistake, and would make bars thinner than a pixel. */
#define MAX_SLOTS 4096

typedef struct {
  gboolean set;
  double min;
  double max;
} Bounds;

static void
bounds_add(Bounds *bounds, double value)
{
  if (!isfinite(value))
    return;
  if (!bounds->set) {
    bounds->set = TRUE;
    bounds->min = bounds->max = value;
    return;
  }
  bounds->min = MIN(bounds->min, value);
  bounds->max = MAX(bounds->max, value);
}

static void
scan_data(KjChartLayout *layout, KjChart *chart, Bounds *xb, Bounds *yb)
{
  guint n_series = kj_chart_get_n_series(chart);
  double x0, x1, y0, y1;

  for (guint i = 0; i < n_series; i++) {
    KjChartSeries *series = kj_chart_get_series(chart, i);

    if (kj_chart_series_get_kind(series) == KJ_CHART_SERIES_BARS)
      layout->n_bar_series++;
    if (kj_chart_series_get_bounds(series, &x0, &x1, &y0, &y1)) {
      layout->has_data = TRUE;
      bounds_add(xb, x0);
      bounds_add(xb, x1);
      bounds_add(yb, y0);
      bounds_add(yb, y1);
    }
  }
  /* Bars grow from 0, so 0 must be in view. */
  if (layout->n_bar_series > 0)
    bounds_add(yb, 0.0);
  if (kj_chart_get_marker(chart, &x0, &y0, NULL) && isfinite(x0) && isfinite(y0)) {
    bounds_add(xb, x0);
    bounds_add(yb, y0);
  }

  layout->categorical = kj_chart_is_categorical(chart);
  layout->n_slots = MAX(kj_chart_get_n_categories(chart), 1u);
  if (layout->categorical && xb->set && xb->max >= 0.0)
    layout->n_slots = MAX(layout->n_slots, (guint)MIN(floor(xb->max) + 1.0, MAX_SLOTS));
}

/* ---- legend ---- */

static double
legend_swatch_width(const KjChartLayout *layout)
{
  return round(layout->text.em * 1.2);
}

/* Flows the names of the named series into right-aligned rows between left
 * and right from top; returns the height used.  More than three rows would
 * crowd out the data, so the legend is then left out. */
static double
flow_legend(KjChartLayout *layout, KjChart *chart, double top, double left, double right)
{
  double em = layout->text.em, gap = round(em * 0.4), spacing = round(em);
  double avail = right - left, row_height, x = 0.0, swatch = legend_swatch_width(layout);
  guint row = 0, n_series = kj_chart_get_n_series(chart);

  g_array_set_size(layout->legend, 0);
  if (!kj_chart_get_legend_visible(chart) || avail < swatch + gap + em)
    return 0.0;

  kj_chart_text_size(&layout->text, KJ_CHART_TEXT_LABEL, "Ag", NULL, &row_height);
  for (guint i = 0; i < n_series; i++) {
    const char *name = kj_chart_series_get_name(kj_chart_get_series(chart, i));
    KjChartLegendItem item = { i };
    double text_width;

    if (name == NULL || *name == '\0')
      continue;
    kj_chart_text_size(&layout->text, KJ_CHART_TEXT_LABEL, name, &text_width, NULL);
    item.text_width = MIN(ceil(text_width), avail - swatch - gap);
    item.box.width = swatch + gap + item.text_width;
    item.box.height = row_height;
    if (x > 0.0 && x + spacing + item.box.width > avail) {
      row++;
      x = 0.0;
    } else if (x > 0.0) {
      x += spacing;
    }
    if (row >= 3) {
      g_array_set_size(layout->legend, 0);
      return 0.0;
    }
    /* Relative for now; placed below once each row's width is known. */
    item.box.x = x;
    item.box.y = row;
    x += item.box.width;
    g_array_append_val(layout->legend, item);
  }
  if (layout->legend->len == 0)
    return 0.0;

  for (guint i = 0; i < layout->legend->len;) {
    KjChartLegendItem *first = &g_array_index(layout->legend, KjChartLegendItem, i);
    double this_row = first->box.y, row_width = 0.0, shift;
    guint end = i;

    while (end < layout->legend->len &&
           g_array_index(layout->legend, KjChartLegendItem, end).box.y == this_row) {
      KjChartLegendItem *item = &g_array_index(layout->legend, KjChartLegendItem, end);
      row_width = item->box.x + item->box.width;
      end++;
    }
    shift = right - row_width;
    for (; i < end; i++) {
      KjChartLegendItem *item = &g_array_index(layout->legend, KjChartLegendItem, i);
      item->box.x = round(item->box.x + shift);
      item->box.y = round(top + this_row * (row_height + gap * 0.5));
    }
  }
  return (row + 1) * row_height + row * gap * 0.5;
}

/* ---- axes ---- */

static void
compute_y_axis(KjChartLayout *layout, KjChart *chart, const Bounds *yb)
{
  double min = 0.0, max = 1.0;
  gboolean fixed = kj_chart_get_y_range(chart, &min, &max);
  guint target = (guint)CLAMP(layout->plot.height / (layout->text.em * 2.2), 2.0, 10.0);

  if (!fixed && yb->set) {
    min = yb->min;
    max = yb->max;
    /* All-zero bars: show the range a score has, not ±1 around zero. */
    if (layout->n_bar_series > 0 && min == 0.0 && max == 0.0)
      max = 1.0;
  }
  kj_chart_axis_ticks(min, max, target, !fixed, &layout->y_ticks);
  layout->y_min = layout->y_ticks.min;
  layout->y_max = layout->y_ticks.max;
}

static double
widest_label(KjChartLayout *layout, const KjChartTicks *ticks)
{
  double widest = 0.0, width;

  for (guint i = 0; i < ticks->n_ticks; i++) {
    g_autofree char *label = kj_chart_axis_format(ticks->ticks[i], ticks->step);
    kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, label, &width, NULL);
    widest = MAX(widest, width);
  }
  return ceil(widest);
}

static void
compute_x_axis(KjChartLayout *layout, KjChart *chart, const Bounds *xb)
{
  double min = 0.0, max = 1.0, em = layout->text.em;
  gboolean fixed = kj_chart_get_x_range(chart, &min, &max);
  guint target;

  if (layout->categorical) {
    if (!fixed) {
      min = -0.5;
      max = layout->n_slots - 0.5;
    }
    layout->x_min = min;
    layout->x_max = max > min ? max : min + 1.0;
    return;
  }
  if (!fixed && xb->set) {
    min = xb->min;
    max = xb->max;
  }
  /* Fewer ticks until their labels fit side by side. */
  target = (guint)CLAMP(layout->plot.width / (em * 5.0), 2.0, 10.0);
  for (;;) {
    kj_chart_axis_ticks(min, max, target, !fixed, &layout->x_ticks);
    if (!layout->show_tick_labels || target <= 1 ||
        layout->x_ticks.n_ticks * (widest_label(layout, &layout->x_ticks) + em) <=
            layout->plot.width)
      break;
    target--;
  }
  layout->x_min = layout->x_ticks.min;
  layout->x_max = layout->x_ticks.max;
}

/* ---- levels of detail ---- */

/* Level 0 shows everything; each next level gives up something so that the
 * data keeps room in a small widget: the legend, then the title and axis
 * labels, then tick labels, then ticks and margins. */
static gboolean
try_level(KjChartLayout *layout, KjChart *chart, guint level, const Bounds *xb, const Bounds *yb)
{
  double em = layout->text.em, top, bottom, left, right, height;
  const char *title = kj_chart_get_title(chart);
  const char *x_label = kj_chart_get_x_label(chart);
  const char *y_label = kj_chart_get_y_label(chart);
  double min_width, min_height;

  layout->pad = level <= 2 ? round(em * 0.5) : level == 3 ? 2.0 : 0.0;
  layout->tick_length = level <= 3 ? round(em * 0.3) : 0.0;
  layout->show_title = level <= 1 && title != NULL && *title != '\0';
  layout->show_axis_labels = level <= 1;
  layout->show_tick_labels = level <= 2;
  layout->show_ticks = level <= 3;

  top = layout->pad;
  bottom = layout->height - layout->pad;
  left = layout->pad;
  right = layout->width - layout->pad;

  if (layout->show_title) {
    kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TITLE, title, NULL, &height);
    layout->title_y = top;
    top += ceil(height) + round(em * 0.4);
  }
  g_array_set_size(layout->legend, 0);
  if (level == 0) {
    height = flow_legend(layout, chart, top, left, right);
    if (height > 0.0)
      top += ceil(height) + round(em * 0.4);
  }
  if (layout->show_axis_labels) {
    kj_chart_text_size(&layout->text, KJ_CHART_TEXT_LABEL, "Ag", NULL, &height);
    if (x_label != NULL && *x_label != '\0')
      bottom -= ceil(height) + round(em * 0.25);
    if (y_label != NULL && *y_label != '\0')
      left += ceil(height) + round(em * 0.4);
  }
  if (layout->show_tick_labels) {
    kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, "0", NULL, &height);
    bottom -= ceil(height) + layout->tick_length + 2.0;
    /* The top y label is centred on the plot's top edge. */
    top = MAX(top, ceil(height / 2.0) + 1.0);
  } else if (layout->show_ticks) {
    bottom -= layout->tick_length;
  }
  if (layout->show_ticks)
    left += layout->tick_length;

  layout->plot.y = top;
  layout->plot.height = bottom - top;
  compute_y_axis(layout, chart, yb);
  if (layout->show_tick_labels)
    left += widest_label(layout, &layout->y_ticks) + 3.0;

  layout->plot.x = left;
  layout->plot.width = right - left;
  compute_x_axis(layout, chart, xb);
  /* The last x label is centred on the plot's right edge: make room for
   * its second half, then place the ticks again for the narrower plot. */
  if (layout->show_tick_labels && !layout->categorical && layout->x_ticks.n_ticks > 0) {
    g_autofree char *last = kj_chart_axis_format(layout->x_ticks.ticks[layout->x_ticks.n_ticks - 1],
                                                 layout->x_ticks.step);
    double width;

    kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, last, &width, NULL);
    if (ceil(width / 2.0) + 2.0 > layout->pad) {
      layout->plot.width -= ceil(width / 2.0) + 2.0 - layout->pad;
      compute_x_axis(layout, chart, xb);
    }
  }

  min_width = level <= 1 ? em * 5.0 : level == 2 ? em * 3.0 : level == 3 ? 8.0 : 1.0;
  min_height = level <= 1 ? em * 3.5 : level == 2 ? em * 2.0 : level == 3 ? 8.0 : 1.0;
  return layout->plot.width >= min_width && layout->plot.height >= min_height;
}

void
kj_chart_layout_init(KjChartLayout *layout, KjChart *chart, int width, int height,
                     const KjChartStyle *style)
{
  Bounds xb = { FALSE }, yb = { FALSE };

  memset(layout, 0, sizeof *layout);
  kj_chart_text_init(&layout->text, style->font);
  layout->legend = g_array_new(FALSE, FALSE, sizeof(KjChartLegendItem));
  layout->width = MAX(width, 0);
  layout->height = MAX(height, 0);
  scan_data(layout, chart, &xb, &yb);

  for (guint level = 0; level <= 4; level++) {
    if (try_level(layout, chart, level, &xb, &yb)) {
      layout->has_plot = TRUE;
      return;
    }
  }
  g_array_set_size(layout->legend, 0);
}

void
kj_chart_layout_clear(KjChartLayout *layout)
{
  kj_chart_text_clear(&layout->text);
  g_clear_pointer(&layout->legend, g_array_unref);
}

double
kj_chart_layout_x(const KjChartLayout *layout, double x)
{
  return layout->plot.x +
         (x - layout->x_min) / (layout->x_max - layout->x_min) * layout->plot.width;
}

double
kj_chart_layout_y(const KjChartLayout *layout, double y)
{
  return layout->plot.y + layout->plot.height -
         (y - layout->y_min) / (layout->y_max - layout->y_min) * layout->plot.height;
}

/* Pixels between two categories. */
double
kj_chart_layout_slot_width(const KjChartLayout *layout)
{
  return layout->plot.width / (layout->x_max - layout->x_min);
}

/* The bar for (x, y) of the bar_index-th bar series: the bar series share
 * 80 % of a slot side by side, with a small gap between neighbours.  FALSE
 * when the bar is empty (y = 0) or out of view. */
gboolean
kj_chart_layout_bar_rect(const KjChartLayout *layout, guint bar_index, double x, double y,
                         KjChartRect *rect)
{
  guint n_bars = MAX(layout->n_bar_series, 1u);
  double group = kj_chart_layout_slot_width(layout) * 0.8;
  double bar = group / n_bars;
  double gap = n_bars > 1 ? MIN(bar * 0.15, round(layout->text.em * 0.2)) : 0.0;
  double left, right, base, top;

  if (!layout->has_plot || !isfinite(x) || !isfinite(y))
    return FALSE;
  left = kj_chart_layout_x(layout, x) - group / 2.0 + bar_index * bar + gap / 2.0;
  right = left + bar - gap;
  if (right <= layout->plot.x || left >= layout->plot.x + layout->plot.width)
    return FALSE;
  /* Whole pixels keep bar edges crisp; a bar is never thinner than one. */
  left = round(left);
  right = MAX(round(right), left + 1.0);

  base = kj_chart_layout_y(layout, CLAMP(0.0, layout->y_min, layout->y_max));
  top = kj_chart_layout_y(layout, CLAMP(y, layout->y_min, layout->y_max));
  rect->x = left;
  rect->width = right - left;
  rect->y = MIN(base, top);
  rect->height = fabs(base - top);
  return rect->height > 0.0;
}

/* ---- public geometry ---- */

static gboolean
in_plot(const KjChartLayout *layout, double px, double py)
{
  const KjChartRect *plot = &layout->plot;

  return px >= plot->x - 0.5 && px <= plot->x + plot->width + 0.5 && py >= plot->y - 0.5 &&
         py <= plot->y + plot->height + 0.5;
}

/* Where (x, y) is drawn in a width × height rendering; TRUE when that is
 * inside the plot area.  For bars, (i, v) is the centre of the top of the
 * bar group of category i. */
gboolean
kj_chart_map_point(KjChart *chart, int width, int height, const KjChartStyle *style, double x,
                   double y, double *px, double *py)
{
  KjChartLayout layout;
  double mx, my;
  gboolean inside;

  g_return_val_if_fail(KJ_IS_CHART(chart), FALSE);
  g_return_val_if_fail(style != NULL, FALSE);

  kj_chart_layout_init(&layout, chart, width, height, style);
  if (!layout.has_plot) {
    kj_chart_layout_clear(&layout);
    return FALSE;
  }
  mx = kj_chart_layout_x(&layout, x);
  my = kj_chart_layout_y(&layout, y);
  inside = isfinite(mx) && isfinite(my) && in_plot(&layout, mx, my);
  if (px != NULL)
    *px = mx;
  if (py != NULL)
    *py = my;
  kj_chart_layout_clear(&layout);
  return inside;
}

/* The data coordinates under pixel (px, py); TRUE inside the plot area. */
gboolean
kj_chart_unmap_point(KjChart *chart, int width, int height, const KjChartStyle *style, double px,
                     double py, double *x, double *y)
{
  KjChartLayout layout;
  gboolean inside;

  g_return_val_if_fail(KJ_IS_CHART(chart), FALSE);
  g_return_val_if_fail(style != NULL, FALSE);

  kj_chart_layout_init(&layout, chart, width, height, style);
  if (!layout.has_plot) {
    kj_chart_layout_clear(&layout);
    return FALSE;
  }
  if (x != NULL)
    *x = layout.x_min + (px - layout.plot.x) / layout.plot.width * (layout.x_max - layout.x_min);
  if (y != NULL)
    *y = layout.y_min + (layout.plot.y + layout.plot.height - py) / layout.plot.height *
                            (layout.y_max - layout.y_min);
  inside = in_plot(&layout, px, py);
  kj_chart_layout_clear(&layout);
  return inside;
}

/* Squared, as all distances here: only compared, never shown. */
static double
distance2_to_rect(const KjChartRect *rect, double px, double py)
{
  double dx = MAX(MAX(rect->x - px, px - (rect->x + rect->width)), 0.0);
  double dy = MAX(MAX(rect->y - py, py - (rect->y + rect->height)), 0.0);

  return dx * dx + dy * dy;
}

/* The point under the pointer at (px, py), for hover read-outs: the nearest
 * visible line point within 1.5 em, or a bar within 0.3 em.  FALSE when
 * there is none. */
gboolean
kj_chart_find_nearest(KjChart *chart, int width, int height, const KjChartStyle *style, double px,
                      double py, guint *series_index, guint *point_index)
{
  KjChartLayout layout;
  double best = G_MAXDOUBLE;
  guint n_series, bar_index = 0;
  gboolean found = FALSE;

  g_return_val_if_fail(KJ_IS_CHART(chart), FALSE);
  g_return_val_if_fail(style != NULL, FALSE);

  kj_chart_layout_init(&layout, chart, width, height, style);
  n_series = layout.has_plot ? kj_chart_get_n_series(chart) : 0;
  for (guint s = 0; s < n_series; s++) {
    KjChartSeries *series = kj_chart_get_series(chart, s);
    gboolean bars = kj_chart_series_get_kind(series) == KJ_CHART_SERIES_BARS;
    double radius = layout.text.em * (bars ? 0.3 : 1.5);
    gsize n;
    const KjChartPoint *points = kj_chart_series_get_points(series, &n);

    for (gsize i = 0; i < n; i++) {
      KjChartRect rect;
      double d, mx, my;

      if (bars) {
        if (!kj_chart_layout_bar_rect(&layout, bar_index, points[i].x, points[i].y, &rect))
          continue;
        d = distance2_to_rect(&rect, px, py);
      } else {
        if (!isfinite(points[i].x) || !isfinite(points[i].y))
          continue;
        mx = kj_chart_layout_x(&layout, points[i].x);
        my = kj_chart_layout_y(&layout, points[i].y);
        if (!in_plot(&layout, mx, my))
          continue;
        d = (mx - px) * (mx - px) + (my - py) * (my - py);
      }
      if (d <= radius * radius && d < best) {
        best = d;
        found = TRUE;
        if (series_index != NULL)
          *series_index = s;
        if (point_index != NULL)
          *point_index = (guint)i;
      }
    }
    if (bars)
      bar_index++;
  }
  kj_chart_layout_clear(&layout);
  return found;
}
