/* kj-training-charts.h — the CNN Lab's live charts, fed from trainer reports
 *
 * Three chart models: the loss (each batch, faint, under its smoothed curve,
 * and per epoch), the accuracy per epoch (training, validation, test), and
 * the learning rate.  x is the training progress in epochs, so a batch
 * halfway through epoch 2 sits at 1.5.  Headless, so the tests check what
 * the page draws. */
#pragma once

#include "kj-chart.h"
#include "kj-trainer.h"

G_BEGIN_DECLS

#define KJ_TYPE_TRAINING_CHARTS (kj_training_charts_get_type())
G_DECLARE_FINAL_TYPE(KjTrainingCharts, kj_training_charts, KJ, TRAINING_CHARTS, GObject)

/* Exponential smoothing of the batch loss, as TensorBoard's slider: each
 * point weighs the previous smoothed value by this factor, which depends on
 * the batches in an epoch, and the average is debiased at the start. */
double kj_training_charts_smoothing(guint n_batches);

typedef enum {
  KJ_LOSS_SERIES_BATCH,
  KJ_LOSS_SERIES_SMOOTHED,
  KJ_LOSS_SERIES_EPOCH,
  KJ_LOSS_SERIES_VALIDATION,
} KjLossSeries;

typedef enum {
  KJ_ACCURACY_SERIES_TRAINING,
  KJ_ACCURACY_SERIES_VALIDATION,
  KJ_ACCURACY_SERIES_TEST,
} KjAccuracySeries;

KjTrainingCharts *kj_training_charts_new(void);

KjChart *kj_training_charts_get_loss(KjTrainingCharts *self);
KjChart *kj_training_charts_get_accuracy(KjTrainingCharts *self);
KjChart *kj_training_charts_get_learning_rate(KjTrainingCharts *self);

/* Empties every series, for a new run. */
void kj_training_charts_reset(KjTrainingCharts *self);
void kj_training_charts_add_batch(KjTrainingCharts *self, const KjBatchReport *report);
/* NaN values (no validation split, no test set) add no point. */
void kj_training_charts_add_epoch(KjTrainingCharts *self, const KjEpochReport *report);

G_END_DECLS
