#include "config.h"

#include "kj-chart-describe.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kj-number.h"

#define DIGITS 3

static void
append_sentence(GString *text, const char *sentence)
{
  if (text->len > 0)
    g_string_append_c(text, ' ');
  g_string_append(text, sentence);
}

/* "Programming: 0.5, AI: 0.45." — one value per category. */
static void
describe_bars(GString *text, KjChart *chart, KjChartSeries *series, const char *name)
{
  const char *const *categories = kj_chart_get_categories(chart);
  guint n_categories = kj_chart_get_n_categories(chart);
  gsize n;
  const KjChartPoint *points = kj_chart_series_get_points(series, &n);
  g_autoptr(GString) values = g_string_new(NULL);

  for (gsize i = 0; i < n; i++) {
    double x = points[i].x;
    g_autofree char *value = kj_number_format(points[i].y, DIGITS);
    g_autofree char *number = NULL;
    const char *category;

    if (x >= 0.0 && x < n_categories && x == floor(x)) {
      category = categories[(guint)x];
    } else {
      number = kj_number_format(x, DIGITS);
      category = number;
    }
    if (values->len > 0)
      /* Translators: separates the items of a list, as in "AI: 0.4, IoT: 0.2" */
      g_string_append(values, _(", "));
    /* Translators: a category of a bar chart and its value, as in "AI: 0.45" */
    g_string_append_printf(values, _("%s: %s"), category, value);
  }
  if (n == 0) {
    g_autofree char *sentence = g_strdup_printf(_("%s: no data."), name);
    append_sentence(text, sentence);
  } else {
    /* Translators: a series name, then its list of values */
    g_autofree char *sentence = g_strdup_printf(_("%s — %s."), name, values->str);
    append_sentence(text, sentence);
  }
}

/* "Loss: 1200 points, x from 0 to 1199, y from 0.12 to 2.3." */
static void
describe_line(GString *text, KjChartSeries *series, const char *name)
{
  gsize n = kj_chart_series_get_n_points(series);
  double x0, x1, y0, y1;
  g_autofree char *count = NULL;

  count = g_strdup_printf(
      g_dngettext(GETTEXT_PACKAGE, "%s: %u point", "%s: %u points", (gulong)MIN(n, G_MAXUINT)),
      name, (guint)MIN(n, G_MAXUINT));
  if (kj_chart_series_get_bounds(series, &x0, &x1, &y0, &y1)) {
    g_autofree char *sx0 = kj_number_format(x0, DIGITS), *sx1 = kj_number_format(x1, DIGITS);
    g_autofree char *sy0 = kj_number_format(y0, DIGITS), *sy1 = kj_number_format(y1, DIGITS);
    /* Translators: follows "Loss: 120 points"; the %s are numbers */
    g_autofree char *sentence =
        g_strdup_printf(_("%s, x from %s to %s, y from %s to %s."), count, sx0, sx1, sy0, sy1);
    append_sentence(text, sentence);
  } else {
    g_autofree char *sentence = g_strdup_printf(_("%s."), count);
    append_sentence(text, sentence);
  }
}

static void
describe_marker(GString *text, KjChart *chart)
{
  double x, y;
  const char *label;
  g_autofree char *sx = NULL, *sy = NULL, *sentence = NULL;

  if (!kj_chart_get_marker(chart, &x, &y, &label))
    return;
  sx = kj_number_format(x, DIGITS);
  sy = kj_number_format(y, DIGITS);
  if (label != NULL && *label != '\0')
    /* Translators: a highlighted point: its label, then its x and y */
    sentence = g_strdup_printf(_("Marked: %s at (%s, %s)."), label, sx, sy);
  else
    /* Translators: a highlighted point: its x and y */
    sentence = g_strdup_printf(_("Marked point at (%s, %s)."), sx, sy);
  append_sentence(text, sentence);
}

/* Plain text: title, axes, then each series. */
char *
kj_chart_describe(KjChart *chart)
{
  GString *text;
  const char *title, *x_label, *y_label;
  guint n_series;
  gboolean has_data = FALSE;

  g_return_val_if_fail(KJ_IS_CHART(chart), NULL);

  text = g_string_new(NULL);
  title = kj_chart_get_title(chart);
  x_label = kj_chart_get_x_label(chart);
  y_label = kj_chart_get_y_label(chart);
  n_series = kj_chart_get_n_series(chart);

  if (title != NULL && *title != '\0') {
    g_autofree char *sentence = g_strdup_printf(_("Chart: %s."), title);
    append_sentence(text, sentence);
  }
  if (x_label != NULL && *x_label != '\0') {
    g_autofree char *sentence = g_strdup_printf(_("Horizontal axis: %s."), x_label);
    append_sentence(text, sentence);
  }
  if (y_label != NULL && *y_label != '\0') {
    g_autofree char *sentence = g_strdup_printf(_("Vertical axis: %s."), y_label);
    append_sentence(text, sentence);
  }
  for (guint i = 0; i < n_series; i++) {
    KjChartSeries *series = kj_chart_get_series(chart, i);
    const char *name = kj_chart_series_get_name(series);

    if (name == NULL || *name == '\0')
      name = _("Unnamed series");
    has_data |= kj_chart_series_get_n_points(series) > 0;
    if (kj_chart_series_get_kind(series) == KJ_CHART_SERIES_BARS)
      describe_bars(text, chart, series, name);
    else
      describe_line(text, series, name);
  }
  if (!has_data)
    append_sentence(text, _("No data."));
  describe_marker(text, chart);
  return g_string_free(text, FALSE);
}
