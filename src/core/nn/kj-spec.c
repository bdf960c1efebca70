#include "config.h"

#include "kj-spec.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kj-error.h"
#include "kj-layers-private.h"
#include "kj-number.h"

static void
spec_layer_free(gpointer data)
{
  KjSpecLayer *layer = data;

  g_free(layer->text);
  g_free(layer->token);
  g_free(layer);
}

/* Reads decimal digits; values past 10⁹ saturate, to fail the range checks. */
static gboolean
read_uint(const char **p, guint *value)
{
  guint64 v = 0;

  if (!g_ascii_isdigit(**p))
    return FALSE;
  for (; g_ascii_isdigit(**p); (*p)++)
    v = MIN(v * 10 + (guint64)(**p - '0'), G_GUINT64_CONSTANT(1000000000));
  *value = (guint)v;
  return TRUE;
}

/* Reads an optional suffix such as "s2". */
static gboolean
read_option(const char **p, char letter, guint *value)
{
  if (**p != letter)
    return TRUE;
  (*p)++;
  return read_uint(p, value);
}

/* k2: the kernel's width, which must equal its height */
static gboolean
parse_conv(const char *p, KjSpecLayer *layer, guint *k2)
{
  if (!read_uint(&p, &layer->k) || *p++ != 'x' || !read_uint(&p, k2))
    return FALSE;
  layer->stride = 1;
  layer->pad = layer->k / 2;
  return read_option(&p, 's', &layer->stride) && read_option(&p, 'p', &layer->pad) && *p++ == ':' &&
         read_uint(&p, &layer->size) && *p == '\0';
}

static gboolean
parse_pool(const char *p, KjSpecLayer *layer)
{
  if (!read_uint(&p, &layer->k))
    return FALSE;
  layer->stride = layer->k;
  return read_option(&p, 's', &layer->stride) && *p == '\0';
}

static gboolean
parse_units(const char *p, KjSpecLayer *layer)
{
  return read_uint(&p, &layer->size) && *p == '\0';
}

static gboolean
parse_rate(const char *p, KjSpecLayer *layer)
{
  double rate;

  if (!kj_number_parse(p, &rate))
    return FALSE;
  /* Out-of-range values parse, for a range error below; NaN cannot. */
  layer->rate = (float)CLAMP(rate, -1.0, 2.0);
  return TRUE;
}

static gboolean
parse_form(KjSpecLayer *layer, const char *lower, GError **error, guint position)
{
  static const struct {
    const char *name;
    KjSpecKind kind;
  } plain[] = { { "relu", KJ_SPEC_RELU },
                { "bn", KJ_SPEC_BN },
                { "flatten", KJ_SPEC_FLATTEN },
                { "gap", KJ_SPEC_GAP } };
  const char *text = layer->text;
  guint k2 = 0;

  for (guint i = 0; i < G_N_ELEMENTS(plain); i++)
    if (g_str_equal(lower, plain[i].name)) {
      layer->kind = plain[i].kind;
      return TRUE;
    }

  if (g_str_has_prefix(lower, "conv")) {
    layer->kind = KJ_SPEC_CONV;
    if (!parse_conv(lower + 4, layer, &k2))
      g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                  /* Translators: spec tokens such as convKxK:C, conv3x3:32,
                   * poolKsS and dense:N are syntax: keep them as they are */
                  _("Layer %u “%s”: expected convKxK:C, such as conv3x3:32"), position, text);
    else if (k2 != layer->k)
      g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                  _("Layer %u “%s”: kernels must be square, such as conv3x3:32"), position, text);
    else
      return TRUE;
  } else if (g_str_has_prefix(lower, "pool")) {
    layer->kind = KJ_SPEC_POOL;
    if (parse_pool(lower + 4, layer))
      return TRUE;
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("Layer %u “%s”: expected poolK or poolKsS, such as pool2"), position, text);
  } else if (g_str_has_prefix(lower, "dense")) {
    layer->kind = KJ_SPEC_DENSE;
    if (lower[5] == ':' && parse_units(lower + 6, layer))
      return TRUE;
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("Layer %u “%s”: expected dense:N, such as dense:128"), position, text);
  } else if (g_str_has_prefix(lower, "dropout")) {
    layer->kind = KJ_SPEC_DROPOUT;
    if (lower[7] == ':' && parse_rate(lower + 8, layer))
      return TRUE;
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("Layer %u “%s”: expected dropout:R, such as dropout:0.5"), position, text);
  } else {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
                _("Layer %u “%s”: unknown layer; the kinds are conv, pool, relu, bn, flatten, "
                  "gap, dense and dropout"),
                position, text);
  }
  return FALSE;
}

static gboolean
check_ranges(const KjSpecLayer *layer, guint position, GError **error)
{
  const char *text = layer->text;
  const char *problem = NULL;

  switch (layer->kind) {
  case KJ_SPEC_CONV:
  case KJ_SPEC_POOL:
    if (layer->k < 1 || layer->k > KJ_SPEC_MAX_KERNEL)
      problem = _("the kernel size must be from 1 to 15");
    else if (layer->stride < 1 || layer->stride > KJ_SPEC_MAX_STRIDE)
      problem = _("the stride must be from 1 to 15");
    else if (layer->kind == KJ_SPEC_CONV && layer->pad > layer->k / 2)
      problem = _("the padding must be at most half the kernel size");
    else if (layer->kind == KJ_SPEC_CONV && (layer->size < 1 || layer->size > KJ_SPEC_MAX_CHANNELS))
      problem = _("the number of channels must be from 1 to 4096");
    break;
  case KJ_SPEC_DENSE:
    if (layer->size < 1 || layer->size > KJ_SPEC_MAX_CHANNELS)
      problem = _("the number of units must be from 1 to 4096");
    break;
  case KJ_SPEC_DROPOUT:
    /* compared as stored: 0.999999999 rounds to a float rate of 1 */
    if (!(layer->rate >= 0.0f && layer->rate < 1.0f))
      problem = _("the dropout rate must be at least 0 and below 1");
    break;
  default:
    break;
  }
  if (problem == NULL)
    return TRUE;
  /* Translators: the layer's position in the spec, its token, and one of
   * the problems above ("the stride must be from 1 to 15") */
  g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE, _("Layer %u “%s”: %s"), position, text,
              problem);
  return FALSE;
}

/* The shortest decimal that reads back as the same float: 0.3, not 0.300000012. */
static char *
format_rate(float rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits < 9; digits++) {
    char format[8];

    g_snprintf(format, sizeof format, "%%.%dg", digits);
    g_ascii_formatd(buffer, sizeof buffer, format, rate);
    if ((float)g_ascii_strtod(buffer, NULL) == rate)
      break;
  }
  return g_strdup(buffer);
}

static char *
canonical_token(const KjSpecLayer *layer)
{
  GString *token = g_string_new(NULL);
  g_autofree char *rate = NULL;

  switch (layer->kind) {
  case KJ_SPEC_CONV:
    g_string_printf(token, "conv%ux%u", layer->k, layer->k);
    if (layer->stride != 1)
      g_string_append_printf(token, "s%u", layer->stride);
    if (layer->pad != layer->k / 2)
      g_string_append_printf(token, "p%u", layer->pad);
    g_string_append_printf(token, ":%u", layer->size);
    break;
  case KJ_SPEC_POOL:
    g_string_printf(token, "pool%u", layer->k);
    if (layer->stride != layer->k)
      g_string_append_printf(token, "s%u", layer->stride);
    break;
  case KJ_SPEC_RELU:
    g_string_assign(token, "relu");
    break;
  case KJ_SPEC_BN:
    g_string_assign(token, "bn");
    break;
  case KJ_SPEC_FLATTEN:
    g_string_assign(token, "flatten");
    break;
  case KJ_SPEC_GAP:
    g_string_assign(token, "gap");
    break;
  case KJ_SPEC_DENSE:
    g_string_printf(token, "dense:%u", layer->size);
    break;
  case KJ_SPEC_DROPOUT:
    rate = format_rate(layer->rate);
    g_string_printf(token, "dropout:%s", rate);
    break;
  }
  return g_string_free(token, FALSE);
}

GPtrArray *
kj_spec_parse(const char *spec, GError **error)
{
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func(spec_layer_free);
  g_auto(GStrv) words = g_strsplit_set(spec != NULL ? spec : "", " \t\r\n", -1);
  guint n_words = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n_words++;
  if (n_words == 0) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("The network spec is empty"));
    return NULL;
  }
  if (n_words > KJ_SPEC_MAX_LAYERS) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("The network spec has %u layers; at most %u are allowed"), n_words,
                KJ_SPEC_MAX_LAYERS);
    return NULL;
  }

  for (guint i = 0; words[i] != NULL; i++) {
    KjSpecLayer *layer;
    g_autofree char *lower = NULL;

    if (*words[i] == '\0')
      continue;
    layer = g_new0(KjSpecLayer, 1);
    layer->text = g_strdup(words[i]);
    g_ptr_array_add(layers, layer);
    lower = g_ascii_strdown(words[i], -1);
    if (!parse_form(layer, lower, error, layers->len) || !check_ranges(layer, layers->len, error))
      return NULL;
    layer->token = canonical_token(layer);
  }
  return g_steal_pointer(&layers);
}

char *
kj_spec_join(GPtrArray *layers)
{
  GString *spec = g_string_new(NULL);

  for (guint i = 0; i < layers->len; i++) {
    const KjSpecLayer *layer = g_ptr_array_index(layers, i);

    if (i > 0)
      g_string_append_c(spec, ' ');
    g_string_append(spec, layer->token);
  }
  return g_string_free(spec, FALSE);
}

char *
kj_spec_canonicalize(const char *spec, GError **error)
{
  g_autoptr(GPtrArray) layers = kj_spec_parse(spec, error);

  return layers != NULL ? kj_spec_join(layers) : NULL;
}

gboolean
kj_spec_layer_output(const KjSpecLayer *layer, const KjShape *in, KjShape *out)
{
  switch (layer->kind) {
  case KJ_SPEC_CONV:
    *out = (KjShape){ layer->size, kj_window_output(in->h, layer->k, layer->stride, layer->pad),
                      kj_window_output(in->w, layer->k, layer->stride, layer->pad) };
    break;
  case KJ_SPEC_POOL:
    *out = (KjShape){ in->c, kj_window_output(in->h, layer->k, layer->stride, 0),
                      kj_window_output(in->w, layer->k, layer->stride, 0) };
    break;
  case KJ_SPEC_FLATTEN:
    *out = (KjShape){ (guint)MIN(kj_shape_size(in), G_MAXUINT), 1, 1 };
    break;
  case KJ_SPEC_GAP:
    *out = (KjShape){ in->c, 1, 1 };
    break;
  case KJ_SPEC_DENSE:
    *out = (KjShape){ layer->size, 1, 1 };
    break;
  default:
    *out = *in;
    break;
  }
  return out->c > 0 && out->h > 0 && out->w > 0;
}
