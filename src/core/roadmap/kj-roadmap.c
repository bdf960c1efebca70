#include "config.h"

#include "kj-roadmap.h"

#include <glib/gi18n-lib.h>

#include "kj-error.h"
#include "kj-roadmap-private.h"

struct _KjRoadmap {
  GObject parent_instance;

  char *title;
  KjRoadmapDirection direction;
  GStrv mermaid_extra;

  GListStore *nodes;       /* KjRoadmapNode */
  GListStore *edges;       /* KjRoadmapEdge */
  GListStore *groups;      /* KjRoadmapGroup */
  GHashTable *node_index;  /* id (the node's own string) -> node */
  GHashTable *group_index; /* id (the group's own string) -> group */
  GHashTable *edge_index;  /* "from\nto" (owned) -> edge */

  KjRoadmapHistory *history;
  gboolean can_undo; /* as last notified */
  gboolean can_redo;
  gboolean modified;

  guint changed_freeze;
  gboolean changed_pending;
};

G_DEFINE_FINAL_TYPE(KjRoadmap, kj_roadmap, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DIRECTION,
  PROP_MERMAID_EXTRA,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };

static guint signals[N_SIGNALS];

/* ---- change notification ---- */

static void
mark_changed(KjRoadmap *self)
{
  if (!self->modified) {
    self->modified = TRUE;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_MODIFIED]);
  }
  if (self->changed_freeze > 0)
    self->changed_pending = TRUE;
  else
    g_signal_emit(self, signals[CHANGED], 0);
}

/* "changed" once for a batch of edits. */
static void
kj_roadmap_freeze_changed(KjRoadmap *self)
{
  self->changed_freeze++;
}

static void
kj_roadmap_thaw_changed(KjRoadmap *self)
{
  g_return_if_fail(self->changed_freeze > 0);
  if (--self->changed_freeze == 0 && self->changed_pending) {
    self->changed_pending = FALSE;
    g_signal_emit(self, signals[CHANGED], 0);
  }
}

void
kj_roadmap_change_begin(KjRoadmapChange *change, KjRoadmap *roadmap, GObject *object,
                        GParamSpec *pspec)
{
  *change = (KjRoadmapChange){ roadmap, object, pspec, G_VALUE_INIT };
  if (roadmap != NULL) {
    g_value_init(&change->old_value, pspec->value_type);
    g_object_get_property(object, pspec->name, &change->old_value);
  }
}

void
kj_roadmap_change_end(KjRoadmapChange *change)
{
  g_object_notify_by_pspec(change->object, change->pspec);
  if (change->roadmap == NULL)
    return;

  GValue new_value = G_VALUE_INIT;

  g_value_init(&new_value, change->pspec->value_type);
  g_object_get_property(change->object, change->pspec->name, &new_value);
  kj_roadmap_history_record_set(change->roadmap->history, change->object, change->pspec,
                                &change->old_value, &new_value);
  g_value_unset(&new_value);
  g_value_unset(&change->old_value);
  mark_changed(change->roadmap);
}

void
kj_roadmap_history_state_changed(KjRoadmap *self)
{
  gboolean can_undo = kj_roadmap_history_can_undo(self->history);
  gboolean can_redo = kj_roadmap_history_can_redo(self->history);

  if (can_undo != self->can_undo) {
    self->can_undo = can_undo;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_CAN_UNDO]);
  }
  if (can_redo != self->can_redo) {
    self->can_redo = can_redo;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_CAN_REDO]);
  }
}

/* ---- primitive edits ---- */

static char *
edge_key(const char *from, const char *to)
{
  return g_strconcat(from, "\n", to, NULL);
}

static GListStore *
store_for(KjRoadmap *self, GObject *object)
{
  if (KJ_IS_ROADMAP_NODE(object))
    return self->nodes;
  if (KJ_IS_ROADMAP_EDGE(object))
    return self->edges;
  g_assert(KJ_IS_ROADMAP_GROUP(object));
  return self->groups;
}

static void
index_object(KjRoadmap *self, GObject *object)
{
  if (KJ_IS_ROADMAP_NODE(object)) {
    KjRoadmapNode *node = KJ_ROADMAP_NODE(object);

    g_hash_table_insert(self->node_index, (gpointer)kj_roadmap_node_get_id(node), node);
    kj_roadmap_node_attach(node, self);
  } else if (KJ_IS_ROADMAP_EDGE(object)) {
    KjRoadmapEdge *edge = KJ_ROADMAP_EDGE(object);

    g_hash_table_insert(self->edge_index,
                        edge_key(kj_roadmap_edge_get_from(edge), kj_roadmap_edge_get_to(edge)),
                        edge);
    kj_roadmap_edge_attach(edge, self);
  } else {
    KjRoadmapGroup *group = KJ_ROADMAP_GROUP(object);

    g_hash_table_insert(self->group_index, (gpointer)kj_roadmap_group_get_id(group), group);
    kj_roadmap_group_attach(group, self);
  }
}

static void
unindex_object(KjRoadmap *self, GObject *object)
{
  if (KJ_IS_ROADMAP_NODE(object)) {
    KjRoadmapNode *node = KJ_ROADMAP_NODE(object);

    g_hash_table_remove(self->node_index, kj_roadmap_node_get_id(node));
    kj_roadmap_node_attach(node, NULL);
  } else if (KJ_IS_ROADMAP_EDGE(object)) {
    KjRoadmapEdge *edge = KJ_ROADMAP_EDGE(object);
    g_autofree char *key = edge_key(kj_roadmap_edge_get_from(edge), kj_roadmap_edge_get_to(edge));

    g_hash_table_remove(self->edge_index, key);
    kj_roadmap_edge_attach(edge, NULL);
  } else {
    KjRoadmapGroup *group = KJ_ROADMAP_GROUP(object);

    g_hash_table_remove(self->group_index, kj_roadmap_group_get_id(group));
    kj_roadmap_group_attach(group, NULL);
  }
}

void
kj_roadmap_apply_insert(KjRoadmap *self, GObject *object, guint position)
{
  GListStore *store = store_for(self, object);

  position = MIN(position, g_list_model_get_n_items(G_LIST_MODEL(store)));
  index_object(self, object);
  g_list_store_insert(store, position, object);
  kj_roadmap_history_record_insert(self->history, object, position);
  mark_changed(self);
}

void
kj_roadmap_apply_remove(KjRoadmap *self, GObject *object)
{
  GListStore *store = store_for(self, object);
  g_autoptr(GObject) keep = g_object_ref(object);
  guint position;

  if (!g_list_store_find(store, object, &position))
    g_return_if_reached();
  kj_roadmap_history_record_remove(self->history, object, position);
  unindex_object(self, object);
  g_list_store_remove(store, position);
  mark_changed(self);
}

void
kj_roadmap_apply_set(KjRoadmap *self, GObject *object, GParamSpec *pspec, const GValue *value)
{
  g_object_set_property(object, pspec->name, value);
}

/* ---- properties ---- */

KjRoadmap *
kj_roadmap_new(void)
{
  return g_object_new(KJ_TYPE_ROADMAP, NULL);
}

const char *
kj_roadmap_get_title(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return self->title;
}

void
kj_roadmap_set_title(KjRoadmap *self, const char *title)
{
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP(self));
  if (title == NULL)
    title = "";
  if (g_strcmp0(self->title, title) == 0)
    return;
  kj_roadmap_change_begin(&change, self, G_OBJECT(self), properties[PROP_TITLE]);
  g_free(self->title);
  self->title = g_strdup(title);
  kj_roadmap_change_end(&change);
}

KjRoadmapDirection
kj_roadmap_get_direction(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), KJ_ROADMAP_DIRECTION_TB);
  return self->direction;
}

void
kj_roadmap_set_direction(KjRoadmap *self, KjRoadmapDirection direction)
{
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP(self));
  if (self->direction == direction)
    return;
  kj_roadmap_change_begin(&change, self, G_OBJECT(self), properties[PROP_DIRECTION]);
  self->direction = direction;
  kj_roadmap_change_end(&change);
}

const char *const *
kj_roadmap_get_mermaid_extra(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return (const char *const *)self->mermaid_extra;
}

void
kj_roadmap_set_mermaid_extra(KjRoadmap *self, const char *const *lines)
{
  static const char *const none[] = { NULL };
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP(self));
  if (lines == NULL)
    lines = none;
  if (g_strv_equal((const char *const *)self->mermaid_extra, lines))
    return;
  kj_roadmap_change_begin(&change, self, G_OBJECT(self), properties[PROP_MERMAID_EXTRA]);
  g_strfreev(self->mermaid_extra);
  self->mermaid_extra = g_strdupv((char **)lines);
  kj_roadmap_change_end(&change);
}

GListModel *
kj_roadmap_get_nodes(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return G_LIST_MODEL(self->nodes);
}

GListModel *
kj_roadmap_get_edges(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return G_LIST_MODEL(self->edges);
}

GListModel *
kj_roadmap_get_groups(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return G_LIST_MODEL(self->groups);
}

guint
kj_roadmap_get_n_nodes(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), 0);
  return g_list_model_get_n_items(G_LIST_MODEL(self->nodes));
}

guint
kj_roadmap_get_n_edges(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), 0);
  return g_list_model_get_n_items(G_LIST_MODEL(self->edges));
}

guint
kj_roadmap_get_n_groups(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), 0);
  return g_list_model_get_n_items(G_LIST_MODEL(self->groups));
}

/* The store keeps a reference, so the borrowed pointer stays valid. */
static gpointer
borrow_item(GListStore *store, guint position)
{
  g_autoptr(GObject) item = g_list_model_get_item(G_LIST_MODEL(store), position);

  return item;
}

KjRoadmapNode *
kj_roadmap_get_node(KjRoadmap *self, guint position)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return borrow_item(self->nodes, position);
}

KjRoadmapEdge *
kj_roadmap_get_edge(KjRoadmap *self, guint position)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return borrow_item(self->edges, position);
}

KjRoadmapGroup *
kj_roadmap_get_group(KjRoadmap *self, guint position)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return borrow_item(self->groups, position);
}

KjRoadmapNode *
kj_roadmap_lookup_node(KjRoadmap *self, const char *id)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return id != NULL ? g_hash_table_lookup(self->node_index, id) : NULL;
}

KjRoadmapGroup *
kj_roadmap_lookup_group(KjRoadmap *self, const char *id)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  return id != NULL ? g_hash_table_lookup(self->group_index, id) : NULL;
}

KjRoadmapEdge *
kj_roadmap_lookup_edge(KjRoadmap *self, const char *from, const char *to)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  if (from == NULL || to == NULL)
    return NULL;
  key = edge_key(from, to);
  return g_hash_table_lookup(self->edge_index, key);
}

gboolean
kj_roadmap_find_node(KjRoadmap *self, KjRoadmapNode *node, guint *position)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  return g_list_store_find(self->nodes, node, position);
}

GPtrArray *
kj_roadmap_dup_node_edges(KjRoadmap *self, const char *id)
{
  GPtrArray *edges = g_ptr_array_new();
  guint n;

  g_return_val_if_fail(KJ_IS_ROADMAP(self), edges);
  n = kj_roadmap_get_n_edges(self);
  for (guint i = 0; i < n; i++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(self, i);

    if (g_strcmp0(kj_roadmap_edge_get_from(edge), id) == 0 ||
        g_strcmp0(kj_roadmap_edge_get_to(edge), id) == 0)
      g_ptr_array_add(edges, edge);
  }
  return edges;
}

static gboolean
id_is_taken(KjRoadmap *self, const char *id)
{
  return g_hash_table_contains(self->node_index, id) ||
         g_hash_table_contains(self->group_index, id);
}

char *
kj_roadmap_make_unique_id(KjRoadmap *self, const char *hint)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  base = kj_roadmap_id_from_text(hint);
  if (base == NULL)
    base = g_strdup("node");
  if (!id_is_taken(self, base))
    return g_steal_pointer(&base);
  for (guint i = 2;; i++) {
    g_autofree char *id = g_strdup_printf("%s-%u", base, i);

    if (!id_is_taken(self, id))
      return g_steal_pointer(&id);
  }
}

/* ---- edits ---- */

static gboolean
check_new_id(KjRoadmap *self, const char *id, GError **error)
{
  if (id_is_taken(self, id)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("The id “%s” is already in use"), id);
    return FALSE;
  }
  return TRUE;
}

static gboolean
check_group_exists(KjRoadmap *self, const char *group, GError **error)
{
  if (group != NULL && kj_roadmap_lookup_group(self, group) == NULL) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("There is no group “%s”"), group);
    return FALSE;
  }
  return TRUE;
}

gboolean
kj_roadmap_add_node(KjRoadmap *self, KjRoadmapNode *node, GError **error)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(node), FALSE);
  g_return_val_if_fail(kj_roadmap_node_get_roadmap(node) == NULL, FALSE);

  if (!check_new_id(self, kj_roadmap_node_get_id(node), error) ||
      !check_group_exists(self, kj_roadmap_node_get_group(node), error))
    return FALSE;
  kj_roadmap_apply_insert(self, G_OBJECT(node), kj_roadmap_get_n_nodes(self));
  return TRUE;
}

KjRoadmapNode *
kj_roadmap_create_node(KjRoadmap *self, const char *title, KjRoadmapNodeKind kind)
{
  g_autofree char *id = NULL;
  g_autoptr(KjRoadmapNode) node = NULL;

  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  id = kj_roadmap_make_unique_id(self, title);
  node = kj_roadmap_node_new(id);
  kj_roadmap_node_set_title(node, title);
  kj_roadmap_node_set_kind(node, kind);
  kj_roadmap_apply_insert(self, G_OBJECT(node), kj_roadmap_get_n_nodes(self));
  return node;
}

void
kj_roadmap_remove_node(KjRoadmap *self, KjRoadmapNode *node)
{
  g_autoptr(GPtrArray) edges = NULL;

  g_return_if_fail(KJ_IS_ROADMAP(self));
  g_return_if_fail(KJ_IS_ROADMAP_NODE(node));
  g_return_if_fail(kj_roadmap_node_get_roadmap(node) == self);

  kj_roadmap_begin_user_action(self);
  /* Last edge first, so that undo puts each back where it was. */
  edges = kj_roadmap_dup_node_edges(self, kj_roadmap_node_get_id(node));
  for (guint i = edges->len; i > 0; i--)
    kj_roadmap_apply_remove(self, edges->pdata[i - 1]);
  kj_roadmap_apply_remove(self, G_OBJECT(node));
  kj_roadmap_end_user_action(self);
}

static gboolean
check_edge(KjRoadmap *self, const char *from, const char *to, GError **error)
{
  const char *ends[] = { from, to };

  for (guint i = 0; i < G_N_ELEMENTS(ends); i++)
    if (kj_roadmap_lookup_node(self, ends[i]) == NULL) {
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("There is no node “%s”"), ends[i]);
      return FALSE;
    }
  if (strcmp(from, to) == 0) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE, _("“%s” cannot be connected to itself"),
                from);
    return FALSE;
  }
  if (kj_roadmap_lookup_edge(self, from, to) != NULL) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE, _("“%s” is already connected to “%s”"),
                from, to);
    return FALSE;
  }
  return TRUE;
}

gboolean
kj_roadmap_add_edge(KjRoadmap *self, KjRoadmapEdge *edge, GError **error)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  g_return_val_if_fail(KJ_IS_ROADMAP_EDGE(edge), FALSE);
  g_return_val_if_fail(kj_roadmap_edge_get_roadmap(edge) == NULL, FALSE);

  if (!check_edge(self, kj_roadmap_edge_get_from(edge), kj_roadmap_edge_get_to(edge), error))
    return FALSE;
  kj_roadmap_apply_insert(self, G_OBJECT(edge), kj_roadmap_get_n_edges(self));
  return TRUE;
}

KjRoadmapEdge *
kj_roadmap_connect(KjRoadmap *self, const char *from, const char *to, KjRoadmapEdgeKind kind,
                   const char *label, GError **error)
{
  g_autoptr(KjRoadmapEdge) edge = NULL;

  g_return_val_if_fail(KJ_IS_ROADMAP(self), NULL);
  g_return_val_if_fail(from != NULL && to != NULL, NULL);

  if (!check_edge(self, from, to, error))
    return NULL;
  edge = kj_roadmap_edge_new(from, to, kind);
  kj_roadmap_edge_set_label(edge, label);
  kj_roadmap_apply_insert(self, G_OBJECT(edge), kj_roadmap_get_n_edges(self));
  return edge;
}

void
kj_roadmap_disconnect(KjRoadmap *self, KjRoadmapEdge *edge)
{
  g_return_if_fail(KJ_IS_ROADMAP(self));
  g_return_if_fail(KJ_IS_ROADMAP_EDGE(edge));
  g_return_if_fail(kj_roadmap_edge_get_roadmap(edge) == self);

  kj_roadmap_apply_remove(self, G_OBJECT(edge));
}

gboolean
kj_roadmap_group_accepts_parent(KjRoadmap *self, KjRoadmapGroup *group, const char *parent)
{
  const char *id = kj_roadmap_group_get_id(group);
  guint steps = kj_roadmap_get_n_groups(self) + 1;

  /* Walk up from the new parent; meeting the group itself means a cycle.
   * The step limit guards against a cycle that is already there. */
  for (const char *p = parent; p != NULL; steps--) {
    KjRoadmapGroup *up = kj_roadmap_lookup_group(self, p);

    if (up == NULL || strcmp(p, id) == 0 || steps == 0)
      return FALSE;
    p = kj_roadmap_group_get_parent(up);
  }
  return TRUE;
}

gboolean
kj_roadmap_add_group(KjRoadmap *self, KjRoadmapGroup *group, GError **error)
{
  const char *parent;

  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  g_return_val_if_fail(KJ_IS_ROADMAP_GROUP(group), FALSE);
  g_return_val_if_fail(kj_roadmap_group_get_roadmap(group) == NULL, FALSE);

  parent = kj_roadmap_group_get_parent(group);
  if (!check_new_id(self, kj_roadmap_group_get_id(group), error) ||
      !check_group_exists(self, parent, error))
    return FALSE;
  kj_roadmap_apply_insert(self, G_OBJECT(group), kj_roadmap_get_n_groups(self));
  return TRUE;
}

void
kj_roadmap_remove_group(KjRoadmap *self, KjRoadmapGroup *group)
{
  const char *id;
  g_autofree char *parent = NULL;

  g_return_if_fail(KJ_IS_ROADMAP(self));
  g_return_if_fail(KJ_IS_ROADMAP_GROUP(group));
  g_return_if_fail(kj_roadmap_group_get_roadmap(group) == self);

  id = kj_roadmap_group_get_id(group);
  parent = g_strdup(kj_roadmap_group_get_parent(group));
  kj_roadmap_begin_user_action(self);
  for (guint i = 0; i < kj_roadmap_get_n_nodes(self); i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(self, i);

    if (g_strcmp0(kj_roadmap_node_get_group(node), id) == 0)
      kj_roadmap_node_set_group(node, parent);
  }
  for (guint i = 0; i < kj_roadmap_get_n_groups(self); i++) {
    KjRoadmapGroup *child = kj_roadmap_get_group(self, i);

    if (g_strcmp0(kj_roadmap_group_get_parent(child), id) == 0)
      kj_roadmap_group_set_parent(child, parent);
  }
  kj_roadmap_apply_remove(self, G_OBJECT(group));
  kj_roadmap_end_user_action(self);
}

static void
detach_all(KjRoadmap *self)
{
  GListStore *stores[] = { self->nodes, self->edges, self->groups };

  for (guint s = 0; s < G_N_ELEMENTS(stores); s++) {
    guint n = g_list_model_get_n_items(G_LIST_MODEL(stores[s]));

    for (guint i = 0; i < n; i++)
      unindex_object(self, borrow_item(stores[s], i));
  }
}

static GPtrArray *
take_items(KjRoadmap *self, GListStore *store)
{
  guint n = g_list_model_get_n_items(G_LIST_MODEL(store));
  GPtrArray *items = g_ptr_array_new_full(n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add(items, g_list_model_get_item(G_LIST_MODEL(store), i));
  return items;
}

void
kj_roadmap_replace_contents(KjRoadmap *self, KjRoadmap *source)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_return_if_fail(KJ_IS_ROADMAP(self));
  g_return_if_fail(KJ_IS_ROADMAP(source));
  g_return_if_fail(self != source);
  g_return_if_fail(!kj_roadmap_history_in_action(self->history));

  kj_roadmap_freeze_changed(self);
  g_object_freeze_notify(G_OBJECT(self));

  nodes = take_items(source, source->nodes);
  edges = take_items(source, source->edges);
  groups = take_items(source, source->groups);
  detach_all(source);
  g_list_store_remove_all(source->nodes);
  g_list_store_remove_all(source->edges);
  g_list_store_remove_all(source->groups);
  kj_roadmap_history_clear(source->history);

  /* The history goes first: it must not record the swap. */
  kj_roadmap_history_clear(self->history);
  detach_all(self);
  for (guint i = 0; i < groups->len; i++)
    index_object(self, groups->pdata[i]);
  for (guint i = 0; i < nodes->len; i++)
    index_object(self, nodes->pdata[i]);
  for (guint i = 0; i < edges->len; i++)
    index_object(self, edges->pdata[i]);
  g_list_store_splice(self->groups, 0, kj_roadmap_get_n_groups(self), groups->pdata, groups->len);
  g_list_store_splice(self->nodes, 0, kj_roadmap_get_n_nodes(self), nodes->pdata, nodes->len);
  g_list_store_splice(self->edges, 0, kj_roadmap_get_n_edges(self), edges->pdata, edges->len);

  if (g_strcmp0(self->title, source->title) != 0) {
    g_free(self->title);
    self->title = g_strdup(source->title);
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_TITLE]);
  }
  if (self->direction != source->direction) {
    self->direction = source->direction;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_DIRECTION]);
  }
  if (!g_strv_equal((const char *const *)self->mermaid_extra,
                    (const char *const *)source->mermaid_extra)) {
    g_strfreev(self->mermaid_extra);
    self->mermaid_extra = g_strdupv(source->mermaid_extra);
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_MERMAID_EXTRA]);
  }

  mark_changed(self);
  kj_roadmap_set_modified(self, FALSE);
  kj_roadmap_history_state_changed(self);
  g_object_thaw_notify(G_OBJECT(self));
  kj_roadmap_thaw_changed(self);
}

/* ---- history ---- */

void
kj_roadmap_begin_user_action(KjRoadmap *self)
{
  g_return_if_fail(KJ_IS_ROADMAP(self));
  kj_roadmap_freeze_changed(self);
  kj_roadmap_history_begin(self->history);
}

void
kj_roadmap_end_user_action(KjRoadmap *self)
{
  g_return_if_fail(KJ_IS_ROADMAP(self));
  g_return_if_fail(kj_roadmap_history_in_action(self->history));
  kj_roadmap_history_end(self->history);
  kj_roadmap_thaw_changed(self);
}

gboolean
kj_roadmap_can_undo(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  return kj_roadmap_history_can_undo(self->history);
}

gboolean
kj_roadmap_can_redo(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  return kj_roadmap_history_can_redo(self->history);
}

gboolean
kj_roadmap_undo(KjRoadmap *self)
{
  gboolean done;

  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  g_return_val_if_fail(!kj_roadmap_history_in_action(self->history), FALSE);
  kj_roadmap_freeze_changed(self);
  done = kj_roadmap_history_undo(self->history);
  kj_roadmap_thaw_changed(self);
  return done;
}

gboolean
kj_roadmap_redo(KjRoadmap *self)
{
  gboolean done;

  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  g_return_val_if_fail(!kj_roadmap_history_in_action(self->history), FALSE);
  kj_roadmap_freeze_changed(self);
  done = kj_roadmap_history_redo(self->history);
  kj_roadmap_thaw_changed(self);
  return done;
}

void
kj_roadmap_seal_last_edit(KjRoadmap *self)
{
  g_return_if_fail(KJ_IS_ROADMAP(self));
  kj_roadmap_history_seal(self->history);
}

void
kj_roadmap_clear_history(KjRoadmap *self)
{
  g_return_if_fail(KJ_IS_ROADMAP(self));
  g_return_if_fail(!kj_roadmap_history_in_action(self->history));
  kj_roadmap_history_clear(self->history);
}

gboolean
kj_roadmap_get_modified(KjRoadmap *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP(self), FALSE);
  return self->modified;
}

void
kj_roadmap_set_modified(KjRoadmap *self, gboolean modified)
{
  g_return_if_fail(KJ_IS_ROADMAP(self));
  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_MODIFIED]);
}

/* ---- GObject ---- */

static void
kj_roadmap_dispose(GObject *object)
{
  KjRoadmap *self = KJ_ROADMAP(object);

  /* Views may outlive the roadmap; their items must not point to it. */
  if (self->history != NULL) {
    kj_roadmap_history_free(self->history);
    self->history = NULL;
    detach_all(self);
  }
  g_clear_object(&self->nodes);
  g_clear_object(&self->edges);
  g_clear_object(&self->groups);
  G_OBJECT_CLASS(kj_roadmap_parent_class)->dispose(object);
}

static void
kj_roadmap_finalize(GObject *object)
{
  KjRoadmap *self = KJ_ROADMAP(object);

  g_hash_table_unref(self->node_index);
  g_hash_table_unref(self->group_index);
  g_hash_table_unref(self->edge_index);
  g_free(self->title);
  g_strfreev(self->mermaid_extra);
  G_OBJECT_CLASS(kj_roadmap_parent_class)->finalize(object);
}

static void
kj_roadmap_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjRoadmap *self = KJ_ROADMAP(object);

  switch (prop_id) {
  case PROP_TITLE:
    g_value_set_string(value, self->title);
    break;
  case PROP_DIRECTION:
    g_value_set_enum(value, self->direction);
    break;
  case PROP_MERMAID_EXTRA:
    g_value_set_boxed(value, self->mermaid_extra);
    break;
  case PROP_CAN_UNDO:
    g_value_set_boolean(value, self->can_undo);
    break;
  case PROP_CAN_REDO:
    g_value_set_boolean(value, self->can_redo);
    break;
  case PROP_MODIFIED:
    g_value_set_boolean(value, self->modified);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjRoadmap *self = KJ_ROADMAP(object);

  switch (prop_id) {
  case PROP_TITLE:
    kj_roadmap_set_title(self, g_value_get_string(value));
    break;
  case PROP_DIRECTION:
    kj_roadmap_set_direction(self, g_value_get_enum(value));
    break;
  case PROP_MERMAID_EXTRA:
    kj_roadmap_set_mermaid_extra(self, g_value_get_boxed(value));
    break;
  case PROP_MODIFIED:
    kj_roadmap_set_modified(self, g_value_get_boolean(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_class_init(KjRoadmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kj_roadmap_dispose;
  object_class->finalize = kj_roadmap_finalize;
  object_class->get_property = kj_roadmap_get_property;
  object_class->set_property = kj_roadmap_set_property;

  properties[PROP_TITLE] = g_param_spec_string("title", NULL, NULL, "", rw);
  properties[PROP_DIRECTION] = g_param_spec_enum("direction", NULL, NULL, KJ_TYPE_ROADMAP_DIRECTION,
                                                 KJ_ROADMAP_DIRECTION_TB, rw);
  properties[PROP_MERMAID_EXTRA] = g_param_spec_boxed("mermaid-extra", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean("modified", NULL, NULL, FALSE, rw);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  /* Once after every edit, undo, redo or load. */
  signals[CHANGED] = g_signal_new("changed", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
kj_roadmap_init(KjRoadmap *self)
{
  self->title = g_strdup("");
  self->mermaid_extra = g_new0(char *, 1);
  self->nodes = g_list_store_new(KJ_TYPE_ROADMAP_NODE);
  self->edges = g_list_store_new(KJ_TYPE_ROADMAP_EDGE);
  self->groups = g_list_store_new(KJ_TYPE_ROADMAP_GROUP);
  self->node_index = g_hash_table_new(g_str_hash, g_str_equal);
  self->group_index = g_hash_table_new(g_str_hash, g_str_equal);
  self->edge_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  self->history = kj_roadmap_history_new(self);
}
