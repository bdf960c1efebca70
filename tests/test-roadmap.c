/* The roadmap model: edits and lookups, undo and redo, progress, the JSON
 * format and files, and the layered layout. */
#include "kj-error.h"
#include "roadmap/kj-roadmap-file.h"
#include "roadmap/kj-roadmap-json.h"
#include "roadmap/kj-roadmap-layout.h"
#include "roadmap/kj-roadmap-progress.h"
#include "kj-test-roadmap.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- helpers ---- */

static char *
json_of(KjRoadmap *roadmap)
{
  return kj_roadmap_to_json(roadmap, NULL);
}

static void
count_signal(gpointer instance, guint *count)
{
  (*count)++;
}

static void
count_notify(GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
count_items_changed(GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

/* A roadmap that uses every field of the format. */
static KjRoadmap *
make_full_roadmap(void)
{
  KjRoadmap *roadmap = kj_roadmap_new();
  g_autoptr(KjRoadmapGroup) stages = kj_roadmap_group_new("stages");
  g_autoptr(KjRoadmapGroup) inner = kj_roadmap_group_new("inner");
  const char *links[] = { "https://pytorch.org", "https://example.com/a?b=c&d", NULL };
  const char *extra[] = { "classDef done fill:#9f9", NULL };
  KjRoadmapNode *node;
  KjRoadmapEdge *edge;

  kj_roadmap_set_title(roadmap, "跨界学习路线图 \"roadmap\"");
  kj_roadmap_set_direction(roadmap, KJ_ROADMAP_DIRECTION_LR);
  kj_roadmap_set_mermaid_extra(roadmap, extra);
  kj_roadmap_group_set_title(stages, "四个阶段");
  g_assert_true(kj_roadmap_add_group(roadmap, stages, NULL));
  kj_roadmap_group_set_parent(inner, "stages");
  g_assert_true(kj_roadmap_add_group(roadmap, inner, NULL));

  node = kj_test_roadmap_add(roadmap, "ai", "人工智能");
  kj_roadmap_node_set_kind(node, KJ_ROADMAP_NODE_KIND_DOMAIN);
  kj_roadmap_node_set_shape(node, KJ_ROADMAP_SHAPE_HEXAGON);
  kj_roadmap_node_set_stage(node, KJ_ROADMAP_STAGE_CROSS_DOMAIN);
  kj_roadmap_node_set_status(node, KJ_ROADMAP_STATUS_LEARNING);
  kj_roadmap_node_set_description(node, "Machine learning,\ndeep learning — 深度学习");
  kj_roadmap_node_set_notes(node, "Tab\there, quote \" and backslash \\");
  kj_roadmap_node_set_links(node, links);
  kj_roadmap_node_set_estimated_hours(node, 0.1);
  kj_roadmap_node_set_group(node, "inner");

  node = kj_test_roadmap_add(roadmap, "cnn", "CNN");
  kj_roadmap_node_set_kind(node, KJ_ROADMAP_NODE_KIND_SKILL);
  kj_roadmap_node_set_stage(node, KJ_ROADMAP_STAGE_FUSION);
  kj_roadmap_node_set_status(node, KJ_ROADMAP_STATUS_DONE);
  kj_roadmap_node_set_domain(node, "ai");
  kj_roadmap_node_set_estimated_hours(node, 40);
  kj_roadmap_node_set_group(node, "stages");

  node = kj_test_roadmap_add(roadmap, "paper", "Deep Residual Learning");
  kj_roadmap_node_set_kind(node, KJ_ROADMAP_NODE_KIND_PAPER);
  kj_roadmap_node_set_status(node, KJ_ROADMAP_STATUS_SKIPPED);
  kj_roadmap_node_set_estimated_hours(node, 1e300);

  edge = kj_test_roadmap_connect(roadmap, "ai", "cnn");
  kj_roadmap_edge_set_label(edge, "掌握");
  edge = kj_test_roadmap_connect(roadmap, "paper", "cnn");
  kj_roadmap_edge_set_kind(edge, KJ_ROADMAP_EDGE_RELATES_TO);
  kj_roadmap_edge_set_stroke(edge, KJ_ROADMAP_STROKE_DOTTED);
  kj_roadmap_clear_history(roadmap);
  return roadmap;
}

/* ---- model ---- */

static void
test_ids(void)
{
  static const char *const valid[] = {
    "a", "A1", "data-science", "snake_case", "知识", "end2", "x"
  };
  static const char *const invalid[] = { "",    "-a", "a-",  "a--b",  "a b",     "end",
                                         "a.b", "a]", "é\n", "graph", "subgraph" };
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autofree char *id1 = NULL, *id2 = NULL, *id3 = NULL, *id4 = NULL;

  for (guint i = 0; i < G_N_ELEMENTS(valid); i++)
    g_assert_true(kj_roadmap_id_is_valid(valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS(invalid); i++)
    g_assert_false(kj_roadmap_id_is_valid(invalid[i]));

  id1 = kj_roadmap_make_unique_id(roadmap, "Data Science!");
  g_assert_cmpstr(id1, ==, "data-science");
  kj_test_roadmap_add(roadmap, id1, "Data science");
  id2 = kj_roadmap_make_unique_id(roadmap, "data science");
  g_assert_cmpstr(id2, ==, "data-science-2");
  id3 = kj_roadmap_make_unique_id(roadmap, "!!!");
  g_assert_cmpstr(id3, ==, "node");
  id4 = kj_roadmap_make_unique_id(roadmap, "人工 智能");
  g_assert_cmpstr(id4, ==, "人工-智能");
}

static void
test_edits(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autoptr(GError) error = NULL;
  g_autoptr(KjRoadmapNode) duplicate = kj_roadmap_node_new("a");
  g_autoptr(KjRoadmapNode) grouped = kj_roadmap_node_new("g");
  g_autoptr(GPtrArray) edges = NULL;
  KjRoadmapNode *a, *b, *c;
  guint changed = 0, position = 99;

  g_signal_connect(roadmap, "changed", G_CALLBACK(count_signal), &changed);
  a = kj_test_roadmap_add(roadmap, "a", "A");
  b = kj_test_roadmap_add(roadmap, "b", "B");
  c = kj_roadmap_create_node(roadmap, "Third one", KJ_ROADMAP_NODE_KIND_TOOL);
  g_assert_cmpstr(kj_roadmap_node_get_id(c), ==, "third-one");
  g_assert_cmpuint(changed, ==, 3);
  g_assert_cmpuint(kj_roadmap_get_n_nodes(roadmap), ==, 3);
  g_assert_true(kj_roadmap_lookup_node(roadmap, "b") == b);
  g_assert_null(kj_roadmap_lookup_node(roadmap, "zz"));
  g_assert_true(kj_roadmap_find_node(roadmap, c, &position));
  g_assert_cmpuint(position, ==, 2);

  g_assert_false(kj_roadmap_add_node(roadmap, duplicate, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);
  kj_roadmap_node_set_group(grouped, "nowhere");
  g_assert_false(kj_roadmap_add_node(roadmap, grouped, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);

  kj_test_roadmap_connect(roadmap, "a", "b");
  kj_test_roadmap_connect(roadmap, "b", "third-one");
  kj_test_roadmap_connect(roadmap, "b", "a"); /* a cycle is allowed */
  g_assert_null(kj_roadmap_connect(roadmap, "a", "b", KJ_ROADMAP_EDGE_RELATES_TO, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_clear_error(&error);
  g_assert_null(kj_roadmap_connect(roadmap, "a", "a", KJ_ROADMAP_EDGE_RELATES_TO, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_clear_error(&error);
  g_assert_null(kj_roadmap_connect(roadmap, "a", "zz", KJ_ROADMAP_EDGE_RELATES_TO, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);

  edges = kj_roadmap_dup_node_edges(roadmap, "b");
  g_assert_cmpuint(edges->len, ==, 3);
  changed = 0;
  kj_roadmap_remove_node(roadmap, b);
  g_assert_cmpuint(changed, ==, 1); /* one signal for the node and its edges */
  g_assert_cmpuint(kj_roadmap_get_n_nodes(roadmap), ==, 2);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 0);
  g_assert_null(kj_roadmap_lookup_edge(roadmap, "a", "b"));
  g_assert_true(kj_roadmap_get_node(roadmap, 0) == a);
  g_assert_null(kj_roadmap_get_node(roadmap, 5));
}

static void
test_groups(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autoptr(KjRoadmapGroup) outer = kj_roadmap_group_new("outer");
  g_autoptr(KjRoadmapGroup) middle = kj_roadmap_group_new("middle");
  g_autoptr(KjRoadmapGroup) leaf = kj_roadmap_group_new("leaf");
  g_autoptr(KjRoadmapGroup) clash = kj_roadmap_group_new("n");
  g_autoptr(GError) error = NULL;
  KjRoadmapNode *node;

  g_assert_true(kj_roadmap_add_group(roadmap, outer, NULL));
  kj_roadmap_group_set_parent(middle, "outer");
  g_assert_true(kj_roadmap_add_group(roadmap, middle, NULL));
  kj_roadmap_group_set_parent(leaf, "middle");
  g_assert_true(kj_roadmap_add_group(roadmap, leaf, NULL));
  node = kj_test_roadmap_add(roadmap, "n", "N");
  kj_roadmap_node_set_group(node, "middle");
  /* Ids are shared between nodes and groups, as in Mermaid. */
  g_assert_false(kj_roadmap_add_group(roadmap, clash, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);

  /* A group cannot end up inside itself. */
  g_test_expect_message("Kuajie", G_LOG_LEVEL_CRITICAL, "*accepts_parent*");
  kj_roadmap_group_set_parent(outer, "leaf");
  g_test_assert_expected_messages();
  g_assert_null(kj_roadmap_group_get_parent(outer));

  /* Removing a group moves its nodes and groups to its parent. */
  kj_roadmap_remove_group(roadmap, middle);
  g_assert_cmpuint(kj_roadmap_get_n_groups(roadmap), ==, 2);
  g_assert_cmpstr(kj_roadmap_node_get_group(node), ==, "outer");
  g_assert_cmpstr(kj_roadmap_group_get_parent(leaf), ==, "outer");
  g_assert_null(kj_roadmap_lookup_group(roadmap, "middle"));

  /* One step puts it all back. */
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_true(kj_roadmap_lookup_group(roadmap, "middle") == middle);
  g_assert_true(kj_roadmap_get_group(roadmap, 1) == middle);
  g_assert_cmpstr(kj_roadmap_node_get_group(node), ==, "middle");
  g_assert_cmpstr(kj_roadmap_group_get_parent(leaf), ==, "middle");
}

/* ---- history ---- */

static void
test_undo_add_remove(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autofree char *empty = json_of(roadmap);
  g_autofree char *full = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *now = NULL;
  guint can_undo_notes = 0, changed = 0;
  KjRoadmapNode *b;

  g_signal_connect(roadmap, "notify::can-undo", G_CALLBACK(count_notify), &can_undo_notes);
  g_signal_connect(roadmap, "changed", G_CALLBACK(count_signal), &changed);
  g_assert_false(kj_roadmap_can_undo(roadmap));
  kj_test_roadmap_add(roadmap, "a", "A");
  g_assert_true(kj_roadmap_can_undo(roadmap));
  g_assert_cmpuint(can_undo_notes, ==, 1);
  b = kj_test_roadmap_add(roadmap, "b", "B");
  kj_test_roadmap_add(roadmap, "c", "C");
  kj_test_roadmap_connect(roadmap, "a", "b");
  kj_test_roadmap_connect(roadmap, "c", "b");
  kj_test_roadmap_connect(roadmap, "a", "c");
  full = json_of(roadmap);

  /* Removing b takes two of the three edges; undo puts them back in place. */
  kj_roadmap_remove_node(roadmap, b);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 1);
  removed = json_of(roadmap);
  changed = 0;
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpuint(changed, ==, 1);
  now = json_of(roadmap);
  g_assert_cmpstr(now, ==, full);
  g_assert_true(kj_roadmap_lookup_node(roadmap, "b") == b);
  g_assert_true(kj_roadmap_can_redo(roadmap));
  g_assert_true(kj_roadmap_redo(roadmap));
  g_assert_null(kj_roadmap_lookup_node(roadmap, "b"));
  g_assert_true(kj_roadmap_undo(roadmap));

  /* All the way back, then all the way forward. */
  while (kj_roadmap_undo(roadmap))
    ;
  g_clear_pointer(&now, g_free);
  now = json_of(roadmap);
  g_assert_cmpstr(now, ==, empty);
  g_assert_false(kj_roadmap_can_undo(roadmap));
  while (kj_roadmap_redo(roadmap))
    ;
  g_clear_pointer(&now, g_free);
  now = json_of(roadmap);
  g_assert_cmpstr(now, ==, removed);

  /* A new edit drops what could be redone. */
  g_assert_true(kj_roadmap_undo(roadmap));
  kj_test_roadmap_add(roadmap, "d", "D");
  g_assert_false(kj_roadmap_can_redo(roadmap));
}

static void
test_undo_properties(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  KjRoadmapNode *node = kj_test_roadmap_add(roadmap, "a", "A");
  KjRoadmapEdge *edge;
  const char *links[] = { "https://example.com", NULL };

  kj_test_roadmap_add(roadmap, "b", "B");
  edge = kj_test_roadmap_connect(roadmap, "a", "b");
  kj_roadmap_clear_history(roadmap);

  kj_roadmap_node_set_status(node, KJ_ROADMAP_STATUS_DONE);
  g_object_set(node, "estimated-hours", 12.5, "stage", KJ_ROADMAP_STAGE_PRACTICE, NULL);
  kj_roadmap_node_set_links(node, links);
  kj_roadmap_edge_set_kind(edge, KJ_ROADMAP_EDGE_RELATES_TO);
  kj_roadmap_set_direction(roadmap, KJ_ROADMAP_DIRECTION_RL);
  kj_roadmap_set_title(roadmap, "Mine");

  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpstr(kj_roadmap_get_title(roadmap), ==, "");
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpint(kj_roadmap_get_direction(roadmap), ==, KJ_ROADMAP_DIRECTION_TB);
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpint(kj_roadmap_edge_get_kind(edge), ==, KJ_ROADMAP_EDGE_PREREQUISITE);
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_null(kj_roadmap_node_get_links(node)[0]);
  g_assert_true(kj_roadmap_undo(roadmap)); /* stage */
  g_assert_true(kj_roadmap_undo(roadmap)); /* hours */
  g_assert_cmpfloat(kj_roadmap_node_get_estimated_hours(node), ==, 0.0);
  g_assert_cmpint(kj_roadmap_node_get_stage(node), ==, KJ_ROADMAP_STAGE_NONE);
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpint(kj_roadmap_node_get_status(node), ==, KJ_ROADMAP_STATUS_NOT_STARTED);
  g_assert_false(kj_roadmap_undo(roadmap));
  while (kj_roadmap_redo(roadmap))
    ;
  g_assert_cmpint(kj_roadmap_node_get_status(node), ==, KJ_ROADMAP_STATUS_DONE);
  g_assert_cmpfloat(kj_roadmap_node_get_estimated_hours(node), ==, 12.5);
  g_assert_cmpstr(kj_roadmap_get_title(roadmap), ==, "Mine");
}

/* Typing into one field is one step; another field or a seal starts anew. */
static void
test_undo_merges_typing(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  KjRoadmapNode *node = kj_test_roadmap_add(roadmap, "a", "");
  const char *typed[] = { "跨", "跨界", "跨界知", "跨界知识" };

  kj_roadmap_clear_history(roadmap);
  for (guint i = 0; i < G_N_ELEMENTS(typed); i++)
    kj_roadmap_node_set_title(node, typed[i]);
  kj_roadmap_node_set_notes(node, "n");
  kj_roadmap_node_set_notes(node, "no");
  kj_roadmap_node_set_title(node, "T");
  kj_roadmap_seal_last_edit(roadmap);
  kj_roadmap_node_set_title(node, "Ti");
  kj_roadmap_node_set_status(node, KJ_ROADMAP_STATUS_LEARNING);
  kj_roadmap_node_set_status(node, KJ_ROADMAP_STATUS_DONE); /* not text: no merge */

  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpint(kj_roadmap_node_get_status(node), ==, KJ_ROADMAP_STATUS_LEARNING);
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpstr(kj_roadmap_node_get_title(node), ==, "T");
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpstr(kj_roadmap_node_get_title(node), ==, "跨界知识");
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpstr(kj_roadmap_node_get_notes(node), ==, "");
  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpstr(kj_roadmap_node_get_title(node), ==, "");
  g_assert_false(kj_roadmap_undo(roadmap));
  g_assert_true(kj_roadmap_redo(roadmap));
  g_assert_cmpstr(kj_roadmap_node_get_title(node), ==, "跨界知识");
}

static void
test_undo_user_action(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autoptr(KjRoadmapNode) detached = kj_roadmap_node_new("x");
  guint changed = 0;

  kj_test_roadmap_add(roadmap, "a", "A");
  kj_roadmap_clear_history(roadmap);
  g_signal_connect(roadmap, "changed", G_CALLBACK(count_signal), &changed);

  kj_roadmap_begin_user_action(roadmap);
  kj_roadmap_create_node(roadmap, "B", KJ_ROADMAP_NODE_KIND_CONCEPT);
  kj_roadmap_begin_user_action(roadmap); /* nests */
  kj_test_roadmap_connect(roadmap, "a", "b");
  kj_roadmap_end_user_action(roadmap);
  kj_roadmap_node_set_title(kj_roadmap_lookup_node(roadmap, "a"), "AA");
  kj_roadmap_end_user_action(roadmap);
  g_assert_cmpuint(changed, ==, 1);

  g_assert_true(kj_roadmap_undo(roadmap));
  g_assert_cmpuint(kj_roadmap_get_n_nodes(roadmap), ==, 1);
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 0);
  g_assert_cmpstr(kj_roadmap_node_get_title(kj_roadmap_get_node(roadmap, 0)), ==, "A");
  g_assert_false(kj_roadmap_can_undo(roadmap));
  g_assert_true(kj_roadmap_redo(roadmap));
  g_assert_cmpuint(kj_roadmap_get_n_edges(roadmap), ==, 1);

  /* Edits of a node outside any roadmap are not steps. */
  kj_roadmap_clear_history(roadmap);
  kj_roadmap_node_set_title(detached, "free");
  g_assert_false(kj_roadmap_can_undo(roadmap));
}

/* Items outlive their roadmap (a view may hold them) and stay usable. */
static void
test_items_outlive_roadmap(void)
{
  KjRoadmap *roadmap = kj_roadmap_new();
  g_autoptr(KjRoadmapNode) node = g_object_ref(kj_test_roadmap_add(roadmap, "a", "A"));
  g_autoptr(KjRoadmapEdge) edge = NULL;

  kj_test_roadmap_add(roadmap, "b", "B");
  edge = g_object_ref(kj_test_roadmap_connect(roadmap, "a", "b"));
  g_assert_finalize_object(roadmap);
  kj_roadmap_node_set_title(node, "still here");
  kj_roadmap_edge_set_label(edge, "and here");
  g_assert_cmpstr(kj_roadmap_node_get_title(node), ==, "still here");
}

/* ---- progress ---- */

static KjRoadmapNode *
add_progress_node(KjRoadmap *roadmap, const char *id, const char *domain, KjRoadmapStatus status,
                  double hours)
{
  KjRoadmapNode *node = kj_test_roadmap_add(roadmap, id, id);

  kj_roadmap_node_set_domain(node, domain);
  kj_roadmap_node_set_status(node, status);
  kj_roadmap_node_set_estimated_hours(node, hours);
  return node;
}

static KjRoadmapProgress *
progress_at(GPtrArray *array, guint i)
{
  return g_ptr_array_index(array, i);
}

static void
test_progress(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autoptr(KjRoadmapProgress) all = NULL;
  g_autoptr(KjRoadmapProgress) ai = NULL;
  g_autoptr(KjRoadmapProgress) none = NULL;
  g_autoptr(KjRoadmapProgress) copy = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  g_auto(GStrv) ids = NULL;
  KjRoadmapNode *domain;

  all = kj_roadmap_get_progress(roadmap, NULL);
  g_assert_cmpuint(all->n_nodes, ==, 0);
  g_assert_cmpfloat(all->fraction, ==, 0.0);
  g_clear_pointer(&all, kj_roadmap_progress_free);

  /* The domain node counts in its own domain. */
  domain = add_progress_node(roadmap, "ai", NULL, KJ_ROADMAP_STATUS_LEARNING, 10);
  kj_roadmap_node_set_kind(domain, KJ_ROADMAP_NODE_KIND_DOMAIN);
  kj_roadmap_node_set_title(domain, "人工智能");
  add_progress_node(roadmap, "cnn", "ai", KJ_ROADMAP_STATUS_DONE, 20);
  add_progress_node(roadmap, "rnn", "ai", KJ_ROADMAP_STATUS_NOT_STARTED, 15);
  add_progress_node(roadmap, "gan", "ai", KJ_ROADMAP_STATUS_SKIPPED, 30);
  add_progress_node(roadmap, "sql", "data", KJ_ROADMAP_STATUS_DONE, 5);
  add_progress_node(roadmap, "stats", "data", KJ_ROADMAP_STATUS_DONE, 7.5);
  add_progress_node(roadmap, "misc", NULL, KJ_ROADMAP_STATUS_NOT_STARTED, 2);
  add_progress_node(roadmap, "iot", "iot", KJ_ROADMAP_STATUS_SKIPPED, 3);

  all = kj_roadmap_get_progress(roadmap, NULL);
  g_assert_null(all->domain);
  g_assert_cmpuint(all->n_nodes, ==, 8);
  g_assert_cmpuint(all->n_done, ==, 3);
  g_assert_cmpuint(all->n_learning, ==, 1);
  g_assert_cmpuint(all->n_skipped, ==, 2);
  g_assert_cmpfloat_with_epsilon(all->fraction, 3.0 / 6.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(all->hours_total, 10 + 20 + 15 + 5 + 7.5 + 2, 1e-12);
  g_assert_cmpfloat_with_epsilon(all->hours_left, 10 + 15 + 2, 1e-12);

  ai = kj_roadmap_get_progress(roadmap, "ai");
  g_assert_cmpstr(ai->title, ==, "人工智能");
  g_assert_cmpuint(ai->n_nodes, ==, 4);
  g_assert_cmpfloat_with_epsilon(ai->fraction, 1.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(ai->hours_left, 25.0, 1e-12);
  copy = kj_roadmap_progress_copy(ai);
  g_assert_cmpstr(copy->domain, ==, "ai");
  g_assert_cmpfloat(copy->fraction, ==, ai->fraction);

  none = kj_roadmap_get_progress(roadmap, "nothing");
  g_assert_cmpuint(none->n_nodes, ==, 0);
  g_assert_cmpfloat(none->fraction, ==, 0.0);

  ids = kj_roadmap_dup_domains(roadmap);
  g_assert_cmpuint(g_strv_length(ids), ==, 3);
  g_assert_cmpstr(ids[0], ==, "ai");
  g_assert_cmpstr(ids[1], ==, "data");
  g_assert_cmpstr(ids[2], ==, "iot");
  domains = kj_roadmap_dup_domain_progress(roadmap);
  g_assert_cmpuint(domains->len, ==, 3);
  g_assert_cmpfloat_with_epsilon(progress_at(domains, 0)->fraction, ai->fraction, 1e-12);
  g_assert_cmpfloat(progress_at(domains, 1)->fraction, ==, 1.0);
  g_assert_cmpfloat(progress_at(domains, 1)->hours_left, ==, 0.0);
  g_assert_cmpstr(progress_at(domains, 1)->title, ==, "data");
  /* Everything skipped: nothing to do, nothing done. */
  g_assert_cmpuint(progress_at(domains, 2)->n_skipped, ==, 1);
  g_assert_cmpfloat(progress_at(domains, 2)->fraction, ==, 0.0);
}

/* ---- JSON ---- */

static void
test_json_round_trip(void)
{
  g_autoptr(KjRoadmap) roadmap = make_full_roadmap();
  g_autoptr(KjRoadmap) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  KjRoadmapNode *ai;
  gsize length = 0;

  text = kj_roadmap_to_json(roadmap, &length);
  g_assert_cmpuint(length, ==, strlen(text));
  g_test_message("%s", text);
  loaded = kj_roadmap_new_from_json(text, -1, &error);
  g_assert_no_error(error);
  again = json_of(loaded);
  g_assert_cmpstr(text, ==, again);

  ai = kj_roadmap_lookup_node(loaded, "ai");
  g_assert_cmpstr(kj_roadmap_node_get_description(ai), ==,
                  "Machine learning,\ndeep learning — 深度学习");
  g_assert_cmpstr(kj_roadmap_node_get_notes(ai), ==, "Tab\there, quote \" and backslash \\");
  g_assert_cmpfloat(kj_roadmap_node_get_estimated_hours(ai), ==, 0.1);
  g_assert_cmpstr(kj_roadmap_node_get_links(ai)[1], ==, "https://example.com/a?b=c&d");
  g_assert_cmpint(kj_roadmap_node_get_shape(ai), ==, KJ_ROADMAP_SHAPE_HEXAGON);
  g_assert_cmpfloat(kj_roadmap_node_get_estimated_hours(kj_roadmap_lookup_node(loaded, "paper")),
                    ==, 1e300);
  g_assert_cmpstr(kj_roadmap_group_get_parent(kj_roadmap_lookup_group(loaded, "inner")), ==,
                  "stages");
  g_assert_cmpstr(kj_roadmap_get_title(loaded), ==, "跨界学习路线图 \"roadmap\"");
  g_assert_false(kj_roadmap_can_undo(loaded));
  g_assert_false(kj_roadmap_get_modified(loaded));
  /* Whole hours are written as integers. */
  g_assert_nonnull(strstr(text, "\"hours\" : 40\n"));
}

/* A hand-written file with defaults left out and members in any order. */
static void
test_json_defaults(void)
{
  const char *text = "{\"version\": 1, \"format\": \"kuajie-roadmap\",\n"
                     " \"edges\": [{\"to\": \"b\", \"from\": \"a\"}],\n"
                     " \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\", \"hours\": 2.5}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new_from_json(text, -1, &error);
  KjRoadmapNode *a;

  g_assert_no_error(error);
  a = kj_roadmap_lookup_node(roadmap, "a");
  g_assert_cmpstr(kj_roadmap_node_get_title(a), ==, "a");
  g_assert_cmpint(kj_roadmap_node_get_kind(a), ==, KJ_ROADMAP_NODE_KIND_CONCEPT);
  g_assert_cmpint(kj_roadmap_node_get_status(a), ==, KJ_ROADMAP_STATUS_NOT_STARTED);
  g_assert_cmpint(kj_roadmap_edge_get_kind(kj_roadmap_get_edge(roadmap, 0)), ==,
                  KJ_ROADMAP_EDGE_PREREQUISITE);
  g_assert_cmpfloat(kj_roadmap_node_get_estimated_hours(kj_roadmap_lookup_node(roadmap, "b")), ==,
                    2.5);
}

#define HEAD "{\n  \"format\": \"kuajie-roadmap\",\n  \"version\": 1,\n"

static const struct {
  const char *text;
  guint line;
  int column; /* -1: not checked */
  const char *message;
} json_errors[] = {
  { "", 1, -1, "" },
  { "{\n  \"format\": \"kuajie-roadmap\",\n  \"version\": 1,,\n}", 3, 15, "" },
  { "[1, 2]", 1, 1, "Expected an object" },
  { "{\"format\": \"other\", \"version\": 1}", 1, -1, "This is not a Kuajie roadmap" },
  { "{\"format\": \"kuajie-roadmap\"}", 1, 1, "The member “version” is missing" },
  { "{\"format\": \"kuajie-roadmap\", \"version\": 2}", 1, -1, "Version 2 of the format" },
  { "{\"format\": \"kuajie-roadmap\", \"version\": \"1\"}", 1, -1, "Expected a whole number" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\", \"status\": \"finished\"}\n  ]\n}", 5, -1,
    "nodes[0].status: Unknown value “finished”; expected one of: not-started" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\"},\n    {\"id\": \"a\"}\n  ]\n}", 6, -1,
    "nodes[1]: The id “a” is already in use" },
  { HEAD "  \"nodes\": [{\"id\": \"a\"}],\n  \"edges\": [\n    {\"from\": \"a\", \"to\": "
         "\"zz\"}\n  ]\n}",
    6, -1, "edges[0]: There is no node “zz”" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\", \"title\": 5}\n  ]\n}", 5, -1,
    "nodes[0].title: Expected text" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\", \"hours\": -1}\n  ]\n}", 5, -1,
    "nodes[0].hours: Expected a number of hours" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\", \"stauts\": \"done\"}\n  ]\n}", 5, -1,
    "nodes[0].stauts: Unknown member" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\", \"title\": \"x\", \"title\": \"y\"}\n  ]\n}", 5, -1,
    "nodes[0].title: This member appears more than once" },
  { HEAD "  \"nodes\": [\n    {\"title\": \"x\"}\n  ]\n}", 5, 5, "nodes[0]: The member “id”" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a b\"}\n  ]\n}", 5, -1,
    "nodes[0].id: “a b” is not a valid id" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\", \"links\": [\"ok\", 3]}\n  ]\n}", 5, -1,
    "nodes[0].links[1]: Expected text" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\", \"group\": \"g\"}\n  ]\n}", 5, -1,
    "nodes[0].group: There is no group “g”" },
  { HEAD "  \"groups\": [\n    {\"id\": \"g\", \"parent\": \"h\"},\n    {\"id\": \"h\", "
         "\"parent\": \"g\"}\n  ]\n}",
    6, -1, "groups[1].parent: The group “h” would be inside itself" },
  { HEAD "  \"nodes\": {}\n}", 4, -1, "nodes: Expected a list" },
  { HEAD "  \"nodes\": [\n    {\"id\": \"a\"}, 7\n  ]\n}", 5, -1, "nodes[1]: Expected an object" },
  { HEAD "  \"edges\": [],\n  \"nodes\": [\n    {\"id\": \"知识\", \"kind\": \"x\"}\n  ]\n}", 6, -1,
    "nodes[0].kind: Unknown value “x”" },
  { "{\"format\": \"kuajie-roadmap\", \"version\": 1, \"nodes\": [{\"id\": \"\xc3\"}]}", 1, 62,
    "not valid UTF-8" },
};

#undef HEAD

static void
test_json_errors(void)
{
  g_autoptr(KjRoadmap) roadmap = make_full_roadmap();
  g_autofree char *before = json_of(roadmap);

  g_object_set(roadmap, "modified", TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS(json_errors); i++) {
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;
    g_autofree char *prefix = NULL;

    if (json_errors[i].column >= 0)
      prefix = g_strdup_printf("Line %u, column %d: ", json_errors[i].line, json_errors[i].column);
    else
      prefix = g_strdup_printf("Line %u, column ", json_errors[i].line);
    g_assert_false(kj_roadmap_load_json(roadmap, json_errors[i].text, -1, &error));
    g_test_message("case %u: %s", i, error->message);
    g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
    g_assert_true(g_str_has_prefix(error->message, prefix));
    g_assert_nonnull(strstr(error->message, json_errors[i].message));
    /* The open roadmap is untouched. */
    after = json_of(roadmap);
    g_assert_cmpstr(after, ==, before);
    g_assert_true(kj_roadmap_get_modified(roadmap));
  }
}

/* Mutated files load or fail with a positioned error; what loads saves
 * and loads back to the same roadmap. */
static void
test_json_mutations(void)
{
  static const char alphabet[] = "{}[]\",:0123456789.-eE \ntrufalsn\\u知";
  g_autoptr(KjRoadmap) roadmap = make_full_roadmap();
  g_autofree char *original = json_of(roadmap);
  g_autoptr(GRand) rand = g_rand_new_with_seed(99);
  guint n = g_test_thorough() ? 5000 : 500, loaded = 0;

  for (guint i = 0; i < n; i++) {
    g_autoptr(GString) text = g_string_new(original);
    g_autoptr(GError) error = NULL;
    g_autoptr(KjRoadmap) result = NULL;

    for (guint e = g_rand_int_range(rand, 1, 4); e > 0 && text->len > 0; e--) {
      guint at = g_rand_int_range(rand, 0, text->len);

      if (g_rand_boolean(rand))
        g_string_erase(text, at, 1);
      else
        g_string_insert_c(text, at, alphabet[g_rand_int_range(rand, 0, sizeof alphabet - 1)]);
    }
    result = kj_roadmap_new_from_json(text->str, text->len, &error);
    if (result == NULL) {
      g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
      g_assert_true(g_str_has_prefix(error->message, "Line "));
    } else {
      g_autofree char *saved = json_of(result);
      g_autoptr(KjRoadmap) again = kj_roadmap_new_from_json(saved, -1, &error);
      g_autofree char *saved_again = NULL;

      g_assert_no_error(error);
      saved_again = json_of(again);
      g_assert_cmpstr(saved, ==, saved_again);
      loaded++;
    }
  }
  g_test_message("%u of %u mutated files loaded", loaded, n);
}

/* Deep nesting, parents listed after their children: linear, not quadratic. */
static void
test_json_deep_groups(void)
{
  g_autoptr(GString) text = g_string_new("{\"format\": \"kuajie-roadmap\", \"version\": 1,\n"
                                         " \"groups\": [\n");
  g_autoptr(GTimer) timer = g_timer_new();
  g_autoptr(GError) error = NULL;
  g_autoptr(KjRoadmap) roadmap = NULL;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf(text, "  {\"id\": \"g%u\", \"parent\": \"g%u\"},\n", i, i + 1);
  g_string_append_printf(text, "  {\"id\": \"g%u\"}\n ]\n}\n", n);
  roadmap = kj_roadmap_new_from_json(text->str, text->len, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(kj_roadmap_get_n_groups(roadmap), ==, n + 1);
  g_assert_cmpstr(kj_roadmap_group_get_parent(kj_roadmap_lookup_group(roadmap, "g0")), ==, "g1");
  g_test_message("%u nested groups in %.0f ms", n, g_timer_elapsed(timer, NULL) * 1000);
  g_assert_cmpfloat(g_timer_elapsed(timer, NULL), <, 10.0);
}

/* Loading into an open roadmap keeps the object (views stay bound). */
static void
test_json_load_replaces(void)
{
  g_autoptr(KjRoadmap) source = make_full_roadmap();
  g_autofree char *text = json_of(source);
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded = NULL;
  guint items_changed = 0, changed = 0;

  kj_test_roadmap_add(roadmap, "old", "Old");
  g_signal_connect(kj_roadmap_get_nodes(roadmap), "items-changed", G_CALLBACK(count_items_changed),
                   &items_changed);
  g_signal_connect(roadmap, "changed", G_CALLBACK(count_signal), &changed);
  g_assert_true(kj_roadmap_load_json(roadmap, text, -1, &error));
  g_assert_no_error(error);
  loaded = json_of(roadmap);
  g_assert_cmpstr(loaded, ==, text);
  g_assert_cmpuint(items_changed, ==, 1);
  g_assert_cmpuint(changed, ==, 1);
  g_assert_null(kj_roadmap_lookup_node(roadmap, "old"));
  g_assert_false(kj_roadmap_can_undo(roadmap));
  g_assert_false(kj_roadmap_get_modified(roadmap));
  /* Loaded objects belong to the roadmap: edits are steps. */
  kj_roadmap_node_set_title(kj_roadmap_lookup_node(roadmap, "ai"), "AI");
  g_assert_true(kj_roadmap_can_undo(roadmap));
  g_assert_true(kj_roadmap_get_modified(roadmap));
}

/* ---- files ---- */

static void
test_files(void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("kj-roadmap-XXXXXX", &error);
  g_autofree char *json_path = g_build_filename(dir, "roadmap.json", NULL);
  g_autofree char *mmd_path = g_build_filename(dir, "roadmap.MMD", NULL);
  g_autofree char *bad_path = g_build_filename(dir, "missing", "roadmap.json", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path(json_path);
  g_autoptr(GFile) mmd_file = g_file_new_for_path(mmd_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path(bad_path);
  g_autoptr(GFile) txt_file = g_file_new_for_path("notes.txt");
  g_autoptr(KjRoadmap) roadmap = make_full_roadmap();
  g_autoptr(KjRoadmap) loaded = kj_roadmap_new();
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *contents = NULL;
  KjRoadmapFormat format;

  g_assert_no_error(error);
  g_assert_true(kj_roadmap_format_for_file(json_file, &format));
  g_assert_cmpint(format, ==, KJ_ROADMAP_FORMAT_JSON);
  g_assert_true(kj_roadmap_format_for_file(mmd_file, &format));
  g_assert_cmpint(format, ==, KJ_ROADMAP_FORMAT_MERMAID);
  g_assert_false(kj_roadmap_format_for_file(txt_file, &format));

  kj_roadmap_node_set_title(kj_roadmap_lookup_node(roadmap, "ai"), "人工智能 AI");
  g_assert_true(kj_roadmap_get_modified(roadmap));
  expected = json_of(roadmap);
  g_assert_true(kj_roadmap_save_file(roadmap, mmd_file, KJ_ROADMAP_FORMAT_MERMAID, NULL, &error));
  g_assert_no_error(error);
  g_assert_true(kj_roadmap_get_modified(roadmap)); /* an export is not a save */
  g_assert_true(kj_roadmap_save_file(roadmap, json_file, KJ_ROADMAP_FORMAT_JSON, NULL, &error));
  g_assert_no_error(error);
  g_assert_false(kj_roadmap_get_modified(roadmap));
  g_assert_true(g_file_get_contents(json_path, &contents, NULL, NULL));
  g_assert_cmpstr(contents, ==, expected);

  g_assert_true(
      kj_roadmap_load_file(loaded, json_file, KJ_ROADMAP_FORMAT_JSON, NULL, NULL, &error));
  g_assert_no_error(error);
  got = json_of(loaded);
  g_assert_cmpstr(got, ==, expected);
  g_assert_true(
      kj_roadmap_load_file(loaded, mmd_file, KJ_ROADMAP_FORMAT_MERMAID, NULL, NULL, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(kj_roadmap_get_n_nodes(loaded), ==, 3);
  g_assert_cmpstr(kj_roadmap_node_get_title(kj_roadmap_lookup_node(loaded, "ai")), ==,
                  "人工智能 AI");

  /* A directory that does not exist: a clear error, nothing written. */
  g_assert_false(kj_roadmap_save_file(roadmap, bad_file, KJ_ROADMAP_FORMAT_JSON, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_assert_nonnull(strstr(error->message, bad_path));
  g_clear_error(&error);
  g_assert_false(
      kj_roadmap_load_file(loaded, bad_file, KJ_ROADMAP_FORMAT_JSON, NULL, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_clear_error(&error);

  /* A malformed file names itself and its line. */
  g_assert_true(g_file_set_contents(json_path, "{\n  \"format\": oops\n}", -1, NULL));
  g_assert_false(
      kj_roadmap_load_file(loaded, json_file, KJ_ROADMAP_FORMAT_JSON, NULL, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  g_assert_true(g_str_has_prefix(error->message, json_path));
  g_assert_nonnull(strstr(error->message, "Line 2, column"));
  g_clear_error(&error);

  g_assert_cmpint(g_remove(json_path), ==, 0);
  g_assert_cmpint(g_remove(mmd_path), ==, 0);
  g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/* A writer killed at any moment leaves the old file or the new one, whole. */
static void
test_save_is_atomic(void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("kj-roadmap-XXXXXX", &error);
  g_autofree char *path = g_build_filename(dir, "roadmap.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autoptr(KjRoadmap) old_roadmap = make_full_roadmap();
  g_autoptr(KjRoadmap) new_roadmap = kj_roadmap_new();
  g_autofree char *old_text = json_of(old_roadmap);
  g_autofree char *new_text = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed(7);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  /* Big enough that a write takes a while. */
  for (guint i = 0; i < 3000; i++) {
    g_autofree char *title = g_strdup_printf("节点 %u", i);
    KjRoadmapNode *node = kj_roadmap_create_node(new_roadmap, title, KJ_ROADMAP_NODE_KIND_SKILL);

    kj_roadmap_node_set_description(node, "A description long enough to make the file big.");
  }
  new_text = json_of(new_roadmap);
  g_assert_true(kj_roadmap_save_file(old_roadmap, file, KJ_ROADMAP_FORMAT_JSON, NULL, &error));

  for (guint round = 0; round < 6; round++) {
    g_autofree char *contents = NULL;
    pid_t pid = fork();
    int status;

    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
      for (;;)
        kj_roadmap_save_file(round % 2 ? new_roadmap : old_roadmap, file, KJ_ROADMAP_FORMAT_JSON,
                             NULL, NULL);
    }
    g_usleep(g_rand_int_range(rand, 1000, 40000));
    kill(pid, SIGKILL);
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_true(strcmp(contents, old_text) == 0 || strcmp(contents, new_text) == 0);
  }

  /* Clean up, temporary files of killed writers included. */
  listing = g_dir_open(dir, 0, NULL);
  while ((name = g_dir_read_name(listing)) != NULL) {
    g_autofree char *child = g_build_filename(dir, name, NULL);

    g_remove(child);
  }
  g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/* A full disk, as a file-size limit makes one: every write past it fails
 * (EFBIG).  The save reports a clear error and leaves the old file whole and
 * no temporary file behind.  In a child, so the limit ends with it. */
static void
test_save_disk_full(void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("kj-roadmap-XXXXXX", &error);
  g_autofree char *path = g_build_filename(dir, "roadmap.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autofree char *new_path = g_build_filename(dir, "new.json", NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path(new_path);
  g_autoptr(KjRoadmap) old_roadmap = make_full_roadmap();
  g_autoptr(KjRoadmap) big = kj_roadmap_new();
  g_autofree char *old_text = json_of(old_roadmap);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  pid_t pid;
  int status;

  for (guint i = 0; i < 500; i++)
    kj_roadmap_create_node(big, "A topic with a title long enough to fill the file",
                           KJ_ROADMAP_NODE_KIND_SKILL);
  g_assert_true(kj_roadmap_save_file(old_roadmap, file, KJ_ROADMAP_FORMAT_JSON, NULL, &error));
  g_assert_cmpuint(strlen(old_text), <, 16384);

  pid = fork();
  g_assert_cmpint(pid, >=, 0);
  if (pid == 0) {
    struct rlimit limit = { 16384, 16384 };
    gboolean saved;

    signal(SIGXFSZ, SIG_IGN);
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
      _exit(2);
    saved = kj_roadmap_save_file(big, file, KJ_ROADMAP_FORMAT_JSON, NULL, &error);
    /* Refused, as a file error naming the file, and still "modified". */
    if (saved || !g_error_matches(error, KJ_ERROR, KJ_ERROR_IO) ||
        strstr(error->message, path) == NULL || !kj_roadmap_get_modified(big))
      _exit(1);
    /* A new file is not left half-written either. */
    _exit(kj_roadmap_save_file(big, new_file, KJ_ROADMAP_FORMAT_JSON, NULL, NULL) ? 1 : 0);
  }
  g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
  g_assert_true(WIFEXITED(status));
  g_assert_cmpint(WEXITSTATUS(status), ==, 0);

  g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
  g_assert_cmpstr(contents, ==, old_text);
  listing = g_dir_open(dir, 0, NULL);
  g_assert_cmpstr(g_dir_read_name(listing), ==, "roadmap.json");
  g_assert_null(g_dir_read_name(listing));
  g_assert_cmpint(g_remove(path), ==, 0);
  g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/* ---- layout ---- */

static gboolean
overlap(const KjLayoutRect *a, const KjLayoutRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
         b->y < a->y + a->height;
}

static void
assert_no_overlap(const KjRoadmapLayout *layout)
{
  for (guint i = 0; i < layout->n_nodes; i++) {
    const KjLayoutRect *r = &layout->nodes[i];

    g_assert_cmpfloat(r->x, >=, -1e-9);
    g_assert_cmpfloat(r->y, >=, -1e-9);
    g_assert_cmpfloat(r->x + r->width, <=, layout->width + 1e-9);
    g_assert_cmpfloat(r->y + r->height, <=, layout->height + 1e-9);
    for (guint j = i + 1; j < layout->n_nodes; j++)
      if (overlap(r, &layout->nodes[j]))
        g_error("nodes %u and %u overlap: (%g, %g, %g, %g) and (%g, %g, %g, %g)", i, j, r->x, r->y,
                r->width, r->height, layout->nodes[j].x, layout->nodes[j].y, layout->nodes[j].width,
                layout->nodes[j].height);
  }
}

static gboolean
on_border(const KjLayoutRect *r, KjLayoutPoint p)
{
  const double e = 1e-6;
  gboolean inside_x = p.x >= r->x - e && p.x <= r->x + r->width + e;
  gboolean inside_y = p.y >= r->y - e && p.y <= r->y + r->height + e;

  return inside_x && inside_y &&
         (fabs(p.x - r->x) < e || fabs(p.x - r->x - r->width) < e || fabs(p.y - r->y) < e ||
          fabs(p.y - r->y - r->height) < e);
}

static void
test_layout_random(void)
{
  static const KjRoadmapDirection directions[] = {
    KJ_ROADMAP_DIRECTION_TB,
    KJ_ROADMAP_DIRECTION_BT,
    KJ_ROADMAP_DIRECTION_LR,
    KJ_ROADMAP_DIRECTION_RL,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed(42);
  guint rounds = g_test_thorough() ? 40 : 8;

  for (guint round = 0; round < rounds; round++) {
    guint n = round < 4 ? 200 : g_rand_int_range(rand, 1, 200);
    guint m = g_rand_int_range(rand, 0, 3 * n);
    g_autofree double *sizes = g_new(double, 2 * n);
    g_autofree guint *ends = g_new(guint, 2 * MAX(m, 1));
    KjRoadmapLayoutOptions options;
    g_autoptr(KjRoadmapLayout) layout = NULL;
    g_autoptr(GTimer) timer = g_timer_new();

    for (guint i = 0; i < n; i++) {
      sizes[2 * i] = g_rand_double_range(rand, 20, 220);
      sizes[2 * i + 1] = g_rand_double_range(rand, 16, 90);
    }
    /* Random edges, cycles and the odd self-loop included. */
    for (guint e = 0; e < m; e++) {
      ends[2 * e] = g_rand_int_range(rand, 0, n);
      ends[2 * e + 1] = g_rand_int_range(rand, 0, n);
    }
    kj_roadmap_layout_options_init(&options);
    options.direction = directions[round % G_N_ELEMENTS(directions)];
    g_timer_start(timer);
    layout = kj_roadmap_layout_compute_graph(n, sizes, m, ends, &options);
    g_timer_stop(timer);
    g_test_message("%u nodes, %u edges: %u layers, %u crossings, %.1f ms", n, m, layout->n_layers,
                   layout->crossings, g_timer_elapsed(timer, NULL) * 1000);
    /* Generous: milliseconds are expected, even under the sanitizers. */
    g_assert_cmpfloat(g_timer_elapsed(timer, NULL), <, 2.0);

    g_assert_cmpuint(layout->n_nodes, ==, n);
    g_assert_cmpuint(layout->n_edges, ==, m);
    assert_no_overlap(layout);
    for (guint i = 0; i < n; i++) {
      g_assert_cmpfloat(layout->nodes[i].width, ==, sizes[2 * i]);
      g_assert_cmpfloat(layout->nodes[i].height, ==, sizes[2 * i + 1]);
    }
    for (guint e = 0; e < m; e++) {
      const KjLayoutPath *path = &layout->edges[e];
      guint u = ends[2 * e], v = ends[2 * e + 1];

      g_assert_cmpuint(path->n_points, >=, 2);
      g_assert_true(on_border(&layout->nodes[u], path->points[0]));
      g_assert_true(on_border(&layout->nodes[v], path->points[path->n_points - 1]));
      if (u != v && !path->reversed)
        g_assert_cmpuint(layout->layers[u], <, layout->layers[v]);
      if (u != v && path->reversed)
        g_assert_cmpuint(layout->layers[u], >, layout->layers[v]);
    }
  }
}

static void
test_layout_roadmap(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autoptr(KjRoadmapLayout) layout = NULL;
  g_autoptr(KjRoadmapLayout) empty = NULL;
  g_autoptr(KjRoadmapLayout) lr = NULL;
  KjRoadmapLayoutOptions options;
  static const char *const ids[] = { "a", "b", "c", "d", "e", "f", "g", "h" };
  static const guint layers[] = { 0, 1, 1, 2, 2, 2, 2, 2 };

  /* The concept graph of the seed's section 2.1. */
  for (guint i = 0; i < G_N_ELEMENTS(ids); i++)
    kj_test_roadmap_add(roadmap, ids[i], ids[i]);
  kj_test_roadmap_connect(roadmap, "a", "b");
  kj_test_roadmap_connect(roadmap, "a", "c");
  for (guint i = 3; i < G_N_ELEMENTS(ids); i++)
    kj_test_roadmap_connect(roadmap, "c", ids[i]);
  layout = kj_roadmap_layout_compute(roadmap, NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS(ids); i++)
    g_assert_cmpuint(layout->layers[i], ==, layers[i]);
  g_assert_cmpuint(layout->n_layers, ==, 3);
  g_assert_cmpuint(layout->crossings, ==, 0);
  g_assert_cmpfloat(layout->nodes[0].width, ==, 160);
  assert_no_overlap(layout);
  g_assert_cmpfloat(layout->nodes[0].y + layout->nodes[0].height, <, layout->nodes[1].y);
  g_assert_cmpint(kj_roadmap_layout_node_at(layout, layout->nodes[2].x + 1, layout->nodes[2].y + 1),
                  ==, 2);
  g_assert_cmpint(kj_roadmap_layout_node_at(layout, -10, -10), ==, -1);

  kj_roadmap_layout_options_init(&options);
  options.direction = KJ_ROADMAP_DIRECTION_LR;
  lr = kj_roadmap_layout_compute(roadmap, NULL, NULL, &options);
  g_assert_cmpfloat(lr->nodes[0].x + lr->nodes[0].width, <, lr->nodes[1].x);
  assert_no_overlap(lr);

  while (kj_roadmap_get_n_nodes(roadmap) > 0)
    kj_roadmap_remove_node(roadmap, kj_roadmap_get_node(roadmap, 0));
  empty = kj_roadmap_layout_compute(roadmap, NULL, NULL, NULL);
  g_assert_cmpuint(empty->n_nodes, ==, 0);
  g_assert_cmpfloat(empty->width, ==, 0);
}

/* Two crossing edges between two layers are uncrossed. */
static void
test_layout_uncrosses(void)
{
  const double sizes[] = { 10, 10, 10, 10, 10, 10, 10, 10 };
  const guint ends[] = { 0, 3, 1, 2 };
  g_autoptr(KjRoadmapLayout) layout = kj_roadmap_layout_compute_graph(4, sizes, 2, ends, NULL);

  g_assert_cmpuint(layout->crossings, ==, 0);
  g_assert_true((layout->nodes[0].x < layout->nodes[1].x) ==
                (layout->nodes[3].x < layout->nodes[2].x));
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);

  g_test_add_func("/kj/roadmap/ids", test_ids);
  g_test_add_func("/kj/roadmap/edits", test_edits);
  g_test_add_func("/kj/roadmap/groups", test_groups);
  g_test_add_func("/kj/roadmap/undo/add-remove", test_undo_add_remove);
  g_test_add_func("/kj/roadmap/undo/properties", test_undo_properties);
  g_test_add_func("/kj/roadmap/undo/merges-typing", test_undo_merges_typing);
  g_test_add_func("/kj/roadmap/undo/user-action", test_undo_user_action);
  g_test_add_func("/kj/roadmap/items-outlive-roadmap", test_items_outlive_roadmap);
  g_test_add_func("/kj/roadmap/progress", test_progress);
  g_test_add_func("/kj/roadmap/json/round-trip", test_json_round_trip);
  g_test_add_func("/kj/roadmap/json/defaults", test_json_defaults);
  g_test_add_func("/kj/roadmap/json/errors", test_json_errors);
  g_test_add_func("/kj/roadmap/json/load-replaces", test_json_load_replaces);
  g_test_add_func("/kj/roadmap/json/mutations", test_json_mutations);
  g_test_add_func("/kj/roadmap/json/deep-groups", test_json_deep_groups);
  g_test_add_func("/kj/roadmap/files", test_files);
  g_test_add_func("/kj/roadmap/files/save-is-atomic", test_save_is_atomic);
  g_test_add_func("/kj/roadmap/files/disk-full", test_save_disk_full);
  g_test_add_func("/kj/roadmap/layout/random", test_layout_random);
  g_test_add_func("/kj/roadmap/layout/roadmap", test_layout_roadmap);
  g_test_add_func("/kj/roadmap/layout/uncrosses", test_layout_uncrosses);
  return g_test_run();
}
