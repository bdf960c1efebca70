/* kj-export-chooser.h — asking where to save a widget's picture as PNG or SVG
 *
 * One file chooser per widget at a time, with the format's filter and a
 * suggested name.  chosen() gets the file; it is not called once the
 * chooser is cancelled, or after kj_export_chooser_cancel(), which a
 * widget calls in its dispose. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  KJ_EXPORT_PNG,
  KJ_EXPORT_SVG,
} KjExportFormat;

typedef void (*KjExportChosen)(GtkWidget *widget, GFile *file, KjExportFormat format);

/* base_name has no extension; the format's is added.  Does nothing while
 * the widget's chooser is open. */
void kj_export_chooser_show(GtkWidget *widget, KjExportFormat format, const char *base_name,
                            KjExportChosen chosen);
void kj_export_chooser_cancel(GtkWidget *widget);

/* The context menu that leads there: "Export as PNG…" and "Export as SVG…"
 * activating prefix.export-png and prefix.export-svg, as a popover parented
 * to widget (which unparents it in dispose). */
GtkWidget *kj_export_menu_new(GtkWidget *widget, const char *prefix);

G_END_DECLS
