/* kj-roadmap-node.h — one topic, resource or project of a roadmap
 *
 * Every field is a property, so views bind to it.  Once the node is in a
 * KjRoadmap, every change (through a setter, g_object_set() or a binding) is
 * an undoable step of the roadmap's history, and consecutive edits of one
 * text field (title, description, notes) merge into one step.
 *
 * The id never changes; edges and files refer to nodes by id. */
#pragma once

#include <glib-object.h>

#include "kj-roadmap-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_NODE (kj_roadmap_node_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapNode, kj_roadmap_node, KJ, ROADMAP_NODE, GObject)

/* id must satisfy kj_roadmap_id_is_valid().  The title starts as the id. */
KjRoadmapNode *kj_roadmap_node_new(const char *id);

const char *kj_roadmap_node_get_id(KjRoadmapNode *self);

const char *kj_roadmap_node_get_title(KjRoadmapNode *self);
void kj_roadmap_node_set_title(KjRoadmapNode *self, const char *title);
KjRoadmapNodeKind kj_roadmap_node_get_kind(KjRoadmapNode *self);
void kj_roadmap_node_set_kind(KjRoadmapNode *self, KjRoadmapNodeKind kind);
/* The Mermaid shape the node was imported with, or AUTO. */
KjRoadmapShape kj_roadmap_node_get_shape(KjRoadmapNode *self);
void kj_roadmap_node_set_shape(KjRoadmapNode *self, KjRoadmapShape shape);
/* The shape to draw or export: the node's own when it agrees with its kind
 * (so changing the kind also changes the shape), else the kind's. */
KjRoadmapShape kj_roadmap_node_get_effective_shape(KjRoadmapNode *self);
KjRoadmapStage kj_roadmap_node_get_stage(KjRoadmapNode *self);
void kj_roadmap_node_set_stage(KjRoadmapNode *self, KjRoadmapStage stage);
KjRoadmapStatus kj_roadmap_node_get_status(KjRoadmapNode *self);
void kj_roadmap_node_set_status(KjRoadmapNode *self, KjRoadmapStatus status);
const char *kj_roadmap_node_get_description(KjRoadmapNode *self);
void kj_roadmap_node_set_description(KjRoadmapNode *self, const char *description);
const char *kj_roadmap_node_get_notes(KjRoadmapNode *self);
void kj_roadmap_node_set_notes(KjRoadmapNode *self, const char *notes);
/* Never NULL; an empty vector when there are no links. */
const char *const *kj_roadmap_node_get_links(KjRoadmapNode *self);
void kj_roadmap_node_set_links(KjRoadmapNode *self, const char *const *links);
/* Hours of study the node is expected to take; 0 when unknown. */
double kj_roadmap_node_get_estimated_hours(KjRoadmapNode *self);
void kj_roadmap_node_set_estimated_hours(KjRoadmapNode *self, double hours);
/* The domain whose progress the node counts towards: an id (usually of a
 * node of kind domain), or NULL. */
const char *kj_roadmap_node_get_domain(KjRoadmapNode *self);
void kj_roadmap_node_set_domain(KjRoadmapNode *self, const char *domain);
/* The domain itself when the node is a domain without one, else the above. */
const char *kj_roadmap_node_get_effective_domain(KjRoadmapNode *self);
/* The id of the group (Mermaid subgraph) the node is drawn in, or NULL.  In a
 * roadmap it must name one of the roadmap's groups. */
const char *kj_roadmap_node_get_group(KjRoadmapNode *self);
void kj_roadmap_node_set_group(KjRoadmapNode *self, const char *group);

/* A new, detached node with the same fields, for copy and paste. */
KjRoadmapNode *kj_roadmap_node_copy(KjRoadmapNode *self, const char *id);

G_END_DECLS
