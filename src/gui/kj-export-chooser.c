#include "config.h"

#include "kj-export-chooser.h"

#include <glib/gi18n.h>

#define CHOOSER_KEY "kj-export-chooser"

typedef struct {
  GtkWidget *widget; /* owns this, as object data */
  GtkFileChooserNative *dialog;
  KjExportFormat format;
  KjExportChosen chosen;
} Chooser;

static void
chooser_free(gpointer data)
{
  Chooser *chooser = data;

  g_signal_handlers_disconnect_by_data(chooser->dialog, chooser->widget);
  g_object_unref(chooser->dialog);
  g_free(chooser);
}

static void
on_response(GtkNativeDialog *dialog, int response, GtkWidget *widget)
{
  Chooser *chooser = g_object_get_data(G_OBJECT(widget), CHOOSER_KEY);
  g_autoptr(GFile) file = NULL;
  KjExportChosen chosen = chooser->chosen;
  KjExportFormat format = chooser->format;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));
  /* The dialog outlives this handler: the signal holds a reference. */
  g_object_set_data(G_OBJECT(widget), CHOOSER_KEY, NULL);
  if (file != NULL)
    chosen(widget, file, format);
}

void
kj_export_chooser_show(GtkWidget *widget, KjExportFormat format, const char *base_name,
                       KjExportChosen chosen)
{
  GtkRoot *root = gtk_widget_get_root(widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new();
  g_autofree char *name = NULL;
  Chooser *chooser;

  g_return_if_fail(GTK_IS_WIDGET(widget));
  g_return_if_fail(chosen != NULL);
  if (g_object_get_data(G_OBJECT(widget), CHOOSER_KEY) != NULL)
    return;

  chooser = g_new0(Chooser, 1);
  chooser->widget = widget;
  chooser->format = format;
  chooser->chosen = chosen;
  chooser->dialog = gtk_file_chooser_native_new(
      format == KJ_EXPORT_PNG ? _("Export Chart as PNG") : _("Export Chart as SVG"),
      GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
      _("_Cancel"));
  gtk_native_dialog_set_modal(GTK_NATIVE_DIALOG(chooser->dialog), TRUE);
  name = g_strconcat(base_name, format == KJ_EXPORT_PNG ? ".png" : ".svg", NULL);
  gtk_file_chooser_set_current_name(GTK_FILE_CHOOSER(chooser->dialog), name);
  gtk_file_filter_set_name(filter, format == KJ_EXPORT_PNG ? _("PNG Images") : _("SVG Images"));
  gtk_file_filter_add_mime_type(filter, format == KJ_EXPORT_PNG ? "image/png" : "image/svg+xml");
  gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(chooser->dialog), filter);
  g_signal_connect(chooser->dialog, "response", G_CALLBACK(on_response), widget);
  g_object_set_data_full(G_OBJECT(widget), CHOOSER_KEY, chooser, chooser_free);
  gtk_native_dialog_show(GTK_NATIVE_DIALOG(chooser->dialog));
}

void
kj_export_chooser_cancel(GtkWidget *widget)
{
  Chooser *chooser;

  g_return_if_fail(GTK_IS_WIDGET(widget));
  chooser = g_object_get_data(G_OBJECT(widget), CHOOSER_KEY);
  if (chooser != NULL) {
    g_signal_handlers_disconnect_by_data(chooser->dialog, widget);
    gtk_native_dialog_destroy(GTK_NATIVE_DIALOG(chooser->dialog));
  }
  g_object_set_data(G_OBJECT(widget), CHOOSER_KEY, NULL);
}

GtkWidget *
kj_export_menu_new(GtkWidget *widget, const char *prefix)
{
  g_autoptr(GMenu) menu = g_menu_new();
  g_autofree char *png = g_strconcat(prefix, ".export-png", NULL);
  g_autofree char *svg = g_strconcat(prefix, ".export-svg", NULL);
  GtkWidget *popover;

  g_return_val_if_fail(GTK_IS_WIDGET(widget), NULL);

  g_menu_append(menu, _("Export as _PNG…"), png);
  g_menu_append(menu, _("Export as _SVG…"), svg);
  popover = gtk_popover_menu_new_from_model(G_MENU_MODEL(menu));
  gtk_popover_set_has_arrow(GTK_POPOVER(popover), FALSE);
  gtk_widget_set_halign(popover, GTK_ALIGN_START);
  gtk_widget_set_parent(popover, widget);
  return popover;
}
