/* kj-roadmap.h — a learning roadmap: nodes, the edges between them, groups
 *
 * Three GListModels (nodes, edges, groups) for views, lookups by id, and
 * edits that keep the graph whole: an edge always joins two nodes of the
 * roadmap, a node's group always exists, removing a node removes its edges.
 *
 * Every edit — adding, removing, connecting, and any property change of the
 * roadmap or of an object in it — is a step of an undo history; edits made
 * between kj_roadmap_begin_user_action() and _end_user_action() are one step.
 * "changed" is emitted once after each edit, undo or redo, so a view redraws
 * once per step.  See kj-roadmap-json.h and kj-mermaid.h for files,
 * kj-roadmap-progress.h for progress, kj-roadmap-layout.h for drawing. */
#pragma once

#include <gio/gio.h>

#include "kj-roadmap-edge.h"
#include "kj-roadmap-group.h"
#include "kj-roadmap-node.h"
#include "kj-roadmap-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP (kj_roadmap_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmap, kj_roadmap, KJ, ROADMAP, GObject)

KjRoadmap *kj_roadmap_new(void);

const char *kj_roadmap_get_title(KjRoadmap *self);
void kj_roadmap_set_title(KjRoadmap *self, const char *title);
/* The direction the graph is drawn in (and the Mermaid header's). */
KjRoadmapDirection kj_roadmap_get_direction(KjRoadmap *self);
void kj_roadmap_set_direction(KjRoadmap *self, KjRoadmapDirection direction);
/* Mermaid statements Kuajie does not model (classDef, class, style, click,
 * linkStyle), kept verbatim so an export gives them back.  Never NULL. */
const char *const *kj_roadmap_get_mermaid_extra(KjRoadmap *self);
void kj_roadmap_set_mermaid_extra(KjRoadmap *self, const char *const *lines);

/* GListModels of KjRoadmapNode, KjRoadmapEdge and KjRoadmapGroup, in the
 * order of the file; owned by the roadmap. */
GListModel *kj_roadmap_get_nodes(KjRoadmap *self);
GListModel *kj_roadmap_get_edges(KjRoadmap *self);
GListModel *kj_roadmap_get_groups(KjRoadmap *self);
guint kj_roadmap_get_n_nodes(KjRoadmap *self);
guint kj_roadmap_get_n_edges(KjRoadmap *self);
guint kj_roadmap_get_n_groups(KjRoadmap *self);
/* Borrowed items by position, or NULL past the end. */
KjRoadmapNode *kj_roadmap_get_node(KjRoadmap *self, guint position);
KjRoadmapEdge *kj_roadmap_get_edge(KjRoadmap *self, guint position);
KjRoadmapGroup *kj_roadmap_get_group(KjRoadmap *self, guint position);

/* Borrowed, or NULL. */
KjRoadmapNode *kj_roadmap_lookup_node(KjRoadmap *self, const char *id);
KjRoadmapGroup *kj_roadmap_lookup_group(KjRoadmap *self, const char *id);
KjRoadmapEdge *kj_roadmap_lookup_edge(KjRoadmap *self, const char *from, const char *to);
gboolean kj_roadmap_find_node(KjRoadmap *self, KjRoadmapNode *node, guint *position);
/* The edges that start or end at the node, in list order (borrowed items). */
GPtrArray *kj_roadmap_dup_node_edges(KjRoadmap *self, const char *id);

/* An id that no node or group uses yet: hint made valid (see
 * kj_roadmap_id_from_text()), or "node" when nothing of it is usable, with
 * "-2", "-3"… appended when taken. */
char *kj_roadmap_make_unique_id(KjRoadmap *self, const char *hint);

/* Adds a detached node at the end.  Fails when its id is taken (by a node or
 * a group) or its group does not exist. */
gboolean kj_roadmap_add_node(KjRoadmap *self, KjRoadmapNode *node, GError **error);
/* A new node with a fresh id made from the title, at the end.  Borrowed. */
KjRoadmapNode *kj_roadmap_create_node(KjRoadmap *self, const char *title, KjRoadmapNodeKind kind);
/* Removes the node and every edge that touches it, as one step. */
void kj_roadmap_remove_node(KjRoadmap *self, KjRoadmapNode *node);

/* A new edge; fails when an end is missing, the ends are the same node, or
 * the two are already connected in this direction.  Borrowed. */
KjRoadmapEdge *kj_roadmap_connect(KjRoadmap *self, const char *from, const char *to,
                                  KjRoadmapEdgeKind kind, const char *label, GError **error);
/* Adds a detached edge, with the same checks. */
gboolean kj_roadmap_add_edge(KjRoadmap *self, KjRoadmapEdge *edge, GError **error);
void kj_roadmap_disconnect(KjRoadmap *self, KjRoadmapEdge *edge);

/* Adds a detached group; its parent, if any, must exist already. */
gboolean kj_roadmap_add_group(KjRoadmap *self, KjRoadmapGroup *group, GError **error);
/* Removes a group as one step; its nodes and groups move to its parent. */
void kj_roadmap_remove_group(KjRoadmap *self, KjRoadmapGroup *group);

/* Takes everything from source (which is left empty): the roadmap keeps its
 * identity, so views stay connected.  Clears the history and "modified". */
void kj_roadmap_replace_contents(KjRoadmap *self, KjRoadmap *source);

/* ---- history ---- */

void kj_roadmap_begin_user_action(KjRoadmap *self);
void kj_roadmap_end_user_action(KjRoadmap *self);
gboolean kj_roadmap_can_undo(KjRoadmap *self);
gboolean kj_roadmap_can_redo(KjRoadmap *self);
gboolean kj_roadmap_undo(KjRoadmap *self);
gboolean kj_roadmap_redo(KjRoadmap *self);
/* Ends the merging of text edits into the last step (when an entry loses
 * focus, say); the next edit starts a step of its own. */
void kj_roadmap_seal_last_edit(KjRoadmap *self);
void kj_roadmap_clear_history(KjRoadmap *self);

/* TRUE after any edit; saving clears it. */
gboolean kj_roadmap_get_modified(KjRoadmap *self);
void kj_roadmap_set_modified(KjRoadmap *self, gboolean modified);

G_END_DECLS
