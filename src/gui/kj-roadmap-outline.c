#include "config.h"

#include "kj-roadmap-outline.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-roadmap-outline-group.h"
#include "kj-roadmap-outline-row.h"

/* The stages in the order shown; "No stage" last, and only when used. */
static const KjRoadmapStage stage_order[] = {
  KJ_ROADMAP_STAGE_FOUNDATIONS, KJ_ROADMAP_STAGE_CROSS_DOMAIN, KJ_ROADMAP_STAGE_FUSION,
  KJ_ROADMAP_STAGE_PRACTICE,    KJ_ROADMAP_STAGE_NONE,
};
#define N_STAGES  G_N_ELEMENTS(stage_order)
#define NO_STAGE  (N_STAGES - 1)
#define NO_DOMAIN "" /* the key of the "Other" domain group: ids are never empty */

/* The status filter's first row shows every status; row i + 1 status i. */
#define ANY_STATUS (-1)

struct _KjRoadmapOutline {
  AdwBin parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkStack *stack;
  GtkListView *list_view;

  /* owned */
  KjRoadmap *roadmap;
  KjRoadmapNode *selected;
  GtkCustomFilter *node_filter;
  GtkCustomFilter *domain_filter;
  GtkCustomFilter *stage_filter;
  KjRoadmapOutlineGroup *stages[N_STAGES]; /* in stage_order */
  GHashTable *domains[N_STAGES];           /* domain id -> KjRoadmapOutlineGroup */
  GListStore *root;                        /* the stage groups in the tree */
  GtkFilterListModel *root_filtered;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  GHashTable *saved_expanded; /* keys of the groups expanded before filtering */
  guint refilter_source;

  /* the filter */
  GStrv search_words; /* normalised and casefolded; NULL when not searching */
  int status_filter;  /* a KjRoadmapStatus or ANY_STATUS */
  gboolean filtering;

  guint updating; /* > 0 while the outline itself changes the view's selection */
};

G_DEFINE_FINAL_TYPE(KjRoadmapOutline, kj_roadmap_outline, ADW_TYPE_BIN)

enum { PROP_0, PROP_ROADMAP, PROP_SELECTED, N_PROPS };

static GParamSpec *properties[N_PROPS];

enum { SIGNAL_NODE_ACTIVATED, N_SIGNALS };

static guint signals[N_SIGNALS];

static guint
stage_index(KjRoadmapStage stage)
{
  for (guint i = 0; i < N_STAGES; i++)
    if (stage_order[i] == stage)
      return i;
  return NO_STAGE;
}

/* ---- filtering ---- */

/* Text as searches compare it: compatibility-normalised (full-width
 * letters and spaces become plain ones) and casefolded. */
static char *
fold_text(const char *text)
{
  g_autofree char *normal = g_utf8_normalize(text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return normal != NULL ? g_utf8_casefold(normal, -1) : g_strdup("");
}

static GStrv
split_search(const char *text)
{
  g_autofree char *folded = fold_text(text);
  g_auto(GStrv) parts = g_strsplit_set(folded, " \t\r\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
  gboolean any = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0') {
      g_strv_builder_add(builder, parts[i]);
      any = TRUE;
    }
  return any ? g_strv_builder_end(builder) : NULL;
}

static gboolean
node_matches(KjRoadmapOutline *self, KjRoadmapNode *node)
{
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  if (self->status_filter != ANY_STATUS &&
      (int)kj_roadmap_node_get_status(node) != self->status_filter)
    return FALSE;
  if (self->search_words == NULL)
    return TRUE;
  /* Words hold no newline, so none matches across two fields. */
  joined = g_strjoin("\n", kj_roadmap_node_get_title(node), kj_roadmap_node_get_description(node),
                     kj_roadmap_node_get_notes(node), NULL);
  text = fold_text(joined);
  for (guint i = 0; self->search_words[i] != NULL; i++)
    if (strstr(text, self->search_words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
filter_node(gpointer item, gpointer data)
{
  return node_matches(data, item);
}

/* While filtering, a group without matches is hidden. */
static gboolean
filter_group(gpointer item, gpointer data)
{
  KjRoadmapOutline *self = data;

  return !self->filtering ||
         g_list_model_get_n_items(kj_roadmap_outline_group_get_children(item)) > 0;
}

/* Nodes first: whether a group shows depends on its children. */
static void
refilter(KjRoadmapOutline *self)
{
  self->updating++;
  gtk_filter_changed(GTK_FILTER(self->node_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed(GTK_FILTER(self->domain_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed(GTK_FILTER(self->stage_filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->updating--;
}

static void
update_empty_state(KjRoadmapOutline *self)
{
  gboolean empty =
      self->filtering && g_list_model_get_n_items(G_LIST_MODEL(self->root_filtered)) == 0;

  gtk_stack_set_visible_child_name(self->stack, empty ? "empty" : "list");
}

/* ---- expansion ---- */

static GHashTable *
collect_expanded(KjRoadmapOutline *self)
{
  GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items(G_LIST_MODEL(self->tree));

  for (guint i = 0; i < n; i++) {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row(self->tree, i);

    if (gtk_tree_list_row_get_expanded(row) &&
        KJ_IS_ROADMAP_OUTLINE_GROUP(kj_roadmap_outline_row_get_item(row)))
      g_hash_table_add(
          keys, g_strdup(kj_roadmap_outline_group_get_key(kj_roadmap_outline_row_get_item(row))));
  }
  return keys;
}

/* Expands the groups named in keys, or every group when keys is NULL.  The
 * rows a group shows when expanded come next, so they are visited too. */
static void
expand_groups(KjRoadmapOutline *self, GHashTable *keys)
{
  self->updating++;
  for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->tree)); i++) {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row(self->tree, i);
    gpointer item = kj_roadmap_outline_row_get_item(row);

    if (KJ_IS_ROADMAP_OUTLINE_GROUP(item) &&
        (keys == NULL || g_hash_table_contains(keys, kj_roadmap_outline_group_get_key(item))))
      gtk_tree_list_row_set_expanded(row, TRUE);
  }
  self->updating--;
}

static void
collapse_all(KjRoadmapOutline *self)
{
  guint n = g_list_model_get_n_items(G_LIST_MODEL(self->root_filtered));

  self->updating++;
  for (guint i = 0; i < n; i++) {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row(self->tree, i);

    gtk_tree_list_row_set_expanded(row, FALSE);
  }
  self->updating--;
}

/* ---- selection ---- */

static void
set_selected_node(KjRoadmapOutline *self, KjRoadmapNode *node)
{
  if (g_set_object(&self->selected, node))
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_SELECTED]);
}

/* The row of item among row's children (or the top level when row is NULL),
 * expanding row when expand is set.  NULL when it is not shown. */
static GtkTreeListRow *
find_child_row(KjRoadmapOutline *self, GtkTreeListRow *row, gpointer item, gboolean expand)
{
  GListModel *children;
  guint n;

  if (row != NULL) {
    if (!gtk_tree_list_row_get_expanded(row)) {
      if (!expand)
        return NULL;
      gtk_tree_list_row_set_expanded(row, TRUE);
    }
    children = gtk_tree_list_row_get_children(row);
  } else {
    children = G_LIST_MODEL(self->root_filtered);
  }
  n = children != NULL ? g_list_model_get_n_items(children) : 0;
  for (guint i = 0; i < n; i++) {
    g_autoptr(GtkTreeListRow) child = row != NULL
                                          ? gtk_tree_list_row_get_child_row(row, i)
                                          : gtk_tree_list_model_get_child_row(self->tree, i);

    if (child != NULL && kj_roadmap_outline_row_get_item(child) == item)
      return g_steal_pointer(&child);
  }
  return NULL;
}

static GtkTreeListRow *
find_node_row(KjRoadmapOutline *self, KjRoadmapNode *node, gboolean expand)
{
  guint stage = stage_index(kj_roadmap_node_get_stage(node));
  const char *domain = kj_roadmap_node_get_effective_domain(node);
  KjRoadmapOutlineGroup *domain_group =
      g_hash_table_lookup(self->domains[stage], domain != NULL ? domain : NO_DOMAIN);
  g_autoptr(GtkTreeListRow) stage_row = NULL;
  g_autoptr(GtkTreeListRow) domain_row = NULL;

  if (domain_group == NULL)
    return NULL;
  stage_row = find_child_row(self, NULL, self->stages[stage], expand);
  if (stage_row != NULL)
    domain_row = find_child_row(self, stage_row, domain_group, expand);
  return domain_row != NULL ? find_child_row(self, domain_row, node, expand) : NULL;
}

static KjRoadmapNode *
view_selected_node(KjRoadmapOutline *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item(self->selection);
  gpointer item = row != NULL ? kj_roadmap_outline_row_get_item(row) : NULL;

  return KJ_IS_ROADMAP_NODE(item) ? item : NULL;
}

/* Makes the view select "selected", expanding the rows above it; a node
 * hidden by the filter leaves the view without a selection.  Without a
 * selected node, a stage or domain row the user selected stays selected. */
static void
show_selected(KjRoadmapOutline *self, gboolean scroll)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  if (view_selected_node(self) == self->selected)
    return;
  self->updating++;
  if (self->selected != NULL)
    row = find_node_row(self, self->selected, TRUE);
  position = row != NULL ? gtk_tree_list_row_get_position(row) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected(self->selection, position);
  if (row != NULL && scroll)
    gtk_widget_activate_action(GTK_WIDGET(self->list_view), "list.scroll-to-item", "u", position);
  self->updating--;
}

static void
on_selection_changed(GtkSingleSelection *selection, GParamSpec *pspec, KjRoadmapOutline *self)
{
  if (self->updating > 0)
    return;
  set_selected_node(self, view_selected_node(self));
}

/* ---- following the roadmap ---- */

typedef struct {
  GPtrArray *nodes;
  guint n_done;
  guint n_counted;
} Bucket;

static void
bucket_free(gpointer data)
{
  Bucket *bucket = data;

  g_ptr_array_unref(bucket->nodes);
  g_free(bucket);
}

static const char *
domain_title(KjRoadmapOutline *self, const char *domain)
{
  KjRoadmapNode *node;

  if (*domain == '\0')
    /* Translators: the outline's group of topics that belong to no domain */
    return _("Other");
  node = self->roadmap != NULL ? kj_roadmap_lookup_node(self->roadmap, domain) : NULL;
  return node != NULL ? kj_roadmap_node_get_title(node) : domain;
}

/* The domain groups of stage k, in the order given, "Other" last.  Groups
 * of domains no longer used are dropped. */
static gboolean
sync_stage(KjRoadmapOutline *self, guint k, GPtrArray *order, GHashTable *buckets)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new();
  KjRoadmapOutlineGroup *stage = self->stages[k];
  guint n_done = 0, n_counted = 0;
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_contains(buckets, NO_DOMAIN))
    g_ptr_array_add(order, (gpointer)NO_DOMAIN);
  for (guint i = 0; i < order->len; i++) {
    const char *domain = order->pdata[i];
    Bucket *bucket = g_hash_table_lookup(buckets, domain);
    KjRoadmapOutlineGroup *group = g_hash_table_lookup(self->domains[k], domain);

    if (group == NULL) {
      group = kj_roadmap_outline_group_new(stage_order[k], domain, GTK_FILTER(self->node_filter));
      g_hash_table_insert(self->domains[k], g_strdup(domain), group);
    }
    changed |= kj_roadmap_outline_group_update_items(group, bucket->nodes);
    kj_roadmap_outline_group_set_title(group, domain_title(self, domain));
    kj_roadmap_outline_group_set_counts(group, bucket->n_done, bucket->n_counted);
    n_done += bucket->n_done;
    n_counted += bucket->n_counted;
    g_ptr_array_add(groups, group);
  }
  changed |= kj_roadmap_outline_group_update_items(stage, groups);
  kj_roadmap_outline_group_set_counts(stage, n_done, n_counted);

  g_hash_table_iter_init(&iter, self->domains[k]);
  while (g_hash_table_iter_next(&iter, &key, NULL))
    if (!g_hash_table_contains(buckets, key))
      g_hash_table_iter_remove(&iter);
  return changed;
}

/* Domains come in the order they first appear among all the nodes, so
 * that they are in the same order in every stage. */
static int
compare_rank(gconstpointer a, gconstpointer b, gpointer data)
{
  guint rank_a = GPOINTER_TO_UINT(g_hash_table_lookup(data, *(const char *const *)a));
  guint rank_b = GPOINTER_TO_UINT(g_hash_table_lookup(data, *(const char *const *)b));

  return rank_a < rank_b ? -1 : rank_a > rank_b;
}

/* Brings the tree in line with the roadmap, touching only what differs:
 * rows that stay keep their expansion, and the selection is put back. */
static void
sync_structure(KjRoadmapOutline *self)
{
  GPtrArray *order[N_STAGES];
  GHashTable *buckets[N_STAGES];
  g_autoptr(GPtrArray) shown = g_ptr_array_new();
  g_autoptr(GHashTable) expanded = NULL;
  g_autoptr(GHashTable) domain_rank = g_hash_table_new(g_str_hash, g_str_equal);
  guint n = self->roadmap != NULL ? kj_roadmap_get_n_nodes(self->roadmap) : 0;
  gboolean changed = FALSE;

  for (guint k = 0; k < N_STAGES; k++) {
    order[k] = g_ptr_array_new();
    buckets[k] = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, bucket_free);
  }
  for (guint i = 0; i < n; i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(self->roadmap, i);
    KjRoadmapStatus status = kj_roadmap_node_get_status(node);
    guint k = stage_index(kj_roadmap_node_get_stage(node));
    const char *domain = kj_roadmap_node_get_effective_domain(node);
    Bucket *bucket;

    if (domain == NULL)
      domain = NO_DOMAIN;
    if (!g_hash_table_contains(domain_rank, domain))
      g_hash_table_insert(domain_rank, (gpointer)domain,
                          GUINT_TO_POINTER(g_hash_table_size(domain_rank)));
    bucket = g_hash_table_lookup(buckets[k], domain);
    if (bucket == NULL) {
      bucket = g_new0(Bucket, 1);
      bucket->nodes = g_ptr_array_new();
      g_hash_table_insert(buckets[k], (gpointer)domain, bucket);
      if (*domain != '\0')
        g_ptr_array_add(order[k], (gpointer)domain);
    }
    g_ptr_array_add(bucket->nodes, node);
    bucket->n_done += status == KJ_ROADMAP_STATUS_DONE;
    bucket->n_counted += status != KJ_ROADMAP_STATUS_SKIPPED;
  }

  if (!self->filtering)
    expanded = collect_expanded(self);
  self->updating++;
  for (guint k = 0; k < N_STAGES; k++) {
    g_ptr_array_sort_with_data(order[k], compare_rank, domain_rank);
    changed |= sync_stage(self, k, order[k], buckets[k]);
    /* Without a roadmap, nothing; "No stage" only when a node has none. */
    if (self->roadmap != NULL && (k != NO_STAGE || g_hash_table_size(buckets[k]) > 0))
      g_ptr_array_add(shown, self->stages[k]);
    g_ptr_array_unref(order[k]);
    g_hash_table_unref(buckets[k]);
  }
  changed |= kj_roadmap_outline_update_store(self->root, shown);
  if (changed && self->filtering)
    refilter(self);
  else if (changed)
    expand_groups(self, expanded); /* the rows of groups that moved */
  self->updating--;

  if (self->selected != NULL &&
      (self->roadmap == NULL ||
       kj_roadmap_lookup_node(self->roadmap, kj_roadmap_node_get_id(self->selected)) !=
           self->selected))
    set_selected_node(self, NULL);
  show_selected(self, changed);
  update_empty_state(self);
}

static gboolean
refilter_idle(gpointer data)
{
  KjRoadmapOutline *self = data;

  self->refilter_source = 0;
  refilter(self);
  show_selected(self, FALSE);
  update_empty_state(self);
  return G_SOURCE_REMOVE;
}

static void
on_roadmap_changed(KjRoadmap *roadmap, KjRoadmapOutline *self)
{
  sync_structure(self);
  /* A status or a text may have changed what matches.  Later, not while
   * the check box that changed it is still handling its click. */
  if (self->filtering && self->refilter_source == 0)
    self->refilter_source = g_idle_add(refilter_idle, self);
}

/* ---- the filter's controls ---- */

static void
set_filter(KjRoadmapOutline *self, GStrv search_words, int status_filter)
{
  gboolean filtering = search_words != NULL || status_filter != ANY_STATUS;
  gboolean was_filtering = self->filtering;

  if (status_filter == self->status_filter &&
      ((search_words == NULL && self->search_words == NULL) ||
       (search_words != NULL && self->search_words != NULL &&
        g_strv_equal((const char *const *)search_words,
                     (const char *const *)self->search_words)))) {
    g_strfreev(search_words);
    return;
  }
  g_strfreev(self->search_words);
  self->search_words = search_words;
  self->status_filter = status_filter;
  g_clear_handle_id(&self->refilter_source, g_source_remove);

  if (filtering && !was_filtering) {
    g_clear_pointer(&self->saved_expanded, g_hash_table_unref);
    self->saved_expanded = collect_expanded(self);
  }
  self->filtering = filtering;
  /* While filtering, groups that come into view open by themselves. */
  gtk_tree_list_model_set_autoexpand(self->tree, filtering);
  refilter(self);
  if (filtering && !was_filtering) {
    expand_groups(self, NULL);
  } else if (!filtering && was_filtering) {
    collapse_all(self);
    expand_groups(self, self->saved_expanded);
    g_clear_pointer(&self->saved_expanded, g_hash_table_unref);
  }
  show_selected(self, !filtering && was_filtering);
  update_empty_state(self);
}

static void
on_search_changed(GtkSearchEntry *entry, KjRoadmapOutline *self)
{
  set_filter(self, split_search(gtk_editable_get_text(GTK_EDITABLE(entry))), self->status_filter);
}

static void
on_stop_search(GtkSearchEntry *entry, KjRoadmapOutline *self)
{
  gtk_editable_set_text(GTK_EDITABLE(entry), "");
}

static int
dropdown_status(KjRoadmapOutline *self)
{
  guint position = gtk_drop_down_get_selected(self->status_dropdown);

  return position == 0 || position == GTK_INVALID_LIST_POSITION ? ANY_STATUS : (int)position - 1;
}

static void
on_status_filter_changed(GtkDropDown *dropdown, GParamSpec *pspec, KjRoadmapOutline *self)
{
  GStrv words = self->search_words != NULL ? g_strdupv(self->search_words) : NULL;

  set_filter(self, words, dropdown_status(self));
}

/* Enter or a double click: a node is opened, a group opens or closes. */
static void
on_list_activate(GtkListView *list_view, guint position, KjRoadmapOutline *self)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item(G_LIST_MODEL(self->tree), position);
  gpointer item = row != NULL ? kj_roadmap_outline_row_get_item(row) : NULL;

  if (KJ_IS_ROADMAP_NODE(item))
    g_signal_emit(self, signals[SIGNAL_NODE_ACTIVATED], 0, item);
  else if (item != NULL)
    gtk_tree_list_row_set_expanded(row, !gtk_tree_list_row_get_expanded(row));
}

static GListModel *
create_children(gpointer item, gpointer data)
{
  if (!KJ_IS_ROADMAP_OUTLINE_GROUP(item))
    return NULL;
  return g_object_ref(kj_roadmap_outline_group_get_children(item));
}

/* ---- the object ---- */

static void
kj_roadmap_outline_dispose(GObject *object)
{
  KjRoadmapOutline *self = KJ_ROADMAP_OUTLINE(object);

  if (self->roadmap != NULL)
    g_signal_handlers_disconnect_by_data(self->roadmap, self);
  g_clear_object(&self->roadmap);
  g_clear_handle_id(&self->refilter_source, g_source_remove);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_ROADMAP_OUTLINE);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data(self->selection, self);
  g_clear_object(&self->selection);
  g_clear_object(&self->tree);
  g_clear_object(&self->root_filtered);
  g_clear_object(&self->root);
  for (guint k = 0; k < N_STAGES; k++) {
    g_clear_object(&self->stages[k]);
    g_clear_pointer(&self->domains[k], g_hash_table_unref);
  }
  g_clear_object(&self->node_filter);
  g_clear_object(&self->domain_filter);
  g_clear_object(&self->stage_filter);
  g_clear_object(&self->selected);
  g_clear_pointer(&self->saved_expanded, g_hash_table_unref);
  g_clear_pointer(&self->search_words, g_strfreev);
  G_OBJECT_CLASS(kj_roadmap_outline_parent_class)->dispose(object);
}

static void
kj_roadmap_outline_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjRoadmapOutline *self = KJ_ROADMAP_OUTLINE(object);

  switch (prop_id) {
  case PROP_ROADMAP:
    g_value_set_object(value, self->roadmap);
    break;
  case PROP_SELECTED:
    g_value_set_object(value, self->selected);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_outline_set_property(GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  KjRoadmapOutline *self = KJ_ROADMAP_OUTLINE(object);

  switch (prop_id) {
  case PROP_ROADMAP:
    kj_roadmap_outline_set_roadmap(self, g_value_get_object(value));
    break;
  case PROP_SELECTED:
    kj_roadmap_outline_set_selected(self, g_value_get_object(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_outline_class_init(KjRoadmapOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_roadmap_outline_dispose;
  object_class->get_property = kj_roadmap_outline_get_property;
  object_class->set_property = kj_roadmap_outline_set_property;

  properties[PROP_ROADMAP] =
      g_param_spec_object("roadmap", NULL, NULL, KJ_TYPE_ROADMAP,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
      g_param_spec_object("selected", NULL, NULL, KJ_TYPE_ROADMAP_NODE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  signals[SIGNAL_NODE_ACTIVATED] =
      g_signal_new("node-activated", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                   NULL, G_TYPE_NONE, 1, KJ_TYPE_ROADMAP_NODE);

  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-roadmap-outline.ui");
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapOutline, search_entry);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapOutline, status_dropdown);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapOutline, stack);
  gtk_widget_class_bind_template_child(widget_class, KjRoadmapOutline, list_view);
  gtk_widget_class_bind_template_callback(widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback(widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback(widget_class, on_status_filter_changed);
  gtk_widget_class_bind_template_callback_full(widget_class, "on_setup_row",
                                               G_CALLBACK(kj_roadmap_outline_row_setup));
  gtk_widget_class_bind_template_callback_full(widget_class, "on_bind_row",
                                               G_CALLBACK(kj_roadmap_outline_row_bind));
  gtk_widget_class_bind_template_callback_full(widget_class, "on_unbind_row",
                                               G_CALLBACK(kj_roadmap_outline_row_unbind));
  gtk_widget_class_bind_template_callback(widget_class, on_list_activate);

  gtk_widget_class_set_css_name(widget_class, "roadmapoutline");
}

static void
kj_roadmap_outline_init(KjRoadmapOutline *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new(NULL);

  self->status_filter = ANY_STATUS;
  g_type_ensure(ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template(GTK_WIDGET(self));

  /* Translators: the status filter's choice that shows topics of any status */
  gtk_string_list_append(statuses, C_("status filter", "All"));
  for (int status = KJ_ROADMAP_STATUS_NOT_STARTED; status <= KJ_ROADMAP_STATUS_SKIPPED; status++)
    gtk_string_list_append(statuses, kj_roadmap_status_get_label(status));
  /* Set before the handler can run: the filter starts at "All". */
  g_signal_handlers_block_by_func(self->status_dropdown, on_status_filter_changed, self);
  gtk_drop_down_set_model(self->status_dropdown, G_LIST_MODEL(statuses));
  gtk_drop_down_set_selected(self->status_dropdown, 0);
  g_signal_handlers_unblock_by_func(self->status_dropdown, on_status_filter_changed, self);

  self->node_filter = gtk_custom_filter_new(filter_node, self, NULL);
  self->domain_filter = gtk_custom_filter_new(filter_group, self, NULL);
  self->stage_filter = gtk_custom_filter_new(filter_group, self, NULL);
  for (guint k = 0; k < N_STAGES; k++) {
    self->stages[k] =
        kj_roadmap_outline_group_new(stage_order[k], NULL, GTK_FILTER(self->domain_filter));
    kj_roadmap_outline_group_set_title(self->stages[k], kj_roadmap_stage_get_label(stage_order[k]));
    self->domains[k] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
  }
  self->root = g_list_store_new(KJ_TYPE_ROADMAP_OUTLINE_GROUP);
  self->root_filtered = gtk_filter_list_model_new(G_LIST_MODEL(g_object_ref(self->root)),
                                                  GTK_FILTER(g_object_ref(self->stage_filter)));
  self->tree = gtk_tree_list_model_new(G_LIST_MODEL(g_object_ref(self->root_filtered)), FALSE,
                                       FALSE, create_children, self, NULL);
  self->selection = gtk_single_selection_new(G_LIST_MODEL(g_object_ref(self->tree)));
  gtk_single_selection_set_autoselect(self->selection, FALSE);
  gtk_single_selection_set_can_unselect(self->selection, TRUE);
  g_signal_connect(self->selection, "notify::selected-item", G_CALLBACK(on_selection_changed),
                   self);
  gtk_list_view_set_model(self->list_view, GTK_SELECTION_MODEL(self->selection));
  sync_structure(self);
}

GtkWidget *
kj_roadmap_outline_new(void)
{
  return g_object_new(KJ_TYPE_ROADMAP_OUTLINE, NULL);
}

KjRoadmap *
kj_roadmap_outline_get_roadmap(KjRoadmapOutline *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE(self), NULL);
  return self->roadmap;
}

void
kj_roadmap_outline_set_roadmap(KjRoadmapOutline *self, KjRoadmap *roadmap)
{
  g_return_if_fail(KJ_IS_ROADMAP_OUTLINE(self));
  g_return_if_fail(roadmap == NULL || KJ_IS_ROADMAP(roadmap));

  if (self->roadmap == roadmap)
    return;
  if (self->roadmap != NULL)
    g_signal_handlers_disconnect_by_data(self->roadmap, self);
  g_set_object(&self->roadmap, roadmap);
  if (roadmap != NULL)
    g_signal_connect(roadmap, "changed", G_CALLBACK(on_roadmap_changed), self);
  set_selected_node(self, NULL);
  sync_structure(self);
  /* A new roadmap opens on its stages and their domains. */
  if (!self->filtering) {
    guint n = g_list_model_get_n_items(G_LIST_MODEL(self->root_filtered));

    collapse_all(self);
    self->updating++;
    for (guint i = 0; i < n; i++) {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row(self->tree, i);

      gtk_tree_list_row_set_expanded(row, TRUE);
    }
    self->updating--;
  }
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_ROADMAP]);
}

KjRoadmapNode *
kj_roadmap_outline_get_selected(KjRoadmapOutline *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE(self), NULL);
  return self->selected;
}

void
kj_roadmap_outline_set_selected(KjRoadmapOutline *self, KjRoadmapNode *node)
{
  g_return_if_fail(KJ_IS_ROADMAP_OUTLINE(self));
  g_return_if_fail(node == NULL || KJ_IS_ROADMAP_NODE(node));

  if (node != NULL) {
    g_return_if_fail(self->roadmap != NULL &&
                     kj_roadmap_lookup_node(self->roadmap, kj_roadmap_node_get_id(node)) == node);
    /* The roadmap may not have said "changed" yet (inside a user action). */
    sync_structure(self);
    if (self->filtering && !node_matches(self, node)) {
      /* The caller wants to see it: the filter goes. */
      set_filter(self, NULL, ANY_STATUS);
      gtk_editable_set_text(GTK_EDITABLE(self->search_entry), "");
      gtk_drop_down_set_selected(self->status_dropdown, 0);
    }
  }
  set_selected_node(self, node);
  if (node == NULL) {
    /* A stage or domain row too. */
    self->updating++;
    gtk_single_selection_set_selected(self->selection, GTK_INVALID_LIST_POSITION);
    self->updating--;
  }
  show_selected(self, TRUE);
}

void
kj_roadmap_outline_focus_search(KjRoadmapOutline *self)
{
  g_return_if_fail(KJ_IS_ROADMAP_OUTLINE(self));
  gtk_widget_grab_focus(GTK_WIDGET(self->search_entry));
}
