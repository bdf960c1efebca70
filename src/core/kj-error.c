#include "kj-error.h"

GQuark
kj_error_quark(void)
{
  return g_quark_from_static_string("kj-error-quark");
}
