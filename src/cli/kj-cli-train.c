/* kuajie-cli train — train a CNN on a dataset, a line per epoch */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "kj-cli.h"
#include "kj-data-source.h"
#include "kj-number.h"
#include "kj-trainer.h"

typedef struct {
  gboolean json;
  gboolean progress; /* a live batch line on a terminal */
} Output;

static void
add_number(JsonBuilder *builder, const char *name, double value)
{
  json_builder_set_member_name(builder, name);
  if (isfinite(value))
    json_builder_add_double_value(builder, value);
  else
    json_builder_add_null_value(builder);
}

static char *
format_duration(double seconds)
{
  guint s;

  if (!isfinite(seconds) || seconds < 0)
    return g_strdup("?");
  s = (guint)(seconds + 0.5);
  if (s >= 3600)
    return g_strdup_printf("%uh%02um", s / 3600, s / 60 % 60);
  if (s >= 60)
    return g_strdup_printf("%um%02us", s / 60, s % 60);
  return g_strdup_printf("%us", s);
}

static void
on_batch(const KjBatchReport *report, gpointer user_data)
{
  Output *output = user_data;
  g_autofree char *eta = NULL;

  if (!output->progress || (report->batch % 20 != 0 && report->batch != report->n_batches))
    return;
  eta = format_duration(report->eta_seconds);
  fprintf(stderr, "\r\033[K");
  fprintf(stderr, _("epoch %u/%u  batch %u/%u  loss %.4f  %.0f img/s  ETA %s"), report->epoch,
          report->epochs, report->batch, report->n_batches, report->loss, report->images_per_second,
          eta);
  fflush(stderr);
}

static void
print_epoch_json(const KjEpochReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object(builder);
  json_builder_set_member_name(builder, "epoch");
  json_builder_add_int_value(builder, report->epoch);
  json_builder_set_member_name(builder, "epochs");
  json_builder_add_int_value(builder, report->epochs);
  add_number(builder, "loss", report->loss);
  add_number(builder, "accuracy", report->accuracy);
  add_number(builder, "val_loss", report->val_loss);
  add_number(builder, "val_accuracy", report->val_accuracy);
  if (!isnan(report->test_accuracy))
    add_number(builder, "test_accuracy", report->test_accuracy);
  add_number(builder, "learning_rate", report->learning_rate);
  add_number(builder, "images_per_second", report->images_per_second);
  add_number(builder, "seconds", report->seconds);
  add_number(builder, "eta_seconds", report->eta_seconds);
  json_builder_end_object(builder);
  root = json_builder_get_root(builder);
  text = json_to_string(root, FALSE);
  printf("%s\n", text);
  fflush(stdout);
}

static void
on_epoch(const KjEpochReport *report, gpointer user_data)
{
  Output *output = user_data;
  g_autofree char *eta = format_duration(report->eta_seconds);
  g_autoptr(GString) line = g_string_new(NULL);

  if (output->progress)
    fprintf(stderr, "\r\033[K");
  if (output->json) {
    print_epoch_json(report);
    return;
  }
  g_string_append_printf(line, _("epoch %u/%u  loss %.4f  accuracy %.4f"), report->epoch,
                         report->epochs, report->loss, report->accuracy);
  if (!isnan(report->val_accuracy))
    g_string_append_printf(line, _("  val_loss %.4f  val_accuracy %.4f"), report->val_loss,
                           report->val_accuracy);
  if (!isnan(report->test_accuracy))
    g_string_append_printf(line, _("  test_accuracy %.4f"), report->test_accuracy);
  g_string_append_printf(line, _("  %.0f img/s  ETA %s"), report->images_per_second, eta);
  printf("%s\n", line->str);
  fflush(stdout);
}

int
kj_cli_train(int argc, char **argv)
{
  /* GOption overwrites string options without freeing them: defaults are
   * applied after parsing, not preset here. */
  g_autofree char *dataset = NULL, *preset = NULL, *spec = NULL;
  g_autofree char *optimizer = NULL, *schedule = NULL;
  g_autofree char *lr = NULL, *momentum = NULL, *weight_decay = NULL, *val = NULL;
  g_autofree char *output_path = NULL;
  int epochs = 5, batch = 64, seed = 1, threads = 2, patience = 0, shift = 0;
  gboolean json = FALSE, flip = FALSE, nesterov = FALSE;
  GOptionEntry entries[] = {
    { "dataset", 0, 0, G_OPTION_ARG_STRING, &dataset,
      N_("fashion-mnist, shapes, default or a directory"), "DATASET" },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, N_("fmnist-ref, fast or strong"), "NAME" },
    { "spec", 0, 0, G_OPTION_ARG_STRING, &spec,
      N_("An architecture, such as “conv3x3:32 relu "
         "pool2 dense:10”"),
      "SPEC" },
    { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, N_("Epochs (5)"), "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, N_("Batch size (64)"), "N" },
    { "optimizer", 0, 0, G_OPTION_ARG_STRING, &optimizer, N_("sgd or adamw (sgd)"), "NAME" },
    { "lr", 0, 0, G_OPTION_ARG_STRING, &lr, N_("Learning rate (sgd 0.01, adamw 0.001)"), "RATE" },
    { "schedule", 0, 0, G_OPTION_ARG_STRING, &schedule,
      N_("constant, step:EPOCHS:GAMMA or cosine[:WARMUP_EPOCHS] (constant)"), "SCHEDULE" },
    { "momentum", 0, 0, G_OPTION_ARG_STRING, &momentum, N_("SGD momentum (0.9)"), "M" },
    { "nesterov", 0, 0, G_OPTION_ARG_NONE, &nesterov, N_("Nesterov momentum"), NULL },
    { "weight-decay", 0, 0, G_OPTION_ARG_STRING, &weight_decay,
      N_("Weight decay (sgd 0, adamw 0.01)"), "W" },
    { "flip", 0, 0, G_OPTION_ARG_NONE, &flip, N_("Augment with random horizontal flips"), NULL },
    { "shift", 0, 0, G_OPTION_ARG_INT, &shift, N_("Augment with random shifts of up to N pixels"),
      "N" },
    { "validation", 0, 0, G_OPTION_ARG_STRING, &val,
      N_("Share of the training set held out for validation (0.1)"), "SHARE" },
    { "patience", 0, 0, G_OPTION_ARG_INT, &patience,
      N_("Stop after N epochs without a better validation loss (0: never)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (1)"), "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Threads (2)"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Save the model here"),
      "FILE.safetensors" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per epoch"), NULL },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KjModel) model = NULL;
  g_autofree char *chosen_spec = NULL;
  KjDataOptions data_options;
  KjDataSplits splits = { 0 };
  KjTrainConfig config;
  KjNetwork *network;
  KjNormalization norm;
  KjTrainCallbacks callbacks;
  Output output;
  KjOptimizerKind kind;
  int status = 1;

  if (!kj_cli_parse_options("train", NULL, _("Train a convolutional network."), entries, &argc,
                            &argv))
    return 1;
  if (argc > 1) {
    kj_cli_error("train", _("Unexpected argument “%s”"), argv[1]);
    return 1;
  }

  if (dataset == NULL)
    dataset = g_strdup("default");
  if (optimizer == NULL)
    optimizer = g_strdup("sgd");
  if (schedule == NULL)
    schedule = g_strdup("constant");

  kj_train_config_init(&config);
  if (!kj_optimizer_kind_parse(optimizer, &kind)) {
    kj_cli_error("train", _("Unknown optimizer “%s”: use sgd or adamw"), optimizer);
    return 1;
  }
  kj_optimizer_config_init(&config.optimizer, kind);
  config.learning_rate = kind == KJ_OPTIMIZER_ADAMW ? 0.001 : 0.01;
  if ((lr != NULL && (!kj_number_parse(lr, &config.learning_rate) || config.learning_rate <= 0 ||
                      config.learning_rate > 10)) ||
      (momentum != NULL && (!kj_number_parse(momentum, &config.optimizer.momentum) ||
                            config.optimizer.momentum < 0 || config.optimizer.momentum >= 1)) ||
      (weight_decay != NULL &&
       (!kj_number_parse(weight_decay, &config.optimizer.weight_decay) ||
        config.optimizer.weight_decay < 0 || config.optimizer.weight_decay >= 1)) ||
      (val != NULL && (!kj_number_parse(val, &config.validation_fraction) ||
                       config.validation_fraction < 0 || config.validation_fraction > 0.5))) {
    kj_cli_error("train", _("A number is out of range: --lr (0, 10], --momentum [0, 1), "
                            "--weight-decay [0, 1), --validation [0, 0.5]"));
    return 1;
  }
  if (epochs < 1 || epochs > 10000 || batch < 1 || batch > 65536 || threads < 1 || threads > 256 ||
      patience < 0 || shift < 0 || shift > 16 || seed < 0) {
    kj_cli_error("train", _("A count is out of range: --epochs 1–10000, --batch 1–65536, "
                            "--threads 1–256, --shift 0–16, --patience and --seed ≥ 0"));
    return 1;
  }
  if (!kj_schedule_parse(schedule, &config.schedule, &error)) {
    kj_cli_error("train", "%s", error->message);
    return 1;
  }
  if (preset != NULL && spec != NULL) {
    kj_cli_error("train", _("Give --preset or --spec, not both"));
    return 1;
  }
  config.epochs = (guint)epochs;
  config.batch_size = (guint)batch;
  config.seed = (guint64)seed;
  config.threads = (guint)threads;
  config.patience = (guint)patience;
  config.optimizer.nesterov = nesterov;
  config.augmentation.flip = flip;
  config.augmentation.shift = (guint)shift;

  kj_data_options_init(&data_options);
  data_options.seed = (guint64)seed;
  if (!kj_data_open(dataset, &data_options, &splits, &error)) {
    kj_cli_error("train", "%s", error->message);
    return 1;
  }

  if (spec == NULL) {
    chosen_spec = kj_network_preset_spec(preset != NULL ? preset : "fmnist-ref",
                                         kj_dataset_get_n_classes(splits.train));
    if (chosen_spec == NULL) {
      kj_cli_error("train", _("Unknown preset “%s”: use fmnist-ref, fast or strong"), preset);
      goto out;
    }
  } else {
    chosen_spec = g_strdup(spec);
  }
  network = kj_network_new(chosen_spec, kj_dataset_get_shape(splits.train),
                           kj_dataset_get_n_classes(splits.train), &error);
  if (network == NULL) {
    kj_cli_error("train", "%s", error->message);
    goto out;
  }
  kj_network_init_weights(network, (guint64)seed);
  kj_dataset_compute_normalization(splits.train, &norm);
  model = kj_model_new(network, splits.train, &norm, splits.name);

  output = (Output){ json, !json && isatty(STDERR_FILENO) };
  callbacks = (KjTrainCallbacks){ on_batch, on_epoch, &output };
  if (!kj_train(model, splits.train, splits.test, &config, &callbacks, NULL, &error)) {
    kj_cli_error("train", "%s", error->message);
    goto out;
  }

  if (output_path != NULL) {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg(output_path);

    if (!kj_model_save(model, file, &error)) {
      kj_cli_error("train", "%s", error->message);
      goto out;
    }
  }
  status = 0;
out:
  kj_data_splits_clear(&splits);
  return status;
}
