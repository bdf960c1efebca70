#include "config.h"

#include "kj-predictions-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kj-error.h"
#include "kj-file.h"

static void
append_field(GString *line, const char *field)
{
  gsize length = strlen(field);

  if (line->len > 0 && line->str[line->len - 1] != '\n')
    g_string_append_c(line, ',');
  /* Outer spaces too: some readers trim unquoted fields. */
  if (strpbrk(field, ",\"\r\n") == NULL &&
      (length == 0 || (field[0] != ' ' && field[length - 1] != ' '))) {
    g_string_append_len(line, field, length);
    return;
  }
  g_string_append_c(line, '"');
  for (const char *c = field; *c != '\0'; c++) {
    if (*c == '"')
      g_string_append_c(line, '"');
    g_string_append_c(line, *c);
  }
  g_string_append_c(line, '"');
}

static void
append_uint(GString *line, guint value)
{
  char text[16];

  g_snprintf(text, sizeof text, "%u", value);
  append_field(line, text);
}

static void
append_probability(GString *line, float value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd(text, sizeof text, "%.6f", CLAMP((double)value, 0.0, 1.0));
  append_field(line, text);
}

static const char *
class_name(KjDataset *images, const char *const *class_names, guint label)
{
  if (label >= kj_dataset_get_n_classes(images))
    return "";
  if (class_names != NULL)
    return class_names[label] != NULL ? class_names[label] : "";
  return kj_dataset_get_class_name(images, label);
}

char *
kj_predictions_csv_format(KjDataset *images, const guint32 *indices, guint n,
                          const KjPrediction *predictions, guint k, const char *const *class_names)
{
  GString *text;
  guint columns;

  g_return_val_if_fail(images != NULL, NULL);
  g_return_val_if_fail(predictions != NULL || n == 0, NULL);
  g_return_val_if_fail(k >= 1, NULL);

  /* Past the number of classes, the engine pads with zeros. */
  columns = MIN(k, kj_dataset_get_n_classes(images));
  text = g_string_new("index,true_label,true_class,predicted_label,predicted_class,confidence,"
                      "correct");
  for (guint r = 2; r <= columns; r++)
    g_string_append_printf(text, ",top%u_label,top%u_class,top%u_probability", r, r, r);
  g_string_append_c(text, '\n');

  for (guint i = 0; i < n; i++) {
    guint32 index = indices != NULL ? indices[i] : i;
    const KjPrediction *top = predictions + (gsize)i * k;
    guint truth;

    if (index >= kj_dataset_get_n(images)) {
      g_critical("%s: image %u is out of range", G_STRFUNC, index);
      g_string_free(text, TRUE);
      return NULL;
    }
    truth = kj_dataset_get_label(images, index);
    append_uint(text, index);
    append_uint(text, truth);
    append_field(text, class_name(images, class_names, truth));
    append_uint(text, top[0].label);
    append_field(text, class_name(images, class_names, top[0].label));
    append_probability(text, top[0].probability);
    append_field(text, top[0].label == truth ? "1" : "0");
    for (guint r = 1; r < columns; r++) {
      append_uint(text, top[r].label);
      append_field(text, class_name(images, class_names, top[r].label));
      append_probability(text, top[r].probability);
    }
    g_string_append_c(text, '\n');
  }
  return g_string_free(text, FALSE);
}

gboolean
kj_predictions_csv_save(GFile *file, KjDataset *images, const guint32 *indices, guint n,
                        const KjPrediction *predictions, guint k, const char *const *class_names,
                        GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail(G_IS_FILE(file), FALSE);
  g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

  text = kj_predictions_csv_format(images, indices, n, predictions, k, class_names);
  g_return_val_if_fail(text != NULL, FALSE);
  if (kj_file_replace_contents(file, text, strlen(text), NULL, &local_error))
    return TRUE;
  name = g_file_get_parse_name(file);
  /* Translators: the first %s is a file name, the second the reason */
  g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("Could not save the predictions to “%s”: %s"), name,
              local_error->message);
  return FALSE;
}
