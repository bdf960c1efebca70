#include "config.h"

#include "kj-chart-render.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kj-chart-layout-private.h"

/* Far enough outside any plot to be clipped away, near enough for cairo's
 * 24.8 fixed point; a line to a point beyond it bends a little, off-view. */
#define COORD_LIMIT 16384.0

#define FAINT_ALPHA 0.35

static void
set_color(cairo_t *cr, const KjChartColor *color, double alpha)
{
  cairo_set_source_rgba(cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
set_series_color(cairo_t *cr, const KjChartStyle *style, KjChartSeries *series)
{
  KjChartColor color;

  kj_chart_style_get_palette_color(style, kj_chart_series_get_color(series), &color);
  set_color(cr, &color, kj_chart_series_get_faint(series) ? FAINT_ALPHA : 1.0);
}

/* Draws one line of text with its (xalign, yalign) point at (x, y),
 * ellipsized to max_width when that is > 0; returns its width. */
static double
show_text(cairo_t *cr, KjChartLayout *layout, KjChartTextRole role, const char *string, double x,
          double y, double xalign, double yalign, double max_width)
{
  PangoLayout *text = kj_chart_text_layout(&layout->text, role, string);
  PangoRectangle logical;
  double width, height;

  if (max_width > 0.0) {
    pango_layout_set_width(text, (int)(max_width * PANGO_SCALE));
    pango_layout_set_ellipsize(text, PANGO_ELLIPSIZE_END);
  }
  pango_layout_get_extents(text, NULL, &logical);
  width = logical.width / (double)PANGO_SCALE;
  height = logical.height / (double)PANGO_SCALE;
  cairo_move_to(cr, x - width * xalign - logical.x / (double)PANGO_SCALE,
                y - height * yalign - logical.y / (double)PANGO_SCALE);
  pango_cairo_show_layout(cr, text);
  /* Text leaves a current point; a following arc would join it with a line. */
  cairo_new_path(cr);
  g_object_unref(text);
  return width;
}

/* Centre of a one-pixel line on the pixel grid, so it is crisp. */
static double
snap(double coord)
{
  return floor(coord) + 0.5;
}

static double
clamp_coord(double coord, double low, double high)
{
  return CLAMP(coord, low - COORD_LIMIT, high + COORD_LIMIT);
}

/* ---- grid and axes ---- */

static void
draw_grid(cairo_t *cr, KjChartLayout *layout, const KjChartStyle *style)
{
  const KjChartRect *plot = &layout->plot;

  cairo_set_line_width(cr, 1.0);
  set_color(cr, &style->grid, 1.0);
  for (guint i = 0; i < layout->y_ticks.n_ticks; i++) {
    double y = snap(kj_chart_layout_y(layout, layout->y_ticks.ticks[i]));
    cairo_move_to(cr, plot->x, y);
    cairo_line_to(cr, plot->x + plot->width, y);
  }
  for (guint i = 0; !layout->categorical && i < layout->x_ticks.n_ticks; i++) {
    double x = snap(kj_chart_layout_x(layout, layout->x_ticks.ticks[i]));
    cairo_move_to(cr, x, plot->y);
    cairo_line_to(cr, x, plot->y + plot->height);
  }
  cairo_stroke(cr);

  /* Bars going below zero need the zero line to read. */
  if (layout->y_min < 0.0 && layout->y_max > 0.0) {
    double y = snap(kj_chart_layout_y(layout, 0.0));
    set_color(cr, &style->foreground, 0.4);
    cairo_move_to(cr, plot->x, y);
    cairo_line_to(cr, plot->x + plot->width, y);
    cairo_stroke(cr);
  }
}

static void
draw_y_tick_labels(cairo_t *cr, KjChartLayout *layout, const KjChartStyle *style)
{
  double x = layout->plot.x - layout->tick_length - 3.0, last_top = G_MAXDOUBLE, height;

  kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, "0", NULL, &height);
  set_color(cr, &style->foreground, 0.75);
  for (guint i = 0; i < layout->y_ticks.n_ticks; i++) {
    double y = kj_chart_layout_y(layout, layout->y_ticks.ticks[i]);
    g_autofree char *label = NULL;

    /* Ticks go upwards; skip a label that would touch the one below. */
    if (y + height / 2.0 > last_top)
      continue;
    label = kj_chart_axis_format(layout->y_ticks.ticks[i], layout->y_ticks.step);
    show_text(cr, layout, KJ_CHART_TEXT_TICK, label, x, y, 1.0, 0.5, 0.0);
    last_top = y - height / 2.0;
  }
}

static void
draw_x_tick_labels(cairo_t *cr, KjChartLayout *layout, KjChart *chart, const KjChartStyle *style)
{
  double y = layout->plot.y + layout->plot.height + layout->tick_length + 2.0;
  double last_right = -G_MAXDOUBLE, em = layout->text.em;

  set_color(cr, &style->foreground, 0.75);
  if (layout->categorical) {
    const char *const *categories = kj_chart_get_categories(chart);
    guint n_categories = kj_chart_get_n_categories(chart);
    double slot = kj_chart_layout_slot_width(layout);

    if (slot < em * 1.5)
      return;
    for (guint i = 0; i < layout->n_slots; i++) {
      double x = kj_chart_layout_x(layout, i);
      char number[16];

      if (x < layout->plot.x || x > layout->plot.x + layout->plot.width)
        continue;
      /* Unnamed slots show x itself, as the data and read-outs do. */
      g_snprintf(number, sizeof number, "%u", i);
      show_text(cr, layout, KJ_CHART_TEXT_TICK, i < n_categories ? categories[i] : number, x, y,
                0.5, 0.0, slot * 0.95);
    }
    return;
  }
  for (guint i = 0; i < layout->x_ticks.n_ticks; i++) {
    g_autofree char *label = kj_chart_axis_format(layout->x_ticks.ticks[i], layout->x_ticks.step);
    double x = kj_chart_layout_x(layout, layout->x_ticks.ticks[i]), width;

    kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, label, &width, NULL);
    /* Keep labels inside the drawing and apart from each other. */
    x = CLAMP(x - width / 2.0, 0.0, MAX(layout->width - width, 0.0));
    if (x < last_right + em * 0.5)
      continue;
    show_text(cr, layout, KJ_CHART_TEXT_TICK, label, x, y, 0.0, 0.0, 0.0);
    last_right = x + width;
  }
}

static void
draw_axes(cairo_t *cr, KjChartLayout *layout, KjChart *chart, const KjChartStyle *style)
{
  const KjChartRect *plot = &layout->plot;
  double left = snap(plot->x) - 1.0, bottom = snap(plot->y + plot->height);

  cairo_set_line_width(cr, 1.0);
  set_color(cr, &style->foreground, 0.5);
  cairo_move_to(cr, left, plot->y);
  cairo_line_to(cr, left, bottom);
  cairo_line_to(cr, plot->x + plot->width, bottom);
  if (layout->show_ticks) {
    for (guint i = 0; i < layout->y_ticks.n_ticks; i++) {
      double y = snap(kj_chart_layout_y(layout, layout->y_ticks.ticks[i]));
      cairo_move_to(cr, left - layout->tick_length, y);
      cairo_line_to(cr, left, y);
    }
    for (guint i = 0; !layout->categorical && i < layout->x_ticks.n_ticks; i++) {
      double x = snap(kj_chart_layout_x(layout, layout->x_ticks.ticks[i]));
      cairo_move_to(cr, x, bottom);
      cairo_line_to(cr, x, bottom + layout->tick_length);
    }
  }
  cairo_stroke(cr);

  if (layout->show_tick_labels) {
    draw_y_tick_labels(cr, layout, style);
    draw_x_tick_labels(cr, layout, chart, style);
  }
}

/* ---- series ---- */

static void
draw_bars(cairo_t *cr, KjChartLayout *layout, KjChartSeries *series, guint bar_index,
          const KjChartStyle *style)
{
  gsize n;
  const KjChartPoint *points = kj_chart_series_get_points(series, &n);
  KjChartRect rect;

  for (gsize i = 0; i < n; i++)
    if (kj_chart_layout_bar_rect(layout, bar_index, points[i].x, points[i].y, &rect))
      cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height);
  set_series_color(cr, style, series);
  cairo_fill(cr);
}

typedef struct {
  gsize index;
  double x;
  double y;
} Vertex;

/* Consecutive points that fall in one pixel column.  Drawing only the
 * first, the extremes and the last of them (M4 reduction) looks the same as
 * drawing all, and keeps a long training curve as cheap as the plot is wide. */
typedef struct {
  gboolean active;
  double column;
  Vertex first, min_y, max_y, last;
} Run;

/* Series with at most this many points get a dot at each. */
#define SPARSE_POINTS 20

typedef struct {
  cairo_t *cr;
  gboolean pen_down;
} Pen;

static void
pen_to(Pen *pen, double x, double y)
{
  if (!pen->pen_down) {
    /* A move and a line to the same place: a lone point shows as a dot. */
    cairo_move_to(pen->cr, x, y);
    pen->pen_down = TRUE;
  }
  cairo_line_to(pen->cr, x, y);
}

/* The four vertices in the order of the data, each once. */
static void
run_flush(Run *run, Pen *pen)
{
  gboolean min_first = run->min_y.index < run->max_y.index;
  const Vertex *vertices[4] = { &run->first, min_first ? &run->min_y : &run->max_y,
                                min_first ? &run->max_y : &run->min_y, &run->last };
  gsize previous = G_MAXSIZE;

  if (!run->active)
    return;
  for (guint i = 0; i < G_N_ELEMENTS(vertices); i++) {
    if (vertices[i]->index == previous)
      continue;
    pen_to(pen, vertices[i]->x, vertices[i]->y);
    previous = vertices[i]->index;
  }
  run->active = FALSE;
}

static void
run_add(Run *run, Pen *pen, gsize index, double x, double y)
{
  Vertex vertex = { index, x, y };
  double column = floor(x);

  if (run->active && column == run->column) {
    if (y < run->min_y.y)
      run->min_y = vertex;
    if (y > run->max_y.y)
      run->max_y = vertex;
    run->last = vertex;
    return;
  }
  run_flush(run, pen);
  run->active = TRUE;
  run->column = column;
  run->first = run->min_y = run->max_y = run->last = vertex;
}

static void
draw_line(cairo_t *cr, KjChartLayout *layout, KjChartSeries *series, const KjChartStyle *style)
{
  const KjChartRect *plot = &layout->plot;
  gsize n;
  const KjChartPoint *points = kj_chart_series_get_points(series, &n);
  Run run = { FALSE };
  Pen pen = { cr, FALSE };

  for (gsize i = 0; i < n; i++) {
    double x, y;

    if (isfinite(points[i].x) && isfinite(points[i].y)) {
      x = clamp_coord(kj_chart_layout_x(layout, points[i].x), plot->x, plot->x + plot->width);
      y = clamp_coord(kj_chart_layout_y(layout, points[i].y), plot->y, plot->y + plot->height);
    } else {
      x = y = NAN;
    }
    /* A missing value breaks the line rather than bridging the gap. */
    if (isnan(x) || isnan(y)) {
      run_flush(&run, &pen);
      pen.pen_down = FALSE;
      continue;
    }
    run_add(&run, &pen, i, x, y);
  }
  run_flush(&run, &pen);

  cairo_set_line_width(cr, kj_chart_series_get_faint(series) ? 1.0 : 2.0);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  set_series_color(cr, style, series);
  cairo_stroke(cr);

  /* Few points (one per epoch, say) are dots joined by lines: a lone
   * first point would otherwise hardly show. */
  if (n <= SPARSE_POINTS && !kj_chart_series_get_faint(series))
    for (gsize i = 0; i < n; i++) {
      if (!isfinite(points[i].x) || !isfinite(points[i].y))
        continue;
      cairo_new_sub_path(cr);
      cairo_arc(cr, kj_chart_layout_x(layout, points[i].x), kj_chart_layout_y(layout, points[i].y),
                3.5, 0, 2 * G_PI);
      cairo_fill(cr);
    }
}

/* Bars at the back, then faint lines (raw data), then the lines they
 * underlie (smoothed data), each group in the order added. */
static void
draw_series(cairo_t *cr, KjChartLayout *layout, KjChart *chart, const KjChartStyle *style)
{
  guint n_series = kj_chart_get_n_series(chart), bar_index = 0;

  cairo_save(cr);
  cairo_rectangle(cr, layout->plot.x - 2.0, layout->plot.y - 2.0, layout->plot.width + 4.0,
                  layout->plot.height + 4.0);
  cairo_clip(cr);
  for (guint i = 0; i < n_series; i++) {
    KjChartSeries *series = kj_chart_get_series(chart, i);
    if (kj_chart_series_get_kind(series) == KJ_CHART_SERIES_BARS)
      draw_bars(cr, layout, series, bar_index++, style);
  }
  for (int faint = 1; faint >= 0; faint--) {
    for (guint i = 0; i < n_series; i++) {
      KjChartSeries *series = kj_chart_get_series(chart, i);
      if (kj_chart_series_get_kind(series) == KJ_CHART_SERIES_LINE &&
          kj_chart_series_get_faint(series) == faint)
        draw_line(cr, layout, series, style);
    }
  }
  cairo_restore(cr);
}

/* ---- marker, legend, titles ---- */

/* A translucent box behind text that lies over data. */
static void
text_box(cairo_t *cr, const KjChartStyle *style, double x, double y, double width, double height)
{
  if (style->background.alpha > 0.0)
    set_color(cr, &style->background, 0.85);
  else if (style->dark)
    cairo_set_source_rgba(cr, 0.0, 0.0, 0.0, 0.6);
  else
    cairo_set_source_rgba(cr, 1.0, 1.0, 1.0, 0.75);
  cairo_rectangle(cr, x, y, width, height);
  cairo_fill(cr);
}

static void
draw_marker(cairo_t *cr, KjChartLayout *layout, KjChart *chart, const KjChartStyle *style)
{
  const KjChartRect *plot = &layout->plot;
  double mx, my, px, py, radius = round(layout->text.em * 0.35), width, height, lx, ly;
  const char *label;

  if (!kj_chart_get_marker(chart, &mx, &my, &label) || !isfinite(mx) || !isfinite(my))
    return;
  px = kj_chart_layout_x(layout, mx);
  py = kj_chart_layout_y(layout, my);
  if (px < plot->x - 0.5 || px > plot->x + plot->width + 0.5 || py < plot->y - 0.5 ||
      py > plot->y + plot->height + 0.5)
    return;

  /* A ring of background keeps the dot apart from the line under it. */
  if (style->background.alpha > 0.0) {
    set_color(cr, &style->background, 1.0);
    cairo_arc(cr, px, py, radius + 1.5, 0.0, 2 * G_PI);
    cairo_fill(cr);
  }
  set_color(cr, &style->foreground, 1.0);
  cairo_arc(cr, px, py, radius, 0.0, 2 * G_PI);
  cairo_fill(cr);

  if (label == NULL || *label == '\0' || !layout->show_tick_labels)
    return;
  kj_chart_text_size(&layout->text, KJ_CHART_TEXT_LABEL, label, &width, &height);
  width = MIN(width, plot->width);
  /* Above right of the dot, or wherever it stays inside the plot. */
  lx = px + radius + 4.0;
  if (lx + width > plot->x + plot->width)
    lx = MAX(px - radius - 4.0 - width, plot->x);
  ly = py - radius - 2.0 - height;
  if (ly < plot->y)
    ly = MIN(py + radius + 2.0, plot->y + plot->height - height);
  text_box(cr, style, lx - 2.0, ly, width + 4.0, height);
  set_color(cr, &style->foreground, 1.0);
  show_text(cr, layout, KJ_CHART_TEXT_LABEL, label, lx, ly, 0.0, 0.0, width + 0.5);
}

static void
draw_legend(cairo_t *cr, KjChartLayout *layout, KjChart *chart, const KjChartStyle *style)
{
  double swatch = round(layout->text.em * 1.2), gap = round(layout->text.em * 0.4);

  for (guint i = 0; i < layout->legend->len; i++) {
    const KjChartLegendItem *item = &g_array_index(layout->legend, KjChartLegendItem, i);
    KjChartSeries *series = kj_chart_get_series(chart, item->series);
    const KjChartRect *box = &item->box;
    double middle = box->y + box->height / 2.0;

    set_series_color(cr, style, series);
    if (kj_chart_series_get_kind(series) == KJ_CHART_SERIES_BARS) {
      double side = round(layout->text.em * 0.7);
      cairo_rectangle(cr, box->x + (swatch - side) / 2.0, round(middle - side / 2.0), side, side);
      cairo_fill(cr);
    } else {
      /* Faint lines are drawn thicker here than in the plot, to be seen. */
      cairo_set_line_width(cr, kj_chart_series_get_faint(series) ? 2.0 : 3.0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to(cr, box->x + 1.5, middle);
      cairo_line_to(cr, box->x + swatch - 1.5, middle);
      cairo_stroke(cr);
    }
    set_color(cr, &style->foreground, 1.0);
    show_text(cr, layout, KJ_CHART_TEXT_LABEL, kj_chart_series_get_name(series),
              box->x + swatch + gap, box->y, 0.0, 0.0, item->text_width + 0.5);
  }
}

static void
draw_titles(cairo_t *cr, KjChartLayout *layout, KjChart *chart, const KjChartStyle *style)
{
  const KjChartRect *plot = &layout->plot;
  const char *x_label = kj_chart_get_x_label(chart), *y_label = kj_chart_get_y_label(chart);
  double text_width = MAX(layout->width - 2.0 * layout->pad, 1.0);

  set_color(cr, &style->foreground, 1.0);
  if (layout->show_title)
    show_text(cr, layout, KJ_CHART_TEXT_TITLE, kj_chart_get_title(chart), layout->width / 2.0,
              layout->title_y, 0.5, 0.0, text_width);
  if (!layout->show_axis_labels)
    return;
  if (x_label != NULL && *x_label != '\0')
    show_text(cr, layout, KJ_CHART_TEXT_LABEL, x_label, plot->x + plot->width / 2.0,
              layout->height - layout->pad, 0.5, 1.0, plot->width);
  if (y_label != NULL && *y_label != '\0') {
    /* Rotated a quarter turn anticlockwise: it reads bottom to top. */
    cairo_save(cr);
    cairo_translate(cr, layout->pad, plot->y + plot->height / 2.0);
    cairo_rotate(cr, -G_PI / 2.0);
    show_text(cr, layout, KJ_CHART_TEXT_LABEL, y_label, 0.0, 0.0, 0.5, 0.0, plot->height);
    cairo_restore(cr);
  }
}

static void
draw_no_data(cairo_t *cr, KjChartLayout *layout, const KjChartStyle *style)
{
  const KjChartRect *plot = &layout->plot;
  double height;

  kj_chart_text_size(&layout->text, KJ_CHART_TEXT_LABEL, "Ag", NULL, &height);
  if (plot->height < height || plot->width < layout->text.em * 3.0)
    return;
  set_color(cr, &style->foreground, 0.5);
  show_text(cr, layout, KJ_CHART_TEXT_LABEL, _("No data"), plot->x + plot->width / 2.0,
            plot->y + plot->height / 2.0, 0.5, 0.5, plot->width);
}

/* Draws the chart into the rectangle (0, 0, width, height) of cr. */
void
kj_chart_render(KjChart *chart, cairo_t *cr, int width, int height, const KjChartStyle *style)
{
  KjChartLayout layout;

  g_return_if_fail(KJ_IS_CHART(chart));
  g_return_if_fail(cr != NULL);
  g_return_if_fail(style != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, width, height);
  cairo_clip(cr);
  if (style->background.alpha > 0.0) {
    set_color(cr, &style->background, 1.0);
    cairo_paint(cr);
  }

  kj_chart_layout_init(&layout, chart, width, height, style);
  if (layout.has_plot) {
    draw_grid(cr, &layout, style);
    draw_series(cr, &layout, chart, style);
    draw_axes(cr, &layout, chart, style);
    draw_marker(cr, &layout, chart, style);
    if (!layout.has_data)
      draw_no_data(cr, &layout, style);
    draw_legend(cr, &layout, chart, style);
    draw_titles(cr, &layout, chart, style);
  }
  kj_chart_layout_clear(&layout);
  cairo_new_path(cr);
  cairo_restore(cr);
}
