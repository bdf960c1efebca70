#include "config.h"

#include "kj-roadmap-node.h"

#include <math.h>

#include "kj-roadmap-private.h"

struct _KjRoadmapNode {
  GObject parent_instance;

  KjRoadmap *roadmap; /* not owned; set while the node is in one */

  char *id;
  char *title;
  KjRoadmapNodeKind kind;
  KjRoadmapShape shape;
  KjRoadmapStage stage;
  KjRoadmapStatus status;
  char *description;
  char *notes;
  GStrv links;
  double hours;
  char *domain;
  char *group;
};

G_DEFINE_FINAL_TYPE(KjRoadmapNode, kj_roadmap_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_SHAPE,
  PROP_STAGE,
  PROP_STATUS,
  PROP_DESCRIPTION,
  PROP_NOTES,
  PROP_LINKS,
  PROP_ESTIMATED_HOURS,
  PROP_DOMAIN,
  PROP_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
kj_roadmap_node_attach(KjRoadmapNode *node, KjRoadmap *roadmap)
{
  node->roadmap = roadmap;
}

KjRoadmap *
kj_roadmap_node_get_roadmap(KjRoadmapNode *node)
{
  return node->roadmap;
}

/* Empty strings are stored as NULL for the optional ids, "" for text. */
static void
set_string(KjRoadmapNode *self, char **field, const char *value, guint prop_id)
{
  KjRoadmapChange change;

  if (g_strcmp0(*field, value) == 0)
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[prop_id]);
  g_free(*field);
  *field = g_strdup(value);
  kj_roadmap_change_end(&change);
}

static void
set_enum(KjRoadmapNode *self, int *field, int value, guint prop_id)
{
  KjRoadmapChange change;

  if (*field == value)
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[prop_id]);
  *field = value;
  kj_roadmap_change_end(&change);
}

static const char *
nonempty_or_null(const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

KjRoadmapNode *
kj_roadmap_node_new(const char *id)
{
  g_return_val_if_fail(kj_roadmap_id_is_valid(id), NULL);

  return g_object_new(KJ_TYPE_ROADMAP_NODE, "id", id, NULL);
}

const char *
kj_roadmap_node_get_id(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  return self->id;
}

const char *
kj_roadmap_node_get_title(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  return self->title;
}

void
kj_roadmap_node_set_title(KjRoadmapNode *self, const char *title)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  set_string(self, &self->title, title != NULL ? title : "", PROP_TITLE);
}

KjRoadmapNodeKind
kj_roadmap_node_get_kind(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), KJ_ROADMAP_NODE_KIND_CONCEPT);
  return self->kind;
}

void
kj_roadmap_node_set_kind(KjRoadmapNode *self, KjRoadmapNodeKind kind)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  set_enum(self, (int *)&self->kind, kind, PROP_KIND);
}

KjRoadmapShape
kj_roadmap_node_get_shape(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), KJ_ROADMAP_SHAPE_AUTO);
  return self->shape;
}

void
kj_roadmap_node_set_shape(KjRoadmapNode *self, KjRoadmapShape shape)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  set_enum(self, (int *)&self->shape, shape, PROP_SHAPE);
}

KjRoadmapShape
kj_roadmap_node_get_effective_shape(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), KJ_ROADMAP_SHAPE_RECT);
  if (self->shape != KJ_ROADMAP_SHAPE_AUTO && kj_roadmap_shape_get_kind(self->shape) == self->kind)
    return self->shape;
  return kj_roadmap_node_kind_get_shape(self->kind);
}

KjRoadmapStage
kj_roadmap_node_get_stage(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), KJ_ROADMAP_STAGE_NONE);
  return self->stage;
}

void
kj_roadmap_node_set_stage(KjRoadmapNode *self, KjRoadmapStage stage)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  set_enum(self, (int *)&self->stage, stage, PROP_STAGE);
}

KjRoadmapStatus
kj_roadmap_node_get_status(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), KJ_ROADMAP_STATUS_NOT_STARTED);
  return self->status;
}

void
kj_roadmap_node_set_status(KjRoadmapNode *self, KjRoadmapStatus status)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  set_enum(self, (int *)&self->status, status, PROP_STATUS);
}

const char *
kj_roadmap_node_get_description(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  return self->description;
}

void
kj_roadmap_node_set_description(KjRoadmapNode *self, const char *description)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  set_string(self, &self->description, description != NULL ? description : "", PROP_DESCRIPTION);
}

const char *
kj_roadmap_node_get_notes(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  return self->notes;
}

void
kj_roadmap_node_set_notes(KjRoadmapNode *self, const char *notes)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  set_string(self, &self->notes, notes != NULL ? notes : "", PROP_NOTES);
}

const char *const *
kj_roadmap_node_get_links(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  return (const char *const *)self->links;
}

void
kj_roadmap_node_set_links(KjRoadmapNode *self, const char *const *links)
{
  static const char *const none[] = { NULL };
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  if (links == NULL)
    links = none;
  if (g_strv_equal((const char *const *)self->links, links))
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[PROP_LINKS]);
  g_strfreev(self->links);
  self->links = g_strdupv((char **)links);
  kj_roadmap_change_end(&change);
}

double
kj_roadmap_node_get_estimated_hours(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), 0.0);
  return self->hours;
}

void
kj_roadmap_node_set_estimated_hours(KjRoadmapNode *self, double hours)
{
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  g_return_if_fail(isfinite(hours) && hours >= 0.0);
  if (self->hours == hours)
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[PROP_ESTIMATED_HOURS]);
  self->hours = hours;
  kj_roadmap_change_end(&change);
}

const char *
kj_roadmap_node_get_domain(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  return self->domain;
}

void
kj_roadmap_node_set_domain(KjRoadmapNode *self, const char *domain)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  domain = nonempty_or_null(domain);
  g_return_if_fail(domain == NULL || kj_roadmap_id_is_valid(domain));
  set_string(self, &self->domain, domain, PROP_DOMAIN);
}

const char *
kj_roadmap_node_get_effective_domain(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  if (self->domain == NULL && self->kind == KJ_ROADMAP_NODE_KIND_DOMAIN)
    return self->id;
  return self->domain;
}

const char *
kj_roadmap_node_get_group(KjRoadmapNode *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  return self->group;
}

void
kj_roadmap_node_set_group(KjRoadmapNode *self, const char *group)
{
  g_return_if_fail(KJ_IS_ROADMAP_NODE(self));
  group = nonempty_or_null(group);
  /* In a roadmap the group must exist, or a saved file would not load. */
  g_return_if_fail(group == NULL || self->roadmap == NULL ||
                   kj_roadmap_lookup_group(self->roadmap, group) != NULL);
  set_string(self, &self->group, group, PROP_GROUP);
}

KjRoadmapNode *
kj_roadmap_node_copy(KjRoadmapNode *self, const char *id)
{
  KjRoadmapNode *copy;

  g_return_val_if_fail(KJ_IS_ROADMAP_NODE(self), NULL);
  g_return_val_if_fail(kj_roadmap_id_is_valid(id), NULL);

  copy = kj_roadmap_node_new(id);
  g_free(copy->title);
  copy->title = g_strdup(self->title);
  copy->kind = self->kind;
  copy->shape = self->shape;
  copy->stage = self->stage;
  copy->status = self->status;
  g_free(copy->description);
  copy->description = g_strdup(self->description);
  g_free(copy->notes);
  copy->notes = g_strdup(self->notes);
  g_strfreev(copy->links);
  copy->links = g_strdupv(self->links);
  copy->hours = self->hours;
  copy->domain = g_strdup(self->domain);
  copy->group = g_strdup(self->group);
  return copy;
}

static void
kj_roadmap_node_finalize(GObject *object)
{
  KjRoadmapNode *self = KJ_ROADMAP_NODE(object);

  g_free(self->id);
  g_free(self->title);
  g_free(self->description);
  g_free(self->notes);
  g_strfreev(self->links);
  g_free(self->domain);
  g_free(self->group);
  G_OBJECT_CLASS(kj_roadmap_node_parent_class)->finalize(object);
}

static void
kj_roadmap_node_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjRoadmapNode *self = KJ_ROADMAP_NODE(object);

  switch (prop_id) {
  case PROP_ID:
    g_value_set_string(value, self->id);
    break;
  case PROP_TITLE:
    g_value_set_string(value, self->title);
    break;
  case PROP_KIND:
    g_value_set_enum(value, self->kind);
    break;
  case PROP_SHAPE:
    g_value_set_enum(value, self->shape);
    break;
  case PROP_STAGE:
    g_value_set_enum(value, self->stage);
    break;
  case PROP_STATUS:
    g_value_set_enum(value, self->status);
    break;
  case PROP_DESCRIPTION:
    g_value_set_string(value, self->description);
    break;
  case PROP_NOTES:
    g_value_set_string(value, self->notes);
    break;
  case PROP_LINKS:
    g_value_set_boxed(value, self->links);
    break;
  case PROP_ESTIMATED_HOURS:
    g_value_set_double(value, self->hours);
    break;
  case PROP_DOMAIN:
    g_value_set_string(value, self->domain);
    break;
  case PROP_GROUP:
    g_value_set_string(value, self->group);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_node_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjRoadmapNode *self = KJ_ROADMAP_NODE(object);

  switch (prop_id) {
  case PROP_ID:
    g_return_if_fail(kj_roadmap_id_is_valid(g_value_get_string(value)));
    self->id = g_value_dup_string(value);
    if (self->title == NULL)
      self->title = g_strdup(self->id);
    break;
  case PROP_TITLE:
    kj_roadmap_node_set_title(self, g_value_get_string(value));
    break;
  case PROP_KIND:
    kj_roadmap_node_set_kind(self, g_value_get_enum(value));
    break;
  case PROP_SHAPE:
    kj_roadmap_node_set_shape(self, g_value_get_enum(value));
    break;
  case PROP_STAGE:
    kj_roadmap_node_set_stage(self, g_value_get_enum(value));
    break;
  case PROP_STATUS:
    kj_roadmap_node_set_status(self, g_value_get_enum(value));
    break;
  case PROP_DESCRIPTION:
    kj_roadmap_node_set_description(self, g_value_get_string(value));
    break;
  case PROP_NOTES:
    kj_roadmap_node_set_notes(self, g_value_get_string(value));
    break;
  case PROP_LINKS:
    kj_roadmap_node_set_links(self, g_value_get_boxed(value));
    break;
  case PROP_ESTIMATED_HOURS:
    kj_roadmap_node_set_estimated_hours(self, g_value_get_double(value));
    break;
  case PROP_DOMAIN:
    kj_roadmap_node_set_domain(self, g_value_get_string(value));
    break;
  case PROP_GROUP:
    kj_roadmap_node_set_group(self, g_value_get_string(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_node_class_init(KjRoadmapNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kj_roadmap_node_finalize;
  object_class->get_property = kj_roadmap_node_get_property;
  object_class->set_property = kj_roadmap_node_set_property;

  properties[PROP_ID] = g_param_spec_string(
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string("title", NULL, NULL, "", rw);
  properties[PROP_KIND] = g_param_spec_enum("kind", NULL, NULL, KJ_TYPE_ROADMAP_NODE_KIND,
                                            KJ_ROADMAP_NODE_KIND_CONCEPT, rw);
  properties[PROP_SHAPE] =
      g_param_spec_enum("shape", NULL, NULL, KJ_TYPE_ROADMAP_SHAPE, KJ_ROADMAP_SHAPE_AUTO, rw);
  properties[PROP_STAGE] =
      g_param_spec_enum("stage", NULL, NULL, KJ_TYPE_ROADMAP_STAGE, KJ_ROADMAP_STAGE_NONE, rw);
  properties[PROP_STATUS] = g_param_spec_enum("status", NULL, NULL, KJ_TYPE_ROADMAP_STATUS,
                                              KJ_ROADMAP_STATUS_NOT_STARTED, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string("description", NULL, NULL, "", rw);
  properties[PROP_NOTES] = g_param_spec_string("notes", NULL, NULL, "", rw);
  properties[PROP_LINKS] = g_param_spec_boxed("links", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_ESTIMATED_HOURS] =
      g_param_spec_double("estimated-hours", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, rw);
  properties[PROP_DOMAIN] = g_param_spec_string("domain", NULL, NULL, NULL, rw);
  properties[PROP_GROUP] = g_param_spec_string("group", NULL, NULL, NULL, rw);
  g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
kj_roadmap_node_init(KjRoadmapNode *self)
{
  self->description = g_strdup("");
  self->notes = g_strdup("");
  self->links = g_new0(char *, 1);
}
