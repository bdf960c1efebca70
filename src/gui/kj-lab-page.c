/* The Lab page: the dataset, the network, training and its progress, the
 * views of the results, and the settings they follow.  Its files (models,
 * predictions) are in kj-lab-page-files.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kj-dataset-texture.h"
#include "kj-lab-page-private.h"
#include "kj-network.h"
#include "kj-toast.h"

/* The dataset choices, in the order of the combo row and of lab-dataset's
 * values. */
static const char *const dataset_ids[] = { "default", "fashion-mnist", "shapes", "my-images",
                                           "folder" };
enum { DATASET_MY_IMAGES = 3, DATASET_FOLDER = 4 };

/* lab-schedule's values, the combo row's order, and what each means. */
static const char *const schedule_ids[] = { "constant", "step", "cosine", NULL };
static const char *const schedule_specs[] = { "constant", "step:2:0.5", "cosine:1" };
static const char *const optimizer_ids[] = { "sgd", "adamw", NULL };

G_DEFINE_FINAL_TYPE(KjLabPage, kj_lab_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_STATE, N_PROPS };
static GParamSpec *properties[N_PROPS];

void
kj_lab_page_toast(KjLabPage *self, const char *message)
{
  kj_toast_show(GTK_WIDGET(self), message);
}

/* State and the actions that depend on it */

static void
update_actions(KjLabPage *self)
{
  gboolean idle = self->state == KJ_LAB_STATE_READY || self->state == KJ_LAB_STATE_NO_DATASET;
  gboolean training = kj_lab_page_is_training(self);

  gtk_widget_action_set_enabled(GTK_WIDGET(self), "lab.open-folder", !training);
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "lab.open-model", idle);
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "lab.save-model", self->has_model);
  gtk_widget_action_set_enabled(GTK_WIDGET(self), "lab.export-predictions",
                                self->last_epoch != NULL);
  gtk_widget_set_sensitive(GTK_WIDGET(self->dataset_row), !training);
  gtk_widget_set_sensitive(GTK_WIDGET(self->preset_row), !training);
  gtk_widget_set_sensitive(GTK_WIDGET(self->spec_row), !training);
  adw_button_content_set_label(self->pause_content,
                               self->state == KJ_LAB_STATE_PAUSED ? _("_Resume") : _("_Pause"));
  adw_button_content_set_icon_name(self->pause_content, self->state == KJ_LAB_STATE_PAUSED
                                                            ? "media-playback-start-symbolic"
                                                            : "media-playback-pause-symbolic");
}

static void
set_state(KjLabPage *self, KjLabState state)
{
  if (self->state == state)
    return;
  self->state = state;
  update_actions(self);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_STATE]);
}

/* Dataset */

/* The first image of a class; its tooltip names the class and counts its
 * images. */
static GtkWidget *
sample_new(KjDataset *ds, guint label, int size)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *picture;
  guint count = 0, first = G_MAXUINT;

  for (guint i = 0; i < kj_dataset_get_n(ds); i++)
    if (kj_dataset_get_label(ds, i) == label) {
      first = MIN(first, i);
      count++;
    }
  if (count == 0)
    return NULL;

  texture = kj_dataset_texture_new(ds, first, size);
  picture = gtk_picture_new_for_paintable(GDK_PAINTABLE(texture));
  gtk_widget_set_size_request(picture, size, size);
  /* Translators: a class name and how many training images it has */
  tooltip = g_strdup_printf(g_dngettext(NULL, "%s: %u image", "%s: %u images", count),
                            kj_dataset_get_class_name(ds, label), count);
  gtk_widget_set_tooltip_text(picture, tooltip);
  gtk_widget_add_css_class(picture, "kj-thumbnail");
  gtk_widget_set_overflow(picture, GTK_OVERFLOW_HIDDEN);
  return picture;
}

static void
show_dataset_summary(KjLabPage *self)
{
  KjDataSplits *splits = &self->dataset->splits;
  const KjShape *shape = kj_dataset_get_shape(splits->train);
  g_autofree char *classes = NULL;
  g_autofree char *sizes = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_classes = kj_dataset_get_n_classes(splits->train);

  classes = g_strdup_printf(g_dngettext(NULL, "%u class", "%u classes", n_classes), n_classes);
  if (splits->test != NULL)
    /* Translators: counts of images, then their size and colour */
    sizes = g_strdup_printf(_("%u training and %u test images, %u×%u %s"),
                            kj_dataset_get_n(splits->train), kj_dataset_get_n(splits->test),
                            shape->w, shape->h, shape->c == 1 ? _("grayscale") : _("colour"));
  else
    sizes = g_strdup_printf(_("%u training images, %u×%u %s"), kj_dataset_get_n(splits->train),
                            shape->w, shape->h, shape->c == 1 ? _("grayscale") : _("colour"));
  summary = g_strdup_printf("%s · %s\n%s", splits->name, classes, sizes);
  gtk_label_set_text(self->dataset_summary, summary);
  gtk_stack_set_visible_child_name(self->dataset_status_stack, "summary");
  gtk_spinner_stop(self->dataset_spinner);

  while ((child = gtk_widget_get_first_child(GTK_WIDGET(self->samples_box))) != NULL)
    gtk_flow_box_remove(self->samples_box, child);
  for (guint label = 0; label < n_classes && label < 20; label++) {
    GtkWidget *sample = sample_new(splits->train, label, 48);

    if (sample != NULL)
      gtk_flow_box_append(self->samples_box, sample);
  }
  gtk_widget_set_visible(GTK_WIDGET(self->samples_box), n_classes > 0);
}

static void
show_dataset_error(KjLabPage *self, const GError *error)
{
  GtkWidget *child;

  gtk_label_set_text(self->dataset_summary, error->message);
  gtk_stack_set_visible_child_name(self->dataset_status_stack, "summary");
  gtk_spinner_stop(self->dataset_spinner);
  while ((child = gtk_widget_get_first_child(GTK_WIDGET(self->samples_box))) != NULL)
    gtk_flow_box_remove(self->samples_box, child);
  gtk_widget_set_visible(GTK_WIDGET(self->samples_box), FALSE);
}

/* Selects lab-dataset's choice in the row, without opening anything. */
static void
show_dataset_choice(KjLabPage *self)
{
  g_autofree char *dataset = g_settings_get_string(self->settings, "lab-dataset");

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS(dataset_ids); i++)
    if (g_str_equal(dataset, dataset_ids[i]))
      adw_combo_row_set_selected(self->dataset_row, i);
  self->loading = FALSE;
}

static char *
dataset_source(KjLabPage *self, guint choice)
{
  switch (choice) {
  case DATASET_MY_IMAGES:
    return g_strdup(kj_dataset_editor_get_folder(self->editor));
  case DATASET_FOLDER:
    return g_settings_get_string(self->settings, "lab-folder");
  default:
    return g_strdup(dataset_ids[MIN(choice, G_N_ELEMENTS(dataset_ids) - 1)]);
  }
}

static void
open_dataset(KjLabPage *self)
{
  KjDataOptions options;
  guint choice = adw_combo_row_get_selected(self->dataset_row);
  g_autofree char *source = dataset_source(self, choice);

  if (source == NULL || *source == '\0')
    return;
  options = self->data_options;
  options.seed = g_settings_get_uint(self->settings, "lab-seed");
  self->opened_once = TRUE;
  self->dataset_request = kj_lab_engine_open_dataset(self->engine, source, &options);
  gtk_stack_set_visible_child_name(self->dataset_status_stack, "loading");
  gtk_spinner_start(self->dataset_spinner);
  set_state(self, KJ_LAB_STATE_OPENING);
}

static void
folder_chosen(GtkNativeDialog *dialog, int response, KjLabPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) folder = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));
    g_autofree char *path = folder != NULL ? g_file_get_path(folder) : NULL;

    if (path != NULL) {
      g_autofree char *name = g_file_get_basename(folder);

      g_settings_set_string(self->settings, "lab-folder", path);
      g_settings_set_string(self->settings, "lab-dataset", "folder");
      /* Renaming the row's item moves the selection: put it back quietly. */
      self->loading = TRUE;
      gtk_string_list_splice(self->dataset_names, DATASET_FOLDER, 1,
                             (const char *const[]){ name, NULL });
      adw_combo_row_set_selected(self->dataset_row, DATASET_FOLDER);
      self->loading = FALSE;
      open_dataset(self);
    }
  } else {
    show_dataset_choice(self); /* back to what is open */
  }
  gtk_native_dialog_destroy(dialog);
  g_object_unref(dialog);
}

static void
open_folder_activated(GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KjLabPage *self = KJ_LAB_PAGE(widget);
  GtkRoot *root = gtk_widget_get_root(widget);
  GtkFileChooserNative *dialog;

  dialog =
      gtk_file_chooser_native_new(_("Open a Dataset Folder"), GTK_WINDOW(root),
                                  GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal(GTK_NATIVE_DIALOG(dialog), TRUE);
  g_signal_connect(dialog, "response", G_CALLBACK(folder_chosen), self);
  gtk_native_dialog_show(GTK_NATIVE_DIALOG(dialog));
}

static void
dataset_selected(KjLabPage *self)
{
  guint choice = adw_combo_row_get_selected(self->dataset_row);
  g_autofree char *folder = g_settings_get_string(self->settings, "lab-folder");

  if (self->loading || choice >= G_N_ELEMENTS(dataset_ids))
    return;
  /* "Folder…" before any folder was chosen asks for one first. */
  if (choice == DATASET_FOLDER && *folder == '\0') {
    gtk_widget_activate_action(GTK_WIDGET(self), "lab.open-folder", NULL);
    return;
  }
  g_settings_set_string(self->settings, "lab-dataset", dataset_ids[choice]);
  open_dataset(self);
}

static void
editor_train_requested(KjLabPage *self, const char *path)
{
  if (kj_lab_page_is_training(self)) {
    kj_lab_page_toast(self, _("A network is being trained already: stop it first"));
    return;
  }
  /* Opened again even when chosen already: images may have been added. */
  g_settings_set_string(self->settings, "lab-dataset", "my-images");
  show_dataset_choice(self);
  open_dataset(self);
  kj_lab_page_start(self);
  gtk_stack_set_visible_child_name(self->views, "charts");
}

/* Network: a preset or a spec of one's own */

static guint
n_classes(KjLabPage *self)
{
  return self->dataset != NULL ? kj_dataset_get_n_classes(self->dataset->splits.train) : 10;
}

static void
show_spec(KjLabPage *self)
{
  g_autofree char *spec = g_settings_get_string(self->settings, "lab-spec");
  const char *const *presets = kj_network_preset_names();
  g_autofree char *expanded = NULL;
  guint selected = g_strv_length((char **)presets); /* "Custom" */

  for (guint i = 0; presets[i] != NULL; i++)
    if (g_str_equal(spec, presets[i]))
      selected = i;
  if (selected < g_strv_length((char **)presets))
    expanded = kj_network_preset_spec(spec, n_classes(self));

  self->loading = TRUE;
  adw_combo_row_set_selected(self->preset_row, selected);
  gtk_editable_set_text(GTK_EDITABLE(self->spec_row), expanded != NULL ? expanded : spec);
  gtk_widget_remove_css_class(GTK_WIDGET(self->spec_row), "error");
  self->loading = FALSE;
}

static void
preset_selected(KjLabPage *self)
{
  const char *const *presets = kj_network_preset_names();
  guint selected = adw_combo_row_get_selected(self->preset_row);

  if (self->loading || selected >= g_strv_length((char **)presets))
    return;
  g_settings_set_string(self->settings, "lab-spec", presets[selected]);
  show_spec(self);
}

/* The spec row is applied with its button or Enter; a spec that does not
 * fit the dataset is marked, and the engine explains why when training. */
static void
spec_applied(KjLabPage *self)
{
  const char *text = gtk_editable_get_text(GTK_EDITABLE(self->spec_row));
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (self->dataset != NULL) {
    KjNetwork *net = kj_network_new(text, kj_dataset_get_shape(self->dataset->splits.train),
                                    n_classes(self), &error);
    if (net == NULL) {
      gtk_widget_add_css_class(GTK_WIDGET(self->spec_row), "error");
      kj_lab_page_toast(self, error->message);
      return;
    }
    kj_network_free(net);
  }
  g_settings_set_string(self->settings, "lab-spec", text);
  show_spec(self);
}

static void
show_model(KjLabPage *self, const KjLabEvent *event)
{
  g_autofree char *subtitle = NULL;
  guint n = event->class_names != NULL ? g_strv_length(event->class_names) : 0;

  g_clear_pointer(&self->class_names, g_strfreev);
  g_clear_pointer(&self->model_spec, g_free);
  self->has_model = event->spec != NULL;
  self->model_spec = g_strdup(event->spec);
  if (self->has_model) {
    self->class_names = g_strdupv(event->class_names);
    subtitle = g_strdup_printf(
        g_dngettext(NULL, "%s — %u class, input %u×%u×%u", "%s — %u classes, input %u×%u×%u", n),
        event->spec, n, event->input_shape.w, event->input_shape.h, event->input_shape.c);
  }
  adw_action_row_set_subtitle(self->model_row,
                              subtitle != NULL ? subtitle : _("None yet: train one or open one"));
  kj_classify_view_set_model(self->classify, self->has_model ? self->class_names : NULL,
                             &event->input_shape);
  update_actions(self);
}

/* Training */

static void
fill_config(KjLabPage *self, KjTrainConfig *config)
{
  g_autofree char *optimizer = g_settings_get_string(self->settings, "lab-optimizer");
  g_autofree char *schedule = g_settings_get_string(self->settings, "lab-schedule");
  KjOptimizerKind kind = KJ_OPTIMIZER_SGD;

  kj_train_config_init(config);
  config->epochs = g_settings_get_uint(self->settings, "lab-epochs");
  config->batch_size = g_settings_get_uint(self->settings, "lab-batch-size");
  config->learning_rate = g_settings_get_double(self->settings, "lab-learning-rate");
  kj_optimizer_kind_parse(optimizer, &kind);
  kj_optimizer_config_init(&config->optimizer, kind);
  for (guint i = 0; schedule_ids[i] != NULL; i++)
    if (g_str_equal(schedule, schedule_ids[i]))
      kj_schedule_parse(schedule_specs[i], &config->schedule, NULL);
  if (g_settings_get_boolean(self->settings, "lab-augment"))
    config->augmentation = (KjAugmentation){ .flip = TRUE, .shift = 2 };
  config->validation_fraction = g_settings_get_double(self->settings, "lab-validation");
  config->seed = g_settings_get_uint(self->settings, "lab-seed");
}

gboolean
kj_lab_page_can_start(KjLabPage *self)
{
  g_return_val_if_fail(KJ_IS_LAB_PAGE(self), FALSE);
  return !kj_lab_page_is_training(self);
}

gboolean
kj_lab_page_is_training(KjLabPage *self)
{
  g_return_val_if_fail(KJ_IS_LAB_PAGE(self), FALSE);
  return self->state == KJ_LAB_STATE_TRAINING || self->state == KJ_LAB_STATE_PAUSED;
}

KjLabState
kj_lab_page_get_state(KjLabPage *self)
{
  g_return_val_if_fail(KJ_IS_LAB_PAGE(self), KJ_LAB_STATE_NO_DATASET);
  return self->state;
}

void
kj_lab_page_start(KjLabPage *self)
{
  KjTrainConfig config;
  g_autofree char *spec = NULL;

  g_return_if_fail(KJ_IS_LAB_PAGE(self));
  if (self->state == KJ_LAB_STATE_NO_DATASET)
    open_dataset(self);
  if (self->state == KJ_LAB_STATE_OPENING) {
    /* Starts when the dataset is there. */
    self->pending_start = TRUE;
    gtk_label_set_text(self->progress_label, _("Starting when the dataset is open…"));
    return;
  }
  if (self->state != KJ_LAB_STATE_READY)
    return;

  self->pending_start = FALSE;
  spec = g_settings_get_string(self->settings, "lab-spec");
  fill_config(self, &config);
  kj_training_charts_reset(self->charts);
  self->epochs_shown = 0;
  gtk_progress_bar_set_fraction(self->progress_bar, 0.0);
  gtk_label_set_text(self->progress_label, _("Starting…"));
  self->train_request = kj_lab_engine_train(self->engine, spec, &config);
  set_state(self, KJ_LAB_STATE_TRAINING);
}

void
kj_lab_page_toggle_pause(KjLabPage *self)
{
  g_return_if_fail(KJ_IS_LAB_PAGE(self));
  if (!kj_lab_page_is_training(self))
    return;
  kj_lab_engine_set_paused(self->engine, self->state == KJ_LAB_STATE_TRAINING);
  set_state(self,
            self->state == KJ_LAB_STATE_TRAINING ? KJ_LAB_STATE_PAUSED : KJ_LAB_STATE_TRAINING);
  if (self->state == KJ_LAB_STATE_PAUSED)
    gtk_label_set_text(self->progress_label, _("Paused"));
}

void
kj_lab_page_stop(KjLabPage *self)
{
  g_return_if_fail(KJ_IS_LAB_PAGE(self));
  if (!kj_lab_page_is_training(self))
    return;
  kj_lab_engine_stop(self->engine);
  gtk_label_set_text(self->progress_label, _("Stopping…"));
}

static char *
format_duration(double seconds)
{
  guint s = isfinite(seconds) && seconds > 0 ? (guint)(seconds + 0.5) : 0;

  if (s >= 3600)
    /* Translators: hours and minutes left */
    return g_strdup_printf(_("%u h %02u min"), s / 3600, s / 60 % 60);
  if (s >= 60)
    /* Translators: minutes and seconds left */
    return g_strdup_printf(_("%u min %02u s"), s / 60, s % 60);
  /* Translators: seconds left */
  return g_strdup_printf(_("%u s"), s);
}

static void
show_batch(KjLabPage *self, const KjBatchReport *report)
{
  g_autofree char *left = format_duration(report->eta_seconds);
  g_autofree char *text = NULL;
  double done = report->total_steps > 0 ? (double)report->step / report->total_steps : 0.0;

  gtk_progress_bar_set_fraction(self->progress_bar, CLAMP(done, 0.0, 1.0));
  if (self->state == KJ_LAB_STATE_PAUSED)
    return;
  /* Translators: epoch, batch, throughput and time left of a training run */
  text = g_strdup_printf(_("Epoch %u of %u · batch %u of %u · %.0f images/s · %s left"),
                         report->epoch, report->epochs, report->batch, report->n_batches,
                         report->images_per_second, left);
  gtk_label_set_text(self->progress_label, text);
}

static void
show_predictions(KjLabPage *self)
{
  const KjLabEvent *epoch = self->last_epoch;
  g_autofree char *text = NULL;
  guint right = 0;

  if (epoch == NULL || epoch->n_predictions == 0) {
    gtk_label_set_text(self->grid_label, _("Predictions appear after the first epoch."));
    return;
  }
  for (guint i = 0; i < epoch->n_predictions; i++)
    right += epoch->predictions[i * KJ_LAB_TOP_K].label ==
             kj_dataset_get_label(epoch->images, epoch->indices[i]);
  /* Translators: e.g. "After epoch 3: 5,412 of 6,000 images right (90.2%)" */
  text = g_strdup_printf(_("After epoch %u: %u of %u images right (%.1f%%)"), epoch->epoch.epoch,
                         right, epoch->n_predictions, 100.0 * right / epoch->n_predictions);
  gtk_label_set_text(self->grid_label, text);
}

/* The grid and the confusion matrix follow the last epoch, but only while
 * one of them is on screen: building thousands of cells every epoch that
 * nobody looks at would only take the main thread from the charts. */
static void
update_results(KjLabPage *self)
{
  const KjLabEvent *event = self->last_epoch;
  const char *visible = gtk_stack_get_visible_child_name(self->views);
  g_autofree const char **dataset_names = NULL;
  const char *const *names = (const char *const *)self->class_names;

  if (!self->results_stale || event == NULL ||
      (g_strcmp0(visible, "predictions") != 0 && g_strcmp0(visible, "confusion") != 0))
    return;
  self->results_stale = FALSE;
  if (names == NULL) {
    guint n = kj_dataset_get_n_classes(event->images);

    dataset_names = g_new0(const char *, n + 1);
    for (guint i = 0; i < n; i++)
      dataset_names[i] = kj_dataset_get_class_name(event->images, i);
    names = dataset_names;
  }
  kj_prediction_grid_set_predictions(self->grid, event->images, event->indices,
                                     event->n_predictions, event->predictions, KJ_LAB_TOP_K, names);
  kj_confusion_view_set_matrix(self->confusion, event->evaluation->confusion,
                               event->evaluation->n_classes, names);
}

static void
show_epoch(KjLabPage *self, KjLabEvent *event)
{
  kj_training_charts_add_epoch(self->charts, &event->epoch);
  self->epochs_shown++;
  if (event->images == NULL)
    return;

  g_clear_pointer(&self->last_epoch, kj_lab_event_free);
  self->last_epoch = event;
  self->results_stale = TRUE;
  update_results(self);
  show_predictions(self);
  update_actions(self);
}

static void
show_finished(KjLabPage *self, const KjLabEvent *event)
{
  g_autofree char *message = NULL;

  set_state(self, KJ_LAB_STATE_READY);
  if (event->error == NULL) {
    double accuracy = self->last_epoch != NULL ? self->last_epoch->epoch.test_accuracy : NAN;

    gtk_progress_bar_set_fraction(self->progress_bar, 1.0);
    if (isfinite(accuracy))
      message = g_strdup_printf(_("Training finished: %.1f%% of the test images right"),
                                100.0 * accuracy);
    else
      message = g_strdup(_("Training finished"));
  } else if (g_error_matches(event->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    message = g_strdup(_("Training stopped; the model keeps the last finished epoch"));
  } else {
    message = g_strdup(event->error->message);
  }
  gtk_label_set_text(self->progress_label, message);
  kj_lab_page_toast(self, message);
}

/* Events, applied on the main thread in the order they happened */

static void
apply_event(KjLabPage *self, KjLabEvent *event)
{
  switch (event->kind) {
  case KJ_LAB_EVENT_DATASET:
    if (event->request != self->dataset_request)
      break;
    g_clear_pointer(&self->dataset, kj_lab_event_free);
    self->dataset = event;
    show_dataset_summary(self);
    show_spec(self);
    for (guint i = 0; event->splits.warnings != NULL && event->splits.warnings[i] != NULL; i++)
      kj_lab_page_toast(self, event->splits.warnings[i]);
    set_state(self, KJ_LAB_STATE_READY);
    if (self->pending_start)
      kj_lab_page_start(self);
    return; /* kept */
  case KJ_LAB_EVENT_MODEL:
    show_model(self, event);
    break;
  case KJ_LAB_EVENT_STARTED:
    gtk_progress_bar_set_fraction(self->progress_bar, 0.0);
    break;
  case KJ_LAB_EVENT_BATCH:
    kj_training_charts_add_batch(self->charts, &event->batch);
    show_batch(self, &event->batch);
    break;
  case KJ_LAB_EVENT_EPOCH:
    show_epoch(self, event);
    if (self->last_epoch == event)
      return; /* kept */
    break;
  case KJ_LAB_EVENT_FINISHED:
    show_finished(self, event);
    break;
  case KJ_LAB_EVENT_SAVED: {
    g_autofree char *name = g_file_get_basename(event->file);
    g_autofree char *message = g_strdup_printf(_("Model saved as “%s”"), name);

    kj_lab_page_toast(self, message);
    break;
  }
  case KJ_LAB_EVENT_PREDICTION:
    kj_classify_view_show_result(self->classify, event);
    break;
  case KJ_LAB_EVENT_FAILED:
    if (event->request == self->dataset_request) {
      self->pending_start = FALSE;
      show_dataset_error(self, event->error);
      set_state(self, KJ_LAB_STATE_NO_DATASET);
    } else if (event->request == self->train_request) {
      set_state(self, KJ_LAB_STATE_READY);
      gtk_label_set_text(self->progress_label, event->error->message);
    }
    if (!kj_classify_view_show_result(self->classify, event))
      kj_lab_page_toast(self, event->error->message);
    break;
  }
  kj_lab_event_free(event);
}

static void
drain_events(gpointer user_data)
{
  KjLabPage *self = user_data;
  g_autoptr(GPtrArray) events = kj_lab_engine_take_events(self->engine);

  /* The array frees what it still holds; apply_event takes each one. */
  g_ptr_array_set_free_func(events, NULL);
  for (guint i = 0; i < events->len; i++)
    apply_event(self, g_ptr_array_index(events, i));
}

/* The grid and the confusion matrix work together */

static void
cell_activated(KjLabPage *self, guint true_label, guint predicted_label)
{
  kj_prediction_grid_show_cell(self->grid, true_label, predicted_label);
  gtk_widget_set_visible(GTK_WIDGET(self->clear_cell_button), TRUE);
  gtk_stack_set_visible_child_name(self->views, "predictions");
}

static void
clear_cell_clicked(KjLabPage *self)
{
  kj_prediction_grid_clear_cell(self->grid);
  gtk_widget_set_visible(GTK_WIDGET(self->clear_cell_button), FALSE);
}

static void
mistakes_toggled(KjLabPage *self)
{
  kj_prediction_grid_set_mistakes_only(self->grid,
                                       gtk_toggle_button_get_active(self->mistakes_toggle));
}

/* Settings */

static gboolean
get_choice(GValue *value, GVariant *variant, gpointer user_data)
{
  const char *const *ids = user_data;
  const char *id = g_variant_get_string(variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal(ids[i], id)) {
      g_value_set_uint(value, i);
      return TRUE;
    }
  return FALSE;
}

static GVariant *
set_choice(const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char *const *ids = user_data;
  guint i = g_value_get_uint(value);

  return i < g_strv_length((char **)ids) ? g_variant_new_string(ids[i]) : NULL;
}

static void
bind_choice(GSettings *settings, const char *key, gpointer row, const char *const *ids)
{
  g_settings_bind_with_mapping(settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT, get_choice,
                               set_choice, (gpointer)ids, NULL);
}

/* The default folder is stored as '', so it follows XDG_DATA_HOME. */
static void
editor_folder_changed(KjLabPage *self)
{
  const char *folder = kj_dataset_editor_get_folder(self->editor);
  g_autofree char *fallback = kj_class_folder_get_default_path();

  g_settings_set_string(self->settings, "lab-my-images-folder",
                        g_strcmp0(folder, fallback) == 0 || folder == NULL ? "" : folder);
}

void
kj_lab_page_load(KjLabPage *self, GSettings *settings)
{
  g_autofree char *folder = NULL;
  g_autofree char *my_images = NULL;

  g_return_if_fail(KJ_IS_LAB_PAGE(self));
  g_return_if_fail(self->settings == NULL);

  self->settings = g_object_ref(settings);
  g_settings_bind(settings, "lab-epochs", self->epochs_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind(settings, "lab-batch-size", self->batch_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind(settings, "lab-learning-rate", self->lr_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind(settings, "lab-validation", self->validation_spin, "value",
                  G_SETTINGS_BIND_DEFAULT);
  g_settings_bind(settings, "lab-seed", self->seed_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind(settings, "lab-augment", self->augment_switch, "active", G_SETTINGS_BIND_DEFAULT);
  bind_choice(settings, "lab-optimizer", self->optimizer_row, optimizer_ids);
  bind_choice(settings, "lab-schedule", self->schedule_row, schedule_ids);

  my_images = g_settings_get_string(settings, "lab-my-images-folder");
  if (*my_images != '\0')
    kj_dataset_editor_set_folder(self->editor, my_images);
  g_signal_connect_swapped(self->editor, "notify::folder", G_CALLBACK(editor_folder_changed), self);

  folder = g_settings_get_string(settings, "lab-folder");
  if (*folder != '\0') {
    g_autofree char *name = g_path_get_basename(folder);

    gtk_string_list_splice(self->dataset_names, DATASET_FOLDER, 1,
                           (const char *const[]){ name, NULL });
  }

  show_dataset_choice(self);
  show_spec(self);
  if (gtk_widget_get_mapped(GTK_WIDGET(self)))
    open_dataset(self);
}

void
kj_lab_page_set_data_options(KjLabPage *self, const KjDataOptions *options)
{
  g_return_if_fail(KJ_IS_LAB_PAGE(self));
  g_return_if_fail(options != NULL && options->cancellable == NULL);
  self->data_options = *options;
}

void
kj_lab_page_show_view(KjLabPage *self, const char *name)
{
  g_return_if_fail(KJ_IS_LAB_PAGE(self));
  g_return_if_fail(gtk_stack_get_child_by_name(self->views, name) != NULL);
  gtk_stack_set_visible_child_name(self->views, name);
}

KjTrainingCharts *
kj_lab_page_get_charts(KjLabPage *self)
{
  g_return_val_if_fail(KJ_IS_LAB_PAGE(self), NULL);
  return self->charts;
}

const char *
kj_lab_page_get_model_spec(KjLabPage *self)
{
  g_return_val_if_fail(KJ_IS_LAB_PAGE(self), NULL);
  return self->model_spec;
}

guint
kj_lab_page_get_epochs_shown(KjLabPage *self)
{
  g_return_val_if_fail(KJ_IS_LAB_PAGE(self), 0);
  return self->epochs_shown;
}

/* GObject */

static void
kj_lab_page_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjLabPage *self = KJ_LAB_PAGE(object);

  switch (prop_id) {
  case PROP_STATE:
    g_value_set_int(value, self->state);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

/* Opening Fashion-MNIST takes a second and 50 MB: not before the Lab is
 * first shown. */
static void
kj_lab_page_map(GtkWidget *widget)
{
  KjLabPage *self = KJ_LAB_PAGE(widget);

  GTK_WIDGET_CLASS(kj_lab_page_parent_class)->map(widget);
  if (!self->opened_once && self->settings != NULL)
    open_dataset(self);
}

static void
kj_lab_page_dispose(GObject *object)
{
  KjLabPage *self = KJ_LAB_PAGE(object);

  /* Joins the worker: stopping takes at most one batch. */
  kj_lab_channel_close(self->channel);
  g_clear_pointer(&self->engine, kj_lab_engine_free);
  g_clear_pointer(&self->channel, kj_lab_channel_unref);
  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_LAB_PAGE);
  g_clear_pointer(&self->dataset, kj_lab_event_free);
  g_clear_pointer(&self->last_epoch, kj_lab_event_free);
  g_clear_pointer(&self->class_names, g_strfreev);
  g_clear_pointer(&self->model_spec, g_free);
  g_clear_object(&self->charts);
  g_clear_object(&self->settings);
  G_OBJECT_CLASS(kj_lab_page_parent_class)->dispose(object);
}

static void
kj_lab_page_class_init(KjLabPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_lab_page_dispose;
  object_class->get_property = kj_lab_page_get_property;
  widget_class->map = kj_lab_page_map;

  properties[PROP_STATE] =
      g_param_spec_int("state", NULL, NULL, KJ_LAB_STATE_NO_DATASET, KJ_LAB_STATE_PAUSED,
                       KJ_LAB_STATE_NO_DATASET, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  g_type_ensure(KJ_TYPE_CHART_VIEW);
  g_type_ensure(KJ_TYPE_CLASSIFY_VIEW);
  g_type_ensure(KJ_TYPE_CONFUSION_VIEW);
  g_type_ensure(KJ_TYPE_DATASET_EDITOR);
  g_type_ensure(KJ_TYPE_PREDICTION_GRID);

  gtk_widget_class_set_template_from_resource(widget_class, RESOURCE_PATH "/ui/kj-lab-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child(widget_class, KjLabPage, name)
  BIND(dataset_row);
  BIND(dataset_names);
  BIND(dataset_status_stack);
  BIND(dataset_spinner);
  BIND(dataset_summary);
  BIND(samples_box);
  BIND(preset_row);
  BIND(preset_names);
  BIND(spec_row);
  BIND(model_row);
  BIND(epochs_spin);
  BIND(batch_spin);
  BIND(lr_spin);
  BIND(validation_spin);
  BIND(seed_spin);
  BIND(optimizer_row);
  BIND(schedule_row);
  BIND(augment_switch);
  BIND(pause_content);
  BIND(progress_bar);
  BIND(progress_label);
  BIND(views);
  BIND(loss_view);
  BIND(accuracy_view);
  BIND(rate_view);
  BIND(grid_label);
  BIND(clear_cell_button);
  BIND(mistakes_toggle);
  BIND(grid);
  BIND(confusion);
  BIND(classify);
  BIND(editor);
#undef BIND

  gtk_widget_class_install_action(widget_class, "lab.open-folder", NULL, open_folder_activated);
  kj_lab_page_install_file_actions(widget_class);
}

static void
kj_lab_page_init(KjLabPage *self)
{
  const char *const *presets = kj_network_preset_names();

  gtk_widget_init_template(GTK_WIDGET(self));
  kj_data_options_init(&self->data_options);

  gtk_string_list_splice(self->dataset_names, 0, 0,
                         (const char *const[]){
                             /* Translators: the default dataset */
                             _("Default (Fashion-MNIST, else shapes)"),
                             _("Fashion-MNIST"),
                             /* Translators: the dataset the program draws itself */
                             _("Shapes (drawn)"),
                             _("My Images"),
                             _("Folder…"),
                             NULL,
                         });
  gtk_string_list_splice(self->preset_names, 0, 0, presets);
  /* Translators: a network of one's own, typed as a spec */
  gtk_string_list_append(self->preset_names, _("Custom"));

  self->charts = kj_training_charts_new();
  kj_chart_view_set_chart(self->loss_view, kj_training_charts_get_loss(self->charts));
  kj_chart_view_set_chart(self->accuracy_view, kj_training_charts_get_accuracy(self->charts));
  kj_chart_view_set_chart(self->rate_view, kj_training_charts_get_learning_rate(self->charts));

  self->channel = kj_lab_channel_new(drain_events, self);
  self->engine = kj_lab_engine_new(kj_lab_channel_notify, self->channel);
  kj_classify_view_set_engine(self->classify, self->engine);

  g_signal_connect_swapped(self->dataset_row, "notify::selected", G_CALLBACK(dataset_selected),
                           self);
  g_signal_connect_swapped(self->preset_row, "notify::selected", G_CALLBACK(preset_selected), self);
  g_signal_connect_swapped(self->spec_row, "apply", G_CALLBACK(spec_applied), self);
  g_signal_connect_swapped(self->confusion, "cell-activated", G_CALLBACK(cell_activated), self);
  g_signal_connect_swapped(self->clear_cell_button, "clicked", G_CALLBACK(clear_cell_clicked),
                           self);
  g_signal_connect_swapped(self->mistakes_toggle, "toggled", G_CALLBACK(mistakes_toggled), self);
  g_signal_connect_swapped(self->views, "notify::visible-child", G_CALLBACK(update_results), self);
  g_signal_connect_swapped(self->editor, "train-requested", G_CALLBACK(editor_train_requested),
                           self);
  kj_classify_view_attach_drop(self->classify, GTK_WIDGET(self));

  show_predictions(self);
  adw_action_row_set_subtitle(self->model_row, _("None yet: train one or open one"));
  update_actions(self);
}
