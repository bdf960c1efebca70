#include "config.h"

#include "kj-trainer.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kj-blas.h"
#include "kj-error.h"
#include "kj-parallel.h"

void
kj_train_config_init(KjTrainConfig *config)
{
  *config = (KjTrainConfig){
    .epochs = 5,
    .batch_size = 64,
    .learning_rate = 0.01,
    .validation_fraction = 0.1,
    .patience = 0,
    .seed = 1,
    .threads = 0,
  };
  kj_optimizer_config_init(&config->optimizer, KJ_OPTIMIZER_SGD);
  kj_schedule_init(&config->schedule);
}

/* Every parameter and buffer, copied: the weights to fall back to. */
typedef struct {
  float **values;
  guint n;
} Snapshot;

static void
snapshot_take(Snapshot *snapshot, KjNetwork *network)
{
  if (snapshot->values == NULL) {
    snapshot->n = kj_network_get_n_params(network);
    snapshot->values = g_new0(float *, snapshot->n);
  }
  for (guint i = 0; i < snapshot->n; i++) {
    KjParam *param = kj_network_get_param(network, i);
    if (snapshot->values[i] == NULL)
      snapshot->values[i] = g_new(float, param->size);
    memcpy(snapshot->values[i], param->value, param->size * sizeof(float));
  }
}

static void
snapshot_restore(Snapshot *snapshot, KjNetwork *network)
{
  for (guint i = 0; i < snapshot->n; i++) {
    KjParam *param = kj_network_get_param(network, i);
    memcpy(param->value, snapshot->values[i], param->size * sizeof(float));
  }
}

static void
snapshot_clear(Snapshot *snapshot)
{
  for (guint i = 0; i < snapshot->n; i++)
    g_free(snapshot->values[i]);
  g_clear_pointer(&snapshot->values, g_free);
}

typedef struct {
  KjModel *model;
  KjDataset *train;
  KjDataset *test;
  const KjTrainConfig *config;
  const KjTrainCallbacks *callbacks;
  KjTrainControl *control;

  KjOptimizer *optimizer;
  KjRng rng;
  guint32 *order; /* training indices, reshuffled every epoch */
  guint n_train;
  guint32 *held_out; /* validation indices */
  guint n_validation;
  KjTensor input;
  guint16 *labels;
  guint n_batches; /* per epoch */
  guint64 step, total_steps;
  gint64 started; /* monotonic µs */
  Snapshot last_good;
  Snapshot best;
  double best_loss;
} Run;

/* Cancelled through the control: the GIO convention, so callers can tell
 * it from a failure and not show it. */
static gboolean
stopped(GError **error)
{
  g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Training was stopped"));
  return FALSE;
}

static double
seconds_since(gint64 start)
{
  return (double)(g_get_monotonic_time() - start) / G_USEC_PER_SEC;
}

static double
eta(const Run *run)
{
  double elapsed = seconds_since(run->started);

  if (run->step == 0)
    return NAN;
  return elapsed / (double)run->step * (double)(run->total_steps - run->step);
}

void
kj_train_plan(guint n, const KjTrainConfig *config, guint *n_validation, guint *n_batches)
{
  guint held_out = (guint)floor(n * CLAMP(config->validation_fraction, 0.0, 0.5));

  g_return_if_fail(config->batch_size > 0);

  if (n_validation != NULL)
    *n_validation = held_out;
  if (n_batches != NULL)
    *n_batches = (n - held_out + config->batch_size - 1) / config->batch_size;
}

static void
split(Run *run)
{
  guint n = kj_dataset_get_n(run->train);
  g_autofree guint32 *all = g_new(guint32, MAX(n, 1u));

  for (guint i = 0; i < n; i++)
    all[i] = i;
  kj_rng_shuffle(&run->rng, all, n);
  kj_train_plan(n, run->config, &run->n_validation, &run->n_batches);
  run->n_train = n - run->n_validation;
  run->order = g_memdup2(all, sizeof(guint32) * MAX(run->n_train, 1u));
  /* Never empty, but only n_validation of them copied: all ends there. */
  run->held_out = g_new0(guint32, MAX(run->n_validation, 1u));
  memcpy(run->held_out, all + run->n_train, sizeof(guint32) * run->n_validation);
}

/* One epoch of mini-batches; FALSE with error on cancel or divergence. */
static gboolean
train_epoch(Run *run, guint epoch, double *loss_sum, guint *correct, GError **error)
{
  const KjTrainConfig *config = run->config;
  guint batch_size = config->batch_size;
  guint n_batches = run->n_batches;
  gint64 start = g_get_monotonic_time();
  guint seen = 0;

  kj_rng_shuffle(&run->rng, run->order, run->n_train);
  for (guint b = 0; b < n_batches; b++) {
    guint count = MIN(batch_size, run->n_train - b * batch_size);
    double rate = kj_schedule_rate(&config->schedule, config->learning_rate, run->step, n_batches,
                                   run->total_steps);
    guint hits = 0;
    double loss;

    if (!kj_train_control_checkpoint(run->control))
      return stopped(error);
    kj_dataset_fill_batch(run->train, run->order + b * batch_size, count,
                          &run->model->normalization, &config->augmentation, &run->rng, &run->input,
                          run->labels);
    kj_network_forward(run->model->network, &run->input, TRUE);
    loss = kj_network_loss(run->model->network, run->labels, &hits);
    if (!isfinite(loss)) {
      g_set_error(error, KJ_ERROR, KJ_ERROR_DIVERGED,
                  _("Training diverged in epoch %u, batch %u: the loss is not a number. "
                    "Try a smaller learning rate."),
                  epoch, b + 1);
      return FALSE;
    }
    kj_network_backward(run->model->network);
    kj_optimizer_step(run->optimizer, rate);

    run->step++;
    seen += count;
    *loss_sum += loss * count;
    *correct += hits;
    if (run->callbacks != NULL && run->callbacks->batch != NULL) {
      KjBatchReport report = {
        .epoch = epoch,
        .epochs = config->epochs,
        .batch = b + 1,
        .n_batches = n_batches,
        .step = run->step,
        .total_steps = run->total_steps,
        .loss = loss,
        .accuracy = (double)hits / count,
        .learning_rate = rate,
        .images_per_second = seen / MAX(seconds_since(start), 1e-9),
        .eta_seconds = eta(run),
      };
      run->callbacks->batch(&report, run->callbacks->user_data);
    }
  }
  return TRUE;
}

static gboolean
run_epochs(Run *run, GError **error)
{
  const KjTrainConfig *config = run->config;
  guint since_best = 0;

  for (guint epoch = 1; epoch <= config->epochs; epoch++) {
    gint64 start = g_get_monotonic_time();
    g_autoptr(KjEvaluation) validation = NULL;
    g_autoptr(KjEvaluation) test = NULL;
    KjEpochReport report = { .epoch = epoch, .epochs = config->epochs };
    double loss_sum = 0.0, train_seconds;
    guint correct = 0;

    if (!train_epoch(run, epoch, &loss_sum, &correct, error)) {
      snapshot_restore(&run->last_good, run->model->network);
      return FALSE;
    }
    train_seconds = seconds_since(start);
    snapshot_take(&run->last_good, run->model->network);

    /* Evaluation runs in training-sized batches: larger ones would grow
     * every layer's buffers, and with them the peak memory. */
    if (run->n_validation > 0) {
      validation = kj_evaluate_top_k(run->model, run->train, run->held_out, run->n_validation,
                                     config->batch_size, config->keep_top_k, run->control);
      if (validation == NULL)
        return stopped(error);
    }
    if (run->test != NULL) {
      test = kj_evaluate_top_k(run->model, run->test, NULL, 0, config->batch_size,
                               config->keep_top_k, run->control);
      if (test == NULL)
        return stopped(error);
    }

    report.loss = loss_sum / MAX(run->n_train, 1u);
    report.accuracy = (double)correct / MAX(run->n_train, 1u);
    report.val_loss = validation != NULL ? validation->loss : NAN;
    report.val_accuracy = validation != NULL ? validation->accuracy : NAN;
    report.test_accuracy = test != NULL ? test->accuracy : NAN;
    report.learning_rate = kj_schedule_rate(&config->schedule, config->learning_rate, run->step - 1,
                                            run->n_batches, run->total_steps);
    report.images_per_second = run->n_train / MAX(train_seconds, 1e-9);
    report.seconds = seconds_since(start);
    report.eta_seconds = eta(run);
    report.validation = validation;
    report.validation_indices = run->held_out;
    report.test = test;
    if (validation != NULL && validation->loss < run->best_loss) {
      run->best_loss = validation->loss;
      report.improved = TRUE;
      since_best = 0;
      if (config->patience > 0)
        snapshot_take(&run->best, run->model->network);
    } else {
      since_best++;
    }
    if (run->callbacks != NULL && run->callbacks->epoch != NULL)
      run->callbacks->epoch(&report, run->callbacks->user_data);

    /* Early stopping: keep the weights of the best validation loss. */
    if (config->patience > 0 && validation != NULL && since_best >= config->patience) {
      snapshot_restore(&run->best, run->model->network);
      break;
    }
  }
  return TRUE;
}

gboolean
kj_train(KjModel *model, KjDataset *train, KjDataset *test, const KjTrainConfig *config,
         const KjTrainCallbacks *callbacks, KjTrainControl *control, GError **error)
{
  Run run = {
    .model = model,
    .train = train,
    .test = test,
    .config = config,
    .callbacks = callbacks,
    .control = control,
    .best_loss = INFINITY,
  };
  gboolean ok;

  g_return_val_if_fail(config->batch_size > 0, FALSE);
  if (kj_dataset_get_n_classes(train) != kj_network_get_n_classes(model->network) ||
      !kj_shape_equal(kj_dataset_get_shape(train), kj_network_get_input_shape(model->network))) {
    g_set_error_literal(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                        _("The dataset does not fit the model: its image size or its number of "
                          "classes differs"));
    return FALSE;
  }

  /* A batch too large for memory is refused here, with an error, rather
   * than failing inside the first forward pass. */
  if (!kj_network_reserve(model->network, config->batch_size, error))
    return FALSE;

  if (config->threads > 0)
    kj_blas_set_threads((int)config->threads);
  /* On this thread (maybe a worker) and OpenBLAS's own. */
  kj_parallel_prepare_threads(FALSE);
  kj_rng_init(&run.rng, config->seed);
  kj_network_seed_dropout(model->network, config->seed ^ G_GUINT64_CONSTANT(0x9e3779b97f4a7c15));
  split(&run);
  if (run.n_train == 0) {
    g_set_error_literal(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                        _("There are no images to train on"));
    g_free(run.order);
    g_free(run.held_out);
    return FALSE;
  }
  run.optimizer = kj_optimizer_new(&config->optimizer, model->network);
  run.labels = g_new(guint16, config->batch_size);
  run.total_steps = (guint64)config->epochs * run.n_batches;
  kj_tensor_init(&run.input);
  snapshot_take(&run.last_good, model->network);
  run.started = g_get_monotonic_time();

  ok = run_epochs(&run, error);

  kj_tensor_clear(&run.input);
  snapshot_clear(&run.last_good);
  snapshot_clear(&run.best);
  kj_optimizer_free(run.optimizer);
  g_free(run.labels);
  g_free(run.order);
  g_free(run.held_out);
  return ok;
}
