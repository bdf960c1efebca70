#include "config.h"

#include "kj-fusion.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kj-error.h"
#include "kj-number.h"

/* what: a translated noun ("weight", "fusion coefficient α");
 * name: the area it belongs to, or NULL for the programming weight. */
gboolean
kj_fusion_check_unit(double value, const char *what, const char *name, GError **error)
{
  g_autofree char *shown = NULL;

  if (!isfinite(value)) {
    if (name != NULL)
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                  _("The %s of “%s” must be a finite number"), what, name);
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE, _("The %s must be a finite number"),
                  what);
    return FALSE;
  }
  if (value < 0.0 || value > 1.0) {
    shown = kj_number_format(value, 6);
    if (name != NULL)
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                  _("The %s of “%s” must be between 0 and 1, not %s"), what, name, shown);
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                  _("The %s must be between 0 and 1, not %s"), what, shown);
    return FALSE;
  }
  return TRUE;
}

gboolean
kj_fusion_validate(double programming_weight, const KjFusionTerm *terms, gsize n_terms,
                   GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

  if (!kj_fusion_check_unit(programming_weight, _("programming weight w1"), NULL, error))
    return FALSE;

  for (gsize i = 0; i < n_terms; i++) {
    const KjFusionTerm *term = &terms[i];
    g_autofree char *stripped = g_strstrip(g_strdup(term->name != NULL ? term->name : ""));

    if (*stripped == '\0') {
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("Area %zu has no name"), i + 1);
      return FALSE;
    }
    if (!g_hash_table_add(seen, (gpointer)term->name)) {
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("The area “%s” appears twice"),
                  term->name);
      return FALSE;
    }
    if (!kj_fusion_check_unit(term->weight, _("weight"), term->name, error) ||
        !kj_fusion_check_unit(term->alpha, _("fusion coefficient α"), term->name, error))
      return FALSE;
  }
  return TRUE;
}

double
kj_fusion_contribution(const KjFusionTerm *term)
{
  return term->weight * term->alpha;
}

/* w = w1·1 + Σ wᵢ·αᵢ */
double
kj_fusion_score(double programming_weight, const KjFusionTerm *terms, gsize n_terms)
{
  double score = programming_weight * 1.0;

  for (gsize i = 0; i < n_terms; i++)
    score += kj_fusion_contribution(&terms[i]);
  return score;
}

/* The best score these coefficients allow: every weight at 1. */
double
kj_fusion_max_score(const KjFusionTerm *terms, gsize n_terms)
{
  double max_score = 1.0;

  for (gsize i = 0; i < n_terms; i++)
    max_score += terms[i].alpha;
  return max_score;
}

/* The score if area `index` had coefficient `alpha`: w is linear in each αᵢ,
 * which is what the Fusion page's curve shows. */
double
kj_fusion_score_with_alpha(double programming_weight, const KjFusionTerm *terms, gsize n_terms,
                           gsize index, double alpha)
{
  g_return_val_if_fail(index < n_terms, NAN);

  return kj_fusion_score(programming_weight, terms, n_terms) - kj_fusion_contribution(&terms[index]) +
         terms[index].weight * alpha;
}
