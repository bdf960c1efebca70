/* kj-roadmap-default.h — the roadmap a new user starts with
 *
 * The seed's method as a roadmap: the concept graphs of its sections 2.1 and
 * 2.2 (cross-domain knowledge, tech-stack fusion, the five domains,
 * monetization), the four stages of 3.1 with the steps of 3.2, the
 * application fields of 3.4, the practice scenarios of 6, the resources,
 * tools and papers of 7 and the challenges of 8.3.  Titles, descriptions and
 * edge labels are translated when the roadmap is built, so it is created in
 * the user's language. */
#pragma once

#include "kj-roadmap.h"

G_BEGIN_DECLS

/* A new roadmap holding the seed's method: every node not started, drawn top
 * to bottom, with an empty undo history and not modified. */
KjRoadmap *kj_roadmap_new_default(void);

G_END_DECLS
