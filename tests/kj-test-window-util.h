/* kj-test-window-util.h — what the GUI tests share: the main loop, waiting,
 * windows, finding widgets, rendering and screenshots */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop for ms milliseconds. */
void kj_test_iterate(guint ms);
/* Runs it until done(data), failing the test after seconds. */
void kj_test_wait_until(gboolean (*done)(gpointer data), gpointer data, guint seconds,
                        const char *what);
/* A new window of that default size (-1: natural) holding child, presented
 * and drawn once, then 50 ms of the main loop. */
GtkWindow *kj_test_show_in_window(GtkWidget *child, int width, int height);
/* Destroys window and asserts that nothing else kept it alive. */
void kj_test_close_window(GtkWindow *window);
/* Forces Adwaita's dark or light style. */
void kj_test_set_dark(gboolean dark);
/* Runs the main loop until every idle callback queued so far has run (one
 * of lower priority runs only after them), however loaded the machine. */
void kj_test_settle(void);
/* The skip-th (from 0) descendant of widget of that type, depth first. */
GtkWidget *kj_test_find_descendant(GtkWidget *widget, GType type, guint skip);
/* What widget shows as its window's renderer draws it: the last frame drawn. */
GdkTexture *kj_test_render_texture(GtkWidget *widget);
/* What widget shows, drawn by cairo into an ARGB32 image over background
 * (transparent when NULL); free with cairo_surface_destroy(). */
cairo_surface_t *kj_test_render_widget(GtkWidget *widget, const GdkRGBA *background);
/* $KJ_SCREENSHOT_DIR/name, the folder made; NULL when the variable is unset. */
char *kj_test_screenshot_path(const char *name);
/* Saves what widget shows as $KJ_SCREENSHOT_DIR/name, rendered by GSK; does
 * nothing (but say so) when the variable is unset. */
void kj_test_save_screenshot(GtkWidget *widget, const char *name);
/* "zh" under a zh_CN locale, else "en": for screenshot names. */
const char *kj_test_lang_suffix(void);

G_END_DECLS
