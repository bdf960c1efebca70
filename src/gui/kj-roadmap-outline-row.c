/* One row of the outline: a topic with its done check box, kind and status,
 * or a stage or domain with its count, kept in step with the item it shows. */
#include "config.h"

#include "kj-roadmap-outline-row.h"

#include <glib/gi18n.h>

#include "kj-roadmap-outline-group.h"

gpointer
kj_roadmap_outline_row_get_item(GtkTreeListRow *row)
{
  g_autoptr(GObject) item = gtk_tree_list_row_get_item(row);

  /* The row keeps its item alive. */
  return item;
}

/* The widgets of one row, kept on its expander. */
typedef struct {
  GtkListItem *list_item;
  GtkTreeExpander *expander;
  GtkWidget *check;
  GtkWidget *title;
  GtkWidget *caption;
  GtkWidget *status;
  GtkWidget *count;
  GBindingGroup *title_binding; /* the node's or the group's title */
  GBindingGroup *count_binding; /* a group's count */
  GSignalGroup *node_signals;   /* the node shown */
  GSignalGroup *group_signals;  /* the group shown */
  gboolean syncing;             /* the check box is being set from the node */
} Row;

static void
row_free(gpointer data)
{
  Row *row = data;

  g_clear_object(&row->title_binding);
  g_clear_object(&row->count_binding);
  g_clear_object(&row->node_signals);
  g_clear_object(&row->group_signals);
  g_free(row);
}

static KjRoadmapNode *
row_get_node(Row *row)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item(row->list_item);
  gpointer item = tree_row != NULL ? kj_roadmap_outline_row_get_item(tree_row) : NULL;

  return KJ_IS_ROADMAP_NODE(item) ? item : NULL;
}

static void
row_sync_status(Row *row)
{
  KjRoadmapNode *node = row_get_node(row);
  KjRoadmapStatus status;

  if (node == NULL)
    return;
  status = kj_roadmap_node_get_status(node);
  /* Set from the model, so not an edit of the user's. */
  row->syncing = TRUE;
  gtk_check_button_set_active(GTK_CHECK_BUTTON(row->check), status == KJ_ROADMAP_STATUS_DONE);
  row->syncing = FALSE;

  /* Done shows in the check box; learning and skipped in words. */
  gtk_widget_set_visible(row->status, status == KJ_ROADMAP_STATUS_LEARNING ||
                                          status == KJ_ROADMAP_STATUS_SKIPPED);
  gtk_label_set_text(GTK_LABEL(row->status), kj_roadmap_status_get_label(status));
  if (status == KJ_ROADMAP_STATUS_LEARNING)
    gtk_widget_add_css_class(row->status, "accent");
  else
    gtk_widget_remove_css_class(row->status, "accent");
  if (status == KJ_ROADMAP_STATUS_SKIPPED)
    gtk_widget_add_css_class(row->title, "dim-label");
  else
    gtk_widget_remove_css_class(row->title, "dim-label");
}

static void
row_sync_kind(Row *row)
{
  KjRoadmapNode *node = row_get_node(row);

  if (node != NULL)
    gtk_label_set_text(GTK_LABEL(row->caption),
                       kj_roadmap_node_kind_get_label(kj_roadmap_node_get_kind(node)));
}

static void
row_sync_check_label(Row *row)
{
  KjRoadmapNode *node = row_get_node(row);
  g_autofree char *label = NULL;

  if (node == NULL)
    return;
  /* Translators: the accessible name of a topic's check box; %s is its title */
  label = g_strdup_printf(_("Done: %s"), kj_roadmap_node_get_title(node));
  gtk_accessible_update_property(GTK_ACCESSIBLE(row->check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                 -1);
}

static void
row_sync_count_label(Row *row)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item(row->list_item);
  gpointer item = tree_row != NULL ? kj_roadmap_outline_row_get_item(tree_row) : NULL;
  g_autofree char *label = NULL;

  if (!KJ_IS_ROADMAP_OUTLINE_GROUP(item))
    return;
  /* Translators: the accessible name of a stage's or domain's count, "3/5" */
  label = g_strdup_printf(_("%u of %u done"), kj_roadmap_outline_group_get_n_done(item),
                          kj_roadmap_outline_group_get_n_counted(item));
  gtk_accessible_update_property(GTK_ACCESSIBLE(row->count), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                 -1);
}

static void
on_check_toggled(GtkCheckButton *check, Row *row)
{
  KjRoadmapNode *node = row_get_node(row);

  if (row->syncing || node == NULL)
    return;
  if (gtk_check_button_get_active(check))
    kj_roadmap_node_set_status(node, KJ_ROADMAP_STATUS_DONE);
  else if (kj_roadmap_node_get_status(node) == KJ_ROADMAP_STATUS_DONE)
    kj_roadmap_node_set_status(node, KJ_ROADMAP_STATUS_NOT_STARTED);
}

static GtkWidget *
new_label(const char *css_class, const char *css_class2)
{
  GtkWidget *label = gtk_label_new(NULL);

  gtk_label_set_xalign(GTK_LABEL(label), 0.0f);
  if (css_class != NULL)
    gtk_widget_add_css_class(label, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class(label, css_class2);
  return label;
}

void
kj_roadmap_outline_row_setup(GtkSignalListItemFactory *factory, GtkListItem *list_item,
                             gpointer user_data)
{
  Row *row = g_new0(Row, 1);
  GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);

  row->list_item = list_item;
  row->expander = GTK_TREE_EXPANDER(gtk_tree_expander_new());

  row->check = gtk_check_button_new();
  gtk_widget_set_valign(row->check, GTK_ALIGN_CENTER);
  g_signal_connect(row->check, "toggled", G_CALLBACK(on_check_toggled), row);
  gtk_box_append(GTK_BOX(box), row->check);

  row->title = new_label(NULL, NULL);
  gtk_label_set_ellipsize(GTK_LABEL(row->title), PANGO_ELLIPSIZE_END);
  row->caption = new_label("caption", "dim-label");
  gtk_label_set_ellipsize(GTK_LABEL(row->caption), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand(texts, TRUE);
  gtk_widget_set_valign(texts, GTK_ALIGN_CENTER);
  gtk_box_append(GTK_BOX(texts), row->title);
  gtk_box_append(GTK_BOX(texts), row->caption);
  gtk_box_append(GTK_BOX(box), texts);

  row->status = new_label("caption", NULL);
  gtk_widget_set_valign(row->status, GTK_ALIGN_CENTER);
  gtk_box_append(GTK_BOX(box), row->status);
  row->count = new_label("caption", "numeric");
  gtk_widget_add_css_class(row->count, "dim-label");
  gtk_widget_set_valign(row->count, GTK_ALIGN_CENTER);
  gtk_box_append(GTK_BOX(box), row->count);

  row->title_binding = g_binding_group_new();
  g_binding_group_bind(row->title_binding, "title", row->title, "label", G_BINDING_SYNC_CREATE);
  row->count_binding = g_binding_group_new();
  g_binding_group_bind(row->count_binding, "count-label", row->count, "label",
                       G_BINDING_SYNC_CREATE);
  row->node_signals = g_signal_group_new(KJ_TYPE_ROADMAP_NODE);
  g_signal_group_connect_swapped(row->node_signals, "notify::status", G_CALLBACK(row_sync_status),
                                 row);
  g_signal_group_connect_swapped(row->node_signals, "notify::kind", G_CALLBACK(row_sync_kind), row);
  g_signal_group_connect_swapped(row->node_signals, "notify::title",
                                 G_CALLBACK(row_sync_check_label), row);
  row->group_signals = g_signal_group_new(KJ_TYPE_ROADMAP_OUTLINE_GROUP);
  g_signal_group_connect_swapped(row->group_signals, "notify::count-label",
                                 G_CALLBACK(row_sync_count_label), row);

  gtk_tree_expander_set_child(row->expander, box);
  g_object_set_data_full(G_OBJECT(row->expander), "kj-outline-row", row, row_free);
  gtk_list_item_set_child(list_item, GTK_WIDGET(row->expander));
}

void
kj_roadmap_outline_row_bind(GtkSignalListItemFactory *factory, GtkListItem *list_item,
                            gpointer user_data)
{
  GtkWidget *expander = gtk_list_item_get_child(list_item);
  Row *row = g_object_get_data(G_OBJECT(expander), "kj-outline-row");
  GtkTreeListRow *tree_row = gtk_list_item_get_item(list_item);
  gpointer item = kj_roadmap_outline_row_get_item(tree_row);
  gboolean is_node = KJ_IS_ROADMAP_NODE(item);

  gtk_tree_expander_set_list_row(row->expander, tree_row);
  g_binding_group_set_source(row->title_binding, item);
  gtk_widget_set_visible(row->check, is_node);
  gtk_widget_set_visible(row->caption, is_node);
  gtk_widget_set_visible(row->count, !is_node);
  if (is_node) {
    g_signal_group_set_target(row->node_signals, item);
    gtk_widget_remove_css_class(row->title, "heading");
    row_sync_status(row);
    row_sync_kind(row);
    row_sync_check_label(row);
  } else {
    gboolean is_stage = !kj_roadmap_outline_group_is_domain(item);

    g_binding_group_set_source(row->count_binding, item);
    g_signal_group_set_target(row->group_signals, item);
    gtk_widget_set_visible(row->status, FALSE);
    gtk_widget_remove_css_class(row->title, "dim-label");
    if (is_stage)
      gtk_widget_add_css_class(row->title, "heading");
    else
      gtk_widget_remove_css_class(row->title, "heading");
    row_sync_count_label(row);
  }
}

void
kj_roadmap_outline_row_unbind(GtkSignalListItemFactory *factory, GtkListItem *list_item,
                              gpointer user_data)
{
  Row *row = g_object_get_data(G_OBJECT(gtk_list_item_get_child(list_item)), "kj-outline-row");

  g_binding_group_set_source(row->title_binding, NULL);
  g_binding_group_set_source(row->count_binding, NULL);
  g_signal_group_set_target(row->node_signals, NULL);
  g_signal_group_set_target(row->group_signals, NULL);
  gtk_tree_expander_set_list_row(row->expander, NULL);
}
