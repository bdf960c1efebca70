/* GUI tests, run under Xvfb: the window, its pages, the Fusion page's
 * editing, preferences, and screenshots rendered by GSK into the build dir. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "kj-application.h"
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
  close_window(window);
  g_assert_cmpint(g_settings_get_int(settings, "window-width"), ==, 1100);
  g_assert_cmpint(g_settings_get_int(settings, "window-height"), ==, 750);
  g_assert_false(g_settings_get_boolean(settings, "window-maximized"));
  last_page = g_settings_get_string(settings, "last-page");
  g_assert_cmpstr(last_page, ==, "fusion");
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
  int status;

  kj_i18n_init();
  gtk_test_init(&argc, &argv, NULL);
  adw_init();

  app = kj_application_new();
  g_application_set_flags(G_APPLICATION(app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect(app, "activate", G_CALLBACK(on_activate), NULL);
  g_assert_true(g_application_register(G_APPLICATION(app), NULL, NULL));

  if (translated) {
    g_test_add_func("/kj/window/translated", test_translated);
    g_test_add_func("/kj/window/pages", test_pages);
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
