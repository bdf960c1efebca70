/* kuajie — the desktop app */
#include "config.h"

#include "kj-application.h"
#include "kj-blas.h"
#include "kj-i18n.h"

int
main(int argc, char *argv[])
{
  g_autoptr(KjApplication) app = NULL;

  kj_i18n_init();
  /* Before any thread starts: it may pick OpenBLAS kernels through setenv. */
  kj_blas_init();
  app = kj_application_new();
  return g_application_run(G_APPLICATION(app), argc, argv);
}
