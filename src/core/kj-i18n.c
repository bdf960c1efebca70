#include "config.h"

#include "kj-i18n.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

/* KUAJIE_LOCALEDIR points at the build tree's compiled catalogues, so the
 * app and its tests run translated without being installed. */
void
kj_i18n_init(void)
{
  const char *localedir = g_getenv("KUAJIE_LOCALEDIR");

  setlocale(LC_ALL, "");
  bindtextdomain(GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
  textdomain(GETTEXT_PACKAGE);
}
