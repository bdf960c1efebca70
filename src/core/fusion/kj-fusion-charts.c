#include "config.h"

#include "kj-fusion-charts.h"

#include <glib/gi18n-lib.h>

#include "kj-number.h"

#define CURVE_SAMPLES 21

enum { SERIES_CONTRIBUTION, SERIES_ATTAINABLE };

KjChart *
kj_fusion_charts_new_contributions(void)
{
  KjChart *chart = kj_chart_new(_("Contribution of Each Term"));
  g_autoptr(KjChartSeries) contribution =
      kj_chart_series_new(_("Contribution"), KJ_CHART_SERIES_BARS, 0);
  g_autoptr(KjChartSeries) attainable =
      kj_chart_series_new(_("Attainable (weight 1)"), KJ_CHART_SERIES_BARS, 1);

  kj_chart_set_y_label(chart, _("Share of the score w"));
  kj_chart_add_series(chart, contribution);
  kj_chart_add_series(chart, attainable);
  return chart;
}

/* Programming counts w1·1 (at most 1); each area αᵢ·wᵢ (at most αᵢ). */
void
kj_fusion_charts_update_contributions(KjChart *chart, KjFusionModel *model)
{
  g_autoptr(GArray) terms = kj_fusion_model_dup_terms(model);
  g_autoptr(GPtrArray) labels = g_ptr_array_new();
  g_autoptr(GArray) parts = g_array_new(FALSE, FALSE, sizeof(KjChartPoint));
  g_autoptr(GArray) limits = g_array_new(FALSE, FALSE, sizeof(KjChartPoint));
  KjChartPoint point = { 0, kj_fusion_model_get_programming_weight(model) };
  KjChartPoint limit = { 0, 1.0 };

  g_ptr_array_add(labels, (gpointer)_("Programming"));
  g_array_append_val(parts, point);
  g_array_append_val(limits, limit);
  for (guint i = 0; i < terms->len; i++) {
    KjFusionTerm *term = &g_array_index(terms, KjFusionTerm, i);

    point = (KjChartPoint){ i + 1, kj_fusion_contribution(term) };
    limit = (KjChartPoint){ i + 1, term->alpha };
    g_ptr_array_add(labels, (gpointer)term->name);
    g_array_append_val(parts, point);
    g_array_append_val(limits, limit);
  }
  g_ptr_array_add(labels, NULL);

  kj_chart_set_categories(chart, (const char *const *)labels->pdata);
  kj_chart_set_y_range(chart, 0.0, 1.0);
  kj_chart_series_set_points(kj_chart_get_series(chart, SERIES_CONTRIBUTION),
                             (KjChartPoint *)(gpointer)parts->data, parts->len);
  kj_chart_series_set_points(kj_chart_get_series(chart, SERIES_ATTAINABLE),
                             (KjChartPoint *)(gpointer)limits->data, limits->len);
}

KjChart *
kj_fusion_charts_new_curve(void)
{
  KjChart *chart = kj_chart_new(_("Score w as α Varies"));
  g_autoptr(KjChartSeries) curve = kj_chart_series_new(_("Score w"), KJ_CHART_SERIES_LINE, 0);

  kj_chart_set_y_label(chart, _("Score w"));
  kj_chart_set_x_label(chart, _("Fusion coefficient α"));
  kj_chart_set_x_range(chart, 0.0, 1.0);
  kj_chart_add_series(chart, curve);
  return chart;
}

void
kj_fusion_charts_update_curve(KjChart *chart, KjFusionModel *model, KjFusionArea *area)
{
  KjChartSeries *curve = kj_chart_get_series(chart, 0);
  g_autoptr(GArray) terms = kj_fusion_model_dup_terms(model);
  KjChartPoint points[CURVE_SAMPLES];
  double w1 = kj_fusion_model_get_programming_weight(model);
  g_autofree char *x_label = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *score = NULL;
  guint index;

  kj_chart_set_y_range(chart, 0.0, kj_fusion_model_get_max_score(model));
  if (area == NULL ||
      kj_fusion_model_find_area(model, kj_fusion_area_get_name(area), &index) != area) {
    kj_chart_set_x_label(chart, _("Fusion coefficient α"));
    kj_chart_series_clear(curve);
    kj_chart_clear_marker(chart);
    return;
  }

  for (guint i = 0; i < CURVE_SAMPLES; i++) {
    double alpha = (double)i / (CURVE_SAMPLES - 1);

    points[i] =
        (KjChartPoint){ alpha, kj_fusion_score_with_alpha(w1, (KjFusionTerm *)(gpointer)terms->data,
                                                          terms->len, index, alpha) };
  }
  kj_chart_series_set_points(curve, points, CURVE_SAMPLES);

  /* Translators: the x axis of the curve, %s is an area such as "Blockchain" */
  x_label = g_strdup_printf(_("Fusion coefficient α of “%s”"), kj_fusion_area_get_name(area));
  kj_chart_set_x_label(chart, x_label);
  score = kj_number_format(kj_fusion_model_get_score(model), 4);
  marker = g_strdup_printf("w = %s", score);
  kj_chart_set_marker(chart, kj_fusion_area_get_alpha(area), kj_fusion_model_get_score(model),
                      marker);
}
