#include "kj-error.h"
#include "kj-fusion-model.h"
#include "kj-fusion-roadmap.h"
#include "kj-fusion.h"

#include <math.h>

/* Section 4.3 of the seed: w1 = 0.5, w2 = 0.5, α = 0.5 gives w = 0.75. */
static void
test_seed_example(void)
{
  KjFusionTerm ai = { "AI", 0.5, 0.5 };
  g_autoptr(GError) error = NULL;

  g_assert_true(kj_fusion_validate(0.5, &ai, 1, &error));
  g_assert_no_error(error);
  g_assert_cmpfloat(kj_fusion_score(0.5, &ai, 1), ==, 0.75);
  g_assert_cmpfloat(kj_fusion_contribution(&ai), ==, 0.25);
  g_assert_cmpfloat(kj_fusion_max_score(&ai, 1), ==, 1.5);
}

/* One area is exactly w = w1·1 + w2·α for every value on a grid. */
static void
test_one_area_is_seed_formula(void)
{
  for (int i = 0; i <= 10; i++)
    for (int j = 0; j <= 10; j++)
      for (int k = 0; k <= 10; k++) {
        double w1 = i / 10.0, w2 = j / 10.0, alpha = k / 10.0;
        KjFusionTerm term = { "AI", w2, alpha };

        g_assert_cmpfloat(kj_fusion_score(w1, &term, 1), ==, w1 * 1 + w2 * alpha);
      }
}

static void
test_generalised(void)
{
  KjFusionTerm terms[] = {
    { "AI", 0.8, 0.9 },
    { "Data science", 0.6, 0.5 },
    { "Blockchain", 0.2, 0.3 },
    { "IoT", 0.0, 1.0 },
  };
  double expected = 0.4 + 0.8 * 0.9 + 0.6 * 0.5 + 0.2 * 0.3 + 0.0;

  g_assert_true(kj_fusion_validate(0.4, terms, G_N_ELEMENTS(terms), NULL));
  g_assert_cmpfloat_with_epsilon(kj_fusion_score(0.4, terms, 4), expected, 1e-12);
  g_assert_cmpfloat_with_epsilon(kj_fusion_max_score(terms, 4), 1 + 0.9 + 0.5 + 0.3 + 1.0, 1e-12);
  /* No areas: the score is the programming weight alone. */
  g_assert_cmpfloat(kj_fusion_score(0.4, NULL, 0), ==, 0.4);
  g_assert_cmpfloat(kj_fusion_max_score(NULL, 0), ==, 1.0);
  /* The curve over α for one area passes through the current score. */
  g_assert_cmpfloat_with_epsilon(kj_fusion_score_with_alpha(0.4, terms, 4, 1, 0.5), expected,
                                 1e-12);
  g_assert_cmpfloat_with_epsilon(kj_fusion_score_with_alpha(0.4, terms, 4, 1, 1.0),
                                 expected + 0.6 * 0.5, 1e-12);
}

static void
test_bounds(void)
{
  KjFusionTerm edge[] = { { "A", 0.0, 0.0 }, { "B", 1.0, 1.0 } };

  g_assert_true(kj_fusion_validate(0.0, edge, 2, NULL));
  g_assert_true(kj_fusion_validate(1.0, edge, 2, NULL));
  g_assert_cmpfloat(kj_fusion_score(1.0, edge, 2), ==, kj_fusion_max_score(edge, 2));
}

static void
test_bad_input(void)
{
  struct {
    double w1;
    KjFusionTerm term;
    int code;
  } cases[] = {
    { 1.5, { "AI", 0.5, 0.5 }, KJ_ERROR_INVALID_VALUE },
    { -0.1, { "AI", 0.5, 0.5 }, KJ_ERROR_INVALID_VALUE },
    { NAN, { "AI", 0.5, 0.5 }, KJ_ERROR_INVALID_VALUE },
    { 0.5, { "AI", INFINITY, 0.5 }, KJ_ERROR_INVALID_VALUE },
    { 0.5, { "AI", 0.5, -INFINITY }, KJ_ERROR_INVALID_VALUE },
    { 0.5, { "AI", 0.5, NAN }, KJ_ERROR_INVALID_VALUE },
    { 0.5, { "AI", 1.0000001, 0.5 }, KJ_ERROR_INVALID_VALUE },
    { 0.5, { "AI", 0.5, 2.0 }, KJ_ERROR_INVALID_VALUE },
    { 0.5, { "  ", 0.5, 0.5 }, KJ_ERROR_INVALID_NAME },
    { 0.5, { NULL, 0.5, 0.5 }, KJ_ERROR_INVALID_NAME },
  };

  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(GError) error = NULL;

    g_assert_false(kj_fusion_validate(cases[i].w1, &cases[i].term, 1, &error));
    g_assert_error(error, KJ_ERROR, cases[i].code);
    g_assert_cmpstr(error->message, !=, "");
    /* A bad area value names the area it belongs to. */
    if (isfinite(cases[i].w1) && cases[i].w1 >= 0 && cases[i].w1 <= 1 &&
        cases[i].code == KJ_ERROR_INVALID_VALUE)
      g_assert_nonnull(strstr(error->message, cases[i].term.name));
  }
}

static void
test_duplicate_names(void)
{
  KjFusionTerm terms[] = { { "AI", 0.5, 0.5 }, { "AI", 0.1, 0.1 } };
  g_autoptr(GError) error = NULL;

  g_assert_false(kj_fusion_validate(0.5, terms, 2, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_assert_nonnull(strstr(error->message, "AI"));
}

static void
test_parse_term(void)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  double weight = -1, alpha = -1;
  const char *bad[] = { "AI",        "AI=",      "=0.5:0.5",   "AI=0.5",    "AI=0.5:0.5:0.5",
                        "AI=x:0.5",  "AI=0.5:y", "AI=1.5:0.5", "AI=0.5:-1", "AI=nan:0.5",
                        "AI=0.5:inf" };

  g_assert_true(kj_fusion_parse_term("AI=0.5:0.5", &name, &weight, &alpha, &error));
  g_assert_no_error(error);
  g_assert_cmpstr(name, ==, "AI");
  g_assert_cmpfloat(weight, ==, 0.5);
  g_assert_cmpfloat(alpha, ==, 0.5);
  g_clear_pointer(&name, g_free);

  g_assert_true(kj_fusion_parse_term("a=b=1:0", &name, &weight, &alpha, NULL));
  g_assert_cmpstr(name, ==, "a=b");
  g_clear_pointer(&name, g_free);
  g_assert_true(kj_fusion_parse_term("人工智能=0.8:0.25", &name, &weight, &alpha, NULL));
  g_assert_cmpstr(name, ==, "人工智能");
  g_assert_cmpfloat(alpha, ==, 0.25);
  g_clear_pointer(&name, g_free);

  for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
    g_assert_false(kj_fusion_parse_term(bad[i], &name, &weight, &alpha, &error));
    g_assert_nonnull(error);
    g_assert_null(name);
    g_clear_error(&error);
  }
}

static void
test_parse_unit(void)
{
  double value = -1;
  g_autoptr(GError) error = NULL;
  const char *bad[] = { "", "abc", "1.01", "-0.5", "nan", "0.5.5" };

  g_assert_true(kj_fusion_parse_unit("0.25", &value, NULL));
  g_assert_cmpfloat(value, ==, 0.25);
  g_assert_true(kj_fusion_parse_unit(" 0,75 ", &value, NULL));
  g_assert_cmpfloat(value, ==, 0.75);
  g_assert_true(kj_fusion_parse_unit("1", &value, NULL));
  g_assert_cmpfloat(value, ==, 1.0);
  for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
    value = 0.5;
    g_assert_false(kj_fusion_parse_unit(bad[i], &value, &error));
    g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
    g_assert_cmpfloat(value, ==, 0.5);
    g_clear_error(&error);
  }
}

static void
count_notify(GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_model_default(void)
{
  g_autoptr(KjFusionModel) model = kj_fusion_model_new_default();

  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, 4);
  g_assert_cmpfloat(kj_fusion_model_get_score(model), ==, 0.75);
  g_assert_cmpfloat(kj_fusion_model_get_max_score(model), ==, 3.0);
  g_assert_finalize_object(g_steal_pointer(&model));
}

static void
count_changed(guint *count)
{
  (*count)++;
}

static void
test_model_live_score(void)
{
  g_autoptr(KjFusionModel) model = kj_fusion_model_new();
  g_autoptr(GError) error = NULL;
  KjFusionArea *ai, *iot;
  guint notified = 0, changed = 0;

  g_signal_connect(model, "notify::score", G_CALLBACK(count_notify), &notified);
  g_signal_connect_swapped(model, "changed", G_CALLBACK(count_changed), &changed);
  g_assert_cmpfloat(kj_fusion_model_get_score(model), ==, 0.5);

  ai = kj_fusion_model_add_area(model, "AI", 0.5, 0.5, &error);
  g_assert_no_error(error);
  g_assert_cmpfloat(kj_fusion_model_get_score(model), ==, 0.75);
  g_assert_cmpuint(notified, ==, 1);
  g_assert_cmpuint(changed, ==, 1);

  g_assert_true(kj_fusion_area_set_alpha(ai, 1.0, NULL));
  g_assert_cmpfloat(kj_fusion_model_get_score(model), ==, 1.0);
  g_object_set(ai, "weight", 0.25, NULL);
  g_assert_cmpfloat(kj_fusion_model_get_score(model), ==, 0.75);

  iot = kj_fusion_model_add_area(model, " IoT ", 1.0, 0.2, NULL);
  g_assert_cmpstr(kj_fusion_area_get_name(iot), ==, "IoT");
  g_assert_cmpfloat_with_epsilon(kj_fusion_model_get_score(model), 0.95, 1e-12);

  /* Out of range and non-finite values are refused and change nothing. */
  g_assert_false(kj_fusion_area_set_weight(iot, 1.5, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_clear_error(&error);
  g_assert_false(kj_fusion_area_set_alpha(iot, NAN, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_clear_error(&error);
  g_assert_false(kj_fusion_model_set_programming_weight(model, -1, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_clear_error(&error);
  g_assert_cmpfloat_with_epsilon(kj_fusion_model_get_score(model), 0.95, 1e-12);

  /* One "changed" per edit, even when the score stays the same. */
  changed = 0;
  g_assert_true(kj_fusion_area_set_alpha(iot, 0.9, NULL));
  g_assert_true(kj_fusion_area_set_weight(iot, 0.5, NULL));
  g_assert_true(kj_fusion_area_set_alpha(iot, 0.4, NULL));
  g_assert_true(kj_fusion_model_rename_area(model, iot, "Things", NULL));
  g_assert_cmpuint(changed, ==, 4);
  g_assert_true(kj_fusion_area_set_weight(iot, 1.0, NULL));
  g_assert_true(kj_fusion_area_set_alpha(iot, 0.2, NULL));

  kj_fusion_model_remove_area(model, 0);
  g_assert_cmpfloat_with_epsilon(kj_fusion_model_get_score(model), 0.7, 1e-12);
  kj_fusion_model_remove_all(model);
  g_assert_cmpfloat(kj_fusion_model_get_score(model), ==, 0.5);
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, 0);
  g_assert_finalize_object(g_steal_pointer(&model));
}

static void
test_model_names(void)
{
  g_autoptr(KjFusionModel) model = kj_fusion_model_new();
  g_autoptr(GError) error = NULL;
  g_autofree char *suggested = NULL;
  KjFusionArea *ai, *iot;
  guint position = 99;

  ai = kj_fusion_model_add_area(model, "AI", 0.5, 0.5, NULL);
  iot = kj_fusion_model_add_area(model, "IoT", 0.5, 0.5, NULL);

  g_assert_null(kj_fusion_model_add_area(model, "AI", 0.1, 0.1, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);
  g_assert_null(kj_fusion_model_add_area(model, "Quantum", 2.0, 0.1, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_clear_error(&error);
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, 2);

  g_assert_false(kj_fusion_model_rename_area(model, iot, "AI", &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);
  g_assert_false(kj_fusion_model_rename_area(model, iot, "   ", &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);
  g_assert_true(kj_fusion_model_rename_area(model, ai, "AI", NULL));
  g_assert_true(kj_fusion_model_rename_area(model, iot, "物联网", NULL));
  g_assert_true(kj_fusion_model_find_area(model, "物联网", &position) == iot);
  g_assert_cmpuint(position, ==, 1);

  /* Insertion keeps order; a position past the end appends. */
  g_assert_nonnull(kj_fusion_model_insert_area(model, 0, "Data", 0.1, 0.2, NULL));
  g_assert_nonnull(kj_fusion_model_insert_area(model, 99, "Last", 0.1, 0.2, NULL));
  g_assert_nonnull(kj_fusion_model_find_area(model, "Data", &position));
  g_assert_cmpuint(position, ==, 0);
  g_assert_nonnull(kj_fusion_model_find_area(model, "Last", &position));
  g_assert_cmpuint(position, ==, 3);
  g_assert_null(kj_fusion_model_insert_area(model, 1, "Data", 0.1, 0.2, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME);
  g_clear_error(&error);

  suggested = kj_fusion_model_suggest_name(model);
  g_assert_null(kj_fusion_model_find_area(model, suggested, NULL));
  g_assert_finalize_object(g_steal_pointer(&model));
}

static KjRoadmapNode *
add_topic(KjRoadmap *roadmap, const char *title, const char *domain, KjRoadmapStatus status)
{
  KjRoadmapNode *node = kj_roadmap_create_node(roadmap, title, KJ_ROADMAP_NODE_KIND_SKILL);

  kj_roadmap_node_set_domain(node, domain);
  kj_roadmap_node_set_status(node, status);
  return node;
}

/* w1 from the programming domain, areas from the domains of their names,
 * the rest untouched; α never changes. */
static void
test_follow_roadmap(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autoptr(KjFusionModel) model = kj_fusion_model_new();
  KjRoadmapNode *domain;
  KjFusionArea *ai, *art, *iot;

  domain = kj_roadmap_node_new("programming");
  kj_roadmap_node_set_kind(domain, KJ_ROADMAP_NODE_KIND_DOMAIN);
  kj_roadmap_node_set_status(domain, KJ_ROADMAP_STATUS_DONE);
  g_assert_true(kj_roadmap_add_node(roadmap, domain, NULL));
  g_object_unref(domain);
  add_topic(roadmap, "C", "programming", KJ_ROADMAP_STATUS_NOT_STARTED);

  domain = kj_roadmap_create_node(roadmap, "Artificial intelligence", KJ_ROADMAP_NODE_KIND_DOMAIN);
  add_topic(roadmap, "CNN", kj_roadmap_node_get_id(domain), KJ_ROADMAP_STATUS_DONE);
  add_topic(roadmap, "RNN", kj_roadmap_node_get_id(domain), KJ_ROADMAP_STATUS_LEARNING);
  add_topic(roadmap, "GAN", kj_roadmap_node_get_id(domain), KJ_ROADMAP_STATUS_SKIPPED);

  domain = kj_roadmap_create_node(roadmap, "物联网", KJ_ROADMAP_NODE_KIND_DOMAIN);
  kj_roadmap_node_set_status(domain, KJ_ROADMAP_STATUS_DONE);

  kj_fusion_model_set_programming_weight(model, 0.1, NULL);
  ai = kj_fusion_model_add_area(model, "ARTIFICIAL INTELLIGENCE", 0.9, 0.25, NULL);
  art = kj_fusion_model_add_area(model, "Art", 0.7, 0.5, NULL);

  g_assert_cmpuint(kj_fusion_model_follow_roadmap(model, roadmap, FALSE), ==, 2);
  /* programming: the domain node done, C not: 1 of 2 */
  g_assert_cmpfloat_with_epsilon(kj_fusion_model_get_programming_weight(model), 0.5, 1e-12);
  /* AI: the domain node and CNN, RNN; GAN skipped: 1 of 3 */
  g_assert_cmpfloat_with_epsilon(kj_fusion_area_get_weight(ai), 1.0 / 3.0, 1e-12);
  g_assert_cmpfloat(kj_fusion_area_get_alpha(ai), ==, 0.25);
  g_assert_cmpfloat(kj_fusion_area_get_weight(art), ==, 0.7);
  g_assert_null(kj_fusion_model_find_area(model, "物联网", NULL));

  g_assert_cmpuint(kj_fusion_model_follow_roadmap(model, roadmap, TRUE), ==, 3);
  iot = kj_fusion_model_find_area(model, "物联网", NULL);
  g_assert_nonnull(iot);
  g_assert_cmpfloat(kj_fusion_area_get_weight(iot), ==, 1.0);
  g_assert_cmpfloat(kj_fusion_area_get_alpha(iot), ==, 0.5);
  /* Adding is done once: no second area for the same domain. */
  g_assert_cmpuint(kj_fusion_model_follow_roadmap(model, roadmap, TRUE), ==, 3);
  g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(model)), ==, 3);

  /* The score follows progress as it changes. */
  kj_roadmap_node_set_status(kj_roadmap_lookup_node(roadmap, "rnn"), KJ_ROADMAP_STATUS_DONE);
  kj_fusion_model_follow_roadmap(model, roadmap, FALSE);
  g_assert_cmpfloat_with_epsilon(kj_fusion_area_get_weight(ai), 2.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(kj_fusion_model_get_score(model),
                                 0.5 + 2.0 / 3.0 * 0.25 + 0.7 * 0.5 + 1.0 * 0.5, 1e-12);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/fusion/seed-example", test_seed_example);
  g_test_add_func("/kj/fusion/one-area-is-seed-formula", test_one_area_is_seed_formula);
  g_test_add_func("/kj/fusion/generalised", test_generalised);
  g_test_add_func("/kj/fusion/bounds", test_bounds);
  g_test_add_func("/kj/fusion/bad-input", test_bad_input);
  g_test_add_func("/kj/fusion/duplicate-names", test_duplicate_names);
  g_test_add_func("/kj/fusion/parse-term", test_parse_term);
  g_test_add_func("/kj/fusion/parse-unit", test_parse_unit);
  g_test_add_func("/kj/fusion/model/default", test_model_default);
  g_test_add_func("/kj/fusion/model/live-score", test_model_live_score);
  g_test_add_func("/kj/fusion/model/names", test_model_names);
  g_test_add_func("/kj/fusion/follow-roadmap", test_follow_roadmap);
  return g_test_run();
}
