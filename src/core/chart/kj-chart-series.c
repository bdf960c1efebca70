#include "kj-chart-series.h"

#include <math.h>

struct _KjChartSeries {
  GObject parent_instance;

  char *name;
  KjChartSeriesKind kind;
  guint color;
  gboolean faint;
  GArray *points; /* KjChartPoint */

  /* Bounds of the finite points, kept current on every edit so that a chart
   * of a long training run does not rescan it for every frame. */
  gboolean has_bounds;
  double x_min, x_max, y_min, y_max;
};

G_DEFINE_FINAL_TYPE(KjChartSeries, kj_chart_series, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE(KjChartSeriesKind, kj_chart_series_kind,
                   G_DEFINE_ENUM_VALUE(KJ_CHART_SERIES_LINE, "line"),
                   G_DEFINE_ENUM_VALUE(KJ_CHART_SERIES_BARS, "bars"))

enum { PROP_0, PROP_NAME, PROP_KIND, PROP_COLOR, PROP_FAINT, N_PROPS };
enum { CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
include_point(KjChartSeries *self, double x, double y)
{
  if (!isfinite(x) || !isfinite(y))
    return;
  if (!self->has_bounds) {
    self->x_min = self->x_max = x;
    self->y_min = self->y_max = y;
    self->has_bounds = TRUE;
    return;
  }
  self->x_min = MIN(self->x_min, x);
  self->x_max = MAX(self->x_max, x);
  self->y_min = MIN(self->y_min, y);
  self->y_max = MAX(self->y_max, y);
}

static void
changed(KjChartSeries *self)
{
  g_signal_emit(self, signals[CHANGED], 0);
}

static void
kj_chart_series_finalize(GObject *object)
{
  KjChartSeries *self = KJ_CHART_SERIES(object);

  g_free(self->name);
  g_array_unref(self->points);
  G_OBJECT_CLASS(kj_chart_series_parent_class)->finalize(object);
}

static void
kj_chart_series_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjChartSeries *self = KJ_CHART_SERIES(object);

  switch (prop_id) {
  case PROP_NAME:
    g_value_set_string(value, self->name);
    break;
  case PROP_KIND:
    g_value_set_enum(value, self->kind);
    break;
  case PROP_COLOR:
    g_value_set_uint(value, self->color);
    break;
  case PROP_FAINT:
    g_value_set_boolean(value, self->faint);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_chart_series_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjChartSeries *self = KJ_CHART_SERIES(object);

  switch (prop_id) {
  case PROP_NAME:
    kj_chart_series_set_name(self, g_value_get_string(value));
    break;
  case PROP_KIND:
    kj_chart_series_set_kind(self, g_value_get_enum(value));
    break;
  case PROP_COLOR:
    kj_chart_series_set_color(self, g_value_get_uint(value));
    break;
  case PROP_FAINT:
    kj_chart_series_set_faint(self, g_value_get_boolean(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_chart_series_class_init(KjChartSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kj_chart_series_finalize;
  object_class->get_property = kj_chart_series_get_property;
  object_class->set_property = kj_chart_series_set_property;

  properties[PROP_NAME] = g_param_spec_string("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
      g_param_spec_enum("kind", NULL, NULL, KJ_TYPE_CHART_SERIES_KIND, KJ_CHART_SERIES_LINE, flags);
  properties[PROP_COLOR] = g_param_spec_uint("color", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FAINT] = g_param_spec_boolean("faint", NULL, NULL, FALSE, flags);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  /* Emitted after any change that affects drawing: points or properties. */
  signals[CHANGED] = g_signal_new("changed", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
kj_chart_series_init(KjChartSeries *self)
{
  self->points = g_array_new(FALSE, FALSE, sizeof(KjChartPoint));
}

KjChartSeries *
kj_chart_series_new(const char *name, KjChartSeriesKind kind, guint color)
{
  return g_object_new(KJ_TYPE_CHART_SERIES, "name", name, "kind", kind, "color", color, NULL);
}

const char *
kj_chart_series_get_name(KjChartSeries *self)
{
  g_return_val_if_fail(KJ_IS_CHART_SERIES(self), NULL);
  return self->name;
}

void
kj_chart_series_set_name(KjChartSeries *self, const char *name)
{
  g_return_if_fail(KJ_IS_CHART_SERIES(self));

  if (g_strcmp0(self->name, name) == 0)
    return;
  g_free(self->name);
  self->name = g_strdup(name);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_NAME]);
  changed(self);
}

KjChartSeriesKind
kj_chart_series_get_kind(KjChartSeries *self)
{
  g_return_val_if_fail(KJ_IS_CHART_SERIES(self), KJ_CHART_SERIES_LINE);
  return self->kind;
}

void
kj_chart_series_set_kind(KjChartSeries *self, KjChartSeriesKind kind)
{
  g_return_if_fail(KJ_IS_CHART_SERIES(self));
  g_return_if_fail(kind == KJ_CHART_SERIES_LINE || kind == KJ_CHART_SERIES_BARS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_KIND]);
  changed(self);
}

guint
kj_chart_series_get_color(KjChartSeries *self)
{
  g_return_val_if_fail(KJ_IS_CHART_SERIES(self), 0);
  return self->color;
}

void
kj_chart_series_set_color(KjChartSeries *self, guint color)
{
  g_return_if_fail(KJ_IS_CHART_SERIES(self));

  if (self->color == color)
    return;
  self->color = color;
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_COLOR]);
  changed(self);
}

gboolean
kj_chart_series_get_faint(KjChartSeries *self)
{
  g_return_val_if_fail(KJ_IS_CHART_SERIES(self), FALSE);
  return self->faint;
}

void
kj_chart_series_set_faint(KjChartSeries *self, gboolean faint)
{
  g_return_if_fail(KJ_IS_CHART_SERIES(self));

  faint = !!faint;
  if (self->faint == faint)
    return;
  self->faint = faint;
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_FAINT]);
  changed(self);
}

void
kj_chart_series_append(KjChartSeries *self, double x, double y)
{
  KjChartPoint point = { x, y };

  g_return_if_fail(KJ_IS_CHART_SERIES(self));

  g_array_append_val(self->points, point);
  include_point(self, x, y);
  changed(self);
}

void
kj_chart_series_set_points(KjChartSeries *self, const KjChartPoint *points, gsize n)
{
  g_return_if_fail(KJ_IS_CHART_SERIES(self));
  g_return_if_fail(points != NULL || n == 0);
  g_return_if_fail(n <= G_MAXUINT);

  g_array_set_size(self->points, 0);
  if (n > 0)
    g_array_append_vals(self->points, points, (guint)n);
  self->has_bounds = FALSE;
  for (gsize i = 0; i < n; i++)
    include_point(self, points[i].x, points[i].y);
  changed(self);
}

void
kj_chart_series_clear(KjChartSeries *self)
{
  g_return_if_fail(KJ_IS_CHART_SERIES(self));

  if (self->points->len == 0)
    return;
  g_array_set_size(self->points, 0);
  self->has_bounds = FALSE;
  changed(self);
}

/* Borrowed: valid until the series next changes. */
const KjChartPoint *
kj_chart_series_get_points(KjChartSeries *self, gsize *n)
{
  g_return_val_if_fail(KJ_IS_CHART_SERIES(self), NULL);

  if (n != NULL)
    *n = self->points->len;
  return (const KjChartPoint *)(gpointer)self->points->data;
}

gsize
kj_chart_series_get_n_points(KjChartSeries *self)
{
  g_return_val_if_fail(KJ_IS_CHART_SERIES(self), 0);
  return self->points->len;
}

/* The bounds of the finite points; FALSE when there are none. */
gboolean
kj_chart_series_get_bounds(KjChartSeries *self, double *x_min, double *x_max, double *y_min,
                           double *y_max)
{
  g_return_val_if_fail(KJ_IS_CHART_SERIES(self), FALSE);

  if (!self->has_bounds)
    return FALSE;
  if (x_min != NULL)
    *x_min = self->x_min;
  if (x_max != NULL)
    *x_max = self->x_max;
  if (y_min != NULL)
    *y_min = self->y_min;
  if (y_max != NULL)
    *y_max = self->y_max;
  return TRUE;
}
