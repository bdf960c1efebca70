#include "config.h"

#include "kj-fusion.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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

/* Parses what a person typed into a 0..1 field.  A decimal comma is taken
 * as a point, since desktops in many locales display one. */
gboolean
kj_fusion_parse_unit(const char *text, double *out_value, GError **error)
{
  g_autofree char *normalized =
      g_strstrip(g_strdelimit(g_strdup(text != NULL ? text : ""), ",", '.'));
  double value;

  if (!kj_number_parse(normalized, &value) || value < 0.0 || value > 1.0) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE, _("“%s” is not a number from 0 to 1"),
                text != NULL ? text : "");
    return FALSE;
  }
  *out_value = value;
  return TRUE;
}

/* Parses "NAME=WEIGHT:ALPHA", as in `kuajie-cli fusion --domain AI=0.5:0.5`.
 * The last '=' splits, so a name may itself hold one. */
gboolean
kj_fusion_parse_term(const char *text, char **out_name, double *out_weight, double *out_alpha,
                     GError **error)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) values = NULL;
  const char *equals;
  double weight, alpha;

  equals = text != NULL ? strrchr(text, '=') : NULL;
  if (equals == NULL) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s” is not of the form NAME=WEIGHT:ALPHA"),
                text != NULL ? text : "");
    return FALSE;
  }
  name = g_strstrip(g_strndup(text, equals - text));
  values = g_strsplit(equals + 1, ":", -1);
  if (*name == '\0' || g_strv_length(values) != 2) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s” is not of the form NAME=WEIGHT:ALPHA"),
                text);
    return FALSE;
  }
  if (!kj_number_parse(values[0], &weight)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("The weight of “%s” is not a number: “%s”"), name, values[0]);
    return FALSE;
  }
  if (!kj_number_parse(values[1], &alpha)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("The fusion coefficient α of “%s” is not a number: “%s”"), name, values[1]);
    return FALSE;
  }
  if (!kj_fusion_check_unit(weight, _("weight"), name, error) ||
      !kj_fusion_check_unit(alpha, _("fusion coefficient α"), name, error))
    return FALSE;

  *out_name = g_steal_pointer(&name);
  *out_weight = weight;
  *out_alpha = alpha;
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

  return kj_fusion_score(programming_weight, terms, n_terms) -
         kj_fusion_contribution(&terms[index]) + terms[index].weight * alpha;
}
