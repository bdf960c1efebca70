#include "config.h"

#include "kj-toast.h"

/* The overlay holding widget, or NULL after logging the message. */
static AdwToastOverlay *
find_overlay(GtkWidget *widget, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor(widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    g_message("%s", message);
  return overlay != NULL ? ADW_TOAST_OVERLAY(overlay) : NULL;
}

/* Toast titles are markup in libadwaita 1.2; file names may hold '&' or '<'. */
static AdwToast *
new_toast(const char *message)
{
  g_autofree char *escaped = g_markup_escape_text(message, -1);

  return adw_toast_new(escaped);
}

void
kj_toast_show(GtkWidget *widget, const char *message)
{
  AdwToastOverlay *overlay = find_overlay(widget, message);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = new_toast(message);
  adw_toast_set_timeout(toast, 5);
  adw_toast_overlay_add_toast(overlay, toast);
}

static void
on_button_clicked(AdwToast *toast, GtkWidget *widget)
{
  gtk_widget_activate_action(widget, g_object_get_data(G_OBJECT(toast), "kj-action"), NULL);
}

void
kj_toast_show_with_action(GtkWidget *widget, const char *message, const char *button,
                          const char *action_name)
{
  AdwToastOverlay *overlay = find_overlay(widget, message);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = new_toast(message);
  adw_toast_set_button_label(toast, button);
  adw_toast_set_timeout(toast, 10);
  g_object_set_data_full(G_OBJECT(toast), "kj-action", g_strdup(action_name), g_free);
  /* Not adw_toast_set_action_name(): the name would be looked up from the
   * overlay, above the page whose action it is, and not be found. */
  g_signal_connect_object(toast, "button-clicked", G_CALLBACK(on_button_clicked), widget, 0);
  adw_toast_overlay_add_toast(overlay, toast);
}
