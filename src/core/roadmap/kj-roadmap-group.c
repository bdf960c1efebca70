#include "config.h"

#include "kj-roadmap-group.h"

#include "kj-roadmap-private.h"

struct _KjRoadmapGroup {
  GObject parent_instance;

  KjRoadmap *roadmap; /* not owned; set while the group is in one */

  char *id;
  char *title;
  char *parent;
};

G_DEFINE_FINAL_TYPE(KjRoadmapGroup, kj_roadmap_group, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_TITLE, PROP_PARENT, N_PROPS };

static GParamSpec *properties[N_PROPS];

void
kj_roadmap_group_attach(KjRoadmapGroup *group, KjRoadmap *roadmap)
{
  group->roadmap = roadmap;
}

KjRoadmap *
kj_roadmap_group_get_roadmap(KjRoadmapGroup *group)
{
  return group->roadmap;
}

KjRoadmapGroup *
kj_roadmap_group_new(const char *id)
{
  g_return_val_if_fail(kj_roadmap_id_is_valid(id), NULL);

  return g_object_new(KJ_TYPE_ROADMAP_GROUP, "id", id, NULL);
}

const char *
kj_roadmap_group_get_id(KjRoadmapGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GROUP(self), NULL);
  return self->id;
}

const char *
kj_roadmap_group_get_title(KjRoadmapGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GROUP(self), NULL);
  return self->title;
}

void
kj_roadmap_group_set_title(KjRoadmapGroup *self, const char *title)
{
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP_GROUP(self));
  if (title == NULL)
    title = "";
  if (g_strcmp0(self->title, title) == 0)
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[PROP_TITLE]);
  g_free(self->title);
  self->title = g_strdup(title);
  kj_roadmap_change_end(&change);
}

const char *
kj_roadmap_group_get_parent(KjRoadmapGroup *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_GROUP(self), NULL);
  return self->parent;
}

void
kj_roadmap_group_set_parent(KjRoadmapGroup *self, const char *parent)
{
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP_GROUP(self));
  if (parent != NULL && *parent == '\0')
    parent = NULL;
  g_return_if_fail(parent == NULL || kj_roadmap_id_is_valid(parent));
  g_return_if_fail(self->roadmap == NULL ||
                   kj_roadmap_group_accepts_parent(self->roadmap, self, parent));
  if (g_strcmp0(self->parent, parent) == 0)
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[PROP_PARENT]);
  g_free(self->parent);
  self->parent = g_strdup(parent);
  kj_roadmap_change_end(&change);
}

static void
kj_roadmap_group_finalize(GObject *object)
{
  KjRoadmapGroup *self = KJ_ROADMAP_GROUP(object);

  g_free(self->id);
  g_free(self->title);
  g_free(self->parent);
  G_OBJECT_CLASS(kj_roadmap_group_parent_class)->finalize(object);
}

static void
kj_roadmap_group_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjRoadmapGroup *self = KJ_ROADMAP_GROUP(object);

  switch (prop_id) {
  case PROP_ID:
    g_value_set_string(value, self->id);
    break;
  case PROP_TITLE:
    g_value_set_string(value, self->title);
    break;
  case PROP_PARENT:
    g_value_set_string(value, self->parent);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_group_set_property(GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  KjRoadmapGroup *self = KJ_ROADMAP_GROUP(object);

  switch (prop_id) {
  case PROP_ID:
    g_return_if_fail(kj_roadmap_id_is_valid(g_value_get_string(value)));
    self->id = g_value_dup_string(value);
    if (self->title == NULL)
      self->title = g_strdup(self->id);
    break;
  case PROP_TITLE:
    kj_roadmap_group_set_title(self, g_value_get_string(value));
    break;
  case PROP_PARENT:
    kj_roadmap_group_set_parent(self, g_value_get_string(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_group_class_init(KjRoadmapGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kj_roadmap_group_finalize;
  object_class->get_property = kj_roadmap_group_get_property;
  object_class->set_property = kj_roadmap_group_set_property;

  properties[PROP_ID] = g_param_spec_string(
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string("title", NULL, NULL, "", rw);
  properties[PROP_PARENT] = g_param_spec_string("parent", NULL, NULL, NULL, rw);
  g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
kj_roadmap_group_init(KjRoadmapGroup *self)
{
}
