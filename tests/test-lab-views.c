/* Widget tests of the CNN Lab's result views, run under Xvfb: the
 * confusion-matrix heatmap (cells, colours, dark mode, keyboard activation)
 * and the prediction grid (filters, empty states, in-place updates, crisp
 * images, mistake marks, the details popover).  Screenshots go to
 * $KJ_SCREENSHOT_DIR when it is set. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "kj-confusion-chart.h"
#include "kj-confusion-view.h"
#include "kj-prediction-grid.h"
#include "kj-prediction-item.h"
#include "kj-test-window-util.h"

/* ---- helpers ---- */

typedef struct {
  double r, g, b;
} Rgb;

static Rgb
pixel_at(cairo_surface_t *surface, double px, double py)
{
  const guint8 *data = cairo_image_surface_get_data(surface);
  int x = (int)floor(px), y = (int)floor(py);
  guint32 value;

  g_assert_cmpint(x, >=, 0);
  g_assert_cmpint(y, >=, 0);
  g_assert_cmpint(x, <, cairo_image_surface_get_width(surface));
  g_assert_cmpint(y, <, cairo_image_surface_get_height(surface));
  value =
      *(const guint32 *)(gconstpointer)(data + y * cairo_image_surface_get_stride(surface) + x * 4);
  return (Rgb){ ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                (value & 0xff) / 255.0 };
}

static double
luma(Rgb rgb)
{
  return 0.2126 * rgb.r + 0.7152 * rgb.g + 0.0722 * rgb.b;
}

static gboolean
rgb_near(Rgb rgb, const KjChartColor *color, double tolerance)
{
  return fabs(rgb.r - color->red) <= tolerance && fabs(rgb.g - color->green) <= tolerance &&
         fabs(rgb.b - color->blue) <= tolerance;
}

static void
count_descendants(GtkWidget *widget, GType type, guint *count)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE(widget, type))
    (*count)++;
  for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
       child = gtk_widget_get_next_sibling(child))
    count_descendants(child, type, count);
}

static GtkWidget *
find_with_class(GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_has_css_class(widget, css_class) && gtk_widget_get_mapped(widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
       child = gtk_widget_get_next_sibling(child)) {
    GtkWidget *found = find_with_class(child, css_class);
    if (found != NULL)
      return found;
  }
  return NULL;
}

static GdkRGBA
window_background(gboolean dark)
{
  GdkRGBA rgba;

  gdk_rgba_parse(&rgba, dark ? "#242424" : "#fafafa");
  return rgba;
}

/* ---- the confusion view ---- */

static const guint counts3[] = {
  870, 87,  43, /* */
  12,  950, 38, /* */
  0,   0,   0,
};
static const char *const names3[] = { "T-shirt/top", "Shirt", "Pullover" };

typedef struct {
  guint calls;
  guint true_label;
  guint predicted_label;
} Activation;

static void
on_cell_activated(KjConfusionView *view, guint true_label, guint predicted_label,
                  Activation *activation)
{
  activation->calls++;
  activation->true_label = true_label;
  activation->predicted_label = predicted_label;
}

/* Inside a cell, away from the count in its middle. */
static Rgb
cell_pixel(cairo_surface_t *surface, const graphene_rect_t *area)
{
  return pixel_at(surface, area->origin.x + area->size.width * 0.2,
                  area->origin.y + area->size.height * 0.2);
}

static void
check_confusion_pixels(KjConfusionView *view, gboolean dark)
{
  GdkRGBA background = window_background(dark);
  cairo_surface_t *surface = kj_test_render_widget(GTK_WIDGET(view), &background);
  graphene_rect_t diagonal, confused, empty_row;
  KjChartStyle style;
  KjChartColor expected;
  Rgb on_diagonal, on_confused, on_empty;

  kj_chart_style_init(&style, dark);
  g_assert_true(kj_confusion_view_get_cell_area(view, 1, 1, &diagonal));
  g_assert_true(kj_confusion_view_get_cell_area(view, 0, 1, &confused));
  g_assert_true(kj_confusion_view_get_cell_area(view, 2, 0, &empty_row));
  g_assert_cmpfloat(diagonal.size.width, >=, 48);

  on_diagonal = cell_pixel(surface, &diagonal);
  on_confused = cell_pixel(surface, &confused);
  on_empty = cell_pixel(surface, &empty_row);
  kj_confusion_chart_get_ramp_color(&style, 0.95, &expected);
  g_assert_true(rgb_near(on_diagonal, &expected, 3.0 / 255));
  kj_confusion_chart_get_ramp_color(&style, 0.0, &expected);
  g_assert_true(rgb_near(on_empty, &expected, 3.0 / 255));
  if (dark) {
    g_assert_cmpfloat(luma(on_diagonal), >, luma(on_confused));
    g_assert_cmpfloat(luma(on_confused), >, luma(on_empty));
  } else {
    g_assert_cmpfloat(luma(on_diagonal), <, luma(on_confused));
    g_assert_cmpfloat(luma(on_confused), <, luma(on_empty));
  }
  cairo_surface_destroy(surface);
}

static void
test_confusion_render(void)
{
  GtkWidget *view = kj_confusion_view_new();
  GtkWindow *window;

  kj_confusion_view_set_matrix(KJ_CONFUSION_VIEW(view), counts3, 3, names3);
  window = kj_test_show_in_window(view, 560, 440);
  g_assert_cmpuint(kj_confusion_view_get_n_classes(KJ_CONFUSION_VIEW(view)), ==, 3);
  g_assert_cmpuint(kj_confusion_view_get_count(KJ_CONFUSION_VIEW(view), 0, 1), ==, 87);

  check_confusion_pixels(KJ_CONFUSION_VIEW(view), FALSE);
  kj_confusion_view_select_cell(KJ_CONFUSION_VIEW(view), 0, 1);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_save_screenshot(GTK_WIDGET(window), "confusion-view.png");

  kj_test_set_dark(TRUE);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  check_confusion_pixels(KJ_CONFUSION_VIEW(view), TRUE);
  kj_test_save_screenshot(GTK_WIDGET(window), "confusion-view-dark.png");
  kj_test_set_dark(FALSE);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));

  /* Fashion-MNIST after a few epochs: ten classes, names at 45°. */
  {
    const char *const fashion[] = { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot" };
    guint counts[100];
    graphene_rect_t first, last;

    for (guint i = 0; i < 10; i++)
      for (guint j = 0; j < 10; j++)
        counts[i * 10 + j] = i == j ? 480 + i * 9 : (i * 7 + j * 13) % 23 + (i == 6 ? 20 : 0);
    kj_confusion_view_set_matrix(KJ_CONFUSION_VIEW(view), counts, 10, fashion);
    gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
    g_assert_true(kj_confusion_view_get_cell_area(KJ_CONFUSION_VIEW(view), 0, 0, &first));
    g_assert_true(kj_confusion_view_get_cell_area(KJ_CONFUSION_VIEW(view), 9, 9, &last));
    g_assert_cmpfloat(first.size.width, >=, 24);
    g_assert_cmpfloat(last.origin.x + last.size.width, <=, gtk_widget_get_width(view));
    g_assert_cmpfloat(last.origin.y + last.size.height, <=, gtk_widget_get_height(view));
    kj_test_save_screenshot(GTK_WIDGET(window), "confusion-view-10.png");
  }

  kj_test_close_window(window);
}

static void
test_confusion_activate(void)
{
  KjConfusionView *view = KJ_CONFUSION_VIEW(g_object_ref_sink(kj_confusion_view_new()));
  GtkWindow *window;
  Activation activation = { 0 };
  graphene_rect_t area;
  guint row, col;

  /* No matrix: nothing to focus or activate. */
  g_assert_false(gtk_widget_get_focusable(GTK_WIDGET(view)));
  g_assert_false(kj_confusion_view_get_cursor(view, NULL, NULL));

  g_signal_connect(view, "cell-activated", G_CALLBACK(on_cell_activated), &activation);
  kj_confusion_view_set_matrix(view, counts3, 3, names3);
  window = kj_test_show_in_window(GTK_WIDGET(view), 560, 440);
  g_assert_true(gtk_widget_get_focusable(GTK_WIDGET(view)));
  g_assert_true(gtk_widget_grab_focus(GTK_WIDGET(view)));

  /* The keyboard path: arrows move the cursor (clamped), Enter activates. */
  g_assert_true(kj_confusion_view_get_cursor(view, &row, &col));
  g_assert_cmpuint(row, ==, 0);
  g_assert_cmpuint(col, ==, 0);
  g_assert_true(
      gtk_widget_activate_action(GTK_WIDGET(view), "confusion.move-cursor", "(ii)", 0, 1));
  g_assert_true(
      gtk_widget_activate_action(GTK_WIDGET(view), "confusion.move-cursor", "(ii)", -1, 0));
  g_assert_true(kj_confusion_view_get_cursor(view, &row, &col));
  g_assert_cmpuint(row, ==, 0);
  g_assert_cmpuint(col, ==, 1);
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(view), "confusion.activate-cursor", NULL));
  g_assert_cmpuint(activation.calls, ==, 1);
  g_assert_cmpuint(activation.true_label, ==, 0);
  g_assert_cmpuint(activation.predicted_label, ==, 1);
  g_assert_true(kj_confusion_view_get_selected_cell(view, &row, &col));
  g_assert_cmpuint(row, ==, 0);
  g_assert_cmpuint(col, ==, 1);

  g_assert_true(
      gtk_widget_activate_action(GTK_WIDGET(view), "confusion.move-cursor", "(ii)", 9, 9));
  g_assert_true(kj_confusion_view_get_cursor(view, &row, &col));
  g_assert_cmpuint(row, ==, 2);
  g_assert_cmpuint(col, ==, 2);

  /* What a click does, at a cell's centre. */
  g_assert_true(kj_confusion_view_get_cell_area(view, 1, 0, &area));
  g_assert_true(kj_confusion_view_cell_at(view, area.origin.x + area.size.width / 2,
                                          area.origin.y + area.size.height / 2, &row, &col));
  g_assert_cmpuint(row, ==, 1);
  g_assert_cmpuint(col, ==, 0);
  g_assert_false(kj_confusion_view_cell_at(view, 1, 1, NULL, NULL));
  kj_confusion_view_activate_cell(view, row, col);
  g_assert_cmpuint(activation.calls, ==, 2);
  g_assert_cmpuint(activation.true_label, ==, 1);
  g_assert_cmpuint(activation.predicted_label, ==, 0);

  /* A new epoch keeps the selection; another number of classes drops it. */
  kj_confusion_view_set_matrix(view, counts3, 3, names3);
  g_assert_true(kj_confusion_view_get_selected_cell(view, &row, &col));
  g_assert_cmpuint(row, ==, 1);
  kj_confusion_view_unselect_cell(view);
  g_assert_false(kj_confusion_view_get_selected_cell(view, NULL, NULL));
  kj_confusion_view_select_cell(view, 2, 2);
  kj_confusion_view_set_matrix(view, counts3, 2, NULL);
  g_assert_false(kj_confusion_view_get_selected_cell(view, NULL, NULL));
  g_assert_true(kj_confusion_view_get_cursor(view, &row, &col));
  g_assert_cmpuint(row, ==, 0);

  kj_confusion_view_clear(view);
  g_assert_cmpuint(kj_confusion_view_get_n_classes(view), ==, 0);
  g_assert_false(gtk_widget_get_focusable(GTK_WIDGET(view)));
  gtk_widget_activate_action(GTK_WIDGET(view), "confusion.move-cursor", "(ii)", 0, 1);
  gtk_widget_activate_action(GTK_WIDGET(view), "confusion.activate-cursor", NULL);
  g_assert_false(kj_confusion_view_get_cursor(view, NULL, NULL));
  g_assert_cmpuint(activation.calls, ==, 2);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));

  kj_test_close_window(window);
  g_assert_finalize_object(view);
}

/* ---- the prediction grid ---- */

#define N_IMAGES  60
#define N_CLASSES 3
#define TOP_K     3

/* 28 × 28 gray images; image 0 is a one-pixel checkerboard, which linear
 * scaling would blur into gray. */
static KjDataset *
new_dataset(guint n)
{
  const KjShape shape = { 1, 28, 28 };
  KjDataset *images = kj_dataset_new(n, &shape, N_CLASSES);
  const char *const names[] = { "T-shirt/top", "Trouser", "Ankle boot" };

  for (guint c = 0; c < N_CLASSES; c++)
    kj_dataset_set_class_name(images, c, names[c]);
  for (guint i = 0; i < n; i++) {
    guint8 *pixels = kj_dataset_get_pixels(images, i);

    kj_dataset_set_label(images, i, i % N_CLASSES);
    for (guint y = 0; y < 28; y++)
      for (guint x = 0; x < 28; x++)
        pixels[y * 28 + x] = i == 0 ? ((x + y) % 2 ? 255 : 0) : (guint8)((x * 9 + y * 5 + i) % 256);
  }
  return images;
}

/* Predictions for indices[i] = n − 1 − i: every fourth is wrong, predicted
 * as the next class. */
static KjPrediction *
new_predictions(KjDataset *images, const guint32 *indices, guint n, gboolean all_correct)
{
  KjPrediction *top = g_new0(KjPrediction, (gsize)n * TOP_K);

  for (guint i = 0; i < n; i++) {
    guint truth = kj_dataset_get_label(images, indices[i]);
    gboolean wrong = !all_correct && i % 4 == 1;
    guint first = wrong ? (truth + 1) % N_CLASSES : truth;

    top[i * TOP_K] = (KjPrediction){ first, 0.7f };
    top[i * TOP_K + 1] = (KjPrediction){ (first + 1) % N_CLASSES, 0.2f };
    top[i * TOP_K + 2] = (KjPrediction){ (first + 2) % N_CLASSES, 0.1f };
  }
  return top;
}

static guint
count_expected(KjDataset *images, const guint32 *indices, const KjPrediction *top, guint n,
               gboolean mistakes_only, int cell_true, int cell_predicted)
{
  guint count = 0;

  for (guint i = 0; i < n; i++) {
    guint truth = kj_dataset_get_label(images, indices[i]), predicted = top[i * TOP_K].label;

    if (mistakes_only && truth == predicted)
      continue;
    if (cell_true >= 0 && (truth != (guint)cell_true || predicted != (guint)cell_predicted))
      continue;
    count++;
  }
  return count;
}

static void
count_notify(GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_grid_filters(void)
{
  g_autoptr(KjDataset) images = new_dataset(N_IMAGES);
  guint32 indices[N_IMAGES];
  g_autofree KjPrediction *top = NULL;
  g_autofree KjPrediction *correct = NULL;
  KjPredictionGrid *grid = KJ_PREDICTION_GRID(g_object_ref_sink(kj_prediction_grid_new()));
  g_autoptr(KjPredictionItem) first = NULL;
  g_autoptr(KjPredictionItem) again = NULL;
  GtkWidget *status_page;
  GtkWindow *window;
  guint notified = 0, row, col;

  for (guint i = 0; i < N_IMAGES; i++)
    indices[i] = N_IMAGES - 1 - i;
  top = new_predictions(images, indices, N_IMAGES, FALSE);
  g_signal_connect(grid, "notify::n-shown", G_CALLBACK(count_notify), &notified);

  /* Empty at first, saying so. */
  window = kj_test_show_in_window(GTK_WIDGET(grid), 760, 560);
  g_assert_cmpuint(kj_prediction_grid_get_n_items(grid), ==, 0);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, 0);
  status_page = kj_test_find_descendant(GTK_WIDGET(grid), ADW_TYPE_STATUS_PAGE, 0);
  g_assert_true(gtk_widget_get_mapped(status_page));
  g_assert_cmpstr(adw_status_page_get_title(ADW_STATUS_PAGE(status_page)), ==,
                  "No Predictions Yet");
  kj_test_save_screenshot(GTK_WIDGET(window), "prediction-grid-empty.png");

  kj_prediction_grid_set_predictions(grid, images, indices, N_IMAGES, top, TOP_K, NULL);
  g_assert_cmpuint(kj_prediction_grid_get_n_items(grid), ==, N_IMAGES);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, N_IMAGES);
  g_assert_cmpuint(notified, >=, 1);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  g_assert_false(gtk_widget_get_mapped(status_page));
  first = g_list_model_get_item(kj_prediction_grid_get_model(grid), 0);
  g_assert_cmpuint(kj_prediction_item_get_image_index(first), ==, N_IMAGES - 1);

  /* Mistakes only: every fourth. */
  kj_prediction_grid_set_mistakes_only(grid, TRUE);
  g_assert_true(kj_prediction_grid_get_mistakes_only(grid));
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==,
                   count_expected(images, indices, top, N_IMAGES, TRUE, -1, -1));
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, N_IMAGES / 4);
  g_assert_cmpuint(g_list_model_get_n_items(kj_prediction_grid_get_model(grid)), ==, N_IMAGES / 4);
  for (guint i = 0; i < N_IMAGES / 4; i++) {
    g_autoptr(KjPredictionItem) item = g_list_model_get_item(kj_prediction_grid_get_model(grid), i);
    g_assert_true(kj_prediction_item_is_mistake(item));
  }

  /* One cell, with and without the mistakes filter. */
  kj_prediction_grid_show_cell(grid, 0, 1);
  g_assert_true(kj_prediction_grid_get_cell(grid, &row, &col));
  g_assert_cmpuint(row, ==, 0);
  g_assert_cmpuint(col, ==, 1);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==,
                   count_expected(images, indices, top, N_IMAGES, TRUE, 0, 1));
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), >, 0);
  kj_prediction_grid_set_mistakes_only(grid, FALSE);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==,
                   count_expected(images, indices, top, N_IMAGES, FALSE, 0, 1));
  kj_prediction_grid_show_cell(grid, 2, 2);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==,
                   count_expected(images, indices, top, N_IMAGES, FALSE, 2, 2));
  /* A diagonal cell has no mistakes. */
  kj_prediction_grid_set_mistakes_only(grid, TRUE);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, 0);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  g_assert_true(gtk_widget_get_mapped(status_page));
  g_assert_cmpstr(adw_status_page_get_title(ADW_STATUS_PAGE(status_page)), ==,
                  "No Images in This Cell");
  kj_prediction_grid_clear_cell(grid);
  g_assert_false(kj_prediction_grid_get_cell(grid, NULL, NULL));
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, N_IMAGES / 4);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  kj_test_save_screenshot(GTK_WIDGET(window), "prediction-grid-mistakes.png");

  /* The next epoch gets everything right: the same items, updated, and
   * the mistakes filter now shows nothing. */
  correct = new_predictions(images, indices, N_IMAGES, TRUE);
  kj_prediction_grid_set_predictions(grid, images, indices, N_IMAGES, correct, TOP_K, NULL);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, 0);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  g_assert_cmpstr(adw_status_page_get_title(ADW_STATUS_PAGE(status_page)), ==, "No Mistakes");
  kj_prediction_grid_set_mistakes_only(grid, FALSE);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, N_IMAGES);
  again = g_list_model_get_item(kj_prediction_grid_get_model(grid), 0);
  g_assert_true(again == first);
  g_assert_false(kj_prediction_item_is_mistake(again));

  /* Fewer, then more predictions. */
  kj_prediction_grid_set_predictions(grid, images, indices, 10, top, TOP_K, NULL);
  g_assert_cmpuint(kj_prediction_grid_get_n_items(grid), ==, 10);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, 10);
  kj_prediction_grid_set_predictions(grid, images, indices, N_IMAGES, top, TOP_K, NULL);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, N_IMAGES);

  /* A cell that no longer exists is dropped with the classes. */
  kj_prediction_grid_show_cell(grid, 2, 1);
  kj_prediction_grid_clear(grid);
  g_assert_false(kj_prediction_grid_get_cell(grid, NULL, NULL));
  g_assert_cmpuint(kj_prediction_grid_get_n_items(grid), ==, 0);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, 0);

  /* The models go with the grid (GLib's slices hide such leaks from ASan). */
  {
    GListModel *model = kj_prediction_grid_get_model(grid);

    g_object_add_weak_pointer(G_OBJECT(model), (gpointer *)&model);
    kj_test_close_window(window);
    g_assert_finalize_object(grid);
    g_assert_null(model);
  }
}

static void
test_grid_render(void)
{
  g_autoptr(KjDataset) images = new_dataset(N_IMAGES);
  guint32 indices[N_IMAGES];
  g_autofree KjPrediction *top = NULL;
  GtkWidget *grid = kj_prediction_grid_new();
  GdkRGBA background = window_background(FALSE);
  GtkWidget *picture, *mistake, *frame;
  GtkWindow *window;
  cairo_surface_t *surface;
  graphene_rect_t bounds;
  guint crisp = 0, blurred = 0;
  Rgb edge;

  /* In dataset order here, so that image 0 (the checkerboard) comes first
   * and is predicted correctly, with no badge over it. */
  for (guint i = 0; i < N_IMAGES; i++)
    indices[i] = i;
  top = new_predictions(images, indices, N_IMAGES, FALSE);
  kj_prediction_grid_set_predictions(KJ_PREDICTION_GRID(grid), images, indices, N_IMAGES, top,
                                     TOP_K, NULL);
  window = kj_test_show_in_window(grid, 760, 560);
  kj_test_iterate(100);
  kj_test_save_screenshot(GTK_WIDGET(window), "prediction-grid.png");
  surface = kj_test_render_widget(grid, &background);

  /* The first image is drawn 1:1 from a 3× nearest-neighbour texture:
   * only black and white, no gray from interpolation. */
  picture = kj_test_find_descendant(kj_test_find_descendant(grid, GTK_TYPE_GRID_VIEW, 0),
                                    GTK_TYPE_IMAGE, 0);
  g_assert_nonnull(picture);
  g_assert_true(gtk_widget_compute_bounds(picture, grid, &bounds));
  g_assert_cmpfloat(bounds.size.width, ==, 84);
  for (int y = 2; y < 80; y += 3)
    for (int x = 2; x < 40; x += 1) {
      Rgb rgb = pixel_at(surface, bounds.origin.x + x + 0.5, bounds.origin.y + y + 0.5);

      if (luma(rgb) < 0.05 || luma(rgb) > 0.95)
        crisp++;
      else
        blurred++;
    }
  g_assert_cmpuint(blurred, ==, 0);
  g_assert_cmpuint(crisp, >, 0);

  /* A mistake has a red frame (Adwaita's error colour). */
  mistake = find_with_class(grid, "mistake");
  g_assert_nonnull(mistake);
  frame = gtk_widget_get_first_child(mistake);
  g_assert_true(gtk_widget_has_css_class(frame, "kj-prediction-image"));
  g_assert_true(gtk_widget_compute_bounds(frame, grid, &bounds));
  edge = pixel_at(surface, bounds.origin.x + 0.5, bounds.origin.y + bounds.size.height / 2);
  g_assert_cmpfloat(edge.r, >, 0.6);
  g_assert_cmpfloat(edge.g, <, 0.3);
  g_assert_cmpfloat(edge.b, <, 0.3);
  cairo_surface_destroy(surface);

  kj_test_set_dark(TRUE);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  kj_test_save_screenshot(GTK_WIDGET(window), "prediction-grid-dark.png");
  kj_test_set_dark(FALSE);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_close_window(window);
}

static void
test_grid_details(void)
{
  g_autoptr(KjDataset) images = new_dataset(N_IMAGES);
  guint32 indices[N_IMAGES];
  g_autofree KjPrediction *top = NULL;
  KjPredictionGrid *grid = KJ_PREDICTION_GRID(g_object_ref_sink(kj_prediction_grid_new()));
  GtkPopover *popover = kj_prediction_grid_get_details_popover(grid);
  GtkWidget *grid_view, *bar;
  GtkWindow *window;
  guint bars = 0;

  for (guint i = 0; i < N_IMAGES; i++)
    indices[i] = i;
  top = new_predictions(images, indices, N_IMAGES, FALSE);
  kj_prediction_grid_set_predictions(grid, images, indices, N_IMAGES, top, TOP_K, NULL);
  window = kj_test_show_in_window(GTK_WIDGET(grid), 760, 560);

  /* A click on an image (the grid view's activation), here the second,
   * which is a mistake. */
  grid_view = kj_test_find_descendant(GTK_WIDGET(grid), GTK_TYPE_GRID_VIEW, 0);
  g_assert_nonnull(grid_view);
  g_signal_emit_by_name(grid_view, "activate", 1u);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(popover));
  kj_test_iterate(100);
  g_assert_true(gtk_widget_get_visible(GTK_WIDGET(popover)));
  count_descendants(GTK_WIDGET(popover), GTK_TYPE_PROGRESS_BAR, &bars);
  g_assert_cmpuint(bars, ==, TOP_K);
  bar = kj_test_find_descendant(GTK_WIDGET(popover), GTK_TYPE_PROGRESS_BAR, 0);
  g_assert_cmpfloat_with_epsilon(gtk_progress_bar_get_fraction(GTK_PROGRESS_BAR(bar)), 0.7, 1e-6);
  g_assert_true(gtk_widget_has_css_class(bar, "kj-wrong-class"));
  kj_test_save_screenshot(GTK_WIDGET(popover), "prediction-details.png");

  /* A new epoch while it is open: still open, updated. */
  kj_prediction_grid_set_predictions(grid, images, indices, N_IMAGES, top, TOP_K, NULL);
  g_assert_true(gtk_widget_get_visible(GTK_WIDGET(popover)));

  /* Out of range: closed. */
  kj_prediction_grid_show_details(grid, N_IMAGES + 5);
  kj_test_iterate(50);
  g_assert_false(gtk_widget_get_visible(GTK_WIDGET(popover)));

  kj_prediction_grid_show_details(grid, 0);
  kj_test_iterate(50);
  g_assert_true(gtk_widget_get_visible(GTK_WIDGET(popover)));
  bar = kj_test_find_descendant(GTK_WIDGET(popover), GTK_TYPE_PROGRESS_BAR, 0);
  g_assert_true(gtk_widget_has_css_class(bar, "kj-true-class"));
  gtk_popover_popdown(popover);
  kj_test_iterate(50);

  kj_test_close_window(window);
  g_assert_finalize_object(grid);
}

/* Validation sets are thousands of images, replaced every epoch. */
static void
test_grid_many(void)
{
  const guint n = 6000;
  g_autoptr(KjDataset) images = new_dataset(n);
  g_autofree guint32 *indices = g_new(guint32, n);
  g_autofree KjPrediction *top = NULL;
  KjPredictionGrid *grid = KJ_PREDICTION_GRID(g_object_ref_sink(kj_prediction_grid_new()));
  GtkAdjustment *adjustment;
  GtkWindow *window;
  gint64 start;

  for (guint i = 0; i < n; i++)
    indices[i] = i;
  top = new_predictions(images, indices, n, FALSE);
  window = kj_test_show_in_window(GTK_WIDGET(grid), 760, 560);
  adjustment = gtk_scrollable_get_vadjustment(
      GTK_SCROLLABLE(kj_test_find_descendant(GTK_WIDGET(grid), GTK_TYPE_GRID_VIEW, 0)));

  start = g_get_monotonic_time();
  kj_prediction_grid_set_predictions(grid, images, indices, n, top, TOP_K, NULL);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  g_test_message("6000 predictions shown in %.1f ms", (g_get_monotonic_time() - start) / 1000.0);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, n);

  /* Scrolled down, a new epoch arrives: the position stays. */
  gtk_adjustment_set_value(adjustment, gtk_adjustment_get_upper(adjustment) / 2);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  {
    double before = gtk_adjustment_get_value(adjustment);

    g_assert_cmpfloat(before, >, 1000);
    for (int epoch = 0; epoch < 3; epoch++) {
      start = g_get_monotonic_time();
      kj_prediction_grid_set_predictions(grid, images, indices, n, top, TOP_K, NULL);
      gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
      g_test_message("epoch update in %.1f ms", (g_get_monotonic_time() - start) / 1000.0);
    }
    g_assert_cmpfloat_with_epsilon(gtk_adjustment_get_value(adjustment), before, 1.0);
  }
  /* A filter starts the new list at its top. */
  kj_prediction_grid_set_mistakes_only(grid, TRUE);
  g_assert_cmpuint(kj_prediction_grid_get_n_shown(grid), ==, n / 4);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  g_assert_cmpfloat(gtk_adjustment_get_value(adjustment), <, 1.0);

  kj_test_close_window(window);
  g_assert_finalize_object(grid);
}

/* RGB planes become interleaved pixels, each repeated factor × factor. */
static void
test_item_texture(void)
{
  const KjShape shape = { 3, 2, 2 };
  g_autoptr(KjDataset) images = kj_dataset_new(1, &shape, 2);
  const KjPrediction top[] = { { 1, 0.75f }, { 0, 0.25f }, { 0, 0.0f } };
  g_autoptr(KjPredictionItem) item = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 *pixels = kj_dataset_get_pixels(images, 0);
  guint32 data[6 * 6];
  guint k;

  for (guint c = 0; c < 3; c++)
    for (guint p = 0; p < 4; p++)
      pixels[c * 4 + p] = (guint8)(c * 100 + p * 10);
  item = kj_prediction_item_new(images, 0, top, 3);
  /* Two classes: the third, padded entry is dropped. */
  kj_prediction_item_get_top(item, &k);
  g_assert_cmpuint(k, ==, 2);
  g_assert_cmpuint(kj_prediction_item_get_predicted_label(item), ==, 1);
  g_assert_true(kj_prediction_item_is_mistake(item));
  g_assert_cmpfloat(kj_prediction_item_get_confidence(item), ==, 0.75f);

  texture = kj_prediction_item_create_texture(item, 5);
  g_assert_cmpint(gdk_texture_get_width(texture), ==, 6);
  g_assert_cmpint(gdk_texture_get_height(texture), ==, 6);
  gdk_texture_download(texture, (guchar *)data, 6 * 4);
  for (guint y = 0; y < 6; y++)
    for (guint x = 0; x < 6; x++) {
      guint p = (y / 3) * 2 + x / 3;
      guint32 expected = 0xff000000u | (p * 10u) << 16 | (100u + p * 10u) << 8 | (200u + p * 10u);

      g_assert_cmphex(data[y * 6 + x], ==, expected);
    }
}

static GtkWindow *
find_file_chooser(void)
{
  GListModel *toplevels = gtk_window_get_toplevels();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items(toplevels); i++) {
    g_autoptr(GObject) window = g_list_model_get_item(toplevels, i);

    if (GTK_IS_FILE_CHOOSER(window)) {
      g_assert_null(found); /* one chooser at a time */
      found = GTK_WINDOW(window);
    }
  }
  return found;
}

/* Export asks for a file, once at a time, with a suggested name; closing
 * the widget's window takes the chooser away with it. */
static void
test_confusion_export_chooser(void)
{
  KjConfusionView *view = KJ_CONFUSION_VIEW(g_object_ref_sink(kj_confusion_view_new()));
  GtkWindow *window, *chooser;
  g_autofree char *name = NULL;

  kj_confusion_view_set_matrix(view, counts3, 3, names3);
  window = kj_test_show_in_window(GTK_WIDGET(view), 560, 440);
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(view), "confusion.export-svg", NULL));
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(view), "confusion.export-png", NULL));
  kj_test_iterate(100);
  chooser = find_file_chooser();
  g_assert_nonnull(chooser);
  name = gtk_file_chooser_get_current_name(GTK_FILE_CHOOSER(chooser));
  g_assert_true(g_str_has_suffix(name, ".svg"));
  kj_test_close_window(window);
  g_assert_finalize_object(view);
  kj_test_iterate(100);
  g_assert_null(find_file_chooser());
}

int
main(int argc, char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init(&argc, &argv, NULL);
  adw_init();
  kj_test_set_dark(FALSE);
  /* No cross-fades: a stack shows its new page at once. */
  g_object_set(gtk_settings_get_default(), "gtk-enable-animations", FALSE, NULL);
  /* The app's style sheet, as KjApplication loads it. */
  css = gtk_css_provider_new();
  gtk_css_provider_load_from_resource(css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display(gdk_display_get_default(), GTK_STYLE_PROVIDER(css),
                                             GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func("/kj/lab-views/confusion/render", test_confusion_render);
  g_test_add_func("/kj/lab-views/confusion/activate", test_confusion_activate);
  g_test_add_func("/kj/lab-views/confusion/export-chooser", test_confusion_export_chooser);
  g_test_add_func("/kj/lab-views/item/texture", test_item_texture);
  g_test_add_func("/kj/lab-views/grid/filters", test_grid_filters);
  g_test_add_func("/kj/lab-views/grid/render", test_grid_render);
  g_test_add_func("/kj/lab-views/grid/details", test_grid_details);
  g_test_add_func("/kj/lab-views/grid/many", test_grid_many);
  return g_test_run();
}
