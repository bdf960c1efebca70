#include "config.h"

#include "kj-roadmap-progress.h"

static void
count_node(KjRoadmapProgress *progress, KjRoadmapNode *node)
{
  double hours = kj_roadmap_node_get_estimated_hours(node);

  progress->n_nodes++;
  switch (kj_roadmap_node_get_status(node)) {
  case KJ_ROADMAP_STATUS_SKIPPED:
    progress->n_skipped++;
    return;
  case KJ_ROADMAP_STATUS_DONE:
    progress->n_done++;
    progress->hours_total += hours;
    return;
  case KJ_ROADMAP_STATUS_LEARNING:
    progress->n_learning++;
    break;
  case KJ_ROADMAP_STATUS_NOT_STARTED:
    break;
  }
  progress->hours_total += hours;
  progress->hours_left += hours;
}

static void
finish(KjRoadmapProgress *progress)
{
  guint counted = progress->n_nodes - progress->n_skipped;

  progress->fraction = counted > 0 ? (double)progress->n_done / counted : 0.0;
}

static KjRoadmapProgress *
progress_new(KjRoadmap *roadmap, const char *domain)
{
  KjRoadmapProgress *progress = g_new0(KjRoadmapProgress, 1);

  if (domain != NULL) {
    KjRoadmapNode *node = kj_roadmap_lookup_node(roadmap, domain);

    progress->domain = g_strdup(domain);
    progress->title = g_strdup(node != NULL ? kj_roadmap_node_get_title(node) : domain);
  }
  return progress;
}

KjRoadmapProgress *
kj_roadmap_get_progress(KjRoadmap *roadmap, const char *domain)
{
  KjRoadmapProgress *progress;
  guint n;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), NULL);

  progress = progress_new(roadmap, domain);
  n = kj_roadmap_get_n_nodes(roadmap);
  for (guint i = 0; i < n; i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(roadmap, i);

    if (domain == NULL || g_strcmp0(kj_roadmap_node_get_effective_domain(node), domain) == 0)
      count_node(progress, node);
  }
  finish(progress);
  return progress;
}

GStrv
kj_roadmap_dup_domains(KjRoadmap *roadmap)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  guint n;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), NULL);
  n = kj_roadmap_get_n_nodes(roadmap);
  for (guint i = 0; i < n; i++) {
    const char *domain = kj_roadmap_node_get_effective_domain(kj_roadmap_get_node(roadmap, i));

    if (domain != NULL && g_hash_table_add(seen, (gpointer)domain))
      g_strv_builder_add(builder, domain);
  }
  return g_strv_builder_end(builder);
}

GPtrArray *
kj_roadmap_dup_domain_progress(KjRoadmap *roadmap)
{
  g_auto(GStrv) domains = NULL;
  g_autoptr(GHashTable) by_domain = g_hash_table_new(g_str_hash, g_str_equal);
  GPtrArray *result;
  guint n;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), NULL);

  /* One pass over the nodes, however many domains there are. */
  domains = kj_roadmap_dup_domains(roadmap);
  result = g_ptr_array_new_with_free_func((GDestroyNotify)kj_roadmap_progress_free);
  for (guint d = 0; domains[d] != NULL; d++) {
    KjRoadmapProgress *progress = progress_new(roadmap, domains[d]);

    g_ptr_array_add(result, progress);
    g_hash_table_insert(by_domain, progress->domain, progress);
  }
  n = kj_roadmap_get_n_nodes(roadmap);
  for (guint i = 0; i < n; i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(roadmap, i);
    const char *domain = kj_roadmap_node_get_effective_domain(node);

    if (domain != NULL)
      count_node(g_hash_table_lookup(by_domain, domain), node);
  }
  for (guint d = 0; d < result->len; d++)
    finish(result->pdata[d]);
  return result;
}

KjRoadmapProgress *
kj_roadmap_progress_copy(const KjRoadmapProgress *progress)
{
  KjRoadmapProgress *copy;

  g_return_val_if_fail(progress != NULL, NULL);
  copy = g_memdup2(progress, sizeof *progress);
  copy->domain = g_strdup(progress->domain);
  copy->title = g_strdup(progress->title);
  return copy;
}

void
kj_roadmap_progress_free(KjRoadmapProgress *progress)
{
  if (progress == NULL)
    return;
  g_free(progress->domain);
  g_free(progress->title);
  g_free(progress);
}
