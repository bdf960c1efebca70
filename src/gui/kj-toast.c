#include "config.h"

#include "kj-toast.h"

void
kj_toast_show(GtkWidget *widget, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor(widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text(message, -1);
  AdwToast *toast;

  if (overlay == NULL) {
    g_message("%s", message);
    return;
  }
  /* Toast titles are markup; file names may hold '&' or '<'. */
  toast = adw_toast_new(escaped);
  adw_toast_set_timeout(toast, 5);
  adw_toast_overlay_add_toast(ADW_TOAST_OVERLAY(overlay), toast);
}
