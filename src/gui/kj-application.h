/* kj-application.h — the AdwApplication: actions, style, windows */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KJ_TYPE_APPLICATION (kj_application_get_type())
G_DECLARE_FINAL_TYPE(KjApplication, kj_application, KJ, APPLICATION, AdwApplication)

KjApplication *kj_application_new(void);
GSettings *kj_application_get_settings(KjApplication *self);
/* Enables app.train-start, -pause and -stop as the active window's CNN Lab
 * allows; the Lab calls it when its state changes. */
void kj_application_update_train_actions(KjApplication *self);

G_END_DECLS
