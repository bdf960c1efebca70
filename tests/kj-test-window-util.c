#include "kj-test-window-util.h"

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

/* The whole window as the user sees it, without any X tool. */
void
kj_test_save_screenshot(GtkWidget *widget, const char *name)
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

const char *
kj_test_lang_suffix(void)
{
  return g_str_has_prefix(setlocale(LC_MESSAGES, NULL), "zh_CN") ? "zh" : "en";
}
