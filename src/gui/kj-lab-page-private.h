/* kj-lab-page-private.h — what the Lab page's files share */
#pragma once

#include "kj-chart-view.h"
#include "kj-classify-view.h"
#include "kj-confusion-view.h"
#include "kj-dataset-editor.h"
#include "kj-lab-channel.h"
#include "kj-lab-page.h"
#include "kj-prediction-grid.h"

G_BEGIN_DECLS

struct _KjLabPage {
  AdwBin parent_instance;

  /* template widgets (not the AdwBin's own child, the flap: the bin
   * unparents it, and dispose_template would do it a second time) */
  AdwComboRow *dataset_row;
  GtkStringList *dataset_names;
  GtkStack *dataset_status_stack;
  GtkSpinner *dataset_spinner;
  GtkLabel *dataset_summary;
  GtkFlowBox *samples_box;
  AdwComboRow *preset_row;
  GtkStringList *preset_names;
  AdwEntryRow *spec_row;
  AdwActionRow *model_row;
  GtkSpinButton *epochs_spin;
  GtkSpinButton *batch_spin;
  GtkSpinButton *lr_spin;
  GtkSpinButton *validation_spin;
  GtkSpinButton *seed_spin;
  AdwComboRow *optimizer_row;
  AdwComboRow *schedule_row;
  GtkSwitch *augment_switch;
  AdwButtonContent *pause_content;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkStack *views;
  KjChartView *loss_view;
  KjChartView *accuracy_view;
  KjChartView *rate_view;
  GtkLabel *grid_label;
  GtkButton *clear_cell_button;
  GtkToggleButton *mistakes_toggle;
  KjPredictionGrid *grid;
  KjConfusionView *confusion;
  KjClassifyView *classify;
  KjDatasetEditor *editor;

  /* owned */
  GSettings *settings;
  KjLabEngine *engine;
  KjLabChannel *channel;
  KjTrainingCharts *charts;
  KjLabEvent *dataset;    /* the DATASET event of the open dataset */
  KjLabEvent *last_epoch; /* the predictions the grid shows */
  GStrv class_names;      /* the current model's, NULL without one */
  char *model_spec;       /* the current model's, NULL without one */

  KjDataOptions data_options;
  KjLabState state;
  gboolean opened_once;   /* the dataset opens when the page is first shown */
  gboolean pending_start; /* Start was asked for while the dataset opened */
  guint dataset_request;
  guint train_request;
  guint epochs_shown;
  gboolean has_model;
  gboolean results_stale; /* the grid and matrix show an older epoch */
  gboolean loading;       /* settings are being applied to widgets */
};

/* kj-lab-page.c */
void kj_lab_page_toast(KjLabPage *self, const char *message);

/* kj-lab-page-files.c */
void kj_lab_page_install_file_actions(GtkWidgetClass *widget_class);

G_END_DECLS
