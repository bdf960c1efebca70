/* kj-roadmap-types.h — the enumerations of a roadmap and the rules for ids
 *
 * Every enumeration is a registered GEnum whose nicks are the strings the JSON
 * format stores, so a file stays readable and the names never depend on the
 * numbering.  *_get_label() gives the translated name for display. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KJ_ROADMAP_NODE_KIND_CONCEPT,
  KJ_ROADMAP_NODE_KIND_DOMAIN,
  KJ_ROADMAP_NODE_KIND_SKILL,
  KJ_ROADMAP_NODE_KIND_RESOURCE,
  KJ_ROADMAP_NODE_KIND_TOOL,
  KJ_ROADMAP_NODE_KIND_PAPER,
  KJ_ROADMAP_NODE_KIND_PROJECT, /* a practice project */
} KjRoadmapNodeKind;

/* The four stages of the seed's method (section 3.1), or none. */
typedef enum {
  KJ_ROADMAP_STAGE_NONE,
  KJ_ROADMAP_STAGE_FOUNDATIONS,  /* 基础知识学习 */
  KJ_ROADMAP_STAGE_CROSS_DOMAIN, /* 跨界知识获取 */
  KJ_ROADMAP_STAGE_FUSION,       /* 技术栈融合 */
  KJ_ROADMAP_STAGE_PRACTICE,     /* 实践应用 */
} KjRoadmapStage;

typedef enum {
  KJ_ROADMAP_STATUS_NOT_STARTED,
  KJ_ROADMAP_STATUS_LEARNING,
  KJ_ROADMAP_STATUS_DONE,
  KJ_ROADMAP_STATUS_SKIPPED, /* left out of progress entirely */
} KjRoadmapStatus;

typedef enum {
  KJ_ROADMAP_EDGE_PREREQUISITE, /* "from" comes before "to"; Mermaid arrows with a head */
  KJ_ROADMAP_EDGE_RELATES_TO,   /* no order; Mermaid open links */
} KjRoadmapEdgeKind;

/* How an edge is stroked; Mermaid's -->, -.-> and ==> (and their open forms). */
typedef enum {
  KJ_ROADMAP_STROKE_SOLID,
  KJ_ROADMAP_STROKE_DOTTED,
  KJ_ROADMAP_STROKE_THICK,
} KjRoadmapStroke;

/* Mermaid node shapes.  AUTO means "the canonical shape of the node's kind";
 * see kj_roadmap_shape_get_kind() and kj_roadmap_node_kind_get_shape(). */
typedef enum {
  KJ_ROADMAP_SHAPE_AUTO,
  KJ_ROADMAP_SHAPE_RECT,              /* [text]   */
  KJ_ROADMAP_SHAPE_ROUND,             /* (text)   */
  KJ_ROADMAP_SHAPE_STADIUM,           /* ([text]) */
  KJ_ROADMAP_SHAPE_SUBROUTINE,        /* [[text]] */
  KJ_ROADMAP_SHAPE_CYLINDER,          /* [(text)] */
  KJ_ROADMAP_SHAPE_CIRCLE,            /* ((text)) */
  KJ_ROADMAP_SHAPE_ASYMMETRIC,        /* >text]   */
  KJ_ROADMAP_SHAPE_RHOMBUS,           /* {text}   */
  KJ_ROADMAP_SHAPE_HEXAGON,           /* {{text}} */
  KJ_ROADMAP_SHAPE_PARALLELOGRAM,     /* [/text/] */
  KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT, /* [\text\] */
  KJ_ROADMAP_SHAPE_TRAPEZOID,         /* [/text\] */
  KJ_ROADMAP_SHAPE_TRAPEZOID_ALT,     /* [\text/] */
} KjRoadmapShape;

typedef enum {
  KJ_ROADMAP_DIRECTION_TB, /* top to bottom (Mermaid TB and TD) */
  KJ_ROADMAP_DIRECTION_BT,
  KJ_ROADMAP_DIRECTION_LR,
  KJ_ROADMAP_DIRECTION_RL,
} KjRoadmapDirection;

#define KJ_TYPE_ROADMAP_NODE_KIND (kj_roadmap_node_kind_get_type())
GType kj_roadmap_node_kind_get_type(void);
#define KJ_TYPE_ROADMAP_STAGE (kj_roadmap_stage_get_type())
GType kj_roadmap_stage_get_type(void);
#define KJ_TYPE_ROADMAP_STATUS (kj_roadmap_status_get_type())
GType kj_roadmap_status_get_type(void);
#define KJ_TYPE_ROADMAP_EDGE_KIND (kj_roadmap_edge_kind_get_type())
GType kj_roadmap_edge_kind_get_type(void);
#define KJ_TYPE_ROADMAP_STROKE (kj_roadmap_stroke_get_type())
GType kj_roadmap_stroke_get_type(void);
#define KJ_TYPE_ROADMAP_SHAPE (kj_roadmap_shape_get_type())
GType kj_roadmap_shape_get_type(void);
#define KJ_TYPE_ROADMAP_DIRECTION (kj_roadmap_direction_get_type())
GType kj_roadmap_direction_get_type(void);

/* The stable name (the GEnum nick, as stored in files) of a value, and back.
 * from_nick() returns FALSE for an unknown name and leaves *value alone. */
const char *kj_roadmap_enum_to_nick(GType enum_type, int value);
gboolean kj_roadmap_enum_from_nick(GType enum_type, const char *nick, int *value);

/* Translated names for display. */
const char *kj_roadmap_node_kind_get_label(KjRoadmapNodeKind kind);
const char *kj_roadmap_stage_get_label(KjRoadmapStage stage);
const char *kj_roadmap_status_get_label(KjRoadmapStatus status);
const char *kj_roadmap_edge_kind_get_label(KjRoadmapEdgeKind kind);

/* The documented mapping between Mermaid shapes and node kinds. */
KjRoadmapNodeKind kj_roadmap_shape_get_kind(KjRoadmapShape shape);
KjRoadmapShape kj_roadmap_node_kind_get_shape(KjRoadmapNodeKind kind);

/* Ids of nodes and groups: one or more letters (any script), digits or '_',
 * with single '-' between them; never a Mermaid keyword such as "end".  The
 * same rule everywhere, so every roadmap can be written as Mermaid. */
gboolean kj_roadmap_id_is_valid(const char *id);
/* A valid id made from any text (a title, say), or NULL when nothing of it
 * can be used. */
char *kj_roadmap_id_from_text(const char *text);

G_END_DECLS
