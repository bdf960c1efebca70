/* kj-roadmap-scene-private.h — what a scene holds, shared by its building
 * (kj-roadmap-scene.c) and its drawing (kj-roadmap-scene-draw.c) */
#pragma once

#include "kj-roadmap-scene.h"

G_BEGIN_DECLS

typedef struct {
  PangoLayout *title;
  PangoLayout *caption; /* the hours, or NULL */
  double content_width; /* title, caption and progress bar stacked */
  double content_height;
  double title_height;
  double caption_height;
  KjRoadmapShape shape;
  KjRoadmapStatus status;
  double progress; /* a domain's share done, or -1 for other nodes */
} KjSceneNode;

typedef struct {
  guint from, to; /* node positions */
  KjRoadmapEdgeKind kind;
  KjRoadmapStroke stroke;
  gboolean loop;
  PangoLayout *label; /* NULL without one */
  double label_width, label_height;
  KjLayoutPoint label_centre;
  KjLayoutRect bounds; /* the curve, its head and its label */
} KjSceneEdge;

typedef struct {
  PangoLayout *title;
  KjLayoutRect frame;
  guint depth; /* 0 at the top level */
  gboolean empty;
} KjSceneGroup;

struct _KjRoadmapScene {
  KjChartStyle style;
  char *font;
  PangoContext *context;
  double em; /* the font size, in scene units */
  KjRoadmapDirection direction;

  KjRoadmapLayout *layout; /* moved into scene coordinates */
  KjSceneNode *nodes;
  KjSceneEdge *edges;
  guint n_groups;
  KjSceneGroup *groups; /* outermost first */
  double width, height;
};

/* The geometry both halves need. */
double kj_roadmap_scene_shape_slant(KjRoadmapShape shape, double height);
double kj_roadmap_scene_cylinder_cap(const KjRoadmapScene *scene, double width);
/* The cubic pieces of an edge's curve: segments × (p0, c1, c2, p3). */
guint kj_roadmap_scene_edge_curve(const KjRoadmapScene *scene, guint edge, KjLayoutPoint **pieces);
gboolean kj_roadmap_rect_meets(const KjLayoutRect *a, const KjLayoutRect *b);

G_END_DECLS
