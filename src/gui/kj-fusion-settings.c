#include "config.h"

#include "kj-fusion-settings.h"

/* Until the user changes something, the page shows the built-in areas,
 * whose names follow the desktop's language ("fusion-customized" false). */
KjFusionModel *
kj_fusion_settings_load(GSettings *settings)
{
  g_autoptr(GVariant) areas = g_settings_get_value(settings, "fusion-areas");
  KjFusionModel *model;
  GVariantIter iter;
  const char *name;
  double weight, alpha;

  if (!g_settings_get_boolean(settings, "fusion-customized"))
    return kj_fusion_model_new_default();

  model = kj_fusion_model_new();
  kj_fusion_model_set_programming_weight(
      model, g_settings_get_double(settings, "fusion-programming-weight"), NULL);
  g_variant_iter_init(&iter, areas);
  /* Entries that fail validation (hand-edited settings) are skipped. */
  while (g_variant_iter_next(&iter, "(&sdd)", &name, &weight, &alpha))
    kj_fusion_model_add_area(model, name, weight, alpha, NULL);
  return model;
}

static gboolean
same_as_default(KjFusionModel *model)
{
  g_autoptr(KjFusionModel) fallback = kj_fusion_model_new_default();
  g_autoptr(GArray) a = kj_fusion_model_dup_terms(model);
  g_autoptr(GArray) b = kj_fusion_model_dup_terms(fallback);

  if (a->len != b->len || kj_fusion_model_get_programming_weight(model) !=
                              kj_fusion_model_get_programming_weight(fallback))
    return FALSE;
  for (guint i = 0; i < a->len; i++) {
    KjFusionTerm *x = &g_array_index(a, KjFusionTerm, i);
    KjFusionTerm *y = &g_array_index(b, KjFusionTerm, i);

    if (g_strcmp0(x->name, y->name) != 0 || x->weight != y->weight || x->alpha != y->alpha)
      return FALSE;
  }
  return TRUE;
}

void
kj_fusion_settings_save(GSettings *settings, KjFusionModel *model)
{
  g_autoptr(GArray) terms = kj_fusion_model_dup_terms(model);
  gboolean customized = !same_as_default(model);
  GVariantBuilder builder;

  g_variant_builder_init(&builder, G_VARIANT_TYPE("a(sdd)"));
  for (guint i = 0; customized && i < terms->len; i++) {
    KjFusionTerm *term = &g_array_index(terms, KjFusionTerm, i);
    g_variant_builder_add(&builder, "(sdd)", term->name, term->weight, term->alpha);
  }

  g_settings_delay(settings);
  g_settings_set_boolean(settings, "fusion-customized", customized);
  g_settings_set_double(settings, "fusion-programming-weight",
                        kj_fusion_model_get_programming_weight(model));
  g_settings_set_value(settings, "fusion-areas", g_variant_builder_end(&builder));
  g_settings_apply(settings);
}
