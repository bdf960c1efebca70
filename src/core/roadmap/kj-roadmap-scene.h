/* kj-roadmap-scene.h — a roadmap measured, laid out and drawn with cairo
 *
 * A scene is a snapshot of a roadmap ready to draw: every node's label is
 * measured with Pango, the graph is laid out with kj_roadmap_layout_compute()
 * in the roadmap's direction, and group frames are placed around their nodes.
 * Drawing paints groups as rounded frames with their titles, edges as curves
 * (prerequisites with an arrow head, relates-to without; dotted and thick
 * strokes; labels on a small plate), and nodes outlined in the shape of
 * their kind and filled by their status.  The graph view, PNG, SVG and PDF
 * exports all draw through here, so they look the same.
 *
 * Scene coordinates start at (0, 0) with a margin around the drawing, in
 * the unit of the style's font (points for files, pixels for widgets).  A
 * scene does not follow the roadmap: rebuild it after "changed". */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kj-chart-style.h"
#include "kj-roadmap-layout.h"
#include "kj-roadmap.h"

G_BEGIN_DECLS

typedef struct _KjRoadmapScene KjRoadmapScene;

/* Which way keyboard navigation moves, on screen. */
typedef enum {
  KJ_ROADMAP_SCENE_UP,
  KJ_ROADMAP_SCENE_DOWN,
  KJ_ROADMAP_SCENE_LEFT,
  KJ_ROADMAP_SCENE_RIGHT,
} KjRoadmapSceneMove;

typedef struct {
  int selected;     /* a node's position in the nodes model, or -1 */
  int hovered;      /* likewise */
  gboolean focused; /* draw a focus ring round the selected node */
  /* Only what meets this rectangle (scene coordinates) is drawn; NULL: all. */
  const KjLayoutRect *clip;
  /* A line being drawn from a node to connect it; connect_from -1: none. */
  int connect_from;
  double connect_x, connect_y; /* its free end, scene coordinates */
} KjRoadmapSceneState;

void kj_roadmap_scene_state_init(KjRoadmapSceneState *state);

/* style gives the colours, light or dark, and the font (NULL: light, "Sans
 * 10").  context: the Pango context to measure with (a widget's), or NULL for
 * one of the default cairo font map, for files. */
KjRoadmapScene *kj_roadmap_scene_new(KjRoadmap *roadmap, const KjChartStyle *style,
                                     PangoContext *context);
void kj_roadmap_scene_free(KjRoadmapScene *scene);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjRoadmapScene, kj_roadmap_scene_free)

/* The size of the whole drawing, margins included. */
double kj_roadmap_scene_get_width(const KjRoadmapScene *scene);
double kj_roadmap_scene_get_height(const KjRoadmapScene *scene);
guint kj_roadmap_scene_get_n_nodes(const KjRoadmapScene *scene);
/* A node's box in scene coordinates; FALSE past the end. */
gboolean kj_roadmap_scene_get_node_rect(const KjRoadmapScene *scene, guint position,
                                        KjLayoutRect *rect);
/* The layout the scene draws, moved into scene coordinates: node boxes are
 * the rects above; edge paths end on the nodes' outlines (on the boxes'
 * borders, but for slanted sides left to right).  Borrowed. */
const KjRoadmapLayout *kj_roadmap_scene_get_layout(const KjRoadmapScene *scene);
/* The font size in scene units: what sizes, gaps and line widths scale with. */
double kj_roadmap_scene_get_em(const KjRoadmapScene *scene);
/* The position of the node under (x, y), or -1. */
int kj_roadmap_scene_node_at(const KjRoadmapScene *scene, double x, double y);
/* The node nearest to position's in that direction on screen (within a cone
 * of ±60°), or -1 when there is none. */
int kj_roadmap_scene_neighbour(const KjRoadmapScene *scene, guint position,
                               KjRoadmapSceneMove move);

/* Paints the background (unless the style's is transparent) and the graph
 * in scene coordinates: the caller sets any translation and scale. */
void kj_roadmap_scene_draw(const KjRoadmapScene *scene, cairo_t *cr,
                           const KjRoadmapSceneState *state);

G_END_DECLS
