/* The Roadmap page's files: the autosaved working copy in the XDG data
 * directory, Open…, Save As…, Export as Image… and Restore Default. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-error.h"
#include "kj-mermaid.h"
#include "kj-roadmap-default.h"
#include "kj-roadmap-export.h"
#include "kj-roadmap-file.h"
#include "kj-roadmap-json.h"
#include "kj-roadmap-page-private.h"
#include "kj-toast.h"

#define AUTOSAVE_DELAY_MS 1000

void
kj_roadmap_page_toast(KjRoadmapPage *self, const char *message)
{
  kj_toast_show(GTK_WIDGET(self), message);
}

static void
show_error_dialog(KjRoadmapPage *self, const char *heading, const char *message)
{
  GtkRoot *root = gtk_widget_get_root(GTK_WIDGET(self));
  AdwMessageDialog *dialog;

  if (!GTK_IS_WINDOW(root)) {
    g_message("%s: %s", heading, message);
    return;
  }
  dialog = ADW_MESSAGE_DIALOG(adw_message_dialog_new(GTK_WINDOW(root), heading, message));
  adw_message_dialog_add_response(dialog, "close", _("_Close"));
  gtk_window_present(GTK_WINDOW(dialog));
}

/* ---- autosave ---- */

GFile *
kj_roadmap_page_get_autosave_file(KjRoadmapPage *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_PAGE(self), NULL);
  return self->autosave_file;
}

gboolean
kj_roadmap_page_save(KjRoadmapPage *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail(KJ_IS_ROADMAP_PAGE(self), FALSE);

  g_clear_handle_id(&self->autosave_source, g_source_remove);
  if (self->autosave_file == NULL || !kj_roadmap_get_modified(self->roadmap))
    return TRUE;
  /* A folder that cannot be made shows up as the save's own error. */
  parent = g_file_get_parent(self->autosave_file);
  if (parent != NULL)
    g_file_make_directory_with_parents(parent, NULL, NULL);
  if (kj_roadmap_save_file(self->roadmap, self->autosave_file, KJ_ROADMAP_FORMAT_JSON, NULL,
                           &local_error)) {
    g_clear_pointer(&self->last_save_error, g_free);
    return TRUE;
  }
  /* Once per problem: a full disk would otherwise toast every second. */
  if (g_strcmp0(self->last_save_error, local_error->message) != 0) {
    g_free(self->last_save_error);
    self->last_save_error = g_strdup(local_error->message);
    kj_roadmap_page_toast(self, local_error->message);
  }
  g_propagate_error(error, g_steal_pointer(&local_error));
  return FALSE;
}

static gboolean
autosave_now(gpointer user_data)
{
  KjRoadmapPage *self = user_data;

  self->autosave_source = 0;
  kj_roadmap_page_save(self, NULL);
  return G_SOURCE_REMOVE;
}

void
kj_roadmap_page_schedule_autosave(KjRoadmapPage *self)
{
  if (self->autosave_file == NULL || self->autosave_source != 0)
    return;
  self->autosave_source = g_timeout_add(AUTOSAVE_DELAY_MS, autosave_now, self);
}

void
kj_roadmap_page_files_dispose(KjRoadmapPage *self)
{
  if (self->autosave_source != 0)
    kj_roadmap_page_save(self, NULL);
  if (self->chooser != NULL) {
    g_signal_handlers_disconnect_by_data(self->chooser, self);
    gtk_native_dialog_destroy(self->chooser);
    g_clear_object(&self->chooser);
  }
  g_clear_object(&self->autosave_file);
  g_clear_pointer(&self->last_save_error, g_free);
  g_clear_pointer(&self->before_open, g_free);
}

/* Contents that became the working copy are saved as such. */
static void
replaced(KjRoadmapPage *self)
{
  kj_roadmap_page_set_selected(self, NULL);
  kj_roadmap_set_modified(self->roadmap, TRUE);
  kj_roadmap_page_schedule_autosave(self);
}

static void
use_default(KjRoadmapPage *self)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();

  kj_roadmap_replace_contents(self->roadmap, roadmap);
}

static void
show_pending_toast(GtkWidget *widget, gpointer message)
{
  g_signal_handlers_disconnect_by_func(widget, show_pending_toast, message);
  kj_roadmap_page_toast(KJ_ROADMAP_PAGE(widget), message);
  g_free(message);
}

/* A message for when the page is on screen, in a window with toasts. */
static void
toast_when_mapped(KjRoadmapPage *self, const char *message)
{
  if (gtk_widget_get_mapped(GTK_WIDGET(self)))
    kj_roadmap_page_toast(self, message);
  else
    g_signal_connect(self, "map", G_CALLBACK(show_pending_toast), g_strdup(message));
}

/* An unreadable autosave is renamed, never overwritten: the user may want
 * it back, and a newer Kuajie may read it. */
static void
keep_broken_file(KjRoadmapPage *self, const GError *load_error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local();
  g_autofree char *stamp = g_date_time_format(now, "%Y%m%d-%H%M%S");
  g_autofree char *basename = g_strdup_printf("roadmap-unreadable-%s.json", stamp);
  g_autoptr(GFile) parent = g_file_get_parent(self->autosave_file);
  g_autoptr(GFile) aside = g_file_get_child(parent, basename);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_file_move(self->autosave_file, aside, G_FILE_COPY_NONE, NULL, NULL, NULL, &error)) {
    g_autofree char *name = g_file_get_parse_name(aside);

    /* Translators: the first %s is the reason, the second a file name */
    message = g_strdup_printf(_("Your saved roadmap could not be read (%s). It was kept as “%s”; "
                                "the default roadmap is shown."),
                              load_error->message, name);
  } else {
    /* Nowhere safe to save: changes stay in memory rather than overwrite it. */
    g_clear_object(&self->autosave_file);
    /* Translators: %s is the reason */
    message = g_strdup_printf(_("Your saved roadmap could not be read (%s). It is left as it "
                                "was, and changes will not be saved automatically."),
                              load_error->message);
  }
  toast_when_mapped(self, message);
}

void
kj_roadmap_page_load(KjRoadmapPage *self, GFile *autosave_file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail(KJ_IS_ROADMAP_PAGE(self));

  g_clear_object(&self->autosave_file);
  if (autosave_file != NULL)
    self->autosave_file = g_object_ref(autosave_file);
  else
    self->autosave_file =
        g_file_new_build_filename(g_get_user_data_dir(), "kuajie", "roadmap.json", NULL);

  if (kj_roadmap_load_file(self->roadmap, self->autosave_file, KJ_ROADMAP_FORMAT_JSON, NULL, NULL,
                           &error)) {
    kj_roadmap_page_set_selected(self, NULL);
    return;
  }
  use_default(self);
  kj_roadmap_page_set_selected(self, NULL);
  /* The default is written only once the user changes something. */
  if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
      g_file_query_exists(self->autosave_file, NULL))
    keep_broken_file(self, error);
}

/* ---- replacing the roadmap, with an Undo ---- */

static void
replace_with_undo(KjRoadmapPage *self, KjRoadmap *source, const char *message)
{
  g_free(self->before_open);
  self->before_open = kj_roadmap_to_json(self->roadmap, NULL);
  kj_roadmap_replace_contents(self->roadmap, source);
  replaced(self);
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "roadmap.undo-replace", TRUE);
  kj_toast_show_with_action(GTK_WIDGET(self), message, _("_Undo"), "roadmap.undo-replace");
}

static void
undo_replace_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);
  g_autofree char *json = g_steal_pointer(&self->before_open);

  gtk_widget_action_set_enabled(widget, "roadmap.undo-replace", FALSE);
  if (json != NULL && kj_roadmap_load_json(self->roadmap, json, -1, NULL))
    replaced(self);
}

gboolean
kj_roadmap_page_can_open(GFile *file)
{
  KjRoadmapFormat format;

  return kj_roadmap_format_for_file(file, &format);
}

gboolean
kj_roadmap_page_open_file(KjRoadmapPage *self, GFile *file, GError **error)
{
  g_autoptr(KjRoadmap) opened = kj_roadmap_new();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  KjRoadmapFormat format;

  g_return_val_if_fail(KJ_IS_ROADMAP_PAGE(self), FALSE);
  g_return_val_if_fail(G_IS_FILE(file), FALSE);

  name = g_file_get_basename(file);
  if (!kj_roadmap_format_for_file(file, &format)) {
    /* Translators: %s is a file name */
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO,
                _("“%s” is not a roadmap: open a .json, .mmd or .mermaid file"), name);
    return FALSE;
  }
  if (!kj_roadmap_load_file(opened, file, format, &warnings, NULL, error))
    return FALSE;

  if (warnings != NULL && warnings->len > 0) {
    const KjMermaidWarning *first = g_ptr_array_index(warnings, 0);

    /* Translators: the file name, the number of warnings, then the first
     * warning's line, column and text */
    message = g_strdup_printf(
        g_dngettext(GETTEXT_PACKAGE, "Opened “%s” with %u warning: line %u, column %u: %s",
                    "Opened “%s” with %u warnings; the first: line %u, column %u: %s",
                    warnings->len),
        name, warnings->len, first->line, first->column, first->message);
  } else {
    /* Translators: %s is a file name */
    message = g_strdup_printf(_("Opened “%s”"), name);
  }
  replace_with_undo(self, opened, message);
  return TRUE;
}

void
kj_roadmap_page_open(KjRoadmapPage *self, GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (!kj_roadmap_page_open_file(self, file, &error))
    show_error_dialog(self, _("Could Not Open the Roadmap"), error->message);
}

/* ---- writing ---- */

gboolean
kj_roadmap_page_save_to_file(KjRoadmapPage *self, GFile *file, GError **error)
{
  KjRoadmapFormat format;
  KjRoadmapImageFormat image_format;

  g_return_val_if_fail(KJ_IS_ROADMAP_PAGE(self), FALSE);
  g_return_val_if_fail(G_IS_FILE(file), FALSE);

  if (kj_roadmap_format_for_file(file, &format)) {
    /* A copy elsewhere: the working copy still needs its autosave. */
    gboolean modified = kj_roadmap_get_modified(self->roadmap);
    gboolean saved = kj_roadmap_save_file(self->roadmap, file, format, NULL, error);

    kj_roadmap_set_modified(self->roadmap, modified);
    return saved;
  }
  if (kj_roadmap_image_format_for_file(file, &image_format))
    return kj_roadmap_export_image(self->roadmap, file, image_format, NULL, 2.0, error);

  {
    g_autofree char *name = g_file_get_basename(file);

    /* Translators: %s is a file name */
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO,
                _("Cannot tell how to write “%s”: name it .json, .mmd, .png, .svg or .pdf"), name);
  }
  return FALSE;
}

/* ---- file choosers ---- */

typedef struct {
  const char *name; /* N_() */
  const char *pattern;
  const char *extension; /* added when the chosen name has none */
} FileType;

static const FileType document_types[] = {
  { N_("Roadmap (JSON)"), "*.json", ".json" },
  { N_("Mermaid flowchart"), "*.mmd", ".mmd" },
};

static const FileType image_types[] = {
  { N_("PNG image"), "*.png", ".png" },
  { N_("SVG image"), "*.svg", ".svg" },
  { N_("PDF document"), "*.pdf", ".pdf" },
};

static void
add_filters(GtkFileChooser *chooser, const FileType *types, guint n_types)
{
  for (guint i = 0; i < n_types; i++) {
    GtkFileFilter *filter = gtk_file_filter_new();

    gtk_file_filter_set_name(filter, _(types[i].name));
    gtk_file_filter_add_pattern(filter, types[i].pattern);
    g_object_set_data(G_OBJECT(filter), "kj-extension", (gpointer)types[i].extension);
    gtk_file_chooser_add_filter(chooser, filter);
    g_object_unref(filter);
  }
}

/* The chosen file, with the selected filter's extension when it has none. */
static GFile *
chosen_file(GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file(chooser);
  g_autofree char *basename = NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter(chooser);
  const char *extension =
      filter != NULL ? g_object_get_data(G_OBJECT(filter), "kj-extension") : NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *with_extension = NULL;

  if (file == NULL)
    return NULL;
  basename = g_file_get_basename(file);
  if (extension == NULL || strrchr(basename, '.') != NULL)
    return g_steal_pointer(&file);
  parent = g_file_get_parent(file);
  with_extension = g_strconcat(basename, extension, NULL);
  return g_file_get_child(parent, with_extension);
}

static void
chooser_done(KjRoadmapPage *self)
{
  if (self->chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data(self->chooser, self);
  gtk_native_dialog_destroy(self->chooser);
  g_clear_object(&self->chooser);
}

static void
open_response(GtkNativeDialog *dialog, int response, KjRoadmapPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));
  chooser_done(self);
  if (file != NULL)
    kj_roadmap_page_open(self, file);
}

static void
save_response(GtkNativeDialog *dialog, int response, KjRoadmapPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = chosen_file(GTK_FILE_CHOOSER(dialog));
  chooser_done(self);
  if (file == NULL)
    return;
  if (kj_roadmap_page_save_to_file(self, file, &error)) {
    g_autofree char *name = g_file_get_basename(file);
    g_autofree char *message = g_strdup_printf(_("Saved “%s”"), name);

    kj_roadmap_page_toast(self, message);
  } else {
    show_error_dialog(self, _("Could Not Save the Roadmap"), error->message);
  }
}

static void
run_chooser(KjRoadmapPage *self, GtkFileChooserNative *chooser, GCallback response)
{
  chooser_done(self);
  self->chooser = GTK_NATIVE_DIALOG(chooser);
  gtk_native_dialog_set_modal(self->chooser, TRUE);
  g_signal_connect(self->chooser, "response", response, self);
  gtk_native_dialog_show(self->chooser);
}

static GtkWindow *
parent_window(KjRoadmapPage *self)
{
  GtkRoot *root = gtk_widget_get_root(GTK_WIDGET(self));

  return GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL;
}

static void
open_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new();

  chooser = gtk_file_chooser_native_new(_("Open a Roadmap"), parent_window(self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name(filter, _("Roadmaps (JSON, Mermaid)"));
  gtk_file_filter_add_pattern(filter, "*.json");
  gtk_file_filter_add_pattern(filter, "*.mmd");
  gtk_file_filter_add_pattern(filter, "*.mermaid");
  gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(chooser), filter);
  g_object_unref(filter);
  run_chooser(self, chooser, G_CALLBACK(open_response));
}

static void
save_as_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);
  gboolean image = g_str_equal(action_name, "roadmap.export-image");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new(
      image ? _("Export the Roadmap as an Image") : _("Save the Roadmap As"), parent_window(self),
      GTK_FILE_CHOOSER_ACTION_SAVE, image ? _("_Export") : _("_Save"), _("_Cancel"));
  if (image)
    add_filters(GTK_FILE_CHOOSER(chooser), image_types, G_N_ELEMENTS(image_types));
  else
    add_filters(GTK_FILE_CHOOSER(chooser), document_types, G_N_ELEMENTS(document_types));
  /* Translators: a file name; keep it free of spaces */
  gtk_file_chooser_set_current_name(GTK_FILE_CHOOSER(chooser),
                                    image ? _("roadmap.png") : _("roadmap.json"));
  run_chooser(self, chooser, G_CALLBACK(save_response));
}

static void
restore_response(AdwMessageDialog *dialog, const char *response, KjRoadmapPage *self)
{
  g_autoptr(KjRoadmap) roadmap = NULL;

  if (!g_str_equal(response, "restore"))
    return;
  roadmap = kj_roadmap_new_default();
  replace_with_undo(self, roadmap, _("The default roadmap was restored"));
}

static void
restore_default_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapPage *self = KJ_ROADMAP_PAGE(widget);
  GtkWindow *window = parent_window(self);
  AdwMessageDialog *dialog;

  if (window == NULL) {
    restore_response(NULL, "restore", self);
    return;
  }
  dialog = ADW_MESSAGE_DIALOG(adw_message_dialog_new(
      window, _("Restore the Default Roadmap?"),
      _("Your topics, statuses and notes are replaced by the seed’s roadmap. Save a copy first "
        "if you want to keep them; the notification that follows also offers Undo.")));
  adw_message_dialog_add_responses(dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance(dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response(dialog, "cancel");
  adw_message_dialog_set_close_response(dialog, "cancel");
  g_signal_connect_object(dialog, "response", G_CALLBACK(restore_response), self, 0);
  gtk_window_present(GTK_WINDOW(dialog));
}

void
kj_roadmap_page_install_file_actions(GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action(widget_class, "roadmap.open", NULL, open_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.export-image", NULL, save_as_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.restore-default", NULL,
                                  restore_default_activated);
  gtk_widget_class_install_action(widget_class, "roadmap.undo-replace", NULL,
                                  undo_replace_activated);
}
