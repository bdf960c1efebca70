/* kj-cli.h — the subcommands of kuajie-cli */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each returns the process exit status: 0, or 1 after printing one line. */
int kj_cli_fusion(int argc, char **argv);
int kj_cli_train(int argc, char **argv);
int kj_cli_eval(int argc, char **argv);
int kj_cli_classify(int argc, char **argv);
int kj_cli_roadmap(int argc, char **argv);

void kj_cli_set_threads(int threads);
gboolean kj_cli_parse_options(const char *command, const char *parameters, const char *summary,
                              const GOptionEntry *entries, int *argc, char ***argv);

void kj_cli_error(const char *command, const char *format, ...) G_GNUC_PRINTF(2, 3);

G_END_DECLS
