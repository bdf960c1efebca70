/* kuajie-cli fusion — the knowledge-fusion score from the command line */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "kj-cli.h"
#include "kj-fusion.h"
#include "kj-number.h"

#define DECIMALS 6

static void
print_text(double w1, const KjFusionTerm *terms, gsize n_terms)
{
  g_autofree char *w1_text = kj_number_format(w1, DECIMALS);
  g_autofree char *score = kj_number_format(kj_fusion_score(w1, terms, n_terms), DECIMALS);
  g_autofree char *max_score = kj_number_format(kj_fusion_max_score(terms, n_terms), DECIMALS);

  printf("%s\n", _("Knowledge fusion: w = w1·1 + Σ αᵢ·wᵢ"));
  printf("  %s: %s × 1 = %s\n", _("Programming (w1)"), w1_text, w1_text);
  for (gsize i = 0; i < n_terms; i++) {
    g_autofree char *weight = kj_number_format(terms[i].weight, DECIMALS);
    g_autofree char *alpha = kj_number_format(terms[i].alpha, DECIMALS);
    g_autofree char *part = kj_number_format(kj_fusion_contribution(&terms[i]), DECIMALS);

    printf("  %s: %s × %s = %s\n", terms[i].name, weight, alpha, part);
  }
  printf(_("Score w = %s (maximum attainable %s)\n"), score, max_score);
}

static void
print_json(double w1, const KjFusionTerm *terms, gsize n_terms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new();
  g_autoptr(JsonGenerator) generator = json_generator_new();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object(builder);
  json_builder_set_member_name(builder, "score");
  json_builder_add_double_value(builder, kj_fusion_score(w1, terms, n_terms));
  json_builder_set_member_name(builder, "max_score");
  json_builder_add_double_value(builder, kj_fusion_max_score(terms, n_terms));
  json_builder_set_member_name(builder, "programming_weight");
  json_builder_add_double_value(builder, w1);
  json_builder_set_member_name(builder, "domains");
  json_builder_begin_array(builder);
  for (gsize i = 0; i < n_terms; i++) {
    json_builder_begin_object(builder);
    json_builder_set_member_name(builder, "name");
    json_builder_add_string_value(builder, terms[i].name);
    json_builder_set_member_name(builder, "weight");
    json_builder_add_double_value(builder, terms[i].weight);
    json_builder_set_member_name(builder, "alpha");
    json_builder_add_double_value(builder, terms[i].alpha);
    json_builder_set_member_name(builder, "contribution");
    json_builder_add_double_value(builder, kj_fusion_contribution(&terms[i]));
    json_builder_end_object(builder);
  }
  json_builder_end_array(builder);
  json_builder_end_object(builder);

  root = json_builder_get_root(builder);
  json_generator_set_root(generator, root);
  text = json_generator_to_data(generator, NULL);
  printf("%s\n", text);
}

int
kj_cli_fusion(int argc, char **argv)
{
  g_autofree char *w1_text = NULL;
  g_auto(GStrv) domains = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "w1", 0, 0, G_OPTION_ARG_STRING, &w1_text, N_("Programming-knowledge weight, 0 to 1"),
      "WEIGHT" },
    { "domain", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &domains,
      N_("A cross-domain area with its weight and fusion coefficient α (repeatable)"),
      "NAME=WEIGHT:ALPHA" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) terms = g_array_new(FALSE, FALSE, sizeof(KjFusionTerm));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
  double w1;

  if (!kj_cli_parse_options("fusion", NULL,
                            _("Compute the knowledge-fusion score w = w1 + Σ αᵢ·wᵢ.\n"
                              "With one area this is the seed's w = w1·1 + w2·α."),
                            entries, &argc, &argv))
    return 1;
  if (argc > 1) {
    kj_cli_error("fusion", _("Unexpected argument “%s”"), argv[1]);
    return 1;
  }
  if (w1_text == NULL) {
    kj_cli_error("fusion", _("Missing --w1 WEIGHT"));
    return 1;
  }
  if (!kj_number_parse(w1_text, &w1)) {
    kj_cli_error("fusion", _("--w1 is not a number: “%s”"), w1_text);
    return 1;
  }

  for (guint i = 0; domains != NULL && domains[i] != NULL; i++) {
    KjFusionTerm term = { 0 };
    char *name = NULL;

    if (!kj_fusion_parse_term(domains[i], &name, &term.weight, &term.alpha, &error)) {
      kj_cli_error("fusion", "%s", error->message);
      return 1;
    }
    g_ptr_array_add(names, name);
    term.name = name;
    g_array_append_val(terms, term);
  }

  if (!kj_fusion_validate(w1, (KjFusionTerm *)(gpointer)terms->data, terms->len, &error)) {
    kj_cli_error("fusion", "%s", error->message);
    return 1;
  }

  if (json)
    print_json(w1, (KjFusionTerm *)(gpointer)terms->data, terms->len);
  else
    print_text(w1, (KjFusionTerm *)(gpointer)terms->data, terms->len);
  return 0;
}
