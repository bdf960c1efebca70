/* kuajie-cli — the headless face of Kuajie's core */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kj-blas.h"
#include "kj-cli.h"
#include "kj-i18n.h"

typedef struct {
  const char *name;
  const char *summary; /* N_() */
  int (*run)(int argc, char **argv);
} KjCliCommand;

static const KjCliCommand commands[] = {
  { "fusion", N_("Compute the knowledge-fusion score w = w1 + Σ αᵢ·wᵢ"), kj_cli_fusion },
  { "train", N_("Train a convolutional network on a dataset"), kj_cli_train },
  { "eval", N_("Evaluate a saved model on a dataset"), kj_cli_eval },
  { "classify", N_("Classify image files with a saved model"), kj_cli_classify },
  { "roadmap", N_("Convert roadmaps, draw them as pictures, show their progress"), kj_cli_roadmap },
};

/* Parses a command's options, its --help included; on a bad option prints
 * the one-line error and returns FALSE. */
gboolean
kj_cli_parse_options(const char *command, const char *parameters, const char *summary,
                     const GOptionEntry *entries, int *argc, char ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new(parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strconcat("kuajie-cli ", command, NULL);

  g_set_prgname(prgname);
  g_option_context_set_summary(context, summary);
  g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse(context, argc, argv, &error)) {
    kj_cli_error(command, "%s", error->message);
    return FALSE;
  }
  return TRUE;
}

void
kj_cli_set_threads(int threads)
{
  kj_blas_set_threads(threads);
}

void
kj_cli_error(const char *command, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start(args, format);
  message = g_strdup_vprintf(format, args);
  va_end(args);
  /* One line, always: scripts and users read the first line only. */
  g_strdelimit(message, "\n", ' ');
  if (command != NULL)
    fprintf(stderr, "kuajie-cli %s: %s\n", command, message);
  else
    fprintf(stderr, "kuajie-cli: %s\n", message);
}

static void
print_help(FILE *out)
{
  fprintf(out, _("Usage: %s COMMAND [OPTION…]\n"), "kuajie-cli");
  fprintf(out, "\n%s\n", _("Kuajie on the command line."));
  fprintf(out, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf(out, "\n%s\n", _("Options:"));
  fprintf(out, "  %-10s %s\n", "--help", _("Show this help"));
  fprintf(out, "  %-10s %s\n", "--version", _("Show the version"));
  fprintf(out, "\n%s\n", _("Run “kuajie-cli COMMAND --help” for the options of a command."));
}

int
main(int argc, char *argv[])
{
  kj_i18n_init();
  /* Before any thread starts: it may pick OpenBLAS kernels through setenv. */
  kj_blas_init();

  if (argc < 2) {
    print_help(stderr);
    return 1;
  }
  if (g_str_equal(argv[1], "--help") || g_str_equal(argv[1], "-h") ||
      g_str_equal(argv[1], "help")) {
    print_help(stdout);
    return 0;
  }
  if (g_str_equal(argv[1], "--version")) {
    printf("kuajie-cli %s\n", PACKAGE_VERSION);
    return 0;
  }
  for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
    if (g_str_equal(argv[1], commands[i].name))
      return commands[i].run(argc - 1, argv + 1);

  kj_cli_error(NULL, _("Unknown command “%s”; try “kuajie-cli --help”"), argv[1]);
  return 1;
}
