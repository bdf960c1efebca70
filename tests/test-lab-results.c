/* The CNN Lab's results in the core: the confusion matrix drawn as a heatmap
 * (cells, colours, hit-testing, sizes, export) and predictions as CSV. */
#include "kj-confusion-chart.h"
#include "kj-error.h"
#include "kj-predictions-csv.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define WIDTH  480
#define HEIGHT 360

/* ---- helpers ---- */

typedef struct {
  double r, g, b;
} Rgb;

/* An opaque pixel of an ARGB32 surface, 0..1. */
static Rgb
pixel_at(cairo_surface_t *surface, double px, double py)
{
  const guint8 *data = cairo_image_surface_get_data(surface);
  int x = (int)floor(px), y = (int)floor(py);
  guint32 value;
  Rgb rgb;

  g_assert_cmpint(x, >=, 0);
  g_assert_cmpint(y, >=, 0);
  g_assert_cmpint(x, <, cairo_image_surface_get_width(surface));
  g_assert_cmpint(y, <, cairo_image_surface_get_height(surface));
  value =
      *(const guint32 *)(gconstpointer)(data + y * cairo_image_surface_get_stride(surface) + x * 4);
  g_assert_cmpuint(value >> 24, ==, 0xff);
  rgb.r = ((value >> 16) & 0xff) / 255.0;
  rgb.g = ((value >> 8) & 0xff) / 255.0;
  rgb.b = (value & 0xff) / 255.0;
  return rgb;
}

static double
luma(Rgb rgb)
{
  return 0.2126 * rgb.r + 0.7152 * rgb.g + 0.0722 * rgb.b;
}

static void
assert_rgb_near(Rgb rgb, const KjChartColor *expected, double tolerance)
{
  g_assert_cmpfloat_with_epsilon(rgb.r, expected->red, tolerance);
  g_assert_cmpfloat_with_epsilon(rgb.g, expected->green, tolerance);
  g_assert_cmpfloat_with_epsilon(rgb.b, expected->blue, tolerance);
}

static cairo_surface_t *
render(const KjConfusionChart *chart, int width, int height, const KjChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create(surface);

  kj_confusion_chart_render(chart, cr, width, height, style);
  g_assert_cmpint(cairo_status(cr), ==, CAIRO_STATUS_SUCCESS);
  /* A path left behind would be joined to whatever the caller draws next. */
  g_assert_false(cairo_has_current_point(cr));
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  g_assert_cmpint(cairo_surface_status(surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
save_png(cairo_surface_t *surface, const char *name)
{
  const char *dir = g_getenv("KJ_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
  path = g_build_filename(dir, name, NULL);
  g_assert_cmpint(cairo_surface_write_to_png(surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message("screenshot: %s", path);
}

/* Fashion-MNIST-like: 3 classes, a clear diagonal, one confusion, and a
 * class without images. */
static const guint counts3[] = {
  90, 10, 0, /* */
  5,  95, 0, /* */
  0,  0,  0,
};
static const char *const names3[] = { "T-shirt/top", "Trouser", "Pullover", NULL };

/* Inside the cell but off its centre, where the count is written. */
static void
cell_sample_point(const cairo_rectangle_t *rect, double *x, double *y)
{
  *x = rect->x + rect->width * 0.2;
  *y = rect->y + rect->height * 0.2;
}

/* ---- the model ---- */

static void
test_model(void)
{
  g_autoptr(KjConfusionChart) chart = kj_confusion_chart_new(3, counts3, names3);
  g_autoptr(KjConfusionChart) unnamed = kj_confusion_chart_new(2, NULL, NULL);
  const char *const partly[] = { "cat", "", NULL };
  g_autoptr(KjConfusionChart) partly_named = kj_confusion_chart_new(2, NULL, partly);
  double accuracy;
  guint row, col;

  g_assert_cmpuint(kj_confusion_chart_get_n_classes(chart), ==, 3);
  g_assert_cmpuint(kj_confusion_chart_get_count(chart, 0, 1), ==, 10);
  g_assert_cmpuint(kj_confusion_chart_get_row_total(chart, 1), ==, 100);
  g_assert_cmpuint(kj_confusion_chart_get_total(chart), ==, 200);
  g_assert_cmpfloat_with_epsilon(kj_confusion_chart_get_share(chart, 0, 0), 0.9, 1e-12);
  g_assert_cmpfloat_with_epsilon(kj_confusion_chart_get_share(chart, 2, 2), 0.0, 1e-12);
  g_assert_true(kj_confusion_chart_get_class_accuracy(chart, 1, &accuracy));
  g_assert_cmpfloat_with_epsilon(accuracy, 0.95, 1e-12);
  g_assert_false(kj_confusion_chart_get_class_accuracy(chart, 2, &accuracy));
  g_assert_cmpfloat_with_epsilon(kj_confusion_chart_get_accuracy(chart), 185 / 200.0, 1e-12);
  g_assert_cmpstr(kj_confusion_chart_get_class_name(chart, 0), ==, "T-shirt/top");

  g_assert_cmpuint(kj_confusion_chart_get_total(unnamed), ==, 0);
  g_assert_cmpstr(kj_confusion_chart_get_class_name(unnamed, 1), ==, "1");
  g_assert_cmpstr(kj_confusion_chart_get_class_name(partly_named, 0), ==, "cat");
  g_assert_cmpstr(kj_confusion_chart_get_class_name(partly_named, 1), ==, "1");

  g_assert_false(kj_confusion_chart_get_highlight(chart, NULL, NULL));
  kj_confusion_chart_set_highlight(chart, 2, 1);
  g_assert_true(kj_confusion_chart_get_highlight(chart, &row, &col));
  g_assert_cmpuint(row, ==, 2);
  g_assert_cmpuint(col, ==, 1);
  kj_confusion_chart_clear_highlight(chart);
  g_assert_false(kj_confusion_chart_get_highlight(chart, NULL, NULL));
  kj_confusion_chart_set_selection(chart, 0, 1);
  g_assert_true(kj_confusion_chart_get_selection(chart, &row, &col));
  g_assert_cmpuint(row, ==, 0);
  g_assert_cmpuint(col, ==, 1);
  kj_confusion_chart_clear_selection(chart);
  g_assert_false(kj_confusion_chart_get_selection(chart, NULL, NULL));
}

static void
test_ramp(void)
{
  for (int dark = 0; dark <= 1; dark++) {
    KjChartStyle style;
    KjChartColor previous, color;

    kj_chart_style_init(&style, dark);
    kj_confusion_chart_get_ramp_color(&style, 0.0, &previous);
    for (int i = 1; i <= 20; i++) {
      double l0, l1;

      kj_confusion_chart_get_ramp_color(&style, i / 20.0, &color);
      l0 = 0.2126 * previous.red + 0.7152 * previous.green + 0.0722 * previous.blue;
      l1 = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
      /* Monotonic: more is darker on light, lighter on dark. */
      if (dark)
        g_assert_cmpfloat(l1, >, l0);
      else
        g_assert_cmpfloat(l1, <, l0);
      previous = color;
    }
    /* Out-of-range and NaN shares are clamped, not extrapolated. */
    kj_confusion_chart_get_ramp_color(&style, 2.0, &previous);
    kj_confusion_chart_get_ramp_color(&style, 1.0, &color);
    assert_rgb_near((Rgb){ previous.red, previous.green, previous.blue }, &color, 1e-12);
    kj_confusion_chart_get_ramp_color(&style, NAN, &previous);
    kj_confusion_chart_get_ramp_color(&style, 0.0, &color);
    assert_rgb_near((Rgb){ previous.red, previous.green, previous.blue }, &color, 1e-12);
  }
}

/* ---- drawing ---- */

static void
check_cells(gboolean dark)
{
  g_autoptr(KjConfusionChart) chart = kj_confusion_chart_new(3, counts3, names3);
  KjChartStyle style;
  cairo_surface_t *surface;
  cairo_rectangle_t diagonal, confused, empty;
  KjChartColor expected;
  Rgb on_diagonal, on_confused, on_empty, background;
  double x, y;

  kj_chart_style_init(&style, dark);
  surface = render(chart, WIDTH, HEIGHT, &style);
  save_png(surface, dark ? "confusion-chart-dark.png" : "confusion-chart.png");

  g_assert_true(kj_confusion_chart_get_cell_rect(chart, WIDTH, HEIGHT, &style, 1, 1, &diagonal));
  g_assert_true(kj_confusion_chart_get_cell_rect(chart, WIDTH, HEIGHT, &style, 0, 1, &confused));
  g_assert_true(kj_confusion_chart_get_cell_rect(chart, WIDTH, HEIGHT, &style, 0, 2, &empty));
  g_assert_cmpfloat(diagonal.width, >=, 40);
  g_assert_cmpfloat(diagonal.width, ==, diagonal.height);

  cell_sample_point(&diagonal, &x, &y);
  on_diagonal = pixel_at(surface, x, y);
  kj_confusion_chart_get_ramp_color(&style, 0.95, &expected);
  assert_rgb_near(on_diagonal, &expected, 2.0 / 255);
  cell_sample_point(&confused, &x, &y);
  on_confused = pixel_at(surface, x, y);
  kj_confusion_chart_get_ramp_color(&style, 0.1, &expected);
  assert_rgb_near(on_confused, &expected, 2.0 / 255);
  cell_sample_point(&empty, &x, &y);
  on_empty = pixel_at(surface, x, y);
  kj_confusion_chart_get_ramp_color(&style, 0.0, &expected);
  assert_rgb_near(on_empty, &expected, 2.0 / 255);
  background = pixel_at(surface, 1, 1);

  if (dark) {
    /* On a dark view more stands out by being lighter. */
    g_assert_cmpfloat(luma(on_diagonal), >, luma(on_confused) + 0.1);
    g_assert_cmpfloat(luma(on_confused), >, luma(on_empty) + 0.02);
    g_assert_cmpfloat(luma(background), <, luma(on_empty));
  } else {
    g_assert_cmpfloat(luma(on_diagonal), <, luma(on_confused) - 0.1);
    g_assert_cmpfloat(luma(on_confused), <, luma(on_empty) - 0.02);
    /* Still a visible cell on white. */
    g_assert_cmpfloat(luma(on_empty), <, luma(background));
  }
  /* Saturated: a clearly blue diagonal, a grey-ish empty cell. */
  g_assert_cmpfloat(on_diagonal.b - on_diagonal.r, >, 0.3);
  g_assert_cmpfloat(fabs(on_empty.b - on_empty.r), <, 0.1);

  /* The count is written in the cell's centre, in a contrasting colour:
   * some pixel on the row through it differs a lot from the fill. */
  {
    double best = 0.0;

    for (double px = diagonal.x + 2; px < diagonal.x + diagonal.width - 2; px++) {
      Rgb rgb = pixel_at(surface, px, diagonal.y + diagonal.height / 2);
      best = MAX(best, fabs(luma(rgb) - luma(on_diagonal)));
    }
    g_assert_cmpfloat(best, >, 0.4);
  }
  cairo_surface_destroy(surface);
}

static void
test_render_light(void)
{
  check_cells(FALSE);
}

static void
test_render_dark(void)
{
  check_cells(TRUE);
}

static void
test_render_selection(void)
{
  g_autoptr(KjConfusionChart) chart = kj_confusion_chart_new(3, counts3, names3);
  KjChartStyle style;
  KjChartColor orange;
  cairo_surface_t *surface;
  cairo_rectangle_t rect;
  Rgb edge;

  kj_chart_style_init(&style, FALSE);
  kj_chart_style_get_palette_color(&style, 2, &orange);
  kj_confusion_chart_set_selection(chart, 0, 1);
  kj_confusion_chart_set_highlight(chart, 1, 0);
  surface = render(chart, WIDTH, HEIGHT, &style);
  save_png(surface, "confusion-chart-selection.png");

  g_assert_true(kj_confusion_chart_get_cell_rect(chart, WIDTH, HEIGHT, &style, 0, 1, &rect));
  edge = pixel_at(surface, rect.x, rect.y + rect.height / 2);
  assert_rgb_near(edge, &orange, 4.0 / 255);
  /* The highlight ring is in the foreground colour: dark on light. */
  g_assert_true(kj_confusion_chart_get_cell_rect(chart, WIDTH, HEIGHT, &style, 1, 0, &rect));
  edge = pixel_at(surface, rect.x + 0.5, rect.y + rect.height / 2);
  g_assert_cmpfloat(luma(edge), <, 0.35);
  cairo_surface_destroy(surface);

  /* Out of range: ignored. */
  kj_confusion_chart_set_selection(chart, 7, 1);
  kj_confusion_chart_set_highlight(chart, 1, 9);
  cairo_surface_destroy(render(chart, WIDTH, HEIGHT, &style));
}

/* ---- geometry ---- */

static void
check_geometry(const KjConfusionChart *chart, int width, int height, const KjChartStyle *style)
{
  guint n = kj_confusion_chart_get_n_classes(chart);
  cairo_rectangle_t first, last, rect;
  guint row, col;

  if (!kj_confusion_chart_get_cell_rect(chart, width, height, style, 0, 0, &first)) {
    /* Too small for cells: then none at all. */
    for (int y = 0; y < 8; y++)
      for (int x = 0; x < 8; x++)
        g_assert_false(kj_confusion_chart_cell_at(chart, width, height, style, width * x / 8.0,
                                                  height * y / 8.0, NULL, NULL));
    return;
  }
  g_assert_true(kj_confusion_chart_get_cell_rect(chart, width, height, style, n - 1, n - 1, &last));
  g_assert_cmpfloat(first.x, >=, 0);
  g_assert_cmpfloat(first.y, >=, 0);
  g_assert_cmpfloat(last.x + last.width, <=, width);
  g_assert_cmpfloat(last.y + last.height, <=, height);
  g_assert_false(kj_confusion_chart_get_cell_rect(chart, width, height, style, n, 0, &rect));

  /* Every cell of small matrices; of large ones, a few rows (each query
   * lays the chart out afresh, which the sanitizer makes slow). */
  for (guint i = 0; i<n; i += n> 10 ? 13 : 1)
    for (guint j = 0; j < n; j++) {
      g_assert_true(kj_confusion_chart_get_cell_rect(chart, width, height, style, i, j, &rect));
      g_assert_cmpfloat(rect.width, >, 0);
      /* Centres map back to their cell. */
      g_assert_true(kj_confusion_chart_cell_at(chart, width, height, style, rect.x + rect.width / 2,
                                               rect.y + rect.height / 2, &row, &col));
      g_assert_cmpuint(row, ==, i);
      g_assert_cmpuint(col, ==, j);
    }
  /* Just outside the matrix, on every side: none. */
  g_assert_false(kj_confusion_chart_cell_at(chart, width, height, style, first.x - 3, first.y + 1,
                                            NULL, NULL));
  g_assert_false(kj_confusion_chart_cell_at(chart, width, height, style, first.x + 1, first.y - 3,
                                            NULL, NULL));
  g_assert_false(kj_confusion_chart_cell_at(chart, width, height, style, last.x + last.width + 3,
                                            last.y, NULL, NULL));
  g_assert_false(kj_confusion_chart_cell_at(chart, width, height, style, last.x,
                                            last.y + last.height + 3, NULL, NULL));
  g_assert_false(kj_confusion_chart_cell_at(chart, width, height, style, -1, -1, NULL, NULL));
  g_assert_false(
      kj_confusion_chart_cell_at(chart, width, height, style, width, height, NULL, NULL));
}

static void
test_geometry(void)
{
  g_autoptr(KjConfusionChart) chart = kj_confusion_chart_new(3, counts3, names3);
  KjChartStyle style;
  cairo_rectangle_t rect;
  guint row = 99, col = 99;

  kj_chart_style_init(&style, FALSE);
  check_geometry(chart, WIDTH, HEIGHT, &style);
  /* The accuracy column is right of the matrix and not a cell. */
  g_assert_true(kj_confusion_chart_get_cell_rect(chart, WIDTH, HEIGHT, &style, 0, 2, &rect));
  g_assert_false(kj_confusion_chart_cell_at(chart, WIDTH, HEIGHT, &style, rect.x + rect.width + 20,
                                            rect.y + 5, &row, &col));
  g_assert_cmpuint(row, ==, 99);
  g_assert_cmpuint(col, ==, 99);
  /* A larger font, a smaller matrix, still in agreement. */
  style.font = "Sans 16";
  check_geometry(chart, WIDTH, HEIGHT, &style);
}

/* Many sizes, many classes, long and Chinese names: drawing never fails and
 * the geometry always agrees with itself. */
static void
test_sizes(void)
{
  const char *const zh[] = { "T恤/上衣", "裤子", "套头衫", "连衣裙", "外套",
                             "凉鞋",     "衬衫", "运动鞋", "包",     "短靴" };
  const char *const long_names[] = {
    "A remarkably long class name that cannot fit anywhere",
    "short",
    "x",
    "Another long, comma-laden class name",
  };
  const guint n_classes[] = { 1, 2, 10, 4, 40 };
  const int sizes[][2] = { { 1, 1 },     { 12, 9 },     { 80, 60 },   { 240, 160 },
                           { 480, 360 }, { 1200, 300 }, { 300, 1200 } };
  KjChartStyle style;

  for (int dark = 0; dark <= 1; dark++)
    for (guint c = 0; c < G_N_ELEMENTS(n_classes); c++) {
      guint n = n_classes[c];
      g_autofree guint *counts = g_new0(guint, n * n);
      g_autofree const char **names = g_new0(const char *, n + 1);
      g_autoptr(KjConfusionChart) chart = NULL;

      for (guint i = 0; i < n; i++) {
        names[i] = c % 2 == 0 ? zh[i % G_N_ELEMENTS(zh)] : long_names[i % 4];
        for (guint j = 0; j < n; j++)
          counts[i * n + j] = i == j ? 900 + i : (i * 7 + j * 3) % 5;
      }
      chart = kj_confusion_chart_new(n, counts, names);
      kj_chart_style_init(&style, dark);
      kj_confusion_chart_set_highlight(chart, 0, n - 1);
      kj_confusion_chart_set_selection(chart, n - 1, 0);
      for (guint s = 0; s < G_N_ELEMENTS(sizes); s++) {
        cairo_surface_destroy(render(chart, sizes[s][0], sizes[s][1], &style));
        check_geometry(chart, sizes[s][0], sizes[s][1], &style);
      }
      if ((n == 10 || n == 40) && !dark) {
        cairo_surface_t *surface = render(chart, 640, 480, &style);

        save_png(surface, n == 10 ? "confusion-chart-zh.png" : "confusion-chart-40.png");
        cairo_surface_destroy(surface);
      }
      if (n == 10) {
        cairo_rectangle_t rect;

        /* Ten classes in a normal view: all cells drawn, large enough to read. */
        g_assert_true(kj_confusion_chart_get_cell_rect(chart, 640, 480, &style, 9, 9, &rect));
        g_assert_cmpfloat(rect.width, >=, 24);
      }
    }
}

static void
test_empty(void)
{
  g_autoptr(KjConfusionChart) chart = kj_confusion_chart_new(0, NULL, NULL);
  g_autofree char *description = kj_confusion_chart_describe(chart);
  KjChartStyle style;
  cairo_surface_t *surface;
  gboolean drew = FALSE;

  kj_chart_style_init(&style, FALSE);
  surface = render(chart, 200, 100, &style);
  /* "No data" in the middle. */
  for (int x = 60; x < 140; x++)
    drew |= luma(pixel_at(surface, x, 50)) < 0.8;
  g_assert_true(drew);
  g_assert_false(kj_confusion_chart_cell_at(chart, 200, 100, &style, 100, 50, NULL, NULL));
  g_assert_cmpstr(description, ==, "Confusion matrix: no data.");
  cairo_surface_destroy(surface);
}

static void
test_describe(void)
{
  g_autoptr(KjConfusionChart) chart = kj_confusion_chart_new(3, counts3, names3);
  g_autofree char *description = kj_confusion_chart_describe(chart);

  g_assert_cmpstr(description, ==,
                  "Confusion matrix of 3 classes. 200 images, 92.5% predicted correctly. Most "
                  "frequent mistake: T-shirt/top predicted as Trouser, 10 images.");
}

static void
test_export(void)
{
  g_autoptr(KjConfusionChart) chart = kj_confusion_chart_new(3, counts3, names3);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("kj-confusion-XXXXXX", &error);
  g_autofree char *png_path = NULL, *svg_path = NULL, *bad_path = NULL, *contents = NULL;
  g_autoptr(GFile) png = NULL, svg = NULL, bad = NULL;
  cairo_surface_t *surface;
  KjChartStyle style;

  g_assert_no_error(error);
  kj_chart_style_init(&style, FALSE);
  png_path = g_build_filename(dir, "confusion.png", NULL);
  svg_path = g_build_filename(dir, "confusion.svg", NULL);
  png = g_file_new_for_path(png_path);
  svg = g_file_new_for_path(svg_path);

  g_assert_true(kj_confusion_chart_export_png(chart, png, 320, 240, 2.0, &style, &error));
  g_assert_no_error(error);
  surface = cairo_image_surface_create_from_png(png_path);
  g_assert_cmpint(cairo_surface_status(surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint(cairo_image_surface_get_width(surface), ==, 640);
  g_assert_cmpint(cairo_image_surface_get_height(surface), ==, 480);
  cairo_surface_destroy(surface);

  g_assert_true(kj_confusion_chart_export_svg(chart, svg, 320, 240, &style, &error));
  g_assert_no_error(error);
  g_assert_true(g_file_get_contents(svg_path, &contents, NULL, &error));
  g_assert_nonnull(strstr(contents, "<svg"));

  bad_path = g_build_filename(dir, "missing", "confusion.png", NULL);
  bad = g_file_new_for_path(bad_path);
  g_assert_false(kj_confusion_chart_export_png(chart, bad, 320, 240, 1.0, &style, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_assert_nonnull(strstr(error->message, bad_path));
  g_clear_error(&error);
  g_assert_false(kj_confusion_chart_export_svg(chart, bad, 320, 240, &style, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_clear_error(&error);

  g_assert_cmpint(g_remove(png_path), ==, 0);
  g_assert_cmpint(g_remove(svg_path), ==, 0);
  g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/* ---- CSV ---- */

static KjDataset *
new_csv_dataset(void)
{
  const KjShape shape = { 1, 2, 2 };
  KjDataset *images = kj_dataset_new(4, &shape, 4);
  const char *const names[] = { "plain", "a, b", "say \"hi\"", "T恤/上衣" };

  for (guint i = 0; i < 4; i++) {
    kj_dataset_set_class_name(images, i, names[i]);
    kj_dataset_set_label(images, i, (guint16)(3 - i));
  }
  return images;
}

static const KjPrediction csv_predictions[] = {
  /* image 3, true 0: right */
  { 0, 0.9f },
  { 1, 0.0625f },
  { 2, 0.03125f },
  /* image 0, true 3: wrong */
  { 2, 0.5f },
  { 3, 0.25f },
  { 0, 0.125f },
};

static void
test_csv(void)
{
  g_autoptr(KjDataset) images = new_csv_dataset();
  const guint32 indices[] = { 3, 0 };
  g_autofree char *text = kj_predictions_csv_format(images, indices, 2, csv_predictions, 3, NULL);

  g_assert_cmpstr(text, ==,
                  "index,true_label,true_class,predicted_label,predicted_class,confidence,correct,"
                  "top2_label,top2_class,top2_probability,top3_label,top3_class,top3_probability\n"
                  "3,0,plain,0,plain,0.900000,1,1,\"a, b\",0.062500,2,\"say \"\"hi\"\"\",0.031250\n"
                  "0,3,T恤/上衣,2,\"say \"\"hi\"\"\",0.500000,0,3,T恤/上衣,0.250000,0,plain,"
                  "0.125000\n");
}

static void
test_csv_names_and_k(void)
{
  g_autoptr(KjDataset) images = new_csv_dataset();
  const char *const names[] = { " padded", "line\nbreak", "", "ok" };
  const KjPrediction six[] = { { 3, 1.0f }, { 0, 0.0f }, { 1, 0.0f },
                               { 2, 0.0f }, { 0, 0.0f }, { 0, 0.0f } };
  g_autofree char *text = kj_predictions_csv_format(images, NULL, 1, six, 6, names);
  g_autofree char *header_only = kj_predictions_csv_format(images, NULL, 0, NULL, 1, NULL);

  /* k past the number of classes is cut at it; given names win. */
  g_assert_cmpstr(text, ==,
                  "index,true_label,true_class,predicted_label,predicted_class,confidence,correct,"
                  "top2_label,top2_class,top2_probability,top3_label,top3_class,top3_probability,"
                  "top4_label,top4_class,top4_probability\n"
                  "0,3,ok,3,ok,1.000000,1,0,\" padded\",0.000000,1,\"line\nbreak\",0.000000,2,,"
                  "0.000000\n");
  g_assert_cmpstr(header_only, ==,
                  "index,true_label,true_class,predicted_label,predicted_class,confidence,"
                  "correct\n");
}

static void
test_csv_save(void)
{
  g_autoptr(KjDataset) images = new_csv_dataset();
  const guint32 indices[] = { 3, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("kj-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename(dir, "predictions.csv", NULL);
  g_autofree char *bad_path = g_build_filename(dir, "missing", "predictions.csv", NULL);
  g_autofree char *expected = NULL, *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autoptr(GFile) bad = g_file_new_for_path(bad_path);

  g_assert_no_error(error);
  expected = kj_predictions_csv_format(images, indices, 2, csv_predictions, 3, NULL);
  g_assert_true(g_file_set_contents(path, "old", -1, &error));
  g_assert_true(
      kj_predictions_csv_save(file, images, indices, 2, csv_predictions, 3, NULL, &error));
  g_assert_no_error(error);
  g_assert_true(g_file_get_contents(path, &contents, NULL, &error));
  g_assert_cmpstr(contents, ==, expected);

  g_assert_false(
      kj_predictions_csv_save(bad, images, indices, 2, csv_predictions, 3, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_assert_nonnull(strstr(error->message, bad_path));
  g_assert_false(g_file_test(bad_path, G_FILE_TEST_EXISTS));

  g_assert_cmpint(g_remove(path), ==, 0);
  g_assert_cmpint(g_rmdir(dir), ==, 0);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/confusion-chart/model", test_model);
  g_test_add_func("/kj/confusion-chart/ramp", test_ramp);
  g_test_add_func("/kj/confusion-chart/render/light", test_render_light);
  g_test_add_func("/kj/confusion-chart/render/dark", test_render_dark);
  g_test_add_func("/kj/confusion-chart/render/selection", test_render_selection);
  g_test_add_func("/kj/confusion-chart/geometry", test_geometry);
  g_test_add_func("/kj/confusion-chart/sizes", test_sizes);
  g_test_add_func("/kj/confusion-chart/empty", test_empty);
  g_test_add_func("/kj/confusion-chart/describe", test_describe);
  g_test_add_func("/kj/confusion-chart/export", test_export);
  g_test_add_func("/kj/predictions-csv/format", test_csv);
  g_test_add_func("/kj/predictions-csv/names-and-k", test_csv_names_and_k);
  g_test_add_func("/kj/predictions-csv/save", test_csv_save);
  return g_test_run();
}
