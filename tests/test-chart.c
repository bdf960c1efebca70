#include "kj-chart-axis.h"
#include "kj-chart-describe.h"
#include "kj-chart-export.h"
#include "kj-chart-render.h"
#include "kj-chart.h"
#include "kj-error.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define WIDTH  400
#define HEIGHT 300

/* ---- helpers ---- */

typedef struct {
  guint8 r, g, b;
} Rgb;

/* An opaque ARGB32 pixel, so premultiplication does not matter. */
static Rgb
pixel_at(cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data(surface);
  guint32 value;
  Rgb rgb;

  g_assert_cmpint(x, >=, 0);
  g_assert_cmpint(y, >=, 0);
  g_assert_cmpint(x, <, cairo_image_surface_get_width(surface));
  g_assert_cmpint(y, <, cairo_image_surface_get_height(surface));
  value =
      *(const guint32 *)(gconstpointer)(data + y * cairo_image_surface_get_stride(surface) + x * 4);
  g_assert_cmpuint(value >> 24, ==, 0xff);
  rgb.r = (value >> 16) & 0xff;
  rgb.g = (value >> 8) & 0xff;
  rgb.b = value & 0xff;
  return rgb;
}

static Rgb
rgb_of(const KjChartColor *color)
{
  Rgb rgb = { (guint8)round(color->red * 255), (guint8)round(color->green * 255),
              (guint8)round(color->blue * 255) };
  return rgb;
}

static Rgb
palette_rgb(const KjChartStyle *style, guint index)
{
  KjChartColor color;

  kj_chart_style_get_palette_color(style, index, &color);
  return rgb_of(&color);
}

static gboolean
rgb_near(Rgb a, Rgb b, int tolerance)
{
  return ABS(a.r - b.r) <= tolerance && ABS(a.g - b.g) <= tolerance && ABS(a.b - b.b) <= tolerance;
}

/* Antialiasing blurs edges: some pixel within radius must be the colour. */
static gboolean
colour_near(cairo_surface_t *surface, double px, double py, int radius, Rgb expected)
{
  int cx = (int)floor(px), cy = (int)floor(py);

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++) {
      int x = cx + dx, y = cy + dy;

      if (x < 0 || y < 0 || x >= cairo_image_surface_get_width(surface) ||
          y >= cairo_image_surface_get_height(surface) || dx * dx + dy * dy > radius * radius)
        continue;
      if (rgb_near(pixel_at(surface, x, y), expected, 12))
        return TRUE;
    }
  return FALSE;
}

static cairo_surface_t *
render(KjChart *chart, int width, int height, const KjChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create(surface);

  kj_chart_render(chart, cr, width, height, style);
  g_assert_cmpint(cairo_status(cr), ==, CAIRO_STATUS_SUCCESS);
  /* A path left behind would be joined to whatever the caller draws next. */
  g_assert_false(cairo_has_current_point(cr));
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  g_assert_cmpint(cairo_surface_status(surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
count_signal(gpointer instance, guint *count)
{
  (*count)++;
}

static KjChart *
new_line_chart(KjChartSeries **out_series)
{
  KjChart *chart = kj_chart_new("Score w as α varies");
  g_autoptr(KjChartSeries) series = kj_chart_series_new("Score w", KJ_CHART_SERIES_LINE, 0);

  kj_chart_set_x_label(chart, "Fusion coefficient α");
  kj_chart_set_y_label(chart, "Score w");
  for (int i = 0; i <= 10; i++)
    kj_chart_series_append(series, i, i * i);
  kj_chart_add_series(chart, series);
  if (out_series != NULL)
    *out_series = series;
  return chart;
}

/* ---- axis ---- */

static void
assert_ticks_sane(const KjChartTicks *ticks)
{
  g_assert_true(isfinite(ticks->min) && isfinite(ticks->max));
  g_assert_cmpfloat(ticks->min, <, ticks->max);
  g_assert_cmpfloat(ticks->step, >, 0.0);
  g_assert_cmpuint(ticks->n_ticks, <=, KJ_CHART_AXIS_MAX_TICKS);
  for (guint i = 0; i < ticks->n_ticks; i++) {
    g_assert_true(isfinite(ticks->ticks[i]));
    g_assert_cmpfloat(ticks->ticks[i], >=, ticks->min - ticks->step * 1e-6);
    g_assert_cmpfloat(ticks->ticks[i], <=, ticks->max + ticks->step * 1e-6);
    if (i > 0)
      g_assert_cmpfloat(ticks->ticks[i], >, ticks->ticks[i - 1]);
  }
}

static void
test_axis_ticks(void)
{
  struct {
    double min, max;
    guint target;
    gboolean widen;
    double step, first, last;
    guint n_ticks;
  } cases[] = {
    { 0.0, 1.0, 5, TRUE, 0.2, 0.0, 1.0, 6 },
    { 0.03, 0.97, 5, TRUE, 0.2, 0.0, 1.0, 6 },
    { 0.0, 1000.0, 5, TRUE, 200.0, 0.0, 1000.0, 6 },
    { -3.0, 7.0, 5, TRUE, 2.0, -4.0, 8.0, 7 },
    { 0.0, 1.5, 6, TRUE, 0.5, 0.0, 1.5, 4 },
    { 0.0, 1234.0, 4, TRUE, 500.0, 0.0, 1500.0, 4 },
    { 0.1, 0.95, 4, FALSE, 0.5, 0.5, 0.5, 1 },
    { 0.0, 1.0, 2, FALSE, 0.5, 0.0, 1.0, 3 },
    { 1e-6, 5e-6, 4, TRUE, 1e-6, 1e-6, 5e-6, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    KjChartTicks ticks;

    kj_chart_axis_ticks(cases[i].min, cases[i].max, cases[i].target, cases[i].widen, &ticks);
    assert_ticks_sane(&ticks);
    g_assert_cmpfloat_with_epsilon(ticks.step, cases[i].step, cases[i].step * 1e-9);
    g_assert_cmpuint(ticks.n_ticks, ==, cases[i].n_ticks);
    g_assert_cmpfloat_with_epsilon(ticks.ticks[0], cases[i].first, cases[i].step * 1e-9);
    g_assert_cmpfloat_with_epsilon(ticks.ticks[ticks.n_ticks - 1], cases[i].last,
                                   cases[i].step * 1e-9);
    if (cases[i].widen) {
      g_assert_cmpfloat(ticks.min, ==, ticks.ticks[0]);
      g_assert_cmpfloat(ticks.max, ==, ticks.ticks[ticks.n_ticks - 1]);
    } else {
      g_assert_cmpfloat(ticks.min, ==, cases[i].min);
      g_assert_cmpfloat(ticks.max, ==, cases[i].max);
    }
  }
}

static void
test_axis_zero_is_exact(void)
{
  KjChartTicks ticks;
  gboolean seen_zero = FALSE;

  kj_chart_axis_ticks(-0.3, 0.3, 6, TRUE, &ticks);
  assert_ticks_sane(&ticks);
  for (guint i = 0; i < ticks.n_ticks; i++)
    if (fabs(ticks.ticks[i]) < 1e-3) {
      g_assert_cmpfloat(ticks.ticks[i], ==, 0.0);
      seen_zero = TRUE;
    }
  g_assert_true(seen_zero);
}

static void
test_axis_degenerate(void)
{
  struct {
    double min, max;
  } cases[] = {
    { 5.0, 5.0 },
    { 0.0, 0.0 },
    { -2.5, -2.5 },
    { NAN, NAN },
    { NAN, 3.0 },
    { 3.0, INFINITY },
    { INFINITY, -INFINITY },
    { 7.0, 1.0 },
    { 1e300, 1e300 },
    { -G_MAXDOUBLE, G_MAXDOUBLE },
    { 1e16, 1e16 + 2.0 },
    { 1e-300, 2e-300 },
  };

  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    for (int widen = 0; widen <= 1; widen++) {
      KjChartTicks ticks;

      kj_chart_axis_ticks(cases[i].min, cases[i].max, 5, widen, &ticks);
      assert_ticks_sane(&ticks);
      g_assert_cmpuint(ticks.n_ticks, >=, 1);
      /* A finite value stays in view, unless it is too large for the
       * span around it to be a double. */
      if (isfinite(cases[i].min) && fabs(cases[i].min) < 1e307) {
        g_assert_cmpfloat(ticks.min, <=, cases[i].min);
        g_assert_cmpfloat(ticks.max, >=, cases[i].min);
      }
    }
  }
  /* 0..0 becomes -1..1; nothing at all becomes 0..1. */
  {
    KjChartTicks ticks;

    kj_chart_axis_ticks(0.0, 0.0, 4, TRUE, &ticks);
    g_assert_cmpfloat(ticks.min, ==, -1.0);
    g_assert_cmpfloat(ticks.max, ==, 1.0);
    kj_chart_axis_ticks(NAN, NAN, 4, TRUE, &ticks);
    g_assert_cmpfloat(ticks.min, ==, 0.0);
    g_assert_cmpfloat(ticks.max, ==, 1.0);
  }
  g_assert_cmpfloat(kj_chart_axis_nice_step(0.0, 5), ==, 1.0);
  g_assert_cmpfloat(kj_chart_axis_nice_step(NAN, 5), ==, 1.0);
  g_assert_cmpfloat(kj_chart_axis_nice_step(10.0, 0), ==, 10.0);
}

static void
test_axis_format(void)
{
  struct {
    double value, step;
    const char *expected;
  } cases[] = {
    { 0.25, 0.25, "0.25" },
    { 0.5, 0.5, "0.5" },
    { 1000.0, 1000.0, "1000" },
    { 1.0, 0.25, "1.00" },
    { 0.2, 0.2, "0.2" },
    { 0.0, 0.1, "0.0" },
    { -1e-17, 0.1, "0.0" },
    { -0.4, 0.2, "-0.4" },
    { 2e-5, 1e-5, "0.00002" },
    { 1500.0, 500.0, "1500" },
    { 0.30000000000000004, 0.1, "0.3" },
    { NAN, 1.0, "NaN" },
  };

  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *text = kj_chart_axis_format(cases[i].value, cases[i].step);
    g_assert_cmpstr(text, ==, cases[i].expected);
  }
  g_assert_cmpuint(kj_chart_axis_decimals(0.25), ==, 2);
  g_assert_cmpuint(kj_chart_axis_decimals(0.5), ==, 1);
  g_assert_cmpuint(kj_chart_axis_decimals(1000.0), ==, 0);
  g_assert_cmpuint(kj_chart_axis_decimals(0.1), ==, 1);
  g_assert_cmpuint(kj_chart_axis_decimals(0.05), ==, 2);
  g_assert_cmpuint(kj_chart_axis_decimals(0.0), ==, 0);
}

/* ---- model ---- */

static void
test_series(void)
{
  KjChartSeries *series = kj_chart_series_new("Loss", KJ_CHART_SERIES_LINE, 3);
  KjChartPoint points[] = { { 0, 1.0 }, { 1, NAN }, { 2, 0.5 }, { INFINITY, 9.0 } };
  const KjChartPoint *got;
  double x0, x1, y0, y1;
  guint changed = 0;
  gsize n;

  g_signal_connect(series, "changed", G_CALLBACK(count_signal), &changed);
  g_assert_cmpstr(kj_chart_series_get_name(series), ==, "Loss");
  g_assert_cmpuint(kj_chart_series_get_color(series), ==, 3);
  g_assert_false(kj_chart_series_get_bounds(series, &x0, &x1, &y0, &y1));

  kj_chart_series_set_points(series, points, G_N_ELEMENTS(points));
  g_assert_cmpuint(changed, ==, 1);
  got = kj_chart_series_get_points(series, &n);
  g_assert_cmpuint(n, ==, 4);
  g_assert_true(isnan(got[1].y));
  /* Bounds skip the points that are not finite. */
  g_assert_true(kj_chart_series_get_bounds(series, &x0, &x1, &y0, &y1));
  g_assert_cmpfloat(x0, ==, 0.0);
  g_assert_cmpfloat(x1, ==, 2.0);
  g_assert_cmpfloat(y0, ==, 0.5);
  g_assert_cmpfloat(y1, ==, 1.0);

  kj_chart_series_append(series, -1.0, 3.0);
  g_assert_cmpuint(changed, ==, 2);
  g_assert_true(kj_chart_series_get_bounds(series, &x0, &x1, &y0, &y1));
  g_assert_cmpfloat(x0, ==, -1.0);
  g_assert_cmpfloat(y1, ==, 3.0);

  g_object_set(series, "faint", TRUE, "kind", KJ_CHART_SERIES_BARS, "name", "Raw", NULL);
  g_assert_cmpuint(changed, ==, 5);
  g_assert_true(kj_chart_series_get_faint(series));
  g_assert_cmpint(kj_chart_series_get_kind(series), ==, KJ_CHART_SERIES_BARS);
  kj_chart_series_set_faint(series, TRUE);
  g_assert_cmpuint(changed, ==, 5);

  kj_chart_series_clear(series);
  g_assert_cmpuint(changed, ==, 6);
  g_assert_cmpuint(kj_chart_series_get_n_points(series), ==, 0);
  g_assert_false(kj_chart_series_get_bounds(series, NULL, NULL, NULL, NULL));
  kj_chart_series_clear(series);
  g_assert_cmpuint(changed, ==, 6);
  g_assert_finalize_object(series);
}

static void
test_chart_changed(void)
{
  KjChart *chart = kj_chart_new("Loss");
  KjChart *other = kj_chart_new("Other");
  KjChartSeries *series = kj_chart_series_new("Loss", KJ_CHART_SERIES_LINE, 0);
  const char *labels[] = { "Programming", "AI", NULL };
  guint changed = 0, other_changed = 0;
  double min, max;

  g_signal_connect(chart, "changed", G_CALLBACK(count_signal), &changed);
  g_signal_connect(other, "changed", G_CALLBACK(count_signal), &other_changed);

  kj_chart_add_series(chart, series);
  kj_chart_add_series(other, series);
  g_assert_cmpuint(changed, ==, 1);
  g_assert_cmpuint(kj_chart_get_n_series(chart), ==, 1);
  g_assert_true(kj_chart_get_series(chart, 0) == series);

  /* Forwarded from the series, to every chart that shows it. */
  kj_chart_series_append(series, 0, 1);
  g_assert_cmpuint(changed, ==, 2);
  g_assert_cmpuint(other_changed, ==, 2);
  kj_chart_series_set_color(series, 4);
  g_assert_cmpuint(changed, ==, 3);

  kj_chart_set_title(chart, "Training loss");
  kj_chart_set_title(chart, "Training loss");
  g_assert_cmpuint(changed, ==, 4);
  kj_chart_set_x_label(chart, "Step");
  kj_chart_set_y_label(chart, "Loss");
  kj_chart_set_legend_visible(chart, FALSE);
  g_assert_cmpuint(changed, ==, 7);

  kj_chart_set_categories(chart, labels);
  kj_chart_set_categories(chart, labels);
  g_assert_cmpuint(changed, ==, 8);
  g_assert_cmpuint(kj_chart_get_n_categories(chart), ==, 2);
  g_assert_true(kj_chart_is_categorical(chart));
  kj_chart_set_categories(chart, NULL);
  g_assert_cmpuint(changed, ==, 9);
  g_assert_false(kj_chart_is_categorical(chart));

  kj_chart_set_x_range(chart, 0.0, 1.0);
  kj_chart_set_x_range(chart, 0.0, 1.0);
  g_assert_true(kj_chart_get_x_range(chart, &min, &max));
  g_assert_cmpfloat(max, ==, 1.0);
  kj_chart_set_y_range(chart, 0.0, 2.0);
  kj_chart_clear_x_range(chart);
  g_assert_false(kj_chart_get_x_range(chart, NULL, NULL));
  g_assert_cmpuint(changed, ==, 12);

  kj_chart_set_marker(chart, 0.5, 0.75, "w = 0.75");
  kj_chart_set_marker(chart, 0.5, 0.75, "w = 0.75");
  kj_chart_clear_marker(chart);
  kj_chart_clear_marker(chart);
  g_assert_cmpuint(changed, ==, 14);

  /* A removed series no longer reaches the chart, but still the other. */
  kj_chart_remove_series(chart, series);
  g_assert_cmpuint(changed, ==, 15);
  kj_chart_series_append(series, 1, 2);
  g_assert_cmpuint(changed, ==, 15);
  g_assert_cmpuint(other_changed, ==, 4);

  g_assert_finalize_object(chart);
  g_assert_finalize_object(other);
  g_assert_finalize_object(series);
}

/* ---- rendering ---- */

static void
test_render_line(void)
{
  KjChartSeries *series;
  KjChart *chart = new_line_chart(&series);
  KjChartStyle style;
  cairo_surface_t *surface;
  Rgb background, blue;
  double px, py;

  kj_chart_style_init(&style, FALSE);
  background = rgb_of(&style.background);
  blue = palette_rgb(&style, 0);
  g_assert_true(rgb_near(blue, (Rgb){ 0x1c, 0x71, 0xd8 }, 0));
  surface = render(chart, WIDTH, HEIGHT, &style);

  for (int i = 0; i <= 10; i++) {
    g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, i, i * i, &px, &py));
    g_assert_true(colour_near(surface, px, py, 2, blue));
  }
  /* x = 1, y = 90: off the grid lines (even x, y in steps of 20) and far
   * from the curve. */
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 1.0, 90.0, &px, &py));
  g_assert_true(rgb_near(pixel_at(surface, (int)px, (int)py), background, 0));
  /* A point out of view maps outside the plot. */
  g_assert_false(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 50.0, 50.0, &px, &py));

  cairo_surface_destroy(surface);
  g_assert_finalize_object(chart);
}

static void
test_render_dark(void)
{
  KjChart *chart = new_line_chart(NULL);
  KjChartStyle style;
  cairo_surface_t *surface;
  double px, py;

  kj_chart_style_init(&style, TRUE);
  g_assert_true(rgb_near(palette_rgb(&style, 0), (Rgb){ 0x62, 0xa0, 0xea }, 0));
  g_assert_true(rgb_near(palette_rgb(&style, 7), palette_rgb(&style, 0), 0));
  surface = render(chart, WIDTH, HEIGHT, &style);
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 5, 25, &px, &py));
  g_assert_true(colour_near(surface, px, py, 2, palette_rgb(&style, 0)));
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 1.0, 90.0, &px, &py));
  g_assert_true(rgb_near(pixel_at(surface, (int)px, (int)py), rgb_of(&style.background), 0));
  cairo_surface_destroy(surface);
  g_assert_finalize_object(chart);
}

static void
test_render_bars(void)
{
  KjChart *chart = kj_chart_new("Contribution of each term");
  g_autoptr(KjChartSeries) series = kj_chart_series_new("Contribution", KJ_CHART_SERIES_BARS, 2);
  const char *labels[] = { "Programming", "AI", "Data science", "IoT", NULL };
  KjChartPoint points[] = { { 0, 0.5 }, { 1, 0.45 }, { 2, 0.3 }, { 3, 0.0 } };
  KjChartStyle style;
  cairo_surface_t *surface;
  Rgb orange;
  double px, py, y_min, y_max;

  kj_chart_set_categories(chart, labels);
  kj_chart_series_set_points(series, points, G_N_ELEMENTS(points));
  kj_chart_add_series(chart, series);
  kj_chart_style_init(&style, FALSE);
  orange = palette_rgb(&style, 2);
  surface = render(chart, WIDTH, HEIGHT, &style);

  /* The automatic range includes 0. */
  g_assert_true(
      kj_chart_unmap_point(chart, WIDTH, HEIGHT, &style, WIDTH / 2.0, HEIGHT / 2.0, NULL, &y_min));
  for (guint i = 0; i < 3; i++) {
    g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, i, points[i].y / 2, &px, &py));
    g_assert_true(rgb_near(pixel_at(surface, (int)px, (int)py), orange, 0));
  }
  /* The bar of value 0 has nothing above the axis. */
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 0, 0.0, NULL, &py));
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 3, 0.0, &px, NULL));
  for (int dy = 2; dy < 40; dy++)
    g_assert_false(rgb_near(pixel_at(surface, (int)px, (int)py - dy), orange, 40));
  /* Between two bars: background. */
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 0.5, 0.05, &px, &py));
  g_assert_true(rgb_near(pixel_at(surface, (int)px, (int)py), rgb_of(&style.background), 0));
  cairo_surface_destroy(surface);

  /* A second bar series goes beside the first, inside the same slot. */
  {
    g_autoptr(KjChartSeries) limits = kj_chart_series_new("Attainable", KJ_CHART_SERIES_BARS, 0);
    double left, right;

    for (guint i = 0; i < 4; i++)
      kj_chart_series_append(limits, i, 1.0);
    kj_chart_add_series(chart, limits);
    surface = render(chart, WIDTH, HEIGHT, &style);
    g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 0, 0.1, &px, &py));
    g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 1, 0.1, &right, NULL));
    left = px - (right - px) * 0.2;
    right = px + (right - px) * 0.2;
    g_assert_true(rgb_near(pixel_at(surface, (int)left, (int)py), orange, 0));
    g_assert_true(rgb_near(pixel_at(surface, (int)right, (int)py), palette_rgb(&style, 0), 0));
    g_assert_true(kj_chart_get_y_range(chart, &y_min, &y_max) == FALSE);
    cairo_surface_destroy(surface);
  }
  g_assert_finalize_object(chart);
}

static void
test_render_nan(void)
{
  KjChart *chart = kj_chart_new("Gaps");
  g_autoptr(KjChartSeries) series = kj_chart_series_new("Line", KJ_CHART_SERIES_LINE, 1);
  KjChartStyle style;
  cairo_surface_t *surface;
  Rgb green;
  double px, py;

  for (int i = 0; i <= 10; i++)
    kj_chart_series_append(series, i, i == 5 ? NAN : i == 8 ? INFINITY : i);
  kj_chart_add_series(chart, series);
  kj_chart_style_init(&style, FALSE);
  green = palette_rgb(&style, 1);
  surface = render(chart, WIDTH, HEIGHT, &style);

  for (int i = 0; i <= 10; i++) {
    if (i == 5 || i == 8)
      continue;
    g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, i, i, &px, &py));
    g_assert_true(colour_near(surface, px, py, 2, green));
  }
  /* The line breaks at the gap instead of bridging it (x = 4 to 6). */
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 5, 5, &px, &py));
  g_assert_false(colour_near(surface, px, py, 2, green));
  /* The autoscale ignored the infinity. */
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 10, 10, NULL, NULL));
  cairo_surface_destroy(surface);
  g_assert_finalize_object(chart);
}

static void
test_render_marker(void)
{
  KjChart *chart = kj_chart_new("Score");
  g_autoptr(KjChartSeries) series = kj_chart_series_new("w", KJ_CHART_SERIES_LINE, 0);
  KjChartStyle style;
  cairo_surface_t *surface;
  Rgb foreground;
  double px, py;

  kj_chart_series_append(series, 0.0, 0.5);
  kj_chart_series_append(series, 1.0, 1.0);
  kj_chart_add_series(chart, series);
  kj_chart_set_x_range(chart, 0.0, 1.0);
  kj_chart_set_y_range(chart, 0.0, 1.5);
  kj_chart_set_marker(chart, 0.5, 0.75, "w = 0.75");
  kj_chart_style_init(&style, FALSE);
  /* 80 % black over white. */
  foreground = (Rgb){ 51, 51, 51 };
  surface = render(chart, WIDTH, HEIGHT, &style);
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 0.5, 0.75, &px, &py));
  g_assert_true(rgb_near(pixel_at(surface, (int)px, (int)py), foreground, 4));
  cairo_surface_destroy(surface);

  /* Gone once cleared: the line is there instead. */
  kj_chart_clear_marker(chart);
  surface = render(chart, WIDTH, HEIGHT, &style);
  g_assert_false(rgb_near(pixel_at(surface, (int)px, (int)py), foreground, 20));
  g_assert_true(colour_near(surface, px, py, 2, palette_rgb(&style, 0)));
  cairo_surface_destroy(surface);

  /* Out of a fixed range: not drawn, and no harm. */
  kj_chart_set_marker(chart, 5.0, -3.0, "far");
  cairo_surface_destroy(render(chart, WIDTH, HEIGHT, &style));
  g_assert_finalize_object(chart);
}

/* Every kind of chart at every awkward size: no crash, no cairo error. */
static void
test_render_sizes(void)
{
  const int sizes[][2] = { { 1, 1 },     { 2, 2 },     { 3, 30 },   { 40, 30 },
                           { 30, 40 },   { 80, 12 },   { 12, 80 },  { 120, 80 },
                           { 240, 160 }, { 1000, 20 }, { 20, 1000 } };
  const char *labels[] = { "编程", "人工智能", "数据科学", NULL };
  KjChart *charts[5];
  KjChartStyle style;

  kj_chart_style_init(&style, FALSE);
  charts[0] = kj_chart_new(NULL);
  charts[1] = new_line_chart(NULL);
  kj_chart_set_marker(charts[1], 3, 9, "a rather long marker label that does not fit");
  charts[2] = kj_chart_new("融合评分 — a very long title that will have to be ellipsized");
  kj_chart_set_categories(charts[2], labels);
  {
    g_autoptr(KjChartSeries) bars = kj_chart_series_new("贡献", KJ_CHART_SERIES_BARS, 2);
    g_autoptr(KjChartSeries) empty = kj_chart_series_new("Empty", KJ_CHART_SERIES_LINE, 1);
    kj_chart_series_append(bars, 0, 0.5);
    kj_chart_series_append(bars, 1, -0.25);
    kj_chart_series_append(bars, 2, NAN);
    kj_chart_add_series(charts[2], bars);
    kj_chart_add_series(charts[2], empty);
  }
  charts[3] = kj_chart_new("Only an empty series");
  {
    g_autoptr(KjChartSeries) empty = kj_chart_series_new("Empty", KJ_CHART_SERIES_LINE, 1);
    kj_chart_add_series(charts[3], empty);
    kj_chart_set_x_label(charts[3], "Step");
    kj_chart_set_y_label(charts[3], "Loss");
  }
  charts[4] = kj_chart_new("Extreme values");
  {
    g_autoptr(KjChartSeries) wild = kj_chart_series_new("Wild", KJ_CHART_SERIES_LINE, 4);
    kj_chart_series_append(wild, -1e300, 1e300);
    kj_chart_series_append(wild, 0, -1e300);
    kj_chart_series_append(wild, 1e300, 0);
    kj_chart_series_append(wild, 1, 1);
    kj_chart_add_series(charts[4], wild);
    kj_chart_set_x_range(charts[4], 0, 1);
  }

  for (guint c = 0; c < G_N_ELEMENTS(charts); c++) {
    for (guint s = 0; s < G_N_ELEMENTS(sizes); s++) {
      double px, py;

      cairo_surface_destroy(render(charts[c], sizes[s][0], sizes[s][1], &style));
      kj_chart_map_point(charts[c], sizes[s][0], sizes[s][1], &style, 0.5, 0.5, &px, &py);
      kj_chart_find_nearest(charts[c], sizes[s][0], sizes[s][1], &style, 1, 1, NULL, NULL);
    }
    /* Nothing to draw into: no plot at all. */
    g_assert_false(kj_chart_map_point(charts[c], 0, 0, &style, 0.5, 0.5, NULL, NULL));
    g_assert_false(kj_chart_unmap_point(charts[c], -5, 10, &style, 0, 0, NULL, NULL));
  }
  for (guint c = 0; c < G_N_ELEMENTS(charts); c++)
    g_assert_finalize_object(charts[c]);
}

/* An empty chart still shows its axes and, in the middle, "No data". */
static void
test_render_empty(void)
{
  KjChart *chart = kj_chart_new("Nothing yet");
  KjChartStyle style;
  cairo_surface_t *surface;
  Rgb background;
  guint inked = 0;
  double px, py;

  kj_chart_style_init(&style, FALSE);
  background = rgb_of(&style.background);
  surface = render(chart, WIDTH, HEIGHT, &style);
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 0.5, 0.5, &px, &py));
  for (int y = (int)py - 8; y <= (int)py + 8; y++)
    for (int x = (int)px - 40; x <= (int)px + 40; x++)
      inked += !rgb_near(pixel_at(surface, x, y), background, 8);
  g_assert_cmpuint(inked, >, 20);
  cairo_surface_destroy(surface);
  g_assert_finalize_object(chart);
}

/* A long run is drawn reduced to the pixel columns, yet keeps its spike. */
static void
test_render_large(void)
{
  KjChart *chart = kj_chart_new("Loss");
  g_autoptr(KjChartSeries) raw = kj_chart_series_new("Raw", KJ_CHART_SERIES_LINE, 0);
  g_autoptr(KjChartSeries) smooth = kj_chart_series_new("Smoothed", KJ_CHART_SERIES_LINE, 0);
  g_autoptr(GArray) points = g_array_new(FALSE, FALSE, sizeof(KjChartPoint));
  KjChartStyle style;
  cairo_surface_t *surface;
  double px, py;
  guint series, point;

  for (guint i = 0; i < 200000; i++) {
    KjChartPoint p = { i, i == 123457 ? 1.0 : 0.25 + 0.01 * sin(i * 0.37) };
    g_array_append_val(points, p);
  }
  kj_chart_series_set_faint(raw, TRUE);
  kj_chart_series_set_points(raw, (KjChartPoint *)(gpointer)points->data, points->len);
  kj_chart_series_append(smooth, 0, 0.25);
  kj_chart_series_append(smooth, 199999, 0.25);
  kj_chart_add_series(chart, raw);
  kj_chart_add_series(chart, smooth);
  kj_chart_set_y_range(chart, 0.0, 1.0);
  kj_chart_style_init(&style, FALSE);
  surface = render(chart, WIDTH, HEIGHT, &style);

  /* The spike's top, 1 px faint line: anything clearly blueish. */
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 123457, 0.98, &px, &py));
  {
    gboolean found = FALSE;
    for (int dx = -2; dx <= 2 && !found; dx++) {
      Rgb rgb = pixel_at(surface, (int)px + dx, (int)py);
      found = rgb.b > rgb.r + 30;
    }
    g_assert_true(found);
  }
  /* Hover finds the spike from its top. */
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 123457, 1.0, &px, &py));
  g_assert_true(kj_chart_find_nearest(chart, WIDTH, HEIGHT, &style, px, py - 2, &series, &point));
  g_assert_cmpuint(series, ==, 0);
  g_assert_cmpuint(point, ==, 123457);
  cairo_surface_destroy(surface);
  g_assert_finalize_object(chart);
}

static void
test_geometry(void)
{
  KjChart *chart = new_line_chart(NULL);
  KjChartStyle style;
  double px, py, x, y;
  guint series = 99, point = 99;

  kj_chart_style_init(&style, FALSE);
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 3.0, 9.0, &px, &py));
  g_assert_true(kj_chart_unmap_point(chart, WIDTH, HEIGHT, &style, px, py, &x, &y));
  g_assert_cmpfloat_with_epsilon(x, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(y, 9.0, 1e-9);

  g_assert_true(
      kj_chart_find_nearest(chart, WIDTH, HEIGHT, &style, px + 3, py - 2, &series, &point));
  g_assert_cmpuint(series, ==, 0);
  g_assert_cmpuint(point, ==, 3);
  /* Far from every point: nothing. */
  g_assert_true(kj_chart_map_point(chart, WIDTH, HEIGHT, &style, 1.0, 90.0, &px, &py));
  g_assert_false(kj_chart_find_nearest(chart, WIDTH, HEIGHT, &style, px, py, NULL, NULL));
  /* Outside the plot: unmapped still, but reported as outside. */
  g_assert_false(kj_chart_unmap_point(chart, WIDTH, HEIGHT, &style, 1, 1, &x, &y));
  g_assert_cmpfloat(x, <, 0.0);
  g_assert_cmpfloat(y, >, 100.0);
  g_assert_finalize_object(chart);
}

/* ---- export and description ---- */

static void
test_export(void)
{
  KjChart *chart = new_line_chart(NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("kj-chart-XXXXXX", &error);
  g_autofree char *png_path = NULL, *png2_path = NULL, *svg_path = NULL, *bad_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) png = NULL, png2 = NULL, svg = NULL, bad = NULL;
  cairo_surface_t *surface;
  KjChartStyle style;
  gsize length;

  g_assert_no_error(error);
  kj_chart_style_init(&style, FALSE);
  png_path = g_build_filename(dir, "chart.png", NULL);
  png2_path = g_build_filename(dir, "chart@2x.png", NULL);
  svg_path = g_build_filename(dir, "chart.svg", NULL);
  png = g_file_new_for_path(png_path);
  png2 = g_file_new_for_path(png2_path);
  svg = g_file_new_for_path(svg_path);

  g_assert_true(kj_chart_export_png(chart, png, 320, 200, &style, &error));
  g_assert_no_error(error);
  surface = cairo_image_surface_create_from_png(png_path);
  g_assert_cmpint(cairo_surface_status(surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint(cairo_image_surface_get_width(surface), ==, 320);
  g_assert_cmpint(cairo_image_surface_get_height(surface), ==, 200);
  cairo_surface_destroy(surface);
  /* Replacing an existing file works too. */
  g_assert_true(kj_chart_export_png(chart, png, 320, 200, &style, &error));
  g_assert_no_error(error);

  g_assert_true(kj_chart_export_png_scaled(chart, png2, 320, 200, 2.0, &style, &error));
  g_assert_no_error(error);
  surface = cairo_image_surface_create_from_png(png2_path);
  g_assert_cmpint(cairo_image_surface_get_width(surface), ==, 640);
  g_assert_cmpint(cairo_image_surface_get_height(surface), ==, 400);
  cairo_surface_destroy(surface);

  g_assert_true(kj_chart_export_svg(chart, svg, 320, 200, &style, &error));
  g_assert_no_error(error);
  g_assert_true(g_file_get_contents(svg_path, &contents, &length, &error));
  g_assert_no_error(error);
  g_assert_true(g_str_has_prefix(contents, "<?xml"));
  g_assert_nonnull(strstr(contents, "<svg"));

  /* A folder that does not exist: an IO error that names the file. */
  bad_path = g_build_filename(dir, "missing", "chart.png", NULL);
  bad = g_file_new_for_path(bad_path);
  g_assert_false(kj_chart_export_png(chart, bad, 320, 200, &style, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_assert_nonnull(strstr(error->message, bad_path));
  g_clear_error(&error);
  g_assert_false(kj_chart_export_svg(chart, bad, 320, 200, &style, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_assert_nonnull(strstr(error->message, bad_path));
  g_clear_error(&error);
  g_assert_false(g_file_test(bad_path, G_FILE_TEST_EXISTS));

  /* Too large for cairo: an error, not a crash. */
  g_assert_false(kj_chart_export_png(chart, png, 40000, 10, &style, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_clear_error(&error);

  g_assert_cmpint(g_remove(png_path), ==, 0);
  g_assert_cmpint(g_remove(png2_path), ==, 0);
  g_assert_cmpint(g_remove(svg_path), ==, 0);
  g_assert_cmpint(g_rmdir(dir), ==, 0);
  g_assert_finalize_object(chart);
}

static void
test_describe(void)
{
  KjChart *chart = kj_chart_new("Contribution of each term");
  g_autoptr(KjChartSeries) bars = kj_chart_series_new("Contribution", KJ_CHART_SERIES_BARS, 0);
  g_autoptr(KjChartSeries) line = kj_chart_series_new("Loss", KJ_CHART_SERIES_LINE, 1);
  const char *labels[] = { "Programming", "AI", "Data science", NULL };
  g_autofree char *empty = NULL, *text = NULL;

  empty = kj_chart_describe(chart);
  g_assert_nonnull(strstr(empty, "Contribution of each term"));
  g_assert_nonnull(strstr(empty, "No data"));

  kj_chart_set_categories(chart, labels);
  kj_chart_set_y_label(chart, "Share of w");
  kj_chart_series_append(bars, 0, 0.5);
  kj_chart_series_append(bars, 1, 0.45);
  kj_chart_series_append(bars, 2, 0.3);
  kj_chart_series_append(line, 0, 2.5);
  kj_chart_series_append(line, 1, 0.125);
  kj_chart_add_series(chart, bars);
  kj_chart_add_series(chart, line);
  kj_chart_set_marker(chart, 1, 0.45, "now");
  text = kj_chart_describe(chart);
  g_test_message("%s", text);
  for (guint i = 0; labels[i] != NULL; i++)
    g_assert_nonnull(strstr(text, labels[i]));
  g_assert_nonnull(strstr(text, "Contribution of each term"));
  g_assert_nonnull(strstr(text, "Share of w"));
  g_assert_nonnull(strstr(text, "AI: 0.45"));
  g_assert_nonnull(strstr(text, "Loss: 2 points"));
  g_assert_nonnull(strstr(text, "0.125"));
  g_assert_nonnull(strstr(text, "now"));
  g_assert_null(strstr(text, "No data"));
  g_assert_finalize_object(chart);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/chart/axis/ticks", test_axis_ticks);
  g_test_add_func("/kj/chart/axis/zero-is-exact", test_axis_zero_is_exact);
  g_test_add_func("/kj/chart/axis/degenerate", test_axis_degenerate);
  g_test_add_func("/kj/chart/axis/format", test_axis_format);
  g_test_add_func("/kj/chart/series", test_series);
  g_test_add_func("/kj/chart/changed", test_chart_changed);
  g_test_add_func("/kj/chart/render/line", test_render_line);
  g_test_add_func("/kj/chart/render/dark", test_render_dark);
  g_test_add_func("/kj/chart/render/bars", test_render_bars);
  g_test_add_func("/kj/chart/render/nan", test_render_nan);
  g_test_add_func("/kj/chart/render/marker", test_render_marker);
  g_test_add_func("/kj/chart/render/sizes", test_render_sizes);
  g_test_add_func("/kj/chart/render/empty", test_render_empty);
  g_test_add_func("/kj/chart/render/large", test_render_large);
  g_test_add_func("/kj/chart/geometry", test_geometry);
  g_test_add_func("/kj/chart/export", test_export);
  g_test_add_func("/kj/chart/describe", test_describe);
  return g_test_run();
}
