/* kj-roadmap-progress.h — how far along a roadmap is, overall and per domain
 *
 * Counts nodes, not hours: the share done is done / (all − skipped), since a
 * skipped node is neither work left nor work done.  Hours left are the
 * estimated hours of the nodes that are neither done nor skipped; a node
 * being learnt counts in full.  A node counts towards the domain returned by
 * kj_roadmap_node_get_effective_domain(). */
#pragma once

#include "kj-roadmap.h"

G_BEGIN_DECLS

typedef struct {
  char *domain;  /* the domain's id, NULL for the whole roadmap */
  char *title;   /* the domain node's title, the id without one, NULL overall */
  guint n_nodes; /* every node counted, skipped ones included */
  guint n_done;
  guint n_learning;
  guint n_skipped;
  double fraction;    /* n_done / (n_nodes − n_skipped), 0 when that is 0 */
  double hours_total; /* estimated hours of the nodes not skipped */
  double hours_left;  /* estimated hours of the nodes neither done nor skipped */
} KjRoadmapProgress;

/* domain NULL: the whole roadmap; otherwise the nodes of that domain. */
KjRoadmapProgress *kj_roadmap_get_progress(KjRoadmap *roadmap, const char *domain);
/* One KjRoadmapProgress per domain, in the order the domains first appear
 * among the nodes. */
GPtrArray *kj_roadmap_dup_domain_progress(KjRoadmap *roadmap);
/* The domains' ids, in that order. */
GStrv kj_roadmap_dup_domains(KjRoadmap *roadmap);

KjRoadmapProgress *kj_roadmap_progress_copy(const KjRoadmapProgress *progress);
void kj_roadmap_progress_free(KjRoadmapProgress *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjRoadmapProgress, kj_roadmap_progress_free)

G_END_DECLS
