/* kj-i18n.h — gettext set-up shared by the app and the command line */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void kj_i18n_init(void);

G_END_DECLS
