/* Mermaid import and export: the corpus in fixtures/roadmap/, the seed's two
 * diagrams, errors with their positions, and mutated input. */
#include "kj-error.h"
#include "roadmap/kj-mermaid.h"
#include "roadmap/kj-roadmap-json.h"

/* Meson compiles this file by a path relative to the build directory, the
 * parent of the directory this test runs from. */
static char *
fixture_path(const char *name)
{
  g_autofree char *dir = g_path_get_dirname(__FILE__);

  if (g_getenv("G_TEST_SRCDIR") != NULL)
    return g_test_build_filename(G_TEST_DIST, "fixtures", "roadmap", name, NULL);
  if (g_path_is_absolute(dir))
    return g_build_filename(dir, "fixtures", "roadmap", name, NULL);
  return g_build_filename(g_test_get_dir(G_TEST_BUILT), "..", dir, "fixtures", "roadmap", name,
                          NULL);
}

static char *
read_fixture(const char *name)
{
  g_autofree char *path = fixture_path(name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents(path, &text, NULL, &error);
  g_assert_no_error(error);
  return text;
}

static const char *const corpus[] = {
  "shapes.mmd",  "links.mmd", "chains.mmd",   "subgraphs.mmd",
  "unicode.mmd", "kept.mmd",  "seed-2-1.mmd", "seed-2-2.mmd",
};

static KjRoadmap *
import_ok(const char *text)
{
  g_autoptr(GError) error = NULL;
  KjRoadmap *roadmap = kj_mermaid_import(text, -1, NULL, &error);

  g_assert_no_error(error);
  g_assert_nonnull(roadmap);
  return roadmap;
}

/* Two roadmaps are the same graph when they save to the same JSON. */
static void
assert_same_graph(KjRoadmap *a, KjRoadmap *b)
{
  g_autofree char *json_a = kj_roadmap_to_json(a, NULL);
  g_autofree char *json_b = kj_roadmap_to_json(b, NULL);

  g_assert_cmpstr(json_a, ==, json_b);
}

static void
assert_edge(KjRoadmap *roadmap, const char *from, const char *to, KjRoadmapEdgeKind kind,
            KjRoadmapStroke stroke, const char *label)
{
  KjRoadmapEdge *edge = kj_roadmap_lookup_edge(roadmap, from, to);

  g_assert_nonnull(edge);
  g_assert_cmpint(kj_roadmap_edge_get_kind(edge), ==, kind);
  g_assert_cmpint(kj_roadmap_edge_get_stroke(edge), ==, stroke);
  g_assert_cmpstr(kj_roadmap_edge_get_label(edge), ==, label);
}

static void
assert_node(KjRoadmap *roadmap, const char *id, const char *title, KjRoadmapNodeKind kind,
            KjRoadmapShape shape)
{
  KjRoadmapNode *node = kj_roadmap_lookup_node(roadmap, id);

  g_assert_nonnull(node);
  g_assert_cmpstr(kj_roadmap_node_get_title(node), ==, title);
  g_assert_cmpint(kj_roadmap_node_get_kind(node), ==, kind);
  g_assert_cmpint(kj_roadmap_node_get_shape(node), ==, shape);
}

/* import → export → import gives the same graph, and exporting that again
 * gives the same text. */
static void
test_round_trip(void)
{
  for (guint i = 0; i < G_N_ELEMENTS(corpus); i++) {
    g_autofree char *text = read_fixture(corpus[i]);
    g_autoptr(KjRoadmap) first = import_ok(text);
    g_autofree char *exported = kj_mermaid_export(first);
    g_autoptr(KjRoadmap) second = import_ok(exported);
    g_autofree char *again = kj_mermaid_export(second);

    g_test_message("%s exports as:\n%s", corpus[i], exported);
    g_assert_cmpuint(kj_roadmap_get_n_nodes(first), >, 0);
    assert_same_graph(first, second);
    g_assert_cmpstr(exported, ==, again);
  }
}

/* Section 2.1 of the seed. */
static void
test_seed_concepts(void)
{
  g_autofree char *text = read_fixture("seed-2-1.mmd");
  g_autoptr(KjRoadmap) roadmap = import_ok(text);
  static const char *const ids[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  static const char *const titles[] = { "跨界知识", "知识变现", "技术栈融合", "编程知识",
                                        "人工智能", "数据科学", "区块链",     "物联网" };
  static const char *const edges[][2] = { { "A", "B" }, { "A", "C" }, { "C", "D" }, { "C", "E" },
                                          { "C", "F" }, { "C", "G" }, { "C", "H" } };

  g_assert_cmpint(kj_roadmap_get_direction(roadmap), ==, KJ_ROADMAP_DIRECTION_TB);
  g_assert_cmpuint(kj_roadmap_get_n_nodes(roadmap), ==, G_N_ELEMENTS(ids));
  for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
    g_assert_cmpstr(kj_roadmap_node_get_id(kj_roadmap_get_node(roadmap, i)), ==, ids[i]);
    assert_node(roadmap, ids[i], titles[i], KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  }
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, G_N_ELEMENTS(edges));
  for (guint i = 0; i < G_N_ELEMENTS(edges); i++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(roadmap, i);

    g_assert_cmpstr(kj_roadmap_edge_get_from(edge), ==, edges[i][0]);
    g_assert_cmpstr(kj_roadmap_edge_get_to(edge), ==, edges[i][1]);
    assert_edge(roadmap, edges[i][0], edges[i][1], KJ_ROADMAP_EDGE_PREREQUISITE,
                KJ_ROADMAP_STROKE_SOLID, NULL);
  }
  g_assert_cmpuint(kj_roadmap_get_n_groups(roadmap), ==, 0);
  g_assert_false(kj_roadmap_can_undo(roadmap));
  g_assert_false(kj_roadmap_get_modified(roadmap));
}

/* Section 2.2 of the seed: labelled links. */
static void
test_seed_architecture(void)
{
  g_autofree char *text = read_fixture("seed-2-2.mmd");
  g_autoptr(KjRoadmap) roadmap = import_ok(text);
  static const struct {
    const char *from, *to, *label;
  } edges[] = {
    { "A", "B", "掌握" }, { "A", "C", "掌握" }, { "A", "D", "掌握" }, { "A", "E", "掌握" },
    { "F", "G", "结合" }, { "G", "H", "实现" }, { "H", "I", "变现" },
  };

  g_assert_cmpint(kj_roadmap_get_direction(roadmap), ==, KJ_ROADMAP_DIRECTION_LR);
  g_assert_cmpuint(kj_roadmap_get_n_nodes(roadmap), ==, 9);
  assert_node(roadmap, "A", "编程知识", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  assert_node(roadmap, "F", "跨界知识融合", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  assert_node(roadmap, "I", "经济收益", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, G_N_ELEMENTS(edges));
  for (guint i = 0; i < G_N_ELEMENTS(edges); i++)
    assert_edge(roadmap, edges[i].from, edges[i].to, KJ_ROADMAP_EDGE_PREREQUISITE,
                KJ_ROADMAP_STROKE_SOLID, edges[i].label);
}

static void
test_shapes(void)
{
  g_autofree char *text = read_fixture("shapes.mmd");
  g_autoptr(KjRoadmap) roadmap = import_ok(text);

  g_assert_cmpint(kj_roadmap_get_direction(roadmap), ==, KJ_ROADMAP_DIRECTION_LR);
  assert_node(roadmap, "rect", "Rectangle", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  assert_node(roadmap, "round", "Rounded skill", KJ_ROADMAP_NODE_KIND_SKILL,
              KJ_ROADMAP_SHAPE_ROUND);
  assert_node(roadmap, "stadium", "Stadium project", KJ_ROADMAP_NODE_KIND_PROJECT,
              KJ_ROADMAP_SHAPE_STADIUM);
  assert_node(roadmap, "sub", "Subroutine domain", KJ_ROADMAP_NODE_KIND_DOMAIN,
              KJ_ROADMAP_SHAPE_SUBROUTINE);
  assert_node(roadmap, "cyl", "Database resource", KJ_ROADMAP_NODE_KIND_RESOURCE,
              KJ_ROADMAP_SHAPE_CYLINDER);
  assert_node(roadmap, "circle", "Circle", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_CIRCLE);
  assert_node(roadmap, "asym", "Asymmetric paper", KJ_ROADMAP_NODE_KIND_PAPER,
              KJ_ROADMAP_SHAPE_ASYMMETRIC);
  assert_node(roadmap, "rhombus", "Decision", KJ_ROADMAP_NODE_KIND_CONCEPT,
              KJ_ROADMAP_SHAPE_RHOMBUS);
  assert_node(roadmap, "hex", "Hexagon domain", KJ_ROADMAP_NODE_KIND_DOMAIN,
              KJ_ROADMAP_SHAPE_HEXAGON);
  assert_node(roadmap, "para", "Parallelogram tool", KJ_ROADMAP_NODE_KIND_TOOL,
              KJ_ROADMAP_SHAPE_PARALLELOGRAM);
  assert_node(roadmap, "paraalt", "Alt tool", KJ_ROADMAP_NODE_KIND_TOOL,
              KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT);
  assert_node(roadmap, "trap", "Trapezoid", KJ_ROADMAP_NODE_KIND_CONCEPT,
              KJ_ROADMAP_SHAPE_TRAPEZOID);
  assert_node(roadmap, "trapalt", "Trapezoid alt", KJ_ROADMAP_NODE_KIND_CONCEPT,
              KJ_ROADMAP_SHAPE_TRAPEZOID_ALT);
  assert_node(roadmap, "bare", "bare", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  g_assert_cmpuint(kj_roadmap_get_n_nodes(roadmap), ==, 14);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 13);
}

static void
test_links(void)
{
  g_autofree char *text = read_fixture("links.mmd");
  g_autoptr(KjRoadmap) roadmap = import_ok(text);
  const KjRoadmapEdgeKind pre = KJ_ROADMAP_EDGE_PREREQUISITE, rel = KJ_ROADMAP_EDGE_RELATES_TO;
  const KjRoadmapStroke solid = KJ_ROADMAP_STROKE_SOLID, dotted = KJ_ROADMAP_STROKE_DOTTED,
                        thick = KJ_ROADMAP_STROKE_THICK;

  assert_node(roadmap, "A", "Start", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  assert_edge(roadmap, "A", "B", pre, solid, NULL);
  assert_edge(roadmap, "B", "C", rel, solid, NULL);
  assert_edge(roadmap, "C", "D", pre, dotted, NULL);
  assert_edge(roadmap, "D", "E", pre, thick, NULL);
  assert_edge(roadmap, "E", "F", rel, dotted, NULL);
  assert_edge(roadmap, "F", "G", rel, thick, NULL);
  assert_edge(roadmap, "A", "C", pre, solid, "yes");
  assert_edge(roadmap, "B", "D", pre, solid, "no");
  assert_edge(roadmap, "C", "E", pre, dotted, "maybe");
  assert_edge(roadmap, "D", "F", pre, thick, "sure");
  assert_edge(roadmap, "E", "G", rel, solid, "plain text");
  assert_edge(roadmap, "A", "G", pre, solid, "long arrow");
  assert_edge(roadmap, "G", "A", pre, solid, "quoted | pipe");
  assert_edge(roadmap, "B", "E", pre, solid, "quoted text");
  assert_edge(roadmap, "F", "A", pre, solid, "掌握");
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 15);
}

static void
test_chains(void)
{
  g_autofree char *text = read_fixture("chains.mmd");
  g_autoptr(KjRoadmap) roadmap = import_ok(text);
  static const char *const edges[][2] = {
    { "a", "b" }, { "b", "c" }, { "a", "d" }, { "a", "e" }, { "b", "d" },
    { "b", "e" }, { "c", "f" }, { "f", "g" }, { "g", "h" }, { "i", "j" },
    { "j", "k" }, { "k", "l" }, { "m", "p" }, { "n", "p" }, { "o", "p" },
  };

  g_assert_cmpint(kj_roadmap_get_direction(roadmap), ==, KJ_ROADMAP_DIRECTION_BT);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, G_N_ELEMENTS(edges));
  for (guint i = 0; i < G_N_ELEMENTS(edges); i++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(roadmap, i);

    g_assert_cmpstr(kj_roadmap_edge_get_from(edge), ==, edges[i][0]);
    g_assert_cmpstr(kj_roadmap_edge_get_to(edge), ==, edges[i][1]);
  }
  assert_edge(roadmap, "j", "k", KJ_ROADMAP_EDGE_PREREQUISITE, KJ_ROADMAP_STROKE_DOTTED, NULL);
  assert_edge(roadmap, "k", "l", KJ_ROADMAP_EDGE_PREREQUISITE, KJ_ROADMAP_STROKE_THICK, NULL);
  assert_edge(roadmap, "o", "p", KJ_ROADMAP_EDGE_RELATES_TO, KJ_ROADMAP_STROKE_SOLID, NULL);
}

static const char *
group_of(KjRoadmap *roadmap, const char *id)
{
  return kj_roadmap_node_get_group(kj_roadmap_lookup_node(roadmap, id));
}

static void
test_subgraphs(void)
{
  g_autofree char *text = read_fixture("subgraphs.mmd");
  g_autoptr(KjRoadmap) roadmap = import_ok(text);
  KjRoadmapGroup *group;

  g_assert_cmpint(kj_roadmap_get_direction(roadmap), ==, KJ_ROADMAP_DIRECTION_RL);
  g_assert_cmpuint(kj_roadmap_get_n_groups(roadmap), ==, 7);
  group = kj_roadmap_lookup_group(roadmap, "stage1");
  g_assert_cmpstr(kj_roadmap_group_get_title(group), ==, "基础知识学习");
  g_assert_null(kj_roadmap_group_get_parent(group));
  group = kj_roadmap_lookup_group(roadmap, "inner");
  g_assert_cmpstr(kj_roadmap_group_get_title(group), ==, "Nested group");
  g_assert_cmpstr(kj_roadmap_group_get_parent(group), ==, "stage1");
  g_assert_cmpstr(kj_roadmap_group_get_parent(kj_roadmap_lookup_group(roadmap, "deepest")), ==,
                  "inner");
  g_assert_cmpstr(kj_roadmap_group_get_title(kj_roadmap_lookup_group(roadmap, "stage2")), ==,
                  "stage2");
  group = kj_roadmap_lookup_group(roadmap, "quoted-title-only");
  g_assert_nonnull(group);
  g_assert_cmpstr(kj_roadmap_group_get_title(group), ==, "Quoted title only");
  group = kj_roadmap_lookup_group(roadmap, "free-text-title");
  g_assert_nonnull(group);
  g_assert_cmpstr(kj_roadmap_group_get_title(group), ==, "Free text title");
  g_assert_cmpstr(kj_roadmap_group_get_title(kj_roadmap_lookup_group(roadmap, "empty")), ==,
                  "An empty group");

  /* First mentioned outside, then inside stage1: stage1 takes it. */
  g_assert_cmpstr(group_of(roadmap, "s1a"), ==, "stage1");
  g_assert_cmpstr(group_of(roadmap, "s1b"), ==, "stage1");
  g_assert_cmpstr(group_of(roadmap, "s1c"), ==, "inner");
  g_assert_cmpstr(group_of(roadmap, "s1d"), ==, "deepest");
  g_assert_cmpstr(group_of(roadmap, "s2a"), ==, "stage2");
  g_assert_cmpstr(group_of(roadmap, "q1"), ==, "quoted-title-only");
  g_assert_cmpstr(group_of(roadmap, "f1"), ==, "free-text-title");
  g_assert_null(group_of(roadmap, "outside"));
  assert_node(roadmap, "s1b", "数学基础", KJ_ROADMAP_NODE_KIND_SKILL, KJ_ROADMAP_SHAPE_ROUND);
}

static void
test_unicode_labels(void)
{
  g_autofree char *text = read_fixture("unicode.mmd");
  g_autoptr(KjRoadmap) roadmap = import_ok(text);

  g_assert_cmpstr(kj_roadmap_get_title(roadmap), ==, "跨界学习路线图");
  assert_node(roadmap, "A", "人工智能 (AI) — “深度学习”", KJ_ROADMAP_NODE_KIND_CONCEPT,
              KJ_ROADMAP_SHAPE_RECT);
  assert_node(roadmap, "B", "数据科学", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  assert_node(roadmap, "C", "Line one\nLine two", KJ_ROADMAP_NODE_KIND_CONCEPT,
              KJ_ROADMAP_SHAPE_RECT);
  assert_node(roadmap, "D", "Says \"hi\" & #tag", KJ_ROADMAP_NODE_KIND_CONCEPT,
              KJ_ROADMAP_SHAPE_RECT);
  assert_node(roadmap, "F", "物联网", KJ_ROADMAP_NODE_KIND_SKILL, KJ_ROADMAP_SHAPE_ROUND);
  assert_node(roadmap, "G", "跨界知识融合", KJ_ROADMAP_NODE_KIND_DOMAIN, KJ_ROADMAP_SHAPE_HEXAGON);
  assert_node(roadmap, "知识变现", "知识变现", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  assert_node(roadmap, "H", "  spaced  ", KJ_ROADMAP_NODE_KIND_CONCEPT, KJ_ROADMAP_SHAPE_RECT);
  assert_edge(roadmap, "F", "G", KJ_ROADMAP_EDGE_PREREQUISITE, KJ_ROADMAP_STROKE_SOLID,
              "标签 | with pipe");
  assert_edge(roadmap, "D", "E", KJ_ROADMAP_EDGE_PREREQUISITE, KJ_ROADMAP_STROKE_SOLID, NULL);
  assert_edge(roadmap, "E", "F", KJ_ROADMAP_EDGE_PREREQUISITE, KJ_ROADMAP_STROKE_SOLID, NULL);
}

static void
test_kept_statements(void)
{
  g_autofree char *text = read_fixture("kept.mmd");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjRoadmap) roadmap = kj_mermaid_import(text, -1, &warnings, &error);
  const char *const expected[] = {
    "class A done",
    "classDef done fill:#9f9,stroke:#333",
    "class B,C todo",
    "style A fill:#f9f,stroke:#333,stroke-width:4px",
    "click A \"https://example.com\" \"Open the docs\"",
    "linkStyle 0 stroke:#ff3,stroke-width:4px",
    NULL,
  };
  g_autofree char *exported = NULL;

  g_assert_no_error(error);
  g_assert_cmpuint(warnings->len, ==, 0);
  g_assert_true(g_strv_equal(kj_roadmap_get_mermaid_extra(roadmap), expected));
  exported = kj_mermaid_export(roadmap);
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_nonnull(strstr(exported, expected[i]));
}

static void
test_warnings(void)
{
  const char *text = "%%{init: {\"theme\": \"dark\"}}%%\n"
                     "graph TD\n"
                     "  accTitle: A title\n"
                     "  subgraph s\n"
                     "    direction LR\n"
                     "    A --> A\n"
                     "  end\n"
                     "  A --> B\n"
                     "  A --> B\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjRoadmap) roadmap = kj_mermaid_import(text, -1, &warnings, &error);
  static const guint lines[] = { 1, 3, 5, 6, 9 };
  static const guint columns[] = { 1, 3, 5, 7, 5 };

  g_assert_no_error(error);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 1);
  g_assert_cmpuint(warnings->len, ==, G_N_ELEMENTS(lines));
  for (guint i = 0; i < warnings->len; i++) {
    KjMermaidWarning *warning = warnings->pdata[i];

    g_test_message("warning %u:%u: %s", warning->line, warning->column, warning->message);
    g_assert_cmpuint(warning->line, ==, lines[i]);
    g_assert_cmpuint(warning->column, ==, columns[i]);
  }
}

static void
test_errors(void)
{
  static const struct {
    const char *text;
    guint line, column;
    const char *message;
  } cases[] = {
    { "", 1, 1, "Expected “graph” or “flowchart”" },
    { "sequenceDiagram\n  A->>B: hi\n", 1, 1, "Expected “graph” or “flowchart”" },
    { "graph XY\n", 1, 7, "Unknown direction “XY”" },
    { "graph TD\n  A[unclosed --> B\n", 2, 4, "This label has no closing “]”" },
    { "graph TD\n  A -->\n", 2, 8, "Expected a node id" },
    { "graph TD\n  subgraph s\n  A\n", 2, 3, "This subgraph has no “end”" },
    { "graph TD\n  end\n", 2, 3, "“end” without a “subgraph”" },
    { "graph TD\n  A[\"open quote]\n", 2, 5, "This label has no closing “\"”" },
    { "graph TD\n  A <--> B\n", 2, 5, "This kind of link is not supported" },
    { "graph TD\n  A --> B C\n", 2, 11, "Expected a link such as “-->”" },
    { "graph TD\n  A -- text B\n", 2, 5, "This label has no closing “-->”" },
    { "graph TD\n  A[ok] --> B[\xff]\n", 2, 15, "The text is not valid UTF-8" },
    { "graph TD\n  subgraph A\n  end\n  A --> B\n", 4, 3, "The id “A” is already in use" },
    { "graph TD\n  graph --> B\n", 2, 3, "“graph” cannot be used as an id" },
    { "graph TD\n  跨界[知识 --> B\n", 2, 5, "This label has no closing “]”" },
    { "---\ntitle: x\ngraph TD\n", 1, 1, "The front matter has no closing “---”" },
    { "graph TD\n  A -->|label B\n", 2, 8, "This label has no closing “|”" },
    { "graph TD\n  A --> B:::\n", 2, 13, "Expected a class name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(GError) error = NULL;
    g_autoptr(KjRoadmap) roadmap = kj_mermaid_import(cases[i].text, -1, NULL, &error);
    g_autofree char *prefix =
        g_strdup_printf("Line %u, column %u: ", cases[i].line, cases[i].column);

    g_test_message("case %u: %s", i, error != NULL ? error->message : "(no error)");
    g_assert_null(roadmap);
    g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
    g_assert_true(g_str_has_prefix(error->message, prefix));
    g_assert_nonnull(strstr(error->message, cases[i].message));
  }
}

/* A failed import leaves the roadmap it was loading into as it was. */
static void
test_error_leaves_roadmap(void)
{
  g_autofree char *text = read_fixture("seed-2-2.mmd");
  g_autoptr(KjRoadmap) roadmap = import_ok(text);
  g_autofree char *before = kj_roadmap_to_json(roadmap, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false(kj_roadmap_load_mermaid(roadmap, "graph TD\n  A[oops\n", -1, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  after = kj_roadmap_to_json(roadmap, NULL);
  g_assert_cmpstr(before, ==, after);
}

/* Labels that need quoting and entities survive export. */
static void
test_export_escapes(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  const char *titles[] = {
    "",           " lead",      "a \"quote\"", "#35; literal", "<br> literal",     "two\nlines",
    "[brackets]", "pipe | bar", "tab\there",   "semi; colon",  "%% not a comment", "-->",
  };
  g_autofree char *text = NULL;
  g_autoptr(KjRoadmap) back = NULL;

  kj_roadmap_set_title(roadmap, "A \"title\": with: colons");
  for (guint i = 0; i < G_N_ELEMENTS(titles); i++) {
    KjRoadmapNode *node = kj_roadmap_create_node(roadmap, "n", KJ_ROADMAP_NODE_KIND_SKILL);

    kj_roadmap_node_set_title(node, titles[i]);
    kj_roadmap_node_set_shape(node, KJ_ROADMAP_SHAPE_ROUND);
    if (i > 0)
      kj_roadmap_edge_set_stroke(
          kj_roadmap_connect(roadmap, kj_roadmap_node_get_id(kj_roadmap_get_node(roadmap, i - 1)),
                             kj_roadmap_node_get_id(node), KJ_ROADMAP_EDGE_RELATES_TO, titles[i],
                             NULL),
          KJ_ROADMAP_STROKE_THICK);
  }
  text = kj_mermaid_export(roadmap);
  g_test_message("%s", text);
  back = import_ok(text);
  assert_same_graph(roadmap, back);
}

/* A node whose shape disagrees with its kind exports with its kind's. */
static void
test_export_kind_shape(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  KjRoadmapNode *node = kj_roadmap_create_node(roadmap, "AI", KJ_ROADMAP_NODE_KIND_CONCEPT);
  g_autofree char *text = NULL;
  g_autoptr(KjRoadmap) back = NULL;

  kj_roadmap_node_set_shape(node, KJ_ROADMAP_SHAPE_RECT);
  kj_roadmap_node_set_kind(node, KJ_ROADMAP_NODE_KIND_DOMAIN);
  g_assert_cmpint(kj_roadmap_node_get_effective_shape(node), ==, KJ_ROADMAP_SHAPE_HEXAGON);
  text = kj_mermaid_export(roadmap);
  g_assert_nonnull(strstr(text, "ai{{AI}}"));
  back = import_ok(text);
  assert_node(back, "ai", "AI", KJ_ROADMAP_NODE_KIND_DOMAIN, KJ_ROADMAP_SHAPE_HEXAGON);
}

/* Whatever the input, a roadmap or an error; and a roadmap exports to text
 * that imports to the same graph. */
static void
check_any_input(const char *text, gsize length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(KjRoadmap) roadmap = kj_mermaid_import(text, length, &warnings, &error);

  g_assert_nonnull(warnings);
  if (roadmap == NULL) {
    g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
    g_assert_true(g_str_has_prefix(error->message, "Line "));
  } else {
    g_autofree char *exported = kj_mermaid_export(roadmap);
    g_autoptr(KjRoadmap) back = NULL;
    g_autoptr(GError) back_error = NULL;

    g_assert_no_error(error);
    back = kj_mermaid_import(exported, -1, NULL, &back_error);
    if (back_error != NULL)
      g_printerr("input:\n%.*s\nexport:\n%s\n", (int)length, text, exported);
    g_assert_no_error(back_error);
    assert_same_graph(roadmap, back);
  }
}

static void
test_mutations(void)
{
  static const char alphabet[] = "AB -->|[](){}<>/\\\"';&:%\n=.#xo";
  static const char *const pieces[] = { "知", "识", "—", "-->", "subgraph ", "end", "\n" };
  g_autoptr(GRand) rand = g_rand_new_with_seed(20240501);
  guint n = g_test_thorough() ? 2000 : 250;

  for (guint f = 0; f < G_N_ELEMENTS(corpus); f++) {
    g_autofree char *original = read_fixture(corpus[f]);

    for (guint i = 0; i < n; i++) {
      g_autoptr(GString) text = g_string_new(original);
      guint edits = g_rand_int_range(rand, 1, 6);

      for (guint e = 0; e < edits && text->len > 0; e++) {
        guint at = g_rand_int_range(rand, 0, text->len);

        switch (g_rand_int_range(rand, 0, 5)) {
        case 0: {
          gsize span = g_rand_int_range(rand, 1, 8);

          g_string_erase(text, at, MIN(span, text->len - at));
          break;
        }
        case 1:
          g_string_insert_c(text, at, alphabet[g_rand_int_range(rand, 0, sizeof alphabet - 1)]);
          break;
        case 2:
          text->str[at] = alphabet[g_rand_int_range(rand, 0, sizeof alphabet - 1)];
          break;
        case 3:
          g_string_insert(text, at, pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
          break;
        default:
          g_string_truncate(text, at);
        }
      }
      /* Raw bytes may break UTF-8 on purpose; that is an error too. */
      check_any_input(text->str, text->len);
    }
  }
  for (guint i = 0; i < n; i++) {
    char bytes[64];
    guint len = g_rand_int_range(rand, 0, sizeof bytes);

    for (guint j = 0; j < len; j++)
      bytes[j] = (char)g_rand_int_range(rand, 1, 256);
    check_any_input(bytes, len);
  }
}

/* Large or hostile inputs end quickly, with a result or an error. */
static void
test_pathological(void)
{
  g_autoptr(GString) text = g_string_new("graph TD\n");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjRoadmap) roadmap = NULL;
  g_autoptr(GTimer) timer = g_timer_new();

  /* 30 000 repeated links: one edge, a capped list of warnings. */
  for (guint i = 0; i < 30000; i++)
    g_string_append(text, "A --> B\n");
  roadmap = kj_mermaid_import(text->str, text->len, &warnings, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 1);
  g_assert_cmpuint(warnings->len, <=, 200);
  g_clear_object(&roadmap);
  g_clear_pointer(&warnings, g_ptr_array_unref);

  /* a & a … names one node; 200 & 200 distinct nodes are too many links. */
  g_string_assign(text, "graph TD\n  a");
  for (guint i = 0; i < 5000; i++)
    g_string_append(text, " & a");
  g_string_append(text, " --> b\n");
  roadmap = kj_mermaid_import(text->str, text->len, NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 1);
  g_clear_object(&roadmap);
  g_string_assign(text, "graph TD\n  n0");
  for (guint i = 1; i < 200; i++)
    g_string_append_printf(text, " & n%u", i);
  g_string_append(text, " --> m0");
  for (guint i = 1; i < 200; i++)
    g_string_append_printf(text, " & m%u", i);
  roadmap = kj_mermaid_import(text->str, text->len, NULL, &error);
  g_assert_null(roadmap);
  g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, "too many links"));
  g_clear_error(&error);

  /* Deep nesting, long lines of openers, a long chain. */
  g_string_assign(text, "graph TD\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf(text, "subgraph s%u\n", i);
  for (guint i = 0; i < 2000; i++)
    g_string_append(text, "end\n");
  roadmap = kj_mermaid_import(text->str, text->len, NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(kj_roadmap_get_n_groups(roadmap), ==, 2000);
  {
    g_autofree char *exported = kj_mermaid_export(roadmap);
    g_autoptr(KjRoadmap) back = import_ok(exported);

    assert_same_graph(roadmap, back);
  }
  g_clear_object(&roadmap);
  g_string_assign(text, "graph TD\n  A");
  for (guint i = 0; i < 30000; i++)
    g_string_append_c(text, '[');
  check_any_input(text->str, text->len);
  g_string_assign(text, "graph TD\n  n0");
  for (guint i = 1; i < 5000; i++)
    g_string_append_printf(text, " --> n%u", i);
  check_any_input(text->str, text->len);
  g_assert_cmpfloat(g_timer_elapsed(timer, NULL), <, 20.0);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);

  g_test_add_func("/kj/mermaid/round-trip", test_round_trip);
  g_test_add_func("/kj/mermaid/seed-concepts", test_seed_concepts);
  g_test_add_func("/kj/mermaid/seed-architecture", test_seed_architecture);
  g_test_add_func("/kj/mermaid/shapes", test_shapes);
  g_test_add_func("/kj/mermaid/links", test_links);
  g_test_add_func("/kj/mermaid/chains", test_chains);
  g_test_add_func("/kj/mermaid/subgraphs", test_subgraphs);
  g_test_add_func("/kj/mermaid/unicode-labels", test_unicode_labels);
  g_test_add_func("/kj/mermaid/kept-statements", test_kept_statements);
  g_test_add_func("/kj/mermaid/warnings", test_warnings);
  g_test_add_func("/kj/mermaid/errors", test_errors);
  g_test_add_func("/kj/mermaid/error-leaves-roadmap", test_error_leaves_roadmap);
  g_test_add_func("/kj/mermaid/export-escapes", test_export_escapes);
  g_test_add_func("/kj/mermaid/export-kind-shape", test_export_kind_shape);
  g_test_add_func("/kj/mermaid/mutations", test_mutations);
  g_test_add_func("/kj/mermaid/pathological", test_pathological);
  return g_test_run();
}
