/* kj-number.h — parsing and printing numbers the same way in every locale */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean kj_number_parse(const char *text, double *out_value);
char *kj_number_format(double value, guint max_decimals);

G_END_DECLS
