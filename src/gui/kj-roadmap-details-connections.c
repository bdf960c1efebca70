#include "config.h"

#include "kj-roadmap-details-connections.h"

#include <glib/gi18n.h>

#include "kj-roadmap-connect-popover.h"

struct _KjRoadmapDetailsConnections {
  AdwPreferencesGroup parent_instance;

  /* template widgets */
  KjRoadmapConnectPopover *connect_popover;
  GtkWidget *needs_label;
  GtkListBox *needs_list;
  GtkWidget *leads_label;
  GtkListBox *leads_list;
  GtkWidget *related_label;
  GtkListBox *related_list;
  GtkWidget *empty_label;

  /* owned */
  KjRoadmap *roadmap;
  KjRoadmapNode *node;
  GPtrArray *edges; /* KjRoadmapEdge shown, watched for a change of kind */
};

G_DEFINE_FINAL_TYPE(KjRoadmapDetailsConnections, kj_roadmap_details_connections,
                    ADW_TYPE_PREFERENCES_GROUP)

enum { NODE_SELECTED, N_SIGNALS };

static guint signals[N_SIGNALS];

/* ---- the rows ---- */

static gboolean
label_or_empty(GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *label = g_value_get_string(from);

  g_value_set_string(to, label != NULL ? label : "");
  return TRUE;
}

static GtkWidget *
icon_button_new(const char *icon_name, const char *label, const char *action, GVariant *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name(icon_name);

  gtk_widget_set_tooltip_text(button, label);
  gtk_accessible_update_property(GTK_ACCESSIBLE(button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class(button, "flat");
  gtk_actionable_set_action_name(GTK_ACTIONABLE(button), action);
  gtk_actionable_set_action_target_value(GTK_ACTIONABLE(button), target);
  return button;
}

static GtkWidget *
edge_row_new(KjRoadmapEdge *edge, KjRoadmapNode *other)
{
  GtkWidget *row = adw_action_row_new();
  const char *from = kj_roadmap_edge_get_from(edge), *to = kj_roadmap_edge_get_to(edge);
  GtkWidget *go = icon_button_new("go-next-symbolic", _("Go to topic"), "connections.go-to",
                                  g_variant_new_string(kj_roadmap_node_get_id(other)));
  GtkWidget *remove = icon_button_new("user-trash-symbolic", _("Remove connection"),
                                      "connections.remove", g_variant_new("(ss)", from, to));

  /* Titles and labels are the user's text, never markup. */
  adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
  adw_action_row_set_title_lines(ADW_ACTION_ROW(row), 2);
  g_object_bind_property(other, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full(edge, "label", row, "subtitle", G_BINDING_SYNC_CREATE, label_or_empty,
                              NULL, NULL, NULL);
  adw_action_row_add_suffix(ADW_ACTION_ROW(row), go);
  adw_action_row_add_suffix(ADW_ACTION_ROW(row), remove);
  adw_action_row_set_activatable_widget(ADW_ACTION_ROW(row), go);
  return row;
}

static void
clear_list(GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child(GTK_WIDGET(list))) != NULL)
    gtk_list_box_remove(list, child);
}

/* A section and its caption show only when it has rows. */
static gboolean
show_section(GtkWidget *label, GtkListBox *list)
{
  gboolean any = gtk_widget_get_first_child(GTK_WIDGET(list)) != NULL;

  gtk_widget_set_visible(label, any);
  gtk_widget_set_visible(GTK_WIDGET(list), any);
  return any;
}

static void rebuild(KjRoadmapDetailsConnections *self);

static void
forget_edges(KjRoadmapDetailsConnections *self)
{
  for (guint i = 0; i < self->edges->len; i++)
    g_signal_handlers_disconnect_by_func(self->edges->pdata[i], rebuild, self);
  g_ptr_array_set_size(self->edges, 0);
}

static void
rebuild(KjRoadmapDetailsConnections *self)
{
  g_autoptr(GPtrArray) edges = NULL;
  const char *id;
  gboolean any = FALSE;

  forget_edges(self);
  clear_list(self->needs_list);
  clear_list(self->leads_list);
  clear_list(self->related_list);
  if (self->roadmap != NULL && self->node != NULL) {
    id = kj_roadmap_node_get_id(self->node);
    edges = kj_roadmap_dup_node_edges(self->roadmap, id);
    for (guint i = 0; i < edges->len; i++) {
      KjRoadmapEdge *edge = edges->pdata[i];
      gboolean outgoing = g_strcmp0(kj_roadmap_edge_get_from(edge), id) == 0;
      const char *other_id =
          outgoing ? kj_roadmap_edge_get_to(edge) : kj_roadmap_edge_get_from(edge);
      KjRoadmapNode *other = kj_roadmap_lookup_node(self->roadmap, other_id);
      GtkListBox *list;

      if (other == NULL)
        continue;
      if (kj_roadmap_edge_get_kind(edge) == KJ_ROADMAP_EDGE_RELATES_TO)
        list = self->related_list;
      else
        list = outgoing ? self->leads_list : self->needs_list;
      gtk_list_box_append(list, edge_row_new(edge, other));
      g_ptr_array_add(self->edges, g_object_ref(edge));
      g_signal_connect_swapped(edge, "notify::kind", G_CALLBACK(rebuild), self);
    }
  }
  any |= show_section(self->needs_label, self->needs_list);
  any |= show_section(self->leads_label, self->leads_list);
  any |= show_section(self->related_label, self->related_list);
  gtk_widget_set_visible(self->empty_label, !any);
}

/* ---- actions ---- */

static void
go_to_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapDetailsConnections *self = KJ_ROADMAP_DETAILS_CONNECTIONS(widget);
  KjRoadmapNode *node;

  if (self->roadmap == NULL)
    return;
  node = kj_roadmap_lookup_node(self->roadmap, g_variant_get_string(parameter, NULL));
  if (node != NULL)
    g_signal_emit(self, signals[NODE_SELECTED], 0, node);
}

static void
remove_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapDetailsConnections *self = KJ_ROADMAP_DETAILS_CONNECTIONS(widget);
  const char *from, *to;
  KjRoadmapEdge *edge;

  if (self->roadmap == NULL)
    return;
  g_variant_get(parameter, "(&s&s)", &from, &to);
  edge = kj_roadmap_lookup_edge(self->roadmap, from, to);
  if (edge != NULL)
    kj_roadmap_disconnect(self->roadmap, edge);
}

/* ---- the object ---- */

void
kj_roadmap_details_connections_set_roadmap(KjRoadmapDetailsConnections *self, KjRoadmap *roadmap)
{
  g_return_if_fail(KJ_IS_ROADMAP_DETAILS_CONNECTIONS(self));
  g_return_if_fail(roadmap == NULL || KJ_IS_ROADMAP(roadmap));

  if (self->roadmap == roadmap)
    return;
  if (self->roadmap != NULL)
    g_signal_handlers_disconnect_by_data(kj_roadmap_get_edges(self->roadmap), self);
  g_set_object(&self->roadmap, roadmap);
  if (roadmap != NULL)
    g_signal_connect_swapped(kj_roadmap_get_edges(roadmap), "items-changed", G_CALLBACK(rebuild),
                             self);
  kj_roadmap_connect_popover_set_roadmap(self->connect_popover, roadmap);
  rebuild(self);
}

void
kj_roadmap_details_connections_set_node(KjRoadmapDetailsConnections *self, KjRoadmapNode *node)
{
  g_return_if_fail(KJ_IS_ROADMAP_DETAILS_CONNECTIONS(self));
  g_return_if_fail(node == NULL || KJ_IS_ROADMAP_NODE(node));

  if (!g_set_object(&self->node, node))
    return;
  kj_roadmap_connect_popover_set_node(self->connect_popover, node);
  rebuild(self);
}

GtkWidget *
kj_roadmap_details_connections_new(void)
{
  return g_object_new(KJ_TYPE_ROADMAP_DETAILS_CONNECTIONS, NULL);
}

static void
kj_roadmap_details_connections_dispose(GObject *object)
{
  KjRoadmapDetailsConnections *self = KJ_ROADMAP_DETAILS_CONNECTIONS(object);

  if (self->edges != NULL)
    forget_edges(self);
  if (self->roadmap != NULL)
    g_signal_handlers_disconnect_by_data(kj_roadmap_get_edges(self->roadmap), self);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_ROADMAP_DETAILS_CONNECTIONS);
  g_clear_object(&self->node);
  g_clear_object(&self->roadmap);
  G_OBJECT_CLASS(kj_roadmap_details_connections_parent_class)->dispose(object);
}

static void
kj_roadmap_details_connections_finalize(GObject *object)
{
  KjRoadmapDetailsConnections *self = KJ_ROADMAP_DETAILS_CONNECTIONS(object);

  g_ptr_array_unref(self->edges);
  G_OBJECT_CLASS(kj_roadmap_details_connections_parent_class)->finalize(object);
}

static void
kj_roadmap_details_connections_class_init(KjRoadmapDetailsConnectionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_roadmap_details_connections_dispose;
  object_class->finalize = kj_roadmap_details_connections_finalize;

  signals[NODE_SELECTED] =
      g_signal_new("node-selected", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                   NULL, G_TYPE_NONE, 1, KJ_TYPE_ROADMAP_NODE);

  g_type_ensure(KJ_TYPE_ROADMAP_CONNECT_POPOVER);
  gtk_widget_class_set_template_from_resource(widget_class, RESOURCE_PATH
                                              "/ui/kj-roadmap-details-connections.ui");
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsConnections, connect_popover);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsConnections, needs_label);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsConnections, needs_list);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsConnections, leads_label);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsConnections, leads_list);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsConnections, related_label);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsConnections, related_list);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetailsConnections, empty_label);

  gtk_widget_class_install_action(widget_class, "connections.go-to", "s", go_to_activated);
  gtk_widget_class_install_action(widget_class, "connections.remove", "(ss)", remove_activated);
}

static void
kj_roadmap_details_connections_init(KjRoadmapDetailsConnections *self)
{
  self->edges = g_ptr_array_new_with_free_func(g_object_unref);
  gtk_widget_init_template(GTK_WIDGET(self));
  rebuild(self);
}
