/* kj-roadmap-details-connections.h — the edges of a roadmap node, as lists
 *
 * "Needs" (prerequisites that lead to the node), "Leads to" (the node is a
 * prerequisite of) and "Related", one row per edge: the other node's title,
 * the edge's label, a button to go there and one to disconnect.  "Connect
 * to…" opens a KjRoadmapConnectPopover.  The lists follow the roadmap. */
#pragma once

#include <adwaita.h>

#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_DETAILS_CONNECTIONS (kj_roadmap_details_connections_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapDetailsConnections, kj_roadmap_details_connections, KJ,
                     ROADMAP_DETAILS_CONNECTIONS, AdwPreferencesGroup)

GtkWidget *kj_roadmap_details_connections_new(void);

void kj_roadmap_details_connections_set_roadmap(KjRoadmapDetailsConnections *self,
                                                KjRoadmap *roadmap);
/* The node whose edges are shown (a node of the roadmap), or NULL. */
void kj_roadmap_details_connections_set_node(KjRoadmapDetailsConnections *self,
                                             KjRoadmapNode *node);

/* Signal "node-selected" (KjRoadmapNode *node): the user asked to go to a
 * connected node. */

G_END_DECLS
