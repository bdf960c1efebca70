/* kj-trainer.h — epochs over mini-batches, with callbacks, safe in a worker
 *
 * kj_train() runs on the calling thread and touches nothing but the model,
 * the datasets (read only) and its own buffers; it reports through the
 * callbacks, on the same thread.  Pause and cancel through the control take
 * effect between batches. */
#pragma once

#include "kj-evaluate.h"
#include "kj-model.h"
#include "kj-optimizer.h"
#include "kj-schedule.h"
#include "kj-train-control.h"

G_BEGIN_DECLS

typedef struct {
  guint epochs;
  guint batch_size;
  double learning_rate; /* the base rate; the schedule shapes it */
  KjOptimizerConfig optimizer;
  KjSchedule schedule;
  KjAugmentation augmentation;
  double validation_fraction; /* held out of the training set, 0 for none */
  guint patience;             /* early stopping after this many epochs without a
                                 better validation loss; 0 for never */
  guint64 seed;               /* shuffling, validation split, dropout */
  guint threads;              /* OpenBLAS threads; 0 leaves them as they are */
  guint keep_top_k;           /* each evaluated image's k best classes, in the
                                 epoch report's evaluations; 0 for none */
} KjTrainConfig;

void kj_train_config_init(KjTrainConfig *config);
/* How kj_train() splits a training set of n images: the images it holds
 * out for validation, and the batches of the rest in an epoch. */
void kj_train_plan(guint n, const KjTrainConfig *config, guint *n_validation, guint *n_batches);

typedef struct {
  guint epoch, epochs; /* 1-based */
  guint batch, n_batches;
  guint64 step, total_steps;
  double loss, accuracy; /* of this batch */
  double learning_rate;
  double images_per_second; /* this epoch so far */
  double eta_seconds;       /* for the whole run */
} KjBatchReport;

typedef struct {
  guint epoch, epochs;
  double loss, accuracy;         /* training, over the epoch */
  double val_loss, val_accuracy; /* NaN without a validation split */
  double test_accuracy;          /* NaN without a test set */
  double learning_rate;          /* at the end of the epoch */
  double images_per_second;      /* training throughput of the epoch */
  double seconds;                /* the epoch's wall time, evaluation included */
  double eta_seconds;
  gboolean improved;                 /* best validation loss so far */
  const KjEvaluation *validation;    /* NULL without a validation split */
  const guint32 *validation_indices; /* into the training set */
  const KjEvaluation *test;          /* NULL without a test set */
} KjEpochReport;

typedef struct {
  void (*batch)(const KjBatchReport *report, gpointer user_data);
  void (*epoch)(const KjEpochReport *report, gpointer user_data);
  gpointer user_data;
} KjTrainCallbacks;

/* Trains model on train (test may be NULL).  Returns FALSE with
 * G_IO_ERROR_CANCELLED when cancelled, KJ_ERROR_DIVERGED on a non-finite
 * loss; the model then holds the weights of the last finished epoch. */
gboolean kj_train(KjModel *model, KjDataset *train, KjDataset *test, const KjTrainConfig *config,
                  const KjTrainCallbacks *callbacks, KjTrainControl *control, GError **error);

G_END_DECLS
