#include "config.h"

#include "kj-fusion-model.h"

#include <glib/gi18n-lib.h>

#include "kj-error.h"
#include "kj-fusion-area-private.h"

struct _KjFusionModel {
  GObject parent_instance;

  GPtrArray *areas; /* KjFusionArea, owned */
  double programming_weight;
  double score;     /* cached, kept current by update_score() */
  double max_score; /* cached */
};

static void kj_fusion_model_list_model_init(GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE(KjFusionModel, kj_fusion_model, G_TYPE_OBJECT,
                              G_IMPLEMENT_INTERFACE(G_TYPE_LIST_MODEL,
                                                    kj_fusion_model_list_model_init))

enum { PROP_0, PROP_PROGRAMMING_WEIGHT, PROP_SCORE, PROP_MAX_SCORE, PROP_N_ITEMS, N_PROPS };

static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };

static guint signals[N_SIGNALS];

GArray *
kj_fusion_model_dup_terms(KjFusionModel *self)
{
  GArray *terms;

  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), NULL);

  terms = g_array_sized_new(FALSE, FALSE, sizeof(KjFusionTerm), self->areas->len);
  for (guint i = 0; i < self->areas->len; i++) {
    KjFusionArea *area = g_ptr_array_index(self->areas, i);
    KjFusionTerm term = { kj_fusion_area_get_name(area), kj_fusion_area_get_weight(area),
                          kj_fusion_area_get_alpha(area) };
    g_array_append_val(terms, term);
  }
  return terms;
}

/* Called after any input changed: refreshes the cached results, then emits
 * "changed" once, so a view redraws once per edit. */
static void
update_score(KjFusionModel *self)
{
  g_autoptr(GArray) terms = kj_fusion_model_dup_terms(self);
  const KjFusionTerm *data = (const KjFusionTerm *)(gpointer)terms->data;
  double score = kj_fusion_score(self->programming_weight, data, terms->len);
  double max_score = kj_fusion_max_score(data, terms->len);

  g_object_freeze_notify(G_OBJECT(self));
  if (score != self->score) {
    self->score = score;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_SCORE]);
  }
  if (max_score != self->max_score) {
    self->max_score = max_score;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_MAX_SCORE]);
  }
  g_object_thaw_notify(G_OBJECT(self));
  g_signal_emit(self, signals[CHANGED], 0);
}

static void
on_area_notify(KjFusionArea *area, GParamSpec *pspec, KjFusionModel *self)
{
  update_score(self);
}

static void
release_area(gpointer data)
{
  KjFusionArea *area = data;

  g_signal_handlers_disconnect_matched(area, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_area_notify, NULL);
  g_object_unref(area);
}

/* ---- GListModel ---- */

static GType
list_get_item_type(GListModel *model)
{
  return KJ_TYPE_FUSION_AREA;
}

static guint
list_get_n_items(GListModel *model)
{
  return KJ_FUSION_MODEL(model)->areas->len;
}

static gpointer
list_get_item(GListModel *model, guint position)
{
  KjFusionModel *self = KJ_FUSION_MODEL(model);

  if (position >= self->areas->len)
    return NULL;
  return g_object_ref(g_ptr_array_index(self->areas, position));
}

static void
kj_fusion_model_list_model_init(GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
items_changed(KjFusionModel *self, guint position, guint removed, guint added)
{
  g_list_model_items_changed(G_LIST_MODEL(self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_N_ITEMS]);
  update_score(self);
}

/* ---- GObject ---- */

static void
kj_fusion_model_dispose(GObject *object)
{
  KjFusionModel *self = KJ_FUSION_MODEL(object);

  g_ptr_array_set_size(self->areas, 0);
  G_OBJECT_CLASS(kj_fusion_model_parent_class)->dispose(object);
}

static void
kj_fusion_model_finalize(GObject *object)
{
  KjFusionModel *self = KJ_FUSION_MODEL(object);

  g_ptr_array_unref(self->areas);
  G_OBJECT_CLASS(kj_fusion_model_parent_class)->finalize(object);
}

static void
kj_fusion_model_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KjFusionModel *self = KJ_FUSION_MODEL(object);

  switch (prop_id) {
  case PROP_PROGRAMMING_WEIGHT:
    g_value_set_double(value, self->programming_weight);
    break;
  case PROP_SCORE:
    g_value_set_double(value, self->score);
    break;
  case PROP_MAX_SCORE:
    g_value_set_double(value, self->max_score);
    break;
  case PROP_N_ITEMS:
    g_value_set_uint(value, self->areas->len);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_fusion_model_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KjFusionModel *self = KJ_FUSION_MODEL(object);

  switch (prop_id) {
  case PROP_PROGRAMMING_WEIGHT:
    kj_fusion_model_set_programming_weight(self, g_value_get_double(value), NULL);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
  }
}

static void
kj_fusion_model_class_init(KjFusionModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);

  object_class->dispose = kj_fusion_model_dispose;
  object_class->finalize = kj_fusion_model_finalize;
  object_class->get_property = kj_fusion_model_get_property;
  object_class->set_property = kj_fusion_model_set_property;

  properties[PROP_PROGRAMMING_WEIGHT] =
      g_param_spec_double("programming-weight", NULL, NULL, 0.0, 1.0, 0.5,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] = g_param_spec_double("score", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_SCORE] = g_param_spec_double("max-score", NULL, NULL, 1.0, G_MAXDOUBLE, 1.0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties(object_class, N_PROPS, properties);

  /* Any input changed: w1, an area's name, weight or α, or the list. */
  signals[CHANGED] = g_signal_new("changed", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
kj_fusion_model_init(KjFusionModel *self)
{
  self->areas = g_ptr_array_new_with_free_func(release_area);
  self->programming_weight = 0.5;
  self->score = 0.5;
  self->max_score = 1.0;
}

KjFusionModel *
kj_fusion_model_new(void)
{
  return g_object_new(KJ_TYPE_FUSION_MODEL, NULL);
}

/* The four areas the seed names, set to the seed's own example (section 4.3):
 * w1 = 0.5 and AI w2 = 0.5 with α = 0.5, so the score is 0.75. */
KjFusionModel *
kj_fusion_model_new_default(void)
{
  KjFusionModel *self = kj_fusion_model_new();

  kj_fusion_model_set_programming_weight(self, 0.5, NULL);
  kj_fusion_model_add_area(self, _("Artificial intelligence"), 0.5, 0.5, NULL);
  kj_fusion_model_add_area(self, _("Data science"), 0.0, 0.5, NULL);
  kj_fusion_model_add_area(self, _("Blockchain"), 0.0, 0.5, NULL);
  kj_fusion_model_add_area(self, _("Internet of Things"), 0.0, 0.5, NULL);
  return self;
}

double
kj_fusion_model_get_programming_weight(KjFusionModel *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), 0.0);
  return self->programming_weight;
}

gboolean
kj_fusion_model_set_programming_weight(KjFusionModel *self, double weight, GError **error)
{
  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), FALSE);

  if (!kj_fusion_check_unit(weight, _("programming weight w1"), NULL, error))
    return FALSE;
  if (weight != self->programming_weight) {
    self->programming_weight = weight;
    g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_PROGRAMMING_WEIGHT]);
    update_score(self);
  }
  return TRUE;
}

double
kj_fusion_model_get_score(KjFusionModel *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), 0.0);
  return self->score;
}

double
kj_fusion_model_get_max_score(KjFusionModel *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), 1.0);
  return self->max_score;
}

KjFusionArea *
kj_fusion_model_find_area(KjFusionModel *self, const char *name, guint *position)
{
  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), NULL);

  for (guint i = 0; i < self->areas->len; i++) {
    KjFusionArea *area = g_ptr_array_index(self->areas, i);

    if (g_strcmp0(kj_fusion_area_get_name(area), name) == 0) {
      if (position != NULL)
        *position = i;
      return area;
    }
  }
  return NULL;
}

/* Returns the trimmed name, or NULL with an error when it is empty or taken
 * by an area other than `except`. */
static char *
check_name(KjFusionModel *self, const char *name, KjFusionArea *except, GError **error)
{
  g_autofree char *trimmed = g_strstrip(g_strdup(name != NULL ? name : ""));
  KjFusionArea *other;

  if (*trimmed == '\0') {
    g_set_error_literal(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("An area needs a name"));
    return NULL;
  }
  other = kj_fusion_model_find_area(self, trimmed, NULL);
  if (other != NULL && other != except) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_NAME, _("There is already an area named “%s”"),
                trimmed);
    return NULL;
  }
  return g_steal_pointer(&trimmed);
}

/* Returns the new last area (owned by the model), or NULL with an error. */
KjFusionArea *
kj_fusion_model_add_area(KjFusionModel *self, const char *name, double weight, double alpha,
                         GError **error)
{
  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), NULL);

  return kj_fusion_model_insert_area(self, self->areas->len, name, weight, alpha, error);
}

/* Inserts before `position` (clamped to the end); returns the new area,
 * owned by the model, or NULL with an error. */
KjFusionArea *
kj_fusion_model_insert_area(KjFusionModel *self, guint position, const char *name, double weight,
                            double alpha, GError **error)
{
  g_autofree char *trimmed = NULL;
  KjFusionArea *area;

  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), NULL);

  trimmed = check_name(self, name, NULL, error);
  if (trimmed == NULL || !kj_fusion_check_unit(weight, _("weight"), trimmed, error) ||
      !kj_fusion_check_unit(alpha, _("fusion coefficient α"), trimmed, error))
    return NULL;

  area = kj_fusion_area_new(trimmed, weight, alpha);
  g_signal_connect(area, "notify::weight", G_CALLBACK(on_area_notify), self);
  g_signal_connect(area, "notify::alpha", G_CALLBACK(on_area_notify), self);
  position = MIN(position, self->areas->len);
  g_ptr_array_insert(self->areas, (int)position, area);
  items_changed(self, position, 0, 1);
  return area;
}

void
kj_fusion_model_remove_area(KjFusionModel *self, guint position)
{
  g_return_if_fail(KJ_IS_FUSION_MODEL(self));
  g_return_if_fail(position < self->areas->len);

  g_ptr_array_remove_index(self->areas, position);
  items_changed(self, position, 1, 0);
}

void
kj_fusion_model_remove_all(KjFusionModel *self)
{
  guint removed;

  g_return_if_fail(KJ_IS_FUSION_MODEL(self));

  removed = self->areas->len;
  if (removed == 0)
    return;
  g_ptr_array_set_size(self->areas, 0);
  items_changed(self, 0, removed, 0);
}

gboolean
kj_fusion_model_rename_area(KjFusionModel *self, KjFusionArea *area, const char *name,
                            GError **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), FALSE);
  g_return_val_if_fail(KJ_IS_FUSION_AREA(area), FALSE);

  trimmed = check_name(self, name, area, error);
  if (trimmed == NULL)
    return FALSE;
  kj_fusion_area_set_name_internal(area, trimmed);
  g_signal_emit(self, signals[CHANGED], 0);
  return TRUE;
}

/* "Area 5", "Area 6", … : the first such name not yet taken. */
char *
kj_fusion_model_suggest_name(KjFusionModel *self)
{
  g_return_val_if_fail(KJ_IS_FUSION_MODEL(self), NULL);

  for (guint n = self->areas->len + 1;; n++) {
    char *name = g_strdup_printf(_("Area %u"), n);

    if (kj_fusion_model_find_area(self, name, NULL) == NULL)
      return name;
    g_free(name);
  }
}
