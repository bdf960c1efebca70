/* The Lab page's files: Open Model… and Save Model…, Export Predictions…
 * (a CSV of the last epoch's predictions), and files opened from outside
 * (kuajie FILE…). */
#include "config.h"

#include <glib/gi18n.h>

#include "kj-lab-page-private.h"
#include "kj-predictions-csv.h"

static void
model_chosen(GtkNativeDialog *dialog, int response, KjLabPage *self)
{
  GtkFileChooserAction action = gtk_file_chooser_get_action(GTK_FILE_CHOOSER(dialog));

  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));

    if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
      kj_lab_engine_save_model(self->engine, file);
    else
      kj_lab_engine_load_model(self->engine, file);
  }
  gtk_native_dialog_destroy(dialog);
  g_object_unref(dialog);
}

static GtkFileFilter *
model_filter(void)
{
  GtkFileFilter *filter = gtk_file_filter_new();

  gtk_file_filter_set_name(filter, _("Models (safetensors)"));
  gtk_file_filter_add_pattern(filter, "*.safetensors");
  return filter;
}

static void
model_file_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjLabPage *self = KJ_LAB_PAGE(widget);
  gboolean save = g_str_equal(action_name, "lab.save-model");
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = model_filter();

  dialog = gtk_file_chooser_native_new(
      save ? _("Save Model") : _("Open Model"), GTK_WINDOW(gtk_widget_get_root(widget)),
      save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
      save ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(dialog), filter);
  if (save)
    gtk_file_chooser_set_current_name(GTK_FILE_CHOOSER(dialog), "model.safetensors");
  gtk_native_dialog_set_modal(GTK_NATIVE_DIALOG(dialog), TRUE);
  g_signal_connect(dialog, "response", G_CALLBACK(model_chosen), self);
  gtk_native_dialog_show(GTK_NATIVE_DIALOG(dialog));
}

static void
csv_chosen(GtkNativeDialog *dialog, int response, KjLabPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->last_epoch != NULL) {
    g_autoptr(GFile) file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));
    g_autoptr(GError) error = NULL;
    const KjLabEvent *e = self->last_epoch;

    if (!kj_predictions_csv_save(file, e->images, e->indices, e->n_predictions, e->predictions,
                                 KJ_LAB_TOP_K, (const char *const *)self->class_names, &error))
      kj_lab_page_toast(self, error->message);
    else {
      g_autofree char *name = g_file_get_basename(file);
      g_autofree char *message = g_strdup_printf(_("Predictions saved as “%s”"), name);

      kj_lab_page_toast(self, message);
    }
  }
  gtk_native_dialog_destroy(dialog);
  g_object_unref(dialog);
}

static void
export_predictions_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkFileChooserNative *dialog;

  dialog =
      gtk_file_chooser_native_new(_("Export Predictions"), GTK_WINDOW(gtk_widget_get_root(widget)),
                                  GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name(GTK_FILE_CHOOSER(dialog), "predictions.csv");
  gtk_native_dialog_set_modal(GTK_NATIVE_DIALOG(dialog), TRUE);
  g_signal_connect(dialog, "response", G_CALLBACK(csv_chosen), widget);
  gtk_native_dialog_show(GTK_NATIVE_DIALOG(dialog));
}

void
kj_lab_page_open_files(KjLabPage *self, GFile **files, int n_files)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new();

  g_return_if_fail(KJ_IS_LAB_PAGE(self));
  for (int i = 0; i < n_files; i++) {
    g_autofree char *name = g_file_get_basename(files[i]);

    if (name != NULL && g_str_has_suffix(name, ".safetensors"))
      kj_lab_engine_load_model(self->engine, files[i]);
    else
      g_ptr_array_add(images, files[i]);
  }
  if (images->len > 0) {
    kj_classify_view_classify_files(self->classify, (GFile **)images->pdata, images->len);
    gtk_stack_set_visible_child_name(self->views, "classify");
  }
}

void
kj_lab_page_install_file_actions(GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action(widget_class, "lab.open-model", NULL, model_file_activated);
  gtk_widget_class_install_action(widget_class, "lab.save-model", NULL, model_file_activated);
  gtk_widget_class_install_action(widget_class, "lab.export-predictions", NULL,
                                  export_predictions_activated);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "lab.open-model",
                                      NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "lab.save-model",
                                      NULL);
}
