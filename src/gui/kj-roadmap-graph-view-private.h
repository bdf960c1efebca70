/* kj-roadmap-graph-view-private.h — geometry and input for tests
 *
 * GTK 4 cannot synthesise events, so tests drive the view through the same
 * handlers its event controllers call, in widget coordinates. */
#pragma once

#include "kj-roadmap-graph-view.h"
#include "kj-roadmap-scene.h"

G_BEGIN_DECLS

/* The scene drawn now (built if need be), or NULL without a roadmap. */
const KjRoadmapScene *kj_roadmap_graph_view_get_scene(KjRoadmapGraphView *self);
void kj_roadmap_graph_view_scene_to_widget(KjRoadmapGraphView *self, double scene_x, double scene_y,
                                           double *x, double *y);
void kj_roadmap_graph_view_widget_to_scene(KjRoadmapGraphView *self, double x, double y,
                                           double *scene_x, double *scene_y);

/* A press and release of the primary button at (x, y), n_press 1 or 2. */
void kj_roadmap_graph_view_test_click(KjRoadmapGraphView *self, double x, double y, int n_press);
/* A key press; TRUE when the view handled it. */
gboolean kj_roadmap_graph_view_test_key(KjRoadmapGraphView *self, guint keyval,
                                        GdkModifierType state);
/* The pointer at (x, y), then a scroll by (dx, dy) wheel clicks. */
void kj_roadmap_graph_view_test_scroll(KjRoadmapGraphView *self, double x, double y, double dx,
                                       double dy, GdkModifierType state);
/* A drag with button (1 or 2) from (x0, y0) to (x1, y1), in steps. */
void kj_roadmap_graph_view_test_drag(KjRoadmapGraphView *self, guint button, double x0, double y0,
                                     double x1, double y1, GdkModifierType state);
/* The tooltip markup at (x, y), or NULL off the nodes. */
char *kj_roadmap_graph_view_test_tooltip(KjRoadmapGraphView *self, double x, double y);

G_END_DECLS
