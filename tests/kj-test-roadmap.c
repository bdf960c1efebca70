#include "kj-test-roadmap.h"

KjRoadmapNode *
kj_test_roadmap_add(KjRoadmap *roadmap, const char *id, const char *title)
{
  g_autoptr(KjRoadmapNode) node = kj_roadmap_node_new(id);
  g_autoptr(GError) error = NULL;

  kj_roadmap_node_set_title(node, title);
  g_assert_true(kj_roadmap_add_node(roadmap, node, &error));
  g_assert_no_error(error);
  return node;
}

KjRoadmapEdge *
kj_test_roadmap_connect(KjRoadmap *roadmap, const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  KjRoadmapEdge *edge =
      kj_roadmap_connect(roadmap, from, to, KJ_ROADMAP_EDGE_PREREQUISITE, NULL, &error);

  g_assert_no_error(error);
  g_assert_nonnull(edge);
  return edge;
}
