#include "config.h"

#include "kj-dataset-editor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-image-drop.h"
#include "kj-image.h"
#include "kj-toast.h"

#define THUMB_SIZE   64  /* logical pixels on screen */
#define THUMB_DECODE 128 /* decoded pixels: sharp at scale 2 */
#define MAX_THUMBS   40  /* per class; the rest are counted */

static void report_error(KjDatasetEditor *self, const char *message);
static void choose_images(KjDatasetEditor *self, const char *class_name);
static void paste_images(KjDatasetEditor *self, const char *class_name);
static void confirm_delete(KjDatasetEditor *self, const char *class_name);
static void delete_image(KjDatasetEditor *self, const char *class_name, const char *image_name);
static void add_value(KjDatasetEditor *self, const char *class_name, const GValue *value);

/* KjDatasetClassRow: one class card.  Private to the editor, which fills it
 * in; its actions forward to the editor it sits in. */

#define KJ_TYPE_DATASET_CLASS_ROW (kj_dataset_class_row_get_type())
G_DECLARE_FINAL_TYPE(KjDatasetClassRow, kj_dataset_class_row, KJ, DATASET_CLASS_ROW, GtkListBoxRow)

struct _KjDatasetClassRow {
  GtkListBoxRow parent_instance;

  GtkStack *name_stack; /* the name, or an entry while it is renamed */
  GtkLabel *name_label;
  GtkEntry *name_entry;
  GtkWidget *add_button;
  GtkLabel *count_label;
  GtkSpinner *spinner;
  GtkStack *strip_stack;
  GtkBox *strip;

  char *name;
  char *key; /* collation key: the list's order */
  gint64 n_images;
  char **images; /* the names shown, at most MAX_THUMBS */
  gboolean renaming;
};

G_DEFINE_FINAL_TYPE(KjDatasetClassRow, kj_dataset_class_row, GTK_TYPE_LIST_BOX_ROW)

static KjDatasetEditor *
row_get_editor(KjDatasetClassRow *row)
{
  GtkWidget *editor = gtk_widget_get_ancestor(GTK_WIDGET(row), KJ_TYPE_DATASET_EDITOR);

  return editor != NULL ? KJ_DATASET_EDITOR(editor) : NULL;
}

static void
row_set_name(KjDatasetClassRow *row, const char *name)
{
  g_free(row->name);
  g_free(row->key);
  row->name = g_strdup(name);
  row->key = g_utf8_collate_key_for_filename(name, -1);
  gtk_label_set_text(row->name_label, name);
  gtk_accessible_update_property(GTK_ACCESSIBLE(row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Renaming happens in place: a click on the name or F2 opens an entry,
 * Enter commits, Escape cancels, and leaving the entry commits.  (Not a
 * GtkEditableLabel: GTK 4.8's runs a timeout after it is destroyed.) */
static void
row_set_renaming(KjDatasetClassRow *row, gboolean renaming)
{
  row->renaming = renaming;
  /* Escape goes elsewhere when there is nothing to cancel. */
  gtk_widget_action_set_enabled(GTK_WIDGET(row), "class.cancel-rename", renaming);
}

static void
row_stop_renaming(KjDatasetClassRow *row)
{
  GtkRoot *root = gtk_widget_get_root(GTK_WIDGET(row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus(root) : NULL;
  GtkWidget *entry = GTK_WIDGET(row->name_entry);

  row_set_renaming(row, FALSE);
  gtk_widget_remove_css_class(entry, "error");
  gtk_stack_set_visible_child_name(row->name_stack, "label");
  /* Keyboard users stay on the card. */
  if (focus != NULL && (focus == entry || gtk_widget_is_ancestor(focus, entry)))
    gtk_widget_grab_focus(row->add_button);
}

/* A refused name is reported; with keep_open the entry stays, to fix it. */
static void
row_commit_rename(KjDatasetClassRow *row, gboolean keep_open)
{
  KjDatasetEditor *editor = row_get_editor(row);
  g_autofree char *text = g_strdup(gtk_editable_get_text(GTK_EDITABLE(row->name_entry)));
  g_autofree char *old_name = g_strdup(row->name);
  g_autoptr(GError) error = NULL;

  if (!row->renaming)
    return;
  if (editor == NULL || g_strcmp0(text, row->name) == 0 ||
      kj_dataset_editor_rename_class(editor, old_name, text, &error)) {
    row_stop_renaming(row);
    return;
  }
  if (keep_open)
    gtk_widget_add_css_class(GTK_WIDGET(row->name_entry), "error");
  else
    row_stop_renaming(row);
  report_error(editor, error->message);
}

static void
on_name_entry_activate(GtkEntry *entry, KjDatasetClassRow *row)
{
  row_commit_rename(row, TRUE);
}

static void
on_name_entry_changed(GtkEditable *entry, KjDatasetClassRow *row)
{
  gtk_widget_remove_css_class(GTK_WIDGET(entry), "error");
}

static void
on_name_entry_leave(GtkEventControllerFocus *focus, KjDatasetClassRow *row)
{
  GtkRoot *root = gtk_widget_get_root(GTK_WIDGET(row));

  /* Not when the window closes: nothing is renamed behind the user's back. */
  if (root != NULL && !gtk_widget_in_destruction(GTK_WIDGET(root)) &&
      !gtk_widget_in_destruction(GTK_WIDGET(row)) &&
      gtk_widget_get_mapped(GTK_WIDGET(row->name_entry)))
    row_commit_rename(row, FALSE);
}

static void
on_name_pressed(GtkGestureClick *gesture, int n_press, double x, double y, KjDatasetClassRow *row)
{
  gtk_widget_activate_action(GTK_WIDGET(row), "class.rename", NULL);
}

static gboolean
on_drop(GtkDropTarget *target, const GValue *value, double x, double y, KjDatasetClassRow *row)
{
  KjDatasetEditor *editor = row_get_editor(row);

  if (editor == NULL)
    return FALSE;
  add_value(editor, row->name, value);
  return TRUE;
}

static void
row_add_images_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);
  KjDatasetEditor *editor = row_get_editor(row);

  if (editor != NULL)
    choose_images(editor, row->name);
}

static void
row_paste_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);
  KjDatasetEditor *editor = row_get_editor(row);

  if (editor != NULL)
    paste_images(editor, row->name);
}

static void
row_rename_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);

  if (row->renaming)
    return;
  row_set_renaming(row, TRUE);
  gtk_editable_set_text(GTK_EDITABLE(row->name_entry), row->name);
  gtk_stack_set_visible_child_name(row->name_stack, "entry");
  gtk_widget_grab_focus(GTK_WIDGET(row->name_entry));
  gtk_editable_select_region(GTK_EDITABLE(row->name_entry), 0, -1);
}

static void
row_cancel_rename_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);

  if (row->renaming)
    row_stop_renaming(row);
}

static void
row_delete_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);
  KjDatasetEditor *editor = row_get_editor(row);

  if (editor != NULL)
    confirm_delete(editor, row->name);
}

/* The parameter is the image's file name as on disk: a bytestring. */
static void
row_delete_image_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);
  KjDatasetEditor *editor = row_get_editor(row);

  if (editor != NULL)
    delete_image(editor, row->name, g_variant_get_bytestring(parameter));
}

static void
kj_dataset_class_row_finalize(GObject *object)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(object);

  g_free(row->name);
  g_free(row->key);
  g_strfreev(row->images);
  G_OBJECT_CLASS(kj_dataset_class_row_parent_class)->finalize(object);
}

static void
kj_dataset_class_row_class_init(KjDatasetClassRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  G_OBJECT_CLASS(klass)->finalize = kj_dataset_class_row_finalize;

  gtk_widget_class_install_action(widget_class, "class.add-images", NULL, row_add_images_activated);
  gtk_widget_class_install_action(widget_class, "class.paste", NULL, row_paste_activated);
  gtk_widget_class_install_action(widget_class, "class.rename", NULL, row_rename_activated);
  gtk_widget_class_install_action(widget_class, "class.cancel-rename", NULL,
                                  row_cancel_rename_activated);
  gtk_widget_class_install_action(widget_class, "class.delete", NULL, row_delete_activated);
  gtk_widget_class_install_action(widget_class, "class.delete-image", "ay",
                                  row_delete_image_activated);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_F2, 0, "class.rename", NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_Escape, 0, "class.cancel-rename", NULL);
  gtk_widget_class_add_binding_action(widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "class.paste",
                                      NULL);
}

static GMenuModel *
class_menu_new(void)
{
  GMenu *menu = g_menu_new();
  g_autoptr(GMenu) edit = g_menu_new();
  g_autoptr(GMenu) danger = g_menu_new();

  g_menu_append(edit, _("_Rename"), "class.rename");
  g_menu_append(edit, _("_Paste Image"), "class.paste");
  g_menu_append(danger, _("_Delete Class…"), "class.delete");
  g_menu_append_section(menu, NULL, G_MENU_MODEL(edit));
  g_menu_append_section(menu, NULL, G_MENU_MODEL(danger));
  return G_MENU_MODEL(menu);
}

/* The name (a label, or an entry while it is renamed) over the count. */
static GtkWidget *
row_build_titles(KjDatasetClassRow *row)
{
  GtkWidget *titles = gtk_box_new(GTK_ORIENTATION_VERTICAL, 2);
  GtkGesture *click = gtk_gesture_click_new();
  GtkEventController *focus = gtk_event_controller_focus_new();

  row->name_label = GTK_LABEL(gtk_label_new(NULL));
  gtk_label_set_xalign(row->name_label, 0);
  gtk_label_set_ellipsize(row->name_label, PANGO_ELLIPSIZE_END);
  /* Only the name itself is clicked to rename. */
  gtk_widget_set_halign(GTK_WIDGET(row->name_label), GTK_ALIGN_START);
  gtk_widget_add_css_class(GTK_WIDGET(row->name_label), "heading");
  gtk_widget_set_tooltip_text(GTK_WIDGET(row->name_label), _("Click or press F2 to rename"));
  g_signal_connect(click, "pressed", G_CALLBACK(on_name_pressed), row);
  gtk_widget_add_controller(GTK_WIDGET(row->name_label), GTK_EVENT_CONTROLLER(click));

  row->name_entry = GTK_ENTRY(gtk_entry_new());
  gtk_entry_set_max_length(row->name_entry, KJ_CLASS_FOLDER_MAX_NAME);
  gtk_accessible_update_property(GTK_ACCESSIBLE(row->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                 _("Class name"), -1);
  g_signal_connect(row->name_entry, "activate", G_CALLBACK(on_name_entry_activate), row);
  g_signal_connect(row->name_entry, "changed", G_CALLBACK(on_name_entry_changed), row);
  g_signal_connect(focus, "leave", G_CALLBACK(on_name_entry_leave), row);
  gtk_widget_add_controller(GTK_WIDGET(row->name_entry), focus);

  row->name_stack = GTK_STACK(gtk_stack_new());
  gtk_stack_set_vhomogeneous(row->name_stack, FALSE);
  gtk_stack_set_hhomogeneous(row->name_stack, FALSE);
  gtk_stack_add_named(row->name_stack, GTK_WIDGET(row->name_label), "label");
  gtk_stack_add_named(row->name_stack, GTK_WIDGET(row->name_entry), "entry");

  row->count_label = GTK_LABEL(gtk_label_new(NULL));
  gtk_label_set_xalign(row->count_label, 0);
  gtk_widget_add_css_class(GTK_WIDGET(row->count_label), "caption");
  gtk_widget_add_css_class(GTK_WIDGET(row->count_label), "dim-label");
  gtk_widget_add_css_class(GTK_WIDGET(row->count_label), "numeric");

  gtk_box_append(GTK_BOX(titles), GTK_WIDGET(row->name_stack));
  gtk_box_append(GTK_BOX(titles), GTK_WIDGET(row->count_label));
  gtk_widget_set_hexpand(titles, TRUE);
  gtk_widget_set_valign(titles, GTK_ALIGN_CENTER);
  return titles;
}

/* The titles, a spinner while images are added, Add Images… and a menu. */
static GtkWidget *
row_build_header(KjDatasetClassRow *row)
{
  GtkWidget *header = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_content = adw_button_content_new();
  GtkWidget *menu_button = gtk_menu_button_new();
  g_autoptr(GMenuModel) menu = class_menu_new();

  row->spinner = GTK_SPINNER(gtk_spinner_new());
  gtk_widget_set_visible(GTK_WIDGET(row->spinner), FALSE);
  gtk_widget_set_tooltip_text(GTK_WIDGET(row->spinner), _("Adding images…"));

  adw_button_content_set_icon_name(ADW_BUTTON_CONTENT(add_content), "list-add-symbolic");
  adw_button_content_set_label(ADW_BUTTON_CONTENT(add_content), _("Add _Images…"));
  adw_button_content_set_use_underline(ADW_BUTTON_CONTENT(add_content), TRUE);
  row->add_button = gtk_button_new();
  gtk_button_set_child(GTK_BUTTON(row->add_button), add_content);
  gtk_actionable_set_action_name(GTK_ACTIONABLE(row->add_button), "class.add-images");
  gtk_widget_set_valign(row->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class(row->add_button, "flat");

  gtk_menu_button_set_icon_name(GTK_MENU_BUTTON(menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model(GTK_MENU_BUTTON(menu_button), menu);
  gtk_widget_set_tooltip_text(menu_button, _("Class Menu"));
  gtk_widget_set_valign(menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class(menu_button, "flat");

  gtk_box_append(GTK_BOX(header), row_build_titles(row));
  gtk_box_append(GTK_BOX(header), GTK_WIDGET(row->spinner));
  gtk_box_append(GTK_BOX(header), row->add_button);
  gtk_box_append(GTK_BOX(header), menu_button);
  return header;
}

/* The thumbnails, scrolled sideways, or a drop hint while there are none. */
static GtkWidget *
row_build_strip(KjDatasetClassRow *row)
{
  GtkWidget *hint = gtk_label_new(_("Drop images here, or use Add Images"));
  GtkWidget *scroller = gtk_scrolled_window_new();

  row->strip = GTK_BOX(gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_scrolled_window_set_policy(GTK_SCROLLED_WINDOW(scroller), GTK_POLICY_AUTOMATIC,
                                 GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child(GTK_SCROLLED_WINDOW(scroller), GTK_WIDGET(row->strip));
  gtk_widget_add_css_class(scroller, "kj-dataset-strip");
  gtk_label_set_wrap(GTK_LABEL(hint), TRUE);
  gtk_label_set_justify(GTK_LABEL(hint), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class(hint, "kj-dataset-drop-hint");
  gtk_widget_add_css_class(hint, "dim-label");

  row->strip_stack = GTK_STACK(gtk_stack_new());
  gtk_stack_set_vhomogeneous(row->strip_stack, FALSE);
  gtk_stack_add_named(row->strip_stack, hint, "empty");
  gtk_stack_add_named(row->strip_stack, scroller, "images");
  return GTK_WIDGET(row->strip_stack);
}

static void
kj_dataset_class_row_init(KjDatasetClassRow *row)
{
  GtkWidget *card = gtk_box_new(GTK_ORIENTATION_VERTICAL, 10);
  GtkDropTarget *drop = gtk_drop_target_new(G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE };

  gtk_list_box_row_set_activatable(GTK_LIST_BOX_ROW(row), FALSE);
  gtk_widget_set_focusable(GTK_WIDGET(row), FALSE);
  gtk_widget_action_set_enabled(GTK_WIDGET(row), "class.cancel-rename", FALSE);
  gtk_widget_add_css_class(card, "card");
  gtk_widget_add_css_class(card, "kj-dataset-class-card");
  gtk_box_append(GTK_BOX(card), row_build_header(row));
  gtk_box_append(GTK_BOX(card), row_build_strip(row));
  gtk_list_box_row_set_child(GTK_LIST_BOX_ROW(row), card);

  /* On the card, so that its :drop(active) style shows where images go. */
  gtk_drop_target_set_gtypes(drop, types, G_N_ELEMENTS(types));
  g_signal_connect(drop, "drop", G_CALLBACK(on_drop), row);
  gtk_widget_add_controller(card, GTK_EVENT_CONTROLLER(drop));
}

static GtkWidget *
kj_dataset_class_row_new(const char *name)
{
  KjDatasetClassRow *row = g_object_new(KJ_TYPE_DATASET_CLASS_ROW, NULL);

  row_set_name(row, name);
  return GTK_WIDGET(row);
}

static void
row_set_adding(KjDatasetClassRow *row, gboolean adding)
{
  gtk_widget_set_visible(GTK_WIDGET(row->spinner), adding);
  gtk_spinner_set_spinning(row->spinner, adding);
}

/* The editor */

struct _KjDatasetEditor {
  AdwBin parent_instance;

  /* template widgets */
  GtkLabel *folder_label;
  GtkEntry *class_entry;
  GtkStack *content_stack;
  GtkListBox *class_list;
  GtkLabel *summary_label;

  /* owned */
  KjClassFolder *folder;
  GHashTable *rows;          /* class name → KjDatasetClassRow, borrowed from class_list */
  GHashTable *thumbnails;    /* image path → GdkTexture, or NULL when it cannot be decoded */
  GHashTable *loading;       /* image paths being decoded */
  GHashTable *adding;        /* class name → how many add tasks are filling it */
  GCancellable *cancellable; /* every task on the current folder */
  guint generation;          /* which folder a finished task was for */
  guint n_adding;            /* tasks, whatever their folder */
  guint n_loading;
  gboolean can_train;
  GtkNativeDialog *chooser;
  char *chooser_class; /* the class images are chosen for; NULL: the folder chooser */
  GtkWidget *delete_dialog;
  GPtrArray *monitors; /* GFileMonitor: the folder and each class folder */
  guint reload_source;
};

G_DEFINE_FINAL_TYPE(KjDatasetEditor, kj_dataset_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_BUSY,
  PROP_CAN_TRAIN,
  N_PROPS,
};

enum {
  SIGNAL_TRAIN_REQUESTED,
  SIGNAL_ERROR,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
report_error(KjDatasetEditor *self, const char *message)
{
  gboolean handled = FALSE;

  g_signal_emit(self, signals[SIGNAL_ERROR], 0, message, &handled);
}

/* The "error" signal's last resort: a toast in the overlay holding us. */
static gboolean
kj_dataset_editor_real_error(KjDatasetEditor *self, const char *message)
{
  if (gtk_widget_get_ancestor(GTK_WIDGET(self), ADW_TYPE_TOAST_OVERLAY) == NULL) {
    g_debug("%s", message);
    return FALSE;
  }
  kj_toast_show(GTK_WIDGET(self), message);
  return TRUE;
}

static KjDatasetClassRow *
find_row(KjDatasetEditor *self, const char *class_name)
{
  return class_name != NULL ? g_hash_table_lookup(self->rows, class_name) : NULL;
}

static gboolean
get_busy(KjDatasetEditor *self)
{
  return self->n_adding > 0 || self->n_loading > 0;
}

/* The action bar's line, the Train action and the empty state. */
static void
update_state(KjDatasetEditor *self)
{
  guint n_classes = g_hash_table_size(self->rows);
  KjDatasetClassRow *first_empty = NULL;
  guint64 total = 0;
  g_autofree char *summary = NULL;
  gboolean can_train;

  for (int i = 0;; i++) {
    GtkListBoxRow *item = gtk_list_box_get_row_at_index(self->class_list, i);
    KjDatasetClassRow *row;

    if (item == NULL)
      break;
    row = KJ_DATASET_CLASS_ROW(item);
    total += (guint64)MAX(row->n_images, 0);
    if (row->n_images <= 0 && first_empty == NULL)
      first_empty = row;
  }
  can_train = n_classes >= 2 && first_empty == NULL;

  if (self->n_adding > 0)
    summary = g_strdup(_("Adding images…"));
  else if (n_classes < 2)
    summary = g_strdup(_("Add at least two classes to train"));
  else if (first_empty != NULL)
    summary = g_strdup_printf(_("Add images to “%s” to train"), first_empty->name);
  else
    summary = g_strdup_printf(
        ngettext("Ready to train on %u image", "Ready to train on %u images", (gulong)total),
        (guint)total);
  gtk_label_set_text(self->summary_label, summary);
  gtk_stack_set_visible_child_name(self->content_stack, n_classes > 0 ? "classes" : "empty");
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "dataset.train",
                                can_train && self->n_adding == 0);
  if (can_train != self->can_train) {
    self->can_train = can_train;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_CAN_TRAIN]);
  }
}

static void
set_counts(KjDatasetEditor *self, guint *counter, int delta)
{
  gboolean was_busy = get_busy(self);

  *counter = (guint)((int)*counter + delta);
  if (get_busy(self) != was_busy)
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BUSY]);
}

/* Thumbnails */

static void
unref_if_set(gpointer data)
{
  if (data != NULL)
    g_object_unref(data);
}

static void
thumbnail_set_paintable(GtkWidget *thumbnail, KjDatasetEditor *self)
{
  GtkImage *image = GTK_IMAGE(gtk_menu_button_get_child(GTK_MENU_BUTTON(thumbnail)));
  const char *path = g_object_get_data(G_OBJECT(thumbnail), "path");
  gpointer texture = NULL;

  if (!g_hash_table_lookup_extended(self->thumbnails, path, NULL, &texture))
    return; /* still decoding: the tile's background shows */
  if (texture != NULL) {
    gtk_image_set_from_paintable(image, GDK_PAINTABLE(texture));
    gtk_image_set_pixel_size(image, THUMB_SIZE);
  } else {
    gtk_image_set_from_icon_name(image, "image-missing-symbolic");
    gtk_image_set_pixel_size(image, 24);
  }
}

static void
on_thumbnail_pressed(GtkGestureClick *gesture, int n_press, double x, double y,
                     GtkMenuButton *button)
{
  gtk_menu_button_popup(button);
  gtk_gesture_set_state(GTK_GESTURE(gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static GtkWidget *
thumbnail_new(KjDatasetEditor *self, const char *path, const char *image_name)
{
  GtkWidget *button = gtk_menu_button_new();
  GtkWidget *image = gtk_image_new();
  GtkGesture *right_click = gtk_gesture_click_new();
  g_autoptr(GMenu) menu = g_menu_new();
  g_autoptr(GMenuItem) item = g_menu_item_new(_("_Delete Image"), NULL);
  g_autofree char *display = g_filename_display_name(image_name);

  g_menu_item_set_action_and_target_value(item, "class.delete-image",
                                          g_variant_new_bytestring(image_name));
  g_menu_append_item(menu, item);
  gtk_menu_button_set_menu_model(GTK_MENU_BUTTON(button), G_MENU_MODEL(menu));
  gtk_menu_button_set_child(GTK_MENU_BUTTON(button), image);
  gtk_widget_add_css_class(button, "kj-dataset-thumbnail");
  /* Clips the picture to the tile's rounded corners. */
  gtk_widget_set_overflow(button, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_tooltip_text(button, display);
  gtk_accessible_update_property(GTK_ACCESSIBLE(button), GTK_ACCESSIBLE_PROPERTY_LABEL, display,
                                 -1);
  g_object_set_data_full(G_OBJECT(button), "path", g_strdup(path), g_free);

  gtk_gesture_single_set_button(GTK_GESTURE_SINGLE(right_click), GDK_BUTTON_SECONDARY);
  g_signal_connect(right_click, "pressed", G_CALLBACK(on_thumbnail_pressed), button);
  gtk_widget_add_controller(button, GTK_EVENT_CONTROLLER(right_click));

  thumbnail_set_paintable(button, self);
  return button;
}

static void
row_update_thumbnails(KjDatasetEditor *self, KjDatasetClassRow *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child(GTK_WIDGET(row->strip)); child != NULL;
       child = gtk_widget_get_next_sibling(child))
    if (GTK_IS_MENU_BUTTON(child))
      thumbnail_set_paintable(child, self);
}

/* Shows the class's count and its first images. */
static void
row_set_images(KjDatasetEditor *self, KjDatasetClassRow *row, char **images)
{
  guint n = images != NULL ? g_strv_length(images) : 0;
  guint shown = MIN(n, MAX_THUMBS);
  g_autofree char *count = g_strdup_printf(ngettext("%u image", "%u images", n), n);
  GtkWidget *child;
  char **names;

  row->n_images = n;
  gtk_label_set_text(row->count_label, count);
  gtk_stack_set_visible_child_name(row->strip_stack, n > 0 ? "images" : "empty");

  names = g_new0(char *, shown + 1);
  for (guint i = 0; i < shown; i++)
    names[i] = g_strdup(images[i]);
  /* Unchanged strips keep their scroll position and open menus. */
  if (row->images != NULL &&
      g_strv_equal((const char *const *)row->images, (const char *const *)names)) {
    g_strfreev(names);
  } else {
    g_autoptr(GFile) folder = kj_class_folder_get_class_file(self->folder, row->name);

    g_strfreev(row->images);
    row->images = names;
    while ((child = gtk_widget_get_first_child(GTK_WIDGET(row->strip))) != NULL)
      gtk_box_remove(row->strip, child);
    for (guint i = 0; i < shown; i++) {
      g_autoptr(GFile) file = g_file_get_child(folder, names[i]);
      g_autofree char *path = g_file_get_path(file);

      gtk_box_append(row->strip, thumbnail_new(self, path, names[i]));
    }
  }
  /* "+12": the images not shown. */
  child = gtk_widget_get_last_child(GTK_WIDGET(row->strip));
  if (child != NULL && GTK_IS_LABEL(child))
    gtk_box_remove(row->strip, child);
  if (n > shown) {
    g_autofree char *more = g_strdup_printf("+%u", n - shown);
    GtkWidget *label = gtk_label_new(more);

    gtk_widget_add_css_class(label, "kj-dataset-more");
    gtk_widget_add_css_class(label, "dim-label");
    gtk_box_append(row->strip, label);
  }
}

typedef struct {
  GWeakRef editor;
  guint generation;
  GPtrArray *paths;   /* char * */
  GPtrArray *pixbufs; /* GdkPixbuf *, or NULL; written by the worker */
} ThumbnailJob;

static void
thumbnail_job_free(gpointer data)
{
  ThumbnailJob *job = data;

  g_weak_ref_clear(&job->editor);
  g_ptr_array_unref(job->paths);
  g_ptr_array_unref(job->pixbufs);
  g_free(job);
}

/* The centre square, its side THUMB_DECODE pixels or the image's own short
 * side when smaller.  Only the header is read for an image too large. */
static GdkPixbuf *
decode_thumbnail(const char *path)
{
  int width = 0, height = 0, side, ow, oh;
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;

  if (gdk_pixbuf_get_file_info(path, &width, &height) == NULL || width < 1 || height < 1 ||
      width > KJ_IMAGE_MAX_SIDE || height > KJ_IMAGE_MAX_SIDE ||
      (gint64)width * height > KJ_IMAGE_MAX_PIXELS)
    return NULL;
  if (MIN(width, height) <= THUMB_DECODE)
    loaded = gdk_pixbuf_new_from_file(path, NULL);
  else if (width <= height)
    loaded = gdk_pixbuf_new_from_file_at_scale(path, THUMB_DECODE, -1, TRUE, NULL);
  else
    loaded = gdk_pixbuf_new_from_file_at_scale(path, -1, THUMB_DECODE, TRUE, NULL);
  if (loaded == NULL)
    return NULL;
  oriented = gdk_pixbuf_apply_embedded_orientation(loaded);
  ow = gdk_pixbuf_get_width(oriented);
  oh = gdk_pixbuf_get_height(oriented);
  side = MIN(ow, oh);
  return gdk_pixbuf_new_subpixbuf(oriented, (ow - side) / 2, (oh - side) / 2, side, side);
}

static void
thumbnail_worker(GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ThumbnailJob *job = data;

  for (guint i = 0; i < job->paths->len; i++) {
    if (g_cancellable_is_cancelled(cancellable))
      break;
    g_ptr_array_add(job->pixbufs, decode_thumbnail(job->paths->pdata[i]));
  }
  g_task_return_boolean(task, TRUE);
}

static void
on_thumbnails_decoded(GObject *source, GAsyncResult *result, gpointer user_data)
{
  ThumbnailJob *job = g_task_get_task_data(G_TASK(result));
  g_autoptr(KjDatasetEditor) self = g_weak_ref_get(&job->editor);
  GHashTableIter iter;
  gpointer row;

  /* Gone, or disposed: nothing to show it on. */
  if (self == NULL || self->folder == NULL)
    return;
  set_counts(self, &self->n_loading, -1);
  if (job->generation != self->generation)
    return;
  for (guint i = 0; i < job->paths->len; i++) {
    g_hash_table_remove(self->loading, job->paths->pdata[i]);
    /* Paths the worker did not reach (cancelled) are left to decode later. */
    if (i < job->pixbufs->len) {
      GdkPixbuf *pixbuf = job->pixbufs->pdata[i];

      g_hash_table_insert(self->thumbnails, g_strdup(job->paths->pdata[i]),
                          pixbuf != NULL ? gdk_texture_new_for_pixbuf(pixbuf) : NULL);
    }
  }
  g_hash_table_iter_init(&iter, self->rows);
  while (g_hash_table_iter_next(&iter, NULL, &row))
    row_update_thumbnails(self, row);
}

/* Decodes, off the main thread, the thumbnails shown and not yet decoded. */
static void
load_thumbnails(KjDatasetEditor *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GHashTable) shown = g_hash_table_new(g_str_hash, g_str_equal);
  ThumbnailJob *job;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init(&iter, self->rows);
  while (g_hash_table_iter_next(&iter, NULL, &value)) {
    KjDatasetClassRow *row = value;

    for (GtkWidget *child = gtk_widget_get_first_child(GTK_WIDGET(row->strip)); child != NULL;
         child = gtk_widget_get_next_sibling(child)) {
      const char *path = g_object_get_data(G_OBJECT(child), "path");

      if (path == NULL)
        continue;
      g_hash_table_add(shown, (gpointer)path);
      if (!g_hash_table_contains(self->thumbnails, path) &&
          !g_hash_table_contains(self->loading, path)) {
        g_hash_table_add(self->loading, g_strdup(path));
        g_ptr_array_add(paths, g_strdup(path));
      }
    }
  }
  /* Only what is shown is kept: an image replaced under the same name is
   * decoded again the next time it appears. */
  g_hash_table_iter_init(&iter, self->thumbnails);
  while (g_hash_table_iter_next(&iter, &key, NULL))
    if (!g_hash_table_contains(shown, key))
      g_hash_table_iter_remove(&iter);
  if (paths->len == 0)
    return;

  job = g_new0(ThumbnailJob, 1);
  g_weak_ref_init(&job->editor, self);
  job->generation = self->generation;
  job->paths = g_steal_pointer(&paths);
  job->pixbufs = g_ptr_array_new_with_free_func(unref_if_set);
  task = g_task_new(NULL, self->cancellable, on_thumbnails_decoded, NULL);
  g_task_set_source_tag(task, load_thumbnails);
  g_task_set_task_data(task, job, thumbnail_job_free);
  set_counts(self, &self->n_loading, +1);
  g_task_run_in_thread(task, thumbnail_worker);
}

/* Changes made elsewhere (a file manager, a script) show up too; a burst
 * of them, as when many files are copied, reloads once. */
#define RELOAD_DELAY_MS 300

static gboolean
reload_now(gpointer user_data)
{
  KjDatasetEditor *self = user_data;

  self->reload_source = 0;
  kj_dataset_editor_reload(self);
  return G_SOURCE_REMOVE;
}

static void
on_folder_changed(GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                  KjDatasetEditor *self)
{
  g_autofree char *name = g_file_get_basename(file);

  /* Our own temporary files come and go with every image added. */
  if (name != NULL && name[0] == '.')
    return;
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add(RELOAD_DELAY_MS, reload_now, self);
}

static void
clear_monitors(KjDatasetEditor *self)
{
  for (guint i = 0; i < self->monitors->len; i++) {
    g_signal_handlers_disconnect_by_data(self->monitors->pdata[i], self);
    g_file_monitor_cancel(self->monitors->pdata[i]);
  }
  g_ptr_array_set_size(self->monitors, 0);
}

static void
watch(KjDatasetEditor *self, GFile *dir)
{
  GFileMonitor *monitor = g_file_monitor_directory(dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);

  /* Without a monitor (no inotify), the editor still shows its own changes. */
  if (monitor == NULL)
    return;
  g_signal_connect(monitor, "changed", G_CALLBACK(on_folder_changed), self);
  g_ptr_array_add(self->monitors, monitor);
}

static void
watch_folder(KjDatasetEditor *self, char **classes)
{
  g_autoptr(GFile) root = g_file_new_for_path(kj_class_folder_get_path(self->folder));

  clear_monitors(self);
  watch(self, root);
  for (guint i = 0; classes[i] != NULL; i++) {
    g_autoptr(GFile) dir = kj_class_folder_get_class_file(self->folder, classes[i]);

    watch(self, dir);
  }
}

/* Listing */

static int
compare_rows(GtkListBoxRow *a, GtkListBoxRow *b, gpointer user_data)
{
  KjDatasetClassRow *x = KJ_DATASET_CLASS_ROW(a), *y = KJ_DATASET_CLASS_ROW(b);
  int order = strcmp(x->key, y->key);

  return order != 0 ? order : strcmp(x->name, y->name);
}

/* A rename in progress is dropped first: the entry losing the focus must
 * not rename anything while the rows are being changed. */
static void
remove_row(KjDatasetEditor *self, KjDatasetClassRow *row)
{
  row_set_renaming(row, FALSE);
  gtk_list_box_remove(self->class_list, GTK_WIDGET(row));
}

static void
remove_all_rows(KjDatasetEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init(&iter, self->rows);
  while (g_hash_table_iter_next(&iter, NULL, &row)) {
    remove_row(self, row);
    g_hash_table_iter_remove(&iter);
  }
}

void
kj_dataset_editor_reload(KjDatasetEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new(g_str_hash, g_str_equal);
  g_auto(GStrv) classes = NULL;
  GHashTableIter iter;
  gpointer name, row;

  g_return_if_fail(KJ_IS_DATASET_EDITOR(self));

  g_clear_handle_id(&self->reload_source, g_source_remove);
  classes = kj_class_folder_list_classes(self->folder, NULL, &error);
  if (classes == NULL) {
    report_error(self, error->message);
    g_clear_error(&error);
    classes = g_new0(char *, 1);
  }
  for (guint i = 0; classes[i] != NULL; i++) {
    g_auto(GStrv) images = kj_class_folder_list_images(self->folder, classes[i], NULL, &error);

    if (images == NULL) {
      report_error(self, error->message);
      g_clear_error(&error);
    }
    row = find_row(self, classes[i]);
    if (row == NULL) {
      row = kj_dataset_class_row_new(classes[i]);
      gtk_list_box_append(self->class_list, row);
      g_hash_table_insert(self->rows, g_strdup(classes[i]), row);
      if (g_hash_table_contains(self->adding, classes[i]))
        row_set_adding(row, TRUE);
    }
    row_set_images(self, row, images);
    g_hash_table_add(listed, classes[i]);
  }
  g_hash_table_iter_init(&iter, self->rows);
  while (g_hash_table_iter_next(&iter, &name, &row)) {
    if (!g_hash_table_contains(listed, name)) {
      remove_row(self, row);
      g_hash_table_iter_remove(&iter);
    }
  }
  gtk_list_box_invalidate_sort(self->class_list);
  watch_folder(self, classes);
  update_state(self);
  load_thumbnails(self);
}

/* Adding images */

typedef struct {
  GWeakRef editor;
  guint generation;
  KjClassFolder *folder;
  char *class_name;
  GPtrArray *files;   /* GFile * */
  GPtrArray *pixbufs; /* GdkPixbuf * */
  char *stem;         /* what pixbufs are named after */
  /* written by the worker */
  guint added;
  GPtrArray *errors; /* translated messages */
} AddJob;

static void
add_job_free(gpointer data)
{
  AddJob *job = data;

  g_weak_ref_clear(&job->editor);
  g_object_unref(job->folder);
  g_free(job->class_name);
  g_ptr_array_unref(job->files);
  g_ptr_array_unref(job->pixbufs);
  g_free(job->stem);
  g_ptr_array_unref(job->errors);
  g_free(job);
}

/* Counts one file added, or keeps its error; FALSE when cancelled. */
static gboolean
add_job_note(AddJob *job, GError *error)
{
  if (error == NULL) {
    job->added++;
    return TRUE;
  }
  if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  g_ptr_array_add(job->errors, g_strdup(error->message));
  return TRUE;
}

/* A dropped folder adds the files directly in it. */
static GPtrArray *
list_folder(GFile *dir, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children(
      dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
      G_FILE_QUERY_INFO_NONE, cancellable, error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_object_unref);

  if (children == NULL)
    return NULL;
  for (;;) {
    GFileInfo *info = NULL;
    GFile *child = NULL;

    if (!g_file_enumerator_iterate(children, &info, &child, cancellable, error))
      return NULL;
    if (info == NULL)
      break;
    if (g_file_info_get_file_type(info) == G_FILE_TYPE_REGULAR &&
        g_file_info_get_name(info)[0] != '.')
      g_ptr_array_add(files, g_object_ref(child));
  }
  return g_steal_pointer(&files);
}

static void
add_worker(GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  AddJob *job = data;
  gboolean going = TRUE;

  for (guint i = 0; going && i < job->files->len; i++) {
    GFile *file = job->files->pdata[i];
    g_autoptr(GPtrArray) children = NULL;
    g_autoptr(GError) error = NULL;

    if (g_file_query_file_type(file, G_FILE_QUERY_INFO_NONE, cancellable) ==
        G_FILE_TYPE_DIRECTORY) {
      children = list_folder(file, cancellable, &error);
      if (children == NULL) {
        going = add_job_note(job, error);
        continue;
      }
      for (guint k = 0; going && k < children->len; k++) {
        g_autoptr(GError) child_error = NULL;
        g_autofree char *name = kj_class_folder_add_file(
            job->folder, job->class_name, children->pdata[k], cancellable, &child_error);

        going = add_job_note(job, child_error);
      }
    } else {
      g_autofree char *name =
          kj_class_folder_add_file(job->folder, job->class_name, file, cancellable, &error);

      going = add_job_note(job, error);
    }
  }
  for (guint i = 0; going && i < job->pixbufs->len; i++) {
    g_autoptr(GError) error = NULL;
    g_autofree char *name = kj_class_folder_add_pixbuf(
        job->folder, job->class_name, job->pixbufs->pdata[i], job->stem, cancellable, &error);

    going = add_job_note(job, error);
  }
  g_task_return_boolean(task, TRUE);
}

static void
set_class_adding(KjDatasetEditor *self, const char *class_name, int delta)
{
  guint count = GPOINTER_TO_UINT(g_hash_table_lookup(self->adding, class_name));
  KjDatasetClassRow *row = find_row(self, class_name);

  count = (guint)((int)count + delta);
  if (count > 0)
    g_hash_table_insert(self->adding, g_strdup(class_name), GUINT_TO_POINTER(count));
  else
    g_hash_table_remove(self->adding, class_name);
  if (row != NULL)
    row_set_adding(row, count > 0);
}

static void
on_added(GObject *source, GAsyncResult *result, gpointer user_data)
{
  AddJob *job = g_task_get_task_data(G_TASK(result));
  g_autoptr(KjDatasetEditor) self = g_weak_ref_get(&job->editor);

  if (self == NULL || self->folder == NULL)
    return;
  set_counts(self, &self->n_adding, -1);
  if (job->generation != self->generation) {
    update_state(self);
    return;
  }
  set_class_adding(self, job->class_name, -1);
  kj_dataset_editor_reload(self);
  if (job->errors->len == 1) {
    report_error(self, job->errors->pdata[0]);
  } else if (job->errors->len > 1) {
    g_autofree char *message =
        g_strdup_printf(ngettext("%u file was not added. %s",
                                 "%u files were not added. The first: %s", job->errors->len),
                        job->errors->len, (const char *)job->errors->pdata[0]);

    report_error(self, message);
  }
}

/* Adds files and pixbufs (both arrays are taken) in a worker thread. */
static void
start_adding(KjDatasetEditor *self, const char *class_name, GPtrArray *files, GPtrArray *pixbufs,
             const char *stem)
{
  g_autoptr(GTask) task = NULL;
  AddJob *job = g_new0(AddJob, 1);

  g_weak_ref_init(&job->editor, self);
  job->generation = self->generation;
  job->folder = g_object_ref(self->folder);
  job->class_name = g_strdup(class_name);
  job->files = files != NULL ? files : g_ptr_array_new_with_free_func(g_object_unref);
  job->pixbufs = pixbufs != NULL ? pixbufs : g_ptr_array_new_with_free_func(g_object_unref);
  job->stem = g_strdup(stem);
  job->errors = g_ptr_array_new_with_free_func(g_free);

  task = g_task_new(NULL, self->cancellable, on_added, NULL);
  g_task_set_source_tag(task, start_adding);
  g_task_set_task_data(task, job, add_job_free);
  set_counts(self, &self->n_adding, +1);
  set_class_adding(self, class_name, +1);
  update_state(self);
  g_task_run_in_thread(task, add_worker);
}

void
kj_dataset_editor_add_files(KjDatasetEditor *self, const char *class_name, GFile *const *files,
                            guint n_files)
{
  GPtrArray *array;

  g_return_if_fail(KJ_IS_DATASET_EDITOR(self));
  g_return_if_fail(class_name != NULL);
  g_return_if_fail(files != NULL || n_files == 0);

  array = g_ptr_array_new_full(n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add(array, g_object_ref(files[i]));
  start_adding(self, class_name, array, NULL, NULL);
}

/* A drop or a paste: files, a file, or pixels. */
static void
add_value(KjDatasetEditor *self, const char *class_name, const GValue *value)
{
  GPtrArray *files = g_ptr_array_new_with_free_func(g_object_unref);
  GPtrArray *pixbufs = g_ptr_array_new_with_free_func(g_object_unref);
  const char *stem = NULL;

  if (G_VALUE_HOLDS(value, GDK_TYPE_FILE_LIST)) {
    g_autoptr(GSList) list = gdk_file_list_get_files(g_value_get_boxed(value));

    for (GSList *l = list; l != NULL; l = l->next)
      g_ptr_array_add(files, g_object_ref(l->data));
  } else if (G_VALUE_HOLDS(value, G_TYPE_FILE) && g_value_get_object(value) != NULL) {
    g_ptr_array_add(files, g_value_dup_object(value));
  } else if (G_VALUE_HOLDS(value, GDK_TYPE_TEXTURE) && g_value_get_object(value) != NULL) {
    GdkPixbuf *pixbuf = kj_image_drop_texture_to_pixbuf(g_value_get_object(value));

    if (pixbuf != NULL)
      g_ptr_array_add(pixbufs, pixbuf);
    /* Translators: the file name, without .png, of a dropped or pasted image */
    stem = C_("file name", "image");
  }
  if (files->len == 0 && pixbufs->len == 0) {
    g_ptr_array_unref(files);
    g_ptr_array_unref(pixbufs);
    report_error(self, _("There is no image to add"));
    return;
  }
  start_adding(self, class_name, files, pixbufs, stem);
}

typedef struct {
  GWeakRef editor;
  guint generation;
  char *class_name;
} PasteData;

static void
paste_data_free(PasteData *data)
{
  g_weak_ref_clear(&data->editor);
  g_free(data->class_name);
  g_free(data);
}

static void
on_paste_read(GObject *source, GAsyncResult *result, gpointer user_data)
{
  PasteData *data = user_data;
  g_autoptr(KjDatasetEditor) self = g_weak_ref_get(&data->editor);
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish(GDK_CLIPBOARD(source), result, &error);

  if (self != NULL && self->folder != NULL) {
    gboolean current = data->generation == self->generation;

    /* Added first, so that "busy" does not blink off in between. */
    if (current && value != NULL)
      add_value(self, data->class_name, value);
    else if (current && !g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      report_error(self, error->message);
    set_counts(self, &self->n_adding, -1);
    update_state(self);
  }
  paste_data_free(data);
}

static void
paste_images(KjDatasetEditor *self, const char *class_name)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard(GTK_WIDGET(self));
  GdkContentFormats *formats = gdk_clipboard_get_formats(clipboard);
  PasteData *data;
  GType type;

  /* Copied files keep their names; copied pixels are saved as PNG. */
  if (gdk_content_formats_contain_gtype(formats, GDK_TYPE_FILE_LIST))
    type = GDK_TYPE_FILE_LIST;
  else if (gdk_content_formats_contain_gtype(formats, GDK_TYPE_TEXTURE) ||
           gdk_content_formats_contain_mime_type(formats, "image/png"))
    type = GDK_TYPE_TEXTURE;
  else {
    report_error(self, _("The clipboard holds no image"));
    return;
  }
  data = g_new0(PasteData, 1);
  g_weak_ref_init(&data->editor, self);
  data->generation = self->generation;
  data->class_name = g_strdup(class_name);
  /* Busy from now: the clipboard's owner may take a while to answer. */
  set_counts(self, &self->n_adding, +1);
  update_state(self);
  gdk_clipboard_read_value_async(clipboard, type, G_PRIORITY_DEFAULT, self->cancellable,
                                 on_paste_read, data);
}

/* Choosers and the delete dialog */

static void
on_chooser_response(GtkNativeDialog *chooser, int response, KjDatasetEditor *self)
{
  g_autofree char *class_name = g_steal_pointer(&self->chooser_class);

  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GListModel) files = gtk_file_chooser_get_files(GTK_FILE_CHOOSER(chooser));
    guint n = g_list_model_get_n_items(files);

    if (class_name != NULL) {
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func(g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add(array, g_list_model_get_item(files, i));
      kj_dataset_editor_add_files(self, class_name, (GFile *const *)array->pdata, array->len);
    } else if (n > 0) {
      g_autoptr(GFile) folder = g_list_model_get_item(files, 0);
      g_autofree char *path = g_file_get_path(folder);

      if (path != NULL)
        kj_dataset_editor_set_folder(self, path);
      else
        report_error(self, _("Choose a folder on this computer"));
    }
  }
  gtk_native_dialog_destroy(chooser);
  g_clear_object(&self->chooser);
}

static GtkWindow *
get_window(KjDatasetEditor *self)
{
  GtkRoot *root = gtk_widget_get_root(GTK_WIDGET(self));

  return GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL;
}

static void
open_chooser(KjDatasetEditor *self, GtkFileChooserNative *chooser, const char *class_name)
{
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy(self->chooser);
    g_clear_object(&self->chooser);
  }
  g_free(self->chooser_class);
  self->chooser_class = g_strdup(class_name);
  self->chooser = GTK_NATIVE_DIALOG(chooser);
  gtk_native_dialog_set_modal(self->chooser, TRUE);
  g_signal_connect(chooser, "response", G_CALLBACK(on_chooser_response), self);
  gtk_native_dialog_show(self->chooser);
}

static void
choose_images(KjDatasetEditor *self, const char *class_name)
{
  g_autofree char *title = g_strdup_printf(_("Add Images to “%s”"), class_name);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new(
      title, get_window(self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new();

  gtk_file_chooser_set_select_multiple(GTK_FILE_CHOOSER(chooser), TRUE);
  gtk_file_filter_set_name(filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats(filter);
  gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(chooser), filter);
  g_object_unref(filter);
  open_chooser(self, chooser, class_name);
}

static void
choose_folder_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new(
      _("Choose a Folder for Your Classes"), get_window(self),
      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Use Folder"), _("_Cancel"));
  g_autoptr(GFile) current = g_file_new_for_path(kj_class_folder_get_path(self->folder));

  if (g_file_query_exists(current, NULL))
    gtk_file_chooser_set_current_folder(GTK_FILE_CHOOSER(chooser), current, NULL);
  open_chooser(self, chooser, NULL);
}

static void
on_delete_response(AdwMessageDialog *dialog, const char *response, KjDatasetEditor *self)
{
  const char *class_name = g_object_get_data(G_OBJECT(dialog), "class-name");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0(response, "delete") == 0 &&
      !kj_dataset_editor_delete_class(self, class_name, &error))
    report_error(self, error->message);
}

static void
confirm_delete(KjDatasetEditor *self, const char *class_name)
{
  KjDatasetClassRow *row = find_row(self, class_name);
  gint64 n = row != NULL ? row->n_images : 0;
  GtkWidget *dialog = adw_message_dialog_new(get_window(self), NULL, NULL);

  adw_message_dialog_format_heading(ADW_MESSAGE_DIALOG(dialog), _("Delete “%s”?"), class_name);
  if (n > 0)
    adw_message_dialog_format_body(ADW_MESSAGE_DIALOG(dialog),
                                   ngettext("Its %u image will be deleted from the disk too.",
                                            "Its %u images will be deleted from the disk too.",
                                            (gulong)n),
                                   (guint)n);
  adw_message_dialog_add_responses(ADW_MESSAGE_DIALOG(dialog), "cancel", _("_Cancel"), "delete",
                                   _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance(ADW_MESSAGE_DIALOG(dialog), "delete",
                                             ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
  adw_message_dialog_set_close_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
  g_object_set_data_full(G_OBJECT(dialog), "class-name", g_strdup(class_name), g_free);
  g_signal_connect_object(dialog, "response", G_CALLBACK(on_delete_response), self, 0);

  if (self->delete_dialog != NULL)
    gtk_window_destroy(GTK_WINDOW(self->delete_dialog));
  self->delete_dialog = dialog;
  g_object_add_weak_pointer(G_OBJECT(dialog), (gpointer *)&self->delete_dialog);
  gtk_window_present(GTK_WINDOW(dialog));
}

static void
delete_image(KjDatasetEditor *self, const char *class_name, const char *image_name)
{
  g_autoptr(GFile) file = kj_class_folder_get_image_file(self->folder, class_name, image_name);
  g_autofree char *path = g_file_get_path(file);
  g_autoptr(GError) error = NULL;

  if (!kj_class_folder_delete_image(self->folder, class_name, image_name, NULL, &error))
    report_error(self, error->message);
  if (path != NULL)
    g_hash_table_remove(self->thumbnails, path);
  kj_dataset_editor_reload(self);
}

/* Actions */

static void
on_class_entry_changed(KjDatasetEditor *self)
{
  gtk_widget_remove_css_class(GTK_WIDGET(self->class_entry), "error");
}

static void
add_class_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(widget);
  const char *text = gtk_editable_get_text(GTK_EDITABLE(self->class_entry));
  g_autoptr(GError) error = NULL;

  if (kj_dataset_editor_add_class(self, text, &error)) {
    gtk_editable_set_text(GTK_EDITABLE(self->class_entry), "");
    return;
  }
  gtk_widget_add_css_class(GTK_WIDGET(self->class_entry), "error");
  report_error(self, error->message);
}

static void
on_class_entry_activate(KjDatasetEditor *self)
{
  gtk_widget_activate_action(GTK_WIDGET(self), "dataset.add-class", NULL);
}

static void
train_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(widget);

  if (self->can_train && self->n_adding == 0)
    g_signal_emit(self, signals[SIGNAL_TRAIN_REQUESTED], 0, kj_class_folder_get_path(self->folder));
}

/* "~/.local/share/kuajie/datasets/my-images" */
static char *
format_folder(const char *path)
{
  const char *home = g_get_home_dir();
  gsize n = strlen(home);

  if (n > 1 && g_str_has_prefix(path, home) && path[n] == G_DIR_SEPARATOR)
    return g_strconcat("~", path + n, NULL);
  return g_filename_display_name(path);
}

/* The object */

static void
kj_dataset_editor_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(object);

  switch (prop_id) {
  case PROP_FOLDER:
    g_value_set_string(value, kj_dataset_editor_get_folder(self));
    break;
  case PROP_BUSY:
    g_value_set_boolean(value, get_busy(self));
    break;
  case PROP_CAN_TRAIN:
    g_value_set_boolean(value, self->can_train);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_dataset_editor_set_property(GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(object);

  switch (prop_id) {
  case PROP_FOLDER:
    kj_dataset_editor_set_folder(self, g_value_get_string(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_dataset_editor_dispose(GObject *object)
{
  KjDatasetEditor *self = KJ_DATASET_EDITOR(object);

  /* Workers stop at the next file; their results find no folder. */
  if (self->cancellable != NULL)
    g_cancellable_cancel(self->cancellable);
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy(self->chooser);
    g_clear_object(&self->chooser);
  }
  if (self->delete_dialog != NULL)
    gtk_window_destroy(GTK_WINDOW(self->delete_dialog));
  if (self->rows != NULL)
    g_hash_table_remove_all(self->rows);
  if (self->monitors != NULL)
    clear_monitors(self);
  g_clear_handle_id(&self->reload_source, g_source_remove);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_DATASET_EDITOR);
  g_clear_object(&self->folder);
  g_clear_object(&self->cancellable);
  g_clear_pointer(&self->rows, g_hash_table_unref);
  g_clear_pointer(&self->thumbnails, g_hash_table_unref);
  g_clear_pointer(&self->loading, g_hash_table_unref);
  g_clear_pointer(&self->adding, g_hash_table_unref);
  g_clear_pointer(&self->monitors, g_ptr_array_unref);
  g_clear_pointer(&self->chooser_class, g_free);
  G_OBJECT_CLASS(kj_dataset_editor_parent_class)->dispose(object);
}

static void
kj_dataset_editor_class_init(KjDatasetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->get_property = kj_dataset_editor_get_property;
  object_class->set_property = kj_dataset_editor_set_property;
  object_class->dispose = kj_dataset_editor_dispose;

  properties[PROP_FOLDER] =
      g_param_spec_string("folder", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
      g_param_spec_boolean("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_TRAIN] = g_param_spec_boolean("can-train", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  signals[SIGNAL_TRAIN_REQUESTED] =
      g_signal_new("train-requested", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                   NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_ERROR] = g_signal_new_class_handler(
      "error", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST,
      G_CALLBACK(kj_dataset_editor_real_error), g_signal_accumulator_true_handled, NULL, NULL,
      G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-dataset-editor.ui");
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, folder_label);
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, class_entry);
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, content_stack);
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, class_list);
  gtk_widget_class_bind_template_child(widget_class, KjDatasetEditor, summary_label);
  gtk_widget_class_bind_template_callback(widget_class, on_class_entry_activate);
  gtk_widget_class_bind_template_callback(widget_class, on_class_entry_changed);

  gtk_widget_class_install_action(widget_class, "dataset.add-class", NULL, add_class_activated);
  gtk_widget_class_install_action(widget_class, "dataset.choose-folder", NULL,
                                  choose_folder_activated);
  gtk_widget_class_install_action(widget_class, "dataset.train", NULL, train_activated);
}

static void
kj_dataset_editor_init(KjDatasetEditor *self)
{
  gtk_widget_init_template(GTK_WIDGET(self));
  self->rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  self->thumbnails = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, unref_if_set);
  self->loading = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  self->adding = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  self->monitors = g_ptr_array_new_with_free_func(g_object_unref);
  gtk_entry_set_max_length(self->class_entry, KJ_CLASS_FOLDER_MAX_NAME);
  gtk_list_box_set_sort_func(self->class_list, compare_rows, NULL, NULL);
  kj_dataset_editor_set_folder(self, NULL);
}

GtkWidget *
kj_dataset_editor_new(void)
{
  return g_object_new(KJ_TYPE_DATASET_EDITOR, NULL);
}

const char *
kj_dataset_editor_get_folder(KjDatasetEditor *self)
{
  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), NULL);
  return self->folder != NULL ? kj_class_folder_get_path(self->folder) : NULL;
}

void
kj_dataset_editor_set_folder(KjDatasetEditor *self, const char *path)
{
  g_autofree char *shown = NULL;

  g_return_if_fail(KJ_IS_DATASET_EDITOR(self));

  if (self->folder != NULL && path != NULL &&
      g_strcmp0(path, kj_class_folder_get_path(self->folder)) == 0)
    return;
  /* Work on the old folder is dropped; its tasks still count as busy
   * until they wind down. */
  if (self->cancellable != NULL)
    g_cancellable_cancel(self->cancellable);
  g_clear_object(&self->cancellable);
  self->cancellable = g_cancellable_new();
  self->generation++;
  g_clear_object(&self->folder);
  self->folder = kj_class_folder_new(path);
  remove_all_rows(self);
  g_hash_table_remove_all(self->thumbnails);
  g_hash_table_remove_all(self->loading);
  g_hash_table_remove_all(self->adding);

  shown = format_folder(kj_class_folder_get_path(self->folder));
  gtk_label_set_text(self->folder_label, shown);
  gtk_widget_set_tooltip_text(GTK_WIDGET(self->folder_label),
                              kj_class_folder_get_path(self->folder));
  kj_dataset_editor_reload(self);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_FOLDER]);
}

KjClassFolder *
kj_dataset_editor_get_class_folder(KjDatasetEditor *self)
{
  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), NULL);
  return self->folder;
}

gboolean
kj_dataset_editor_get_busy(KjDatasetEditor *self)
{
  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);
  return get_busy(self);
}

gboolean
kj_dataset_editor_get_can_train(KjDatasetEditor *self)
{
  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);
  return self->can_train;
}

char **
kj_dataset_editor_dup_classes(KjDatasetEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
  GtkListBoxRow *row;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index(self->class_list, i)) != NULL; i++)
    g_strv_builder_add(builder, KJ_DATASET_CLASS_ROW(row)->name);
  return g_strv_builder_end(builder);
}

gint64
kj_dataset_editor_get_image_count(KjDatasetEditor *self, const char *class_name)
{
  KjDatasetClassRow *row;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), -1);

  row = find_row(self, class_name);
  return row != NULL ? row->n_images : -1;
}

gboolean
kj_dataset_editor_add_class(KjDatasetEditor *self, const char *name, GError **error)
{
  g_autofree char *created = NULL;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);

  created = kj_class_folder_create_class(self->folder, name, NULL, error);
  kj_dataset_editor_reload(self);
  return created != NULL;
}

gboolean
kj_dataset_editor_rename_class(KjDatasetEditor *self, const char *class_name, const char *new_name,
                               GError **error)
{
  g_autofree char *renamed = NULL;
  g_autofree char *old_name = g_strdup(class_name); /* class_name may be the row's */
  KjDatasetClassRow *row;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);

  /* Images still being added would land in the old folder name. */
  if (g_hash_table_contains(self->adding, class_name)) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_BUSY,
                _("“%s” cannot be renamed while images are being added to it"), class_name);
    return FALSE;
  }
  renamed = kj_class_folder_rename_class(self->folder, old_name, new_name, NULL, error);
  if (renamed == NULL)
    return FALSE;
  /* The card moves with its class, so focus and menus stay on it. */
  row = find_row(self, old_name);
  if (row != NULL) {
    gpointer key = NULL;

    g_hash_table_steal_extended(self->rows, old_name, &key, NULL);
    g_free(key);
    row_set_name(row, renamed);
    /* Its images have new paths: the strip is built again. */
    g_clear_pointer(&row->images, g_strfreev);
    g_hash_table_insert(self->rows, g_strdup(renamed), row);
  }
  kj_dataset_editor_reload(self);
  return TRUE;
}

gboolean
kj_dataset_editor_delete_class(KjDatasetEditor *self, const char *class_name, GError **error)
{
  gboolean deleted;

  g_return_val_if_fail(KJ_IS_DATASET_EDITOR(self), FALSE);

  deleted = kj_class_folder_delete_class(self->folder, class_name, NULL, error);
  kj_dataset_editor_reload(self);
  return deleted;
}
