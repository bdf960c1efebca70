/* kuajie-cli classify — the top-k classes of image files */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "kj-cli.h"
#include "kj-evaluate.h"
#include "kj-image.h"

int
kj_cli_classify(int argc, char **argv)
{
  g_autofree char *model_path = NULL;
  gboolean json = FALSE;
  int top = 3;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, N_("The model to use"),
      "FILE.safetensors" },
    { "top", 'k', 0, G_OPTION_ARG_INT, &top, N_("How many classes to show (3)"), "K" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per image"), NULL },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KjModel) model = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree KjPrediction *predictions = NULL;
  int status = 0;

  if (!kj_cli_parse_options("classify", _("IMAGE…"), _("Classify images with a saved model."),
                            entries, &argc, &argv))
    return 1;
  if (model_path == NULL) {
    kj_cli_error("classify", _("Missing --model FILE"));
    return 1;
  }
  if (argc < 2) {
    kj_cli_error("classify", _("No images given"));
    return 1;
  }
  if (top < 1 || top > 4096) {
    kj_cli_error("classify", _("--top must be from 1 to 4096"));
    return 1;
  }

  file = g_file_new_for_commandline_arg(model_path);
  model = kj_model_load(file, &error);
  if (model == NULL) {
    kj_cli_error("classify", "%s", error->message);
    return 1;
  }
  predictions = g_new(KjPrediction, (guint)top);

  /* Each image on its own: one bad file is reported and the rest go on. */
  for (int i = 1; i < argc; i++) {
    g_autoptr(GFile) image_file = g_file_new_for_commandline_arg(argv[i]);
    g_autoptr(GError) image_error = NULL;
    const KjShape *shape = kj_network_get_input_shape(model->network);
    g_autofree guint8 *pixels = g_malloc(kj_shape_size(shape));
    guint n;

    if (!kj_image_load(image_file, argv[i], shape, pixels, NULL, &image_error)) {
      kj_cli_error("classify", "%s", image_error->message);
      status = 1;
      continue;
    }
    n = kj_model_classify(model, pixels, predictions, (guint)top);
    if (json) {
      g_autoptr(JsonBuilder) builder = json_builder_new();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object(builder);
      json_builder_set_member_name(builder, "file");
      json_builder_add_string_value(builder, argv[i]);
      json_builder_set_member_name(builder, "top");
      json_builder_begin_array(builder);
      for (guint r = 0; r < n; r++) {
        json_builder_begin_object(builder);
        json_builder_set_member_name(builder, "id");
        json_builder_add_string_value(builder, model->class_ids[predictions[r].label]);
        json_builder_set_member_name(builder, "name");
        json_builder_add_string_value(builder, model->class_names[predictions[r].label]);
        json_builder_set_member_name(builder, "probability");
        json_builder_add_double_value(builder, predictions[r].probability);
        json_builder_end_object(builder);
      }
      json_builder_end_array(builder);
      json_builder_end_object(builder);
      root = json_builder_get_root(builder);
      text = json_to_string(root, FALSE);
      printf("%s\n", text);
    } else {
      printf("%s\n", argv[i]);
      for (guint r = 0; r < n; r++)
        printf("  %5.1f%%  %s\n", 100.0 * predictions[r].probability,
               model->class_names[predictions[r].label]);
    }
  }
  return status;
}
