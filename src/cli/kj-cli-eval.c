/* kuajie-cli eval — a saved model's accuracy on a dataset */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "kj-cli.h"
#include "kj-data-source.h"
#include "kj-evaluate.h"

static void
print_json(KjModel *model, const KjEvaluation *ev, double seconds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object(builder);
  json_builder_set_member_name(builder, "images");
  json_builder_add_int_value(builder, ev->n);
  json_builder_set_member_name(builder, "accuracy");
  json_builder_add_double_value(builder, ev->accuracy);
  json_builder_set_member_name(builder, "loss");
  json_builder_add_double_value(builder, ev->loss);
  json_builder_set_member_name(builder, "images_per_second");
  json_builder_add_double_value(builder, ev->n / MAX(seconds, 1e-9));
  json_builder_set_member_name(builder, "classes");
  json_builder_begin_array(builder);
  for (guint c = 0; c < ev->n_classes; c++) {
    double accuracy = kj_evaluation_class_accuracy(ev, c);

    json_builder_begin_object(builder);
    json_builder_set_member_name(builder, "id");
    json_builder_add_string_value(builder, model->class_ids[c]);
    json_builder_set_member_name(builder, "name");
    json_builder_add_string_value(builder, model->class_names[c]);
    json_builder_set_member_name(builder, "images");
    json_builder_add_int_value(builder, kj_evaluation_class_count(ev, c));
    json_builder_set_member_name(builder, "accuracy");
    if (isnan(accuracy))
      json_builder_add_null_value(builder);
    else
      json_builder_add_double_value(builder, accuracy);
    json_builder_end_object(builder);
  }
  json_builder_end_array(builder);
  json_builder_set_member_name(builder, "confusion");
  json_builder_begin_array(builder);
  for (guint t = 0; t < ev->n_classes; t++) {
    json_builder_begin_array(builder);
    for (guint p = 0; p < ev->n_classes; p++)
      json_builder_add_int_value(builder, ev->confusion[(gsize)t * ev->n_classes + p]);
    json_builder_end_array(builder);
  }
  json_builder_end_array(builder);
  json_builder_end_object(builder);
  root = json_builder_get_root(builder);
  text = json_to_string(root, FALSE);
  printf("%s\n", text);
}

static void
print_text(KjModel *model, const KjEvaluation *ev, double seconds)
{
  printf(_("Accuracy %.4f on %u images (loss %.4f), %.0f images/s\n"), ev->accuracy, ev->n,
         ev->loss, ev->n / MAX(seconds, 1e-9));
  printf("\n%s\n", _("Per class:"));
  for (guint c = 0; c < ev->n_classes; c++)
    printf("  %3u  %-24s %6.4f  (%u)\n", c, model->class_names[c],
           kj_evaluation_class_accuracy(ev, c), kj_evaluation_class_count(ev, c));
  printf("\n%s\n", _("Confusion matrix (rows: true class, columns: predicted):"));
  for (guint t = 0; t < ev->n_classes; t++) {
    printf("  %3u ", t);
    for (guint p = 0; p < ev->n_classes; p++)
      printf(" %5u", ev->confusion[(gsize)t * ev->n_classes + p]);
    printf("\n");
  }
}

int
kj_cli_eval(int argc, char **argv)
{
  /* No preset strings: GOption would overwrite them without freeing. */
  g_autofree char *model_path = NULL, *dataset = NULL, *split = NULL;
  gboolean json = FALSE;
  int threads = 2;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, N_("The model to evaluate"),
      "FILE.safetensors" },
    { "dataset", 0, 0, G_OPTION_ARG_STRING, &dataset,
      N_("fashion-mnist, shapes, default or a directory"), "DATASET" },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split,
      N_("test or train (test when the dataset has one)"), "SPLIT" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Threads (2)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KjModel) model = NULL;
  g_autoptr(KjEvaluation) evaluation = NULL;
  g_autoptr(GFile) file = NULL;
  KjDataOptions options;
  KjDataSplits splits = { 0 };
  KjDataset *chosen;
  gint64 start;
  double seconds;
  int status = 1;

  if (!kj_cli_parse_options("eval", NULL, _("Evaluate a saved model on a dataset."), entries, &argc,
                            &argv))
    return 1;
  if (model_path == NULL) {
    kj_cli_error("eval", _("Missing --model FILE"));
    return 1;
  }
  if (dataset == NULL)
    dataset = g_strdup("default");
  if (split != NULL && !g_str_equal(split, "test") && !g_str_equal(split, "train")) {
    kj_cli_error("eval", _("Unknown split “%s”: use test or train"), split);
    return 1;
  }
  if (threads < 1 || threads > 256) {
    kj_cli_error("eval", _("--threads must be from 1 to 256"));
    return 1;
  }
  kj_cli_set_threads(threads);

  file = g_file_new_for_commandline_arg(model_path);
  model = kj_model_load(file, &error);
  if (model == NULL) {
    kj_cli_error("eval", "%s", error->message);
    return 1;
  }

  kj_data_options_init(&options);
  options.image_shape = *kj_network_get_input_shape(model->network);
  if (!kj_data_open(dataset, &options, &splits, &error)) {
    kj_cli_error("eval", "%s", error->message);
    return 1;
  }
  chosen = g_strcmp0(split, "train") == 0 || splits.test == NULL ? splits.train : splits.test;
  if (g_strcmp0(split, "test") == 0 && splits.test == NULL) {
    kj_cli_error("eval", _("“%s” has no test split"), dataset);
    goto out;
  }
  if (!kj_shape_equal(kj_dataset_get_shape(chosen), kj_network_get_input_shape(model->network)) ||
      kj_dataset_get_n_classes(chosen) != kj_network_get_n_classes(model->network)) {
    kj_cli_error("eval",
                 _("“%s” does not fit the model: its image size or number of classes "
                   "differs"),
                 dataset);
    goto out;
  }

  start = g_get_monotonic_time();
  evaluation = kj_evaluate(model, chosen, NULL, 0, 256, NULL);
  seconds = (double)(g_get_monotonic_time() - start) / G_USEC_PER_SEC;
  if (json)
    print_json(model, evaluation, seconds);
  else
    print_text(model, evaluation, seconds);
  status = 0;
out:
  kj_data_splits_clear(&splits);
  return status;
}
