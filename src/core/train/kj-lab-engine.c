#include "config.h"

#include "kj-lab-engine.h"

#include <glib/gi18n-lib.h>

#include "kj-blas.h"
#include "kj-error.h"
#include "kj-image.h"
#include "kj-parallel.h"

#define THUMBNAIL_SIDE 256
#define READ_SIZE      (64 * 1024)

typedef enum {
  JOB_OPEN_DATASET,
  JOB_TRAIN,
  JOB_CLASSIFY_FILE,
  JOB_CLASSIFY_PIXBUF,
  JOB_SAVE_MODEL,
  JOB_LOAD_MODEL,
} JobKind;

typedef struct {
  JobKind kind;
  guint request;
  char *text;              /* the source, the spec, or the pixbuf's name */
  KjDataOptions options;   /* OPEN_DATASET; holds a ref on its cancellable */
  KjTrainConfig config;    /* TRAIN */
  KjTrainControl *control; /* TRAIN */
  GFile *file;
  GdkPixbuf *pixbuf;
} Job;

struct _KjLabEngine {
  KjLabNotify notify;
  gpointer user_data;
  GThread *thread;
  GCancellable *cancellable; /* cancelled by kj_lab_engine_free() */

  /* Shared with the owner: under mutex. */
  GMutex mutex;
  GCond cond;  /* a job queued, a resume, a stop, quitting */
  GQueue jobs; /* Job *, oldest first */
  GPtrArray *events;
  gboolean notified; /* since the last take_events */
  gboolean quitting;
  gboolean paused;
  gboolean evaluating;      /* between an epoch's last batch and its report */
  KjTrainControl *training; /* of the training that runs, else NULL */
  guint last_request;

  /* The worker's alone. */
  KjDataSplits splits;
  KjModel *model;
};

/* ---- jobs and events ---- */

static Job *
job_new(JobKind kind)
{
  Job *job = g_new0(Job, 1);

  job->kind = kind;
  return job;
}

static void
job_free(Job *job)
{
  g_free(job->text);
  g_clear_object(&job->options.cancellable);
  g_clear_pointer(&job->control, kj_train_control_unref);
  g_clear_object(&job->file);
  g_clear_object(&job->pixbuf);
  g_free(job);
}

/* Classifying and saving read the weights only, so they may run between
 * two training batches. */
static gboolean
job_is_servable(const Job *job)
{
  return job != NULL && (job->kind == JOB_CLASSIFY_FILE || job->kind == JOB_CLASSIFY_PIXBUF ||
                         job->kind == JOB_SAVE_MODEL);
}

static KjLabEvent *
event_new(KjLabEventKind kind, guint request)
{
  KjLabEvent *event = g_new0(KjLabEvent, 1);

  event->kind = kind;
  event->request = request;
  return event;
}

void
kj_lab_event_free(KjLabEvent *event)
{
  if (event == NULL)
    return;
  g_clear_error(&event->error);
  kj_data_splits_clear(&event->splits);
  g_free(event->spec);
  g_strfreev(event->class_names);
  kj_evaluation_free(event->evaluation);
  g_clear_pointer(&event->images, kj_dataset_unref);
  g_free(event->indices);
  g_free(event->predictions);
  g_clear_object(&event->thumbnail);
  g_free(event->name);
  g_clear_object(&event->file);
  g_free(event);
}

/* The owner is told once per drain, so a fast trainer cannot flood its
 * main loop; nothing is told once kj_lab_engine_free() has begun. */
static void
push_event(KjLabEngine *engine, KjLabEvent *event)
{
  gboolean notify;

  g_mutex_lock(&engine->mutex);
  g_ptr_array_add(engine->events, event);
  notify = !engine->notified && !engine->quitting;
  engine->notified = TRUE;
  g_mutex_unlock(&engine->mutex);
  if (notify && engine->notify != NULL)
    engine->notify(engine->user_data);
}

static void
push_failed(KjLabEngine *engine, const Job *job, GError *error, const char *name)
{
  KjLabEvent *event = event_new(KJ_LAB_EVENT_FAILED, job->request);

  event->error = error;
  event->name = g_strdup(name);
  event->file = job->file != NULL ? g_object_ref(job->file) : NULL;
  push_event(engine, event);
}

/* The current model (NULL: none) as a MODEL event. */
static void
push_model(KjLabEngine *engine, guint request)
{
  KjLabEvent *event = event_new(KJ_LAB_EVENT_MODEL, request);
  KjModel *model = engine->model;

  if (model != NULL) {
    event->spec = g_strdup(kj_network_get_spec(model->network));
    event->input_shape = *kj_network_get_input_shape(model->network);
    event->class_names = g_strdupv(model->class_names);
  }
  push_event(engine, event);
}

static void
set_model(KjLabEngine *engine, KjModel *model)
{
  g_clear_pointer(&engine->model, kj_model_free);
  engine->model = model;
}

/* ---- pausing ---- */

/* Training batches pause in serve_while_training(), where the worker can
 * still serve requests.  An epoch's evaluation has no such place: it
 * pauses through the control, unless a request waits to be served once the
 * evaluation is over. */
static void
update_control_locked(KjLabEngine *engine)
{
  if (engine->training == NULL)
    return;
  kj_train_control_set_paused(engine->training,
                              engine->paused && engine->evaluating &&
                                  !job_is_servable(g_queue_peek_head(&engine->jobs)));
}

static void run_job(KjLabEngine *engine, Job *job);

/* Between batches: serves the classifications and saves at the head of the
 * queue, and waits there while paused (until resumed or stopped). */
static void
serve_while_training(KjLabEngine *engine, KjTrainControl *control, gboolean evaluation_follows)
{
  for (;;) {
    Job *job = NULL;

    g_mutex_lock(&engine->mutex);
    for (;;) {
      if (job_is_servable(g_queue_peek_head(&engine->jobs))) {
        job = g_queue_pop_head(&engine->jobs);
        break;
      }
      if (!engine->paused || kj_train_control_is_cancelled(control))
        break;
      g_cond_wait(&engine->cond, &engine->mutex);
    }
    if (job == NULL) {
      engine->evaluating = evaluation_follows;
      update_control_locked(engine);
      g_mutex_unlock(&engine->mutex);
      return;
    }
    g_mutex_unlock(&engine->mutex);
    run_job(engine, job);
    job_free(job);
  }
}

/* ---- opening a dataset ---- */

static void
forward_cancel(GCancellable *cancellable, gpointer target)
{
  g_cancellable_cancel(target);
}

static gboolean
model_fits(KjModel *model, KjDataset *dataset)
{
  guint n = kj_dataset_get_n_classes(dataset);

  if (n != kj_network_get_n_classes(model->network) ||
      !kj_shape_equal(kj_dataset_get_shape(dataset), kj_network_get_input_shape(model->network)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0(model->class_ids[i], kj_dataset_get_class_id(dataset, i)) != 0)
      return FALSE;
  return TRUE;
}

static void
run_open_dataset(KjLabEngine *engine, Job *job)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new();
  GCancellable *theirs = job->options.cancellable;
  g_autoptr(GError) error = NULL;
  KjDataOptions options = job->options;
  KjDataSplits splits = { 0 };
  KjLabEvent *event;
  gulong ours_id, theirs_id = 0;
  gboolean ok;

  /* Either kj_lab_engine_free() or the caller's cancellable stops it. */
  ours_id =
      g_cancellable_connect(engine->cancellable, G_CALLBACK(forward_cancel), cancellable, NULL);
  if (theirs != NULL)
    theirs_id = g_cancellable_connect(theirs, G_CALLBACK(forward_cancel), cancellable, NULL);
  options.cancellable = cancellable;
  ok = kj_data_open(job->text, &options, &splits, &error);
  g_cancellable_disconnect(engine->cancellable, ours_id);
  if (theirs != NULL)
    g_cancellable_disconnect(theirs, theirs_id);
  if (!ok) {
    push_failed(engine, job, g_steal_pointer(&error), NULL);
    return;
  }

  kj_data_splits_clear(&engine->splits);
  engine->splits = splits;
  event = event_new(KJ_LAB_EVENT_DATASET, job->request);
  event->splits = (KjDataSplits){
    .train = kj_dataset_ref(splits.train),
    .test = splits.test != NULL ? kj_dataset_ref(splits.test) : NULL,
    .name = g_strdup(splits.name),
    .warnings = g_strdupv(splits.warnings),
  };
  push_event(engine, event);

  if (engine->model != NULL && !model_fits(engine->model, splits.train)) {
    set_model(engine, NULL);
    push_model(engine, job->request);
  }
}

/* ---- training ---- */

typedef struct {
  KjLabEngine *engine;
  Job *job;
} Training;

static void
on_batch(const KjBatchReport *report, gpointer user_data)
{
  Training *training = user_data;
  KjLabEvent *event = event_new(KJ_LAB_EVENT_BATCH, training->job->request);

  event->batch = *report;
  push_event(training->engine, event);
  serve_while_training(training->engine, training->job->control,
                       report->batch == report->n_batches);
}

static void
on_epoch(const KjEpochReport *report, gpointer user_data)
{
  Training *training = user_data;
  KjLabEngine *engine = training->engine;
  KjLabEvent *event = event_new(KJ_LAB_EVENT_EPOCH, training->job->request);
  /* The trainer kept the top-k of both; the validation split is the one
   * that was not trained on, the test set stands in without one. */
  const KjEvaluation *evaluation = report->validation != NULL ? report->validation : report->test;

  g_mutex_lock(&engine->mutex);
  engine->evaluating = FALSE;
  update_control_locked(engine);
  g_mutex_unlock(&engine->mutex);

  event->epoch = *report;
  event->epoch.validation = NULL;
  event->epoch.validation_indices = NULL;
  event->epoch.test = NULL;
  if (evaluation != NULL && evaluation->top != NULL) {
    guint n = evaluation->n;

    event->evaluation = kj_evaluation_copy(evaluation);
    event->predictions = g_steal_pointer(&event->evaluation->top);
    event->evaluation->top_k = 0;
    event->n_predictions = n;
    if (evaluation == report->validation) {
      event->images = kj_dataset_ref(engine->splits.train);
      event->indices = g_memdup2(report->validation_indices, sizeof(guint32) * MAX(n, 1u));
    } else {
      event->images = kj_dataset_ref(engine->splits.test);
      event->indices = g_new(guint32, MAX(n, 1u));
      for (guint i = 0; i < n; i++)
        event->indices[i] = i;
    }
  }
  push_event(engine, event);
  serve_while_training(engine, training->job->control, FALSE);
}

/* The training is over as far as the owner can tell: pause and stop no
 * longer apply. */
static void
end_training(KjLabEngine *engine)
{
  g_mutex_lock(&engine->mutex);
  engine->training = NULL;
  engine->evaluating = FALSE;
  engine->paused = FALSE;
  g_mutex_unlock(&engine->mutex);
}

static void
push_finished(KjLabEngine *engine, const Job *job, GError *error)
{
  KjLabEvent *event = event_new(KJ_LAB_EVENT_FINISHED, job->request);

  end_training(engine);
  event->error = error;
  push_event(engine, event);
}

static void
run_train(KjLabEngine *engine, Job *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL;
  KjDataset *train = engine->splits.train;
  KjTrainCallbacks callbacks;
  Training training = { engine, job };
  KjNetwork *network;
  KjNormalization norm;
  KjLabEvent *event;
  guint n_batches;

  if (kj_train_control_is_cancelled(job->control)) {
    g_set_error_literal(&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Training was stopped"));
    push_finished(engine, job, g_steal_pointer(&error));
    return;
  }
  if (train == NULL) {
    end_training(engine);
    g_set_error_literal(&error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                        _("There is no dataset to train on: open one first"));
    push_failed(engine, job, g_steal_pointer(&error), NULL);
    return;
  }

  spec = kj_network_preset_spec(job->text, kj_dataset_get_n_classes(train));
  network = kj_network_new(spec != NULL ? spec : job->text, kj_dataset_get_shape(train),
                           kj_dataset_get_n_classes(train), &error);
  if (network == NULL) {
    end_training(engine);
    push_failed(engine, job, g_steal_pointer(&error), NULL);
    return;
  }
  kj_network_init_weights(network, job->config.seed);
  kj_dataset_compute_normalization(train, &norm);
  set_model(engine, kj_model_new(network, train, &norm, engine->splits.name));
  push_model(engine, job->request);

  kj_train_plan(kj_dataset_get_n(train), &job->config, NULL, &n_batches);
  event = event_new(KJ_LAB_EVENT_STARTED, job->request);
  event->batch.epochs = job->config.epochs;
  event->batch.n_batches = n_batches;
  event->batch.total_steps = (guint64)job->config.epochs * n_batches;
  push_event(engine, event);
  serve_while_training(engine, job->control, FALSE); /* a pause before the first batch */

  job->config.keep_top_k = KJ_LAB_TOP_K;
  callbacks = (KjTrainCallbacks){ on_batch, on_epoch, &training };
  kj_train(engine->model, train, engine->splits.test, &job->config, &callbacks, job->control,
           &error);
  push_finished(engine, job, g_steal_pointer(&error));
  push_model(engine, job->request);
}

/* ---- classifying ---- */

static void
on_thumbnail_size(GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  gboolean *refused = user_data;
  double scale = (double)THUMBNAIL_SIDE / MAX(width, height);

  /* kj_image_load() checked these already, but the file may have changed. */
  if (width < 1 || height < 1 || width > KJ_IMAGE_MAX_SIDE || height > KJ_IMAGE_MAX_SIDE ||
      (gint64)width * height > KJ_IMAGE_MAX_PIXELS) {
    *refused = TRUE;
    gdk_pixbuf_loader_set_size(loader, 0, 0);
    return;
  }
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size(loader, MAX(1, (int)(width * scale + 0.5)),
                               MAX(1, (int)(height * scale + 0.5)));
}

/* A picture of the file for the owner to show, or NULL; it is decoded at
 * thumbnail size where the format can (JPEG), else scaled once decoded. */
static GdkPixbuf *
load_thumbnail(GFile *file, GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) input = g_file_read(file, cancellable, NULL);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree guint8 *buffer = NULL;
  GdkPixbuf *pixbuf;
  gboolean ok = TRUE, refused = FALSE;

  if (input == NULL)
    return NULL;
  loader = gdk_pixbuf_loader_new();
  g_signal_connect(loader, "size-prepared", G_CALLBACK(on_thumbnail_size), &refused);
  buffer = g_malloc(READ_SIZE);
  for (;;) {
    gssize got = g_input_stream_read(G_INPUT_STREAM(input), buffer, READ_SIZE, cancellable, NULL);

    if (got <= 0) {
      ok = got == 0;
      break;
    }
    if (!gdk_pixbuf_loader_write(loader, buffer, (gsize)got, NULL) || refused) {
      ok = FALSE;
      break;
    }
  }
  /* A loader must always be closed. */
  if (!gdk_pixbuf_loader_close(loader, NULL))
    ok = FALSE;
  pixbuf = ok ? gdk_pixbuf_loader_get_pixbuf(loader) : NULL;
  return pixbuf != NULL ? gdk_pixbuf_apply_embedded_orientation(pixbuf) : NULL;
}

static char *
display_name(GFile *file, GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info(file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  g_autofree char *basename = NULL;

  if (info != NULL && g_file_info_has_attribute(info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    return g_strdup(g_file_info_get_display_name(info));
  /* A file that vanished still has a name to report. */
  basename = g_file_get_basename(file);
  return basename != NULL ? g_filename_display_name(basename) : g_file_get_parse_name(file);
}

static void
run_classify(KjLabEngine *engine, Job *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree guint8 *pixels = NULL;
  KjModel *model = engine->model;
  const KjShape *shape;
  KjLabEvent *event;

  name = job->file != NULL ? display_name(job->file, engine->cancellable) : g_strdup(job->text);
  if (model == NULL) {
    g_set_error(&error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("“%s” cannot be classified: there is no model yet. Train one or open a model "
                  "file."),
                name);
    push_failed(engine, job, g_steal_pointer(&error), name);
    return;
  }
  shape = kj_network_get_input_shape(model->network);
  if (!kj_image_check_shape(shape, &error)) {
    push_failed(engine, job, g_steal_pointer(&error), name);
    return;
  }
  pixels = g_malloc(kj_shape_size(shape));
  if (job->file != NULL) {
    if (!kj_image_load(job->file, name, shape, pixels, engine->cancellable, &error)) {
      push_failed(engine, job, g_steal_pointer(&error), name);
      return;
    }
  } else {
    kj_image_from_pixbuf(job->pixbuf, shape, pixels);
  }

  event = event_new(KJ_LAB_EVENT_PREDICTION, job->request);
  event->n_top = kj_model_classify(model, pixels, event->top, KJ_LAB_TOP_K);
  event->name = g_steal_pointer(&name);
  if (job->file != NULL) {
    event->file = g_object_ref(job->file);
    event->thumbnail = load_thumbnail(job->file, engine->cancellable);
  }
  push_event(engine, event);
}

/* ---- model files ---- */

static void
run_save_model(KjLabEngine *engine, Job *job)
{
  g_autoptr(GError) error = NULL;
  KjLabEvent *event;

  if (engine->model == NULL) {
    g_autofree char *name = g_file_get_parse_name(job->file);

    g_set_error(&error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("Could not save the model to “%s”: there is no model yet"), name);
  } else {
    kj_model_save(engine->model, job->file, &error);
  }
  if (error != NULL) {
    push_failed(engine, job, g_steal_pointer(&error), NULL);
    return;
  }
  event = event_new(KJ_LAB_EVENT_SAVED, job->request);
  event->file = g_object_ref(job->file);
  push_event(engine, event);
}

static void
run_load_model(KjLabEngine *engine, Job *job)
{
  g_autoptr(GError) error = NULL;
  KjModel *model = kj_model_load(job->file, &error);

  if (model == NULL) {
    push_failed(engine, job, g_steal_pointer(&error), NULL);
    return;
  }
  set_model(engine, model);
  push_model(engine, job->request);
}

/* ---- the worker ---- */

static void
run_job(KjLabEngine *engine, Job *job)
{
  switch (job->kind) {
  case JOB_OPEN_DATASET:
    run_open_dataset(engine, job);
    break;
  case JOB_TRAIN:
    run_train(engine, job);
    break;
  case JOB_CLASSIFY_FILE:
  case JOB_CLASSIFY_PIXBUF:
    run_classify(engine, job);
    break;
  case JOB_SAVE_MODEL:
    run_save_model(engine, job);
    break;
  case JOB_LOAD_MODEL:
    run_load_model(engine, job);
    break;
  }
}

static gpointer
worker(gpointer data)
{
  KjLabEngine *engine = data;

  /* Training is background work: the desktop's main thread comes first. */
  kj_parallel_prepare_threads(TRUE);
  for (;;) {
    Job *job;

    g_mutex_lock(&engine->mutex);
    while (g_queue_is_empty(&engine->jobs) && !engine->quitting)
      g_cond_wait(&engine->cond, &engine->mutex);
    if (engine->quitting) {
      g_mutex_unlock(&engine->mutex);
      break;
    }
    job = g_queue_pop_head(&engine->jobs);
    /* Set here, so that is_training() holds from request to FINISHED. */
    if (job->kind == JOB_TRAIN)
      engine->training = job->control;
    g_mutex_unlock(&engine->mutex);

    run_job(engine, job);
    job_free(job);
  }
  return NULL;
}

KjLabEngine *
kj_lab_engine_new(KjLabNotify notify, gpointer user_data)
{
  KjLabEngine *engine = g_new0(KjLabEngine, 1);

  /* Once, before there are other threads, as kj_blas_init() asks. */
  kj_blas_init();
  engine->notify = notify;
  engine->user_data = user_data;
  engine->cancellable = g_cancellable_new();
  g_mutex_init(&engine->mutex);
  g_cond_init(&engine->cond);
  g_queue_init(&engine->jobs);
  engine->events = g_ptr_array_new_with_free_func((GDestroyNotify)kj_lab_event_free);
  engine->thread = g_thread_new("kj-lab-engine", worker, engine);
  return engine;
}

void
kj_lab_engine_free(KjLabEngine *engine)
{
  if (engine == NULL)
    return;

  g_mutex_lock(&engine->mutex);
  engine->quitting = TRUE;
  if (engine->training != NULL)
    kj_train_control_cancel(engine->training);
  g_queue_clear_full(&engine->jobs, (GDestroyNotify)job_free);
  g_cond_broadcast(&engine->cond);
  g_mutex_unlock(&engine->mutex);
  /* Outside the lock: it runs the open job's handlers at once. */
  g_cancellable_cancel(engine->cancellable);
  g_thread_join(engine->thread);

  set_model(engine, NULL);
  kj_data_splits_clear(&engine->splits);
  g_ptr_array_unref(engine->events);
  g_object_unref(engine->cancellable);
  g_cond_clear(&engine->cond);
  g_mutex_clear(&engine->mutex);
  g_free(engine);
}

GPtrArray *
kj_lab_engine_take_events(KjLabEngine *engine)
{
  GPtrArray *events;

  g_return_val_if_fail(engine != NULL, NULL);

  g_mutex_lock(&engine->mutex);
  events = engine->events;
  engine->events = g_ptr_array_new_with_free_func((GDestroyNotify)kj_lab_event_free);
  engine->notified = FALSE;
  g_mutex_unlock(&engine->mutex);
  return events;
}

static guint
queue_job(KjLabEngine *engine, Job *job)
{
  guint request;

  g_mutex_lock(&engine->mutex);
  if (++engine->last_request == 0)
    engine->last_request = 1;
  request = job->request = engine->last_request;
  g_queue_push_tail(&engine->jobs, job);
  update_control_locked(engine);
  g_cond_broadcast(&engine->cond);
  g_mutex_unlock(&engine->mutex);
  return request;
}

guint
kj_lab_engine_open_dataset(KjLabEngine *engine, const char *source, const KjDataOptions *options)
{
  Job *job;

  g_return_val_if_fail(engine != NULL && source != NULL, 0);

  job = job_new(JOB_OPEN_DATASET);
  job->text = g_strdup(source);
  if (options != NULL)
    job->options = *options;
  else
    kj_data_options_init(&job->options);
  if (job->options.cancellable != NULL)
    g_object_ref(job->options.cancellable);
  return queue_job(engine, job);
}

guint
kj_lab_engine_train(KjLabEngine *engine, const char *spec, const KjTrainConfig *config)
{
  Job *job;

  g_return_val_if_fail(engine != NULL && spec != NULL && config != NULL, 0);
  g_return_val_if_fail(config->batch_size > 0, 0);

  job = job_new(JOB_TRAIN);
  job->text = g_strdup(spec);
  job->config = *config;
  job->control = kj_train_control_new();
  return queue_job(engine, job);
}

/* Whether a training runs or waits in the queue; call locked. */
static gboolean
has_training_locked(KjLabEngine *engine)
{
  if (engine->training != NULL)
    return TRUE;
  for (GList *l = engine->jobs.head; l != NULL; l = l->next)
    if (((Job *)l->data)->kind == JOB_TRAIN)
      return TRUE;
  return FALSE;
}

void
kj_lab_engine_set_paused(KjLabEngine *engine, gboolean paused)
{
  g_return_if_fail(engine != NULL);

  g_mutex_lock(&engine->mutex);
  if (!paused || has_training_locked(engine)) {
    engine->paused = paused;
    update_control_locked(engine);
    g_cond_broadcast(&engine->cond);
  }
  g_mutex_unlock(&engine->mutex);
}

void
kj_lab_engine_stop(KjLabEngine *engine)
{
  g_return_if_fail(engine != NULL);

  g_mutex_lock(&engine->mutex);
  if (engine->training != NULL)
    kj_train_control_cancel(engine->training);
  for (GList *l = engine->jobs.head; l != NULL; l = l->next) {
    Job *job = l->data;

    if (job->kind == JOB_TRAIN)
      kj_train_control_cancel(job->control);
  }
  /* Wakes a worker paused between batches. */
  g_cond_broadcast(&engine->cond);
  g_mutex_unlock(&engine->mutex);
}

gboolean
kj_lab_engine_is_training(KjLabEngine *engine)
{
  gboolean training;

  g_return_val_if_fail(engine != NULL, FALSE);

  g_mutex_lock(&engine->mutex);
  training = has_training_locked(engine);
  g_mutex_unlock(&engine->mutex);
  return training;
}

guint
kj_lab_engine_classify_file(KjLabEngine *engine, GFile *file)
{
  Job *job;

  g_return_val_if_fail(engine != NULL && G_IS_FILE(file), 0);

  job = job_new(JOB_CLASSIFY_FILE);
  job->file = g_object_ref(file);
  return queue_job(engine, job);
}

guint
kj_lab_engine_classify_pixbuf(KjLabEngine *engine, GdkPixbuf *pixbuf, const char *name)
{
  Job *job;

  g_return_val_if_fail(engine != NULL && GDK_IS_PIXBUF(pixbuf) && name != NULL, 0);
  /* What kj_image_from_pixbuf() reads. */
  g_return_val_if_fail(gdk_pixbuf_get_bits_per_sample(pixbuf) == 8, 0);

  job = job_new(JOB_CLASSIFY_PIXBUF);
  job->pixbuf = g_object_ref(pixbuf);
  job->text = g_strdup(name);
  return queue_job(engine, job);
}

guint
kj_lab_engine_save_model(KjLabEngine *engine, GFile *file)
{
  Job *job;

  g_return_val_if_fail(engine != NULL && G_IS_FILE(file), 0);

  job = job_new(JOB_SAVE_MODEL);
  job->file = g_object_ref(file);
  return queue_job(engine, job);
}

guint
kj_lab_engine_load_model(KjLabEngine *engine, GFile *file)
{
  Job *job;

  g_return_val_if_fail(engine != NULL && G_IS_FILE(file), 0);

  job = job_new(JOB_LOAD_MODEL);
  job->file = g_object_ref(file);
  return queue_job(engine, job);
}
