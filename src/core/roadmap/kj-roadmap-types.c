#include "config.h"

#include "kj-roadmap-types.h"

#include <glib/gi18n-lib.h>

G_DEFINE_ENUM_TYPE(KjRoadmapNodeKind, kj_roadmap_node_kind,
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_NODE_KIND_CONCEPT, "concept"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_NODE_KIND_DOMAIN, "domain"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_NODE_KIND_SKILL, "skill"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_NODE_KIND_RESOURCE, "resource"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_NODE_KIND_TOOL, "tool"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_NODE_KIND_PAPER, "paper"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_NODE_KIND_PROJECT, "project"))

G_DEFINE_ENUM_TYPE(KjRoadmapStage, kj_roadmap_stage,
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STAGE_NONE, "none"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STAGE_FOUNDATIONS, "foundations"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STAGE_CROSS_DOMAIN, "cross-domain"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STAGE_FUSION, "fusion"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STAGE_PRACTICE, "practice"))

G_DEFINE_ENUM_TYPE(KjRoadmapStatus, kj_roadmap_status,
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STATUS_NOT_STARTED, "not-started"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STATUS_LEARNING, "learning"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STATUS_DONE, "done"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STATUS_SKIPPED, "skipped"))

G_DEFINE_ENUM_TYPE(KjRoadmapEdgeKind, kj_roadmap_edge_kind,
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_EDGE_PREREQUISITE, "prerequisite"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_EDGE_RELATES_TO, "relates-to"))

G_DEFINE_ENUM_TYPE(KjRoadmapStroke, kj_roadmap_stroke,
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STROKE_SOLID, "solid"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STROKE_DOTTED, "dotted"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_STROKE_THICK, "thick"))

G_DEFINE_ENUM_TYPE(KjRoadmapShape, kj_roadmap_shape,
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_AUTO, "auto"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_RECT, "rect"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_ROUND, "round"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_STADIUM, "stadium"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_SUBROUTINE, "subroutine"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_CYLINDER, "cylinder"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_CIRCLE, "circle"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_ASYMMETRIC, "asymmetric"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_RHOMBUS, "rhombus"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_HEXAGON, "hexagon"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_PARALLELOGRAM, "parallelogram"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT, "parallelogram-alt"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_TRAPEZOID, "trapezoid"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_SHAPE_TRAPEZOID_ALT, "trapezoid-alt"))

/* Mermaid's own spelling, so a JSON file and a diagram name directions alike. */
G_DEFINE_ENUM_TYPE(KjRoadmapDirection, kj_roadmap_direction,
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_DIRECTION_TB, "TB"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_DIRECTION_BT, "BT"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_DIRECTION_LR, "LR"),
                   G_DEFINE_ENUM_VALUE(KJ_ROADMAP_DIRECTION_RL, "RL"))

const char *
kj_roadmap_enum_to_nick(GType enum_type, int value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref(enum_type);
  GEnumValue *ev = g_enum_get_value(klass, value);

  /* Nicks are static strings owned by the type, which lives forever. */
  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
kj_roadmap_enum_from_nick(GType enum_type, const char *nick, int *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref(enum_type);
  ev = g_enum_get_value_by_nick(klass, nick);
  if (ev == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}

const char *
kj_roadmap_node_kind_get_label(KjRoadmapNodeKind kind)
{
  switch (kind) {
  case KJ_ROADMAP_NODE_KIND_CONCEPT:
    return _("Concept");
  case KJ_ROADMAP_NODE_KIND_DOMAIN:
    return _("Domain");
  case KJ_ROADMAP_NODE_KIND_SKILL:
    return _("Skill");
  case KJ_ROADMAP_NODE_KIND_RESOURCE:
    return _("Resource");
  case KJ_ROADMAP_NODE_KIND_TOOL:
    return _("Tool");
  case KJ_ROADMAP_NODE_KIND_PAPER:
    return _("Paper");
  case KJ_ROADMAP_NODE_KIND_PROJECT:
    return _("Practice project");
  }
  g_return_val_if_reached(NULL);
}

const char *
kj_roadmap_stage_get_label(KjRoadmapStage stage)
{
  switch (stage) {
  case KJ_ROADMAP_STAGE_NONE:
    /* Translators: a roadmap node that belongs to none of the four stages */
    return _("No stage");
  case KJ_ROADMAP_STAGE_FOUNDATIONS:
    /* Translators: stage 1 of the seed's method, 基础知识学习 */
    return _("Foundations");
  case KJ_ROADMAP_STAGE_CROSS_DOMAIN:
    /* Translators: stage 2 of the seed's method, 跨界知识获取 */
    return _("Cross-domain knowledge");
  case KJ_ROADMAP_STAGE_FUSION:
    /* Translators: stage 3 of the seed's method, 技术栈融合 */
    return _("Stack fusion");
  case KJ_ROADMAP_STAGE_PRACTICE:
    /* Translators: stage 4 of the seed's method, 实践应用 */
    return _("Practice");
  }
  g_return_val_if_reached(NULL);
}

const char *
kj_roadmap_status_get_label(KjRoadmapStatus status)
{
  switch (status) {
  case KJ_ROADMAP_STATUS_NOT_STARTED:
    return _("Not started");
  case KJ_ROADMAP_STATUS_LEARNING:
    return _("Learning");
  case KJ_ROADMAP_STATUS_DONE:
    return _("Done");
  case KJ_ROADMAP_STATUS_SKIPPED:
    return _("Skipped");
  }
  g_return_val_if_reached(NULL);
}

const char *
kj_roadmap_edge_kind_get_label(KjRoadmapEdgeKind kind)
{
  switch (kind) {
  case KJ_ROADMAP_EDGE_PREREQUISITE:
    return _("Prerequisite");
  case KJ_ROADMAP_EDGE_RELATES_TO:
    /* Translators: an edge between two roadmap nodes that implies no order */
    return _("Related");
  }
  g_return_val_if_reached(NULL);
}

/* Shapes to kinds, as documented in kj-mermaid.h: a plain box is a concept,
 * hexagons and subroutines are domains (blocks of a stack), rounded boxes
 * skills, stadiums practice projects, cylinders resources (stores of
 * material), parallelograms tools, the asymmetric flag a paper.  Circles,
 * rhombi and trapezoids have no meaning of their own and stay concepts. */
KjRoadmapNodeKind
kj_roadmap_shape_get_kind(KjRoadmapShape shape)
{
  switch (shape) {
  case KJ_ROADMAP_SHAPE_AUTO:
  case KJ_ROADMAP_SHAPE_RECT:
  case KJ_ROADMAP_SHAPE_CIRCLE:
  case KJ_ROADMAP_SHAPE_RHOMBUS:
  case KJ_ROADMAP_SHAPE_TRAPEZOID:
  case KJ_ROADMAP_SHAPE_TRAPEZOID_ALT:
    return KJ_ROADMAP_NODE_KIND_CONCEPT;
  case KJ_ROADMAP_SHAPE_HEXAGON:
  case KJ_ROADMAP_SHAPE_SUBROUTINE:
    return KJ_ROADMAP_NODE_KIND_DOMAIN;
  case KJ_ROADMAP_SHAPE_ROUND:
    return KJ_ROADMAP_NODE_KIND_SKILL;
  case KJ_ROADMAP_SHAPE_CYLINDER:
    return KJ_ROADMAP_NODE_KIND_RESOURCE;
  case KJ_ROADMAP_SHAPE_PARALLELOGRAM:
  case KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT:
    return KJ_ROADMAP_NODE_KIND_TOOL;
  case KJ_ROADMAP_SHAPE_ASYMMETRIC:
    return KJ_ROADMAP_NODE_KIND_PAPER;
  case KJ_ROADMAP_SHAPE_STADIUM:
    return KJ_ROADMAP_NODE_KIND_PROJECT;
  }
  return KJ_ROADMAP_NODE_KIND_CONCEPT;
}

/* The inverse for export: the one shape each kind is written with when the
 * node has no shape of its own. */
KjRoadmapShape
kj_roadmap_node_kind_get_shape(KjRoadmapNodeKind kind)
{
  switch (kind) {
  case KJ_ROADMAP_NODE_KIND_CONCEPT:
    return KJ_ROADMAP_SHAPE_RECT;
  case KJ_ROADMAP_NODE_KIND_DOMAIN:
    return KJ_ROADMAP_SHAPE_HEXAGON;
  case KJ_ROADMAP_NODE_KIND_SKILL:
    return KJ_ROADMAP_SHAPE_ROUND;
  case KJ_ROADMAP_NODE_KIND_RESOURCE:
    return KJ_ROADMAP_SHAPE_CYLINDER;
  case KJ_ROADMAP_NODE_KIND_TOOL:
    return KJ_ROADMAP_SHAPE_PARALLELOGRAM;
  case KJ_ROADMAP_NODE_KIND_PAPER:
    return KJ_ROADMAP_SHAPE_ASYMMETRIC;
  case KJ_ROADMAP_NODE_KIND_PROJECT:
    return KJ_ROADMAP_SHAPE_STADIUM;
  }
  return KJ_ROADMAP_SHAPE_RECT;
}

/* Words Mermaid reads as statements; as ids they would break a diagram. */
static const char *const keywords[] = {
  "end",   "subgraph",  "graph",     "flowchart", "classDef", "class",
  "style", "linkStyle", "direction", "click",     "accTitle", "accDescr",
};

static gboolean
is_id_char(gunichar c)
{
  return c == '_' || g_unichar_isalnum(c) || g_unichar_ismark(c);
}

gboolean
kj_roadmap_id_is_valid(const char *id)
{
  gboolean after_dash = TRUE; /* no leading '-' */

  if (id == NULL || *id == '\0' || !g_utf8_validate(id, -1, NULL))
    return FALSE;
  for (const char *p = id; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);

    if (c == '-') {
      if (after_dash)
        return FALSE;
      after_dash = TRUE;
    } else if (is_id_char(c)) {
      after_dash = FALSE;
    } else {
      return FALSE;
    }
  }
  if (after_dash)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS(keywords); i++)
    if (strcmp(id, keywords[i]) == 0)
      return FALSE;
  return TRUE;
}

char *
kj_roadmap_id_from_text(const char *text)
{
  g_autoptr(GString) id = g_string_new(NULL);
  gboolean pending_dash = FALSE;

  if (text == NULL || !g_utf8_validate(text, -1, NULL))
    return NULL;
  /* Runs of anything else become one '-' between kept characters. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);

    if (is_id_char(c)) {
      if (pending_dash && id->len > 0)
        g_string_append_c(id, '-');
      pending_dash = FALSE;
      g_string_append_unichar(id, c < 0x80 ? (gunichar)g_ascii_tolower((char)c) : c);
    } else {
      pending_dash = TRUE;
    }
    if (id->len >= 48) /* ids are keys, not titles */
      break;
  }
  if (!kj_roadmap_id_is_valid(id->str))
    return NULL;
  return g_string_free(g_steal_pointer(&id), FALSE);
}
