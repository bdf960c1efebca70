/* The training side of the CNN engine: optimisers, schedules, control,
 * model files, the trainer and evaluation. */
#include "kj-blas.h"
#include "kj-data-source.h"
#include "kj-error.h"
#include "kj-trainer.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/* ---- fixtures ---- */

/* Two classes of 8×8 grey images: a bright left half or a bright right
 * half, with noise. Easy, but only for a model that looks at positions. */
static KjDataset *
make_halves(guint n, guint64 seed)
{
  KjShape shape = { 1, 8, 8 };
  KjDataset *ds = kj_dataset_new(n, &shape, 2);
  KjRng rng;

  kj_rng_init(&rng, seed);
  kj_dataset_set_class_id(ds, 0, "left");
  kj_dataset_set_class_id(ds, 1, "right");
  kj_dataset_set_class_name(ds, 0, "left");
  kj_dataset_set_class_name(ds, 1, "right");
  for (guint i = 0; i < n; i++) {
    guint8 *pixels = kj_dataset_get_pixels(ds, i);
    guint16 label = (guint16)(i % 2);

    for (guint y = 0; y < 8; y++)
      for (guint x = 0; x < 8; x++) {
        gboolean bright = label == 0 ? x < 4 : x >= 4;
        pixels[y * 8 + x] = (guint8)((bright ? 160 : 40) + kj_rng_below(&rng, 60));
      }
    kj_dataset_set_label(ds, i, label);
  }
  return ds;
}

static KjModel *
make_model(KjDataset *ds, const char *spec, guint64 seed)
{
  g_autoptr(GError) error = NULL;
  KjNetwork *network =
      kj_network_new(spec, kj_dataset_get_shape(ds), kj_dataset_get_n_classes(ds), &error);
  KjNormalization norm;

  g_assert_no_error(error);
  kj_network_init_weights(network, seed);
  kj_dataset_compute_normalization(ds, &norm);
  return kj_model_new(network, ds, &norm, "halves");
}

#define SMALL_SPEC "conv3x3:4 relu pool2 dense:2"

/* ---- optimisers ---- */

static KjNetwork *
make_dense(void)
{
  KjShape in = { 3, 1, 1 };
  KjNetwork *net = kj_network_new("dense:2", &in, 2, NULL);

  g_assert_nonnull(net);
  g_assert_cmpuint(kj_network_get_n_params(net), ==, 2);
  return net;
}

static void
set_all(KjParam *param, float value, float grad)
{
  for (gsize j = 0; j < param->size; j++) {
    param->value[j] = value;
    param->grad[j] = grad;
  }
}

static void
test_sgd(void)
{
  g_autoptr(KjNetwork) net = make_dense();
  KjParam *w = kj_network_get_param(net, 0), *b = kj_network_get_param(net, 1);
  KjOptimizerConfig config;
  g_autoptr(KjOptimizer) sgd = NULL;

  g_assert_true(w->decay);
  g_assert_false(b->decay);
  kj_optimizer_config_init(&config, KJ_OPTIMIZER_SGD);
  config.momentum = 0.9;
  config.weight_decay = 0.1;
  sgd = kj_optimizer_new(&config, net);
  set_all(w, 1.0f, 0.5f);
  set_all(b, 1.0f, 0.5f);
  /* step 1: g = 0.5 + 0.1·1 = 0.6 (weight), 0.5 (bias); v = g; w -= 0.1·v */
  kj_optimizer_step(sgd, 0.1);
  g_assert_cmpfloat_with_epsilon(w->value[0], 1.0 - 0.06, 1e-6);
  g_assert_cmpfloat_with_epsilon(b->value[0], 1.0 - 0.05, 1e-6);
  /* step 2 with the same grad: g = 0.5 + 0.1·0.94 = 0.594; v = 0.9·0.6 + 0.594 */
  kj_optimizer_step(sgd, 0.1);
  g_assert_cmpfloat_with_epsilon(w->value[0], 0.94 - 0.1 * (0.54 + 0.594), 1e-6);
}

static void
test_nesterov(void)
{
  g_autoptr(KjNetwork) net = make_dense();
  KjParam *b = kj_network_get_param(net, 1);
  KjOptimizerConfig config;
  g_autoptr(KjOptimizer) sgd = NULL;

  kj_optimizer_config_init(&config, KJ_OPTIMIZER_SGD);
  config.nesterov = TRUE;
  sgd = kj_optimizer_new(&config, net);
  set_all(b, 0.0f, 1.0f);
  /* v = 1; step = g + μ·v = 1.9 */
  kj_optimizer_step(sgd, 0.1);
  g_assert_cmpfloat_with_epsilon(b->value[0], -0.19, 1e-6);
}

static void
test_adamw(void)
{
  g_autoptr(KjNetwork) net = make_dense();
  KjParam *w = kj_network_get_param(net, 0), *b = kj_network_get_param(net, 1);
  KjOptimizerConfig config;
  g_autoptr(KjOptimizer) adam = NULL;

  kj_optimizer_config_init(&config, KJ_OPTIMIZER_ADAMW);
  config.weight_decay = 0.1;
  adam = kj_optimizer_new(&config, net);
  set_all(w, 2.0f, 0.3f);
  set_all(b, 2.0f, -0.3f);
  /* First step: m̂ = g, v̂ = g², so the step is lr·sign(g) (ε aside);
   * the weight also shrinks by lr·wd·w, the bias does not. */
  kj_optimizer_step(adam, 0.01);
  g_assert_cmpfloat_with_epsilon(w->value[0], 2.0 * (1 - 0.01 * 0.1) - 0.01, 1e-5);
  g_assert_cmpfloat_with_epsilon(b->value[0], 2.0 + 0.01, 1e-5);
}

/* ---- schedules ---- */

static void
test_schedules(void)
{
  KjSchedule s;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *bad[] = { "",         "linear",   "step",      "step:0:0.5",
                        "step:2:2", "cosine:x", "cosine:-1", "constant:1" };

  g_assert_true(kj_schedule_parse("constant", &s, NULL));
  g_assert_cmpfloat(kj_schedule_rate(&s, 0.1, 500, 100, 1000), ==, 0.1);

  g_assert_true(kj_schedule_parse("step:2:0.5", &s, NULL));
  g_assert_cmpfloat(kj_schedule_rate(&s, 0.1, 199, 100, 1000), ==, 0.1);
  g_assert_cmpfloat_with_epsilon(kj_schedule_rate(&s, 0.1, 200, 100, 1000), 0.05, 1e-12);
  g_assert_cmpfloat_with_epsilon(kj_schedule_rate(&s, 0.1, 450, 100, 1000), 0.025, 1e-12);
  text = kj_schedule_to_string(&s);
  g_assert_cmpstr(text, ==, "step:2:0.5");

  g_assert_true(kj_schedule_parse("cosine:1", &s, NULL));
  /* Warm-up rises linearly to the base rate over the first epoch... */
  g_assert_cmpfloat_with_epsilon(kj_schedule_rate(&s, 0.1, 0, 100, 1000), 0.001, 1e-12);
  g_assert_cmpfloat_with_epsilon(kj_schedule_rate(&s, 0.1, 49, 100, 1000), 0.05, 1e-12);
  g_assert_cmpfloat_with_epsilon(kj_schedule_rate(&s, 0.1, 100, 100, 1000), 0.1, 1e-12);
  /* ...then falls along a cosine to zero at the end. */
  g_assert_cmpfloat_with_epsilon(kj_schedule_rate(&s, 0.1, 550, 100, 1000), 0.05, 1e-12);
  g_assert_cmpfloat(kj_schedule_rate(&s, 0.1, 999, 100, 1000), <, 1e-5);

  for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
    g_assert_false(kj_schedule_parse(bad[i], &s, &error));
    g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
    g_clear_error(&error);
  }
}

/* ---- pause and cancel ---- */

typedef struct {
  KjTrainControl *control;
  gint passed;
} Worker;

static gpointer
worker_thread(gpointer data)
{
  Worker *worker = data;
  gboolean go_on = kj_train_control_checkpoint(worker->control);

  g_atomic_int_set(&worker->passed, go_on ? 1 : 2);
  return NULL;
}

static void
test_control(void)
{
  g_autoptr(KjTrainControl) control = kj_train_control_new();
  Worker worker = { control, 0 };
  GThread *thread;

  g_assert_true(kj_train_control_checkpoint(control));
  kj_train_control_set_paused(control, TRUE);
  thread = g_thread_new("worker", worker_thread, &worker);
  g_usleep(50 * 1000);
  g_assert_cmpint(g_atomic_int_get(&worker.passed), ==, 0); /* held while paused */
  kj_train_control_set_paused(control, FALSE);
  g_thread_join(thread);
  g_assert_cmpint(worker.passed, ==, 1);

  /* Cancel wakes a paused worker, which then stops. */
  worker.passed = 0;
  kj_train_control_set_paused(control, TRUE);
  thread = g_thread_new("worker", worker_thread, &worker);
  g_usleep(20 * 1000);
  kj_train_control_cancel(control);
  g_thread_join(thread);
  g_assert_cmpint(worker.passed, ==, 2);
  g_assert_false(kj_train_control_checkpoint(control));
}

/* ---- model files ---- */

static char *
temp_path(const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("kuajie-test-XXXXXX", &error);

  g_assert_no_error(error);
  return g_build_filename(dir, name, NULL);
}

static void
remove_temp(const char *path)
{
  g_autofree char *dir = g_path_get_dirname(path);

  g_unlink(path);
  g_rmdir(dir);
}

static void
test_model_round_trip(void)
{
  g_autoptr(KjDataset) ds = make_halves(16, 3);
  g_autoptr(KjModel) model = make_model(ds, "conv3x3:4 bn relu pool2 dropout:0.2 dense:2", 7);
  g_autoptr(KjModel) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path("model.safetensors");
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autofree guint8 *bytes = NULL;
  KjTensor input, a, b;
  guint16 labels[16];
  guint32 indices[16];
  guint64 header_len;
  gsize length;

  /* Make the batch-norm running statistics differ from their defaults. */
  for (guint i = 0; i < 16; i++)
    indices[i] = i;
  kj_tensor_init(&input);
  kj_dataset_fill_batch(ds, indices, 16, &model->normalization, NULL, NULL, &input, labels);
  kj_network_forward(model->network, &input, TRUE);

  g_assert_true(kj_model_save(model, file, &error));
  g_assert_no_error(error);
  loaded = kj_model_load(file, &error);
  g_assert_no_error(error);
  g_assert_nonnull(loaded);

  /* The file is plain safetensors: a little-endian header length, JSON. */
  g_assert_true(g_file_get_contents(path, (char **)&bytes, &length, NULL));
  memcpy(&header_len, bytes, 8);
  header_len = GUINT64_FROM_LE(header_len);
  g_assert_cmpuint(8 + header_len, <=, length);
  g_assert_cmpint(bytes[8], ==, '{');
  g_assert_cmpuint((8 + header_len) % 8, ==, 0);

  g_assert_cmpstr(kj_network_get_spec(loaded->network), ==, kj_network_get_spec(model->network));
  g_assert_cmpstrv(loaded->class_ids, model->class_ids);
  /* One channel: the mean and std of that channel travel. */
  g_assert_cmpfloat(loaded->normalization.mean[0], ==, model->normalization.mean[0]);
  g_assert_cmpfloat(loaded->normalization.std[0], ==, model->normalization.std[0]);
  g_assert_cmpstr(loaded->dataset, ==, "halves");
  g_assert_cmpuint(kj_network_get_n_params(loaded->network), ==,
                   kj_network_get_n_params(model->network));
  for (guint i = 0; i < kj_network_get_n_params(model->network); i++) {
    KjParam *p = kj_network_get_param(model->network, i);
    KjParam *q = kj_network_get_param(loaded->network, i);
    g_assert_cmpstr(p->name, ==, q->name);
    g_assert_cmpmem(p->value, p->size * sizeof(float), q->value, q->size * sizeof(float));
  }

  /* Bit-identical predictions. */
  kj_tensor_init(&a);
  kj_tensor_init(&b);
  kj_network_predict(model->network, &input, &a);
  kj_network_predict(loaded->network, &input, &b);
  g_assert_cmpmem(a.data, kj_tensor_size(&a) * sizeof(float), b.data,
                  kj_tensor_size(&b) * sizeof(float));
  kj_tensor_clear(&a);
  kj_tensor_clear(&b);
  kj_tensor_clear(&input);
  remove_temp(path);
}

/* Rewrites a saved model with its header JSON edited by edit(), or with
 * raw bytes cut off. */
typedef void (*EditHeader)(JsonObject *root);

static char *
corrupt_copy(const char *good, EditHeader edit, gssize truncate_to, const char *raw_header)
{
  g_autofree guint8 *bytes = NULL;
  g_autofree char *path = temp_path("bad.safetensors");
  g_autoptr(GByteArray) out = g_byte_array_new();
  g_autoptr(JsonParser) parser = json_parser_new();
  g_autofree char *header = NULL;
  guint64 header_len, new_len;
  gsize length;

  g_assert_true(g_file_get_contents(good, (char **)&bytes, &length, NULL));
  memcpy(&header_len, bytes, 8);
  header_len = GUINT64_FROM_LE(header_len);
  if (raw_header != NULL) {
    header = g_strdup(raw_header);
  } else if (edit != NULL) {
    g_assert_true(json_parser_load_from_data(parser, (char *)bytes + 8, (gssize)header_len, NULL));
    edit(json_node_get_object(json_parser_get_root(parser)));
    header = json_to_string(json_parser_get_root(parser), FALSE);
  }
  if (header != NULL) {
    new_len = GUINT64_TO_LE((guint64)strlen(header));
    g_byte_array_append(out, (guint8 *)&new_len, 8);
    g_byte_array_append(out, (guint8 *)header, strlen(header));
    g_byte_array_append(out, bytes + 8 + header_len, length - 8 - header_len);
  } else {
    g_byte_array_append(out, bytes, length);
  }
  if (truncate_to >= 0)
    g_byte_array_set_size(out, (guint)truncate_to);
  g_assert_true(g_file_set_contents(path, (char *)out->data, out->len, NULL));
  return g_steal_pointer(&path);
}

static JsonObject *
first_tensor(JsonObject *root)
{
  g_autoptr(GList) members = json_object_get_members(root);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal(l->data, "__metadata__"))
      return json_object_get_object_member(root, l->data);
  g_assert_not_reached();
}

static void
edit_dtype(JsonObject *root)
{
  json_object_set_string_member(first_tensor(root), "dtype", "F16");
}

static void
edit_shape(JsonObject *root)
{
  JsonArray *shape = json_object_get_array_member(first_tensor(root), "shape");
  json_array_add_int_element(shape, 2);
}

static void
edit_offsets(JsonObject *root)
{
  JsonArray *offsets = json_array_new();
  json_array_add_int_element(offsets, 0);
  json_array_add_int_element(offsets, G_GINT64_CONSTANT(1) << 40);
  json_object_set_array_member(first_tensor(root), "data_offsets", offsets);
}

static void
edit_missing(JsonObject *root)
{
  g_autoptr(GList) members = json_object_get_members(root);
  json_object_remove_member(root, g_list_last(members)->data);
}

static void
edit_extra(JsonObject *root)
{
  JsonObject *copy = json_object_ref(first_tensor(root));
  json_object_set_object_member(root, "99.dense.weight", copy);
}

static void
edit_no_metadata(JsonObject *root)
{
  json_object_remove_member(root, "__metadata__");
}

static void
edit_spec(JsonObject *root)
{
  json_object_set_string_member(json_object_get_object_member(root, "__metadata__"), "kuajie.spec",
                                "conv3x:4 relu dense:2");
}

static void
edit_classes(JsonObject *root)
{
  json_object_set_string_member(json_object_get_object_member(root, "__metadata__"),
                                "kuajie.classes", "[\"a\", \"b\", \"c\"]");
}

static void
edit_input(JsonObject *root)
{
  json_object_set_string_member(json_object_get_object_member(root, "__metadata__"),
                                "kuajie.input_shape", "[1, 100000, 100000]");
}

static void
edit_std(JsonObject *root)
{
  json_object_set_string_member(json_object_get_object_member(root, "__metadata__"), "kuajie.std",
                                "[0]");
}

static void
test_model_bad_files(void)
{
  g_autoptr(KjDataset) ds = make_halves(8, 3);
  g_autoptr(KjModel) model = make_model(ds, SMALL_SPEC, 7);
  g_autofree char *good = temp_path("good.safetensors");
  g_autoptr(GFile) good_file = g_file_new_for_path(good);
  struct {
    EditHeader edit;
    gssize truncate;
    const char *raw;
    const char *expected;
  } cases[] = {
    { NULL, 4, NULL, "short" },
    { NULL, 200, NULL, "" }, /* header cut */
    { NULL, -1, "{\"a\": ", "JSON" },
    { NULL, -1, "[1, 2]", "object" },
    { edit_no_metadata, -1, NULL, "metadata" },
    { edit_dtype, -1, NULL, "F16" },
    { edit_shape, -1, NULL, "shape" },
    { edit_offsets, -1, NULL, "offsets" },
    { edit_missing, -1, NULL, "missing" },
    { edit_extra, -1, NULL, "99.dense.weight" },
    { edit_spec, -1, NULL, "conv3x:4" },
    { edit_classes, -1, NULL, "" },
    { edit_input, -1, NULL, "input shape" },
    { edit_std, -1, NULL, "kuajie.std" },
  };
  guint8 huge[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, '{', '}' };
  g_autofree char *huge_path = temp_path("huge.safetensors");

  g_assert_true(kj_model_save(model, good_file, NULL));
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *path = corrupt_copy(good, cases[i].edit, cases[i].truncate, cases[i].raw);
    g_autoptr(GFile) file = g_file_new_for_path(path);
    g_autoptr(GError) error = NULL;
    g_autoptr(KjModel) loaded = kj_model_load(file, &error);

    g_test_message("case %zu: %s", i, error != NULL ? error->message : "(loaded)");
    g_assert_null(loaded);
    g_assert_nonnull(error);
    g_assert_true(error->domain == KJ_ERROR);
    g_assert_nonnull(strstr(error->message, "bad.safetensors")); /* names the file */
    g_assert_nonnull(strstr(error->message, cases[i].expected));
    remove_temp(path);
  }

  /* A header length of 2⁶³ is refused before anything is allocated. */
  g_assert_true(g_file_set_contents(huge_path, (char *)huge, sizeof huge, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path(huge_path);
    g_autoptr(GError) error = NULL;
    g_autoptr(KjModel) loaded = kj_model_load(file, &error);

    g_assert_null(loaded);
    g_assert_error(error, KJ_ERROR, KJ_ERROR_PARSE);
  }
  {
    g_autoptr(GFile) file = g_file_new_for_path("/nonexistent/model.safetensors");
    g_autoptr(GError) error = NULL;
    g_autoptr(KjModel) loaded = kj_model_load(file, &error);

    g_assert_null(loaded);
    g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
    g_assert_nonnull(strstr(error->message, "/nonexistent/model.safetensors"));
  }
  remove_temp(huge_path);
  remove_temp(good);
}

/* ---- the trainer ---- */

typedef struct {
  GArray *losses; /* double, per batch */
  GArray *epochs; /* KjEpochReport */
  KjTrainControl *control;
  guint cancel_at; /* batch step after which to cancel; 0: never */
  guint batches_after_cancel;
  gboolean cancelled;
} Record;

static void
record_batch(const KjBatchReport *report, gpointer data)
{
  Record *record = data;

  g_array_append_val(record->losses, report->loss);
  if (record->cancelled)
    record->batches_after_cancel++;
  if (record->cancel_at != 0 && report->step == record->cancel_at) {
    kj_train_control_cancel(record->control);
    record->cancelled = TRUE;
  }
  g_assert_cmpuint(report->batch, <=, report->n_batches);
  g_assert_cmpuint(report->step, <=, report->total_steps);
}

static void
record_epoch(const KjEpochReport *report, gpointer data)
{
  Record *record = data;

  g_array_append_val(record->epochs, *report);
}

static void
record_init(Record *record)
{
  record->losses = g_array_new(FALSE, FALSE, sizeof(double));
  record->epochs = g_array_new(FALSE, FALSE, sizeof(KjEpochReport));
  record->control = kj_train_control_new();
  record->cancel_at = 0;
  record->batches_after_cancel = 0;
  record->cancelled = FALSE;
}

static void
record_clear(Record *record)
{
  g_array_unref(record->losses);
  g_array_unref(record->epochs);
  kj_train_control_unref(record->control);
}

static gboolean
train(KjModel *model, KjDataset *train_set, KjDataset *test_set, KjTrainConfig *config,
      Record *record, GError **error)
{
  KjTrainCallbacks callbacks = { record_batch, record_epoch, record };

  return kj_train(model, train_set, test_set, config, &callbacks, record->control, error);
}

static void
test_trainer_learns(void)
{
  g_autoptr(KjDataset) train_set = make_halves(400, 1);
  g_autoptr(KjDataset) test_set = make_halves(100, 2);
  g_autoptr(KjModel) model = make_model(train_set, SMALL_SPEC, 5);
  g_autoptr(GError) error = NULL;
  KjTrainConfig config;
  KjEpochReport *last;
  Record record;

  kj_train_config_init(&config);
  config.epochs = 4;
  config.batch_size = 16;
  config.learning_rate = 0.05;
  config.threads = 1;
  record_init(&record);
  g_assert_true(train(model, train_set, test_set, &config, &record, &error));
  g_assert_no_error(error);

  g_assert_cmpuint(record.epochs->len, ==, 4);
  last = &g_array_index(record.epochs, KjEpochReport, 3);
  g_assert_cmpuint(last->epoch, ==, 4);
  g_assert_cmpfloat(last->test_accuracy, >, 0.95);
  g_assert_cmpfloat(last->val_accuracy, >, 0.9);
  g_assert_nonnull(last->validation);
  g_assert_cmpfloat(last->images_per_second, >, 0);
  g_assert_cmpfloat(last->loss, <, g_array_index(record.epochs, KjEpochReport, 0).loss);
  /* 360 training images (10% held out) in batches of 16: 23 per epoch. */
  g_assert_cmpuint(record.losses->len, ==, 4 * 23);
  record_clear(&record);
}

static void
test_trainer_reproducible(void)
{
  g_autoptr(KjDataset) ds = make_halves(200, 1);
  GArray *losses[2];
  KjTrainConfig config;

  kj_train_config_init(&config);
  config.epochs = 2;
  config.batch_size = 20;
  config.augmentation.flip = TRUE;
  config.augmentation.shift = 1;
  config.threads = 1;
  for (guint run = 0; run < 2; run++) {
    g_autoptr(KjModel) model = make_model(ds, "conv3x3:4 relu dropout:0.3 dense:2", 9);
    Record record;

    record_init(&record);
    g_assert_true(train(model, ds, NULL, &config, &record, NULL));
    losses[run] = g_array_ref(record.losses);
    record_clear(&record);
  }
  g_assert_cmpmem(losses[0]->data, losses[0]->len * sizeof(double), losses[1]->data,
                  losses[1]->len * sizeof(double));
  g_array_unref(losses[0]);
  g_array_unref(losses[1]);
}

static void
test_trainer_cancel(void)
{
  g_autoptr(KjDataset) ds = make_halves(200, 1);
  g_autoptr(KjModel) model = make_model(ds, SMALL_SPEC, 5);
  g_autoptr(GError) error = NULL;
  KjTrainConfig config;
  Record record;

  kj_train_config_init(&config);
  config.epochs = 3;
  config.batch_size = 10;
  config.threads = 1;
  record_init(&record);
  record.cancel_at = 5;
  g_assert_false(train(model, ds, NULL, &config, &record, &error));
  g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Honoured within one batch. */
  g_assert_cmpuint(record.batches_after_cancel, ==, 0);
  g_assert_cmpuint(record.epochs->len, ==, 0);
  record_clear(&record);
}

static void
test_trainer_diverges(void)
{
  g_autoptr(KjDataset) ds = make_halves(200, 1);
  g_autoptr(KjModel) model = make_model(ds, SMALL_SPEC, 5);
  g_autoptr(GError) error = NULL;
  KjTrainConfig config;
  Record record;

  kj_train_config_init(&config);
  config.epochs = 3;
  config.learning_rate = 1e30;
  config.threads = 1;
  record_init(&record);
  g_assert_false(train(model, ds, NULL, &config, &record, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_DIVERGED);
  /* The model keeps usable weights, not garbage. */
  for (guint i = 0; i < kj_network_get_n_params(model->network); i++) {
    KjParam *p = kj_network_get_param(model->network, i);
    for (gsize j = 0; j < p->size; j++)
      g_assert_true(isfinite(p->value[j]));
  }
  record_clear(&record);
}

/* A batch that would need more than 2 GiB is refused before training. */
static void
test_trainer_huge_batch(void)
{
  KjShape shape = { 3, 256, 256 };
  g_autoptr(KjDataset) ds = kj_dataset_new(4, &shape, 2);
  g_autoptr(KjModel) model = make_model(ds, "conv3x3:64 relu dense:2", 5);
  g_autoptr(GError) error = NULL;
  KjTrainConfig config;

  kj_train_config_init(&config);
  config.batch_size = 65536;
  g_assert_false(kj_train(model, ds, NULL, &config, NULL, NULL, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE);
}

static void
test_trainer_early_stopping(void)
{
  g_autoptr(KjDataset) ds = make_halves(100, 1);
  g_autoptr(KjModel) model = make_model(ds, SMALL_SPEC, 5);
  KjTrainConfig config;
  Record record;

  /* With a zero rate the validation loss never improves after epoch 1. */
  kj_train_config_init(&config);
  config.epochs = 10;
  config.learning_rate = 0.0;
  config.optimizer.momentum = 0.0;
  config.patience = 2;
  config.threads = 1;
  record_init(&record);
  g_assert_true(train(model, ds, NULL, &config, &record, NULL));
  g_assert_cmpuint(record.epochs->len, ==, 3);
  g_assert_true(g_array_index(record.epochs, KjEpochReport, 0).improved);
  g_assert_false(g_array_index(record.epochs, KjEpochReport, 2).improved);
  record_clear(&record);
}

static void
test_evaluate_and_classify(void)
{
  g_autoptr(KjDataset) ds = make_halves(100, 1);
  g_autoptr(KjModel) model = make_model(ds, SMALL_SPEC, 5);
  g_autoptr(KjEvaluation) ev = NULL;
  KjTrainConfig config;
  KjPrediction top[5];
  guint total = 0;

  kj_train_config_init(&config);
  config.epochs = 3;
  config.batch_size = 10;
  config.learning_rate = 0.05;
  config.threads = 1;
  g_assert_true(kj_train(model, ds, NULL, &config, NULL, NULL, NULL));

  ev = kj_evaluate(model, ds, NULL, 0, 32, NULL);
  g_assert_cmpuint(ev->n, ==, 100);
  for (guint i = 0; i < 4; i++)
    total += ev->confusion[i];
  g_assert_cmpuint(total, ==, 100);
  g_assert_cmpuint(kj_evaluation_class_count(ev, 0), ==, 50);
  g_assert_cmpfloat_with_epsilon(ev->accuracy, (double)(ev->confusion[0] + ev->confusion[3]) / 100,
                                 1e-12);
  g_assert_cmpfloat(kj_evaluation_class_accuracy(ev, 1), >, 0.9);

  /* Top-k: sorted, capped at the number of classes, summing to 1. */
  g_assert_cmpuint(kj_model_classify(model, kj_dataset_get_pixels(ds, 1), top, 5), ==, 2);
  g_assert_cmpuint(top[0].label, ==, 1);
  g_assert_cmpfloat(top[0].probability, >=, top[1].probability);
  g_assert_cmpfloat_with_epsilon(top[0].probability + top[1].probability, 1.0, 1e-5);
}

/* A few thousand Fashion-MNIST images train well above chance in seconds. */
static void
test_fashion_mnist_subset(void)
{
  KjDataOptions options;
  KjDataSplits splits = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDataset) train_set = NULL, test_set = NULL;
  g_autoptr(KjModel) model = NULL;
  g_autoptr(KjEvaluation) ev = NULL;
  KjTrainConfig config;
  guint n_train = 5000, n_test = 1000;

  if (!g_file_test("/usr/share/datasets/fashion-mnist", G_FILE_TEST_IS_DIR)) {
    g_test_skip("Debian's dataset-fashion-mnist is not installed");
    return;
  }
  kj_data_options_init(&options);
  g_assert_true(kj_data_open("fashion-mnist", &options, &splits, &error));
  g_assert_no_error(error);

  train_set = kj_dataset_new(n_train, kj_dataset_get_shape(splits.train), 10);
  test_set = kj_dataset_new(n_test, kj_dataset_get_shape(splits.train), 10);
  for (guint i = 0; i < 10; i++) {
    kj_dataset_set_class_id(train_set, i, kj_dataset_get_class_id(splits.train, i));
    kj_dataset_set_class_name(train_set, i, kj_dataset_get_class_name(splits.train, i));
  }
  for (guint i = 0; i < n_train; i++) {
    memcpy(kj_dataset_get_pixels(train_set, i), kj_dataset_get_pixels(splits.train, i), 784);
    kj_dataset_set_label(train_set, i, kj_dataset_get_label(splits.train, i));
  }
  for (guint i = 0; i < n_test; i++) {
    memcpy(kj_dataset_get_pixels(test_set, i), kj_dataset_get_pixels(splits.test, i), 784);
    kj_dataset_set_label(test_set, i, kj_dataset_get_label(splits.test, i));
  }
  kj_data_splits_clear(&splits);

  model = make_model(train_set, "conv3x3:8 relu pool2 dense:32 relu dense:10", 1);
  kj_train_config_init(&config);
  config.epochs = 3;
  config.learning_rate = 0.01;
  config.threads = 2;
  g_assert_true(kj_train(model, train_set, NULL, &config, NULL, NULL, &error));
  g_assert_no_error(error);
  ev = kj_evaluate(model, test_set, NULL, 0, 256, NULL);
  g_test_message("Fashion-MNIST subset: test accuracy %.3f", ev->accuracy);
  g_assert_cmpfloat(ev->accuracy, >, 0.6); /* chance is 0.1 */
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/train/sgd", test_sgd);
  g_test_add_func("/kj/train/nesterov", test_nesterov);
  g_test_add_func("/kj/train/adamw", test_adamw);
  g_test_add_func("/kj/train/schedules", test_schedules);
  g_test_add_func("/kj/train/control", test_control);
  g_test_add_func("/kj/train/model/round-trip", test_model_round_trip);
  g_test_add_func("/kj/train/model/bad-files", test_model_bad_files);
  g_test_add_func("/kj/train/trainer/learns", test_trainer_learns);
  g_test_add_func("/kj/train/trainer/reproducible", test_trainer_reproducible);
  g_test_add_func("/kj/train/trainer/cancel", test_trainer_cancel);
  g_test_add_func("/kj/train/trainer/diverges", test_trainer_diverges);
  g_test_add_func("/kj/train/trainer/early-stopping", test_trainer_early_stopping);
  g_test_add_func("/kj/train/trainer/huge-batch", test_trainer_huge_batch);
  g_test_add_func("/kj/train/evaluate-and-classify", test_evaluate_and_classify);
  g_test_add_func("/kj/train/fashion-mnist-subset", test_fashion_mnist_subset);
  return g_test_run();
}
