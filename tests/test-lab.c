/* The CNN Lab's engine: one worker, requests in, events out. */
#include "kj-error.h"
#include "kj-lab-channel.h"
#include "kj-lab-engine.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define N_TRAIN   400
#define N_TEST    100
#define BATCH     32
#define N_VAL     40 /* 10% of N_TRAIN */
#define N_BATCHES 12 /* ⌈360 / 32⌉ */
#define N_CLASSES 8

/* Small, with batch norm and dropout: both behave differently in training
 * and evaluation, so they show whether classifying between batches
 * disturbs training. */
#define TINY_SPEC "conv3x3:4 bn relu pool4 dense:16 dropout:0.2 dense:8"

#define DEADLINE_S 60

/* ---- a recorder of events ---- */

typedef struct Recorder Recorder;
struct Recorder {
  KjLabEngine *engine;
  GMutex mutex;
  GPtrArray *events; /* every event taken, in order; owns them */
  gint notifies;
  gint takes;
  /* Drain on the worker, inside notify: the test then sees every event
   * the moment it happens and can act between two batches. */
  gboolean drain_in_notify;
  /* Actions on any training's BATCH events; set while the engine idles. */
  guint64 stop_at;  /* stop after this step (0: never) */
  guint64 pause_at; /* pause after this step */
  gboolean classify_every_batch;
  GdkPixbuf *pixbuf; /* what the actions classify */
  GArray *requested; /* guint: requests the actions made */
};

static void
recorder_add(Recorder *r, GPtrArray *taken)
{
  g_mutex_lock(&r->mutex);
  r->takes++;
  for (guint i = 0; i < taken->len; i++) {
    KjLabEvent *event = g_ptr_array_steal_index(taken, 0);
    guint id = 0;

    i--;
    g_ptr_array_add(r->events, event);
    if (event->kind != KJ_LAB_EVENT_BATCH)
      continue;
    /* On the worker, between two batches. */
    if (event->batch.step == r->stop_at)
      kj_lab_engine_stop(r->engine);
    if (event->batch.step == r->pause_at)
      kj_lab_engine_set_paused(r->engine, TRUE);
    if (r->classify_every_batch)
      id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "between batches");
    if (id != 0)
      g_array_append_val(r->requested, id);
  }
  g_mutex_unlock(&r->mutex);
  g_ptr_array_unref(taken);
}

static void
on_notify(gpointer user_data)
{
  Recorder *r = user_data;

  g_atomic_int_inc(&r->notifies);
  if (r->drain_in_notify)
    recorder_add(r, kj_lab_engine_take_events(r->engine));
}

static GdkPixbuf *
make_pixbuf(int width, int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels(pixbuf);
  int stride = gdk_pixbuf_get_rowstride(pixbuf);

  /* A bright disc on a dark ground: something like a circle. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++) {
      double dx = x - width / 2.0, dy = y - height / 2.0;
      gboolean inside = dx * dx + dy * dy < (width * width) / 9.0;
      guint8 *p = pixels + (gsize)y * stride + (gsize)x * 3;

      p[0] = inside ? 230 : 20;
      p[1] = inside ? 180 : (guint8)(x * 255 / width);
      p[2] = inside ? 40 : 60;
    }
  return pixbuf;
}

/* drain_in_notify: whether the worker drains (else the test polls). */
static Recorder *
recorder_new_full(KjLabNotify notify, gboolean drain_in_notify)
{
  Recorder *r = g_new0(Recorder, 1);

  g_mutex_init(&r->mutex);
  r->events = g_ptr_array_new_with_free_func((GDestroyNotify)kj_lab_event_free);
  r->requested = g_array_new(FALSE, FALSE, sizeof(guint));
  r->pixbuf = make_pixbuf(40, 40);
  r->drain_in_notify = drain_in_notify;
  r->engine = kj_lab_engine_new(notify, r);
  return r;
}

static Recorder *
recorder_new(gboolean drain_in_notify)
{
  return recorder_new_full(on_notify, drain_in_notify);
}

static void
recorder_free(Recorder *r)
{
  kj_lab_engine_free(r->engine);
  g_ptr_array_unref(r->events);
  g_array_unref(r->requested);
  g_object_unref(r->pixbuf);
  g_mutex_clear(&r->mutex);
  g_free(r);
}

/* Takes what is there, unless the worker does. */
static void
recorder_poll(Recorder *r)
{
  if (!r->drain_in_notify)
    recorder_add(r, kj_lab_engine_take_events(r->engine));
}

/* The events of one request so far, in order (borrowed). */
static GPtrArray *
events_of(Recorder *r, guint request)
{
  GPtrArray *out = g_ptr_array_new();

  g_mutex_lock(&r->mutex);
  for (guint i = 0; i < r->events->len; i++) {
    KjLabEvent *event = g_ptr_array_index(r->events, i);

    if (event->request == request)
      g_ptr_array_add(out, event);
  }
  g_mutex_unlock(&r->mutex);
  return out;
}

/* The position among all events of the first of kind for request, or -1. */
static int
find_event(Recorder *r, guint request, KjLabEventKind kind)
{
  int found = -1;

  g_mutex_lock(&r->mutex);
  for (guint i = 0; i < r->events->len && found < 0; i++) {
    KjLabEvent *event = g_ptr_array_index(r->events, i);

    if (event->request == request && event->kind == kind)
      found = (int)i;
  }
  g_mutex_unlock(&r->mutex);
  return found;
}

static guint
count_events(Recorder *r)
{
  guint n;

  g_mutex_lock(&r->mutex);
  n = r->events->len;
  g_mutex_unlock(&r->mutex);
  return n;
}

/* What the worker does after a BATCH event; set while the engine idles. */
static void
set_actions(Recorder *r, guint64 stop_at, guint64 pause_at, gboolean classify_every_batch)
{
  g_mutex_lock(&r->mutex);
  r->stop_at = stop_at;
  r->pause_at = pause_at;
  r->classify_every_batch = classify_every_batch;
  g_mutex_unlock(&r->mutex);
}

static KjLabEvent *
event_at(Recorder *r, int index)
{
  KjLabEvent *event;

  g_mutex_lock(&r->mutex);
  event = g_ptr_array_index(r->events, index);
  g_mutex_unlock(&r->mutex);
  return event;
}

/* Waits for an event of kind for request; a bug fails here instead of
 * hanging. */
static KjLabEvent *
wait_for(Recorder *r, guint request, KjLabEventKind kind)
{
  gint64 deadline = g_get_monotonic_time() + DEADLINE_S * G_USEC_PER_SEC;
  int index;

  for (;;) {
    recorder_poll(r);
    index = find_event(r, request, kind);
    if (index >= 0)
      return event_at(r, index);
    if (g_get_monotonic_time() > deadline)
      g_error("no event of kind %d for request %u in %d s", kind, request, DEADLINE_S);
    g_usleep(1000);
  }
}

/* The first event of request, whatever it is. */
static KjLabEvent *
wait_for_any(Recorder *r, guint request)
{
  gint64 deadline = g_get_monotonic_time() + DEADLINE_S * G_USEC_PER_SEC;

  for (;;) {
    g_autoptr(GPtrArray) events = NULL;

    recorder_poll(r);
    events = events_of(r, request);
    if (events->len > 0)
      return g_ptr_array_index(events, 0);
    if (g_get_monotonic_time() > deadline)
      g_error("no event for request %u in %d s", request, DEADLINE_S);
    g_usleep(1000);
  }
}

/* Requests run in order: once one made now is answered, every event of
 * those made before is in. */
static void
barrier(Recorder *r)
{
  wait_for_any(r, kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "barrier"));
}

/* A training's events are over: FINISHED, then the MODEL that follows it
 * unless it was stopped before it began. */
static KjLabEvent *
wait_for_training(Recorder *r, guint request)
{
  KjLabEvent *finished = wait_for(r, request, KJ_LAB_EVENT_FINISHED);

  for (;;) {
    g_autoptr(GPtrArray) now = events_of(r, request);
    KjLabEvent *last = g_ptr_array_index(now, now->len - 1);

    if (now->len == 1 || last->kind == KJ_LAB_EVENT_MODEL)
      break;
    recorder_poll(r);
    g_usleep(1000);
  }
  return finished;
}

static void
sleep_ms(guint ms)
{
  g_usleep(ms * 1000);
  g_thread_yield();
}

static KjDataOptions
small_shapes(void)
{
  KjDataOptions options;

  kj_data_options_init(&options);
  options.seed = 1;
  options.shapes_train = N_TRAIN;
  options.shapes_test = N_TEST;
  return options;
}

static KjTrainConfig
small_config(guint epochs)
{
  KjTrainConfig config;

  kj_train_config_init(&config);
  config.epochs = epochs;
  config.batch_size = BATCH;
  config.learning_rate = 0.05;
  config.optimizer.momentum = 0.9;
  config.seed = 3;
  config.threads = 1;
  return config;
}

static KjLabEvent *
open_small(Recorder *r)
{
  KjDataOptions options = small_shapes();
  guint id = kj_lab_engine_open_dataset(r->engine, "shapes", &options);
  KjLabEvent *event = wait_for(r, id, KJ_LAB_EVENT_DATASET);

  g_assert_cmpuint(kj_dataset_get_n(event->splits.train), ==, N_TRAIN);
  return event;
}

/* Checks the events of one training request, in order:
 *   MODEL STARTED (BATCH… EPOCH)… FINISHED MODEL
 * or FINISHED alone when stopped before it began.  Returns the number of
 * batches it reported. */
static guint
check_training(Recorder *r, guint request, guint epochs, const KjLabEvent **finished_out)
{
  g_autoptr(GPtrArray) events = events_of(r, request);
  const KjLabEvent *first = g_ptr_array_index(events, 0), *finished, *started;
  guint64 step = 0;
  guint epoch = 0, i;

  if (first->kind == KJ_LAB_EVENT_FINISHED) {
    g_assert_cmpuint(events->len, ==, 1);
    g_assert_error(first->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    if (finished_out != NULL)
      *finished_out = first;
    return 0;
  }
  g_assert_cmpint(first->kind, ==, KJ_LAB_EVENT_MODEL);
  g_assert_nonnull(first->spec);
  g_assert_cmpuint(g_strv_length(first->class_names), ==, N_CLASSES);
  started = g_ptr_array_index(events, 1);
  g_assert_cmpint(started->kind, ==, KJ_LAB_EVENT_STARTED);
  g_assert_cmpuint(started->batch.epochs, ==, epochs);
  g_assert_cmpuint(started->batch.n_batches, ==, N_BATCHES);
  g_assert_cmpuint(started->batch.total_steps, ==, (guint64)epochs * N_BATCHES);
  g_assert_cmpuint(started->batch.step, ==, 0);

  for (i = 2; i < events->len; i++) {
    const KjLabEvent *event = g_ptr_array_index(events, i);

    if (event->kind == KJ_LAB_EVENT_BATCH) {
      g_assert_cmpuint(event->batch.step, ==, step + 1);
      step = event->batch.step;
      g_assert_cmpuint(event->batch.epoch, ==, (step - 1) / N_BATCHES + 1);
      g_assert_cmpuint(event->batch.batch, ==, (step - 1) % N_BATCHES + 1);
      g_assert_cmpuint(event->batch.n_batches, ==, N_BATCHES);
      g_assert_true(isfinite(event->batch.loss));
    } else if (event->kind == KJ_LAB_EVENT_EPOCH) {
      epoch++;
      g_assert_cmpuint(event->epoch.epoch, ==, epoch);
      g_assert_cmpuint(step, ==, (guint64)epoch * N_BATCHES);
      g_assert_null(event->epoch.validation);
      g_assert_null(event->epoch.validation_indices);
      g_assert_null(event->epoch.test);
    } else {
      break;
    }
  }
  g_assert_cmpuint(i + 2, ==, events->len);
  finished = g_ptr_array_index(events, i);
  g_assert_cmpint(finished->kind, ==, KJ_LAB_EVENT_FINISHED);
  g_assert_cmpint(((KjLabEvent *)g_ptr_array_index(events, i + 1))->kind, ==, KJ_LAB_EVENT_MODEL);
  g_assert_cmpstr(((KjLabEvent *)g_ptr_array_index(events, i + 1))->spec, ==, first->spec);
  if (finished->error == NULL) {
    g_assert_cmpuint(step, ==, (guint64)epochs * N_BATCHES);
    g_assert_cmpuint(epoch, ==, epochs);
  } else {
    g_assert_error(finished->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  if (finished_out != NULL)
    *finished_out = finished;
  return (guint)step;
}

/* ---- files ---- */

static char *
make_dir(void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp("kj-test-lab-XXXXXX", &error);

  g_assert_no_error(error);
  return dir;
}

static void
remove_tree(const char *path)
{
  GDir *dir = g_dir_open(path, 0, NULL);
  const char *name;

  if (dir != NULL) {
    while ((name = g_dir_read_name(dir)) != NULL) {
      g_autofree char *child = g_build_filename(path, name, NULL);

      remove_tree(child);
    }
    g_dir_close(dir);
  }
  g_remove(path);
}

static GFile *
write_png(const char *dir, const char *name, int width, int height)
{
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf(width, height);
  g_autofree char *path = g_build_filename(dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_save(pixbuf, path, "png", &error, NULL);
  g_assert_no_error(error);
  return g_file_new_for_path(path);
}

static GFile *
write_bytes(const char *dir, const char *name, const char *bytes, gssize length)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents(path, bytes, length, &error);
  g_assert_no_error(error);
  return g_file_new_for_path(path);
}

static GBytes *
read_file(GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes(file, NULL, NULL, &error);

  g_assert_no_error(error);
  return bytes;
}

/* ---- tests ---- */

typedef struct {
  Recorder *r;
  GMainLoop *loop;
  guint request;
  gboolean done;
} Drain;

/* As the GUI does: notify schedules a drain on the owner's main context. */
static gboolean
drain_idle(gpointer user_data)
{
  Drain *drain = user_data;

  /* Scheduled before kj_lab_engine_free() and run after it. */
  if (drain->r->engine == NULL)
    return G_SOURCE_REMOVE;
  recorder_add(drain->r, kj_lab_engine_take_events(drain->r->engine));
  if (!drain->done && find_event(drain->r, drain->request, KJ_LAB_EVENT_FINISHED) >= 0) {
    g_autoptr(GPtrArray) events = events_of(drain->r, drain->request);

    if (((KjLabEvent *)g_ptr_array_index(events, events->len - 1))->kind == KJ_LAB_EVENT_MODEL) {
      drain->done = TRUE;
      g_main_loop_quit(drain->loop);
    }
  }
  return G_SOURCE_REMOVE;
}

static Drain *main_drain;

static void
notify_main(gpointer user_data)
{
  Recorder *r = user_data;

  g_atomic_int_inc(&r->notifies);
  g_main_context_invoke(NULL, drain_idle, main_drain);
}

static gboolean
on_deadline(gpointer user_data)
{
  g_error("the training did not finish in %d s", DEADLINE_S);
  return G_SOURCE_REMOVE;
}

/* DATASET, MODEL, STARTED, BATCH…, EPOCH with every validation image's
 * top-5, FINISHED, MODEL; notify once per drain, drained from a main loop. */
static void
test_events_in_order(void)
{
  Recorder *r = recorder_new_full(notify_main, FALSE);
  Drain drain = { r, g_main_loop_new(NULL, FALSE), 0, FALSE };
  KjDataOptions options = small_shapes();
  KjTrainConfig config = small_config(2);
  g_autoptr(GPtrArray) epochs = g_ptr_array_new();
  const KjLabEvent *dataset, *model, *finished;
  guint open_id, train_id, n_events, timeout;

  main_drain = &drain;
  g_assert_false(kj_lab_engine_is_training(r->engine));

  open_id = kj_lab_engine_open_dataset(r->engine, "shapes", &options);
  train_id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  g_assert_cmpuint(open_id, >, 0);
  g_assert_cmpuint(train_id, >, open_id);
  g_assert_true(kj_lab_engine_is_training(r->engine));
  drain.request = train_id;
  timeout = g_timeout_add_seconds(DEADLINE_S, on_deadline, NULL);
  g_main_loop_run(drain.loop);
  g_source_remove(timeout);
  g_assert_false(kj_lab_engine_is_training(r->engine));

  /* The dataset first, then the training's events. */
  dataset = event_at(r, 0);
  g_assert_cmpint(dataset->kind, ==, KJ_LAB_EVENT_DATASET);
  g_assert_cmpuint(dataset->request, ==, open_id);
  g_assert_cmpuint(kj_dataset_get_n(dataset->splits.train), ==, N_TRAIN);
  g_assert_cmpuint(kj_dataset_get_n(dataset->splits.test), ==, N_TEST);
  g_assert_nonnull(dataset->splits.name);
  check_training(r, train_id, 2, &finished);
  g_assert_no_error(finished->error);

  model = event_at(r, 1);
  g_assert_cmpint(model->kind, ==, KJ_LAB_EVENT_MODEL);
  g_assert_cmpstr(model->spec, ==, TINY_SPEC);
  g_assert_cmpuint(model->input_shape.c, ==, 3);
  g_assert_cmpuint(model->input_shape.h, ==, 32);
  g_assert_cmpuint(model->input_shape.w, ==, 32);
  for (guint c = 0; c < N_CLASSES; c++)
    g_assert_cmpstr(model->class_names[c], ==, kj_dataset_get_class_name(dataset->splits.train, c));

  /* Each epoch: the validation split's predictions and confusion matrix. */
  {
    g_autoptr(GPtrArray) events = events_of(r, train_id);

    for (guint i = 0; i < events->len; i++)
      if (((KjLabEvent *)g_ptr_array_index(events, i))->kind == KJ_LAB_EVENT_EPOCH)
        g_ptr_array_add(epochs, g_ptr_array_index(events, i));
  }
  g_assert_cmpuint(epochs->len, ==, 2);
  for (guint e = 0; e < epochs->len; e++) {
    const KjLabEvent *event = g_ptr_array_index(epochs, e);
    const KjEvaluation *ev = event->evaluation;
    g_autofree guint *confusion = g_new0(guint, N_CLASSES * N_CLASSES);
    g_autofree gboolean *seen = g_new0(gboolean, N_TRAIN);
    guint total = 0, correct = 0;

    g_assert_cmpuint(event->n_predictions, ==, N_VAL);
    g_assert_nonnull(ev);
    g_assert_cmpuint(ev->n, ==, N_VAL);
    g_assert_null(ev->top);
    g_assert_true(event->images == dataset->splits.train);
    g_assert_cmpfloat(event->epoch.val_accuracy, ==, ev->accuracy);
    g_assert_cmpfloat(event->epoch.val_loss, ==, ev->loss);
    g_assert_true(isfinite(event->epoch.test_accuracy));
    for (guint i = 0; i < N_CLASSES * N_CLASSES; i++)
      total += ev->confusion[i];
    g_assert_cmpuint(total, ==, N_VAL);

    /* The top-1 of each image rebuilds the confusion matrix. */
    for (guint i = 0; i < event->n_predictions; i++) {
      const KjPrediction *top = event->predictions + (gsize)i * KJ_LAB_TOP_K;
      guint index = event->indices[i], label;
      double sum = 0.0;

      g_assert_cmpuint(index, <, N_TRAIN);
      g_assert_false(seen[index]);
      seen[index] = TRUE;
      label = kj_dataset_get_label(event->images, index);
      for (guint k = 0; k < KJ_LAB_TOP_K; k++) {
        g_assert_cmpuint(top[k].label, <, N_CLASSES);
        if (k > 0) {
          g_assert_cmpfloat(top[k].probability, <=, top[k - 1].probability);
          g_assert_cmpuint(top[k].label, !=, top[0].label);
        }
        sum += top[k].probability;
      }
      g_assert_cmpfloat(sum, <=, 1.0 + 1e-5);
      confusion[label * N_CLASSES + top[0].label]++;
      correct += top[0].label == label;
    }
    g_assert_cmpmem(confusion, N_CLASSES * N_CLASSES * sizeof(guint), ev->confusion,
                    N_CLASSES * N_CLASSES * sizeof(guint));
    g_assert_cmpfloat_with_epsilon(ev->accuracy, (double)correct / N_VAL, 1e-12);
  }

  /* Hundreds of events, a handful of notifications: one per drain. */
  n_events = count_events(r);
  g_assert_cmpuint(n_events, ==, 1 + 2 + 2 * N_BATCHES + 2 + 2);
  g_assert_cmpint(g_atomic_int_get(&r->notifies), >=, 1);
  g_assert_cmpint(g_atomic_int_get(&r->notifies), <=, r->takes + 1);
  g_test_message("%u events, %d notifications, %d drains", n_events, r->notifies, r->takes);

  /* No notify once freed; drains scheduled before may still run. */
  kj_lab_engine_free(g_steal_pointer(&r->engine));
  n_events = count_events(r);
  while (g_main_context_pending(NULL))
    g_main_context_iteration(NULL, FALSE);
  g_assert_cmpuint(count_events(r), ==, n_events);
  main_drain = NULL;
  g_main_loop_unref(drain.loop);
  recorder_free(r);
}

/* However many events, one notify until the owner drains them. */
static void
test_notify_once_per_drain(void)
{
  Recorder *r = recorder_new(FALSE);
  KjDataOptions options = small_shapes();
  KjTrainConfig config = small_config(1);
  gint64 deadline = g_get_monotonic_time() + DEADLINE_S * G_USEC_PER_SEC;
  g_autoptr(GPtrArray) taken = NULL;
  int notifies;
  guint id;

  kj_lab_engine_open_dataset(r->engine, "shapes", &options);
  kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  while (kj_lab_engine_is_training(r->engine)) {
    g_assert_cmpint(g_get_monotonic_time(), <, deadline);
    sleep_ms(1);
  }
  g_assert_cmpint(g_atomic_int_get(&r->notifies), ==, 1);
  taken = kj_lab_engine_take_events(r->engine);
  g_assert_cmpuint(taken->len, >=, 1 + 2 + N_BATCHES + 2);

  /* Drained: the next event notifies again (the last MODEL may be one). */
  if (((KjLabEvent *)g_ptr_array_index(taken, taken->len - 1))->kind != KJ_LAB_EVENT_MODEL) {
    while (g_atomic_int_get(&r->notifies) < 2) {
      g_assert_cmpint(g_get_monotonic_time(), <, deadline);
      sleep_ms(1);
    }
    g_ptr_array_unref(taken);
    taken = kj_lab_engine_take_events(r->engine);
    g_assert_cmpuint(taken->len, ==, 1);
    g_assert_cmpint(((KjLabEvent *)g_ptr_array_index(taken, 0))->kind, ==, KJ_LAB_EVENT_MODEL);
  }
  notifies = g_atomic_int_get(&r->notifies);
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "after");
  while (g_atomic_int_get(&r->notifies) == notifies) {
    g_assert_cmpint(g_get_monotonic_time(), <, deadline);
    sleep_ms(1);
  }
  wait_for(r, id, KJ_LAB_EVENT_PREDICTION);
  g_assert_cmpint(g_atomic_int_get(&r->notifies), ==, notifies + 1);
  /* Nothing queued: an empty array. */
  g_ptr_array_unref(taken);
  taken = kj_lab_engine_take_events(r->engine);
  g_assert_cmpuint(taken->len, ==, 0);
  recorder_free(r);
}

/* Without a validation split, the test set's predictions. */
static void
test_epoch_without_validation(void)
{
  Recorder *r = recorder_new(FALSE);
  KjTrainConfig config = small_config(1);
  const KjLabEvent *dataset, *epoch;
  guint id;

  dataset = open_small(r);
  config.validation_fraction = 0.0;
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  wait_for_training(r, id);
  epoch = wait_for(r, id, KJ_LAB_EVENT_EPOCH);
  g_assert_true(epoch->images == dataset->splits.test);
  g_assert_cmpuint(epoch->n_predictions, ==, N_TEST);
  g_assert_cmpuint(epoch->evaluation->n, ==, N_TEST);
  g_assert_true(isnan(epoch->epoch.val_loss));
  g_assert_cmpfloat(epoch->epoch.test_accuracy, ==, epoch->evaluation->accuracy);
  for (guint i = 0; i < N_TEST; i++)
    g_assert_cmpuint(epoch->indices[i], ==, i);
  recorder_free(r);
}

/* Stopped after 0, 1, … batches, at an epoch's end (during its
 * evaluation) and after it: FINISHED cancelled with exactly that many
 * batches, then the model, and nothing else. */
static void
test_stop_between_batches(void)
{
  static const guint64 stops[] = {
    1, 2, 5, N_BATCHES - 1, N_BATCHES, N_BATCHES + 1, 2 * N_BATCHES - 1
  };
  Recorder *r = recorder_new(TRUE);
  KjTrainConfig config = small_config(3);

  open_small(r);
  for (guint s = 0; s < G_N_ELEMENTS(stops); s++) {
    const KjLabEvent *finished;
    guint id;

    set_actions(r, stops[s], 0, FALSE);
    id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
    wait_for_training(r, id);
    g_assert_cmpuint(check_training(r, id, 3, &finished), ==, stops[s]);
    g_assert_error(finished->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    {
      g_autoptr(GPtrArray) events = events_of(r, id);
      guint n_epochs = 0;

      for (guint i = 0; i < events->len; i++)
        n_epochs += ((KjLabEvent *)g_ptr_array_index(events, i))->kind == KJ_LAB_EVENT_EPOCH;
      /* Stopped in the evaluation after the last batch: no EPOCH. */
      g_assert_cmpuint(n_epochs, ==, (guint)(stops[s] - 1) / N_BATCHES);
    }
    g_assert_false(kj_lab_engine_is_training(r->engine));
  }
  recorder_free(r);
}

/* Stop from the owner: before the training begins, while the dataset
 * opens, and at random moments; every time FINISHED comes, cancelled or
 * complete, and the events are well-formed. */
static void
test_stop_any_time(void)
{
  Recorder *r = recorder_new(FALSE);
  KjDataOptions options = small_shapes();
  KjTrainConfig config = small_config(2);
  const KjLabEvent *finished;
  guint open_id, id;

  /* The dataset opens while the training waits: stopped before it began. */
  options.shapes_train = 2000;
  open_id = kj_lab_engine_open_dataset(r->engine, "shapes", &options);
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  kj_lab_engine_stop(r->engine);
  finished = wait_for_training(r, id);
  g_assert_error(finished->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint(find_event(r, open_id, KJ_LAB_EVENT_DATASET), >=, 0);
  g_assert_cmpuint(check_training(r, id, 2, NULL), ==, 0);
  {
    g_autoptr(GPtrArray) events = events_of(r, id);

    g_assert_cmpuint(events->len, ==, 1); /* FINISHED alone */
  }

  open_small(r);
  /* Right after the request: no batch at all. */
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  kj_lab_engine_stop(r->engine);
  wait_for_training(r, id);
  g_assert_cmpuint(check_training(r, id, 2, &finished), ==, 0);
  g_assert_error(finished->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* A stop with nothing to stop does not stop the next training. */
  kj_lab_engine_stop(r->engine);
  kj_lab_engine_set_paused(r->engine, TRUE);
  config.epochs = 1;
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  wait_for_training(r, id);
  g_assert_cmpuint(check_training(r, id, 1, &finished), ==, N_BATCHES);
  g_assert_no_error(finished->error);

  config.epochs = 2;
  for (guint i = 0; i < 9; i++) {
    guint wait_ms = (guint)g_test_rand_int_range(0, 30);

    id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
    if (i % 3 == 1) {
      kj_lab_engine_set_paused(r->engine, TRUE);
      kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "paused");
      sleep_ms(wait_ms / 4);
    }
    sleep_ms(wait_ms);
    if (i % 3 == 2)
      kj_lab_engine_set_paused(r->engine, TRUE);
    kj_lab_engine_stop(r->engine);
    finished = wait_for_training(r, id);
    check_training(r, id, 2, NULL);
    g_test_message("stopped after %u ms: %s", wait_ms,
                   finished->error != NULL ? finished->error->message : "finished");
  }
  recorder_free(r);
}

/* Freeing the engine joins its worker whatever it is doing. */
static void
test_free_any_time(void)
{
  KjTrainConfig config = small_config(50);

  /* At once, and with requests queued behind each other. */
  kj_lab_engine_free(kj_lab_engine_new(NULL, NULL));
  for (guint i = 0; i < 6; i++) {
    Recorder *r = recorder_new(i == 3);
    KjDataOptions options = small_shapes();
    g_autoptr(GFile) file = g_file_new_for_path("/nonexistent/kj-test-lab.safetensors");
    gint64 start;
    guint id;

    if (i == 0)
      options.shapes_train = 20000; /* freed while the dataset opens */
    if (i == 3)
      set_actions(r, 0, 3, FALSE);
    kj_lab_engine_open_dataset(r->engine, "shapes", &options);
    id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
    kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "pending");
    kj_lab_engine_save_model(r->engine, file);
    switch (i) {
    case 0: /* opening */
    case 1: /* opening, or about to train */
      break;
    case 2: /* training */
      wait_for(r, id, KJ_LAB_EVENT_BATCH);
      break;
    case 3: /* paused between batches */
      wait_for(r, id, KJ_LAB_EVENT_BATCH);
      sleep_ms(20);
      break;
    case 4: /* paused, maybe in an evaluation */
      wait_for(r, id, KJ_LAB_EVENT_EPOCH);
      sleep_ms(1);
      kj_lab_engine_set_paused(r->engine, TRUE);
      sleep_ms(20);
      break;
    case 5: /* stopping */
      wait_for(r, id, KJ_LAB_EVENT_STARTED);
      kj_lab_engine_stop(r->engine);
      break;
    }
    start = g_get_monotonic_time();
    recorder_free(r);
    g_test_message("case %u: freed in %.3f s", i, (g_get_monotonic_time() - start) / 1e6);
  }
}

/* Paused between batches: no batch runs, yet classifications and saves are
 * served; resumed: the training ends as it would have. */
static void
test_pause_resume(void)
{
  Recorder *r = recorder_new(TRUE);
  KjTrainConfig config = small_config(2);
  g_autofree char *dir = make_dir();
  g_autofree char *path = g_build_filename(dir, "paused.safetensors", NULL);
  g_autoptr(GFile) file = g_file_new_for_path(path);
  const KjLabEvent *finished;
  guint id, classify_id, save_id;

  open_small(r);
  set_actions(r, 0, 3, FALSE);
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);

  wait_for(r, id, KJ_LAB_EVENT_BATCH);
  {
    guint before;

    /* Step 3 arrives, then nothing. */
    for (;;) {
      g_autoptr(GPtrArray) events = events_of(r, id);
      const KjLabEvent *last = g_ptr_array_index(events, events->len - 1);

      if (last->kind == KJ_LAB_EVENT_BATCH && last->batch.step == 3)
        break;
      g_assert_true(last->kind != KJ_LAB_EVENT_BATCH || last->batch.step < 3);
      sleep_ms(1);
    }
    before = count_events(r);
    sleep_ms(100);
    g_assert_cmpuint(count_events(r), ==, before);
    g_assert_true(kj_lab_engine_is_training(r->engine));

    classify_id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "while paused");
    save_id = kj_lab_engine_save_model(r->engine, file);
    wait_for(r, classify_id, KJ_LAB_EVENT_PREDICTION);
    wait_for(r, save_id, KJ_LAB_EVENT_SAVED);
    sleep_ms(50);
    g_assert_cmpint(find_event(r, id, KJ_LAB_EVENT_EPOCH), <, 0);
    {
      g_autoptr(GPtrArray) events = events_of(r, id);

      g_assert_cmpuint(events->len, ==, 2 + 3); /* MODEL STARTED BATCH×3 */
    }
  }
  kj_lab_engine_set_paused(r->engine, FALSE);
  finished = wait_for_training(r, id);
  g_assert_no_error(finished->error);
  g_assert_cmpuint(check_training(r, id, 2, NULL), ==, 2 * N_BATCHES);
  g_assert_true(g_file_query_exists(file, NULL));

  /* A pause ends with its training. */
  set_actions(r, 0, 0, FALSE);
  config.epochs = 1;
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  finished = wait_for_training(r, id);
  g_assert_no_error(finished->error);

  recorder_free(r);
  remove_tree(dir);
}

static guint
count_kind(Recorder *r, guint request, KjLabEventKind kind)
{
  g_autoptr(GPtrArray) events = events_of(r, request);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    n += ((KjLabEvent *)g_ptr_array_index(events, i))->kind == kind;
  return n;
}

/* Paused at random moments, batches and evaluations alike (half the images
 * are held out, so evaluating takes about as long as training): nothing
 * moves until resumed, except that a classification made during an
 * evaluation lets that evaluation end, then waits paused. */
static void
test_pause_any_time(void)
{
  Recorder *r = recorder_new(FALSE);
  KjTrainConfig config = small_config(2);
  guint n_batches;

  config.validation_fraction = 0.5;
  kj_train_plan(N_TRAIN, &config, NULL, &n_batches);
  open_small(r);
  for (guint i = 0; i < 4; i++) {
    guint id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
    guint batches, epochs, classify_id;
    const KjLabEvent *finished;

    wait_for(r, id, KJ_LAB_EVENT_STARTED);
    sleep_ms((guint)g_test_rand_int_range(0, 20));
    kj_lab_engine_set_paused(r->engine, TRUE);
    sleep_ms(60); /* the batch under way ends */
    recorder_poll(r);
    batches = count_kind(r, id, KJ_LAB_EVENT_BATCH);
    epochs = count_kind(r, id, KJ_LAB_EVENT_EPOCH);
    sleep_ms(60);
    recorder_poll(r);
    g_assert_cmpuint(count_kind(r, id, KJ_LAB_EVENT_BATCH), ==, batches);
    g_assert_cmpuint(count_kind(r, id, KJ_LAB_EVENT_EPOCH), ==, epochs);

    classify_id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "paused");
    wait_for(r, classify_id, KJ_LAB_EVENT_PREDICTION);
    sleep_ms(30);
    recorder_poll(r);
    g_assert_cmpuint(count_kind(r, id, KJ_LAB_EVENT_BATCH), ==, batches);
    g_assert_cmpuint(count_kind(r, id, KJ_LAB_EVENT_EPOCH), <=, epochs + 1);
    g_test_message("paused after %u batches, %u epochs%s", batches, epochs,
                   count_kind(r, id, KJ_LAB_EVENT_EPOCH) > epochs ? ", evaluating" : "");

    kj_lab_engine_set_paused(r->engine, FALSE);
    finished = wait_for_training(r, id);
    g_assert_no_error(finished->error);
    g_assert_cmpuint(count_kind(r, id, KJ_LAB_EVENT_BATCH), ==, 2 * n_batches);
    g_assert_cmpuint(count_kind(r, id, KJ_LAB_EVENT_EPOCH), ==, 2);
  }
  recorder_free(r);
}

static void
assert_failed_naming(const KjLabEvent *event, const char *name)
{
  g_assert_cmpint(event->kind, ==, KJ_LAB_EVENT_FAILED);
  g_assert_nonnull(event->error);
  g_assert_cmpstr(event->name, ==, name);
  if (strstr(event->error->message, name) == NULL)
    g_error("“%s” does not name %s", event->error->message, name);
}

/* Files and pixbufs: PREDICTION with a bounded thumbnail, or FAILED naming
 * the file; nothing to classify with before a model. */
static void
test_classify(void)
{
  Recorder *r = recorder_new(FALSE);
  KjTrainConfig config = small_config(1);
  g_autofree char *dir = make_dir();
  g_autoptr(GFile) good = write_png(dir, "good.png", 40, 30);
  g_autoptr(GFile) large = write_png(dir, "large.png", 1000, 600);
  g_autoptr(GFile) corrupt =
      write_bytes(dir, "corrupt.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDRgarbage garbage", 32);
  g_autoptr(GFile) text = write_bytes(dir, "notes.txt", "not an image\n", -1);
  g_autofree char *missing_path = g_build_filename(dir, "missing.png", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path(missing_path);
  const KjLabEvent *event;
  guint id;

  /* No model yet. */
  id = kj_lab_engine_classify_file(r->engine, good);
  assert_failed_naming(wait_for(r, id, KJ_LAB_EVENT_FAILED), "good.png");
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "dropped");
  assert_failed_naming(wait_for(r, id, KJ_LAB_EVENT_FAILED), "dropped");

  open_small(r);
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  wait_for_training(r, id);

  id = kj_lab_engine_classify_file(r->engine, good);
  event = wait_for(r, id, KJ_LAB_EVENT_PREDICTION);
  g_assert_cmpuint(event->n_top, ==, KJ_LAB_TOP_K);
  g_assert_cmpstr(event->name, ==, "good.png");
  g_assert_true(g_file_equal(event->file, good));
  g_assert_nonnull(event->thumbnail);
  g_assert_cmpint(gdk_pixbuf_get_width(event->thumbnail), ==, 40); /* not enlarged */
  g_assert_cmpint(gdk_pixbuf_get_height(event->thumbnail), ==, 30);
  for (guint k = 1; k < event->n_top; k++)
    g_assert_cmpfloat(event->top[k].probability, <=, event->top[k - 1].probability);

  id = kj_lab_engine_classify_file(r->engine, large);
  event = wait_for(r, id, KJ_LAB_EVENT_PREDICTION);
  g_assert_cmpint(gdk_pixbuf_get_width(event->thumbnail), ==, 256);
  g_assert_cmpint(gdk_pixbuf_get_height(event->thumbnail), ==, 154);

  id = kj_lab_engine_classify_file(r->engine, corrupt);
  event = wait_for(r, id, KJ_LAB_EVENT_FAILED);
  assert_failed_naming(event, "corrupt.png");
  g_assert_true(g_file_equal(event->file, corrupt));
  g_assert_null(event->thumbnail);
  id = kj_lab_engine_classify_file(r->engine, text);
  assert_failed_naming(wait_for(r, id, KJ_LAB_EVENT_FAILED), "notes.txt");
  id = kj_lab_engine_classify_file(r->engine, missing);
  assert_failed_naming(wait_for(r, id, KJ_LAB_EVENT_FAILED), "missing.png");

  /* A pixbuf: the same pixels as the file give the same answer. */
  {
    g_autoptr(GdkPixbuf) pixbuf = make_pixbuf(40, 30);
    const KjLabEvent *from_file;

    id = kj_lab_engine_classify_file(r->engine, good);
    from_file = wait_for(r, id, KJ_LAB_EVENT_PREDICTION);
    id = kj_lab_engine_classify_pixbuf(r->engine, pixbuf, "dropped");
    event = wait_for(r, id, KJ_LAB_EVENT_PREDICTION);
    g_assert_cmpstr(event->name, ==, "dropped");
    g_assert_null(event->thumbnail);
    g_assert_null(event->file);
    g_assert_cmpmem(event->top, sizeof event->top, from_file->top, sizeof from_file->top);
  }

  recorder_free(r);
  remove_tree(dir);
}

/* Classifications made during training are answered between two batches,
 * before FINISHED; and they leave the training bit for bit as it was. */
static void
test_classify_during_training(void)
{
  Recorder *r = recorder_new(TRUE);
  KjTrainConfig config = small_config(2);
  g_autofree char *dir = make_dir();
  g_autofree char *plain_path = g_build_filename(dir, "plain.safetensors", NULL);
  g_autofree char *busy_path = g_build_filename(dir, "busy.safetensors", NULL);
  g_autoptr(GFile) plain = g_file_new_for_path(plain_path);
  g_autoptr(GFile) busy = g_file_new_for_path(busy_path);
  g_autoptr(GBytes) plain_bytes = NULL, busy_bytes = NULL;
  g_autoptr(GPtrArray) plain_events = NULL, busy_events = NULL;
  guint plain_id, busy_id, id;
  int finished;

  open_small(r);

  /* Once undisturbed. */
  plain_id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  wait_for_training(r, plain_id);
  id = kj_lab_engine_save_model(r->engine, plain);
  wait_for(r, id, KJ_LAB_EVENT_SAVED);

  /* Once with a classification after every batch, one mid-epoch asked
   * from here too. */
  set_actions(r, 0, 0, TRUE);
  busy_id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  wait_for(r, busy_id, KJ_LAB_EVENT_STARTED);
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "from the owner");
  wait_for_training(r, busy_id);
  set_actions(r, 0, 0, FALSE);

  finished = find_event(r, busy_id, KJ_LAB_EVENT_FINISHED);
  g_assert_cmpint(find_event(r, id, KJ_LAB_EVENT_PREDICTION), <, finished);
  /* Those asked after a batch are answered right after it. */
  g_assert_cmpuint(r->requested->len, ==, 2 * N_BATCHES);
  for (guint i = 0; i < r->requested->len; i++) {
    guint request = g_array_index(r->requested, guint, i);
    int at = find_event(r, request, KJ_LAB_EVENT_PREDICTION);
    const KjLabEvent *before = event_at(r, at - 1);

    g_assert_cmpint(at, <, finished);
    g_assert_cmpint(at, >, 0);
    /* after batch i + 1, and its EPOCH when that ended an epoch */
    while (before->kind == KJ_LAB_EVENT_PREDICTION || before->kind == KJ_LAB_EVENT_EPOCH)
      before = event_at(r, --at - 1);
    g_assert_cmpint(before->kind, ==, KJ_LAB_EVENT_BATCH);
    g_assert_cmpuint(before->batch.step, ==, i + 1);
  }

  id = kj_lab_engine_save_model(r->engine, busy);
  wait_for(r, id, KJ_LAB_EVENT_SAVED);

  /* The same losses and the same weights, bit for bit. */
  plain_events = events_of(r, plain_id);
  busy_events = events_of(r, busy_id);
  g_assert_cmpuint(plain_events->len, ==, busy_events->len);
  for (guint i = 0; i < plain_events->len; i++) {
    const KjLabEvent *a = g_ptr_array_index(plain_events, i);
    const KjLabEvent *b = g_ptr_array_index(busy_events, i);

    g_assert_cmpint(a->kind, ==, b->kind);
    if (a->kind == KJ_LAB_EVENT_BATCH) {
      g_assert_cmpfloat(a->batch.loss, ==, b->batch.loss);
      g_assert_cmpfloat(a->batch.accuracy, ==, b->batch.accuracy);
    } else if (a->kind == KJ_LAB_EVENT_EPOCH) {
      g_assert_cmpfloat(a->epoch.val_loss, ==, b->epoch.val_loss);
      g_assert_cmpmem(a->predictions, a->n_predictions * KJ_LAB_TOP_K * sizeof(KjPrediction),
                      b->predictions, b->n_predictions * KJ_LAB_TOP_K * sizeof(KjPrediction));
    }
  }
  plain_bytes = read_file(plain);
  busy_bytes = read_file(busy);
  g_assert_true(g_bytes_equal(plain_bytes, busy_bytes));

  recorder_free(r);
  remove_tree(dir);
}

/* Saved and loaded, a model predicts bit for bit the same, in this engine
 * and in a fresh one without a dataset. */
static void
test_save_load(void)
{
  Recorder *r = recorder_new(FALSE);
  KjTrainConfig config = small_config(1);
  g_autofree char *dir = make_dir();
  g_autofree char *path = g_build_filename(dir, "model.safetensors", NULL);
  g_autofree char *again_path = g_build_filename(dir, "again.safetensors", NULL);
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autoptr(GFile) again = g_file_new_for_path(again_path);
  g_autoptr(GFile) junk = write_bytes(dir, "junk.safetensors", "junk", -1);
  g_autoptr(GBytes) saved = NULL, resaved = NULL;
  KjPrediction first[KJ_LAB_TOP_K];
  const KjLabEvent *event, *trained;
  guint id;

  id = kj_lab_engine_save_model(r->engine, file);
  event = wait_for(r, id, KJ_LAB_EVENT_FAILED);
  g_assert_error(event->error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_assert_true(g_file_equal(event->file, file));

  open_small(r);
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  wait_for_training(r, id);
  trained = wait_for(r, id, KJ_LAB_EVENT_MODEL);
  id = kj_lab_engine_save_model(r->engine, file);
  event = wait_for(r, id, KJ_LAB_EVENT_SAVED);
  g_assert_true(g_file_equal(event->file, file));
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "before");
  memcpy(first, wait_for(r, id, KJ_LAB_EVENT_PREDICTION)->top, sizeof first);

  id = kj_lab_engine_load_model(r->engine, file);
  event = wait_for(r, id, KJ_LAB_EVENT_MODEL);
  g_assert_cmpstr(event->spec, ==, trained->spec);
  g_assert_true(kj_shape_equal(&event->input_shape, &trained->input_shape));
  g_assert_cmpstrv(event->class_names, trained->class_names);
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "after");
  event = wait_for(r, id, KJ_LAB_EVENT_PREDICTION);
  g_assert_cmpmem(event->top, sizeof first, first, sizeof first);
  id = kj_lab_engine_save_model(r->engine, again);
  wait_for(r, id, KJ_LAB_EVENT_SAVED);
  saved = read_file(file);
  resaved = read_file(again);
  g_assert_true(g_bytes_equal(saved, resaved));

  /* A bad file leaves the model as it was. */
  id = kj_lab_engine_load_model(r->engine, junk);
  event = wait_for(r, id, KJ_LAB_EVENT_FAILED);
  g_assert_true(g_file_equal(event->file, junk));
  g_assert_nonnull(strstr(event->error->message, "junk.safetensors"));
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "still");
  g_assert_cmpmem(wait_for(r, id, KJ_LAB_EVENT_PREDICTION)->top, sizeof first, first, sizeof first);
  recorder_free(r);

  r = recorder_new(FALSE);
  id = kj_lab_engine_load_model(r->engine, file);
  wait_for(r, id, KJ_LAB_EVENT_MODEL);
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "fresh");
  event = wait_for(r, id, KJ_LAB_EVENT_PREDICTION);
  g_assert_cmpmem(event->top, sizeof first, first, sizeof first);
  recorder_free(r);
  remove_tree(dir);
}

/* A dataset of other classes drops the model (MODEL with no spec); the
 * same classes keep it; a failed open keeps everything. */
static void
test_dataset_changes(void)
{
  Recorder *r = recorder_new(FALSE);
  KjTrainConfig config = small_config(1);
  g_autofree char *dir = make_dir();
  KjDataOptions options;
  const KjLabEvent *event;
  guint id;

  /* An image folder of two classes. */
  for (guint c = 0; c < 2; c++) {
    g_autofree char *class_dir = g_build_filename(dir, c == 0 ? "cats" : "dogs", NULL);

    g_assert_cmpint(g_mkdir(class_dir, 0700), ==, 0);
    for (guint i = 0; i < 3; i++) {
      g_autofree char *name = g_strdup_printf("%u.png", i);
      g_autoptr(GFile) png = write_png(class_dir, name, 20 + i, 20 + c);
    }
  }

  open_small(r);
  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  wait_for_training(r, id);

  /* The same dataset again: the model stays. */
  id = open_small(r)->request;
  barrier(r);
  g_assert_cmpint(find_event(r, id, KJ_LAB_EVENT_MODEL), <, 0);

  /* A missing folder: FAILED, and the model and dataset stay. */
  id = kj_lab_engine_open_dataset(r->engine, "/nonexistent/kj-test-lab", NULL);
  wait_for(r, id, KJ_LAB_EVENT_FAILED);
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "kept");
  wait_for(r, id, KJ_LAB_EVENT_PREDICTION);

  kj_data_options_init(&options);
  id = kj_lab_engine_open_dataset(r->engine, dir, &options);
  event = wait_for(r, id, KJ_LAB_EVENT_DATASET);
  g_assert_cmpuint(kj_dataset_get_n_classes(event->splits.train), ==, 2);
  event = wait_for(r, id, KJ_LAB_EVENT_MODEL);
  g_assert_null(event->spec);
  g_assert_null(event->class_names);
  g_assert_cmpint(find_event(r, id, KJ_LAB_EVENT_DATASET), <,
                  find_event(r, id, KJ_LAB_EVENT_MODEL));
  id = kj_lab_engine_classify_pixbuf(r->engine, r->pixbuf, "dropped");
  wait_for(r, id, KJ_LAB_EVENT_FAILED);

  /* It trains on the new one. */
  config.validation_fraction = 0.0;
  config.batch_size = 2;
  id = kj_lab_engine_train(r->engine, "conv3x3:2 relu pool4 dense:2", &config);
  g_assert_null(wait_for_training(r, id)->error);
  event = wait_for(r, id, KJ_LAB_EVENT_MODEL);
  g_assert_cmpuint(g_strv_length(event->class_names), ==, 2);

  recorder_free(r);
  remove_tree(dir);
}

/* A training without a dataset or with a bad spec fails, and nothing runs;
 * a preset's name stands for its spec. */
static void
test_train_errors(void)
{
  Recorder *r = recorder_new(TRUE);
  KjTrainConfig config = small_config(1);
  const KjLabEvent *event;
  guint id;

  id = kj_lab_engine_train(r->engine, TINY_SPEC, &config);
  event = wait_for(r, id, KJ_LAB_EVENT_FAILED);
  g_assert_error(event->error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  g_assert_false(kj_lab_engine_is_training(r->engine));

  open_small(r);
  id = kj_lab_engine_train(r->engine, "conv3x3:4 wobble dense:8", &config);
  event = wait_for(r, id, KJ_LAB_EVENT_FAILED);
  g_assert_error(event->error, KJ_ERROR, KJ_ERROR_PARSE);
  id = kj_lab_engine_train(r->engine, "conv3x3:4 dense:3", &config);
  event = wait_for(r, id, KJ_LAB_EVENT_FAILED);
  g_assert_error(event->error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
  barrier(r);
  {
    g_autoptr(GPtrArray) events = events_of(r, id);

    g_assert_cmpuint(events->len, ==, 1);
  }
  g_assert_false(kj_lab_engine_is_training(r->engine));

  set_actions(r, 1, 0, FALSE);
  id = kj_lab_engine_train(r->engine, "fast", &config);
  wait_for_training(r, id);
  g_assert_cmpuint(check_training(r, id, 1, NULL), ==, 1); /* stopped after one batch */
  {
    g_autofree char *fast = kj_network_preset_spec("fast", N_CLASSES);

    g_assert_cmpstr(wait_for(r, id, KJ_LAB_EVENT_MODEL)->spec, ==, fast);
  }
  recorder_free(r);
}

/* The channel: notifies from another thread become one drain on this
 * thread's context, after the interval; none once closed. */
static void
count_drain(gpointer data)
{
  guint *drains = data;

  g_assert_true(g_main_context_is_owner(g_main_context_default()));
  (*drains)++;
}

static gpointer
notify_thrice(gpointer channel)
{
  kj_lab_channel_notify(channel);
  kj_lab_channel_notify(channel);
  kj_lab_channel_notify(channel);
  return NULL;
}

static void
test_channel(void)
{
  guint drains = 0;
  KjLabChannel *channel = kj_lab_channel_new(count_drain, &drains);
  gint64 start = g_get_monotonic_time(), end;

  g_thread_join(g_thread_new("notify", notify_thrice, channel));
  g_assert_cmpuint(drains, ==, 0); /* never on the notifying thread */
  while (drains < 3 && g_get_monotonic_time() - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration(NULL, TRUE);
  end = g_get_monotonic_time();
  g_assert_cmpuint(drains, ==, 3);
  g_assert_cmpint(end - start, >=, KJ_LAB_CHANNEL_INTERVAL_MS * 1000 - 2000);

  /* Wake-ups on their way when the owner closes find it closed. */
  g_thread_join(g_thread_new("notify", notify_thrice, channel));
  kj_lab_channel_close(channel);
  kj_lab_channel_unref(channel);
  start = g_get_monotonic_time();
  while (g_get_monotonic_time() - start < 3 * KJ_LAB_CHANNEL_INTERVAL_MS * 1000)
    g_main_context_iteration(NULL, FALSE);
  g_assert_cmpuint(drains, ==, 3);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/lab/channel", test_channel);
  g_test_add_func("/kj/lab/events-in-order", test_events_in_order);
  g_test_add_func("/kj/lab/notify-once-per-drain", test_notify_once_per_drain);
  g_test_add_func("/kj/lab/epoch-without-validation", test_epoch_without_validation);
  g_test_add_func("/kj/lab/stop-between-batches", test_stop_between_batches);
  g_test_add_func("/kj/lab/stop-any-time", test_stop_any_time);
  g_test_add_func("/kj/lab/free-any-time", test_free_any_time);
  g_test_add_func("/kj/lab/pause-resume", test_pause_resume);
  g_test_add_func("/kj/lab/pause-any-time", test_pause_any_time);
  g_test_add_func("/kj/lab/classify", test_classify);
  g_test_add_func("/kj/lab/classify-during-training", test_classify_during_training);
  g_test_add_func("/kj/lab/save-load", test_save_load);
  g_test_add_func("/kj/lab/dataset-changes", test_dataset_changes);
  g_test_add_func("/kj/lab/train-errors", test_train_errors);
  return g_test_run();
}
