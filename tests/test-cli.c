/* kuajie-cli and `kuajie --version`, run as a user would run them. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear(Run *run)
{
  g_free(run->out);
  g_free(run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Run, run_clear)

static void
run_program(Run *run, const char *env_var, const char *first_arg, ...)
{
  const char *program = g_getenv(env_var);
  g_autoptr(GPtrArray) argv = g_ptr_array_new();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_assert_nonnull(program);
  g_ptr_array_add(argv, (gpointer)program);
  va_start(args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg(args, const char *))
    g_ptr_array_add(argv, (gpointer)arg);
  va_end(args);
  g_ptr_array_add(argv, NULL);

  process =
      g_subprocess_newv((const char *const *)argv->pdata,
                        G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error(error);
  g_subprocess_communicate_utf8(process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error(error);
  run->status = g_subprocess_get_exit_status(process);
}

#define cli(run, ...) run_program(run, "KJ_CLI", __VA_ARGS__, NULL)

static void
test_version_and_help(void)
{
  g_auto(Run) version = { 0 };
  g_auto(Run) app_version = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) fusion_help = { 0 };

  cli(&version, "--version");
  g_assert_cmpint(version.status, ==, 0);
  g_assert_true(g_str_has_prefix(version.out, "kuajie-cli "));

  run_program(&app_version, "KJ_APP", "--version", NULL);
  g_assert_cmpint(app_version.status, ==, 0);
  g_assert_true(g_str_has_prefix(app_version.out, "kuajie "));
  /* Both binaries report the same version. */
  g_assert_cmpstr(strchr(app_version.out, ' '), ==, strchr(version.out, ' '));

  cli(&help, "--help");
  g_assert_cmpint(help.status, ==, 0);
  g_assert_nonnull(strstr(help.out, "fusion"));

  cli(&fusion_help, "fusion", "--help");
  g_assert_cmpint(fusion_help.status, ==, 0);
  g_assert_nonnull(strstr(fusion_help.out, "--domain"));
  g_assert_nonnull(strstr(fusion_help.out, "--json"));
}

static void
test_fusion_text(void)
{
  g_auto(Run) run = { 0 };

  cli(&run, "fusion", "--w1", "0.5", "--domain", "AI=0.5:0.5");
  g_assert_cmpint(run.status, ==, 0);
  g_assert_nonnull(strstr(run.out, "AI: 0.5 × 0.5 = 0.25"));
  g_assert_nonnull(strstr(run.out, "w = 0.75"));
  g_assert_cmpstr(run.err, ==, "");
}

static void
test_fusion_json(void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *ai;
  JsonArray *domains;

  cli(&run, "fusion", "--w1", "0.5", "--domain", "AI=0.5:0.5", "-d", "区块链=1:0.2", "--json");
  g_assert_cmpint(run.status, ==, 0);
  /* One JSON object on one line. */
  g_assert_cmpint(strchr(run.out, '\n') - run.out, ==, (long)strlen(run.out) - 1);
  json_parser_load_from_data(parser, run.out, -1, &error);
  g_assert_no_error(error);

  root = json_node_get_object(json_parser_get_root(parser));
  g_assert_cmpfloat_with_epsilon(json_object_get_double_member(root, "score"), 0.95, 1e-12);
  g_assert_cmpfloat_with_epsilon(json_object_get_double_member(root, "max_score"), 1.7, 1e-12);
  domains = json_object_get_array_member(root, "domains");
  g_assert_cmpuint(json_array_get_length(domains), ==, 2);
  ai = json_array_get_object_element(domains, 0);
  g_assert_cmpstr(json_object_get_string_member(ai, "name"), ==, "AI");
  g_assert_cmpfloat(json_object_get_double_member(ai, "contribution"), ==, 0.25);
  g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(domains, 1), "name"),
                  ==, "区块链");
}

/* The seed's example, exactly, through the command line. */
static void
test_fusion_seed_json(void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new();

  cli(&run, "fusion", "--w1", "0.5", "--domain", "AI=0.5:0.5", "--json");
  g_assert_cmpint(run.status, ==, 0);
  g_assert_true(json_parser_load_from_data(parser, run.out, -1, NULL));
  g_assert_cmpfloat(
      json_object_get_double_member(json_node_get_object(json_parser_get_root(parser)), "score"),
      ==, 0.75);
}

static void
test_fusion_bad_input(void)
{
  const char *cases[][6] = {
    { "fusion", "--w1", "0.5", "--domain", "AI=1.5:0.5", "AI" },
    { "fusion", "--w1", "0.5", "--domain", "AI=0.5:-1", "AI" },
    { "fusion", "--w1", "0.5", "--domain", "AI=nan:0.5", "AI" },
    { "fusion", "--w1", "0.5", "--domain", "AI", "NAME=WEIGHT:ALPHA" },
    { "fusion", "--w1", "0.5", "--domain", "=0.5:0.5", "NAME=WEIGHT:ALPHA" },
    { "fusion", "--w1", "2", "--domain", "AI=0.5:0.5", "w1" },
    { "fusion", "--w1", "abc", "--domain", "AI=0.5:0.5", "abc" },
    { "fusion", "--w1", "0.5", "--bogus", "x", "bogus" },
    { "fusion", "--domain", "AI=0.5:0.5", "--json", "--json", "--w1" },
    { "nonsense", "--w1", "0.5", "--domain", "AI=0.5:0.5", "nonsense" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_auto(Run) run = { 0 };

    cli(&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4]);
    g_test_message("%s %s %s %s %s -> %s", cases[i][0], cases[i][1], cases[i][2], cases[i][3],
                   cases[i][4], run.err);
    g_assert_cmpint(run.status, ==, 1);
    g_assert_cmpstr(run.out, ==, "");
    /* Exactly one line, naming the culprit. */
    g_assert_true(g_str_has_prefix(run.err, "kuajie-cli"));
    g_assert_cmpint(strchr(run.err, '\n') - run.err, ==, (long)strlen(run.err) - 1);
    g_assert_nonnull(strstr(run.err, cases[i][5]));
  }

  {
    g_auto(Run) run = { 0 };

    cli(&run, "fusion", "--w1", "0.5", "-d", "AI=0.5:0.5", "-d", "AI=0.1:0.1");
    g_assert_cmpint(run.status, ==, 1);
    g_assert_nonnull(strstr(run.err, "“AI”"));
  }
}

/* An ImageFolder of two classes, dark and light squares, 12 images each. */
static char *
make_image_folder(void)
{
  g_autofree char *root = g_dir_make_tmp("kuajie-cli-XXXXXX", NULL);
  const char *classes[] = { "dark", "light" };

  g_assert_nonnull(root);
  for (guint c = 0; c < 2; c++) {
    g_autofree char *dir = g_build_filename(root, "images", classes[c], NULL);

    g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
    for (guint i = 0; i < 12; i++) {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 20, 20);
      g_autofree char *name = g_strdup_printf("%u.png", i);
      g_autofree char *path = g_build_filename(dir, name, NULL);
      guint8 level = (guint8)(c == 0 ? 20 + i * 3 : 200 + i * 3);

      gdk_pixbuf_fill(pixbuf, (guint32)level << 24 | (guint32)level << 16 | level << 8 | 0xff);
      g_assert_true(gdk_pixbuf_save(pixbuf, path, "png", NULL, NULL));
    }
  }
  return g_steal_pointer(&root);
}

static void
remove_tree(const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autoptr(GFileEnumerator) children =
      g_file_enumerate_children(file, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file(children, NULL, NULL)) != NULL) {
    g_autofree char *child = g_build_filename(path, g_file_info_get_name(info), NULL);
    remove_tree(child);
    g_object_unref(info);
  }
  g_remove(path);
}

static JsonObject *
parse_object(JsonParser *parser, const char *line)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data(parser, line, -1, &error);
  g_assert_no_error(error);
  return json_node_get_object(json_parser_get_root(parser));
}

/* train → a model file → eval and classify, on a tiny image folder. */
static void
test_train_eval_classify(void)
{
  g_autofree char *root = make_image_folder();
  g_autofree char *images = g_build_filename(root, "images", NULL);
  g_autofree char *model = g_build_filename(root, "model.safetensors", NULL);
  g_autofree char *dark = g_build_filename(images, "dark", "3.png", NULL);
  g_autofree char *text = g_build_filename(root, "notes.txt", NULL);
  g_auto(Run) train = { 0 };
  g_auto(Run) eval = { 0 };
  g_auto(Run) classify = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new();
  JsonObject *object;
  JsonArray *top;

  cli(&train, "train", "--dataset", images, "--spec", "conv3x3:4 relu pool2 dense:2", "--epochs",
      "3", "--batch", "4", "--lr", "0.05", "--validation", "0.25", "--threads", "1", "--json",
      "--output", model);
  g_assert_cmpint(train.status, ==, 0);
  lines = g_strsplit(g_strchomp(train.out), "\n", -1);
  g_assert_cmpuint(g_strv_length(lines), ==, 3);
  for (guint i = 0; i < 3; i++) {
    object = parse_object(parser, lines[i]);
    g_assert_cmpint(json_object_get_int_member(object, "epoch"), ==, i + 1);
    g_assert_true(json_object_has_member(object, "loss"));
    g_assert_true(json_object_has_member(object, "accuracy"));
    g_assert_true(json_object_has_member(object, "val_accuracy"));
    g_assert_false(json_object_has_member(object, "test_accuracy")); /* no test split */
    g_assert_cmpfloat(json_object_get_double_member(object, "images_per_second"), >, 0);
  }
  g_assert_true(g_file_test(model, G_FILE_TEST_IS_REGULAR));

  cli(&eval, "eval", "--model", model, "--dataset", images, "--json");
  g_assert_cmpint(eval.status, ==, 0);
  object = parse_object(parser, eval.out);
  g_assert_cmpint(json_object_get_int_member(object, "images"), ==, 24);
  g_assert_cmpfloat(json_object_get_double_member(object, "accuracy"), >=, 0.9);
  g_assert_cmpuint(json_array_get_length(json_object_get_array_member(object, "confusion")), ==, 2);

  /* One good image, one text file: the good one is classified, the bad one
   * reported on one line, and the status says something failed. */
  g_assert_true(g_file_set_contents(text, "not an image", -1, NULL));
  cli(&classify, "classify", "--model", model, "--top", "2", "--json", dark, text);
  g_assert_cmpint(classify.status, ==, 1);
  object = parse_object(parser, classify.out);
  top = json_object_get_array_member(object, "top");
  g_assert_cmpuint(json_array_get_length(top), ==, 2);
  g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(top, 0), "id"), ==,
                  "dark");
  g_assert_nonnull(strstr(classify.err, "notes.txt"));
  g_assert_cmpint(strchr(classify.err, '\n') - classify.err, ==, (long)strlen(classify.err) - 1);
  remove_tree(root);
}

static void
test_train_bad_input(void)
{
  g_autofree char *root = make_image_folder();
  g_autofree char *images = g_build_filename(root, "images", NULL);
  g_autofree char *bogus = g_build_filename(root, "bogus.safetensors", NULL);
  g_autofree char *missing = g_build_filename(root, "missing", NULL);
  struct {
    const char *args[8];
    const char *expected;
  } cases[] = {
    { { "train", "--dataset", images, "--spec", "conv3x:4 dense:2" }, "conv3x:4" },
    { { "train", "--dataset", images, "--spec", "conv3x3:4 dense:7" }, "7" },
    { { "train", "--dataset", missing }, "missing" },
    { { "train", "--dataset", images, "--preset", "huge" }, "huge" },
    { { "train", "--dataset", images, "--optimizer", "rmsprop" }, "rmsprop" },
    { { "train", "--dataset", images, "--schedule", "linear" }, "linear" },
    { { "train", "--dataset", images, "--lr", "-1" }, "--lr" },
    { { "eval", "--model", bogus, "--dataset", images }, "bogus.safetensors" },
    { { "classify", "--model", bogus, images }, "bogus.safetensors" },
    { { "eval", "--dataset", images }, "--model" },
  };

  g_assert_true(g_file_set_contents(bogus, "garbage that is not a model", -1, NULL));
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_auto(Run) run = { 0 };

    cli(&run, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
        cases[i].args[4], cases[i].args[5], cases[i].args[6], cases[i].args[7]);
    g_test_message("%s %s -> %s", cases[i].args[0], cases[i].args[1], run.err);
    g_assert_cmpint(run.status, ==, 1);
    g_assert_cmpint(strchr(run.err, '\n') - run.err, ==, (long)strlen(run.err) - 1);
    g_assert_nonnull(strstr(run.err, cases[i].expected));
  }
  remove_tree(root);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/cli/version-and-help", test_version_and_help);
  g_test_add_func("/kj/cli/fusion/text", test_fusion_text);
  g_test_add_func("/kj/cli/fusion/json", test_fusion_json);
  g_test_add_func("/kj/cli/fusion/seed-json", test_fusion_seed_json);
  g_test_add_func("/kj/cli/fusion/bad-input", test_fusion_bad_input);
  g_test_add_func("/kj/cli/train-eval-classify", test_train_eval_classify);
  g_test_add_func("/kj/cli/train/bad-input", test_train_bad_input);
  return g_test_run();
}
