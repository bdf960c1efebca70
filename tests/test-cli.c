/* kuajie-cli and `kuajie --version`, run as a user would run them. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
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

/* ---- roadmap ---- */

/* Meson compiles this file by a path relative to the build directory, the
 * parent of the directory this test runs from. */
static char *
fixture_path(const char *name)
{
  g_autofree char *dir = g_path_get_dirname(__FILE__);

  if (g_path_is_absolute(dir))
    return g_build_filename(dir, "fixtures", "roadmap", name, NULL);
  return g_build_filename(g_test_get_dir(G_TEST_BUILT), "..", dir, "fixtures", "roadmap", name,
                          NULL);
}

static char *
read_text(const char *path, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents(path, &contents, length, &error);
  g_assert_no_error(error);
  return contents;
}

static void
write_text(const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents(path, text, -1, &error);
  g_assert_no_error(error);
}

static void
assert_one_line(const char *text)
{
  g_assert_cmpuint(strlen(text), >, 0);
  g_assert_cmpint(strchr(text, '\n') - text, ==, (long)strlen(text) - 1);
}

static void
assert_ran_ok(const Run *run)
{
  g_test_message("out: %s\nerr: %s", run->out, run->err);
  g_assert_cmpint(run->status, ==, 0);
  g_assert_cmpstr(run->err, ==, "");
}

/* Fails with one line on stderr naming expected, and leaves the output
 * file (which holds "precious") byte for byte as it was. */
static void
assert_refused(const Run *run, const char *expected, const char *output)
{
  g_autofree char *contents = NULL;

  g_test_message("err: %s", run->err);
  g_assert_cmpint(run->status, ==, 1);
  g_assert_cmpstr(run->out, ==, "");
  g_assert_true(g_str_has_prefix(run->err, "kuajie-cli roadmap"));
  assert_one_line(run->err);
  g_assert_nonnull(strstr(run->err, expected));
  if (output != NULL) {
    contents = read_text(output, NULL);
    g_assert_cmpstr(contents, ==, "precious\n");
  }
}

static void
test_roadmap_usage(void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) main_help = { 0 };
  const char *subcommands[][2] = {
    { "convert", "--scale" },
    { "default", "--dark" },
    { "progress", "--json" },
  };

  cli(&none, "roadmap");
  g_assert_cmpint(none.status, ==, 1);
  assert_one_line(none.err);
  g_assert_nonnull(strstr(none.err, "convert|default|progress"));

  cli(&unknown, "roadmap", "draw");
  g_assert_cmpint(unknown.status, ==, 1);
  assert_one_line(unknown.err);
  g_assert_nonnull(strstr(unknown.err, "“draw”"));

  cli(&help, "roadmap", "--help");
  g_assert_cmpint(help.status, ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS(subcommands); i++)
    g_assert_nonnull(strstr(help.out, subcommands[i][0]));

  cli(&main_help, "--help");
  g_assert_nonnull(strstr(main_help.out, "roadmap"));

  for (gsize i = 0; i < G_N_ELEMENTS(subcommands); i++) {
    g_auto(Run) run = { 0 };

    cli(&run, "roadmap", subcommands[i][0], "--help");
    assert_ran_ok(&run);
    g_assert_nonnull(strstr(run.out, subcommands[i][1]));
  }
}

/* The default roadmap: its five domains, nothing done yet. */
static void
test_roadmap_default_progress(void)
{
  g_autofree char *dir = g_dir_make_tmp("kuajie-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename(dir, "default.json", NULL);
  const char *domains[] = { "ai", "data-science", "blockchain", "iot", "programming" };
  g_auto(Run) write = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new();
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  g_auto(GStrv) lines = NULL;
  JsonObject *root, *overall;
  JsonArray *array;

  cli(&write, "roadmap", "default", path);
  assert_ran_ok(&write);
  g_assert_cmpstr(write.out, ==, "");

  cli(&text, "roadmap", "progress", path);
  assert_ran_ok(&text);
  g_assert_nonnull(strstr(text.out, "Whole roadmap"));
  g_assert_nonnull(strstr(text.out, "0%"));
  /* A header, five domains, a rule and the total. */
  lines = g_strsplit(g_strchomp(text.out), "\n", -1);
  g_assert_cmpuint(g_strv_length(lines), ==, 8);

  cli(&json, "roadmap", "progress", "--json", path);
  assert_ran_ok(&json);
  root = parse_object(parser, json.out);
  overall = json_object_get_object_member(root, "overall");
  g_assert_cmpfloat(json_object_get_double_member(overall, "fraction"), ==, 0.0);
  g_assert_cmpint(json_object_get_int_member(overall, "done"), ==, 0);
  g_assert_cmpint(json_object_get_int_member(overall, "nodes"), >, 20);
  g_assert_cmpfloat(json_object_get_double_member(overall, "hours-left"), ==,
                    json_object_get_double_member(overall, "hours-total"));
  array = json_object_get_array_member(root, "domains");
  g_assert_cmpuint(json_array_get_length(array), ==, G_N_ELEMENTS(domains));
  for (guint i = 0; i < json_array_get_length(array); i++) {
    JsonObject *domain = json_array_get_object_element(array, i);

    g_hash_table_add(seen, (gpointer)json_object_get_string_member(domain, "id"));
    g_assert_cmpstr(json_object_get_string_member(domain, "title"), !=, "");
    g_assert_cmpfloat(json_object_get_double_member(domain, "fraction"), ==, 0.0);
    g_assert_cmpint(json_object_get_int_member(domain, "nodes"), >, 0);
  }
  for (gsize i = 0; i < G_N_ELEMENTS(domains); i++)
    g_assert_true(g_hash_table_contains(seen, domains[i]));
  remove_tree(dir);
}

/* What Mermaid keeps of a roadmap file: "id title" per node, "from>to" per
 * edge, sorted. */
static char *
mermaid_kept(const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
  JsonObject *root;
  JsonArray *nodes, *edges;

  json_parser_load_from_file(parser, path, &error);
  g_assert_no_error(error);
  root = json_node_get_object(json_parser_get_root(parser));
  nodes = json_object_get_array_member(root, "nodes");
  edges = json_object_get_array_member(root, "edges");
  for (guint i = 0; i < json_array_get_length(nodes); i++) {
    JsonObject *node = json_array_get_object_element(nodes, i);

    g_ptr_array_add(lines,
                    g_strdup_printf("%s %s", json_object_get_string_member(node, "id"),
                                    json_object_get_string_member_with_default(node, "title", "")));
  }
  for (guint i = 0; i < json_array_get_length(edges); i++) {
    JsonObject *edge = json_array_get_object_element(edges, i);

    g_ptr_array_add(lines, g_strdup_printf("%s>%s", json_object_get_string_member(edge, "from"),
                                           json_object_get_string_member(edge, "to")));
  }
  g_assert_cmpuint(json_array_get_length(nodes), >, 20);
  g_assert_cmpuint(json_array_get_length(edges), >, 20);
  g_ptr_array_add(lines, NULL);
  return g_strjoinv("\n", (char **)lines->pdata);
}

/* json → mmd → json keeps the nodes, titles and edges; mmd → json → mmd
 * gives the same text. */
static void
test_roadmap_convert_round_trip(void)
{
  g_autofree char *dir = g_dir_make_tmp("kuajie-cli-XXXXXX", NULL);
  g_autofree char *first_json = g_build_filename(dir, "first.json", NULL);
  g_autofree char *first_mmd = g_build_filename(dir, "first.mmd", NULL);
  g_autofree char *second_json = g_build_filename(dir, "second.json", NULL);
  g_autofree char *second_mmd = g_build_filename(dir, "second.mermaid", NULL);
  g_autofree char *first_kept = NULL, *second_kept = NULL;
  g_autofree char *first_text = NULL, *second_text = NULL;
  g_auto(Run) write = { 0 };
  g_auto(Run) to_mmd = { 0 };
  g_auto(Run) to_json = { 0 };
  g_auto(Run) again = { 0 };

  cli(&write, "roadmap", "default", first_json);
  assert_ran_ok(&write);
  cli(&to_mmd, "roadmap", "convert", first_json, first_mmd);
  assert_ran_ok(&to_mmd);
  cli(&to_json, "roadmap", "convert", first_mmd, second_json);
  assert_ran_ok(&to_json);
  cli(&again, "roadmap", "convert", second_json, second_mmd);
  assert_ran_ok(&again);

  first_kept = mermaid_kept(first_json);
  second_kept = mermaid_kept(second_json);
  g_assert_cmpstr(first_kept, ==, second_kept);
  first_text = read_text(first_mmd, NULL);
  second_text = read_text(second_mmd, NULL);
  g_assert_true(g_str_has_prefix(first_text, "graph ") || g_str_has_prefix(first_text, "---"));
  g_assert_cmpstr(first_text, ==, second_text);
  remove_tree(dir);
}

static guint32
first_pixel(GdkPixbuf *pixbuf)
{
  const guint8 *p = gdk_pixbuf_read_pixels(pixbuf);

  return (guint32)p[0] << 16 | (guint32)p[1] << 8 | p[2];
}

static void
test_roadmap_images(void)
{
  g_autofree char *dir = g_dir_make_tmp("kuajie-cli-XXXXXX", NULL);
  g_autofree char *json = g_build_filename(dir, "map.json", NULL);
  g_autofree char *png = g_build_filename(dir, "map.png", NULL);
  g_autofree char *dark_png = g_build_filename(dir, "dark.PNG", NULL);
  g_autofree char *svg = g_build_filename(dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename(dir, "map.pdf", NULL);
  g_autofree char *default_pdf = g_build_filename(dir, "default.pdf", NULL);
  g_autoptr(GdkPixbuf) light = NULL;
  g_autoptr(GdkPixbuf) dark = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg_text = NULL;
  g_autofree char *pdf_data = NULL;
  gsize pdf_length;
  Run runs[6] = { 0 };

  cli(&runs[0], "roadmap", "default", json);
  cli(&runs[1], "roadmap", "convert", json, png);
  cli(&runs[2], "roadmap", "convert", "--dark", "--scale", "1", json, dark_png);
  cli(&runs[3], "roadmap", "convert", json, svg);
  cli(&runs[4], "roadmap", "convert", json, pdf);
  cli(&runs[5], "roadmap", "default", default_pdf);
  for (gsize i = 0; i < G_N_ELEMENTS(runs); i++) {
    assert_ran_ok(&runs[i]);
    run_clear(&runs[i]);
  }

  light = gdk_pixbuf_new_from_file(png, &error);
  g_assert_no_error(error);
  g_assert_cmpint(gdk_pixbuf_get_width(light), >, 100);
  g_assert_cmpint(gdk_pixbuf_get_height(light), >, 100);
  dark = gdk_pixbuf_new_from_file(dark_png, &error);
  g_assert_no_error(error);
  /* --scale 1 is half the default's 2, give or take the rounding up. */
  g_assert_cmpint(abs(gdk_pixbuf_get_width(light) - 2 * gdk_pixbuf_get_width(dark)), <=, 2);
  g_assert_cmpint(abs(gdk_pixbuf_get_height(light) - 2 * gdk_pixbuf_get_height(dark)), <=, 2);
  g_assert_cmphex(first_pixel(light), ==, 0xffffff);
  g_assert_cmphex(first_pixel(dark), <, 0x404040);

  svg_text = read_text(svg, NULL);
  g_assert_nonnull(strstr(svg_text, "<svg"));
  pdf_data = read_text(pdf, &pdf_length);
  g_assert_true(pdf_length > 5 && memcmp(pdf_data, "%PDF-", 5) == 0);
  g_clear_pointer(&pdf_data, g_free);
  pdf_data = read_text(default_pdf, &pdf_length);
  g_assert_true(pdf_length > 5 && memcmp(pdf_data, "%PDF-", 5) == 0);
  remove_tree(dir);
}

/* Bad input, bad names, unwritable places: exit 1, one line, and the
 * output file as it was. */
static void
test_roadmap_convert_errors(void)
{
  g_autofree char *dir = g_dir_make_tmp("kuajie-cli-XXXXXX", NULL);
  g_autofree char *json = g_build_filename(dir, "map.json", NULL);
  g_autofree char *out_json = g_build_filename(dir, "out.json", NULL);
  g_autofree char *out_png = g_build_filename(dir, "out.png", NULL);
  g_autofree char *out_txt = g_build_filename(dir, "out.txt", NULL);
  g_autofree char *in_txt = g_build_filename(dir, "in.txt", NULL);
  g_autofree char *plain = g_build_filename(dir, "plain", NULL);
  g_autofree char *under_plain = g_build_filename(plain, "out.json", NULL);
  g_autofree char *under_plain_png = g_build_filename(plain, "out.png", NULL);
  g_autofree char *missing = g_build_filename(dir, "missing.json", NULL);
  g_autofree char *bad_json = fixture_path("malformed.json");
  g_autofree char *bad_mmd = fixture_path("malformed.mmd");
  g_auto(Run) write = { 0 };
  struct {
    const char *args[6];
    const char *expected[3];
    const char *output;
  } cases[] = {
    { { "convert", bad_json, out_json }, { "Line 6", "column ", "“finished”" }, out_json },
    { { "convert", bad_json, out_png }, { "malformed.json", "Line ", "column " }, out_png },
    { { "convert", bad_mmd, out_json }, { "malformed.mmd", "Line 2", "column " }, out_json },
    { { "convert", json, out_txt }, { "out.txt", ".png", ".pdf" }, out_txt },
    { { "convert", in_txt, out_json }, { "in.txt", ".json", ".mmd" }, out_json },
    { { "convert", missing, out_json }, { "missing.json", "", "" }, out_json },
    { { "convert", json, under_plain }, { under_plain, "Not a directory", "" }, plain },
    { { "convert", json, under_plain_png }, { under_plain_png, "Not a directory", "" }, plain },
    { { "convert", "--scale", "0", json, out_png }, { "--scale", "“0”", "" }, out_png },
    { { "convert", "--scale", "1e9", json, out_png }, { "--scale", "", "" }, out_png },
    { { "convert", json }, { "OUTPUT", "", "" }, NULL },
    { { "convert", json, out_json, out_png }, { "out.png", "", "" }, out_json },
    { { "default", out_txt }, { "out.txt", "", "" }, out_txt },
    { { "default", under_plain }, { under_plain, "", "" }, plain },
    { { "progress", bad_json }, { "Line 6", "column ", "" }, NULL },
    { { "progress", in_txt }, { "in.txt", "", "" }, NULL },
    { { "progress", "--bogus", json }, { "bogus", "", "" }, NULL },
  };

  cli(&write, "roadmap", "default", json);
  assert_ran_ok(&write);
  write_text(in_txt, "{}");
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_auto(Run) run = { 0 };

    if (cases[i].output != NULL)
      write_text(cases[i].output, "precious\n");
    cli(&run, "roadmap", cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
        cases[i].args[4], cases[i].args[5]);
    g_test_message("case %zu", i);
    for (guint e = 0; e < G_N_ELEMENTS(cases[i].expected); e++)
      assert_refused(&run, cases[i].expected[e], cases[i].output);
  }
  /* Nothing left behind: no temporary files, no half-written output. */
  {
    g_autoptr(GDir) listing = g_dir_open(dir, 0, NULL);
    const char *name;
    guint count = 0;

    while ((name = g_dir_read_name(listing)) != NULL) {
      g_test_message("left: %s", name);
      count++;
    }
    /* map.json, in.txt, plain, out.json, out.png, out.txt */
    g_assert_cmpuint(count, ==, 6);
  }
  remove_tree(dir);
}

/* Mermaid's warnings come out as compilers print theirs; the import goes on. */
static void
test_roadmap_mermaid_warnings(void)
{
  g_autofree char *dir = g_dir_make_tmp("kuajie-cli-XXXXXX", NULL);
  g_autofree char *mmd = g_build_filename(dir, "warn.mmd", NULL);
  g_autofree char *json = g_build_filename(dir, "warn.json", NULL);
  g_autofree char *expected = g_strdup_printf("%s:3:5: warning: ", mmd);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  write_text(mmd, "graph TD\n  a --> b\n  a --> a\n");
  cli(&run, "roadmap", "convert", mmd, json);
  g_test_message("err: %s", run.err);
  g_assert_cmpint(run.status, ==, 0);
  lines = g_strsplit(g_strchomp(run.err), "\n", -1);
  g_assert_cmpuint(g_strv_length(lines), ==, 1);
  g_assert_true(g_str_has_prefix(lines[0], expected));
  g_assert_nonnull(strstr(lines[0], "“a”"));
  g_assert_true(g_file_test(json, G_FILE_TEST_IS_REGULAR));
  remove_tree(dir);
}

/* Two domains with statuses and hours, written by hand. */
static const char marked_roadmap[] =
    "{\n"
    "  \"format\": \"kuajie-roadmap\",\n"
    "  \"version\": 1,\n"
    "  \"nodes\": [\n"
    "    { \"id\": \"ai\", \"title\": \"人工智能\", \"kind\": \"domain\" },\n"
    "    { \"id\": \"ai-a\", \"domain\": \"ai\", \"status\": \"done\", \"hours\": 10 },\n"
    "    { \"id\": \"ai-b\", \"domain\": \"ai\", \"status\": \"learning\", \"hours\": 5 },\n"
    "    { \"id\": \"ai-c\", \"domain\": \"ai\", \"status\": \"skipped\", \"hours\": 7 },\n"
    "    { \"id\": \"ai-d\", \"domain\": \"ai\", \"hours\": 2.5 },\n"
    "    { \"id\": \"iot\", \"title\": \"IoT\", \"kind\": \"domain\", \"status\": \"done\" },\n"
    "    { \"id\": \"iot-a\", \"domain\": \"iot\", \"status\": \"done\", \"hours\": 3 },\n"
    "    { \"id\": \"iot-b\", \"domain\": \"iot\", \"status\": \"done\", \"hours\": 1 }\n"
    "  ],\n"
    "  \"edges\": [ { \"from\": \"ai-a\", \"to\": \"ai-b\" } ]\n"
    "}\n";

static gsize
display_width(const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
    width += g_unichar_iswide(g_utf8_get_char(p)) ? 2 : 1;
  return width;
}

/* Cells split at runs of two or more spaces. */
static char *
cells(const char *line)
{
  g_autoptr(GRegex) gaps = g_regex_new(" {2,}", 0, 0, NULL);

  return g_regex_replace_literal(gaps, line, -1, 0, "|", 0, NULL);
}

static void
assert_progress(JsonObject *object, gint64 done, gint64 learning, gint64 skipped, gint64 nodes,
                double fraction, double hours_total, double hours_left)
{
  g_assert_cmpint(json_object_get_int_member(object, "done"), ==, done);
  g_assert_cmpint(json_object_get_int_member(object, "learning"), ==, learning);
  g_assert_cmpint(json_object_get_int_member(object, "skipped"), ==, skipped);
  g_assert_cmpint(json_object_get_int_member(object, "nodes"), ==, nodes);
  g_assert_cmpfloat_with_epsilon(json_object_get_double_member(object, "fraction"), fraction,
                                 1e-12);
  g_assert_cmpfloat(json_object_get_double_member(object, "hours-total"), ==, hours_total);
  g_assert_cmpfloat(json_object_get_double_member(object, "hours-left"), ==, hours_left);
}

static void
test_roadmap_progress_marked(void)
{
  g_autofree char *dir = g_dir_make_tmp("kuajie-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename(dir, "marked.json", NULL);
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new();
  const char *expected[] = {
    "Domain|Done|Progress|Learning|Hours left",
    "人工智能|1/4|25%|1|7.5",
    "IoT|3/3|100%|0|0",
    NULL,
    "Whole roadmap|4/7|57.1%|1|7.5",
  };
  JsonObject *root, *ai, *iot;
  JsonArray *domains;

  write_text(path, marked_roadmap);
  cli(&text, "roadmap", "progress", path);
  assert_ran_ok(&text);
  lines = g_strsplit(g_strchomp(text.out), "\n", -1);
  g_assert_cmpuint(g_strv_length(lines), ==, G_N_ELEMENTS(expected));
  for (gsize i = 0; i < G_N_ELEMENTS(expected); i++) {
    g_autofree char *row = cells(lines[i]);

    /* Every line as wide as the header, the Chinese title counted double. */
    g_assert_cmpuint(display_width(lines[i]), ==, display_width(lines[0]));
    if (expected[i] != NULL)
      g_assert_cmpstr(row, ==, expected[i]);
  }

  cli(&json, "roadmap", "progress", path, "--json");
  assert_ran_ok(&json);
  root = parse_object(parser, json.out);
  assert_progress(json_object_get_object_member(root, "overall"), 4, 1, 1, 8, 4.0 / 7.0, 21.5, 7.5);
  domains = json_object_get_array_member(root, "domains");
  g_assert_cmpuint(json_array_get_length(domains), ==, 2);
  ai = json_array_get_object_element(domains, 0);
  g_assert_cmpstr(json_object_get_string_member(ai, "id"), ==, "ai");
  g_assert_cmpstr(json_object_get_string_member(ai, "title"), ==, "人工智能");
  assert_progress(ai, 1, 1, 1, 5, 0.25, 17.5, 7.5);
  iot = json_array_get_object_element(domains, 1);
  g_assert_cmpstr(json_object_get_string_member(iot, "id"), ==, "iot");
  assert_progress(iot, 3, 0, 0, 3, 1.0, 4.0, 0.0);
  remove_tree(dir);
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
  g_test_add_func("/kj/cli/roadmap/usage", test_roadmap_usage);
  g_test_add_func("/kj/cli/roadmap/default-progress", test_roadmap_default_progress);
  g_test_add_func("/kj/cli/roadmap/convert-round-trip", test_roadmap_convert_round_trip);
  g_test_add_func("/kj/cli/roadmap/images", test_roadmap_images);
  g_test_add_func("/kj/cli/roadmap/convert-errors", test_roadmap_convert_errors);
  g_test_add_func("/kj/cli/roadmap/mermaid-warnings", test_roadmap_mermaid_warnings);
  g_test_add_func("/kj/cli/roadmap/progress-marked", test_roadmap_progress_marked);
  return g_test_run();
}
