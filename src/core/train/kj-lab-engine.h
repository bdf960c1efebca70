/* kj-lab-engine.h — the CNN Lab's engine: one worker thread that owns the
 * datasets and the model
 *
 * Everything that touches the network — opening a dataset, training,
 * classifying, loading and saving a model — runs on the engine's one worker
 * thread, so OpenBLAS is never entered from two threads and the GUI thread
 * never blocks.  Requests are queued from the owning (GUI) thread and
 * answered by events, in the order they happened; the owner drains them with
 * kj_lab_engine_take_events() when the notify callback says there are some.
 * Classification requests made while training are served between batches,
 * with the weights as they are at that moment.
 *
 * No GTK: the GUI and the tests drive the same engine. */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "kj-data-source.h"
#include "kj-trainer.h"

G_BEGIN_DECLS

typedef struct _KjLabEngine KjLabEngine;

typedef enum {
  KJ_LAB_EVENT_DATASET,    /* a dataset opened: splits */
  KJ_LAB_EVENT_MODEL,      /* a model became current: trained, built or loaded;
                              or none (spec NULL) */
  KJ_LAB_EVENT_STARTED,    /* training began: epochs, n_batches, total_steps */
  KJ_LAB_EVENT_BATCH,      /* batch */
  KJ_LAB_EVENT_EPOCH,      /* epoch, evaluation, images/indices/predictions */
  KJ_LAB_EVENT_FINISHED,   /* training ended; error NULL when it ran to the end */
  KJ_LAB_EVENT_PREDICTION, /* a classification: top, thumbnail, name */
  KJ_LAB_EVENT_SAVED,      /* a model file was written: file */
  KJ_LAB_EVENT_FAILED,     /* a request failed: error */
} KjLabEventKind;

#define KJ_LAB_TOP_K 5

typedef struct {
  KjLabEventKind kind;
  guint request; /* the id kj_lab_engine_*() returned for the request */
  GError *error; /* FAILED, and FINISHED when cancelled or diverged */

  /* DATASET: the opened splits (datasets are read only from here on and
   * safe to read from any thread). */
  KjDataSplits splits;

  /* MODEL: what the current model is (the model itself stays with the
   * worker).  class_names are for display.  All NULL/0 when the model was
   * dropped (see kj_lab_engine_open_dataset()). */
  char *spec;
  KjShape input_shape;
  GStrv class_names;

  /* STARTED, BATCH */
  KjBatchReport batch; /* STARTED: epochs, n_batches and total_steps, all else zero */

  /* EPOCH: the report (its pointers cleared) and, when there is a validation
   * split (else the test set; else all NULL/0), a prediction for each of its
   * images: images[indices[i]] was predicted predictions[i * KJ_LAB_TOP_K…]
   * (best first; fewer than KJ_LAB_TOP_K classes leaves the rest label 0,
   * probability 0), and evaluation's confusion matrix counts the same
   * n_predictions images (its own top is NULL: the predictions are here). */
  KjEpochReport epoch;
  KjEvaluation *evaluation;
  KjDataset *images;
  guint32 *indices;
  guint n_predictions;
  KjPrediction *predictions;

  /* PREDICTION: top[0..n_top) best first, a thumbnail of the image that was
   * classified (at most 256 pixels a side, never enlarged; NULL for pixbuf
   * requests), and its name (the file's display name; the request's name
   * otherwise).  FAILED for a classification has the name too. */
  KjPrediction top[KJ_LAB_TOP_K];
  guint n_top;
  GdkPixbuf *thumbnail;
  char *name;

  /* SAVED, and PREDICTION / FAILED for requests about a file */
  GFile *file;
} KjLabEvent;

void kj_lab_event_free(KjLabEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjLabEvent, kj_lab_event_free)

/* Called on the worker thread (and only there) when events become available
 * after the queue was drained: once until the next kj_lab_engine_take_events(),
 * however many events follow.  It should schedule a drain on the owner's
 * thread, e.g. with g_main_context_invoke(); a drain scheduled just before
 * kj_lab_engine_free() may still run after it, so the owner must be able to
 * tell (clear its pointer to the engine). */
typedef void (*KjLabNotify)(gpointer user_data);

/* Starts the worker.  notify may be NULL (the owner then polls). */
KjLabEngine *kj_lab_engine_new(KjLabNotify notify, gpointer user_data);
/* Cancels whatever runs, drops pending requests, joins the worker and frees
 * everything; undrained events are freed too.  No notify after it returns. */
void kj_lab_engine_free(KjLabEngine *engine);

/* All events queued so far, oldest first (an array of KjLabEvent * that
 * frees them); never NULL, possibly empty. */
GPtrArray *kj_lab_engine_take_events(KjLabEngine *engine);

/* Requests.  Each returns a request id (> 0) that its events carry.  They
 * run in the order made, except that classifications and saves made while a
 * training runs are served between its batches (unless queued behind a
 * request of another kind, which waits for the training to end). */

/* Opens a dataset like kj_data_open() (options->cancellable, if any, cancels
 * this request); DATASET or FAILED, and the current dataset stays on failure.
 * When the current model's input shape or class ids differ from the new
 * dataset's, the model is dropped: DATASET is followed by a MODEL event with
 * spec NULL.  (kj_lab_engine_load_model() does not compare: a loaded model
 * classifies whatever the dataset.) */
guint kj_lab_engine_open_dataset(KjLabEngine *engine, const char *source,
                                 const KjDataOptions *options);

/* Builds a fresh network from spec (a preset name or a spec string) for the
 * current dataset and trains it: MODEL (the fresh network), STARTED, BATCH…,
 * EPOCH…, FINISHED, MODEL (as it ended: trained, or the weights of the last
 * finished epoch when stopped or diverged); or FAILED when there is no
 * dataset or the spec is wrong; or FINISHED (cancelled) alone when stopped
 * before it began.  config as for kj_train() (keep_top_k is the engine's). */
guint kj_lab_engine_train(KjLabEngine *engine, const char *spec, const KjTrainConfig *config);

/* Pause, resume and stop the training that runs and those requested (no
 * effect otherwise); they take effect within one batch, evaluation batches
 * included.  A pause ends with its training.  While paused, classifications
 * and saves are still served (one made during an epoch's evaluation once
 * that evaluation ends).  Safe at any moment. */
void kj_lab_engine_set_paused(KjLabEngine *engine, gboolean paused);
void kj_lab_engine_stop(KjLabEngine *engine);
/* TRUE from a training request until its FINISHED event is queued. */
gboolean kj_lab_engine_is_training(KjLabEngine *engine);

/* Classifies one image with the current model: PREDICTION, or FAILED (no
 * model yet, the file is not an image, too large, vanished…; the error names
 * the file).  Files are decoded on the worker with kj_image_load()'s limits. */
guint kj_lab_engine_classify_file(KjLabEngine *engine, GFile *file);
/* name (not NULL) is what the events call the image.  The pixbuf is read on
 * the worker: do not change it afterwards. */
guint kj_lab_engine_classify_pixbuf(KjLabEngine *engine, GdkPixbuf *pixbuf, const char *name);

/* Model files (kj_model_save / kj_model_load): SAVED or MODEL, else FAILED.
 * Saving during training saves the weights as they are between two
 * batches. */
guint kj_lab_engine_save_model(KjLabEngine *engine, GFile *file);
guint kj_lab_engine_load_model(KjLabEngine *engine, GFile *file);

G_END_DECLS
