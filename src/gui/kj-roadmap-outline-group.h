/* kj-roadmap-outline-group.h — a stage or domain row of the roadmap outline
 *
 * The items of KjRoadmapOutline's tree that are not nodes: a stage holds
 * domain groups, a domain group holds KjRoadmapNode.  A group keeps its
 * items in a store (every item, in order) and shows them through a filter
 * model; the outline updates both in place, so rows that stay keep their
 * expansion.  "count-label" ("3/5") is what is done out of what counts. */
#pragma once

#include <gtk/gtk.h>

#include "kj-roadmap-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_OUTLINE_GROUP (kj_roadmap_outline_group_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapOutlineGroup, kj_roadmap_outline_group, KJ, ROADMAP_OUTLINE_GROUP,
                     GObject)

/* A stage group (domain NULL) or a domain group of a stage; domain "" is the
 * group of nodes without a domain.  filter chooses the items shown. */
KjRoadmapOutlineGroup *kj_roadmap_outline_group_new(KjRoadmapStage stage, const char *domain,
                                                    GtkFilter *filter);

KjRoadmapStage kj_roadmap_outline_group_get_stage(KjRoadmapOutlineGroup *self);
/* NULL for a stage group. */
const char *kj_roadmap_outline_group_get_domain(KjRoadmapOutlineGroup *self);
gboolean kj_roadmap_outline_group_is_domain(KjRoadmapOutlineGroup *self);
/* Names the group among all groups: "2" for a stage, "2/ai" for a domain. */
const char *kj_roadmap_outline_group_get_key(KjRoadmapOutlineGroup *self);

const char *kj_roadmap_outline_group_get_title(KjRoadmapOutlineGroup *self);
void kj_roadmap_outline_group_set_title(KjRoadmapOutlineGroup *self, const char *title);
guint kj_roadmap_outline_group_get_n_done(KjRoadmapOutlineGroup *self);
guint kj_roadmap_outline_group_get_n_counted(KjRoadmapOutlineGroup *self);
void kj_roadmap_outline_group_set_counts(KjRoadmapOutlineGroup *self, guint n_done,
                                         guint n_counted);
const char *kj_roadmap_outline_group_get_count_label(KjRoadmapOutlineGroup *self);

/* Every item, and the items the filter lets through (both borrowed). */
GListModel *kj_roadmap_outline_group_get_items(KjRoadmapOutlineGroup *self);
GListModel *kj_roadmap_outline_group_get_children(KjRoadmapOutlineGroup *self);
/* Makes the items those of items (GObject *), touching only the part that
 * differs; TRUE when anything changed. */
gboolean kj_roadmap_outline_group_update_items(KjRoadmapOutlineGroup *self, GPtrArray *items);

/* The same in-place update for any store. */
gboolean kj_roadmap_outline_update_store(GListStore *store, GPtrArray *items);

G_END_DECLS
