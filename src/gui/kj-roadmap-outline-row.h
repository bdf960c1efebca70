/* kj-roadmap-outline-row.h — the rows of the outline's list view
 *
 * The factory's setup, bind and unbind handlers: a topic shows its done
 * check box (a click sets done or not started, an undo moves the box
 * without a new edit), its kind and, when learning or skipped, its status;
 * a stage or domain shows its count done. */
#pragma once

#include <gtk/gtk.h>

#include "kj-roadmap.h"

G_BEGIN_DECLS

/* The item (a KjRoadmapNode or a KjRoadmapOutlineGroup) a tree row shows;
 * borrowed: the row keeps it alive. */
gpointer kj_roadmap_outline_row_get_item(GtkTreeListRow *row);

void kj_roadmap_outline_row_setup(GtkSignalListItemFactory *factory, GtkListItem *list_item,
                                  gpointer user_data);
void kj_roadmap_outline_row_bind(GtkSignalListItemFactory *factory, GtkListItem *list_item,
                                 gpointer user_data);
void kj_roadmap_outline_row_unbind(GtkSignalListItemFactory *factory, GtkListItem *list_item,
                                   gpointer user_data);

G_END_DECLS
