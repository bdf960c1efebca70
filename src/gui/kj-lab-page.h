/* kj-lab-page.h — the CNN Lab (训练): train a network on a dataset in a
 * worker thread, watch it learn, look at its predictions, classify images
 *
 * The page owns a KjLabEngine; everything that touches the network runs on
 * its worker, and the page applies the engine's events on the main thread.
 * Its training state drives the app.train-* actions (see KjApplication). */
#pragma once

#include <adwaita.h>

#include "kj-lab-engine.h"
#include "kj-training-charts.h"

G_BEGIN_DECLS

#define KJ_TYPE_LAB_PAGE (kj_lab_page_get_type())
G_DECLARE_FINAL_TYPE(KjLabPage, kj_lab_page, KJ, LAB_PAGE, AdwBin)

typedef enum {
  KJ_LAB_STATE_NO_DATASET, /* none yet, or it failed to open */
  KJ_LAB_STATE_OPENING,
  KJ_LAB_STATE_READY,
  KJ_LAB_STATE_TRAINING,
  KJ_LAB_STATE_PAUSED,
} KjLabState;

/* Binds the settings; the chosen dataset opens (in the background) when the
 * page is first shown. */
void kj_lab_page_load(KjLabPage *self, GSettings *settings);
/* How datasets are opened (e.g. how many shapes to draw; tests draw few);
 * the seed comes from the settings. */
void kj_lab_page_set_data_options(KjLabPage *self, const KjDataOptions *options);

KjLabState kj_lab_page_get_state(KjLabPage *self);
/* Start opens the dataset first if need be, then trains. */
gboolean kj_lab_page_can_start(KjLabPage *self);
gboolean kj_lab_page_is_training(KjLabPage *self); /* training or paused */

void kj_lab_page_start(KjLabPage *self);
void kj_lab_page_toggle_pause(KjLabPage *self);
void kj_lab_page_stop(KjLabPage *self);

/* Opens a model file, or classifies image files (kuajie FILE…). */
void kj_lab_page_open_files(KjLabPage *self, GFile **files, int n_files);

/* Shows one of the tabs: "charts", "predictions", "confusion", "classify" or
 * "my-images". */
void kj_lab_page_show_view(KjLabPage *self, const char *name);

/* The current model's spec; NULL without a model. */
const char *kj_lab_page_get_model_spec(KjLabPage *self);

/* For tests: the live charts and how many epochs have been shown. */
KjTrainingCharts *kj_lab_page_get_charts(KjLabPage *self);
guint kj_lab_page_get_epochs_shown(KjLabPage *self);

G_END_DECLS
