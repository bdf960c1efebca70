#include "config.h"

#include "kj-roadmap-details.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kj-roadmap-details-connections.h"
#include "kj-roadmap-details-links.h"

struct _KjRoadmapDetails {
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwEntryRow *title_row;
  AdwComboRow *kind_row;
  AdwComboRow *stage_row;
  AdwComboRow *status_row;
  AdwComboRow *domain_row;
  GtkStringList *domain_names;
  GtkAdjustment *hours_adjustment;
  GtkTextView *description_view;
  GtkTextView *notes_view;
  KjRoadmapDetailsLinks *links_group;
  KjRoadmapDetailsConnections *connections_group;

  /* owned */
  KjRoadmap *roadmap;
  KjRoadmapNode *node;
  GPtrArray *domain_ids; /* the domain of each item of domain_names; NULL for "None" */

  /* Set while the widgets are made to show the node, so their handlers do
   * not write back what they were just given. */
  guint syncing;
};

G_DEFINE_FINAL_TYPE(KjRoadmapDetails, kj_roadmap_details, ADW_TYPE_BIN)

enum { PROP_0, PROP_ROADMAP, PROP_NODE, N_PROPS };

static GParamSpec *properties[N_PROPS];

enum { NODE_SELECTED, N_SIGNALS };

static guint signals[N_SIGNALS];

/* ---- enumerations in combo rows: item n is the value n ---- */

static const char *
enum_label(GType type, int value)
{
  if (type == KJ_TYPE_ROADMAP_NODE_KIND)
    return kj_roadmap_node_kind_get_label(value);
  if (type == KJ_TYPE_ROADMAP_STAGE)
    return kj_roadmap_stage_get_label(value);
  return kj_roadmap_status_get_label(value);
}

static void
fill_enum_row(AdwComboRow *row, GType type)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref(type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new(NULL);

  for (guint i = 0; i < enum_class->n_values; i++) {
    g_assert(enum_class->values[i].value == (int)i);
    gtk_string_list_append(labels, enum_label(type, (int)i));
  }
  adw_combo_row_set_model(row, G_LIST_MODEL(labels));
}

/* ---- from the node to the widgets ---- */

static char *
dup_buffer_text(GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer(view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds(buffer, &start, &end);
  return gtk_text_buffer_get_text(buffer, &start, &end, FALSE);
}

static void
show_text(GtkTextView *view, const char *text)
{
  g_autofree char *shown = dup_buffer_text(view);

  if (g_strcmp0(shown, text) != 0)
    gtk_text_buffer_set_text(gtk_text_view_get_buffer(view), text, -1);
}

static void
show_selected(AdwComboRow *row, guint position)
{
  if (adw_combo_row_get_selected(row) != position)
    adw_combo_row_set_selected(row, position);
}

/* The domains to choose from: none, the roadmap's domain nodes, and the
 * node's own domain when it is something else (kept, not lost). */
static void
show_domains(KjRoadmapDetails *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new();
  const char *domain = self->node != NULL ? kj_roadmap_node_get_domain(self->node) : NULL;
  gboolean listed = domain == NULL, same;
  guint n_shown = g_list_model_get_n_items(G_LIST_MODEL(self->domain_names)), selected = 0;

  /* Translators: the domain of a topic that counts towards none. */
  g_ptr_array_add(names, (gpointer)_("None"));
  g_ptr_array_add(ids, NULL);
  for (guint i = 0; self->roadmap != NULL && i < kj_roadmap_get_n_nodes(self->roadmap); i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(self->roadmap, i);

    if (node == self->node || kj_roadmap_node_get_kind(node) != KJ_ROADMAP_NODE_KIND_DOMAIN)
      continue;
    listed |= g_strcmp0(kj_roadmap_node_get_id(node), domain) == 0;
    g_ptr_array_add(names, (gpointer)kj_roadmap_node_get_title(node));
    g_ptr_array_add(ids, g_strdup(kj_roadmap_node_get_id(node)));
  }
  if (!listed) {
    KjRoadmapNode *node = kj_roadmap_lookup_node(self->roadmap, domain);

    g_ptr_array_add(names, (gpointer)(node != NULL ? kj_roadmap_node_get_title(node) : domain));
    g_ptr_array_add(ids, g_strdup(domain));
  }

  same = n_shown == names->len;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0(gtk_string_list_get_string(self->domain_names, i), names->pdata[i]) == 0 &&
           g_strcmp0(self->domain_ids->pdata[i], ids->pdata[i]) == 0;
  if (!same) {
    g_ptr_array_add(names, NULL);
    gtk_string_list_splice(self->domain_names, 0, n_shown, (const char *const *)names->pdata);
    g_ptr_array_unref(self->domain_ids);
    self->domain_ids = g_steal_pointer(&ids);
  }
  for (guint i = 0; i < self->domain_ids->len; i++)
    if (g_strcmp0(self->domain_ids->pdata[i], domain) == 0)
      selected = i;
  show_selected(self->domain_row, selected);
}

static void
show_node(KjRoadmapDetails *self)
{
  KjRoadmapNode *node = self->node;

  self->syncing++;
  show_domains(self);
  if (node != NULL) {
    const char *title = kj_roadmap_node_get_title(node);

    if (g_strcmp0(gtk_editable_get_text(GTK_EDITABLE(self->title_row)), title) != 0)
      gtk_editable_set_text(GTK_EDITABLE(self->title_row), title);
    show_selected(self->kind_row, kj_roadmap_node_get_kind(node));
    show_selected(self->stage_row, kj_roadmap_node_get_stage(node));
    show_selected(self->status_row, kj_roadmap_node_get_status(node));
    gtk_adjustment_set_value(self->hours_adjustment, kj_roadmap_node_get_estimated_hours(node));
    show_text(self->description_view, kj_roadmap_node_get_description(node));
    show_text(self->notes_view, kj_roadmap_node_get_notes(node));
  }
  self->syncing--;
}

/* ---- from the widgets to the node: each a step of the undo history ---- */

static gboolean
can_edit(KjRoadmapDetails *self)
{
  return self->syncing == 0 && self->node != NULL;
}

static void
on_title_changed(KjRoadmapDetails *self)
{
  if (can_edit(self))
    kj_roadmap_node_set_title(self->node, gtk_editable_get_text(GTK_EDITABLE(self->title_row)));
}

static void
on_kind_selected(KjRoadmapDetails *self)
{
  guint selected = adw_combo_row_get_selected(self->kind_row);

  if (can_edit(self) && selected != GTK_INVALID_LIST_POSITION)
    kj_roadmap_node_set_kind(self->node, selected);
}

static void
on_stage_selected(KjRoadmapDetails *self)
{
  guint selected = adw_combo_row_get_selected(self->stage_row);

  if (can_edit(self) && selected != GTK_INVALID_LIST_POSITION)
    kj_roadmap_node_set_stage(self->node, selected);
}

static void
on_status_selected(KjRoadmapDetails *self)
{
  guint selected = adw_combo_row_get_selected(self->status_row);

  if (can_edit(self) && selected != GTK_INVALID_LIST_POSITION)
    kj_roadmap_node_set_status(self->node, selected);
}

static void
on_domain_selected(KjRoadmapDetails *self)
{
  guint selected = adw_combo_row_get_selected(self->domain_row);

  if (can_edit(self) && selected < self->domain_ids->len)
    kj_roadmap_node_set_domain(self->node, self->domain_ids->pdata[selected]);
}

static void
on_hours_changed(KjRoadmapDetails *self)
{
  double hours = gtk_adjustment_get_value(self->hours_adjustment);

  if (!can_edit(self))
    return;
  /* The spin button shows one digit: reading back what it shows is no
   * edit (2.25 shown as 2.3 stays 2.25). */
  if (round(hours * 10.0) == round(kj_roadmap_node_get_estimated_hours(self->node) * 10.0))
    return;
  kj_roadmap_node_set_estimated_hours(self->node, hours);
}

static void
on_description_changed(KjRoadmapDetails *self)
{
  g_autofree char *text = NULL;

  if (!can_edit(self))
    return;
  text = dup_buffer_text(self->description_view);
  kj_roadmap_node_set_description(self->node, text);
}

static void
on_notes_changed(KjRoadmapDetails *self)
{
  g_autofree char *text = NULL;

  if (!can_edit(self))
    return;
  text = dup_buffer_text(self->notes_view);
  kj_roadmap_node_set_notes(self->node, text);
}

/* Typing merges into one undo step until the field is left. */
static void
on_text_focus_leave(KjRoadmapDetails *self)
{
  if (self->roadmap != NULL)
    kj_roadmap_seal_last_edit(self->roadmap);
}

static void
on_node_selected(KjRoadmapDetails *self, KjRoadmapNode *node)
{
  g_signal_emit(self, signals[NODE_SELECTED], 0, node);
}

static void
remove_topic_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjRoadmapDetails *self = KJ_ROADMAP_DETAILS(widget);
  g_autoptr(KjRoadmapNode) node = NULL;

  if (self->roadmap == NULL || self->node == NULL)
    return;
  node = g_object_ref(self->node);
  kj_roadmap_details_set_node(self, NULL);
  kj_roadmap_remove_node(self->roadmap, node);
}

/* ---- following the roadmap ---- */

/* Removed, or its creation undone: there is nothing left to show. */
static void
on_nodes_changed(KjRoadmapDetails *self, guint position, guint removed, guint added)
{
  if (removed > 0 && self->node != NULL && !kj_roadmap_find_node(self->roadmap, self->node, NULL))
    kj_roadmap_details_set_node(self, NULL);
}

/* Any edit may add, rename or retype a domain. */
static void
on_roadmap_changed(KjRoadmapDetails *self)
{
  self->syncing++;
  show_domains(self);
  self->syncing--;
}

/* ---- the object ---- */

GtkWidget *
kj_roadmap_details_new(void)
{
  return g_object_new(KJ_TYPE_ROADMAP_DETAILS, NULL);
}

KjRoadmap *
kj_roadmap_details_get_roadmap(KjRoadmapDetails *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_DETAILS(self), NULL);
  return self->roadmap;
}

void
kj_roadmap_details_set_roadmap(KjRoadmapDetails *self, KjRoadmap *roadmap)
{
  g_return_if_fail(KJ_IS_ROADMAP_DETAILS(self));
  g_return_if_fail(roadmap == NULL || KJ_IS_ROADMAP(roadmap));

  if (self->roadmap == roadmap)
    return;
  kj_roadmap_details_set_node(self, NULL);
  if (self->roadmap != NULL) {
    g_signal_handlers_disconnect_by_data(kj_roadmap_get_nodes(self->roadmap), self);
    g_signal_handlers_disconnect_by_data(self->roadmap, self);
  }
  g_set_object(&self->roadmap, roadmap);
  if (roadmap != NULL) {
    g_signal_connect_swapped(kj_roadmap_get_nodes(roadmap), "items-changed",
                             G_CALLBACK(on_nodes_changed), self);
    g_signal_connect_swapped(roadmap, "changed", G_CALLBACK(on_roadmap_changed), self);
  }
  kj_roadmap_details_connections_set_roadmap(self->connections_group, roadmap);
  on_roadmap_changed(self);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_ROADMAP]);
}

KjRoadmapNode *
kj_roadmap_details_get_node(KjRoadmapDetails *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_DETAILS(self), NULL);
  return self->node;
}

void
kj_roadmap_details_set_node(KjRoadmapDetails *self, KjRoadmapNode *node)
{
  g_return_if_fail(KJ_IS_ROADMAP_DETAILS(self));
  g_return_if_fail(node == NULL || KJ_IS_ROADMAP_NODE(node));
  g_return_if_fail(node == NULL ||
                   (self->roadmap != NULL && kj_roadmap_find_node(self->roadmap, node, NULL)));

  if (self->node == node)
    return;
  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data(self->node, self);
  g_set_object(&self->node, node);
  if (node != NULL)
    g_signal_connect_swapped(node, "notify", G_CALLBACK(show_node), self);
  /* Typing in the next topic is a new step. */
  if (self->roadmap != NULL)
    kj_roadmap_seal_last_edit(self->roadmap);
  show_node(self);
  kj_roadmap_details_links_set_node(self->links_group, node);
  kj_roadmap_details_connections_set_node(self->connections_group, node);
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "details.remove-topic", node != NULL);
  gtk_stack_set_visible_child_name(self->stack, node != NULL ? "details" : "empty");
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_NODE]);
}

void
kj_roadmap_details_focus_title(KjRoadmapDetails *self)
{
  g_return_if_fail(KJ_IS_ROADMAP_DETAILS(self));
  gtk_widget_grab_focus(GTK_WIDGET(self->title_row));
}

static void
kj_roadmap_details_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjRoadmapDetails *self = KJ_ROADMAP_DETAILS(object);

  switch (prop_id) {
  case PROP_ROADMAP:
    g_value_set_object(value, self->roadmap);
    break;
  case PROP_NODE:
    g_value_set_object(value, self->node);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_details_set_property(GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  KjRoadmapDetails *self = KJ_ROADMAP_DETAILS(object);

  switch (prop_id) {
  case PROP_ROADMAP:
    kj_roadmap_details_set_roadmap(self, g_value_get_object(value));
    break;
  case PROP_NODE:
    kj_roadmap_details_set_node(self, g_value_get_object(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_details_dispose(GObject *object)
{
  KjRoadmapDetails *self = KJ_ROADMAP_DETAILS(object);

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data(self->node, self);
  if (self->roadmap != NULL) {
    g_signal_handlers_disconnect_by_data(kj_roadmap_get_nodes(self->roadmap), self);
    g_signal_handlers_disconnect_by_data(self->roadmap, self);
  }
  /* The bin lets go of its child first: disposing the template unparents it. */
  adw_bin_set_child(ADW_BIN(self), NULL);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_ROADMAP_DETAILS);
  g_clear_object(&self->node);
  g_clear_object(&self->roadmap);
  G_OBJECT_CLASS(kj_roadmap_details_parent_class)->dispose(object);
}

static void
kj_roadmap_details_finalize(GObject *object)
{
  KjRoadmapDetails *self = KJ_ROADMAP_DETAILS(object);

  g_ptr_array_unref(self->domain_ids);
  G_OBJECT_CLASS(kj_roadmap_details_parent_class)->finalize(object);
}

static void
kj_roadmap_details_class_init(KjRoadmapDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->get_property = kj_roadmap_details_get_property;
  object_class->set_property = kj_roadmap_details_set_property;
  object_class->dispose = kj_roadmap_details_dispose;
  object_class->finalize = kj_roadmap_details_finalize;

  properties[PROP_ROADMAP] =
      g_param_spec_object("roadmap", NULL, NULL, KJ_TYPE_ROADMAP,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NODE] =
      g_param_spec_object("node", NULL, NULL, KJ_TYPE_ROADMAP_NODE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  signals[NODE_SELECTED] =
      g_signal_new("node-selected", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                   NULL, G_TYPE_NONE, 1, KJ_TYPE_ROADMAP_NODE);

  g_type_ensure(KJ_TYPE_ROADMAP_DETAILS_LINKS);
  g_type_ensure(KJ_TYPE_ROADMAP_DETAILS_CONNECTIONS);
  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-roadmap-details.ui");
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, stack);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, title_row);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, kind_row);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, stage_row);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, status_row);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, domain_row);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, domain_names);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, hours_adjustment);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, description_view);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, notes_view);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, links_group);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapDetails, connections_group);
  gtk_widget_class_bind_template_callback(widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback(widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback(widget_class, on_stage_selected);
  gtk_widget_class_bind_template_callback(widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback(widget_class, on_domain_selected);
  gtk_widget_class_bind_template_callback(widget_class, on_hours_changed);
  gtk_widget_class_bind_template_callback(widget_class, on_text_focus_leave);
  gtk_widget_class_bind_template_callback(widget_class, on_node_selected);

  gtk_widget_class_install_action(widget_class, "details.remove-topic", NULL,
                                  remove_topic_activated);
}

static void
kj_roadmap_details_init(KjRoadmapDetails *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new();

  self->domain_ids = g_ptr_array_new_with_free_func(g_free);
  gtk_widget_init_template(GTK_WIDGET(self));

  self->syncing++;
  fill_enum_row(self->kind_row, KJ_TYPE_ROADMAP_NODE_KIND);
  fill_enum_row(self->stage_row, KJ_TYPE_ROADMAP_STAGE);
  fill_enum_row(self->status_row, KJ_TYPE_ROADMAP_STATUS);
  show_domains(self);
  self->syncing--;

  /* Not in the template: an entry row takes every <child> as a suffix. */
  g_signal_connect_swapped(focus, "leave", G_CALLBACK(on_text_focus_leave), self);
  gtk_widget_add_controller(GTK_WIDGET(self->title_row), focus);
  g_signal_connect_swapped(gtk_text_view_get_buffer(self->description_view), "changed",
                           G_CALLBACK(on_description_changed), self);
  g_signal_connect_swapped(gtk_text_view_get_buffer(self->notes_view), "changed",
                           G_CALLBACK(on_notes_changed), self);
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "details.remove-topic", FALSE);

  /* One history: Ctrl+Z in a field goes to the roadmap's undo (the page's
   * shortcut), which puts the text back here, rather than to a second,
   * per-field history that would record its undo as a new edit. */
  gtk_editable_set_enable_undo(GTK_EDITABLE(self->title_row), FALSE);
  gtk_text_buffer_set_enable_undo(gtk_text_view_get_buffer(self->description_view), FALSE);
  gtk_text_buffer_set_enable_undo(gtk_text_view_get_buffer(self->notes_view), FALSE);
}
