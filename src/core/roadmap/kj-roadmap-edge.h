/* kj-roadmap-edge.h — a link between two nodes of a roadmap, by their ids
 *
 * The ends never change; to move an edge, disconnect it and connect anew.
 * Kind, stroke and label are properties, recorded for undo like a node's. */
#pragma once

#include <glib-object.h>

#include "kj-roadmap-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_EDGE (kj_roadmap_edge_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapEdge, kj_roadmap_edge, KJ, ROADMAP_EDGE, GObject)

KjRoadmapEdge *kj_roadmap_edge_new(const char *from, const char *to, KjRoadmapEdgeKind kind);

const char *kj_roadmap_edge_get_from(KjRoadmapEdge *self);
const char *kj_roadmap_edge_get_to(KjRoadmapEdge *self);
KjRoadmapEdgeKind kj_roadmap_edge_get_kind(KjRoadmapEdge *self);
void kj_roadmap_edge_set_kind(KjRoadmapEdge *self, KjRoadmapEdgeKind kind);
KjRoadmapStroke kj_roadmap_edge_get_stroke(KjRoadmapEdge *self);
void kj_roadmap_edge_set_stroke(KjRoadmapEdge *self, KjRoadmapStroke stroke);
/* NULL when the edge has no label. */
const char *kj_roadmap_edge_get_label(KjRoadmapEdge *self);
void kj_roadmap_edge_set_label(KjRoadmapEdge *self, const char *label);

G_END_DECLS
