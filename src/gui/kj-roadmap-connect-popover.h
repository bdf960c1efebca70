/* kj-roadmap-connect-popover.h — connects a roadmap node to another one
 *
 * A search entry, the roadmap's other nodes (filtered by the search) and a
 * choice of edge kind.  Choosing a node adds an edge from the popover's node
 * to it, as one undo step; a refusal (already connected) is told in a toast. */
#pragma once

#include <gtk/gtk.h>

#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_CONNECT_POPOVER (kj_roadmap_connect_popover_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapConnectPopover, kj_roadmap_connect_popover, KJ,
                     ROADMAP_CONNECT_POPOVER, GtkPopover)

GtkWidget *kj_roadmap_connect_popover_new(void);

void kj_roadmap_connect_popover_set_roadmap(KjRoadmapConnectPopover *self, KjRoadmap *roadmap);
/* The node new edges start from, or NULL. */
void kj_roadmap_connect_popover_set_node(KjRoadmapConnectPopover *self, KjRoadmapNode *node);

/* Property "edge-kind": the kind of the edges it makes. */
KjRoadmapEdgeKind kj_roadmap_connect_popover_get_edge_kind(KjRoadmapConnectPopover *self);
void kj_roadmap_connect_popover_set_edge_kind(KjRoadmapConnectPopover *self,
                                              KjRoadmapEdgeKind kind);

/* What choosing target in the list does: connects the node to it and closes
 * the popover, or shows why not (a toast) and returns FALSE. */
gboolean kj_roadmap_connect_popover_connect_to(KjRoadmapConnectPopover *self,
                                               KjRoadmapNode *target);

/* The nodes listed now (the search applied); for tests. */
GListModel *kj_roadmap_connect_popover_get_matches(KjRoadmapConnectPopover *self);

G_END_DECLS
