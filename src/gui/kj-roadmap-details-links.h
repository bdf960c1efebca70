/* kj-roadmap-details-links.h — the links of a roadmap node, as a list
 *
 * One row per link, to open or remove it, and an entry to add one.  Only
 * absolute URIs are accepted ("www.…" gains https://); a refused one is
 * marked and explained in a toast.  Each change is one undo step. */
#pragma once

#include <adwaita.h>

#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_DETAILS_LINKS (kj_roadmap_details_links_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapDetailsLinks, kj_roadmap_details_links, KJ, ROADMAP_DETAILS_LINKS,
                     AdwPreferencesGroup)

GtkWidget *kj_roadmap_details_links_new(void);
/* The node whose links are shown, or NULL. */
void kj_roadmap_details_links_set_node(KjRoadmapDetailsLinks *self, KjRoadmapNode *node);

/* The link to store for what the user typed (surrounding space dropped,
 * "www.…" completed with https://), or NULL with an error when it is not an
 * absolute URI.  Newly allocated. */
char *kj_roadmap_details_links_parse(const char *text, GError **error);

G_END_DECLS
