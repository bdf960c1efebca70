#include "kj-number.h"

#include <math.h>
#include <string.h>

/* Accepts the whole string as one finite number, in C notation ("0.5"),
 * whatever LC_NUMERIC says: command lines and files must mean the same
 * thing on every desktop. */
gboolean
kj_number_parse(const char *text, double *out_value)
{
  char *end = NULL;
  double value;

  g_return_val_if_fail(out_value != NULL, FALSE);

  if (text == NULL || *text == '\0' || g_ascii_isspace(*text))
    return FALSE;

  value = g_ascii_strtod(text, &end);
  if (end == text || *end != '\0' || !isfinite(value))
    return FALSE;

  *out_value = value;
  return TRUE;
}

/* Prints at most max_decimals digits after the point and drops trailing
 * zeros, so the seed's example reads "0.75", not "0.750000". */
char *
kj_number_format(double value, guint max_decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  char *result;
  gsize len;

  if (!isfinite(value))
    return g_strdup(isnan(value) ? "NaN" : (value > 0 ? "∞" : "−∞"));

  g_snprintf(format, sizeof format, "%%.%uf", MIN(max_decimals, 12u));
  g_ascii_formatd(buffer, sizeof buffer, format, value);
  result = g_strdup(buffer);

  if (strchr(result, '.') != NULL) {
    len = strlen(result);
    while (len > 0 && result[len - 1] == '0')
      result[--len] = '\0';
    if (len > 0 && result[len - 1] == '.')
      result[--len] = '\0';
  }
  if (g_str_equal(result, "-0"))
    result[0] = '0', result[1] = '\0';
  return result;
}
