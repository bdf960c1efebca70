/* kj-test-window-util.h — what the GUI tests share: the main loop, waiting,
 * finding widgets, and screenshots */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop for ms milliseconds. */
void kj_test_iterate(guint ms);
/* Runs it until done(data), failing the test after seconds. */
void kj_test_wait_until(gboolean (*done)(gpointer data), gpointer data, guint seconds,
                        const char *what);
/* The skip-th (from 0) descendant of widget of that type, depth first. */
GtkWidget *kj_test_find_descendant(GtkWidget *widget, GType type, guint skip);
/* Saves what widget shows as $KJ_SCREENSHOT_DIR/name, rendered by GSK. */
void kj_test_save_screenshot(GtkWidget *widget, const char *name);
/* "zh" under a zh_CN locale, else "en": for screenshot names. */
const char *kj_test_lang_suffix(void);

G_END_DECLS
