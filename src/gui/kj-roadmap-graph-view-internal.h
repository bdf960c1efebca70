/* kj-roadmap-graph-view-internal.h — what the graph view's two files share */
#pragma once

#include <adwaita.h>

#include "kj-roadmap-graph-view-private.h"

G_BEGIN_DECLS

#define MIN_ZOOM          0.1
#define MAX_ZOOM          4.0
#define ZOOM_STEP         1.25
#define WHEEL_PAN         48.0 /* pixels per wheel click */
#define WHEEL_ZOOM        1.1  /* per wheel click with Ctrl */
#define VISIBLE_MARGIN    24.0 /* round a node scrolled into view */
#define READABLE_ZOOM     0.75 /* the least a first look zooms to: titles stay legible */
#define DESCRIPTION_CHARS 200

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_CONNECT,
} DragMode;

struct _KjRoadmapGraphView {
  GtkWidget parent_instance;

  /* owned */
  KjRoadmap *roadmap;
  KjRoadmapScene *scene; /* NULL: to be built from the roadmap */
  char *scene_style;     /* the colours and font it was built with */
  KjRoadmapNode *selected;

  /* the view: widget = origin + scene × zoom */
  double zoom;
  double origin_x, origin_y;
  gboolean fit_pending; /* fit the graph once the widget has a size */

  /* the pointer */
  gboolean inside;
  double pointer_x, pointer_y;
  int hovered; /* a node's position, or -1 */

  /* a drag in progress */
  DragMode drag;
  double drag_origin_x, drag_origin_y;
  int connect_from;
  double connect_x, connect_y; /* scene coordinates */
  double pinch_zoom;           /* the zoom when the pinch began */
};

/* kj-roadmap-graph-view.c */
KjRoadmapScene *kj_graph_view_ensure_scene(KjRoadmapGraphView *self);
int kj_graph_view_selected_position(KjRoadmapGraphView *self);
KjRoadmapNode *kj_graph_view_node_at_position(KjRoadmapGraphView *self, int position);
int kj_graph_view_node_at(KjRoadmapGraphView *self, double x, double y);
void kj_graph_view_update_hover(KjRoadmapGraphView *self);
void kj_graph_view_view_changed(KjRoadmapGraphView *self);
void kj_graph_view_zoom_at(KjRoadmapGraphView *self, double zoom, double x, double y);
void kj_graph_view_select_position(KjRoadmapGraphView *self, int position);
void kj_graph_view_activate_position(KjRoadmapGraphView *self, int position);
void kj_graph_view_emit_connect_requested(KjRoadmapGraphView *self, KjRoadmapNode *from,
                                          KjRoadmapNode *to);

/* kj-roadmap-graph-view-input.c */
void kj_graph_view_add_controllers(KjRoadmapGraphView *self);
char *kj_graph_view_tooltip_markup(KjRoadmapGraphView *self, int position);

G_END_DECLS
