#include "config.h"

#include "kj-model.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kj-class-names.h"
#include "kj-error.h"
#include "kj-file.h"

#define FORMAT_NAME "kuajie"
#define MAX_HEADER  (16u << 20) /* bytes; real headers are a few KiB */

KjModel *
kj_model_new(KjNetwork *network, KjDataset *dataset, const KjNormalization *norm,
             const char *dataset_name)
{
  KjModel *model = g_new0(KjModel, 1);
  guint n = kj_network_get_n_classes(network);

  g_return_val_if_fail(kj_dataset_get_n_classes(dataset) == n, NULL);

  model->network = network;
  model->class_ids = g_new0(char *, n + 1);
  model->class_names = g_new0(char *, n + 1);
  for (guint i = 0; i < n; i++) {
    model->class_ids[i] = g_strdup(kj_dataset_get_class_id(dataset, i));
    model->class_names[i] = g_strdup(kj_dataset_get_class_name(dataset, i));
  }
  model->normalization = *norm;
  model->dataset = g_strdup(dataset_name);
  return model;
}

void
kj_model_free(KjModel *model)
{
  if (model == NULL)
    return;
  g_clear_pointer(&model->network, kj_network_free);
  g_strfreev(model->class_ids);
  g_strfreev(model->class_names);
  g_free(model->dataset);
  g_free(model);
}

/* ---- saving ---- */

static char *
floats_to_json(const float *values, guint n)
{
  g_autoptr(GString) text = g_string_new("[");

  for (guint i = 0; i < n; i++) {
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf(text, "%s%s", i ? ", " : "",
                           g_ascii_dtostr(buffer, sizeof buffer, values[i]));
  }
  g_string_append_c(text, ']');
  return g_string_free(g_steal_pointer(&text), FALSE);
}

static char *
strv_to_json(char **strings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array(builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value(builder, strings[i]);
  json_builder_end_array(builder);
  root = json_builder_get_root(builder);
  return json_to_string(root, FALSE);
}

static void
add_metadata(JsonBuilder *builder, KjModel *model)
{
  const KjShape *input = kj_network_get_input_shape(model->network);
  guint channels = input->c;
  g_autofree char *classes = strv_to_json(model->class_ids);
  g_autofree char *shape = g_strdup_printf("[%u, %u, %u]", input->c, input->h, input->w);
  g_autofree char *mean = floats_to_json(model->normalization.mean, MIN(channels, 4u));
  g_autofree char *std = floats_to_json(model->normalization.std, MIN(channels, 4u));

  json_builder_set_member_name(builder, "__metadata__");
  json_builder_begin_object(builder);
  json_builder_set_member_name(builder, "format");
  json_builder_add_string_value(builder, FORMAT_NAME);
  json_builder_set_member_name(builder, "kuajie.version");
  json_builder_add_string_value(builder, PACKAGE_VERSION);
  json_builder_set_member_name(builder, "kuajie.spec");
  json_builder_add_string_value(builder, kj_network_get_spec(model->network));
  json_builder_set_member_name(builder, "kuajie.input_shape");
  json_builder_add_string_value(builder, shape);
  json_builder_set_member_name(builder, "kuajie.classes");
  json_builder_add_string_value(builder, classes);
  json_builder_set_member_name(builder, "kuajie.mean");
  json_builder_add_string_value(builder, mean);
  json_builder_set_member_name(builder, "kuajie.std");
  json_builder_add_string_value(builder, std);
  if (model->dataset != NULL) {
    json_builder_set_member_name(builder, "kuajie.dataset");
    json_builder_add_string_value(builder, model->dataset);
  }
  json_builder_end_object(builder);
}

static char *
build_header(KjModel *model)
{
  g_autoptr(JsonBuilder) builder = json_builder_new();
  g_autoptr(JsonNode) root = NULL;
  guint n = kj_network_get_n_params(model->network);
  guint64 offset = 0;

  json_builder_begin_object(builder);
  add_metadata(builder, model);
  for (guint i = 0; i < n; i++) {
    KjParam *param = kj_network_get_param(model->network, i);

    json_builder_set_member_name(builder, param->name);
    json_builder_begin_object(builder);
    json_builder_set_member_name(builder, "dtype");
    json_builder_add_string_value(builder, "F32");
    json_builder_set_member_name(builder, "shape");
    json_builder_begin_array(builder);
    for (guint d = 0; d < param->rank; d++)
      json_builder_add_int_value(builder, param->shape[d]);
    json_builder_end_array(builder);
    json_builder_set_member_name(builder, "data_offsets");
    json_builder_begin_array(builder);
    json_builder_add_int_value(builder, (gint64)offset);
    offset += param->size * sizeof(float);
    json_builder_add_int_value(builder, (gint64)offset);
    json_builder_end_array(builder);
    json_builder_end_object(builder);
  }
  json_builder_end_object(builder);
  root = json_builder_get_root(builder);
  return json_to_string(root, FALSE);
}

/* Written whole, then renamed over the old file: never half a model. */
gboolean
kj_model_save(KjModel *model, GFile *file, GError **error)
{
  g_autofree char *header = build_header(model);
  g_autoptr(GByteArray) bytes = g_byte_array_new();
  g_autoptr(GError) local_error = NULL;
  gsize header_len = strlen(header);
  gsize padded = (header_len + 7) & ~(gsize)7; /* data starts 8-byte aligned */
  guint64 le_len = GUINT64_TO_LE((guint64)padded);
  guint n = kj_network_get_n_params(model->network);

  g_byte_array_append(bytes, (const guint8 *)&le_len, sizeof le_len);
  g_byte_array_append(bytes, (const guint8 *)header, header_len);
  for (gsize i = header_len; i < padded; i++)
    g_byte_array_append(bytes, (const guint8 *)" ", 1);
  for (guint i = 0; i < n; i++) {
    KjParam *param = kj_network_get_param(model->network, i);

    for (gsize j = 0; j < param->size; j++) {
      guint32 word;
      memcpy(&word, &param->value[j], sizeof word);
      word = GUINT32_TO_LE(word);
      g_byte_array_append(bytes, (const guint8 *)&word, sizeof word);
    }
  }

  if (!kj_file_replace_contents(file, (const char *)bytes->data, bytes->len, NULL, &local_error)) {
    g_autofree char *name = g_file_get_parse_name(file);
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("Could not save the model to “%s”: %s"), name,
                local_error->message);
    return FALSE;
  }
  return TRUE;
}

/* ---- loading: everything is checked before it is trusted ---- */

typedef struct {
  char *name; /* the file, for messages */
  GInputStream *stream;
  guint64 file_size;
  guint64 data_start;
} Reader;

static gboolean G_GNUC_PRINTF(3, 4) fail(Reader *reader, GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start(args, format);
  message = g_strdup_vprintf(format, args);
  va_end(args);
  /* Translators: “file name”: what is wrong with it */
  g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("“%s”: %s"), reader->name, message);
  return FALSE;
}

static gboolean
read_at(Reader *reader, guint64 offset, void *buffer, gsize size, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize got = 0;

  if (!g_seekable_seek(G_SEEKABLE(reader->stream), (goffset)offset, G_SEEK_SET, NULL,
                       &local_error) ||
      !g_input_stream_read_all(reader->stream, buffer, size, &got, NULL, &local_error)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s”: %s"), reader->name, local_error->message);
    return FALSE;
  }
  if (got != size)
    return fail(reader, error, _("the file ends too early"));
  return TRUE;
}

static const char *
metadata_string(JsonObject *metadata, const char *key)
{
  JsonNode *node = json_object_get_member(metadata, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
      json_node_get_value_type(node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string(node);
}

/* Parses a metadata value that is itself JSON text, e.g. "[1, 28, 28]". */
static JsonArray *
metadata_array(JsonObject *metadata, const char *key, JsonParser *parser)
{
  const char *text = metadata_string(metadata, key);
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data(parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root(parser);
  return root != NULL && JSON_NODE_HOLDS_ARRAY(root) ? json_node_get_array(root) : NULL;
}

static gboolean
node_to_uint(JsonNode *node, guint64 max, guint64 *out)
{
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
      json_node_get_value_type(node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int(node);
  if (value < 0 || (guint64)value > max)
    return FALSE;
  *out = (guint64)value;
  return TRUE;
}

static gboolean
read_input_shape(Reader *reader, JsonObject *metadata, KjShape *shape, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new();
  JsonArray *array = metadata_array(metadata, "kuajie.input_shape", parser);
  guint64 dims[3];

  if (array == NULL || json_array_get_length(array) != 3)
    return fail(reader, error, _("the input shape in the metadata is missing or not [C, H, W]"));
  for (guint i = 0; i < 3; i++)
    if (!node_to_uint(json_array_get_element(array, i), i == 0 ? 4 : 4096, &dims[i]) ||
        dims[i] == 0)
      return fail(reader, error, _("the input shape in the metadata is out of range"));
  *shape = (KjShape){ (guint)dims[0], (guint)dims[1], (guint)dims[2] };
  return TRUE;
}

static gboolean
read_classes(Reader *reader, JsonObject *metadata, KjModel *model, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new();
  JsonArray *array = metadata_array(metadata, "kuajie.classes", parser);
  guint n;

  if (array == NULL)
    return fail(reader, error, _("the class names in the metadata are missing"));
  n = json_array_get_length(array);
  if (n < 2 || n > 4096)
    return fail(reader, error, _("the model has %u classes; it needs 2 to 4096"), n);
  model->class_ids = g_new0(char *, n + 1);
  model->class_names = g_new0(char *, n + 1);
  for (guint i = 0; i < n; i++) {
    JsonNode *node = json_array_get_element(array, i);

    if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING ||
        *json_node_get_string(node) == '\0')
      return fail(reader, error, _("class %u has no name"), i);
    model->class_ids[i] = g_strdup(json_node_get_string(node));
    /* Kuajie's translation where it knows the id, else the id itself. */
    model->class_names[i] = g_strdup(kj_class_name_translate(model->class_ids[i]));
  }
  return TRUE;
}

static gboolean
read_floats(Reader *reader, JsonObject *metadata, const char *key, guint n, gboolean positive,
            float *out, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new();
  JsonArray *array = metadata_array(metadata, key, parser);

  if (array == NULL || json_array_get_length(array) != n)
    return fail(reader, error, _("the normalisation “%s” needs %u values"), key, n);
  for (guint i = 0; i < n; i++) {
    JsonNode *node = json_array_get_element(array, i);
    double value;

    if (!JSON_NODE_HOLDS_VALUE(node) || (json_node_get_value_type(node) != G_TYPE_DOUBLE &&
                                         json_node_get_value_type(node) != G_TYPE_INT64))
      return fail(reader, error, _("the normalisation “%s” is not a list of numbers"), key);
    value = json_node_get_double(node);
    if (!isfinite(value) || (positive && value <= 0.0) || fabs(value) > 1e6)
      return fail(reader, error, _("the normalisation “%s” holds an invalid value"), key);
    out[i] = (float)value;
  }
  return TRUE;
}

/* Checks one tensor entry of the header against the parameter of the
 * same name and reads its data. */
static gboolean
read_tensor(Reader *reader, const char *name, JsonNode *node, KjNetwork *network, GHashTable *seen,
            GError **error)
{
  JsonObject *entry;
  JsonArray *shape, *offsets;
  KjParam *param = NULL;
  guint64 begin, end, data_size = reader->file_size - reader->data_start;
  const char *dtype;
  g_autofree guint32 *words = NULL;

  for (guint i = 0; i < kj_network_get_n_params(network) && param == NULL; i++)
    if (g_str_equal(kj_network_get_param(network, i)->name, name))
      param = kj_network_get_param(network, i);
  if (param == NULL)
    return fail(reader, error, _("unexpected tensor “%s” for this architecture"), name);
  if (!JSON_NODE_HOLDS_OBJECT(node))
    return fail(reader, error, _("tensor “%s” is not described by an object"), name);
  entry = json_node_get_object(node);
  dtype = json_object_has_member(entry, "dtype")
              ? json_node_get_string(json_object_get_member(entry, "dtype"))
              : NULL;
  if (g_strcmp0(dtype, "F32") != 0)
    return fail(reader, error, _("tensor “%s” has dtype %s; only F32 is supported"), name,
                dtype != NULL ? dtype : "?");

  shape = json_object_has_member(entry, "shape") &&
                  JSON_NODE_HOLDS_ARRAY(json_object_get_member(entry, "shape"))
              ? json_object_get_array_member(entry, "shape")
              : NULL;
  if (shape == NULL || json_array_get_length(shape) != param->rank)
    return fail(reader, error, _("tensor “%s” has the wrong shape"), name);
  for (guint d = 0; d < param->rank; d++) {
    guint64 dim;
    if (!node_to_uint(json_array_get_element(shape, d), G_MAXUINT32, &dim) ||
        dim != param->shape[d])
      return fail(reader, error, _("tensor “%s” has the wrong shape"), name);
  }

  offsets = json_object_has_member(entry, "data_offsets") &&
                    JSON_NODE_HOLDS_ARRAY(json_object_get_member(entry, "data_offsets"))
                ? json_object_get_array_member(entry, "data_offsets")
                : NULL;
  if (offsets == NULL || json_array_get_length(offsets) != 2 ||
      !node_to_uint(json_array_get_element(offsets, 0), data_size, &begin) ||
      !node_to_uint(json_array_get_element(offsets, 1), data_size, &end) || begin > end)
    return fail(reader, error, _("tensor “%s” has offsets outside the file"), name);
  if (end - begin != param->size * sizeof(float)) {
    g_autofree char *has = g_strdup_printf("%" G_GUINT64_FORMAT, end - begin);
    g_autofree char *needs = g_strdup_printf("%zu", param->size * sizeof(float));
    return fail(reader, error, _("tensor “%s” has %s bytes, not %s"), name, has, needs);
  }
  if (!g_hash_table_add(seen, param))
    return fail(reader, error, _("tensor “%s” appears twice"), name);

  words = g_new(guint32, param->size);
  if (!read_at(reader, reader->data_start + begin, words, param->size * sizeof(float), error))
    return FALSE;
  for (gsize j = 0; j < param->size; j++) {
    guint32 word = GUINT32_FROM_LE(words[j]);
    memcpy(&param->value[j], &word, sizeof word);
    if (!isfinite(param->value[j]))
      return fail(reader, error, _("tensor “%s” holds a value that is not finite"), name);
  }
  return TRUE;
}

static KjModel *
read_model(Reader *reader, JsonObject *root, GError **error)
{
  g_autoptr(KjModel) model = g_new0(KjModel, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new(NULL, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *metadata;
  const char *spec;
  KjShape input;

  if (!json_object_has_member(root, "__metadata__") ||
      !JSON_NODE_HOLDS_OBJECT(json_object_get_member(root, "__metadata__"))) {
    fail(reader, error, _("no metadata: not a Kuajie model"));
    return NULL;
  }
  metadata = json_object_get_object_member(root, "__metadata__");
  spec = metadata_string(metadata, "kuajie.spec");
  if (spec == NULL) {
    fail(reader, error, _("no architecture in the metadata: not a Kuajie model"));
    return NULL;
  }
  if (!read_input_shape(reader, metadata, &input, error) ||
      !read_classes(reader, metadata, model, error) ||
      !read_floats(reader, metadata, "kuajie.mean", input.c, FALSE, model->normalization.mean,
                   error) ||
      !read_floats(reader, metadata, "kuajie.std", input.c, TRUE, model->normalization.std, error))
    return NULL;
  model->dataset = g_strdup(metadata_string(metadata, "kuajie.dataset"));

  model->network = kj_network_new(spec, &input, g_strv_length(model->class_ids), &local_error);
  if (model->network == NULL) {
    fail(reader, error, "%s", local_error->message);
    return NULL;
  }

  members = json_object_get_members(root);
  for (GList *l = members; l != NULL; l = l->next) {
    const char *name = l->data;
    if (!g_str_equal(name, "__metadata__") &&
        !read_tensor(reader, name, json_object_get_member(root, name), model->network, seen, error))
      return NULL;
  }
  for (guint i = 0; i < kj_network_get_n_params(model->network); i++) {
    KjParam *param = kj_network_get_param(model->network, i);
    if (!g_hash_table_contains(seen, param)) {
      fail(reader, error, _("tensor “%s” is missing"), param->name);
      return NULL;
    }
  }
  return g_steal_pointer(&model);
}

KjModel *
kj_model_load(GFile *file, GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(JsonParser) parser = json_parser_new();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *header = NULL;
  g_autofree char *name = g_file_get_parse_name(file);
  Reader reader = { name, NULL, 0, 0 };
  guint64 header_len;
  JsonNode *root;

  stream = g_file_read(file, NULL, &local_error);
  if (stream != NULL)
    info =
        g_file_input_stream_query_info(stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info == NULL) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("Could not open the model “%s”: %s"), name,
                local_error->message);
    return NULL;
  }
  reader.stream = G_INPUT_STREAM(stream);
  reader.file_size = (guint64)g_file_info_get_size(info);

  if (reader.file_size < 8) {
    fail(&reader, error, _("too short to be a safetensors file"));
    return NULL;
  }
  if (!read_at(&reader, 0, &header_len, sizeof header_len, error))
    return NULL;
  header_len = GUINT64_FROM_LE(header_len);
  if (header_len < 2 || header_len > MAX_HEADER || header_len > reader.file_size - 8) {
    g_autofree char *length = g_strdup_printf("%" G_GUINT64_FORMAT, header_len);
    fail(&reader, error, _("the header length %s runs past the end of the file"), length);
    return NULL;
  }
  reader.data_start = 8 + header_len;

  header = g_malloc(header_len + 1);
  if (!read_at(&reader, 8, header, header_len, error))
    return NULL;
  header[header_len] = '\0';
  if (!json_parser_load_from_data(parser, header, (gssize)header_len, &local_error)) {
    fail(&reader, error, _("the header is not valid JSON: %s"), local_error->message);
    return NULL;
  }
  root = json_parser_get_root(parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
    fail(&reader, error, _("the header is not a JSON object"));
    return NULL;
  }
  return read_model(&reader, json_node_get_object(root), error);
}
