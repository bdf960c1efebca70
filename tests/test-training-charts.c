/* The CNN Lab's live charts: what each report adds, and the smoothing. */
#include "config.h"

#include "kj-training-charts.h"

#include <math.h>

static KjBatchReport
batch_report(guint epoch, guint batch, double loss)
{
  return (KjBatchReport){
    .epoch = epoch,
    .epochs = 2,
    .batch = batch,
    .n_batches = 4,
    .loss = loss,
    .learning_rate = 0.01 * batch,
  };
}

static const KjChartPoint *
points(KjChart *chart, guint series, gsize *n)
{
  return kj_chart_series_get_points(kj_chart_get_series(chart, series), n);
}

static void
test_batches(void)
{
  g_autoptr(KjTrainingCharts) charts = kj_training_charts_new();
  KjChart *loss = kj_training_charts_get_loss(charts);
  const KjChartPoint *raw, *smooth, *rate;
  gsize n_raw, n_smooth, n_rate;
  KjBatchReport report;
  double expected;

  report = batch_report(1, 1, 2.0);
  kj_training_charts_add_batch(charts, &report);
  report = batch_report(1, 2, 1.0);
  kj_training_charts_add_batch(charts, &report);
  report = batch_report(2, 2, NAN); /* a diverged batch adds no loss point */
  kj_training_charts_add_batch(charts, &report);

  raw = points(loss, KJ_LOSS_SERIES_BATCH, &n_raw);
  smooth = points(loss, KJ_LOSS_SERIES_SMOOTHED, &n_smooth);
  rate = points(kj_training_charts_get_learning_rate(charts), 0, &n_rate);
  g_assert_cmpuint(n_raw, ==, 2);
  g_assert_cmpuint(n_smooth, ==, 2);
  g_assert_cmpuint(n_rate, ==, 3);

  /* x is progress in epochs: batch 2 of 4 in epoch 2 is 1.5. */
  g_assert_cmpfloat_with_epsilon(raw[0].x, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon(raw[1].x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon(rate[2].x, 1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon(rate[2].y, 0.02, 1e-12);

  /* Debiased: the first smoothed value is the first loss, not 5% of it. */
  g_assert_cmpfloat_with_epsilon(smooth[0].y, 2.0, 1e-12);
  /* Four batches an epoch are too few to smooth. */
  g_assert_cmpfloat(kj_training_charts_smoothing(4), ==, 0.0);
  g_assert_cmpfloat_with_epsilon(kj_training_charts_smoothing(1000), 0.99, 1e-12);
  g_assert_cmpfloat_with_epsilon(kj_training_charts_smoothing(100), 0.9, 1e-12);
  expected = 1.0;
  g_assert_cmpfloat_with_epsilon(smooth[1].y, expected, 1e-12);

  kj_training_charts_reset(charts);
  g_assert_cmpuint(kj_chart_series_get_n_points(kj_chart_get_series(loss, 0)), ==, 0);
  report = batch_report(1, 1, 3.0);
  kj_training_charts_add_batch(charts, &report);
  smooth = points(loss, KJ_LOSS_SERIES_SMOOTHED, &n_smooth);
  g_assert_cmpfloat_with_epsilon(smooth[0].y, 3.0, 1e-12); /* the reset forgot the past */

  /* With 100 batches an epoch each point keeps 0.9 of the past, debiased:
   * the first smoothed value is the first loss, not a tenth of it. */
  kj_training_charts_reset(charts);
  report = batch_report(1, 1, 2.0);
  report.n_batches = 100;
  kj_training_charts_add_batch(charts, &report);
  report.batch = 2;
  report.loss = 1.0;
  kj_training_charts_add_batch(charts, &report);
  smooth = points(loss, KJ_LOSS_SERIES_SMOOTHED, &n_smooth);
  g_assert_cmpfloat_with_epsilon(smooth[0].y, 2.0, 1e-12);
  expected = (0.9 * 0.1 * 2.0 + 0.1 * 1.0) / (0.9 * 0.1 + 0.1);
  g_assert_cmpfloat_with_epsilon(smooth[1].y, expected, 1e-12);
}

static void
test_epochs(void)
{
  g_autoptr(KjTrainingCharts) charts = kj_training_charts_new();
  KjChart *accuracy = kj_training_charts_get_accuracy(charts);
  KjEpochReport report = {
    .epoch = 1,
    .epochs = 2,
    .loss = 0.6,
    .accuracy = 0.8,
    .val_loss = 0.5,
    .val_accuracy = 0.82,
    .test_accuracy = NAN, /* no test set */
  };
  const KjChartPoint *p;
  gsize n;

  kj_training_charts_add_epoch(charts, &report);
  report.epoch = 2;
  report.accuracy = 0.9;
  kj_training_charts_add_epoch(charts, &report);

  p = points(accuracy, KJ_ACCURACY_SERIES_TRAINING, &n);
  g_assert_cmpuint(n, ==, 2);
  g_assert_cmpfloat(p[1].x, ==, 2.0);
  g_assert_cmpfloat(p[1].y, ==, 0.9);
  p = points(accuracy, KJ_ACCURACY_SERIES_VALIDATION, &n);
  g_assert_cmpuint(n, ==, 2);
  g_assert_cmpfloat(p[0].y, ==, 0.82);
  points(accuracy, KJ_ACCURACY_SERIES_TEST, &n);
  g_assert_cmpuint(n, ==, 0);
  p = points(kj_training_charts_get_loss(charts), KJ_LOSS_SERIES_VALIDATION, &n);
  g_assert_cmpuint(n, ==, 2);
  g_assert_cmpfloat(p[0].y, ==, 0.5);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/training-charts/batches", test_batches);
  g_test_add_func("/kj/training-charts/epochs", test_epochs);
  return g_test_run();
}
