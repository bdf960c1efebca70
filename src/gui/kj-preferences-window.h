/* kj-preferences-window.h — the app's preferences: appearance */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KJ_TYPE_PREFERENCES_WINDOW (kj_preferences_window_get_type())
G_DECLARE_FINAL_TYPE(KjPreferencesWindow, kj_preferences_window, KJ, PREFERENCES_WINDOW,
                     AdwPreferencesWindow)

KjPreferencesWindow *kj_preferences_window_new(GSettings *settings);

G_END_DECLS
