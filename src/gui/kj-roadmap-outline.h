/* kj-roadmap-outline.h — the Roadmap page's outline: stages, domains, topics
 *
 * A tree of the roadmap's nodes: the four stages (and "No stage" when a node
 * has none), in each the domains its nodes count towards (in the order the
 * domains first appear in the roadmap, "Other" last for nodes without one),
 * in each domain its nodes in file order.  Stage and domain
 * rows show "done/counted" (skipped nodes do not count).  A node row has a
 * check box for "done" (checking sets DONE, unchecking NOT_STARTED; a node
 * being learnt is unchecked with a "Learning" caption), its title and kind.
 *
 * Above the tree, a search entry (title, description and notes, ignoring
 * case, every word must match) and a status filter.  While either filters,
 * every row is expanded and empty stage and domain rows are hidden.
 *
 * The outline follows the roadmap live: titles and statuses through the
 * nodes' notifications, added and removed nodes and changed stages or
 * domains by updating the tree in place, keeping expanded rows and the
 * selection.  A change of status is an edit of the roadmap, so undo works;
 * when undo changes a status the check box follows without a new edit.
 *
 * Properties
 *   "roadmap" (KjRoadmap, read/write): the roadmap shown, or NULL.
 *   "selected" (KjRoadmapNode, read/write, nullable): the node selected;
 *     NULL when none is or a stage or domain row is.  A node hidden by the
 *     search stays selected.
 *
 * Signals
 *   "node-activated" (KjRoadmapNode *): a node row was activated (Enter,
 *     double click). */
#pragma once

#include <adwaita.h>

#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_OUTLINE (kj_roadmap_outline_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapOutline, kj_roadmap_outline, KJ, ROADMAP_OUTLINE, AdwBin)

GtkWidget *kj_roadmap_outline_new(void);

KjRoadmap *kj_roadmap_outline_get_roadmap(KjRoadmapOutline *self);
void kj_roadmap_outline_set_roadmap(KjRoadmapOutline *self, KjRoadmap *roadmap);

/* Borrowed, or NULL. */
KjRoadmapNode *kj_roadmap_outline_get_selected(KjRoadmapOutline *self);
/* Selects the node's row, expanding its stage and domain and scrolling to
 * it; a search or status filter that hides it is cleared.  NULL clears the
 * selection. */
void kj_roadmap_outline_set_selected(KjRoadmapOutline *self, KjRoadmapNode *node);

/* Puts the keyboard focus in the search entry (for Ctrl+F). */
void kj_roadmap_outline_focus_search(KjRoadmapOutline *self);

G_END_DECLS
