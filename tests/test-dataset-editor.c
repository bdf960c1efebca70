/* The dataset editor under Xvfb: a temporary folder with two classes, the
 * cards it shows, adding, renaming and deleting classes and images through
 * its API and actions, and screenshots rendered by GSK. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kj-dataset-editor.h"
#include "kj-error.h"
#include "kj-i18n.h"
#include "kj-test-window-util.h"

static char *tmp_root;

typedef struct {
  GtkWindow *window;
  KjDatasetEditor *editor;
  char *root;
  GPtrArray *errors; /* messages of the "error" signal */
  char *train_path;  /* what "train-requested" gave */
} Fixture;

static gboolean
editor_idle(gpointer editor)
{
  return !kj_dataset_editor_get_busy(editor);
}

/* Runs the main loop until the editor's workers are done. */
static void
wait_until_idle(KjDatasetEditor *editor)
{
  kj_test_wait_until(editor_idle, editor, 20, "the editor's workers");
  kj_test_iterate(50);
}

static void
write_png(const char *dir, const char *name, int width, int height, guint32 rgba)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  g_autofree char *path = g_build_filename(dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
  gdk_pixbuf_fill(pixbuf, rgba);
  /* A diagonal band, so thumbnails show that they are cropped, not squashed. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (ABS(x - y * width / height) < width / 6) {
        guint8 *p = gdk_pixbuf_get_pixels(pixbuf) + y * gdk_pixbuf_get_rowstride(pixbuf) + x * 4;

        p[0] = p[1] = p[2] = 0xff;
      }
  gdk_pixbuf_save(pixbuf, path, "png", &error, NULL);
  g_assert_no_error(error);
}

static gboolean
on_error(KjDatasetEditor *editor, const char *message, Fixture *fixture)
{
  g_ptr_array_add(fixture->errors, g_strdup(message));
  /* Not handled: the editor's own toast shows it too. */
  return FALSE;
}

static void
on_train_requested(KjDatasetEditor *editor, const char *path, Fixture *fixture)
{
  g_free(fixture->train_path);
  fixture->train_path = g_strdup(path);
}

/* A window holding an editor on a fresh folder with 猫 (3 images) and 狗
 * (2 images). */
static void
fixture_set_up(Fixture *fixture, gconstpointer data)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf("root-%u", serial++);
  g_autofree char *cats = NULL;
  g_autofree char *dogs = NULL;
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY(adw_toast_overlay_new());

  fixture->root = g_build_filename(tmp_root, name, NULL);
  cats = g_build_filename(fixture->root, "猫", NULL);
  dogs = g_build_filename(fixture->root, "狗", NULL);
  write_png(cats, "cat-1.png", 90, 60, 0xf6d32dff);
  write_png(cats, "cat-2.png", 60, 90, 0xff7800ff);
  write_png(cats, "cat-10.png", 40, 40, 0xe01b24ff);
  write_png(dogs, "dog-a.png", 200, 120, 0x3584e4ff);
  write_png(dogs, "dog-b.png", 50, 50, 0x2ec27eff);

  fixture->errors = g_ptr_array_new_with_free_func(g_free);
  fixture->editor = KJ_DATASET_EDITOR(kj_dataset_editor_new());
  g_signal_connect(fixture->editor, "error", G_CALLBACK(on_error), fixture);
  g_signal_connect(fixture->editor, "train-requested", G_CALLBACK(on_train_requested), fixture);
  kj_dataset_editor_set_folder(fixture->editor, fixture->root);

  adw_toast_overlay_set_child(overlay, GTK_WIDGET(fixture->editor));
  fixture->window = kj_test_show_in_window(GTK_WIDGET(overlay), 760, 720);
  wait_until_idle(fixture->editor);
}

/* Nothing (no worker, no dialog) keeps the editor alive.  Not
 * kj_test_close_window(): the workers get 200 ms to let go of it. */
static void
close_window(Fixture *fixture)
{
  g_object_add_weak_pointer(G_OBJECT(fixture->editor), (gpointer *)&fixture->editor);
  gtk_window_destroy(fixture->window);
  fixture->window = NULL;
  kj_test_iterate(200);
  g_assert_null(fixture->editor);
}

static void
fixture_tear_down(Fixture *fixture, gconstpointer data)
{
  if (fixture->window != NULL)
    close_window(fixture);
  g_ptr_array_unref(fixture->errors);
  g_free(fixture->train_path);
  g_free(fixture->root);
}

/* Once the transitions are over. */
static void
save_screenshot(GtkWidget *widget, const char *name)
{
  gtk_test_widget_wait_for_draw(widget);
  kj_test_iterate(300);
  kj_test_save_screenshot(widget, name);
}

/* The first widget under root, depth first, that matches. */
static GtkWidget *
find_widget(GtkWidget *root, gboolean (*matches)(GtkWidget *widget))
{
  if (matches(root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child(root); child != NULL;
       child = gtk_widget_get_next_sibling(child)) {
    GtkWidget *found = find_widget(child, matches);

    if (found != NULL)
      return found;
  }
  return NULL;
}

static gboolean
is_list_box(GtkWidget *widget)
{
  return GTK_IS_LIST_BOX(widget);
}

static gboolean
is_thumbnail(GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON(widget) && gtk_widget_has_css_class(widget, "kj-dataset-thumbnail");
}

static gboolean
is_entry(GtkWidget *widget)
{
  return GTK_IS_ENTRY(widget);
}

static void
collect_texts(GtkWidget *widget, GString *texts)
{
  if (!gtk_widget_get_visible(widget) || !gtk_widget_get_child_visible(widget))
    return;
  if (GTK_IS_LABEL(widget))
    g_string_append_printf(texts, "%s\n", gtk_label_get_text(GTK_LABEL(widget)));
  for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
       child = gtk_widget_get_next_sibling(child))
    collect_texts(child, texts);
}

/* The text a card shows, "猫\n3 images\n…". */
static char *
card_text(KjDatasetEditor *editor, const char *class_name)
{
  GtkWidget *list = find_widget(GTK_WIDGET(editor), is_list_box);
  GString *texts = g_string_new(NULL);

  g_assert_nonnull(list);
  for (int i = 0;; i++) {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index(GTK_LIST_BOX(list), i);
    g_autoptr(GString) row_texts = g_string_new(NULL);
    g_autofree char *expected = g_strdup_printf("%s\n", class_name);

    if (row == NULL)
      break;
    collect_texts(GTK_WIDGET(row), row_texts);
    if (g_str_has_prefix(row_texts->str, expected)) {
      g_string_append(texts, row_texts->str);
      break;
    }
  }
  return g_string_free(texts, FALSE);
}

static guint
count_thumbnails(GtkWidget *widget, gboolean decoded)
{
  guint n = 0;

  if (is_thumbnail(widget)) {
    GtkWidget *image = gtk_menu_button_get_child(GTK_MENU_BUTTON(widget));

    return !decoded || gtk_image_get_storage_type(GTK_IMAGE(image)) == GTK_IMAGE_PAINTABLE;
  }
  for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
       child = gtk_widget_get_next_sibling(child))
    n += count_thumbnails(child, decoded);
  return n;
}

static char *
classes_shown(KjDatasetEditor *editor)
{
  g_auto(GStrv) classes = kj_dataset_editor_dup_classes(editor);

  return g_strjoinv("|", classes);
}

static void
test_shows_folder(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  g_autofree char *classes = classes_shown(editor);
  g_autofree char *cats = card_text(editor, "猫");
  g_autofree char *dogs = card_text(editor, "狗");

  g_assert_cmpstr(kj_dataset_editor_get_folder(editor), ==, fixture->root);
  /* C.UTF-8 collation: by code point, 狗 (U+72D7) before 猫 (U+732B). */
  g_assert_cmpstr(classes, ==, "狗|猫");
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "猫"), ==, 3);
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "狗"), ==, 2);
  g_assert_true(g_str_has_prefix(cats, "猫\n3 images\n"));
  g_assert_true(g_str_has_prefix(dogs, "狗\n2 images\n"));
  /* Every thumbnail decoded, in the background. */
  g_assert_cmpuint(count_thumbnails(GTK_WIDGET(editor), FALSE), ==, 5);
  g_assert_cmpuint(count_thumbnails(GTK_WIDGET(editor), TRUE), ==, 5);
  g_assert_true(kj_dataset_editor_get_can_train(editor));
  g_assert_cmpuint(fixture->errors->len, ==, 0);

  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(editor), "dataset.train", NULL));
  g_assert_cmpstr(fixture->train_path, ==, fixture->root);
  save_screenshot(GTK_WIDGET(fixture->window), "dataset-editor.png");
  kj_test_set_dark(TRUE);
  save_screenshot(GTK_WIDGET(fixture->window), "dataset-editor-dark.png");
  adw_style_manager_set_color_scheme(adw_style_manager_get_default(), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_edit_classes(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  GtkEntry *entry = GTK_ENTRY(find_widget(GTK_WIDGET(editor), is_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *classes = NULL;
  g_autofree char *birds = NULL;
  g_autofree char *renamed_dir = g_build_filename(fixture->root, "小狗", NULL);

  /* Through the entry and its action, then through the API. */
  gtk_editable_set_text(GTK_EDITABLE(entry), "  Birds ");
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(editor), "dataset.add-class", NULL));
  g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(entry)), ==, "");
  g_assert_true(kj_dataset_editor_add_class(editor, "Fish", &error));
  g_assert_no_error(error);
  classes = classes_shown(editor);
  g_assert_cmpstr(classes, ==, "Birds|Fish|狗|猫");
  birds = card_text(editor, "Birds");
  g_assert_true(g_str_has_prefix(birds, "Birds\n0 images\n"));
  /* An empty class holds training back. */
  g_assert_false(kj_dataset_editor_get_can_train(editor));
  g_assert_false(gtk_widget_activate_action(GTK_WIDGET(editor), "dataset.train", NULL) &&
                 fixture->train_path != NULL);

  /* A refused name: the entry keeps it, marked, and the error is reported. */
  gtk_editable_set_text(GTK_EDITABLE(entry), "猫");
  g_assert_true(gtk_widget_activate_action(GTK_WIDGET(editor), "dataset.add-class", NULL));
  g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(entry)), ==, "猫");
  g_assert_true(gtk_widget_has_css_class(GTK_WIDGET(entry), "error"));
  g_assert_cmpuint(fixture->errors->len, ==, 1);
  g_assert_cmpstr(fixture->errors->pdata[0], ==, "There is already a class named “猫”");
  gtk_editable_set_text(GTK_EDITABLE(entry), "");
  g_assert_false(gtk_widget_has_css_class(GTK_WIDGET(entry), "error"));

  /* Rename keeps the images. */
  g_assert_true(kj_dataset_editor_rename_class(editor, "狗", "小狗", &error));
  g_assert_no_error(error);
  g_assert_true(g_file_test(renamed_dir, G_FILE_TEST_IS_DIR));
  g_clear_pointer(&classes, g_free);
  classes = classes_shown(editor);
  g_assert_cmpstr(classes, ==, "Birds|Fish|小狗|猫");
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "小狗"), ==, 2);
  g_assert_false(kj_dataset_editor_rename_class(editor, "小狗", "a/b", &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);

  g_assert_true(kj_dataset_editor_delete_class(editor, "Fish", &error));
  g_assert_no_error(error);
  wait_until_idle(editor);
  save_screenshot(GTK_WIDGET(fixture->window), "dataset-editor-edited.png");
}

static GtkWindow *
find_toplevel(GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels();

  for (guint i = 0; i < g_list_model_get_n_items(toplevels); i++) {
    g_autoptr(GObject) window = g_list_model_get_item(toplevels, i);

    if (G_TYPE_CHECK_INSTANCE_TYPE(window, type))
      return GTK_WINDOW(window);
  }
  return NULL;
}

/* The card's menu asks before deleting a class with its images. */
static void
test_delete_asks(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  g_auto(GStrv) classes = NULL;
  GtkWidget *row;
  GtkWindow *dialog;
  g_autofree char *cats_dir = g_build_filename(fixture->root, "猫", NULL);

  /* The 猫 card: the second row. */
  row = GTK_WIDGET(
      gtk_list_box_get_row_at_index(GTK_LIST_BOX(find_widget(GTK_WIDGET(editor), is_list_box)), 1));
  g_assert_nonnull(row);
  g_assert_true(gtk_widget_activate_action(row, "class.delete", NULL));
  dialog = find_toplevel(ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull(dialog);
  g_assert_cmpstr(adw_message_dialog_get_heading(ADW_MESSAGE_DIALOG(dialog)), ==, "Delete “猫”?");
  g_assert_cmpstr(adw_message_dialog_get_body(ADW_MESSAGE_DIALOG(dialog)), ==,
                  "Its 3 images will be deleted from the disk too.");
  save_screenshot(GTK_WIDGET(dialog), "dataset-editor-delete.png");
  adw_message_dialog_response(ADW_MESSAGE_DIALOG(dialog), "delete");
  kj_test_iterate(50);
  g_assert_false(g_file_test(cats_dir, G_FILE_TEST_EXISTS));
  classes = kj_dataset_editor_dup_classes(editor);
  g_assert_cmpstr(classes[0], ==, "狗");
  g_assert_null(classes[1]);
  g_assert_false(kj_dataset_editor_get_can_train(editor));
}

/* Files added in the background; refused ones reported in one message;
 * images deleted from a thumbnail's menu. */
static void
test_add_and_delete_images(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  g_autofree char *sources = g_build_filename(tmp_root, "sources", NULL);
  g_autofree char *text_path = g_build_filename(sources, "notes.txt", NULL);
  g_autofree char *png_path = g_build_filename(sources, "new-cat.png", NULL);
  g_autofree char *folder_path = g_build_filename(sources, "more", NULL);
  g_autoptr(GFile) text = g_file_new_for_path(text_path);
  g_autoptr(GFile) png = g_file_new_for_path(png_path);
  g_autoptr(GFile) folder = g_file_new_for_path(folder_path);
  GFile *files[] = { png, text, folder };
  GtkWidget *thumbnail;
  g_autofree char *cats = NULL;

  write_png(sources, "new-cat.png", 30, 30, 0x9141acff);
  write_png(folder_path, "a.png", 30, 30, 0x9141acff);
  write_png(folder_path, "b.png", 30, 30, 0x9141acff);
  g_assert_true(g_file_set_contents(text_path, "hello", 5, NULL));

  kj_dataset_editor_add_files(editor, "猫", files, G_N_ELEMENTS(files));
  g_assert_true(kj_dataset_editor_get_busy(editor));
  wait_until_idle(editor);
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "猫"), ==, 6);
  cats = card_text(editor, "猫");
  g_assert_true(g_str_has_prefix(cats, "猫\n6 images\n"));
  g_assert_cmpuint(fixture->errors->len, ==, 1);
  g_assert_cmpstr(fixture->errors->pdata[0], ==, "“notes.txt” is not an image Kuajie can read");
  g_assert_cmpuint(count_thumbnails(GTK_WIDGET(editor), TRUE), ==, 8);

  /* The first thumbnail of 狗 (the first card): dog-a.png. */
  thumbnail = find_widget(GTK_WIDGET(editor), is_thumbnail);
  g_assert_nonnull(thumbnail);
  g_assert_cmpstr(gtk_widget_get_tooltip_text(thumbnail), ==, "dog-a.png");
  g_assert_true(gtk_widget_activate_action(thumbnail, "class.delete-image", "^ay", "dog-a.png"));
  wait_until_idle(editor);
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "狗"), ==, 1);
  g_assert_cmpuint(count_thumbnails(GTK_WIDGET(editor), TRUE), ==, 7);
}

static GtkWidget *
row_at(KjDatasetEditor *editor, int index)
{
  GtkWidget *list = find_widget(GTK_WIDGET(editor), is_list_box);

  return GTK_WIDGET(gtk_list_box_get_row_at_index(GTK_LIST_BOX(list), index));
}

/* Pasted pixels are saved as PNG, un-premultiplied; pasted files are
 * copied. */
static void
test_paste(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  GdkClipboard *clipboard = gtk_widget_get_clipboard(GTK_WIDGET(editor));
  g_autoptr(GdkPixbuf) half = gdk_pixbuf_new(GDK_COLORSPACE_RGB, TRUE, 8, 16, 8);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkPixbuf) saved = NULL;
  g_autofree char *saved_path = g_build_filename(fixture->root, "狗", "image.png", NULL);
  g_autofree char *cat_path = g_build_filename(fixture->root, "猫", "cat-1.png", NULL);
  g_autofree char *copied_path = g_build_filename(fixture->root, "狗", "cat-1.png", NULL);
  g_autoptr(GFile) cat = g_file_new_for_path(cat_path);
  GdkFileList *file_list;
  g_autoptr(GError) error = NULL;
  const guint8 *p;

  /* Orange at half opacity. */
  gdk_pixbuf_fill(half, 0xff800080);
  texture = gdk_texture_new_for_pixbuf(half);
  gdk_clipboard_set_texture(clipboard, texture);
  g_assert_true(gtk_widget_activate_action(row_at(editor, 0), "class.paste", NULL));
  wait_until_idle(editor);
  g_assert_cmpuint(fixture->errors->len, ==, 0);
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "狗"), ==, 3);
  saved = gdk_pixbuf_new_from_file(saved_path, &error);
  g_assert_no_error(error);
  g_assert_cmpint(gdk_pixbuf_get_width(saved), ==, 16);
  g_assert_cmpint(gdk_pixbuf_get_height(saved), ==, 8);
  g_assert_true(gdk_pixbuf_get_has_alpha(saved));
  p = gdk_pixbuf_read_pixels(saved);
  g_assert_cmpint(ABS(p[0] - 0xff), <=, 2);
  g_assert_cmpint(ABS(p[1] - 0x80), <=, 2);
  g_assert_cmpint(p[2], <=, 2);
  g_assert_cmpint(ABS(p[3] - 0x80), <=, 1);

  file_list = gdk_file_list_new_from_array(&cat, 1);
  gdk_clipboard_set(clipboard, GDK_TYPE_FILE_LIST, file_list);
  g_boxed_free(GDK_TYPE_FILE_LIST, file_list);
  g_assert_true(gtk_widget_activate_action(row_at(editor, 0), "class.paste", NULL));
  wait_until_idle(editor);
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "狗"), ==, 4);
  g_assert_true(g_file_test(copied_path, G_FILE_TEST_IS_REGULAR));

  gdk_clipboard_set_text(clipboard, "no image here");
  g_assert_true(gtk_widget_activate_action(row_at(editor, 0), "class.paste", NULL));
  g_assert_cmpuint(fixture->errors->len, ==, 1);
  g_assert_cmpstr(fixture->errors->pdata[0], ==, "The clipboard holds no image");
}

/* Renaming in place: Enter commits; a refused name stays to be fixed;
 * Escape cancels. */
static void
test_rename_in_place(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  GtkWidget *row = row_at(editor, 0);
  GtkWidget *entry = find_widget(row, is_entry);
  g_autofree char *classes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *puppies = g_build_filename(fixture->root, "Puppies", NULL);
  g_autofree char *dogs = g_build_filename(fixture->root, "Dogs", NULL);

  g_assert_false(gtk_widget_get_mapped(entry));
  g_assert_true(gtk_widget_activate_action(row, "class.rename", NULL));
  g_assert_true(gtk_widget_get_mapped(entry));
  g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(entry)), ==, "狗");
  gtk_editable_set_text(GTK_EDITABLE(entry), "猫");
  g_signal_emit_by_name(entry, "activate");
  g_assert_true(gtk_widget_get_mapped(entry));
  g_assert_true(gtk_widget_has_css_class(entry, "error"));
  g_assert_cmpuint(fixture->errors->len, ==, 1);
  g_assert_cmpstr(fixture->errors->pdata[0], ==, "There is already a class named “猫”");
  save_screenshot(GTK_WIDGET(fixture->window), "dataset-editor-rename.png");

  g_assert_true(gtk_widget_activate_action(row, "class.cancel-rename", NULL));
  g_assert_false(gtk_widget_get_mapped(entry));
  text = card_text(editor, "狗");
  g_assert_true(g_str_has_prefix(text, "狗\n2 images\n"));

  g_assert_true(gtk_widget_activate_action(row, "class.rename", NULL));
  gtk_editable_set_text(GTK_EDITABLE(entry), " Dogs ");
  g_signal_emit_by_name(entry, "activate");
  g_assert_false(gtk_widget_get_mapped(entry));
  classes = classes_shown(editor);
  g_assert_cmpstr(classes, ==, "Dogs|猫");
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "Dogs"), ==, 2);
  g_assert_true(row_at(editor, 0) == row);
  wait_until_idle(editor);
  g_assert_cmpuint(count_thumbnails(GTK_WIDGET(editor), TRUE), ==, 5);

  /* Closing the window in the middle of a rename renames nothing. */
  g_assert_true(gtk_widget_activate_action(row, "class.rename", NULL));
  gtk_editable_set_text(GTK_EDITABLE(entry), "Puppies");
  close_window(fixture);
  g_assert_false(g_file_test(puppies, G_FILE_TEST_EXISTS));
  g_assert_true(g_file_test(dogs, G_FILE_TEST_IS_DIR));
}

static gboolean
outside_files_shown(gpointer editor)
{
  return kj_dataset_editor_get_image_count(editor, "猫") == 4 &&
         kj_dataset_editor_get_image_count(editor, "Birds") == 1;
}

/* Files copied into the folder by other programs show up by themselves. */
static void
test_follows_outside_changes(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  g_autofree char *cats = g_build_filename(fixture->root, "猫", NULL);
  g_autofree char *birds = g_build_filename(fixture->root, "Birds", NULL);
  g_autofree char *classes = NULL;

  write_png(cats, "outside.png", 20, 20, 0x613583ff);
  write_png(birds, "bird.png", 20, 20, 0x865e3cff);
  kj_test_wait_until(outside_files_shown, editor, 10, "the files copied in");
  classes = classes_shown(editor);
  g_assert_cmpstr(classes, ==, "Birds|狗|猫");
  wait_until_idle(editor);
  g_assert_cmpuint(count_thumbnails(GTK_WIDGET(editor), TRUE), ==, 7);
}

/* A class with more images than its strip shows counts the rest. */
static void
test_many_images(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  g_autofree char *cats = g_build_filename(fixture->root, "猫", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 45; i++) {
    g_autofree char *name = g_strdup_printf("more-%02u.png", i);

    write_png(cats, name, 24 + i, 24, 0x1c71d8ff + (i * 0x050300 << 8));
  }
  g_assert_true(
      kj_dataset_editor_add_class(editor, "A class with a rather long name, to see", &error));
  g_assert_no_error(error);
  kj_dataset_editor_reload(editor);
  wait_until_idle(editor);
  g_assert_cmpint(kj_dataset_editor_get_image_count(editor, "猫"), ==, 48);
  text = card_text(editor, "猫");
  g_assert_true(g_str_has_prefix(text, "猫\n48 images\n"));
  g_assert_nonnull(strstr(text, "\n+8\n"));
  g_assert_cmpuint(count_thumbnails(GTK_WIDGET(editor), TRUE), ==, 42);
  save_screenshot(GTK_WIDGET(fixture->window), "dataset-editor-many.png");
}

/* An empty folder: the empty state, and a folder created with the first
 * class. */
static void
test_empty_folder(Fixture *fixture, gconstpointer data)
{
  KjDatasetEditor *editor = fixture->editor;
  g_autofree char *fresh = g_build_filename(fixture->root, "not-yet", "made", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) classes = NULL;

  kj_dataset_editor_set_folder(editor, fresh);
  wait_until_idle(editor);
  classes = kj_dataset_editor_dup_classes(editor);
  g_assert_cmpuint(g_strv_length(classes), ==, 0);
  g_assert_false(kj_dataset_editor_get_can_train(editor));
  save_screenshot(GTK_WIDGET(fixture->window), "dataset-editor-empty.png");
  g_assert_false(g_file_test(fresh, G_FILE_TEST_EXISTS));
  g_assert_true(kj_dataset_editor_add_class(editor, "猫", &error));
  g_assert_no_error(error);
  g_assert_true(g_file_test(fresh, G_FILE_TEST_IS_DIR));
}

/* The default folder is under XDG_DATA_HOME (a temporary one here). */
static void
test_default_folder(void)
{
  GtkWidget *editor = g_object_ref_sink(kj_dataset_editor_new());
  g_autofree char *expected =
      g_build_filename(tmp_root, "xdg-data", "kuajie", "datasets", "my-images", NULL);

  g_assert_cmpstr(kj_dataset_editor_get_folder(KJ_DATASET_EDITOR(editor)), ==, expected);
  g_assert_false(g_file_test(expected, G_FILE_TEST_EXISTS));
  g_assert_finalize_object(editor);
}

static void
remove_tree(GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children(
      file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL) {
    GFileInfo *info;
    GFile *entry;

    while (g_file_enumerator_iterate(children, &info, &entry, NULL, NULL) && info != NULL)
      remove_tree(entry);
  }
  g_file_delete(file, NULL, NULL);
}

int
main(int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  g_autofree char *xdg = NULL;
  int status;

  tmp_root = g_dir_make_tmp("kuajie-test-dataset-editor-XXXXXX", &error);
  g_assert_no_error(error);
  xdg = g_build_filename(tmp_root, "xdg-data", NULL);
  g_setenv("XDG_DATA_HOME", xdg, TRUE);
  kj_i18n_init();
  gtk_test_init(&argc, &argv, NULL);
  adw_init();
  /* The app's style sheet, as AdwApplication loads it. */
  css = gtk_css_provider_new();
  gtk_css_provider_load_from_resource(css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display(gdk_display_get_default(), GTK_STYLE_PROVIDER(css),
                                             GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func("/kj/dataset-editor/default-folder", test_default_folder);
  g_test_add("/kj/dataset-editor/shows-folder", Fixture, NULL, fixture_set_up, test_shows_folder,
             fixture_tear_down);
  g_test_add("/kj/dataset-editor/edit-classes", Fixture, NULL, fixture_set_up, test_edit_classes,
             fixture_tear_down);
  g_test_add("/kj/dataset-editor/delete-asks", Fixture, NULL, fixture_set_up, test_delete_asks,
             fixture_tear_down);
  g_test_add("/kj/dataset-editor/add-and-delete-images", Fixture, NULL, fixture_set_up,
             test_add_and_delete_images, fixture_tear_down);
  g_test_add("/kj/dataset-editor/paste", Fixture, NULL, fixture_set_up, test_paste,
             fixture_tear_down);
  g_test_add("/kj/dataset-editor/rename-in-place", Fixture, NULL, fixture_set_up,
             test_rename_in_place, fixture_tear_down);
  g_test_add("/kj/dataset-editor/follows-outside-changes", Fixture, NULL, fixture_set_up,
             test_follows_outside_changes, fixture_tear_down);
  g_test_add("/kj/dataset-editor/many-images", Fixture, NULL, fixture_set_up, test_many_images,
             fixture_tear_down);
  g_test_add("/kj/dataset-editor/empty-folder", Fixture, NULL, fixture_set_up, test_empty_folder,
             fixture_tear_down);
  status = g_test_run();

  root = g_file_new_for_path(tmp_root);
  remove_tree(root);
  g_free(tmp_root);
  return status;
}
