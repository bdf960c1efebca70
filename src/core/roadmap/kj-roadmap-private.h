/* kj-roadmap-private.h — what the roadmap's objects and its history share
 *
 * Nodes, edges and groups keep a pointer (not a reference) to the roadmap
 * they belong to, so that a property change made anywhere — a setter, a
 * binding, g_object_set() — goes through kj_roadmap_change_begin()/end():
 * the roadmap records it for undo and emits "changed". */
#pragma once

#include "kj-roadmap.h"

G_BEGIN_DECLS

/* Set by the roadmap when an object joins (roadmap) or leaves (NULL) it. */
void kj_roadmap_node_attach(KjRoadmapNode *node, KjRoadmap *roadmap);
KjRoadmap *kj_roadmap_node_get_roadmap(KjRoadmapNode *node);
void kj_roadmap_edge_attach(KjRoadmapEdge *edge, KjRoadmap *roadmap);
KjRoadmap *kj_roadmap_edge_get_roadmap(KjRoadmapEdge *edge);
void kj_roadmap_group_attach(KjRoadmapGroup *group, KjRoadmap *roadmap);
KjRoadmap *kj_roadmap_group_get_roadmap(KjRoadmapGroup *group);

/* One property change of an attached object (or of the roadmap itself):
 * begin() keeps the old value, end() notifies, records and signals. */
typedef struct {
  KjRoadmap *roadmap; /* NULL when the object is not attached */
  GObject *object;
  GParamSpec *pspec;
  GValue old_value;
} KjRoadmapChange;

void kj_roadmap_change_begin(KjRoadmapChange *change, KjRoadmap *roadmap, GObject *object,
                             GParamSpec *pspec);
void kj_roadmap_change_end(KjRoadmapChange *change);

/* Checks made by setters of attached objects. */
gboolean kj_roadmap_group_accepts_parent(KjRoadmap *self, KjRoadmapGroup *group,
                                         const char *parent);

/* The primitive edits the history replays.  insert puts a node, edge or
 * group at a position of its list; remove takes it out again. */
void kj_roadmap_apply_insert(KjRoadmap *self, GObject *object, guint position);
void kj_roadmap_apply_remove(KjRoadmap *self, GObject *object);
void kj_roadmap_apply_set(KjRoadmap *self, GObject *object, GParamSpec *pspec, const GValue *value);

/* Sets a KJ_ERROR_PARSE error that starts "Line L, column C: " (both counted
 * from 1, the column in characters).  In kj-roadmap-json.c. */
void kj_roadmap_set_error_at(GError **error, guint line, guint column, const char *format, ...)
    G_GNUC_PRINTF(4, 5);
/* FALSE, with an error at the first bad byte, when text is not UTF-8. */
gboolean kj_roadmap_check_utf8(const char *text, gsize length, GError **error);

/* ---- history (kj-roadmap-history.c) ---- */

typedef struct _KjRoadmapHistory KjRoadmapHistory;

KjRoadmapHistory *kj_roadmap_history_new(KjRoadmap *owner);
void kj_roadmap_history_free(KjRoadmapHistory *history);

void kj_roadmap_history_record_set(KjRoadmapHistory *history, GObject *object, GParamSpec *pspec,
                                   const GValue *old_value, const GValue *new_value);
void kj_roadmap_history_record_insert(KjRoadmapHistory *history, GObject *object, guint position);
void kj_roadmap_history_record_remove(KjRoadmapHistory *history, GObject *object, guint position);

void kj_roadmap_history_begin(KjRoadmapHistory *history);
void kj_roadmap_history_end(KjRoadmapHistory *history);
gboolean kj_roadmap_history_in_action(KjRoadmapHistory *history);

gboolean kj_roadmap_history_can_undo(KjRoadmapHistory *history);
gboolean kj_roadmap_history_can_redo(KjRoadmapHistory *history);
gboolean kj_roadmap_history_undo(KjRoadmapHistory *history);
gboolean kj_roadmap_history_redo(KjRoadmapHistory *history);
void kj_roadmap_history_seal(KjRoadmapHistory *history);
void kj_roadmap_history_clear(KjRoadmapHistory *history);

/* Called by the history whenever can-undo or can-redo may have changed. */
void kj_roadmap_history_state_changed(KjRoadmap *self);

G_END_DECLS
