#include "config.h"

#include "kj-roadmap-scene-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kj-number.h"
#include "kj-roadmap-progress.h"

#define RESOLUTION  96.0
#define WRAP_WIDTH  200.0 /* titles wrap at this many units… */
#define MAX_LINES   3     /* …onto at most this many lines */
#define LABEL_WIDTH 150.0

void
kj_roadmap_scene_state_init(KjRoadmapSceneState *state)
{
  g_return_if_fail(state != NULL);

  *state = (KjRoadmapSceneState){ .selected = -1, .hovered = -1, .connect_from = -1 };
}

/* ---- geometry shared with the drawing ---- */

/* How far the slanted sides of a shape lean in (hexagon, parallelogram,
 * trapezoid) or the flag's notch reaches. */
double
kj_roadmap_scene_shape_slant(KjRoadmapShape shape, double height)
{
  switch (shape) {
  case KJ_ROADMAP_SHAPE_HEXAGON:
  case KJ_ROADMAP_SHAPE_PARALLELOGRAM:
  case KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT:
  case KJ_ROADMAP_SHAPE_TRAPEZOID:
  case KJ_ROADMAP_SHAPE_TRAPEZOID_ALT:
    return height * 0.25;
  case KJ_ROADMAP_SHAPE_ASYMMETRIC:
    return height * 0.3;
  default:
    return 0.0;
  }
}

/* The vertical half-axis of a cylinder's end ellipses. */
double
kj_roadmap_scene_cylinder_cap(const KjRoadmapScene *scene, double width)
{
  return MIN(scene->em * 0.45, width * 0.12);
}

gboolean
kj_roadmap_rect_meets(const KjLayoutRect *a, const KjLayoutRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
         b->y < a->y + a->height;
}

static gboolean
is_horizontal(KjRoadmapDirection direction)
{
  return direction == KJ_ROADMAP_DIRECTION_LR || direction == KJ_ROADMAP_DIRECTION_RL;
}

/* Each piece leaves and enters its points along the direction of the graph,
 * so curves meet nodes and their own bends straight on.  A self-loop is one
 * cubic through its corners. */
guint
kj_roadmap_scene_edge_curve(const KjRoadmapScene *scene, guint edge, KjLayoutPoint **pieces)
{
  const KjLayoutPath *path = &scene->layout->edges[edge];
  const KjLayoutPoint *p = path->points;
  gboolean horizontal = is_horizontal(scene->direction);
  guint n;
  KjLayoutPoint *out;

  if (path->n_points < 2) {
    *pieces = NULL;
    return 0;
  }
  if (scene->edges[edge].loop && path->n_points == 4) {
    double dx = (p[1].x - p[0].x) * 0.6, dy = (p[1].y - p[0].y) * 0.6;

    out = g_new(KjLayoutPoint, 4);
    out[0] = p[0];
    out[1] = (KjLayoutPoint){ p[1].x + dx, p[1].y + dy };
    out[2] = (KjLayoutPoint){ p[2].x + dx, p[2].y + dy };
    out[3] = p[3];
    *pieces = out;
    return 1;
  }
  n = path->n_points - 1;
  out = g_new(KjLayoutPoint, 4 * n);
  for (guint i = 0; i < n; i++) {
    KjLayoutPoint a = p[i], b = p[i + 1];
    KjLayoutPoint *piece = &out[4 * i];

    piece[0] = a;
    piece[3] = b;
    if (horizontal) {
      double d = (b.x - a.x) / 2.0;

      piece[1] = (KjLayoutPoint){ a.x + d, a.y };
      piece[2] = (KjLayoutPoint){ b.x - d, b.y };
    } else {
      double d = (b.y - a.y) / 2.0;

      piece[1] = (KjLayoutPoint){ a.x, a.y + d };
      piece[2] = (KjLayoutPoint){ b.x, b.y - d };
    }
  }
  *pieces = out;
  return n;
}

/* ---- measuring ---- */

static PangoLayout *
new_text(KjRoadmapScene *scene, const char *text, double size, gboolean bold)
{
  PangoLayout *layout = pango_layout_new(scene->context);
  PangoFontDescription *font = pango_font_description_from_string(scene->font);

  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_text(layout, text != NULL ? text : "", -1);
  return layout;
}

static void
text_size(PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents(layout, NULL, &logical);
  *width = logical.width / (double)PANGO_SCALE;
  *height = logical.height / (double)PANGO_SCALE;
}

/* The box of a shape whose text-safe inside is content_w × content_h. */
static void
shape_box(const KjRoadmapScene *scene, KjRoadmapShape shape, double content_w, double content_h,
          double *width, double *height)
{
  double em = scene->em, pad_x = em * 0.9, pad_y = em * 0.6;
  double w = content_w + 2.0 * pad_x, h = content_h + 2.0 * pad_y;

  h = MAX(h, em * 2.8);
  switch (shape) {
  case KJ_ROADMAP_SHAPE_STADIUM:
    w += h * 0.5;
    break;
  case KJ_ROADMAP_SHAPE_ROUND:
    w += em * 0.4;
    break;
  case KJ_ROADMAP_SHAPE_SUBROUTINE:
    w += em * 1.0;
    break;
  case KJ_ROADMAP_SHAPE_CYLINDER:
    h += 3.0 * kj_roadmap_scene_cylinder_cap(scene, MAX(w, em * 7.0));
    break;
  case KJ_ROADMAP_SHAPE_CIRCLE:
    /* An ellipse through the corners of the content, a little larger. */
    w = w * 1.42;
    h = h * 1.42;
    break;
  case KJ_ROADMAP_SHAPE_RHOMBUS:
    /* content_w / w + content_h / h < 1 keeps the text inside. */
    w = 2.0 * content_w + 2.0 * pad_x;
    h = 2.0 * content_h + 2.0 * pad_y;
    break;
  case KJ_ROADMAP_SHAPE_ASYMMETRIC:
    w += kj_roadmap_scene_shape_slant(shape, h) + em * 0.3;
    break;
  case KJ_ROADMAP_SHAPE_HEXAGON:
  case KJ_ROADMAP_SHAPE_PARALLELOGRAM:
  case KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT:
  case KJ_ROADMAP_SHAPE_TRAPEZOID:
  case KJ_ROADMAP_SHAPE_TRAPEZOID_ALT:
    w += 2.0 * kj_roadmap_scene_shape_slant(shape, h);
    break;
  default:
    break;
  }
  *width = ceil(MAX(w, em * 7.0));
  *height = ceil(MAX(h, em * 2.8));
}

static void
measure_node(KjRoadmapScene *scene, KjRoadmapNode *node, KjSceneNode *out, GHashTable *progress)
{
  double em = scene->em, hours = kj_roadmap_node_get_estimated_hours(node);
  double wrap = WRAP_WIDTH;
  double title_w, caption_w = 0.0;

  out->shape = kj_roadmap_node_get_effective_shape(node);
  out->status = kj_roadmap_node_get_status(node);
  out->progress = -1.0;
  /* A rhombus needs twice its text's size: narrower text keeps it sane. */
  if (out->shape == KJ_ROADMAP_SHAPE_RHOMBUS || out->shape == KJ_ROADMAP_SHAPE_CIRCLE)
    wrap = WRAP_WIDTH * 0.6;

  out->title = new_text(scene, kj_roadmap_node_get_title(node), em,
                        kj_roadmap_node_get_kind(node) == KJ_ROADMAP_NODE_KIND_DOMAIN);
  pango_layout_set_width(out->title, (int)(wrap * PANGO_SCALE));
  pango_layout_set_wrap(out->title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize(out->title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height(out->title, -MAX_LINES);
  pango_layout_set_alignment(out->title, PANGO_ALIGN_CENTER);
  text_size(out->title, &title_w, &out->title_height);
  out->content_width = title_w;
  out->content_height = out->title_height;

  if (hours > 0.0) {
    g_autofree char *number = kj_number_format(hours, 1);
    /* Translators: a node's estimated hours of study under its title, "12 h". */
    g_autofree char *text = g_strdup_printf(_("%s h"), number);

    out->caption = new_text(scene, text, em * 0.82, FALSE);
    text_size(out->caption, &caption_w, &out->caption_height);
    out->content_width = MAX(out->content_width, caption_w);
    out->content_height += out->caption_height;
  }
  if (kj_roadmap_node_get_kind(node) == KJ_ROADMAP_NODE_KIND_DOMAIN) {
    const char *domain = kj_roadmap_node_get_effective_domain(node);
    gpointer fraction = domain != NULL ? g_hash_table_lookup(progress, domain) : NULL;

    out->progress = fraction != NULL ? *(double *)fraction : 0.0;
    out->content_width = MAX(out->content_width, em * 4.0);
    out->content_height += em * 0.7;
  }
}

/* ---- groups ---- */

static guint
group_depth(KjRoadmap *roadmap, KjRoadmapGroup *group)
{
  guint depth = 0;
  const char *parent = kj_roadmap_group_get_parent(group);

  /* The roadmap forbids cycles; the bound only guards against a bug. */
  while (parent != NULL && depth < 64) {
    KjRoadmapGroup *up = kj_roadmap_lookup_group(roadmap, parent);

    if (up == NULL)
      break;
    depth++;
    parent = kj_roadmap_group_get_parent(up);
  }
  return depth;
}

static void
rect_union(KjLayoutRect *into, gboolean *empty, const KjLayoutRect *r)
{
  double x0, y0, x1, y1;

  if (*empty) {
    *into = *r;
    *empty = FALSE;
    return;
  }
  x0 = MIN(into->x, r->x);
  y0 = MIN(into->y, r->y);
  x1 = MAX(into->x + into->width, r->x + r->width);
  y1 = MAX(into->y + into->height, r->y + r->height);
  *into = (KjLayoutRect){ x0, y0, x1 - x0, y1 - y0 };
}

static int
compare_depth(gconstpointer a, gconstpointer b)
{
  const KjSceneGroup *ga = a, *gb = b;

  return (ga->depth > gb->depth) - (ga->depth < gb->depth);
}

/* Frames round each group's nodes and inner groups' frames, innermost first,
 * with room for the title above; then sorted outermost first for drawing. */
static void
place_groups(KjRoadmapScene *scene, KjRoadmap *roadmap)
{
  guint n = kj_roadmap_get_n_groups(roadmap), max_depth = 0;
  double pad = scene->em * 0.7;
  g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
  g_autofree int *parents = g_new(int, MAX(n, 1));
  g_autofree KjLayoutRect *content = g_new0(KjLayoutRect, MAX(n, 1));
  g_autofree gboolean *empty = g_new(gboolean, MAX(n, 1));

  scene->n_groups = n;
  scene->groups = g_new0(KjSceneGroup, MAX(n, 1));
  for (guint i = 0; i < n; i++) {
    KjRoadmapGroup *group = kj_roadmap_get_group(roadmap, i);

    g_hash_table_insert(index, (gpointer)kj_roadmap_group_get_id(group), GUINT_TO_POINTER(i + 1));
    scene->groups[i].depth = group_depth(roadmap, group);
    scene->groups[i].title =
        new_text(scene, kj_roadmap_group_get_title(group), scene->em * 0.9, TRUE);
    pango_layout_set_ellipsize(scene->groups[i].title, PANGO_ELLIPSIZE_END);
    max_depth = MAX(max_depth, scene->groups[i].depth);
    empty[i] = TRUE;
  }
  for (guint i = 0; i < n; i++) {
    const char *parent = kj_roadmap_group_get_parent(kj_roadmap_get_group(roadmap, i));

    parents[i] =
        parent != NULL ? (int)GPOINTER_TO_UINT(g_hash_table_lookup(index, parent)) - 1 : -1;
  }
  for (guint i = 0; i < scene->layout->n_nodes; i++) {
    const char *group = kj_roadmap_node_get_group(kj_roadmap_get_node(roadmap, i));
    guint g = group != NULL ? GPOINTER_TO_UINT(g_hash_table_lookup(index, group)) : 0;

    if (g > 0)
      rect_union(&content[g - 1], &empty[g - 1], &scene->layout->nodes[i]);
  }
  for (int depth = (int)max_depth; depth >= 0; depth--)
    for (guint i = 0; i < n; i++) {
      KjSceneGroup *group = &scene->groups[i];
      double title_w, title_h;

      if (group->depth != (guint)depth)
        continue;
      group->empty = empty[i];
      if (empty[i])
        continue;
      text_size(group->title, &title_w, &title_h);
      group->frame = (KjLayoutRect){ content[i].x - pad, content[i].y - pad - title_h - pad * 0.4,
                                     content[i].width + 2.0 * pad,
                                     content[i].height + 2.0 * pad + title_h + pad * 0.4 };
      pango_layout_set_width(group->title, (int)((group->frame.width - 2.0 * pad) * PANGO_SCALE));
      if (parents[i] >= 0)
        rect_union(&content[parents[i]], &empty[parents[i]], &group->frame);
    }
  qsort(scene->groups, n, sizeof(KjSceneGroup), compare_depth);
}

/* ---- edges ---- */

static void
extend(double *box, double x, double y, double by)
{
  box[0] = MIN(box[0], x - by);
  box[1] = MIN(box[1], y - by);
  box[2] = MAX(box[2], x + by);
  box[3] = MAX(box[3], y + by);
}

/* The middle of the curve, where the label goes. */
static KjLayoutPoint
curve_middle(const KjLayoutPoint *pieces, guint n)
{
  const KjLayoutPoint *p;

  if (n % 2 == 0)
    return pieces[4 * (n / 2)];
  p = &pieces[4 * (n / 2)];
  return (KjLayoutPoint){ (p[0].x + 3.0 * p[1].x + 3.0 * p[2].x + p[3].x) / 8.0,
                          (p[0].y + 3.0 * p[1].y + 3.0 * p[2].y + p[3].y) / 8.0 };
}

static void
place_edge(KjRoadmapScene *scene, guint e)
{
  KjSceneEdge *edge = &scene->edges[e];
  g_autofree KjLayoutPoint *pieces = NULL;
  guint n = kj_roadmap_scene_edge_curve(scene, e, &pieces);
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double reach = scene->em * 0.8;

  for (guint i = 0; i < 4 * n; i++)
    extend(box, pieces[i].x, pieces[i].y, reach);
  if (n > 0 && edge->label != NULL) {
    double pad = scene->em * 0.3;

    edge->label_centre = curve_middle(pieces, n);
    extend(box, edge->label_centre.x - edge->label_width / 2.0,
           edge->label_centre.y - edge->label_height / 2.0, 2.0 * pad);
    extend(box, edge->label_centre.x + edge->label_width / 2.0,
           edge->label_centre.y + edge->label_height / 2.0, 2.0 * pad);
  }
  if (n == 0)
    box[0] = box[1] = box[2] = box[3] = 0.0;
  edge->bounds = (KjLayoutRect){ box[0], box[1], box[2] - box[0], box[3] - box[1] };
}

/* Left to right, edges end on the middle of a box's side, where slanted
 * shapes leave a gap: move those ends onto the outline. */
static void
snap_end(const KjRoadmapScene *scene, guint node, KjLayoutPoint *point)
{
  const KjLayoutRect *r = &scene->layout->nodes[node];
  KjRoadmapShape shape = scene->nodes[node].shape;
  double s = kj_roadmap_scene_shape_slant(shape, r->height), left = s / 2.0, right = s / 2.0;

  if (shape == KJ_ROADMAP_SHAPE_ASYMMETRIC)
    left = s, right = 0.0;
  else if (shape == KJ_ROADMAP_SHAPE_HEXAGON)
    left = right = 0.0;
  if (fabs(point->x - r->x) < 0.01)
    point->x += left;
  else if (fabs(point->x - (r->x + r->width)) < 0.01)
    point->x -= right;
}

static void
snap_edges(KjRoadmapScene *scene)
{
  if (!is_horizontal(scene->direction))
    return;
  for (guint e = 0; e < scene->layout->n_edges; e++) {
    KjLayoutPath *path = &scene->layout->edges[e];

    if (scene->edges[e].loop || path->n_points < 2)
      continue;
    snap_end(scene, scene->edges[e].from, &path->points[0]);
    snap_end(scene, scene->edges[e].to, &path->points[path->n_points - 1]);
  }
}

/* ---- the scene ---- */

static void
init_text(KjRoadmapScene *scene, PangoContext *context)
{
  PangoFontDescription *font;
  double size, resolution = RESOLUTION;

  if (context != NULL) {
    scene->context = g_object_ref(context);
    resolution = pango_cairo_context_get_resolution(context);
    if (resolution <= 0.0)
      resolution = RESOLUTION;
  } else {
    cairo_font_options_t *options = cairo_font_options_create();

    /* As charts do: unhinted, so the drawing is the same at any scale. */
    scene->context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    pango_cairo_context_set_resolution(scene->context, RESOLUTION);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(scene->context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(scene->context, FALSE);
  }

  if (scene->style.font != NULL && *scene->style.font != '\0')
    font = pango_font_description_from_string(scene->style.font);
  else if (context != NULL && pango_context_get_font_description(context) != NULL)
    font = pango_font_description_copy(pango_context_get_font_description(context));
  else
    font = pango_font_description_from_string("Sans 10");
  size = pango_font_description_get_size(font) / (double)PANGO_SCALE;
  if (size <= 0.0)
    size = 10.0;
  if (!pango_font_description_get_size_is_absolute(font))
    size = size * resolution / 72.0;
  scene->em = CLAMP(size, 4.0, 200.0);
  pango_font_description_unset_fields(font, PANGO_FONT_MASK_SIZE);
  scene->font = pango_font_description_to_string(font);
  pango_font_description_free(font);
  scene->style.font = scene->font;
}

static void
layout_graph(KjRoadmapScene *scene, KjRoadmap *roadmap, gboolean any_label)
{
  guint n_nodes = kj_roadmap_get_n_nodes(roadmap), n_edges = kj_roadmap_get_n_edges(roadmap);
  g_autofree double *sizes = g_new(double, 2 * MAX(n_nodes, 1));
  g_autofree guint *ends = g_new(guint, 2 * MAX(n_edges, 1));
  KjRoadmapLayoutOptions options;

  for (guint i = 0; i < n_nodes; i++)
    shape_box(scene, scene->nodes[i].shape, scene->nodes[i].content_width,
              scene->nodes[i].content_height, &sizes[2 * i], &sizes[2 * i + 1]);
  for (guint e = 0; e < n_edges; e++) {
    ends[2 * e] = scene->edges[e].from;
    ends[2 * e + 1] = scene->edges[e].to;
  }
  kj_roadmap_layout_options_init(&options);
  options.direction = scene->direction;
  /* Gaps grow with the font; group frames and labels need a little more. */
  options.node_gap = scene->em * (kj_roadmap_get_n_groups(roadmap) > 0 ? 2.6 : 1.8);
  options.layer_gap = scene->em * (any_label ? 4.6 : 3.6);
  scene->layout = kj_roadmap_layout_compute_graph(n_nodes, sizes, n_edges, ends, &options);
}

/* Moves everything so the drawing starts at the margin. */
static void
translate(KjRoadmapScene *scene, double dx, double dy)
{
  KjRoadmapLayout *layout = scene->layout;

  for (guint i = 0; i < layout->n_nodes; i++) {
    layout->nodes[i].x += dx;
    layout->nodes[i].y += dy;
  }
  for (guint e = 0; e < layout->n_edges; e++) {
    for (guint k = 0; k < layout->edges[e].n_points; k++) {
      layout->edges[e].points[k].x += dx;
      layout->edges[e].points[k].y += dy;
    }
    scene->edges[e].bounds.x += dx;
    scene->edges[e].bounds.y += dy;
    scene->edges[e].label_centre.x += dx;
    scene->edges[e].label_centre.y += dy;
  }
  for (guint g = 0; g < scene->n_groups; g++) {
    scene->groups[g].frame.x += dx;
    scene->groups[g].frame.y += dy;
  }
}

static void
fit_bounds(KjRoadmapScene *scene)
{
  double box[4] = { 0.0, 0.0, 0.0, 0.0 };
  double margin = scene->em * 1.5;
  KjLayoutRect all = { 0 };
  gboolean empty = TRUE;

  for (guint i = 0; i < scene->layout->n_nodes; i++)
    rect_union(&all, &empty, &scene->layout->nodes[i]);
  for (guint e = 0; e < scene->layout->n_edges; e++)
    rect_union(&all, &empty, &scene->edges[e].bounds);
  for (guint g = 0; g < scene->n_groups; g++)
    if (!scene->groups[g].empty)
      rect_union(&all, &empty, &scene->groups[g].frame);
  if (!empty) {
    box[0] = all.x;
    box[1] = all.y;
    box[2] = all.x + all.width;
    box[3] = all.y + all.height;
  }
  translate(scene, margin - box[0], margin - box[1]);
  scene->width = ceil(box[2] - box[0] + 2.0 * margin);
  scene->height = ceil(box[3] - box[1] + 2.0 * margin);
}

KjRoadmapScene *
kj_roadmap_scene_new(KjRoadmap *roadmap, const KjChartStyle *style, PangoContext *context)
{
  KjRoadmapScene *scene;
  g_autoptr(GHashTable) positions = g_hash_table_new(g_str_hash, g_str_equal);
  g_autoptr(GHashTable) progress = g_hash_table_new(g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) domains = NULL;
  guint n_nodes, n_edges;
  gboolean any_label = FALSE;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), NULL);
  g_return_val_if_fail(context == NULL || PANGO_IS_CONTEXT(context), NULL);

  scene = g_new0(KjRoadmapScene, 1);
  if (style != NULL)
    scene->style = *style;
  else
    kj_chart_style_init(&scene->style, FALSE);
  init_text(scene, context);
  scene->direction = kj_roadmap_get_direction(roadmap);

  domains = kj_roadmap_dup_domain_progress(roadmap);
  for (guint i = 0; i < domains->len; i++) {
    KjRoadmapProgress *p = g_ptr_array_index(domains, i);

    g_hash_table_insert(progress, p->domain, &p->fraction);
  }

  n_nodes = kj_roadmap_get_n_nodes(roadmap);
  scene->nodes = g_new0(KjSceneNode, MAX(n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(roadmap, i);

    measure_node(scene, node, &scene->nodes[i], progress);
    g_hash_table_insert(positions, (gpointer)kj_roadmap_node_get_id(node), GUINT_TO_POINTER(i));
  }

  n_edges = kj_roadmap_get_n_edges(roadmap);
  scene->edges = g_new0(KjSceneEdge, MAX(n_edges, 1));
  for (guint e = 0; e < n_edges; e++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(roadmap, e);
    KjSceneEdge *out = &scene->edges[e];
    const char *label = kj_roadmap_edge_get_label(edge);

    /* The roadmap guarantees that both ends exist. */
    out->from = GPOINTER_TO_UINT(g_hash_table_lookup(positions, kj_roadmap_edge_get_from(edge)));
    out->to = GPOINTER_TO_UINT(g_hash_table_lookup(positions, kj_roadmap_edge_get_to(edge)));
    out->loop = out->from == out->to;
    out->kind = kj_roadmap_edge_get_kind(edge);
    out->stroke = kj_roadmap_edge_get_stroke(edge);
    if (label != NULL && *label != '\0') {
      out->label = new_text(scene, label, scene->em * 0.82, FALSE);
      pango_layout_set_width(out->label, (int)(LABEL_WIDTH * PANGO_SCALE));
      pango_layout_set_ellipsize(out->label, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode(out->label, TRUE);
      text_size(out->label, &out->label_width, &out->label_height);
      any_label = TRUE;
    }
  }

  layout_graph(scene, roadmap, any_label);
  snap_edges(scene);
  for (guint e = 0; e < n_edges; e++)
    place_edge(scene, e);
  place_groups(scene, roadmap);
  fit_bounds(scene);
  return scene;
}

void
kj_roadmap_scene_free(KjRoadmapScene *scene)
{
  if (scene == NULL)
    return;
  for (guint i = 0; i < scene->layout->n_nodes; i++) {
    g_clear_object(&scene->nodes[i].title);
    g_clear_object(&scene->nodes[i].caption);
  }
  for (guint e = 0; e < scene->layout->n_edges; e++)
    g_clear_object(&scene->edges[e].label);
  for (guint g = 0; g < scene->n_groups; g++)
    g_clear_object(&scene->groups[g].title);
  g_free(scene->nodes);
  g_free(scene->edges);
  g_free(scene->groups);
  kj_roadmap_layout_free(scene->layout);
  g_clear_object(&scene->context);
  g_free(scene->font);
  g_free(scene);
}

double
kj_roadmap_scene_get_width(const KjRoadmapScene *scene)
{
  g_return_val_if_fail(scene != NULL, 0.0);
  return scene->width;
}

double
kj_roadmap_scene_get_height(const KjRoadmapScene *scene)
{
  g_return_val_if_fail(scene != NULL, 0.0);
  return scene->height;
}

guint
kj_roadmap_scene_get_n_nodes(const KjRoadmapScene *scene)
{
  g_return_val_if_fail(scene != NULL, 0);
  return scene->layout->n_nodes;
}

gboolean
kj_roadmap_scene_get_node_rect(const KjRoadmapScene *scene, guint position, KjLayoutRect *rect)
{
  g_return_val_if_fail(scene != NULL, FALSE);

  if (position >= scene->layout->n_nodes)
    return FALSE;
  if (rect != NULL)
    *rect = scene->layout->nodes[position];
  return TRUE;
}

const KjRoadmapLayout *
kj_roadmap_scene_get_layout(const KjRoadmapScene *scene)
{
  g_return_val_if_fail(scene != NULL, NULL);
  return scene->layout;
}

double
kj_roadmap_scene_get_em(const KjRoadmapScene *scene)
{
  g_return_val_if_fail(scene != NULL, 0.0);
  return scene->em;
}

int
kj_roadmap_scene_node_at(const KjRoadmapScene *scene, double x, double y)
{
  g_return_val_if_fail(scene != NULL, -1);
  return kj_roadmap_layout_node_at(scene->layout, x, y);
}

int
kj_roadmap_scene_neighbour(const KjRoadmapScene *scene, guint position, KjRoadmapSceneMove move)
{
  static const double directions[][2] = {
    [KJ_ROADMAP_SCENE_UP] = { 0.0, -1.0 },
    [KJ_ROADMAP_SCENE_DOWN] = { 0.0, 1.0 },
    [KJ_ROADMAP_SCENE_LEFT] = { -1.0, 0.0 },
    [KJ_ROADMAP_SCENE_RIGHT] = { 1.0, 0.0 },
  };
  const KjRoadmapLayout *layout;
  const KjLayoutRect *from;
  double cx, cy, best_distance = G_MAXDOUBLE;
  int best = -1;

  g_return_val_if_fail(scene != NULL, -1);
  g_return_val_if_fail((guint)move <= KJ_ROADMAP_SCENE_RIGHT, -1);

  layout = scene->layout;
  if (position >= layout->n_nodes)
    return -1;
  from = &layout->nodes[position];
  cx = from->x + from->width / 2.0;
  cy = from->y + from->height / 2.0;
  for (guint i = 0; i < layout->n_nodes; i++) {
    const KjLayoutRect *r = &layout->nodes[i];
    double dx = r->x + r->width / 2.0 - cx, dy = r->y + r->height / 2.0 - cy;
    double distance = hypot(dx, dy);
    double along = dx * directions[move][0] + dy * directions[move][1];

    /* Within ±60°: cos 60° = 1/2. */
    if (i == position || distance <= 0.0 || along < distance * 0.5 - 1e-9)
      continue;
    if (distance < best_distance) {
      best_distance = distance;
      best = (int)i;
    }
  }
  return best;
}
