#include "config.h"

#include "kj-window.h"

#include <glib/gi18n.h>

#include "kj-fusion-page.h"
#include "kj-lab-page.h"
#include "kj-roadmap-page.h"

struct _KjWindow {
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwViewStack *stack;
  AdwToastOverlay *toast_overlay;
  KjRoadmapPage *roadmap_page;
  KjFusionPage *fusion_page;
  KjLabPage *lab_page;

  /* owned */
  GSettings *settings;
  gboolean stop_confirmed; /* closing while training was confirmed */
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
  page = adw_view_stack_get_child_by_name(self->stack, last_page) != NULL ? last_page : "roadmap";
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
close_after_dialog(gpointer window)
{
  gtk_window_close(window);
  return G_SOURCE_REMOVE;
}

static void
stop_response(AdwMessageDialog *dialog, const char *response, KjWindow *self)
{
  if (g_str_equal(response, "stop")) {
    self->stop_confirmed = TRUE;
    kj_lab_page_stop(self->lab_page);
    /* Once the dialog is gone: it is transient for this window. */
    g_idle_add_full(G_PRIORITY_DEFAULT_IDLE, close_after_dialog, g_object_ref(self),
                    g_object_unref);
  }
}

/* Closing during training asks first; the page's dispose then stops the
 * worker and joins it. */
static gboolean
confirm_stop_training(KjWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG(adw_message_dialog_new(GTK_WINDOW(self), _("Stop Training?"),
                                                     _("A network is being trained in the CNN Lab. "
                                                       "Closing the window stops it; the epochs "
                                                       "not finished are lost.")));
  adw_message_dialog_add_responses(dialog, "cancel", _("_Keep Training"), "stop",
                                   _("_Stop and Close"), NULL);
  adw_message_dialog_set_response_appearance(dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response(dialog, "cancel");
  adw_message_dialog_set_close_response(dialog, "cancel");
  g_signal_connect(dialog, "response", G_CALLBACK(stop_response), self);
  gtk_window_present(GTK_WINDOW(dialog));
  return TRUE;
}

static gboolean
kj_window_close_request(GtkWindow *window)
{
  KjWindow *self = KJ_WINDOW(window);

  if (kj_lab_page_is_training(self->lab_page) && !self->stop_confirmed)
    return confirm_stop_training(self);

  save_state(self);
  kj_roadmap_page_save(self->roadmap_page, NULL);
  kj_fusion_page_save(self->fusion_page);
  return GTK_WINDOW_CLASS(kj_window_parent_class)->close_request(window);
}

static void
kj_window_constructed(GObject *object)
{
  KjWindow *self = KJ_WINDOW(object);

  G_OBJECT_CLASS(kj_window_parent_class)->constructed(object);

  kj_roadmap_page_load(self->roadmap_page, NULL);
  kj_fusion_page_load(self->fusion_page, self->settings);
  kj_fusion_page_set_roadmap(self->fusion_page, kj_roadmap_page_get_roadmap(self->roadmap_page));
  kj_lab_page_load(self->lab_page, self->settings);
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

  g_type_ensure(KJ_TYPE_ROADMAP_PAGE);
  g_type_ensure(KJ_TYPE_FUSION_PAGE);
  g_type_ensure(KJ_TYPE_LAB_PAGE);
  gtk_widget_class_set_template_from_resource(widget_class, RESOURCE_PATH "/ui/kj-window.ui");
  gtk_widget_class_bind_template_child(widget_class, KjWindow, stack);
  gtk_widget_class_bind_template_child(widget_class, KjWindow, toast_overlay);
  gtk_widget_class_bind_template_child(widget_class, KjWindow, roadmap_page);
  gtk_widget_class_bind_template_child(widget_class, KjWindow, fusion_page);
  gtk_widget_class_bind_template_child(widget_class, KjWindow, lab_page);

  /* Alt+1… switches pages, as in GNOME apps with a view switcher. */
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.page", "s",
                                      "roadmap");
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.page", "s",
                                      "fusion");
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.page", "s",
                                      "lab");
  gtk_widget_class_install_action(widget_class, "win.page", "s", show_page);
}

static void
lab_state_changed(KjWindow *self)
{
  GtkApplication *app = gtk_window_get_application(GTK_WINDOW(self));

  if (KJ_IS_APPLICATION(app))
    kj_application_update_train_actions(KJ_APPLICATION(app));
}

static void
kj_window_init(KjWindow *self)
{
  gtk_widget_init_template(GTK_WIDGET(self));
  self->settings = g_settings_new(APP_ID);
  g_signal_connect_swapped(self->lab_page, "notify::state", G_CALLBACK(lab_state_changed), self);
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

KjLabPage *
kj_window_get_lab_page(KjWindow *self)
{
  g_return_val_if_fail(KJ_IS_WINDOW(self), NULL);
  return self->lab_page;
}

void
kj_window_show_page(KjWindow *self, const char *name)
{
  g_return_if_fail(KJ_IS_WINDOW(self));
  gtk_widget_activate_action(GTK_WIDGET(self), "win.page", "s", name);
}

KjRoadmapPage *
kj_window_get_roadmap_page(KjWindow *self)
{
  g_return_val_if_fail(KJ_IS_WINDOW(self), NULL);
  return self->roadmap_page;
}

KjFusionPage *
kj_window_get_fusion_page(KjWindow *self)
{
  g_return_val_if_fail(KJ_IS_WINDOW(self), NULL);
  return self->fusion_page;
}

void
kj_window_open_files(KjWindow *self, GFile **files, int n_files)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new();
  GFile *roadmap = NULL;

  g_return_if_fail(KJ_IS_WINDOW(self));

  for (int i = 0; i < n_files; i++) {
    if (kj_roadmap_page_can_open(files[i]))
      roadmap = files[i];
    else
      g_ptr_array_add(others, files[i]);
  }
  if (others->len > 0) {
    kj_window_show_page(self, "lab");
    kj_lab_page_open_files(self->lab_page, (GFile **)others->pdata, (int)others->len);
  }
  /* One roadmap is open at a time: the last one named wins. */
  if (roadmap != NULL) {
    kj_window_show_page(self, "roadmap");
    kj_roadmap_page_open(self->roadmap_page, roadmap);
  }
}
