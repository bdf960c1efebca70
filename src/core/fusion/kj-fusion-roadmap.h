/* kj-fusion-roadmap.h — the fusion score fed by a roadmap's progress
 *
 * Each domain of the roadmap feeds the area that bears its name (its title
 * or its id, compared without case) with its share done as the weight wᵢ;
 * the domain "programming" feeds w1.  Areas that match no domain keep the
 * weight the user gave them, and α always stays the user's. */
#pragma once

#include "kj-fusion-model.h"
#include "kj-roadmap-progress.h"

G_BEGIN_DECLS

/* The id of the domain whose progress is w1. */
#define KJ_FUSION_PROGRAMMING_DOMAIN "programming"

/* The progress (in domains, an array from kj_roadmap_dup_domain_progress())
 * of the domain that feeds the area named area_name, or NULL.  Borrowed. */
const KjRoadmapProgress *kj_fusion_roadmap_find_domain(GPtrArray *domains, const char *area_name);

/* Sets w1 and the matching areas' weights from the roadmap's progress.  With
 * add_missing, a domain that feeds no area gets a new one (α 0.5) at the end.
 * Returns how many areas, w1 included, follow the roadmap. */
guint kj_fusion_model_follow_roadmap(KjFusionModel *model, KjRoadmap *roadmap,
                                     gboolean add_missing);

G_END_DECLS
