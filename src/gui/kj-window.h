/* kj-window.h — the main window: a view switcher over the pages */
#pragma once

#include <adwaita.h>

#include "kj-application.h"

G_BEGIN_DECLS

#define KJ_TYPE_WINDOW (kj_window_get_type())
G_DECLARE_FINAL_TYPE(KjWindow, kj_window, KJ, WINDOW, AdwApplicationWindow)

KjWindow *kj_window_new(KjApplication *application);
AdwViewStack *kj_window_get_stack(KjWindow *self);
void kj_window_add_toast(KjWindow *self, AdwToast *toast);

G_END_DECLS
