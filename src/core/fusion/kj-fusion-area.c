#include "config.h"

#include "kj-fusion-area.h"

#include <glib/gi18n-lib.h>

#include "kj-fusion-area-private.h"
#include "kj-fusion.h"

struct _KjFusionArea {
  GObject parent_instance;

  char *name;
  double weight;
  double alpha;
};

G_DEFINE_FINAL_TYPE(KjFusionArea, kj_fusion_area, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_WEIGHT, PROP_ALPHA, PROP_CONTRIBUTION, N_PROPS };

static GParamSpec *properties[N_PROPS];

void
kj_fusion_area_set_name_internal(KjFusionArea *self, const char *name)
{
  if (g_strcmp0(self->name, name) == 0)
    return;
  g_free(self->name);
  self->name = g_strdup(name);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_NAME]);
}

static void
set_value(KjFusionArea *self, double *field, double value, GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_freeze_notify(G_OBJECT(self));
  g_object_notify_by_pspec(G_OBJECT(self), pspec);
  g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_CONTRIBUTION]);
  g_object_thaw_notify(G_OBJECT(self));
}

static void
kj_fusion_area_finalize(GObject *object)
{
  KjFusionArea *self = KJ_FUSION_AREA(object);

  g_free(self->name);
  G_OBJECT_CLASS(kj_fusion_area_parent_class)->finalize(object);
}

static void
kj_fusion_area_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjFusionArea *self = KJ_FUSION_AREA(object);

  switch (prop_id) {
  case PROP_NAME:
    g_value_set_string(value, self->name);
    break;
  case PROP_WEIGHT:
    g_value_set_double(value, self->weight);
    break;
  case PROP_ALPHA:
    g_value_set_double(value, self->alpha);
    break;
  case PROP_CONTRIBUTION:
    g_value_set_double(value, kj_fusion_area_get_contribution(self));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

/* GParamSpec ranges already clamp property writes to [0, 1]. */
static void
kj_fusion_area_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjFusionArea *self = KJ_FUSION_AREA(object);

  switch (prop_id) {
  case PROP_NAME:
    kj_fusion_area_set_name_internal(self, g_value_get_string(value));
    break;
  case PROP_WEIGHT:
    set_value(self, &self->weight, g_value_get_double(value), pspec);
    break;
  case PROP_ALPHA:
    set_value(self, &self->alpha, g_value_get_double(value), pspec);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_fusion_area_class_init(KjFusionAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);

  object_class->finalize = kj_fusion_area_finalize;
  object_class->get_property = kj_fusion_area_get_property;
  object_class->set_property = kj_fusion_area_set_property;

  properties[PROP_NAME] = g_param_spec_string("name", NULL, NULL, NULL,
                                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHT] =
      g_param_spec_double("weight", NULL, NULL, 0.0, 1.0, 0.0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALPHA] =
      g_param_spec_double("alpha", NULL, NULL, 0.0, 1.0, 0.5,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRIBUTION] = g_param_spec_double("contribution", NULL, NULL, 0.0, 1.0, 0.0,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
kj_fusion_area_init(KjFusionArea *self)
{
  self->alpha = 0.5;
}

KjFusionArea *
kj_fusion_area_new(const char *name, double weight, double alpha)
{
  g_return_val_if_fail(name != NULL, NULL);

  return g_object_new(KJ_TYPE_FUSION_AREA, "name", name, "weight", CLAMP(weight, 0.0, 1.0), "alpha",
                      CLAMP(alpha, 0.0, 1.0), NULL);
}

const char *
kj_fusion_area_get_name(KjFusionArea *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_AREA(self), NULL);
  return self->name;
}

double
kj_fusion_area_get_weight(KjFusionArea *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_AREA(self), 0.0);
  return self->weight;
}

double
kj_fusion_area_get_alpha(KjFusionArea *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_AREA(self), 0.0);
  return self->alpha;
}

double
kj_fusion_area_get_contribution(KjFusionArea *self)
{
  KjFusionTerm term = { self->name, self->weight, self->alpha };

  g_return_val_if_fail(KJ_IS_FUSION_AREA(self), 0.0);
  return kj_fusion_contribution(&term);
}

gboolean
kj_fusion_area_set_weight(KjFusionArea *self, double weight, GError **error)
{
  g_return_val_if_fail(KJ_IS_FUSION_AREA(self), FALSE);

  if (!kj_fusion_check_unit(weight, _("weight"), self->name, error))
    return FALSE;
  set_value(self, &self->weight, weight, properties[PROP_WEIGHT]);
  return TRUE;
}

gboolean
kj_fusion_area_set_alpha(KjFusionArea *self, double alpha, GError **error)
{
  g_return_val_if_fail(KJ_IS_FUSION_AREA(self), FALSE);

  if (!kj_fusion_check_unit(alpha, _("fusion coefficient α"), self->name, error))
    return FALSE;
  set_value(self, &self->alpha, alpha, properties[PROP_ALPHA]);
  return TRUE;
}
