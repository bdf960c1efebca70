/* kj-error.h — the GError domain every core function reports through */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KJ_ERROR (kj_error_quark())

typedef enum {
  KJ_ERROR_INVALID_VALUE, /* a number out of range or not finite */
  KJ_ERROR_INVALID_NAME,  /* an empty or duplicate name */
  KJ_ERROR_PARSE,         /* text that does not follow its grammar */
  KJ_ERROR_IO,            /* a file that cannot be read or written */
  KJ_ERROR_DIVERGED,      /* training produced a NaN or infinite loss */
} KjError;

GQuark kj_error_quark(void);

G_END_DECLS
