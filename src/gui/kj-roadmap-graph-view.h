/* kj-roadmap-graph-view.h — a roadmap drawn as a graph, to look round and pick from
 *
 * Draws kj-roadmap-scene.h in the widget's colours and font, following light
 * and dark, and rebuilds the drawing after every edit of the roadmap.  The
 * graph fits the window at first and whenever the roadmap's nodes are
 * replaced all at once (a file opened), but never below 75 %: a larger one
 * shows where it starts (its top, for a top-down graph).
 * kj_roadmap_graph_view_zoom_fit() fits all of it.
 *
 * Pointer: a click selects a node (on empty space: nothing); a double click
 * activates it; dragging, with the primary or the middle button, pans;
 * scrolling pans; Ctrl+scroll and pinching zoom about the pointer; dragging
 * from one node to another with Shift held asks to connect them.
 * Keyboard, when focused: the arrow keys move the selection to the nearest
 * node that way (the first node when none is selected), Enter or Space
 * activates it, Escape unselects; + and − zoom.  A tooltip tells a node's
 * title, kind, stage, status, hours and the start of its description.
 *
 * Signals:
 *   node-activated (KjRoadmapNode *node): double click, Enter or Space.
 *   connect-requested (KjRoadmapNode *from, KjRoadmapNode *to): a Shift-drag
 *     from one node to another; the view connects nothing itself. */
#pragma once

#include <gtk/gtk.h>

#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_GRAPH_VIEW (kj_roadmap_graph_view_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapGraphView, kj_roadmap_graph_view, KJ, ROADMAP_GRAPH_VIEW, GtkWidget)

GtkWidget *kj_roadmap_graph_view_new(void);

/* Property "roadmap"; NULL shows nothing. */
void kj_roadmap_graph_view_set_roadmap(KjRoadmapGraphView *self, KjRoadmap *roadmap);
KjRoadmap *kj_roadmap_graph_view_get_roadmap(KjRoadmapGraphView *self);

/* Property "selected", a node of the roadmap or NULL; selecting a node
 * scrolls it into view.  Removing the node from the roadmap unselects it. */
KjRoadmapNode *kj_roadmap_graph_view_get_selected(KjRoadmapGraphView *self);
void kj_roadmap_graph_view_set_selected(KjRoadmapGraphView *self, KjRoadmapNode *node);

/* Property "zoom": scene units to pixels, 0.1 to 4; set about the centre. */
double kj_roadmap_graph_view_get_zoom(KjRoadmapGraphView *self);
void kj_roadmap_graph_view_set_zoom(KjRoadmapGraphView *self, double zoom);
void kj_roadmap_graph_view_zoom_in(KjRoadmapGraphView *self);
void kj_roadmap_graph_view_zoom_out(KjRoadmapGraphView *self);
/* The whole graph in view, centred, at most at 100 %. */
void kj_roadmap_graph_view_zoom_fit(KjRoadmapGraphView *self);

G_END_DECLS
