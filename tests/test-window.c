/* GUI tests, run under Xvfb: the window, its pages, the Fusion page's
 * editing, preferences, and screenshots rendered by GSK into the build dir. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "kj-application.h"
#include "kj-blas.h"
#include "kj-classify-view.h"
#include "kj-draw-canvas.h"
#include "kj-fusion-area-row.h"
#include "kj-fusion-page.h"
#include "kj-i18n.h"
#include "kj-window.h"

static KjApplication *app;

static void
iterate(guint ms)
{
  gint64 end = g_get_monotonic_time() + ms * 1000;

  while (g_get_monotonic_time() < end)
    g_main_context_iteration(NULL, FALSE);
}

static KjWindow *
open_window(void)
{
  KjWindow *window = kj_window_new(app);
  KjDataOptions options;

  /* The CNN Lab draws few shapes here, so a run takes seconds. */
  kj_data_options_init(&options);
  options.shapes_train = 3000;
  options.shapes_test = 500;
  kj_lab_page_set_data_options(kj_window_get_lab_page(window), &options);
  gtk_window_present(GTK_WINDOW(window));
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  return window;
}

static void
close_window(KjWindow *window)
{
  g_object_add_weak_pointer(G_OBJECT(window), (gpointer *)&window);
  gtk_window_close(GTK_WINDOW(window));
  iterate(50);
  g_assert_null(window);
}

/* The whole window as the user sees it, without any X tool. */
static void
save_screenshot(GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv("KJ_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new(widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width(widget);
  int height = gtk_widget_get_height(widget);

  g_assert_nonnull(dir);
  g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
  path = g_build_filename(dir, name, NULL);

  gdk_paintable_snapshot(paintable, GDK_SNAPSHOT(snapshot), width, height);
  node = gtk_snapshot_free_to_node(g_steal_pointer(&snapshot));
  g_assert_nonnull(node);
  texture = gsk_renderer_render_texture(gtk_native_get_renderer(GTK_NATIVE(widget)), node,
                                        &GRAPHENE_RECT_INIT(0, 0, width, height));
  g_assert_true(gdk_texture_save_to_png(texture, path));
  g_test_message("screenshot: %s", path);
}

static const char *
lang_suffix(void)
{
  return g_str_has_prefix(setlocale(LC_MESSAGES, NULL), "zh_CN") ? "zh" : "en";
}

static void
test_pages(void)
{
  KjWindow *window = open_window();
  AdwViewStack *stack = kj_window_get_stack(window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages(stack);
  guint n = g_list_model_get_n_items(G_LIST_MODEL(pages));

  g_assert_cmpuint(n, >=, 1);
  for (guint i = 0; i < n; i++) {
    g_autoptr(AdwViewStackPage) page = g_list_model_get_item(G_LIST_MODEL(pages), i);
    const char *name = adw_view_stack_page_get_name(page);
    g_autofree char *file = g_strdup_printf("%s-%s.png", name, lang_suffix());

    g_assert_nonnull(adw_view_stack_page_get_title(page));
    adw_view_stack_set_visible_child_name(stack, name);
    gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
    iterate(100);
    g_assert_cmpstr(adw_view_stack_get_visible_child_name(stack), ==, name);
    save_screenshot(GTK_WIDGET(window), file);
  }
  close_window(window);
}

/* The first screen says 0.75: the seed's own example. */
static void
test_fusion_opens_on_seed_example(void)
{
  KjWindow *window = open_window();
  KjFusionPage *page =
      KJ_FUSION_PAGE(adw_view_stack_get_child_by_name(kj_window_get_stack(window), "fusion"));

  g_assert_nonnull(page);
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "0.75");
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(kj_fusion_page_get_model(page))), ==, 4);
  close_window(window);
}

static GtkWidget *
find_descendant(GtkWidget *widget, GType type, guint skip)
{
  static guint seen;

  if (widget == NULL)
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE(widget, type)) {
    if (seen == skip) {
      seen = 0;
      return widget;
    }
    seen++;
  }
  for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
       child = gtk_widget_get_next_sibling(child)) {
    GtkWidget *found = find_descendant(child, type, skip);
    if (found != NULL)
      return found;
  }
  return NULL;
}

static void
test_fusion_editing(void)
{
  KjWindow *window = open_window();
  KjFusionPage *page =
      KJ_FUSION_PAGE(adw_view_stack_get_child_by_name(kj_window_get_stack(window), "fusion"));
  KjFusionModel *model = kj_fusion_page_get_model(page);
  GtkWidget *row = find_descendant(GTK_WIDGET(page), KJ_TYPE_FUSION_AREA_ROW, 0);
  GtkSpinButton *spin;
  GtkRevealer *revealer;
  KjFusionArea *ai;
  guint position;

  g_assert_nonnull(row);
  ai = kj_fusion_area_row_get_area(KJ_FUSION_AREA_ROW(row));
  spin = GTK_SPIN_BUTTON(find_descendant(row, GTK_TYPE_SPIN_BUTTON, 0));
  revealer = GTK_REVEALER(find_descendant(row, GTK_TYPE_REVEALER, 0));

  /* Typing a good value updates the area and the score. */
  gtk_editable_set_text(GTK_EDITABLE(spin), "1");
  gtk_spin_button_update(spin);
  g_assert_cmpfloat(kj_fusion_area_get_weight(ai), ==, 1.0);
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "1");

  /* Out of range: refused with an inline message; nothing changes. */
  gtk_editable_set_text(GTK_EDITABLE(spin), "1.5");
  gtk_spin_button_update(spin);
  g_assert_true(gtk_revealer_get_reveal_child(revealer));
  g_assert_cmpfloat(kj_fusion_area_get_weight(ai), ==, 1.0);
  g_assert_true(gtk_widget_has_css_class(GTK_WIDGET(spin), "error"));
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  iterate(300); /* the revealer's transition */
  save_screenshot(GTK_WIDGET(window), "fusion-refused-value.png");
  gtk_spin_button_set_value(spin, 0.5);
  g_assert_false(gtk_revealer_get_reveal_child(revealer));
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "0.75");

  /* Add, then remove, an area through the page's actions. */
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(page), "fusion.add-area", NULL));
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, 5);
  kj_fusion_area_set_weight(g_list_model_get_item(G_LIST_MODEL(model), 4), 1.0, NULL);
  g_object_unref(g_list_model_get_item(G_LIST_MODEL(model), 4));
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "1.25");
  g_assert_true(gtk_widget_activate_action(row, "area.remove", NULL));
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, 4);
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "1");

  /* Undo puts the removed area back, in its place, with its values. */
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(page), "fusion.undo-remove", NULL));
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, 5);
  ai = kj_fusion_model_find_area(model, "Artificial intelligence", &position);
  g_assert_nonnull(ai);
  g_assert_cmpuint(position, ==, 0);
  g_assert_cmpfloat(kj_fusion_area_get_weight(ai), ==, 0.5);
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "1.25");
  /* There is nothing left to undo. */
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(page), "fusion.undo-remove", NULL));
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, 5);

  /* Reset brings back the seed's example. */
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(page), "fusion.reset", NULL));
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "0.75");
  close_window(window);
}

/* Changed values survive closing and reopening the window. */
static void
test_fusion_persists(void)
{
  KjWindow *window = open_window();
  KjFusionPage *page =
      KJ_FUSION_PAGE(adw_view_stack_get_child_by_name(kj_window_get_stack(window), "fusion"));

  kj_fusion_model_set_programming_weight(kj_fusion_page_get_model(page), 0.9, NULL);
  kj_fusion_model_remove_all(kj_fusion_page_get_model(page));
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "0.9");
  close_window(window);

  window = open_window();
  page = KJ_FUSION_PAGE(adw_view_stack_get_child_by_name(kj_window_get_stack(window), "fusion"));
  g_assert_cmpstr(kj_fusion_page_get_score_text(page), ==, "0.9");
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(kj_fusion_page_get_model(page))), ==, 0);
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(page), "fusion.reset", NULL));
  close_window(window);
}

static void
test_window_state(void)
{
  GSettings *settings = kj_application_get_settings(app);
  g_autofree char *last_page = NULL;
  KjWindow *window;

  g_settings_set_int(settings, "window-width", 1000);
  g_settings_set_int(settings, "window-height", 700);
  window = open_window();
  gtk_window_set_default_size(GTK_WINDOW(window), 1100, 750);
  kj_window_show_page(window, "fusion");
  close_window(window);
  g_assert_cmpint(g_settings_get_int(settings, "window-width"), ==, 1100);
  g_assert_cmpint(g_settings_get_int(settings, "window-height"), ==, 750);
  g_assert_false(g_settings_get_boolean(settings, "window-maximized"));
  last_page = g_settings_get_string(settings, "last-page");
  g_assert_cmpstr(last_page, ==, "fusion");

  /* The page last shown is shown again. */
  window = open_window();
  kj_window_show_page(window, "lab");
  close_window(window);
  window = open_window();
  g_assert_cmpstr(adw_view_stack_get_visible_child_name(kj_window_get_stack(window)), ==, "lab");
  kj_window_show_page(window, "fusion");
  close_window(window);
}

static GtkWindow *
find_toplevel(GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels(); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items(toplevels); i++) {
    g_autoptr(GObject) window = g_list_model_get_item(toplevels, i);
    /* GTK keeps its own reference while the window is open. */
    if (G_TYPE_CHECK_INSTANCE_TYPE(window, type))
      return GTK_WINDOW(window);
  }
  return NULL;
}

/* Preferences switch the style; the menu's windows open. */
static void
test_menu_windows(void)
{
  KjWindow *window = open_window();
  GSettings *settings = kj_application_get_settings(app);
  AdwStyleManager *style = adw_style_manager_get_default();
  GtkWindow *preferences;
  AdwComboRow *style_row;
  g_autofree char *file = g_strdup_printf("fusion-dark-%s.png", lang_suffix());

  g_action_group_activate_action(G_ACTION_GROUP(app), "preferences", NULL);
  preferences = find_toplevel(ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull(preferences);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(preferences));
  save_screenshot(GTK_WIDGET(preferences), "preferences.png");
  style_row = ADW_COMBO_ROW(find_descendant(GTK_WIDGET(preferences), ADW_TYPE_COMBO_ROW, 0));
  adw_combo_row_set_selected(style_row, 2);
  g_assert_cmpint(g_settings_get_enum(settings, "color-scheme"), ==, 2);
  g_assert_cmpint(adw_style_manager_get_color_scheme(style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_destroy(preferences);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  iterate(100);
  save_screenshot(GTK_WIDGET(window), file);
  g_settings_reset(settings, "color-scheme");
  g_assert_cmpint(adw_style_manager_get_color_scheme(style), ==, ADW_COLOR_SCHEME_DEFAULT);

  g_action_group_activate_action(G_ACTION_GROUP(app), "about", NULL);
  g_assert_nonnull(find_toplevel(ADW_TYPE_ABOUT_WINDOW));
  gtk_test_widget_wait_for_draw(GTK_WIDGET(find_toplevel(ADW_TYPE_ABOUT_WINDOW)));
  save_screenshot(GTK_WIDGET(find_toplevel(ADW_TYPE_ABOUT_WINDOW)), "about.png");
  g_assert_true(gtk_icon_theme_has_icon(
      gtk_icon_theme_get_for_display(gtk_widget_get_display(GTK_WIDGET(window))), APP_ID));
  gtk_window_destroy(find_toplevel(ADW_TYPE_ABOUT_WINDOW));

  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(window), "win.show-help-overlay", NULL));
  g_assert_nonnull(find_toplevel(GTK_TYPE_SHORTCUTS_WINDOW));
  gtk_test_widget_wait_for_draw(GTK_WIDGET(find_toplevel(GTK_TYPE_SHORTCUTS_WINDOW)));
  save_screenshot(GTK_WIDGET(find_toplevel(GTK_TYPE_SHORTCUTS_WINDOW)), "shortcuts.png");
  gtk_window_destroy(find_toplevel(GTK_TYPE_SHORTCUTS_WINDOW));
  close_window(window);
}

/* Iterates the main loop until done(data) or the deadline, which fails. */
static void
wait_until(gboolean (*done)(gpointer data), gpointer data, guint seconds, const char *what)
{
  gint64 end = g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;

  while (!done(data)) {
    if (g_get_monotonic_time() > end)
      g_error("timed out after %u s waiting for %s", seconds, what);
    g_main_context_iteration(NULL, FALSE);
    g_usleep(1000);
  }
}

static gboolean
lab_ready(gpointer page)
{
  return kj_lab_page_get_state(page) == KJ_LAB_STATE_READY;
}

static gboolean
lab_epoch_shown(gpointer page)
{
  return kj_lab_page_get_epochs_shown(page) >= 1;
}

static gboolean
lab_training(gpointer page)
{
  return kj_lab_page_is_training(page);
}

/* How long the main loop went without running a 10 ms timer: how long
 * the UI was unresponsive.  The target is no stall over 50 ms: 99% of the
 * gaps must stay under it, and the longest under twice that, as Xvfb's
 * software rendering on a busy 2-core machine has shown a single 60 ms
 * frame.  The sanitizers make everything about three times slower. */
#if defined(__SANITIZE_ADDRESS__)
#define STALL_SLOWDOWN 3
#else
#define STALL_SLOWDOWN 1
#endif
#define STALL_TARGET_US  (50000 * STALL_SLOWDOWN)
#define STALL_LONGEST_US (2 * STALL_TARGET_US)

typedef struct {
  gint64 last;
  GArray *gaps; /* gint64 µs beyond the timer's 10 ms */
} StallMonitor;

static gboolean
stall_tick(gpointer data)
{
  StallMonitor *monitor = data;
  gint64 now = g_get_monotonic_time(), gap;

  if (monitor->last != 0) {
    gap = MAX(now - monitor->last - 10000, 0);
    g_array_append_val(monitor->gaps, gap);
  }
  monitor->last = now;
  return G_SOURCE_CONTINUE;
}

static int
compare_gaps(gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static gboolean
action_enabled(const char *name)
{
  return g_action_group_get_action_enabled(G_ACTION_GROUP(app), name);
}

static void
show_lab_tab(KjWindow *window, const char *tab, const char *screenshot)
{
  g_autofree char *file = g_strdup_printf("%s-%s.png", screenshot, lang_suffix());

  kj_lab_page_show_view(kj_window_get_lab_page(window), tab);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  iterate(300);
  save_screenshot(GTK_WIDGET(window), file);
}

static char *
write_test_png(const char *dir, const char *name, gboolean corrupt)
{
  char *path = g_build_filename(dir, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 40, 40);

  if (corrupt) {
    static const char bytes[] = "\x89PNG\r\n\x1a\nthis is not the rest of a PNG";
    g_assert_true(g_file_set_contents(path, bytes, sizeof bytes - 1, NULL));
  } else {
    gdk_pixbuf_fill(pixbuf, 0x000000ff);
    g_assert_true(gdk_pixbuf_save(pixbuf, path, "png", NULL, NULL));
  }
  return path;
}

#define TEST_MODEL_SPEC "conv3x3:4 relu pool2 dense:8"

static gboolean
lab_has_test_model(gpointer page)
{
  return g_strcmp0(kj_lab_page_get_model_spec(page), TEST_MODEL_SPEC) == 0;
}

/* An untrained model for the shapes (32×32 colour, 8 classes). */
static char *
write_test_model(const char *dir)
{
  const KjShape shape = { 3, 32, 32 };
  g_autoptr(KjDataset) classes = kj_dataset_new(1, &shape, 8);
  KjNetwork *network = kj_network_new(TEST_MODEL_SPEC, &shape, 8, NULL);
  KjNormalization norm = { { 0.5f, 0.5f, 0.5f }, { 0.25f, 0.25f, 0.25f } };
  g_autoptr(KjModel) model = kj_model_new(network, classes, &norm, "test");
  char *path = g_build_filename(dir, "test.safetensors", NULL);
  g_autoptr(GFile) file = g_file_new_for_path(path);

  g_assert_true(kj_model_save(model, file, NULL));
  return path;
}

/* A short run on the drawn shapes: the charts fill, the UI stays
 * responsive, predictions and the confusion matrix appear, and the trained
 * model classifies images and drawings. */
static void
test_lab_trains(void)
{
  GSettings *settings = kj_application_get_settings(app);
  KjWindow *window = open_window();
  KjLabPage *page = kj_window_get_lab_page(window);
  KjTrainingCharts *charts = kj_lab_page_get_charts(page);
  KjClassifyView *classify;
  StallMonitor monitor = { 0, g_array_new(FALSE, FALSE, sizeof(gint64)) };
  gint64 longest, p99;
  g_autofree char *tmp = g_dir_make_tmp("kuajie-lab-XXXXXX", NULL);
  g_autofree char *good = write_test_png(tmp, "good.png", FALSE);
  g_autofree char *corrupt = write_test_png(tmp, "corrupt.png", TRUE);
  GFile *files[2];
  KjDrawCanvas *canvas;
  g_autofree char *model_path = NULL;
  GFile *model_file;
  guint timer;
  gsize n;

  gtk_window_set_default_size(GTK_WINDOW(window), 1400, 900);
  kj_window_show_page(window, "lab");
  wait_until(lab_ready, page, 60, "the shapes dataset");
  g_assert_true(action_enabled("train-start"));
  g_assert_false(action_enabled("train-stop"));

  timer = g_timeout_add(10, stall_tick, &monitor);

  g_action_group_activate_action(G_ACTION_GROUP(app), "train-start", NULL);
  g_assert_true(kj_lab_page_is_training(page));
  g_assert_false(action_enabled("train-start"));
  g_assert_true(action_enabled("train-pause"));
  g_assert_true(action_enabled("train-stop"));

  wait_until(lab_epoch_shown, page, 120, "the first epoch");
  kj_chart_series_get_points(
      kj_chart_get_series(kj_training_charts_get_loss(charts), KJ_LOSS_SERIES_BATCH), &n);
  g_assert_cmpuint(n, >, 0);
  kj_chart_series_get_points(
      kj_chart_get_series(kj_training_charts_get_accuracy(charts), KJ_ACCURACY_SERIES_VALIDATION),
      &n);
  g_assert_cmpuint(n, ==, 1);

  /* Pause holds the run; resume carries on. */
  g_action_group_activate_action(G_ACTION_GROUP(app), "train-pause", NULL);
  g_assert_cmpint(kj_lab_page_get_state(page), ==, KJ_LAB_STATE_PAUSED);
  iterate(200);
  g_action_group_activate_action(G_ACTION_GROUP(app), "train-pause", NULL);
  g_assert_cmpint(kj_lab_page_get_state(page), ==, KJ_LAB_STATE_TRAINING);

  wait_until(lab_ready, page, 180, "the end of training");
  g_source_remove(timer);
  g_array_sort(monitor.gaps, compare_gaps);
  g_assert_cmpuint(monitor.gaps->len, >, 100);
  longest = g_array_index(monitor.gaps, gint64, monitor.gaps->len - 1);
  p99 = g_array_index(monitor.gaps, gint64, monitor.gaps->len * 99 / 100);
  g_test_message("longest main-loop stall while training: %.1f ms (99%% under %.1f ms, %u samples)",
                 longest / 1000.0, p99 / 1000.0, monitor.gaps->len);
  g_assert_cmpint(p99, <, STALL_TARGET_US);
  g_assert_cmpint(longest, <, STALL_LONGEST_US);
  g_array_unref(monitor.gaps);
  kj_chart_series_get_points(
      kj_chart_get_series(kj_training_charts_get_accuracy(charts), KJ_ACCURACY_SERIES_TRAINING),
      &n);
  g_assert_cmpuint(n, ==, g_settings_get_uint(settings, "lab-epochs"));

  show_lab_tab(window, "charts", "lab-charts");
  show_lab_tab(window, "predictions", "lab-predictions");
  show_lab_tab(window, "confusion", "lab-confusion");

  /* A good image is classified, a corrupt one fails with its name. */
  classify = KJ_CLASSIFY_VIEW(find_descendant(GTK_WIDGET(page), KJ_TYPE_CLASSIFY_VIEW, 0));
  files[0] = g_file_new_for_path(good);
  files[1] = g_file_new_for_path(corrupt);
  kj_lab_page_open_files(page, files, 2);
  canvas = KJ_DRAW_CANVAS(find_descendant(GTK_WIDGET(classify), KJ_TYPE_DRAW_CANVAS, 0));
  kj_draw_canvas_begin_stroke(canvas, 0.3, 0.3, 1.0);
  kj_draw_canvas_extend_stroke(canvas, 0.7, 0.7, 1.0);
  kj_draw_canvas_end_stroke(canvas);
  for (gint64 end = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;
       (kj_classify_view_get_n_results(classify) < 2 ||
        kj_classify_view_get_drawing_label(classify) < 0) &&
       g_get_monotonic_time() < end;)
    g_main_context_iteration(NULL, FALSE);
  g_assert_cmpuint(kj_classify_view_get_n_results(classify), ==, 2);
  g_assert_cmpint(kj_classify_view_get_drawing_label(classify), >=, 0);
  show_lab_tab(window, "classify", "lab-classify");
  show_lab_tab(window, "my-images", "lab-my-images");

  /* kuajie FILE.safetensors: the model loads into the Lab. */
  model_path = write_test_model(tmp);
  model_file = g_file_new_for_path(model_path);
  kj_window_open_files(window, &model_file, 1);
  wait_until(lab_has_test_model, page, 30, "the model file to load");
  g_object_unref(model_file);
  g_unlink(model_path);

  g_object_unref(files[0]);
  g_object_unref(files[1]);
  g_unlink(good);
  g_unlink(corrupt);
  g_rmdir(tmp);
  close_window(window);
}

static gboolean
window_gone(gpointer window_pointer)
{
  return *(KjWindow **)window_pointer == NULL;
}

/* Closing the window while training asks first; stopping joins the worker. */
static void
test_lab_close_while_training(void)
{
  KjWindow *window = open_window();
  KjLabPage *page = kj_window_get_lab_page(window);
  GtkWindow *dialog;

  kj_window_show_page(window, "lab");
  g_action_group_activate_action(G_ACTION_GROUP(app), "train-start", NULL);
  wait_until(lab_training, page, 60, "training to start");

  gtk_window_close(GTK_WINDOW(window));
  iterate(50);
  dialog = find_toplevel(ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull(dialog);
  g_assert_nonnull(find_toplevel(KJ_TYPE_WINDOW)); /* still open */
  adw_message_dialog_response(ADW_MESSAGE_DIALOG(dialog), "stop");
  g_object_add_weak_pointer(G_OBJECT(window), (gpointer *)&window);
  wait_until(window_gone, &window, 30, "the window to close");
  iterate(300); /* wake-ups still on their way find the page gone */
}

/* Under LANG=zh_CN.UTF-8 the window speaks Chinese. */
static void
test_translated(void)
{
  KjWindow *window;
  AdwViewStackPage *page;

  if (!g_str_has_prefix(setlocale(LC_MESSAGES, NULL), "zh_CN")) {
    g_test_fail_printf("the zh_CN.UTF-8 locale is missing (LC_MESSAGES is “%s”): generate it "
                       "with locale-gen, as build-aux/install-deps.sh does",
                       setlocale(LC_MESSAGES, NULL));
    return;
  }
  window = open_window();
  page = adw_view_stack_get_page(
      kj_window_get_stack(window),
      adw_view_stack_get_child_by_name(kj_window_get_stack(window), "fusion"));
  g_assert_cmpstr(gtk_window_get_title(GTK_WINDOW(window)), ==, "跨界");
  g_assert_cmpstr(adw_view_stack_page_get_title(page), ==, "融合评分");
  close_window(window);
}

static void
on_activate(GApplication *application)
{
  /* Tests open their own windows. */
}

int
main(int argc, char *argv[])
{
  gboolean translated = g_strcmp0(g_getenv("KJ_TEST_TRANSLATED"), "1") == 0;
  gboolean lab = g_strcmp0(g_getenv("KJ_TEST_PART"), "lab") == 0;
  int status;

  kj_i18n_init();
  kj_blas_init(); /* as main() does, before any thread */
  gtk_test_init(&argc, &argv, NULL);
  adw_init();

  app = kj_application_new();
  g_application_set_flags(G_APPLICATION(app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect(app, "activate", G_CALLBACK(on_activate), NULL);
  g_assert_true(g_application_register(G_APPLICATION(app), NULL, NULL));
  /* The CNN Lab trains on shapes, the dataset that needs no package. */
  g_settings_set_string(kj_application_get_settings(app), "lab-dataset", "shapes");
  g_settings_set_string(kj_application_get_settings(app), "lab-spec", "fast");
  g_settings_set_string(kj_application_get_settings(app), "lab-optimizer", "adamw");
  g_settings_set_double(kj_application_get_settings(app), "lab-learning-rate", 0.003);
  g_settings_set_uint(kj_application_get_settings(app), "lab-batch-size", 32);
  g_settings_set_uint(kj_application_get_settings(app), "lab-epochs", 3);

  if (translated) {
    g_test_add_func("/kj/window/translated", test_translated);
    g_test_add_func("/kj/window/pages", test_pages);
    g_test_add_func("/kj/window/lab-trains", test_lab_trains);
  } else if (lab) {
    g_test_add_func("/kj/window/lab-trains", test_lab_trains);
    g_test_add_func("/kj/window/lab-close-while-training", test_lab_close_while_training);
  } else {
    g_test_add_func("/kj/window/pages", test_pages);
    g_test_add_func("/kj/window/fusion-opens-on-seed-example", test_fusion_opens_on_seed_example);
    g_test_add_func("/kj/window/fusion-editing", test_fusion_editing);
    g_test_add_func("/kj/window/fusion-persists", test_fusion_persists);
    g_test_add_func("/kj/window/state", test_window_state);
    g_test_add_func("/kj/window/menu-windows", test_menu_windows);
  }
  status = g_test_run();
  g_object_unref(app);
  return status;
}
