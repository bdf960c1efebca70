/* kj-roadmap-layout.h — where to draw a roadmap's nodes and edges
 *
 * A layered (Sugiyama) layout, pure geometry: cycles are broken by turning
 * round the back edges of a depth-first search; layers come from the longest
 * path, tightened so that sources sit next to what they lead to; edges that
 * span several layers pass through dummy points; a few barycenter sweeps
 * reduce crossings (the best order seen is kept); coordinates are the
 * least-squares placement of each layer under its neighbours with the node
 * sizes and gaps as hard separations, so no two nodes ever overlap.
 *
 * Coordinates start at (0, 0) and grow right and down, in whatever unit the
 * sizes are given in.  Time is about linear in nodes plus edge spans: a
 * roadmap of 200 nodes takes milliseconds, a random graph of 200 nodes and
 * 500 edges (90 layers) about 40 ms. */
#pragma once

#include "kj-roadmap.h"

G_BEGIN_DECLS

typedef struct {
  double x;
  double y;
} KjLayoutPoint;

typedef struct {
  double x; /* left */
  double y; /* top */
  double width;
  double height;
} KjLayoutRect;

typedef struct {
  KjRoadmapDirection direction; /* where edges point: TB is downwards */
  double node_gap;              /* between neighbours in a layer */
  double layer_gap;             /* between layers */
  guint sweeps;                 /* crossing-reduction passes */
} KjRoadmapLayoutOptions;

typedef struct {
  guint n_points;
  KjLayoutPoint *points; /* from the edge's source to its target, on their borders */
  gboolean reversed;     /* the edge runs against the layers, to break a cycle */
} KjLayoutPath;

typedef struct {
  guint n_nodes;
  KjLayoutRect *nodes; /* in the order of the input (of the nodes model) */
  guint *layers;       /* each node's layer, from 0 */
  guint n_layers;
  guint n_edges;
  KjLayoutPath *edges; /* in the order of the input (of the edges model) */
  double width;        /* of the bounding box */
  double height;
  guint crossings; /* crossings between layers left after reduction */
} KjRoadmapLayout;

/* TB, gaps of 24 and 48, 8 sweeps. */
void kj_roadmap_layout_options_init(KjRoadmapLayoutOptions *options);

/* The layout of any graph: sizes holds width, height for each node, ends
 * holds from, to for each edge (indices below n_nodes; self-loops are drawn
 * as small loops).  options NULL: the defaults. */
KjRoadmapLayout *kj_roadmap_layout_compute_graph(guint n_nodes, const double *sizes, guint n_edges,
                                                 const guint *ends,
                                                 const KjRoadmapLayoutOptions *options);

/* Sets the size a view draws node with, in its own unit. */
typedef void (*KjRoadmapNodeSizeFunc)(KjRoadmapNode *node, double *width, double *height,
                                      gpointer user_data);

/* The layout of a roadmap's nodes and edges models.  size_func NULL: every
 * node is 160 × 48.  options NULL: the defaults in the roadmap's direction. */
KjRoadmapLayout *kj_roadmap_layout_compute(KjRoadmap *roadmap, KjRoadmapNodeSizeFunc size_func,
                                           gpointer user_data,
                                           const KjRoadmapLayoutOptions *options);

/* The index of the node under (x, y), or -1. */
int kj_roadmap_layout_node_at(const KjRoadmapLayout *layout, double x, double y);

void kj_roadmap_layout_free(KjRoadmapLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjRoadmapLayout, kj_roadmap_layout_free)

G_END_DECLS
