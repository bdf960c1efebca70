/* kj-roadmap-group.h — a named set of nodes drawn together (a Mermaid subgraph)
 *
 * Nodes name their group by id; groups nest through their parent's id. */
#pragma once

#include <glib-object.h>

#include "kj-roadmap-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_GROUP (kj_roadmap_group_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapGroup, kj_roadmap_group, KJ, ROADMAP_GROUP, GObject)

/* id must satisfy kj_roadmap_id_is_valid(); the title starts as the id. */
KjRoadmapGroup *kj_roadmap_group_new(const char *id);

const char *kj_roadmap_group_get_id(KjRoadmapGroup *self);
const char *kj_roadmap_group_get_title(KjRoadmapGroup *self);
void kj_roadmap_group_set_title(KjRoadmapGroup *self, const char *title);
/* The enclosing group's id, or NULL at the top level.  In a roadmap it must
 * name another of its groups and must not make a cycle. */
const char *kj_roadmap_group_get_parent(KjRoadmapGroup *self);
void kj_roadmap_group_set_parent(KjRoadmapGroup *self, const char *parent);

G_END_DECLS
