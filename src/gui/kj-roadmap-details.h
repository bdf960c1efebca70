/* kj-roadmap-details.h — the Roadmap page's panel for the selected topic
 *
 * Every field of one node, editable: title, kind, stage, status, domain,
 * hours, description, notes, links and connections.  Each edit is one undo
 * step of the roadmap (typing merges); undo, redo and other views update the
 * panel in turn.  Without a node (or once the node leaves the roadmap) it
 * shows a status page. */
#pragma once

#include <adwaita.h>

#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_DETAILS (kj_roadmap_details_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapDetails, kj_roadmap_details, KJ, ROADMAP_DETAILS, AdwBin)

GtkWidget *kj_roadmap_details_new(void);

/* Property "roadmap".  Changing it clears the node. */
KjRoadmap *kj_roadmap_details_get_roadmap(KjRoadmapDetails *self);
void kj_roadmap_details_set_roadmap(KjRoadmapDetails *self, KjRoadmap *roadmap);
/* Property "node": a node of the roadmap, or NULL. */
KjRoadmapNode *kj_roadmap_details_get_node(KjRoadmapDetails *self);
void kj_roadmap_details_set_node(KjRoadmapDetails *self, KjRoadmapNode *node);

/* Puts the keyboard focus in the title, to name a new topic. */
void kj_roadmap_details_focus_title(KjRoadmapDetails *self);

/* Signal "node-selected" (KjRoadmapNode *node): the user asked to go to a
 * connected node; the page selects it. */

G_END_DECLS
