/* kj-toast.h — a message for the user, in the window's toast overlay */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows message (plain text, not markup) in the AdwToastOverlay that holds
 * widget; outside of one (a widget not in a window yet) it is logged. */
void kj_toast_show(GtkWidget *widget, const char *message);
/* The same with a button (an Undo, say) that activates action_name on
 * widget, as long as widget lives. */
void kj_toast_show_with_action(GtkWidget *widget, const char *message, const char *button,
                               const char *action_name);

G_END_DECLS
