/* kuajie-cli and `kuajie --version`, run as a user would run them. */
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

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/cli/version-and-help", test_version_and_help);
  g_test_add_func("/kj/cli/fusion/text", test_fusion_text);
  g_test_add_func("/kj/cli/fusion/json", test_fusion_json);
  g_test_add_func("/kj/cli/fusion/seed-json", test_fusion_seed_json);
  g_test_add_func("/kj/cli/fusion/bad-input", test_fusion_bad_input);
  return g_test_run();
}
