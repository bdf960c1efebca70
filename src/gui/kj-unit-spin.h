/* kj-unit-spin.h — a spin button for a value from 0 to 1 that refuses
 * anything else with an inline message instead of silently clamping */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kj_unit_spin_attach(GtkSpinButton *spin, GtkRevealer *error_revealer, GtkLabel *error_label);

G_END_DECLS
