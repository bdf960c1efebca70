#include "config.h"

#include "kj-fusion-roadmap.h"

static gboolean
same_name(const char *a, const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold(a, -1);
  fb = g_utf8_casefold(b, -1);
  return g_utf8_collate(fa, fb) == 0;
}

const KjRoadmapProgress *
kj_fusion_roadmap_find_domain(GPtrArray *domains, const char *area_name)
{
  g_return_val_if_fail(domains != NULL, NULL);

  for (guint i = 0; i < domains->len; i++) {
    const KjRoadmapProgress *progress = g_ptr_array_index(domains, i);

    if (g_strcmp0(progress->domain, KJ_FUSION_PROGRAMMING_DOMAIN) == 0)
      continue;
    if (same_name(progress->title, area_name) || same_name(progress->domain, area_name))
      return progress;
  }
  return NULL;
}

/* A weight of exactly the share done: values always lie in [0, 1], so the
 * model never refuses them. */
guint
kj_fusion_model_follow_roadmap(KjFusionModel *model, KjRoadmap *roadmap, gboolean add_missing)
{
  g_autoptr(GPtrArray) domains = NULL;
  g_autoptr(GHashTable) fed = g_hash_table_new(NULL, NULL);
  GListModel *areas = G_LIST_MODEL(model);
  guint n_following = 0;

  g_return_val_if_fail(KJ_IS_FUSION_MODEL(model), 0);
  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), 0);

  domains = kj_roadmap_dup_domain_progress(roadmap);
  for (guint i = 0; i < domains->len; i++) {
    const KjRoadmapProgress *progress = g_ptr_array_index(domains, i);

    if (g_strcmp0(progress->domain, KJ_FUSION_PROGRAMMING_DOMAIN) == 0) {
      kj_fusion_model_set_programming_weight(model, progress->fraction, NULL);
      g_hash_table_add(fed, (gpointer)progress);
      n_following++;
    }
  }
  for (guint i = 0; i < g_list_model_get_n_items(areas); i++) {
    g_autoptr(KjFusionArea) area = g_list_model_get_item(areas, i);
    const KjRoadmapProgress *progress =
        kj_fusion_roadmap_find_domain(domains, kj_fusion_area_get_name(area));

    if (progress == NULL)
      continue;
    kj_fusion_area_set_weight(area, progress->fraction, NULL);
    g_hash_table_add(fed, (gpointer)progress);
    n_following++;
  }
  if (!add_missing)
    return n_following;
  for (guint i = 0; i < domains->len; i++) {
    const KjRoadmapProgress *progress = g_ptr_array_index(domains, i);

    /* A name taken by an area the domain does not feed is left alone. */
    if (g_hash_table_contains(fed, progress) ||
        kj_fusion_model_find_area(model, progress->title, NULL) != NULL)
      continue;
    if (kj_fusion_model_add_area(model, progress->title, progress->fraction, 0.5, NULL) != NULL)
      n_following++;
  }
  return n_following;
}
