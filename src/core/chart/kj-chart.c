#include "kj-chart.h"

#include <math.h>

typedef struct {
  gboolean fixed;
  double min;
  double max;
} Range;

struct _KjChart {
  GObject parent_instance;

  char *title;
  char *x_label;
  char *y_label;
  gboolean legend_visible;
  GPtrArray *series; /* KjChartSeries, owned */
  GStrv categories;  /* NULL when there are none */
  Range x_range;
  Range y_range;

  gboolean has_marker;
  double marker_x;
  double marker_y;
  char *marker_label;
};

G_DEFINE_FINAL_TYPE(KjChart, kj_chart, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, PROP_X_LABEL, PROP_Y_LABEL, PROP_LEGEND_VISIBLE, N_PROPS };
enum { CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
changed(KjChart *self)
{
  g_signal_emit(self, signals[CHANGED], 0);
}

static void
set_string(KjChart *self, char **field, const char *value, GParamSpec *pspec)
{
  if (g_strcmp0(*field, value) == 0)
    return;
  g_free(*field);
  *field = g_strdup(value);
  g_object_notify_by_pspec(G_OBJECT(self), pspec);
  changed(self);
}

/* Matches on data too: a series may be shown by several charts. */
static void
disconnect_series(KjChart *self, KjChartSeries *series)
{
  g_signal_handlers_disconnect_matched(series, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0,
                                       NULL, changed, self);
}

static void
kj_chart_dispose(GObject *object)
{
  KjChart *self = KJ_CHART(object);

  for (guint i = 0; i < self->series->len; i++)
    disconnect_series(self, g_ptr_array_index(self->series, i));
  g_ptr_array_set_size(self->series, 0);
  G_OBJECT_CLASS(kj_chart_parent_class)->dispose(object);
}

static void
kj_chart_finalize(GObject *object)
{
  KjChart *self = KJ_CHART(object);

  g_free(self->title);
  g_free(self->x_label);
  g_free(self->y_label);
  g_free(self->marker_label);
  g_strfreev(self->categories);
  g_ptr_array_unref(self->series);
  G_OBJECT_CLASS(kj_chart_parent_class)->finalize(object);
}

static void
kj_chart_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjChart *self = KJ_CHART(object);

  switch (prop_id) {
  case PROP_TITLE:
    g_value_set_string(value, self->title);
    break;
  case PROP_X_LABEL:
    g_value_set_string(value, self->x_label);
    break;
  case PROP_Y_LABEL:
    g_value_set_string(value, self->y_label);
    break;
  case PROP_LEGEND_VISIBLE:
    g_value_set_boolean(value, self->legend_visible);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_chart_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjChart *self = KJ_CHART(object);

  switch (prop_id) {
  case PROP_TITLE:
    kj_chart_set_title(self, g_value_get_string(value));
    break;
  case PROP_X_LABEL:
    kj_chart_set_x_label(self, g_value_get_string(value));
    break;
  case PROP_Y_LABEL:
    kj_chart_set_y_label(self, g_value_get_string(value));
    break;
  case PROP_LEGEND_VISIBLE:
    kj_chart_set_legend_visible(self, g_value_get_boolean(value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_chart_class_init(KjChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kj_chart_dispose;
  object_class->finalize = kj_chart_finalize;
  object_class->get_property = kj_chart_get_property;
  object_class->set_property = kj_chart_set_property;

  properties[PROP_TITLE] = g_param_spec_string("title", NULL, NULL, NULL, flags);
  properties[PROP_X_LABEL] = g_param_spec_string("x-label", NULL, NULL, NULL, flags);
  properties[PROP_Y_LABEL] = g_param_spec_string("y-label", NULL, NULL, NULL, flags);
  properties[PROP_LEGEND_VISIBLE] = g_param_spec_boolean("legend-visible", NULL, NULL, TRUE, flags);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new("changed", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
kj_chart_init(KjChart *self)
{
  self->legend_visible = TRUE;
  self->series = g_ptr_array_new_with_free_func(g_object_unref);
}

KjChart *
kj_chart_new(const char *title)
{
  return g_object_new(KJ_TYPE_CHART, "title", title, NULL);
}

const char *
kj_chart_get_title(KjChart *self)
{
  g_return_val_if_fail(KJ_IS_CHART(self), NULL);
  return self->title;
}

void
kj_chart_set_title(KjChart *self, const char *title)
{
  g_return_if_fail(KJ_IS_CHART(self));
  set_string(self, &self->title, title, properties[PROP_TITLE]);
}

const char *
kj_chart_get_x_label(KjChart *self)
{
  g_return_val_if_fail(KJ_IS_CHART(self), NULL);
  return self->x_label;
}

void
kj_chart_set_x_label(KjChart *self, const char *label)
{
  g_return_if_fail(KJ_IS_CHART(self));
  set_string(self, &self->x_label, label, properties[PROP_X_LABEL]);
}

const char *
kj_chart_get_y_label(KjChart *self)
{
  g_return_val_if_fail(KJ_IS_CHART(self), NULL);
  return self->y_label;
}

void
kj_chart_set_y_label(KjChart *self, const char *label)
{
  g_return_if_fail(KJ_IS_CHART(self));
  set_string(self, &self->y_label, label, properties[PROP_Y_LABEL]);
}

gboolean
kj_chart_get_legend_visible(KjChart *self)
{
  g_return_val_if_fail(KJ_IS_CHART(self), FALSE);
  return self->legend_visible;
}

/* The legend names every series that has a name; an unnamed series (NULL
 * or "") is drawn but left out of it. */
void
kj_chart_set_legend_visible(KjChart *self, gboolean visible)
{
  g_return_if_fail(KJ_IS_CHART(self));

  visible = !!visible;
  if (self->legend_visible == visible)
    return;
  self->legend_visible = visible;
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_LEGEND_VISIBLE]);
  changed(self);
}

/* ---- series ---- */

/* The chart takes its own reference; series are drawn in the order added. */
void
kj_chart_add_series(KjChart *self, KjChartSeries *series)
{
  g_return_if_fail(KJ_IS_CHART(self));
  g_return_if_fail(KJ_IS_CHART_SERIES(series));
  g_return_if_fail(!g_ptr_array_find(self->series, series, NULL));

  g_ptr_array_add(self->series, g_object_ref(series));
  g_signal_connect_swapped(series, "changed", G_CALLBACK(changed), self);
  changed(self);
}

void
kj_chart_remove_series(KjChart *self, KjChartSeries *series)
{
  guint index;

  g_return_if_fail(KJ_IS_CHART(self));
  g_return_if_fail(KJ_IS_CHART_SERIES(series));

  if (!g_ptr_array_find(self->series, series, &index))
    return;
  disconnect_series(self, series);
  g_ptr_array_remove_index(self->series, index);
  changed(self);
}

guint
kj_chart_get_n_series(KjChart *self)
{
  g_return_val_if_fail(KJ_IS_CHART(self), 0);
  return self->series->len;
}

/* Borrowed. */
KjChartSeries *
kj_chart_get_series(KjChart *self, guint index)
{
  g_return_val_if_fail(KJ_IS_CHART(self), NULL);
  g_return_val_if_fail(index < self->series->len, NULL);
  return g_ptr_array_index(self->series, index);
}

/* ---- categories ---- */

/* Labels for the x positions 0..n-1 of bar series; NULL removes them. */
void
kj_chart_set_categories(KjChart *self, const char *const *labels)
{
  g_return_if_fail(KJ_IS_CHART(self));

  if (labels != NULL && labels[0] == NULL)
    labels = NULL;
  if (labels == NULL && self->categories == NULL)
    return;
  if (labels != NULL && self->categories != NULL &&
      g_strv_equal((const char *const *)self->categories, labels))
    return;
  g_strfreev(self->categories);
  self->categories = g_strdupv((char **)labels);
  changed(self);
}

const char *const *
kj_chart_get_categories(KjChart *self)
{
  g_return_val_if_fail(KJ_IS_CHART(self), NULL);
  return (const char *const *)self->categories;
}

guint
kj_chart_get_n_categories(KjChart *self)
{
  g_return_val_if_fail(KJ_IS_CHART(self), 0);
  return self->categories != NULL ? g_strv_length(self->categories) : 0;
}

/* Whether x means a category index: there are categories or bars. */
gboolean
kj_chart_is_categorical(KjChart *self)
{
  g_return_val_if_fail(KJ_IS_CHART(self), FALSE);

  if (self->categories != NULL)
    return TRUE;
  for (guint i = 0; i < self->series->len; i++)
    if (kj_chart_series_get_kind(g_ptr_array_index(self->series, i)) == KJ_CHART_SERIES_BARS)
      return TRUE;
  return FALSE;
}

/* ---- ranges ---- */

static void
set_range(KjChart *self, Range *range, gboolean fixed, double min, double max)
{
  if (range->fixed == fixed && (!fixed || (range->min == min && range->max == max)))
    return;
  range->fixed = fixed;
  range->min = min;
  range->max = max;
  changed(self);
}

static gboolean
get_range(const Range *range, double *min, double *max)
{
  if (!range->fixed)
    return FALSE;
  if (min != NULL)
    *min = range->min;
  if (max != NULL)
    *max = range->max;
  return TRUE;
}

/* A fixed range replaces the automatic one that fits the data. */
void
kj_chart_set_x_range(KjChart *self, double min, double max)
{
  g_return_if_fail(KJ_IS_CHART(self));
  g_return_if_fail(isfinite(min) && isfinite(max) && min <= max);
  set_range(self, &self->x_range, TRUE, min, max);
}

void
kj_chart_clear_x_range(KjChart *self)
{
  g_return_if_fail(KJ_IS_CHART(self));
  set_range(self, &self->x_range, FALSE, 0.0, 0.0);
}

gboolean
kj_chart_get_x_range(KjChart *self, double *min, double *max)
{
  g_return_val_if_fail(KJ_IS_CHART(self), FALSE);
  return get_range(&self->x_range, min, max);
}

void
kj_chart_set_y_range(KjChart *self, double min, double max)
{
  g_return_if_fail(KJ_IS_CHART(self));
  g_return_if_fail(isfinite(min) && isfinite(max) && min <= max);
  set_range(self, &self->y_range, TRUE, min, max);
}

void
kj_chart_clear_y_range(KjChart *self)
{
  g_return_if_fail(KJ_IS_CHART(self));
  set_range(self, &self->y_range, FALSE, 0.0, 0.0);
}

gboolean
kj_chart_get_y_range(KjChart *self, double *min, double *max)
{
  g_return_val_if_fail(KJ_IS_CHART(self), FALSE);
  return get_range(&self->y_range, min, max);
}

/* ---- marker ---- */

/* One highlighted point, such as "you are here" on a curve. */
void
kj_chart_set_marker(KjChart *self, double x, double y, const char *label)
{
  g_return_if_fail(KJ_IS_CHART(self));

  if (self->has_marker && self->marker_x == x && self->marker_y == y &&
      g_strcmp0(self->marker_label, label) == 0)
    return;
  self->has_marker = TRUE;
  self->marker_x = x;
  self->marker_y = y;
  g_free(self->marker_label);
  self->marker_label = g_strdup(label);
  changed(self);
}

void
kj_chart_clear_marker(KjChart *self)
{
  g_return_if_fail(KJ_IS_CHART(self));

  if (!self->has_marker)
    return;
  self->has_marker = FALSE;
  g_clear_pointer(&self->marker_label, g_free);
  changed(self);
}

gboolean
kj_chart_get_marker(KjChart *self, double *x, double *y, const char **label)
{
  g_return_val_if_fail(KJ_IS_CHART(self), FALSE);

  if (!self->has_marker)
    return FALSE;
  if (x != NULL)
    *x = self->marker_x;
  if (y != NULL)
    *y = self->marker_y;
  if (label != NULL)
    *label = self->marker_label;
  return TRUE;
}
