/* kj-fusion.h — the seed's knowledge-fusion score, generalised
 *
 * The seed (section 4) fuses programming knowledge w1 with AI knowledge w2
 * through a fusion coefficient α:  w = w1·1 + w2·α.  With any number of
 * cross-domain areas this becomes  w = w1 + Σ αᵢ·wᵢ,  every value in [0, 1].
 * With one area it is exactly the seed's formula. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;
  double weight; /* wᵢ: how much of the area is known, 0..1 */
  double alpha;  /* αᵢ: how well it fuses with programming, 0..1 */
} KjFusionTerm;

gboolean kj_fusion_check_unit(double value, const char *what, const char *name, GError **error);
gboolean kj_fusion_validate(double programming_weight, const KjFusionTerm *terms, gsize n_terms,
                            GError **error);

gboolean kj_fusion_parse_term(const char *text, char **out_name, double *out_weight,
                              double *out_alpha, GError **error);

gboolean kj_fusion_parse_unit(const char *text, double *out_value, GError **error);

double kj_fusion_contribution(const KjFusionTerm *term);
double kj_fusion_score(double programming_weight, const KjFusionTerm *terms, gsize n_terms);
double kj_fusion_max_score(const KjFusionTerm *terms, gsize n_terms);
double kj_fusion_score_with_alpha(double programming_weight, const KjFusionTerm *terms,
                                  gsize n_terms, gsize index, double alpha);

G_END_DECLS
