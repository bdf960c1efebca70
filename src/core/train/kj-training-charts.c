#include "config.h"

#include "kj-training-charts.h"

#include <glib/gi18n-lib.h>
#include <math.h>

struct _KjTrainingCharts {
  GObject parent_instance;

  KjChart *loss;
  KjChart *accuracy;
  KjChart *learning_rate;

  /* Smoothing state: the biased average and the weight it has gathered. */
  double smoothed;
  double smoothed_weight;
};

G_DEFINE_FINAL_TYPE(KjTrainingCharts, kj_training_charts, G_TYPE_OBJECT)

static void
add_series(KjChart *chart, const char *name, guint color, gboolean faint)
{
  g_autoptr(KjChartSeries) series = kj_chart_series_new(name, KJ_CHART_SERIES_LINE, color);

  kj_chart_series_set_faint(series, faint);
  kj_chart_add_series(chart, series);
}

static KjChart *
new_chart(const char *title, const char *y_label)
{
  KjChart *chart = kj_chart_new(title);

  kj_chart_set_x_label(chart, _("Epoch"));
  kj_chart_set_y_label(chart, y_label);
  return chart;
}

static void
kj_training_charts_finalize(GObject *object)
{
  KjTrainingCharts *self = KJ_TRAINING_CHARTS(object);

  g_clear_object(&self->loss);
  g_clear_object(&self->accuracy);
  g_clear_object(&self->learning_rate);
  G_OBJECT_CLASS(kj_training_charts_parent_class)->finalize(object);
}

static void
kj_training_charts_class_init(KjTrainingChartsClass *klass)
{
  G_OBJECT_CLASS(klass)->finalize = kj_training_charts_finalize;
}

static void
kj_training_charts_init(KjTrainingCharts *self)
{
  /* The order of the series is the order of the enums in the header. */
  self->loss = new_chart(_("Loss"), _("Cross-entropy loss"));
  add_series(self->loss, _("Each batch"), 0, TRUE);
  add_series(self->loss, _("Smoothed"), 0, FALSE);
  add_series(self->loss, _("Training (epoch)"), 1, FALSE);
  add_series(self->loss, _("Validation (epoch)"), 2, FALSE);

  self->accuracy = new_chart(_("Accuracy"), _("Share classified correctly"));
  add_series(self->accuracy, _("Training"), 1, FALSE);
  add_series(self->accuracy, _("Validation"), 2, FALSE);
  add_series(self->accuracy, _("Test"), 3, FALSE);

  self->learning_rate = new_chart(_("Learning Rate"), _("Learning rate"));
  add_series(self->learning_rate, _("Learning rate"), 4, FALSE);
  kj_chart_set_legend_visible(self->learning_rate, FALSE);
}

KjTrainingCharts *
kj_training_charts_new(void)
{
  return g_object_new(KJ_TYPE_TRAINING_CHARTS, NULL);
}

KjChart *
kj_training_charts_get_loss(KjTrainingCharts *self)
{
  g_return_val_if_fail(KJ_IS_TRAINING_CHARTS(self), NULL);
  return self->loss;
}

KjChart *
kj_training_charts_get_accuracy(KjTrainingCharts *self)
{
  g_return_val_if_fail(KJ_IS_TRAINING_CHARTS(self), NULL);
  return self->accuracy;
}

KjChart *
kj_training_charts_get_learning_rate(KjTrainingCharts *self)
{
  g_return_val_if_fail(KJ_IS_TRAINING_CHARTS(self), NULL);
  return self->learning_rate;
}

static void
clear_chart(KjChart *chart)
{
  for (guint i = 0; i < kj_chart_get_n_series(chart); i++)
    kj_chart_series_clear(kj_chart_get_series(chart, i));
}

void
kj_training_charts_reset(KjTrainingCharts *self)
{
  g_return_if_fail(KJ_IS_TRAINING_CHARTS(self));

  clear_chart(self->loss);
  clear_chart(self->accuracy);
  clear_chart(self->learning_rate);
  self->smoothed = 0.0;
  self->smoothed_weight = 0.0;
}

static void
append_finite(KjChart *chart, guint series, double x, double y)
{
  if (isfinite(y))
    kj_chart_series_append(kj_chart_get_series(chart, series), x, y);
}

double
kj_training_charts_smoothing(guint n_batches)
{
  /* About a tenth of an epoch: 0.989 for Fashion-MNIST's 938 batches,
   * none at all for a handful. */
  return CLAMP(1.0 - 10.0 / MAX(n_batches, 1u), 0.0, 0.99);
}

void
kj_training_charts_add_batch(KjTrainingCharts *self, const KjBatchReport *report)
{
  double x;

  g_return_if_fail(KJ_IS_TRAINING_CHARTS(self));
  g_return_if_fail(report != NULL && report->n_batches > 0 && report->epoch > 0);

  x = (report->epoch - 1) + (double)report->batch / report->n_batches;
  append_finite(self->loss, KJ_LOSS_SERIES_BATCH, x, report->loss);
  if (isfinite(report->loss)) {
    /* Debiased like Adam's moments, so the curve starts at the first loss
     * instead of climbing from zero. */
    double beta = kj_training_charts_smoothing(report->n_batches);

    self->smoothed = beta * self->smoothed + (1.0 - beta) * report->loss;
    self->smoothed_weight = beta * self->smoothed_weight + (1.0 - beta);
    append_finite(self->loss, KJ_LOSS_SERIES_SMOOTHED, x, self->smoothed / self->smoothed_weight);
  }
  append_finite(self->learning_rate, 0, x, report->learning_rate);
}

void
kj_training_charts_add_epoch(KjTrainingCharts *self, const KjEpochReport *report)
{
  g_return_if_fail(KJ_IS_TRAINING_CHARTS(self));
  g_return_if_fail(report != NULL);

  append_finite(self->loss, KJ_LOSS_SERIES_EPOCH, report->epoch, report->loss);
  append_finite(self->loss, KJ_LOSS_SERIES_VALIDATION, report->epoch, report->val_loss);
  append_finite(self->accuracy, KJ_ACCURACY_SERIES_TRAINING, report->epoch, report->accuracy);
  append_finite(self->accuracy, KJ_ACCURACY_SERIES_VALIDATION, report->epoch, report->val_accuracy);
  append_finite(self->accuracy, KJ_ACCURACY_SERIES_TEST, report->epoch, report->test_accuracy);
}
