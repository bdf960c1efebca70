#include "config.h"

#include "kj-roadmap-edge.h"

#include "kj-roadmap-private.h"

struct _KjRoadmapEdge {
  GObject parent_instance;

  KjRoadmap *roadmap; /* not owned; set while the edge is in one */

  char *from;
  char *to;
  KjRoadmapEdgeKind kind;
  KjRoadmapStroke stroke;
  char *label;
};

G_DEFINE_FINAL_TYPE(KjRoadmapEdge, kj_roadmap_edge, G_TYPE_OBJECT)

enum { PROP_0, PROP_FROM, PROP_TO, PROP_KIND, PROP_STROKE, PROP_LABEL, N_PROPS };

static GParamSpec *properties[N_PROPS];

void
kj_roadmap_edge_attach(KjRoadmapEdge *edge, KjRoadmap *roadmap)
{
  edge->roadmap = roadmap;
}

KjRoadmap *
kj_roadmap_edge_get_roadmap(KjRoadmapEdge *edge)
{
  return edge->roadmap;
}

KjRoadmapEdge *
kj_roadmap_edge_new(const char *from, const char *to, KjRoadmapEdgeKind kind)
{
  g_return_val_if_fail(kj_roadmap_id_is_valid(from), NULL);
  g_return_val_if_fail(kj_roadmap_id_is_valid(to), NULL);

  return g_object_new(KJ_TYPE_ROADMAP_EDGE, "from", from, "to", to, "kind", kind, NULL);
}

const char *
kj_roadmap_edge_get_from(KjRoadmapEdge *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_EDGE(self), NULL);
  return self->from;
}

const char *
kj_roadmap_edge_get_to(KjRoadmapEdge *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_EDGE(self), NULL);
  return self->to;
}

KjRoadmapEdgeKind
kj_roadmap_edge_get_kind(KjRoadmapEdge *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_EDGE(self), KJ_ROADMAP_EDGE_PREREQUISITE);
  return self->kind;
}

void
kj_roadmap_edge_set_kind(KjRoadmapEdge *self, KjRoadmapEdgeKind kind)
{
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP_EDGE(self));
  if (self->kind == kind)
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[PROP_KIND]);
  self->kind = kind;
  kj_roadmap_change_end(&change);
}

KjRoadmapStroke
kj_roadmap_edge_get_stroke(KjRoadmapEdge *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_EDGE(self), KJ_ROADMAP_STROKE_SOLID);
  return self->stroke;
}

void
kj_roadmap_edge_set_stroke(KjRoadmapEdge *self, KjRoadmapStroke stroke)
{
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP_EDGE(self));
  if (self->stroke == stroke)
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[PROP_STROKE]);
  self->stroke = stroke;
  kj_roadmap_change_end(&change);
}

const char *
kj_roadmap_edge_get_label(KjRoadmapEdge *self)
{
  g_return_val_if_fail(KJ_IS_ROADMAP_EDGE(self), NULL);
  return self->label;
}

void
kj_roadmap_edge_set_label(KjRoadmapEdge *self, const char *label)
{
  KjRoadmapChange change;

  g_return_if_fail(KJ_IS_ROADMAP_EDGE(self));
  if (label != NULL && *label == '\0')
    label = NULL;
  if (g_strcmp0(self->label, label) == 0)
    return;
  kj_roadmap_change_begin(&change, self->roadmap, G_OBJECT(self), properties[PROP_LABEL]);
  g_free(self->label);
  self->label = g_strdup(label);
  kj_roadmap_change_end(&change);
}

static void
kj_roadmap_edge_finalize(GObject *object)
{
  KjRoadmapEdge *self = KJ_ROADMAP_EDGE(object);

  g_free(self->from);
  g_free(self->to);
  g_free(self->label);
  G_OBJECT_CLASS(kj_roadmap_edge_parent_class)->finalize(object);
}

static void
kj_roadmap_edge_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjRoadmapEdge *self = KJ_ROADMAP_EDGE(object);

  switch (prop_id) {
  case PROP_FROM:
    g_value_set_string(value, self->from);
    break;
  case PROP_TO:
    g_value_set_string(value, self->to);
    break;
  case PROP_KIND:
    g_value_set_enum(value, self->kind);
    break;
  case PROP_STROKE:
    g_value_set_enum(value, self->stroke);
    break;
  case PROP_LABEL:
    g_value_set_string(value, self->label);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_edge_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjRoadmapEdge *self = KJ_ROADMAP_EDGE(object);

  switch (prop_id) {
  case PROP_FROM:
    self->from = g_value_dup_string(value);
    break;
  case PROP_TO:
    self->to = g_value_dup_string(value);
    break;
  case PROP_KIND:
    kj_roadmap_edge_set_kind(self, g_value_get_enum(value));
    break;
  case PROP_STROKE:
    kj_roadmap_edge_set_stroke(self, g_value_get_enum(value));
    break;
  case PROP_LABEL:
    kj_roadmap_edge_set_label(self, g_value_get_string(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_roadmap_edge_class_init(KjRoadmapEdgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ends = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kj_roadmap_edge_finalize;
  object_class->get_property = kj_roadmap_edge_get_property;
  object_class->set_property = kj_roadmap_edge_set_property;

  properties[PROP_FROM] = g_param_spec_string("from", NULL, NULL, NULL, ends);
  properties[PROP_TO] = g_param_spec_string("to", NULL, NULL, NULL, ends);
  properties[PROP_KIND] = g_param_spec_enum("kind", NULL, NULL, KJ_TYPE_ROADMAP_EDGE_KIND,
                                            KJ_ROADMAP_EDGE_PREREQUISITE, rw);
  properties[PROP_STROKE] =
      g_param_spec_enum("stroke", NULL, NULL, KJ_TYPE_ROADMAP_STROKE, KJ_ROADMAP_STROKE_SOLID, rw);
  properties[PROP_LABEL] = g_param_spec_string("label", NULL, NULL, NULL, rw);
  g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
kj_roadmap_edge_init(KjRoadmapEdge *self)
{
}
