/* One class card of the dataset editor: its name (renamed in place), its
 * image count and strip of thumbnails, Add Images…, its menu, and a drop
 * target for images.  Its actions forward to the editor it sits in. */
#include "config.h"

#include "kj-dataset-class-row.h"

#include <glib/gi18n.h>

#include "kj-dataset-editor-private.h"

G_DEFINE_FINAL_TYPE(KjDatasetClassRow, kj_dataset_class_row, GTK_TYPE_LIST_BOX_ROW)

static KjDatasetEditor *
row_get_editor(KjDatasetClassRow *row)
{
  GtkWidget *editor = gtk_widget_get_ancestor(GTK_WIDGET(row), KJ_TYPE_DATASET_EDITOR);

  return editor != NULL ? KJ_DATASET_EDITOR(editor) : NULL;
}

void
kj_dataset_class_row_set_name(KjDatasetClassRow *row, const char *name)
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
void
kj_dataset_class_row_set_renaming(KjDatasetClassRow *row, gboolean renaming)
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

  kj_dataset_class_row_set_renaming(row, FALSE);
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
  kj_dataset_editor_report_error(editor, error->message);
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
  kj_dataset_editor_add_value(editor, row->name, value);
  return TRUE;
}

static void
row_add_images_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);
  KjDatasetEditor *editor = row_get_editor(row);

  if (editor != NULL)
    kj_dataset_editor_choose_images(editor, row->name);
}

static void
row_paste_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);
  KjDatasetEditor *editor = row_get_editor(row);

  if (editor != NULL)
    kj_dataset_editor_paste_images(editor, row->name);
}

static void
row_rename_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);

  if (row->renaming)
    return;
  kj_dataset_class_row_set_renaming(row, TRUE);
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
    kj_dataset_editor_confirm_delete(editor, row->name);
}

/* The parameter is the image's file name as on disk: a bytestring. */
static void
row_delete_image_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjDatasetClassRow *row = KJ_DATASET_CLASS_ROW(widget);
  KjDatasetEditor *editor = row_get_editor(row);

  if (editor != NULL)
    kj_dataset_editor_delete_image(editor, row->name, g_variant_get_bytestring(parameter));
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

GtkWidget *
kj_dataset_class_row_new(const char *name)
{
  KjDatasetClassRow *row = g_object_new(KJ_TYPE_DATASET_CLASS_ROW, NULL);

  kj_dataset_class_row_set_name(row, name);
  return GTK_WIDGET(row);
}

void
kj_dataset_class_row_set_adding(KjDatasetClassRow *row, gboolean adding)
{
  gtk_widget_set_visible(GTK_WIDGET(row->spinner), adding);
  gtk_spinner_set_spinning(row->spinner, adding);
}

/* The strip of thumbnails */

static void
thumbnail_set_paintable(GtkWidget *thumbnail, KjDatasetEditor *editor)
{
  GtkImage *image = GTK_IMAGE(gtk_menu_button_get_child(GTK_MENU_BUTTON(thumbnail)));
  const char *path = g_object_get_data(G_OBJECT(thumbnail), "path");
  gpointer texture = NULL;

  if (!g_hash_table_lookup_extended(editor->thumbnails, path, NULL, &texture))
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
thumbnail_new(KjDatasetEditor *editor, const char *path, const char *image_name)
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

  thumbnail_set_paintable(button, editor);
  return button;
}

void
kj_dataset_class_row_update_thumbnails(KjDatasetClassRow *row, KjDatasetEditor *editor)
{
  for (GtkWidget *child = gtk_widget_get_first_child(GTK_WIDGET(row->strip)); child != NULL;
       child = gtk_widget_get_next_sibling(child))
    if (GTK_IS_MENU_BUTTON(child))
      thumbnail_set_paintable(child, editor);
}

/* Shows the class's count and its first images. */
void
kj_dataset_class_row_set_images(KjDatasetClassRow *row, KjDatasetEditor *editor, char **images)
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
    g_autoptr(GFile) folder = kj_class_folder_get_class_file(editor->folder, row->name);

    g_strfreev(row->images);
    row->images = names;
    while ((child = gtk_widget_get_first_child(GTK_WIDGET(row->strip))) != NULL)
      gtk_box_remove(row->strip, child);
    for (guint i = 0; i < shown; i++) {
      g_autoptr(GFile) file = g_file_get_child(folder, names[i]);
      g_autofree char *path = g_file_get_path(file);

      gtk_box_append(row->strip, thumbnail_new(editor, path, names[i]));
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
