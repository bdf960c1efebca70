#include "config.h"

#include "kj-unit-spin.h"

#include "kj-fusion.h"

static void
show_error(GtkSpinButton *spin, const char *message)
{
  GtkRevealer *revealer = g_object_get_data(G_OBJECT(spin), "kj-error-revealer");
  GtkLabel *label = g_object_get_data(G_OBJECT(spin), "kj-error-label");

  if (message != NULL) {
    gtk_label_set_text(label, message);
    gtk_widget_add_css_class(GTK_WIDGET(spin), "error");
  } else {
    gtk_widget_remove_css_class(GTK_WIDGET(spin), "error");
  }
  gtk_revealer_set_reveal_child(revealer, message != NULL);
  gtk_accessible_update_state(
      GTK_ACCESSIBLE(spin), GTK_ACCESSIBLE_STATE_INVALID,
      message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static int
on_input(GtkSpinButton *spin, double *new_value, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text(GTK_EDITABLE(spin));

  if (!kj_fusion_parse_unit(text, new_value, &error)) {
    show_error(spin, error->message);
    return GTK_INPUT_ERROR;
  }
  show_error(spin, NULL);
  return TRUE;
}

/* A new value from anywhere (the slider, the arrows, the model) means the
 * field holds a good value again.  The spin button's own "value-changed"
 * would not do: it also fires when a bad entry is put back. */
static void
on_adjustment_changed(GtkAdjustment *adjustment, GtkSpinButton *spin)
{
  show_error(spin, NULL);
}

void
kj_unit_spin_attach(GtkSpinButton *spin, GtkRevealer *error_revealer, GtkLabel *error_label)
{
  g_object_set_data(G_OBJECT(spin), "kj-error-revealer", error_revealer);
  g_object_set_data(G_OBJECT(spin), "kj-error-label", error_label);
  g_signal_connect(spin, "input", G_CALLBACK(on_input), NULL);
  g_signal_connect_object(gtk_spin_button_get_adjustment(spin), "value-changed",
                          G_CALLBACK(on_adjustment_changed), spin, 0);
  /* Refused input keeps the old value rather than clamping a guess. */
  gtk_spin_button_set_update_policy(spin, GTK_UPDATE_IF_VALID);
}
