/* The default roadmap: the seed's content (its concept graphs, stages,
 * domains, resources), a graph that is whole and readable, and a roadmap
 * that saves, exports and lays out like any other. */
#include "kj-fusion-model.h"
#include "kj-fusion-roadmap.h"
#include "kj-mermaid.h"
#include "kj-roadmap-default.h"
#include "kj-roadmap-json.h"
#include "kj-roadmap-layout.h"
#include "kj-roadmap-progress.h"

#include <string.h>

/* The five domains, with the titles the Fusion page's areas share. */
static const struct {
  const char *id;
  const char *title;
} domains[] = {
  { "programming", "Programming knowledge" },
  { "ai", "Artificial intelligence" },
  { "data-science", "Data science" },
  { "blockchain", "Blockchain" },
  { "iot", "Internet of Things" },
};

/* The seed's two diagrams (sections 2.1 and 2.2), verbatim. */
static const char seed_2_1[] = "graph TB\n"
                               "    A[跨界知识] --> B[知识变现]\n"
                               "    A --> C[技术栈融合]\n"
                               "    C --> D[编程知识]\n"
                               "    C --> E[人工智能]\n"
                               "    C --> F[数据科学]\n"
                               "    C --> G[区块链]\n"
                               "    C --> H[物联网]\n";
static const char seed_2_2[] = "graph LR\n"
                               "    A[编程知识] -->|掌握| B[人工智能]\n"
                               "    A -->|掌握| C[数据科学]\n"
                               "    A -->|掌握| D[区块链]\n"
                               "    A -->|掌握| E[物联网]\n"
                               "    F[跨界知识融合] -->|结合| G[技术栈融合]\n"
                               "    G -->|实现| H[项目应用]\n"
                               "    H -->|变现| I[经济收益]\n";

/* The seed's node titles and edge labels, and what the roadmap made of them;
 * 跨界知识融合 (2.2) is merged into 跨界知识 (2.1). */
static const struct {
  const char *seed;
  const char *ours;
} seed_names[] = {
  { "跨界知识", "cross-domain-knowledge" },
  { "知识变现", "knowledge-monetization" },
  { "技术栈融合", "tech-stack-fusion" },
  { "编程知识", "programming" },
  { "人工智能", "ai" },
  { "数据科学", "data-science" },
  { "区块链", "blockchain" },
  { "物联网", "iot" },
  { "跨界知识融合", "cross-domain-knowledge" },
  { "项目应用", "project-application" },
  { "经济收益", "economic-returns" },
  { "掌握", "master" },
  { "结合", "combine" },
  { "实现", "implement" },
  { "变现", "monetize" },
};

static const char *
our_name(const char *seed)
{
  for (gsize i = 0; i < G_N_ELEMENTS(seed_names); i++)
    if (g_strcmp0(seed_names[i].seed, seed) == 0)
      return seed_names[i].ours;
  g_error("The seed's “%s” has no counterpart", seed);
  return NULL;
}

/* ---- content ---- */

static void
test_nodes(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  g_autoptr(GHashTable) titles = g_hash_table_new(g_str_hash, g_str_equal);
  guint n = kj_roadmap_get_n_nodes(roadmap);
  guint kinds = 0, stages = 0;

  g_assert_cmpstr(kj_roadmap_get_title(roadmap), ==, "Cross-Domain Learning Roadmap");
  g_assert_cmpint(kj_roadmap_get_direction(roadmap), ==, KJ_ROADMAP_DIRECTION_TB);
  g_assert_cmpuint(n, >=, 40);
  g_assert_cmpuint(kj_roadmap_get_n_groups(roadmap), ==, 0);

  for (guint i = 0; i < n; i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(roadmap, i);
    const char *id = kj_roadmap_node_get_id(node);
    const char *title = kj_roadmap_node_get_title(node);
    const char *domain = kj_roadmap_node_get_domain(node);

    g_assert_true(kj_roadmap_id_is_valid(id));
    g_assert_true(kj_roadmap_lookup_node(roadmap, id) == node);
    /* Every node was given a title and a description of its own. */
    g_assert_cmpstr(title, !=, id);
    g_assert_cmpuint(strlen(kj_roadmap_node_get_description(node)), >, 20);
    if (!g_hash_table_add(titles, (gpointer)title))
      g_error("Two nodes are titled “%s”", title);
    g_assert_cmpint(kj_roadmap_node_get_status(node), ==, KJ_ROADMAP_STATUS_NOT_STARTED);
    g_assert_null(kj_roadmap_node_get_group(node));
    g_assert_cmpstr(kj_roadmap_node_get_notes(node), ==, "");
    g_assert_cmpfloat(kj_roadmap_node_get_estimated_hours(node), >=, 0);
    /* A node counts towards one of the five domains, or none. */
    if (domain != NULL) {
      KjRoadmapNode *target = kj_roadmap_lookup_node(roadmap, domain);

      g_assert_nonnull(target);
      g_assert_cmpint(kj_roadmap_node_get_kind(target), ==, KJ_ROADMAP_NODE_KIND_DOMAIN);
    }
    kinds |= 1u << kj_roadmap_node_get_kind(node);
    stages |= 1u << kj_roadmap_node_get_stage(node);
  }

  /* Every kind of node, and all four stages. */
  for (int kind = KJ_ROADMAP_NODE_KIND_CONCEPT; kind <= KJ_ROADMAP_NODE_KIND_PROJECT; kind++)
    g_assert_true(kinds & (1u << kind));
  for (int stage = KJ_ROADMAP_STAGE_FOUNDATIONS; stage <= KJ_ROADMAP_STAGE_PRACTICE; stage++)
    g_assert_true(stages & (1u << stage));
}

static void
test_domains(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  g_autoptr(GPtrArray) progress = kj_roadmap_dup_domain_progress(roadmap);
  guint n_domain_nodes = 0;

  for (gsize i = 0; i < G_N_ELEMENTS(domains); i++) {
    KjRoadmapNode *node = kj_roadmap_lookup_node(roadmap, domains[i].id);

    g_assert_nonnull(node);
    g_assert_cmpint(kj_roadmap_node_get_kind(node), ==, KJ_ROADMAP_NODE_KIND_DOMAIN);
    g_assert_cmpstr(kj_roadmap_node_get_title(node), ==, domains[i].title);
    g_assert_cmpstr(kj_roadmap_node_get_effective_domain(node), ==, domains[i].id);
  }
  for (guint i = 0; i < kj_roadmap_get_n_nodes(roadmap); i++)
    if (kj_roadmap_node_get_kind(kj_roadmap_get_node(roadmap, i)) == KJ_ROADMAP_NODE_KIND_DOMAIN)
      n_domain_nodes++;
  g_assert_cmpuint(n_domain_nodes, ==, G_N_ELEMENTS(domains));

  /* Progress lists exactly the five, in the seed's order, none begun. */
  g_assert_cmpuint(progress->len, ==, G_N_ELEMENTS(domains));
  for (guint i = 0; i < progress->len; i++) {
    const KjRoadmapProgress *p = g_ptr_array_index(progress, i);

    g_assert_cmpstr(p->domain, ==, domains[i].id);
    g_assert_cmpstr(p->title, ==, domains[i].title);
    g_assert_cmpuint(p->n_nodes, >=, 2);
    g_assert_cmpuint(p->n_done, ==, 0);
    g_assert_cmpuint(p->n_learning, ==, 0);
    g_assert_cmpfloat(p->fraction, ==, 0.0);
  }
  /* The domains with study work in them carry hours. */
  g_assert_cmpfloat(((KjRoadmapProgress *)g_ptr_array_index(progress, 0))->hours_left, >, 0);
  g_assert_cmpfloat(((KjRoadmapProgress *)g_ptr_array_index(progress, 1))->hours_left, >, 0);
}

/* The Fusion page follows the roadmap: w1 and its four default areas all
 * find their domain by title. */
static void
test_fusion_follows(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  g_autoptr(KjFusionModel) model = kj_fusion_model_new_default();
  guint n_areas = g_list_model_get_n_items(G_LIST_MODEL(model));

  g_assert_cmpuint(kj_fusion_model_follow_roadmap(model, roadmap, FALSE), ==, n_areas + 1);
  g_assert_cmpuint(kj_fusion_model_follow_roadmap(model, roadmap, TRUE), ==, n_areas + 1);
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, n_areas);
}

static void
test_resources_have_links(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  guint n_linked = 0;

  for (guint i = 0; i < kj_roadmap_get_n_nodes(roadmap); i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(roadmap, i);
    KjRoadmapNodeKind kind = kj_roadmap_node_get_kind(node);
    const char *const *links = kj_roadmap_node_get_links(node);

    for (guint j = 0; links[j] != NULL; j++)
      g_assert_true(g_str_has_prefix(links[j], "https://"));
    if (kind != KJ_ROADMAP_NODE_KIND_RESOURCE && kind != KJ_ROADMAP_NODE_KIND_TOOL &&
        kind != KJ_ROADMAP_NODE_KIND_PAPER)
      continue;
    if (links[0] == NULL)
      g_error("%s has no link", kj_roadmap_node_get_id(node));
    n_linked++;
  }
  g_assert_cmpuint(n_linked, >=, 4 + 6 + 6);

  /* A few by their addresses. */
  g_assert_cmpstr(kj_roadmap_node_get_links(kj_roadmap_lookup_node(roadmap, "bert"))[0], ==,
                  "https://arxiv.org/abs/1810.04805");
  g_assert_cmpstr(kj_roadmap_node_get_links(kj_roadmap_lookup_node(roadmap, "cs224n"))[0], ==,
                  "https://web.stanford.edu/class/cs224n/");
  g_assert_cmpstr(kj_roadmap_node_get_links(kj_roadmap_lookup_node(roadmap, "google-colab"))[0], ==,
                  "https://colab.research.google.com");
}

/* ---- the graph ---- */

static KjRoadmapEdge *
assert_prerequisite(KjRoadmap *roadmap, const char *from, const char *to)
{
  KjRoadmapEdge *edge = kj_roadmap_lookup_edge(roadmap, from, to);

  if (edge == NULL)
    g_error("No edge %s → %s", from, to);
  g_assert_cmpint(kj_roadmap_edge_get_kind(edge), ==, KJ_ROADMAP_EDGE_PREREQUISITE);
  return edge;
}

static void
assert_edge(KjRoadmap *roadmap, const char *from, const char *to, const char *label)
{
  g_assert_cmpstr(kj_roadmap_edge_get_label(assert_prerequisite(roadmap, from, to)), ==, label);
}

static void
test_seed_edges(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  const char *const diagrams[] = { seed_2_1, seed_2_2 };

  /* Spot checks by id. */
  assert_edge(roadmap, "cross-domain-knowledge", "knowledge-monetization", NULL);
  assert_edge(roadmap, "cross-domain-knowledge", "tech-stack-fusion", "combine");
  assert_edge(roadmap, "tech-stack-fusion", "programming", NULL);
  assert_edge(roadmap, "tech-stack-fusion", "iot", NULL);
  assert_edge(roadmap, "programming", "ai", "master");
  assert_edge(roadmap, "programming", "blockchain", "master");
  assert_edge(roadmap, "tech-stack-fusion", "project-application", "implement");
  assert_edge(roadmap, "project-application", "economic-returns", "monetize");

  /* And every edge of the seed's own diagrams. */
  for (gsize d = 0; d < G_N_ELEMENTS(diagrams); d++) {
    g_autoptr(GError) error = NULL;
    g_autoptr(KjRoadmap) seed = kj_mermaid_import(diagrams[d], -1, NULL, &error);

    g_assert_no_error(error);
    g_assert_cmpuint(kj_roadmap_get_n_edges(seed), >=, 7);
    for (guint i = 0; i < kj_roadmap_get_n_edges(seed); i++) {
      KjRoadmapEdge *edge = kj_roadmap_get_edge(seed, i);
      KjRoadmapNode *from = kj_roadmap_lookup_node(seed, kj_roadmap_edge_get_from(edge));
      KjRoadmapNode *to = kj_roadmap_lookup_node(seed, kj_roadmap_edge_get_to(edge));
      const char *label = kj_roadmap_edge_get_label(edge);

      KjRoadmapEdge *ours = assert_prerequisite(roadmap, our_name(kj_roadmap_node_get_title(from)),
                                                our_name(kj_roadmap_node_get_title(to)));

      /* 2.1's unlabelled A --> C took the label of 2.2's F -->|结合| G. */
      if (label != NULL)
        g_assert_cmpstr(kj_roadmap_edge_get_label(ours), ==, our_name(label));
    }
  }
}

/* Edges join existing nodes; the one root, 跨界知识, reaches every node. */
static void
test_graph_whole(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  g_autoptr(GHashTable) reached = g_hash_table_new(g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) queue = g_ptr_array_new();
  guint n_labelled = 0;

  for (guint i = 0; i < kj_roadmap_get_n_edges(roadmap); i++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(roadmap, i);

    g_assert_nonnull(kj_roadmap_lookup_node(roadmap, kj_roadmap_edge_get_from(edge)));
    g_assert_nonnull(kj_roadmap_lookup_node(roadmap, kj_roadmap_edge_get_to(edge)));
    g_assert_cmpstr(kj_roadmap_edge_get_from(edge), !=, kj_roadmap_edge_get_to(edge));
    if (kj_roadmap_edge_get_label(edge) != NULL)
      n_labelled++;
  }
  /* A few labels, not a label on every edge. */
  g_assert_cmpuint(n_labelled, >=, 4);
  g_assert_cmpuint(n_labelled, <=, kj_roadmap_get_n_edges(roadmap) / 4);

  g_ptr_array_add(queue, "cross-domain-knowledge");
  g_hash_table_add(reached, "cross-domain-knowledge");
  for (guint q = 0; q < queue->len; q++) {
    const char *id = g_ptr_array_index(queue, q);
    g_autoptr(GPtrArray) touching = kj_roadmap_dup_node_edges(roadmap, id);

    for (guint i = 0; i < touching->len; i++) {
      KjRoadmapEdge *edge = g_ptr_array_index(touching, i);
      const char *to = kj_roadmap_edge_get_to(edge);

      if (g_strcmp0(kj_roadmap_edge_get_from(edge), id) == 0 &&
          g_hash_table_add(reached, (gpointer)to))
        g_ptr_array_add(queue, (gpointer)to);
    }
  }
  for (guint i = 0; i < kj_roadmap_get_n_nodes(roadmap); i++) {
    const char *id = kj_roadmap_node_get_id(kj_roadmap_get_node(roadmap, i));

    if (!g_hash_table_contains(reached, id))
      g_error("%s cannot be reached from the root", id);
  }
}

/* The stages follow one another: each stage's steps lead to the next's. */
static void
test_stages_in_order(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  gboolean linked[KJ_ROADMAP_STAGE_PRACTICE + 1] = { FALSE };

  for (guint i = 0; i < kj_roadmap_get_n_edges(roadmap); i++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(roadmap, i);
    KjRoadmapStage from =
        kj_roadmap_node_get_stage(kj_roadmap_lookup_node(roadmap, kj_roadmap_edge_get_from(edge)));
    KjRoadmapStage to =
        kj_roadmap_node_get_stage(kj_roadmap_lookup_node(roadmap, kj_roadmap_edge_get_to(edge)));

    if (kj_roadmap_edge_get_kind(edge) == KJ_ROADMAP_EDGE_PREREQUISITE &&
        from != KJ_ROADMAP_STAGE_NONE && to == from + 1)
      linked[from] = TRUE;
  }
  g_assert_true(linked[KJ_ROADMAP_STAGE_FOUNDATIONS]);
  g_assert_true(linked[KJ_ROADMAP_STAGE_CROSS_DOMAIN]);
  g_assert_true(linked[KJ_ROADMAP_STAGE_FUSION]);

  /* The steps of 3.2, one stage to the next. */
  assert_edge(roadmap, "read-and-study", "open-source-and-cloud", NULL);
  assert_edge(roadmap, "open-source-and-cloud", "open-source-frameworks", NULL);
  assert_edge(roadmap, "intelligent-applications", "real-projects", NULL);
}

/* ---- a roadmap like any other ---- */

static void
test_fresh(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  g_autoptr(KjRoadmap) again = kj_roadmap_new_default();
  g_autofree char *json = kj_roadmap_to_json(roadmap, NULL);
  g_autofree char *json_again = NULL;

  g_assert_false(kj_roadmap_can_undo(roadmap));
  g_assert_false(kj_roadmap_can_redo(roadmap));
  g_assert_false(kj_roadmap_get_modified(roadmap));
  g_assert_false(kj_roadmap_undo(roadmap));

  /* Each call builds a roadmap of its own. */
  g_assert_true(roadmap != again);
  kj_roadmap_node_set_status(kj_roadmap_get_node(again, 0), KJ_ROADMAP_STATUS_DONE);
  g_assert_true(kj_roadmap_get_modified(again));
  g_assert_true(kj_roadmap_can_undo(again));
  g_assert_cmpint(kj_roadmap_node_get_status(kj_roadmap_get_node(roadmap, 0)), ==,
                  KJ_ROADMAP_STATUS_NOT_STARTED);
  g_assert_true(kj_roadmap_undo(again));
  json_again = kj_roadmap_to_json(again, NULL);
  g_assert_cmpstr(json, ==, json_again);
}

static void
test_json_round_trip(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  g_autoptr(KjRoadmap) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0, length_again = 0;
  g_autofree char *json = kj_roadmap_to_json(roadmap, &length);
  g_autofree char *json_again = NULL;

  loaded = kj_roadmap_new_from_json(json, (gssize)length, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(kj_roadmap_get_n_nodes(loaded), ==, kj_roadmap_get_n_nodes(roadmap));
  g_assert_cmpuint(kj_roadmap_get_n_edges(loaded), ==, kj_roadmap_get_n_edges(roadmap));
  json_again = kj_roadmap_to_json(loaded, &length_again);
  g_assert_cmpuint(length, ==, length_again);
  g_assert_true(memcmp(json, json_again, length) == 0);
}

static void
test_mermaid_round_trip(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = kj_mermaid_export(roadmap);
  g_autoptr(KjRoadmap) imported = kj_mermaid_import(text, -1, &warnings, &error);

  g_assert_no_error(error);
  g_assert_cmpuint(warnings->len, ==, 0);
  g_assert_cmpuint(kj_roadmap_get_n_nodes(imported), ==, kj_roadmap_get_n_nodes(roadmap));
  g_assert_cmpuint(kj_roadmap_get_n_edges(imported), ==, kj_roadmap_get_n_edges(roadmap));
  g_assert_cmpstr(kj_roadmap_get_title(imported), ==, kj_roadmap_get_title(roadmap));
  g_assert_cmpint(kj_roadmap_get_direction(imported), ==, KJ_ROADMAP_DIRECTION_TB);
  for (guint i = 0; i < kj_roadmap_get_n_nodes(roadmap); i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(roadmap, i);
    KjRoadmapNode *back = kj_roadmap_lookup_node(imported, kj_roadmap_node_get_id(node));

    g_assert_nonnull(back);
    g_assert_cmpstr(kj_roadmap_node_get_title(back), ==, kj_roadmap_node_get_title(node));
    g_assert_cmpint(kj_roadmap_node_get_kind(back), ==, kj_roadmap_node_get_kind(node));
  }
  for (guint i = 0; i < kj_roadmap_get_n_edges(roadmap); i++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(roadmap, i);
    KjRoadmapEdge *back = kj_roadmap_lookup_edge(imported, kj_roadmap_edge_get_from(edge),
                                                 kj_roadmap_edge_get_to(edge));

    g_assert_nonnull(back);
    g_assert_cmpint(kj_roadmap_edge_get_kind(back), ==, kj_roadmap_edge_get_kind(edge));
    g_assert_cmpstr(kj_roadmap_edge_get_label(back), ==, kj_roadmap_edge_get_label(edge));
  }
}

static gboolean
overlap(const KjLayoutRect *a, const KjLayoutRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
         b->y < a->y + a->height;
}

static void
assert_no_overlap(const KjRoadmapLayout *layout)
{
  for (guint i = 0; i < layout->n_nodes; i++)
    for (guint j = i + 1; j < layout->n_nodes; j++)
      if (overlap(&layout->nodes[i], &layout->nodes[j]))
        g_error("Nodes %u and %u overlap", i, j);
}

/* Boxes as wide as their titles, as a view sizes them. */
static void
size_by_title(KjRoadmapNode *node, double *width, double *height, gpointer user_data)
{
  *width = 40.0 + 7.0 * MIN(g_utf8_strlen(kj_roadmap_node_get_title(node), -1), 30);
  *height = g_utf8_strlen(kj_roadmap_node_get_title(node), -1) > 30 ? 64.0 : 48.0;
}

static void
test_layout(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_default();
  g_autoptr(KjRoadmapLayout) layout = kj_roadmap_layout_compute(roadmap, NULL, NULL, NULL);
  g_autoptr(KjRoadmapLayout) sized = kj_roadmap_layout_compute(roadmap, size_by_title, NULL, NULL);
  guint root = 0;

  g_assert_cmpuint(layout->n_nodes, ==, kj_roadmap_get_n_nodes(roadmap));
  g_assert_cmpuint(layout->n_edges, ==, kj_roadmap_get_n_edges(roadmap));
  assert_no_overlap(layout);
  assert_no_overlap(sized);

  /* No cycle to break, and the root on top, alone in its layer. */
  for (guint i = 0; i < layout->n_edges; i++)
    g_assert_false(layout->edges[i].reversed);
  g_assert_true(kj_roadmap_find_node(
      roadmap, kj_roadmap_lookup_node(roadmap, "cross-domain-knowledge"), &root));
  g_assert_cmpuint(layout->layers[root], ==, 0);
  for (guint i = 0; i < layout->n_nodes; i++)
    if (i != root)
      g_assert_cmpuint(layout->layers[i], >, 0);
  /* Readable: a drawing taller than a line of boxes, with few crossings. */
  g_assert_cmpuint(layout->n_layers, >=, 8);
  g_assert_cmpuint(layout->crossings, <, layout->n_edges / 4);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);

  g_test_add_func("/kj/roadmap-default/nodes", test_nodes);
  g_test_add_func("/kj/roadmap-default/domains", test_domains);
  g_test_add_func("/kj/roadmap-default/fusion-follows", test_fusion_follows);
  g_test_add_func("/kj/roadmap-default/links", test_resources_have_links);
  g_test_add_func("/kj/roadmap-default/seed-edges", test_seed_edges);
  g_test_add_func("/kj/roadmap-default/graph-whole", test_graph_whole);
  g_test_add_func("/kj/roadmap-default/stages", test_stages_in_order);
  g_test_add_func("/kj/roadmap-default/fresh", test_fresh);
  g_test_add_func("/kj/roadmap-default/json", test_json_round_trip);
  g_test_add_func("/kj/roadmap-default/mermaid", test_mermaid_round_trip);
  g_test_add_func("/kj/roadmap-default/layout", test_layout);

  return g_test_run();
}
