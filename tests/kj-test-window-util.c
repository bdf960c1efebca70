#include "kj-test-window-util.h"

#include <adwaita.h>
#include <locale.h>

void
kj_test_iterate(guint ms)
{
  gint64 end = g_get_monotonic_time() + ms * 1000;

  while (g_get_monotonic_time() < end)
    g_main_context_iteration(NULL, FALSE);
}

void
kj_test_wait_until(gboolean (*done)(gpointer data), gpointer data, guint seconds, const char *what)
{
  gint64 end = g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;

  while (!done(data)) {
    if (g_get_monotonic_time() > end)
      g_error("timed out after %u s waiting for %s", seconds, what);
    g_main_context_iteration(NULL, FALSE);
    g_usleep(1000);
  }
}

GtkWindow *
kj_test_show_in_window(GtkWidget *child, int width, int height)
{
  GtkWindow *window = GTK_WINDOW(gtk_window_new());

  gtk_window_set_default_size(window, width, height);
  gtk_window_set_child(window, child);
  gtk_window_present(window);
  gtk_test_widget_wait_for_draw(GTK_WIDGET(window));
  kj_test_iterate(50);
  return window;
}

void
kj_test_close_window(GtkWindow *window)
{
  g_object_add_weak_pointer(G_OBJECT(window), (gpointer *)&window);
  gtk_window_destroy(window);
  kj_test_iterate(20);
  g_assert_null(window);
}

void
kj_test_set_dark(gboolean dark)
{
  adw_style_manager_set_color_scheme(adw_style_manager_get_default(),
                                     dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
set_flag(gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set(gpointer data)
{
  return *(gboolean *)data;
}

void
kj_test_settle(void)
{
  gboolean done = FALSE;

  g_idle_add_full(G_PRIORITY_LOW, set_flag, &done, NULL);
  kj_test_wait_until(flag_is_set, &done, 30, "the idle callbacks");
}

static GtkWidget *
find_counting(GtkWidget *widget, GType type, guint *remaining)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE(widget, type)) {
    if (*remaining == 0)
      return widget;
    (*remaining)--;
  }
  for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
       child = gtk_widget_get_next_sibling(child)) {
    GtkWidget *found = find_counting(child, type, remaining);

    if (found != NULL)
      return found;
  }
  return NULL;
}

GtkWidget *
kj_test_find_descendant(GtkWidget *widget, GType type, guint skip)
{
  return widget != NULL ? find_counting(widget, type, &skip) : NULL;
}

static GskRenderNode *
snapshot_widget(GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new(widget);
  GtkSnapshot *snapshot = gtk_snapshot_new();
  GskRenderNode *node;

  gdk_paintable_snapshot(paintable, GDK_SNAPSHOT(snapshot), gtk_widget_get_width(widget),
                         gtk_widget_get_height(widget));
  node = gtk_snapshot_free_to_node(snapshot);
  g_assert_nonnull(node);
  return node;
}

/* As the user sees it, without any X tool. */
GdkTexture *
kj_test_render_texture(GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = snapshot_widget(widget);

  return gsk_renderer_render_texture(
      gtk_native_get_renderer(gtk_widget_get_native(widget)), node,
      &GRAPHENE_RECT_INIT(0, 0, gtk_widget_get_width(widget), gtk_widget_get_height(widget)));
}

/* Pixels to read, in cairo's native-endian ARGB. */
cairo_surface_t *
kj_test_render_widget(GtkWidget *widget, const GdkRGBA *background)
{
  int width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint(width, >, 0);
  g_assert_cmpint(height, >, 0);
  node = snapshot_widget(widget);
  surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create(surface);
  if (background != NULL) {
    gdk_cairo_set_source_rgba(cr, background);
    cairo_paint(cr);
  }
  gsk_render_node_draw(node, cr);
  g_assert_cmpint(cairo_status(cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  return surface;
}

char *
kj_test_screenshot_path(const char *name)
{
  const char *dir = g_getenv("KJ_SCREENSHOT_DIR");

  if (dir == NULL) {
    g_test_message("KJ_SCREENSHOT_DIR is unset: %s not saved", name);
    return NULL;
  }
  g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
  return g_build_filename(dir, name, NULL);
}

void
kj_test_save_screenshot(GtkWidget *widget, const char *name)
{
  g_autofree char *path = kj_test_screenshot_path(name);
  g_autoptr(GdkTexture) texture = NULL;

  if (path == NULL)
    return;
  texture = kj_test_render_texture(widget);
  g_assert_true(gdk_texture_save_to_png(texture, path));
  g_test_message("screenshot: %s", path);
}

const char *
kj_test_lang_suffix(void)
{
  return g_str_has_prefix(setlocale(LC_MESSAGES, NULL), "zh_CN") ? "zh" : "en";
}
