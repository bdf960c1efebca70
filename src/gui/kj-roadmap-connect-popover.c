#include "config.h"

#include "kj-roadmap-connect-popover.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-toast.h"

struct _KjRoadmapConnectPopover {
  GtkPopover parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkToggleButton *prerequisite_button;
  GtkToggleButton *related_button;
  GtkListBox *list;

  /* owned */
  KjRoadmap *roadmap;
  KjRoadmapNode *node;
  GtkFilterListModel *matches; /* the roadmap's other nodes that match */
  char *query;                 /* casefolded search text; NULL when empty */
  KjRoadmapEdgeKind kind;
};

G_DEFINE_FINAL_TYPE(KjRoadmapConnectPopover, kj_roadmap_connect_popover, GTK_TYPE_POPOVER)

enum { PROP_0, PROP_EDGE_KIND, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* ---- the list ---- */

static gboolean
text_matches(const char *text, const char *query)
{
  g_autofree char *folded = g_utf8_casefold(text, -1);

  return strstr(folded, query) != NULL;
}

static gboolean
node_matches(gpointer item, gpointer user_data)
{
  KjRoadmapConnectPopover *self = user_data;
  KjRoadmapNode *node = item;

  if (node == self->node)
    return FALSE;
  return self->query == NULL || text_matches(kj_roadmap_node_get_title(node), self->query) ||
         text_matches(kj_roadmap_node_get_id(node), self->query);
}

static gboolean
kind_to_label(GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_string(to, kj_roadmap_node_kind_get_label(g_value_get_enum(from)));
  return TRUE;
}

static GtkWidget *
create_row(gpointer item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new(NULL);
  GtkWidget *kind = gtk_label_new(NULL);

  gtk_label_set_xalign(GTK_LABEL(title), 0);
  gtk_label_set_ellipsize(GTK_LABEL(title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand(title, TRUE);
  gtk_widget_add_css_class(kind, "dim-label");
  gtk_widget_add_css_class(kind, "caption");
  g_object_bind_property(item, "title", title, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full(item, "kind", kind, "label", G_BINDING_SYNC_CREATE, kind_to_label,
                              NULL, NULL, NULL);
  gtk_box_append(GTK_BOX(box), title);
  gtk_box_append(GTK_BOX(box), kind);
  return box;
}

static void
refilter(KjRoadmapConnectPopover *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter(self->matches);

  gtk_filter_changed(filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_changed(KjRoadmapConnectPopover *self)
{
  const char *text = gtk_editable_get_text(GTK_EDITABLE(self->search_entry));
  g_autofree char *stripped = g_strstrip(g_strdup(text));

  g_clear_pointer(&self->query, g_free);
  if (*stripped != '\0')
    self->query = g_utf8_casefold(stripped, -1);
  refilter(self);
}

/* Titles may have changed since the last time: filter anew. */
static void
on_show(KjRoadmapConnectPopover *self)
{
  gtk_editable_set_text(GTK_EDITABLE(self->search_entry), "");
  on_search_changed(self);
  gtk_widget_grab_focus(GTK_WIDGET(self->search_entry));
}

static void
connect_to_match(KjRoadmapConnectPopover *self, guint position)
{
  g_autoptr(KjRoadmapNode) target = g_list_model_get_item(G_LIST_MODEL(self->matches), position);

  if (target != NULL)
    kj_roadmap_connect_popover_connect_to(self, target);
}

static void
on_row_activated(KjRoadmapConnectPopover *self, GtkListBoxRow *row)
{
  connect_to_match(self, (guint)gtk_list_box_row_get_index(row));
}

/* Enter in the search takes the first match. */
static void
on_search_activate(KjRoadmapConnectPopover *self)
{
  connect_to_match(self, 0);
}

static void
on_kind_toggled(KjRoadmapConnectPopover *self)
{
  KjRoadmapEdgeKind kind = gtk_toggle_button_get_active(self->related_button)
                               ? KJ_ROADMAP_EDGE_RELATES_TO
                               : KJ_ROADMAP_EDGE_PREREQUISITE;

  if (kind == self->kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_EDGE_KIND]);
}

/* ---- connecting ---- */

gboolean
kj_roadmap_connect_popover_connect_to(KjRoadmapConnectPopover *self, KjRoadmapNode *target)
{
  g_autoptr(GError) error = NULL;
  const char *from, *to;

  g_return_val_if_fail(KJ_IS_ROADMAP_CONNECT_POPOVER(self), FALSE);
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(target), FALSE);

  if (self->roadmap == NULL || self->node == NULL)
    return FALSE;
  from = kj_roadmap_node_get_id(self->node);
  to = kj_roadmap_node_get_id(target);
  /* One edge between two topics: the roadmap checks one direction, the
   * other would make a second, opposite link. */
  if (kj_roadmap_lookup_edge(self->roadmap, to, from) != NULL) {
    g_autofree char *message =
        /* Translators: both are topic titles. */
        g_strdup_printf(_("“%s” and “%s” are connected already"),
                        kj_roadmap_node_get_title(self->node), kj_roadmap_node_get_title(target));

    kj_toast_show(GTK_WIDGET(self), message);
    return FALSE;
  }
  if (kj_roadmap_connect(self->roadmap, from, to, self->kind, NULL, &error) == NULL) {
    kj_toast_show(GTK_WIDGET(self), error->message);
    return FALSE;
  }
  gtk_popover_popdown(GTK_POPOVER(self));
  return TRUE;
}

/* ---- the object ---- */

void
kj_roadmap_connect_popover_set_roadmap(KjRoadmapConnectPopover *self, KjRoadmap *roadmap)
{
  g_return_if_fail(KJ_IS_ROADMAP_CONNECT_POPOVER(self));
  g_return_if_fail(roadmap == NULL || KJ_IS_ROADMAP(roadmap));

  if (!g_set_object(&self->roadmap, roadmap))
    return;
  gtk_filter_list_model_set_model(self->matches,
                                  roadmap != NULL ? kj_roadmap_get_nodes(roadmap) : NULL);
}

void
kj_roadmap_connect_popover_set_node(KjRoadmapConnectPopover *self, KjRoadmapNode *node)
{
  g_return_if_fail(KJ_IS_ROADMAP_CONNECT_POPOVER(self));
  g_return_if_fail(node == NULL || KJ_IS_ROADMAP_NODE(node));

  if (g_set_object(&self->node, node))
    refilter(self);
}

KjRoadmapEdgeKind
kj_roadmap_connect_popover_get_edge_kind(KjRoadmapConnectPopover *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_CONNECT_POPOVER(self), KJ_ROADMAP_EDGE_PREREQUISITE);
  return self->kind;
}

void
kj_roadmap_connect_popover_set_edge_kind(KjRoadmapConnectPopover *self, KjRoadmapEdgeKind kind)
{
  g_return_if_fail(KJ_IS_ROADMAP_CONNECT_POPOVER(self));

  /* The toggle handler stores the kind and notifies. */
  gtk_toggle_button_set_active(
      kind == KJ_ROADMAP_EDGE_RELATES_TO ? self->related_button : self->prerequisite_button, TRUE);
}

GListModel *
kj_roadmap_connect_popover_get_matches(KjRoadmapConnectPopover *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_CONNECT_POPOVER(self), NULL);
  return G_LIST_MODEL(self->matches);
}

GtkWidget *
kj_roadmap_connect_popover_new(void)
{
  return g_object_new(KJ_TYPE_ROADMAP_CONNECT_POPOVER, NULL);
}

static void
kj_roadmap_connect_popover_get_property(GObject *object, guint prop_id, GValue *value,
                                        GParamSpec *pspec)
{
  KjRoadmapConnectPopover *self = KJ_ROADMAP_CONNECT_POPOVER(object);

  switch (prop_id) {
  case PROP_EDGE_KIND:
    g_value_set_enum(value, self->kind);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_connect_popover_set_property(GObject *object, guint prop_id, const GValue *value,
                                        GParamSpec *pspec)
{
  KjRoadmapConnectPopover *self = KJ_ROADMAP_CONNECT_POPOVER(object);

  switch (prop_id) {
  case PROP_EDGE_KIND:
    kj_roadmap_connect_popover_set_edge_kind(self, g_value_get_enum(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_connect_popover_dispose(GObject *object)
{
  KjRoadmapConnectPopover *self = KJ_ROADMAP_CONNECT_POPOVER(object);

  if (self->list != NULL)
    gtk_list_box_bind_model(self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_ROADMAP_CONNECT_POPOVER);
  g_clear_object(&self->matches);
  g_clear_object(&self->node);
  g_clear_object(&self->roadmap);
  G_OBJECT_CLASS(kj_roadmap_connect_popover_parent_class)->dispose(object);
}

static void
kj_roadmap_connect_popover_finalize(GObject *object)
{
  KjRoadmapConnectPopover *self = KJ_ROADMAP_CONNECT_POPOVER(object);

  g_free(self->query);
  G_OBJECT_CLASS(kj_roadmap_connect_popover_parent_class)->finalize(object);
}

static void
kj_roadmap_connect_popover_class_init(KjRoadmapConnectPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->get_property = kj_roadmap_connect_popover_get_property;
  object_class->set_property = kj_roadmap_connect_popover_set_property;
  object_class->dispose = kj_roadmap_connect_popover_dispose;
  object_class->finalize = kj_roadmap_connect_popover_finalize;

  properties[PROP_EDGE_KIND] = g_param_spec_enum(
      "edge-kind", NULL, NULL, KJ_TYPE_ROADMAP_EDGE_KIND, KJ_ROADMAP_EDGE_PREREQUISITE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-roadmap-connect-popover.ui");
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapConnectPopover, search_entry);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapConnectPopover, prerequisite_button);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapConnectPopover, related_button);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapConnectPopover, list);
  gtk_widget_class_bind_template_callback(widget_class, on_show);
  gtk_widget_class_bind_template_callback(widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback(widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback(widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_callback(widget_class, on_row_activated);
}

static void
kj_roadmap_connect_popover_init(KjRoadmapConnectPopover *self)
{
  GtkCustomFilter *filter = gtk_custom_filter_new(node_matches, self, NULL);

  gtk_widget_init_template(GTK_WIDGET(self));
  self->kind = KJ_ROADMAP_EDGE_PREREQUISITE;
  gtk_button_set_label(GTK_BUTTON(self->prerequisite_button),
                       kj_roadmap_edge_kind_get_label(KJ_ROADMAP_EDGE_PREREQUISITE));
  gtk_button_set_label(GTK_BUTTON(self->related_button),
                       kj_roadmap_edge_kind_get_label(KJ_ROADMAP_EDGE_RELATES_TO));
  self->matches = gtk_filter_list_model_new(NULL, GTK_FILTER(filter));
  gtk_list_box_bind_model(self->list, G_LIST_MODEL(self->matches), create_row, self, NULL);
}
