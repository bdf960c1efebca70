#include "config.h"

#include "kj-window.h"

#include <glib/gi18n.h>

#include "kj-fusion-page.h"

struct _KjWindow {
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwViewStack *stack;
  AdwToastOverlay *toast_overlay;
  KjFusionPage *fusion_page;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE(KjWindow, kj_window, ADW_TYPE_APPLICATION_WINDOW)

static void
restore_state(KjWindow *self)
{
  const char *page;
  g_autofree char *last_page = g_settings_get_string(self->settings, "last-page");

  gtk_window_set_default_size(GTK_WINDOW(self), g_settings_get_int(self->settings, "window-width"),
                              g_settings_get_int(self->settings, "window-height"));
  if (g_settings_get_boolean(self->settings, "window-maximized"))
    gtk_window_maximize(GTK_WINDOW(self));

  /* A page that no longer exists falls back to the first one. */
  page = adw_view_stack_get_child_by_name(self->stack, last_page) != NULL ? last_page : "fusion";
  adw_view_stack_set_visible_child_name(self->stack, page);
}

static void
save_state(KjWindow *self)
{
  int width, height;
  const char *page = adw_view_stack_get_visible_child_name(self->stack);

  gtk_window_get_default_size(GTK_WINDOW(self), &width, &height);
  g_settings_delay(self->settings);
  if (!gtk_window_is_maximized(GTK_WINDOW(self))) {
    g_settings_set_int(self->settings, "window-width", width);
    g_settings_set_int(self->settings, "window-height", height);
  }
  g_settings_set_boolean(self->settings, "window-maximized",
                         gtk_window_is_maximized(GTK_WINDOW(self)));
  if (page != NULL)
    g_settings_set_string(self->settings, "last-page", page);
  g_settings_apply(self->settings);
}

static gboolean
kj_window_close_request(GtkWindow *window)
{
  KjWindow *self = KJ_WINDOW(window);

  save_state(self);
  kj_fusion_page_save(self->fusion_page);
  return GTK_WINDOW_CLASS(kj_window_parent_class)->close_request(window);
}

static void
kj_window_constructed(GObject *object)
{
  KjWindow *self = KJ_WINDOW(object);

  G_OBJECT_CLASS(kj_window_parent_class)->constructed(object);

  kj_fusion_page_load(self->fusion_page, self->settings);
  restore_state(self);
}

static void
kj_window_dispose(GObject *object)
{
  KjWindow *self = KJ_WINDOW(object);

  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_WINDOW);
  g_clear_object(&self->settings);
  G_OBJECT_CLASS(kj_window_parent_class)->dispose(object);
}

static void
show_page(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjWindow *self = KJ_WINDOW(widget);
  const char *name = g_variant_get_string(parameter, NULL);

  if (adw_view_stack_get_child_by_name(self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name(self->stack, name);
}

static void
kj_window_class_init(KjWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS(klass);

  object_class->constructed = kj_window_constructed;
  object_class->dispose = kj_window_dispose;
  window_class->close_request = kj_window_close_request;

  g_type_ensure(KJ_TYPE_FUSION_PAGE);
  gtk_widget_class_set_template_from_resource(widget_class, RESOURCE_PATH "/ui/kj-window.ui");
  gtk_widget_class_bind_template_child(widget_class, KjWindow, stack);
  gtk_widget_class_bind_template_child(widget_class, KjWindow, toast_overlay);
  gtk_widget_class_bind_template_child(widget_class, KjWindow, fusion_page);

  /* Alt+1… switches pages, as in GNOME apps with a view switcher. */
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.page", "s",
                                      "fusion");
  gtk_widget_class_install_action(widget_class, "win.page", "s", show_page);
}

static void
kj_window_init(KjWindow *self)
{
  gtk_widget_init_template(GTK_WIDGET(self));
  self->settings = g_settings_new(APP_ID);
}

KjWindow *
kj_window_new(KjApplication *application)
{
  return g_object_new(KJ_TYPE_WINDOW, "application", application, NULL);
}

AdwViewStack *
kj_window_get_stack(KjWindow *self)
{
  g_return_val_if_fail(KJ_IS_WINDOW(self), NULL);
  return self->stack;
}

void
kj_window_add_toast(KjWindow *self, AdwToast *toast)
{
  g_return_if_fail(KJ_IS_WINDOW(self));
  adw_toast_overlay_add_toast(self->toast_overlay, toast);
}
