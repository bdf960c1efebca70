/* kj-test-roadmap.h — building roadmaps in tests, failing on any error */
#pragma once

#include "kj-roadmap.h"

G_BEGIN_DECLS

/* A node with that id and title, added at the end; borrowed. */
KjRoadmapNode *kj_test_roadmap_add(KjRoadmap *roadmap, const char *id, const char *title);
/* A prerequisite edge from → to; borrowed. */
KjRoadmapEdge *kj_test_roadmap_connect(KjRoadmap *roadmap, const char *from, const char *to);

G_END_DECLS
