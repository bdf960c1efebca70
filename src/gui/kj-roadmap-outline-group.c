#include "config.h"

#include "kj-roadmap-outline-group.h"

#include "kj-roadmap-node.h"

struct _KjRoadmapOutlineGroup {
  GObject parent_instance;

  KjRoadmapStage stage;
  char *domain; /* NULL for a stage */
  char *key;

  char *title;
  guint n_done;
  guint n_counted;
  char *count_label;

  GListStore *items; /* KjRoadmapOutlineGroup for a stage, KjRoadmapNode for a domain */
  GtkFilterListModel *children;
};

G_DEFINE_FINAL_TYPE(KjRoadmapOutlineGroup, kj_roadmap_outline_group, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, PROP_COUNT_LABEL, N_PROPS };

static GParamSpec *properties[N_PROPS];

gboolean
kj_roadmap_outline_update_store(GListStore *store, GPtrArray *items)
{
  GListModel *model = G_LIST_MODEL(store);
  guint n_old = g_list_model_get_n_items(model);
  guint n_new = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new) {
    g_autoptr(GObject) item = g_list_model_get_item(model, prefix);

    if (item != items->pdata[prefix])
      break;
    prefix++;
  }
  if (prefix == n_old && prefix == n_new)
    return FALSE;
  while (suffix < n_old - prefix && suffix < n_new - prefix) {
    g_autoptr(GObject) item = g_list_model_get_item(model, n_old - 1 - suffix);

    if (item != items->pdata[n_new - 1 - suffix])
      break;
    suffix++;
  }
  /* Only the middle is replaced: the rows around it stay as they are. */
  g_list_store_splice(store, prefix, n_old - prefix - suffix, items->pdata + prefix,
                      n_new - prefix - suffix);
  return TRUE;
}

KjRoadmapOutlineGroup *
kj_roadmap_outline_group_new(KjRoadmapStage stage, const char *domain, GtkFilter *filter)
{
  KjRoadmapOutlineGroup *self = g_object_new(KJ_TYPE_ROADMAP_OUTLINE_GROUP, NULL);

  self->stage = stage;
  self->domain = g_strdup(domain);
  self->key = domain != NULL ? g_strdup_printf("%d/%s", (int)stage, domain)
                             : g_strdup_printf("%d", (int)stage);
  self->items =
      g_list_store_new(domain != NULL ? KJ_TYPE_ROADMAP_NODE : KJ_TYPE_ROADMAP_OUTLINE_GROUP);
  self->children = gtk_filter_list_model_new(G_LIST_MODEL(g_object_ref(self->items)),
                                             filter != NULL ? g_object_ref(filter) : NULL);
  return self;
}

static void
kj_roadmap_outline_group_finalize(GObject *object)
{
  KjRoadmapOutlineGroup *self = KJ_ROADMAP_OUTLINE_GROUP(object);

  g_clear_object(&self->children);
  g_clear_object(&self->items);
  g_free(self->domain);
  g_free(self->key);
  g_free(self->title);
  g_free(self->count_label);
  G_OBJECT_CLASS(kj_roadmap_outline_group_parent_class)->finalize(object);
}

static void
kj_roadmap_outline_group_get_property(GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  KjRoadmapOutlineGroup *self = KJ_ROADMAP_OUTLINE_GROUP(object);

  switch (prop_id) {
  case PROP_TITLE:
    g_value_set_string(value, self->title);
    break;
  case PROP_COUNT_LABEL:
    g_value_set_string(value, self->count_label);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_outline_group_class_init(KjRoadmapOutlineGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);

  object_class->finalize = kj_roadmap_outline_group_finalize;
  object_class->get_property = kj_roadmap_outline_group_get_property;

  properties[PROP_TITLE] =
      g_param_spec_string("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT_LABEL] = g_param_spec_string("count-label", NULL, NULL, "0/0",
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
kj_roadmap_outline_group_init(KjRoadmapOutlineGroup *self)
{
  self->title = g_strdup("");
  self->count_label = g_strdup("0/0");
}

KjRoadmapStage
kj_roadmap_outline_group_get_stage(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), KJ_ROADMAP_STAGE_NONE);
  return self->stage;
}

const char *
kj_roadmap_outline_group_get_domain(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), NULL);
  return self->domain;
}

gboolean
kj_roadmap_outline_group_is_domain(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), FALSE);
  return self->domain != NULL;
}

const char *
kj_roadmap_outline_group_get_key(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), NULL);
  return self->key;
}

const char *
kj_roadmap_outline_group_get_title(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), NULL);
  return self->title;
}

void
kj_roadmap_outline_group_set_title(KjRoadmapOutlineGroup *self, const char *title)
{
  g_return_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self));
  if (title == NULL)
    title = "";
  if (g_strcmp0(self->title, title) == 0)
    return;
  g_free(self->title);
  self->title = g_strdup(title);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_TITLE]);
}

guint
kj_roadmap_outline_group_get_n_done(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), 0);
  return self->n_done;
}

guint
kj_roadmap_outline_group_get_n_counted(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), 0);
  return self->n_counted;
}

void
kj_roadmap_outline_group_set_counts(KjRoadmapOutlineGroup *self, guint n_done, guint n_counted)
{
  g_return_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self));
  if (self->n_done == n_done && self->n_counted == n_counted)
    return;
  self->n_done = n_done;
  self->n_counted = n_counted;
  g_free(self->count_label);
  self->count_label = g_strdup_printf("%u/%u", n_done, n_counted);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_COUNT_LABEL]);
}

const char *
kj_roadmap_outline_group_get_count_label(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), NULL);
  return self->count_label;
}

GListModel *
kj_roadmap_outline_group_get_items(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), NULL);
  return G_LIST_MODEL(self->items);
}

GListModel *
kj_roadmap_outline_group_get_children(KjRoadmapOutlineGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), NULL);
  return G_LIST_MODEL(self->children);
}

gboolean
kj_roadmap_outline_group_update_items(KjRoadmapOutlineGroup *self, GPtrArray *items)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_OUTLINE_GROUP(self), FALSE);
  return kj_roadmap_outline_update_store(self->items, items);
}
