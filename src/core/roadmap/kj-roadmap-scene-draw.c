/* Drawing a scene: groups, then edges, then nodes, then the rubber line. */
#include "kj-roadmap-scene-private.h"

#include <math.h>
#include <pango/pangocairo.h>

typedef struct {
  double r, g, b, a;
} Rgba;

/* Colours of one drawing, worked out once from the style. */
typedef struct {
  Rgba foreground;
  Rgba base; /* an opaque background to blend with and put plates on */
  Rgba accent;
  Rgba fill[4]; /* by KjRoadmapStatus */
  Rgba line[4];
  Rgba check;
  Rgba edge;
} Palette;

static Rgba
rgb(guint32 hex, double alpha)
{
  return (Rgba){ ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0,
                 alpha };
}

static Rgba
mix(Rgba under, Rgba over, double amount)
{
  return (Rgba){ under.r + (over.r - under.r) * amount, under.g + (over.g - under.g) * amount,
                 under.b + (over.b - under.b) * amount, 1.0 };
}

static Rgba
from_chart(const KjChartColor *color)
{
  return (Rgba){ color->red, color->green, color->blue, color->alpha };
}

static void
set_rgba(cairo_t *cr, Rgba c, double alpha)
{
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha);
}

/* Adwaita's blues and greens, over a card of the view's colour: blue and
 * green fills stay apart from each other and from a plain card in light and
 * in dark, and text on them keeps the style's foreground. */
static void
palette_init(Palette *p, const KjChartStyle *style)
{
  gboolean dark = style->dark;
  KjChartColor accent;

  p->foreground = from_chart(&style->foreground);
  p->base = dark ? rgb(0x1e1e1e, 1.0) : rgb(0xffffff, 1.0);
  kj_chart_style_get_palette_color(style, 0, &accent);
  p->accent = from_chart(&accent);

  p->fill[KJ_ROADMAP_STATUS_NOT_STARTED] = dark ? rgb(0x363636, 1.0) : rgb(0xf6f5f4, 1.0);
  p->line[KJ_ROADMAP_STATUS_NOT_STARTED] = dark ? rgb(0xffffff, 0.42) : rgb(0x000000, 0.42);
  p->fill[KJ_ROADMAP_STATUS_LEARNING] = mix(p->base, rgb(dark ? 0x62a0ea : 0x1c71d8, 1.0), 0.22);
  p->line[KJ_ROADMAP_STATUS_LEARNING] = dark ? rgb(0x62a0ea, 0.9) : rgb(0x1a5fb4, 0.9);
  p->fill[KJ_ROADMAP_STATUS_DONE] = mix(p->base, rgb(dark ? 0x57e389 : 0x2ec27e, 1.0), 0.26);
  p->line[KJ_ROADMAP_STATUS_DONE] = dark ? rgb(0x57e389, 0.9) : rgb(0x26a269, 0.95);
  p->fill[KJ_ROADMAP_STATUS_SKIPPED] = mix(p->base, p->fill[KJ_ROADMAP_STATUS_NOT_STARTED], 0.5);
  p->line[KJ_ROADMAP_STATUS_SKIPPED] = dark ? rgb(0xffffff, 0.3) : rgb(0x000000, 0.3);
  p->check = dark ? rgb(0x2ec27e, 1.0) : rgb(0x26a269, 1.0);
  p->edge = p->foreground;
  p->edge.a *= 0.55;
}

/* ---- shapes ---- */

static void
rounded_rect(cairo_t *cr, double x, double y, double w, double h, double radius)
{
  radius = MIN(radius, MIN(w, h) / 2.0);
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - radius, y + radius, radius, -G_PI / 2.0, 0.0);
  cairo_arc(cr, x + w - radius, y + h - radius, radius, 0.0, G_PI / 2.0);
  cairo_arc(cr, x + radius, y + h - radius, radius, G_PI / 2.0, G_PI);
  cairo_arc(cr, x + radius, y + radius, radius, G_PI, 1.5 * G_PI);
  cairo_close_path(cr);
}

static void
polygon(cairo_t *cr, const double *xy, guint n)
{
  cairo_move_to(cr, xy[0], xy[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to(cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path(cr);
}

static void
shape_path(const KjRoadmapScene *scene, cairo_t *cr, KjRoadmapShape shape, const KjLayoutRect *r)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;
  double s = kj_roadmap_scene_shape_slant(shape, h);

  switch (shape) {
  case KJ_ROADMAP_SHAPE_ROUND:
    rounded_rect(cr, x, y, w, h, MIN(h / 3.0, scene->em * 0.9));
    break;
  case KJ_ROADMAP_SHAPE_STADIUM:
    rounded_rect(cr, x, y, w, h, h / 2.0);
    break;
  case KJ_ROADMAP_SHAPE_CYLINDER: {
    double ry = kj_roadmap_scene_cylinder_cap(scene, w), rx = w / 2.0;

    cairo_save(cr);
    cairo_move_to(cr, x, y + ry);
    cairo_line_to(cr, x, y + h - ry);
    cairo_translate(cr, x + rx, y + h - ry);
    cairo_scale(cr, rx, ry);
    cairo_arc_negative(cr, 0.0, 0.0, 1.0, G_PI, 0.0);
    cairo_restore(cr);
    cairo_line_to(cr, x + w, y + ry);
    cairo_save(cr);
    cairo_translate(cr, x + rx, y + ry);
    cairo_scale(cr, rx, ry);
    cairo_arc_negative(cr, 0.0, 0.0, 1.0, 0.0, G_PI);
    cairo_restore(cr);
    cairo_close_path(cr);
    break;
  }
  case KJ_ROADMAP_SHAPE_CIRCLE:
    cairo_save(cr);
    cairo_translate(cr, x + w / 2.0, y + h / 2.0);
    cairo_scale(cr, w / 2.0, h / 2.0);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0.0, 0.0, 1.0, 0.0, 2.0 * G_PI);
    cairo_restore(cr);
    cairo_close_path(cr);
    break;
  case KJ_ROADMAP_SHAPE_ASYMMETRIC: {
    double xy[] = { x, y, x + w, y, x + w, y + h, x, y + h, x + s, y + h / 2.0 };

    polygon(cr, xy, 5);
    break;
  }
  case KJ_ROADMAP_SHAPE_RHOMBUS: {
    double xy[] = { x + w / 2.0, y, x + w, y + h / 2.0, x + w / 2.0, y + h, x, y + h / 2.0 };

    polygon(cr, xy, 4);
    break;
  }
  case KJ_ROADMAP_SHAPE_HEXAGON: {
    double xy[] = { x + s,     y,     x + w - s, y,     x + w, y + h / 2.0,
                    x + w - s, y + h, x + s,     y + h, x,     y + h / 2.0 };

    polygon(cr, xy, 6);
    break;
  }
  case KJ_ROADMAP_SHAPE_PARALLELOGRAM: {
    double xy[] = { x + s, y, x + w, y, x + w - s, y + h, x, y + h };

    polygon(cr, xy, 4);
    break;
  }
  case KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT: {
    double xy[] = { x, y, x + w - s, y, x + w, y + h, x + s, y + h };

    polygon(cr, xy, 4);
    break;
  }
  case KJ_ROADMAP_SHAPE_TRAPEZOID: {
    double xy[] = { x + s, y, x + w - s, y, x + w, y + h, x, y + h };

    polygon(cr, xy, 4);
    break;
  }
  case KJ_ROADMAP_SHAPE_TRAPEZOID_ALT: {
    double xy[] = { x, y, x + w, y, x + w - s, y + h, x + s, y + h };

    polygon(cr, xy, 4);
    break;
  }
  case KJ_ROADMAP_SHAPE_SUBROUTINE:
  case KJ_ROADMAP_SHAPE_RECT:
  case KJ_ROADMAP_SHAPE_AUTO:
  default:
    rounded_rect(cr, x, y, w, h, scene->em * 0.2);
    break;
  }
}

/* The lines inside some shapes, added to the path: a subroutine's bars, a
 * cylinder's lip. */
static void
shape_details(const KjRoadmapScene *scene, cairo_t *cr, KjRoadmapShape shape, const KjLayoutRect *r)
{
  if (shape == KJ_ROADMAP_SHAPE_SUBROUTINE) {
    double inset = scene->em * 0.5;

    cairo_move_to(cr, r->x + inset, r->y);
    cairo_line_to(cr, r->x + inset, r->y + r->height);
    cairo_move_to(cr, r->x + r->width - inset, r->y);
    cairo_line_to(cr, r->x + r->width - inset, r->y + r->height);
  } else if (shape == KJ_ROADMAP_SHAPE_CYLINDER) {
    double ry = kj_roadmap_scene_cylinder_cap(scene, r->width), rx = r->width / 2.0;

    cairo_save(cr);
    cairo_translate(cr, r->x + rx, r->y + ry);
    cairo_scale(cr, rx, ry);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0.0, 0.0, 1.0, 0.0, G_PI);
    cairo_restore(cr);
  }
}

/* ---- nodes ----
 *
 * Cairo spends most of its time per operation, not per pixel, so what looks
 * alike is drawn as one path: the fills of each status, the outlines of each
 * status, all edges of one stroke.  Nodes never overlap, so the order among
 * them does not matter; the selected and hovered ones are drawn again on top. */

typedef struct {
  const KjRoadmapScene *scene;
  cairo_t *cr;
  Palette p;
  const KjRoadmapSceneState *state;
  gboolean greek; /* text too small to read: grey bars instead */
  double scale;   /* device pixels per scene unit */
  guint n_visible;
  guint *visible; /* nodes that meet the clip */
} Drawing;

static void
draw_text(cairo_t *cr, PangoLayout *layout, double centre_x, double top)
{
  PangoRectangle logical;

  pango_layout_get_extents(layout, NULL, &logical);
  cairo_move_to(cr, centre_x - (logical.x + logical.width / 2.0) / PANGO_SCALE, top);
  pango_cairo_show_layout(cr, layout);
}

static double
content_top(const KjRoadmapScene *scene, const KjSceneNode *node, const KjLayoutRect *r)
{
  double top = r->y + (r->height - node->content_height) / 2.0;

  if (node->shape == KJ_ROADMAP_SHAPE_CYLINDER)
    top += kj_roadmap_scene_cylinder_cap(scene, r->width) / 2.0;
  return top;
}

static void
draw_text_of(Drawing *d, guint i)
{
  const KjSceneNode *node = &d->scene->nodes[i];
  const KjLayoutRect *r = &d->scene->layout->nodes[i];
  double cx = r->x + r->width / 2.0, top = content_top(d->scene, node, r);
  gboolean faded = node->status == KJ_ROADMAP_STATUS_SKIPPED;

  set_rgba(d->cr, d->p.foreground, faded ? 0.5 : 1.0);
  draw_text(d->cr, node->title, cx, top);
  if (node->caption != NULL) {
    set_rgba(d->cr, d->p.foreground, faded ? 0.4 : 0.7);
    draw_text(d->cr, node->caption, cx, top + node->title_height);
  }
}

/* Where a domain's progress bar goes, below its text. */
static void
progress_bar(const KjRoadmapScene *scene, guint i, KjLayoutRect *bar)
{
  const KjSceneNode *node = &scene->nodes[i];
  const KjLayoutRect *r = &scene->layout->nodes[i];
  double em = scene->em, w = node->content_width;

  *bar = (KjLayoutRect){ r->x + (r->width - w) / 2.0,
                         content_top(scene, node, r) + node->title_height + node->caption_height +
                             em * 0.3,
                         w, em * 0.3 };
}

static void
check_mark(const KjRoadmapScene *scene, const KjLayoutRect *r, double *cx, double *cy,
           double *radius)
{
  *radius = scene->em * 0.55;
  *cx = r->x + r->width - *radius * 0.55;
  *cy = r->y + *radius * 0.55;
}

/* Everything inside the boxes that is not text, each kind in one go. */
static void
draw_decorations(Drawing *d)
{
  cairo_t *cr = d->cr;
  double em = d->scene->em;

  /* Progress: the track, then the share done. */
  for (guint pass = 0; pass < 2; pass++) {
    gboolean any = FALSE;

    cairo_new_path(cr);
    for (guint k = 0; k < d->n_visible; k++) {
      guint i = d->visible[k];
      double share = d->scene->nodes[i].progress;
      KjLayoutRect bar;

      if (share < 0.0 || (pass == 1 && share <= 0.0))
        continue;
      progress_bar(d->scene, i, &bar);
      if (pass == 1)
        bar.width = MAX(bar.width * MIN(share, 1.0), bar.height);
      rounded_rect(cr, bar.x, bar.y, bar.width, bar.height, bar.height / 2.0);
      any = TRUE;
    }
    if (any) {
      if (pass == 0)
        set_rgba(cr, d->p.foreground, 0.15);
      else
        set_rgba(cr, d->p.check, 1.0);
      cairo_fill(cr);
    }
  }

  /* ✓ badges on done nodes: discs with a rim, then the ticks. */
  for (guint pass = 0; pass < 2; pass++) {
    gboolean any = FALSE;

    cairo_new_path(cr);
    for (guint k = 0; k < d->n_visible; k++) {
      guint i = d->visible[k];
      double cx, cy, radius;

      if (d->scene->nodes[i].status != KJ_ROADMAP_STATUS_DONE)
        continue;
      check_mark(d->scene, &d->scene->layout->nodes[i], &cx, &cy, &radius);
      if (pass == 0) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, cx, cy, radius, 0.0, 2.0 * G_PI);
      } else {
        cairo_move_to(cr, cx - radius * 0.45, cy + radius * 0.02);
        cairo_line_to(cr, cx - radius * 0.1, cy + radius * 0.38);
        cairo_line_to(cr, cx + radius * 0.48, cy - radius * 0.35);
      }
      any = TRUE;
    }
    if (!any)
      break;
    if (pass == 0) {
      set_rgba(cr, d->p.check, 1.0);
      cairo_fill_preserve(cr);
      set_rgba(cr, d->p.base, 1.0);
      cairo_set_line_width(cr, em * 0.1);
      cairo_stroke(cr);
    } else {
      cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
      cairo_set_line_width(cr, em * 0.14);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke(cr);
    }
  }
}

static void
draw_texts(Drawing *d)
{
  cairo_t *cr = d->cr;

  if (!d->greek) {
    for (guint k = 0; k < d->n_visible; k++)
      draw_text_of(d, d->visible[k]);
    return;
  }
  /* Bars where the lines of the titles are. */
  cairo_new_path(cr);
  for (guint k = 0; k < d->n_visible; k++) {
    guint i = d->visible[k];
    const KjSceneNode *node = &d->scene->nodes[i];
    const KjLayoutRect *r = &d->scene->layout->nodes[i];
    int lines = MAX(pango_layout_get_line_count(node->title), 1);
    double line = node->title_height / lines, top = content_top(d->scene, node, r);
    double width = node->content_width;

    for (int l = 0; l < lines; l++)
      cairo_rectangle(cr, r->x + (r->width - width) / 2.0, top + line * (l + 0.3), width,
                      line * 0.4);
  }
  set_rgba(cr, d->p.foreground, 0.4);
  cairo_fill(cr);
}

/* One node by itself, on top of the batch: selected or hovered. */
static void
draw_highlighted(Drawing *d, guint i)
{
  const KjRoadmapScene *scene = d->scene;
  const KjSceneNode *node = &scene->nodes[i];
  const KjLayoutRect *r = &scene->layout->nodes[i];
  const KjRoadmapSceneState *state = d->state;
  gboolean selected = state->selected == (int)i;
  guint status = MIN((guint)node->status, 3u);
  cairo_t *cr = d->cr;
  double em = scene->em;

  if (selected) {
    /* A halo round the node, so selection shows whatever the status. */
    shape_path(scene, cr, node->shape, r);
    set_rgba(cr, d->p.accent, 0.3);
    cairo_set_line_width(cr, em * 0.75);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
  }
  shape_path(scene, cr, node->shape, r);
  set_rgba(cr, d->p.fill[status], 1.0);
  cairo_fill_preserve(cr);
  if (state->hovered == (int)i) {
    set_rgba(cr, d->p.foreground, 0.07);
    cairo_fill_preserve(cr);
  }
  shape_details(scene, cr, node->shape, r);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  if (selected) {
    set_rgba(cr, d->p.accent, 1.0);
    cairo_set_line_width(cr, em * 0.22);
  } else {
    set_rgba(cr, d->p.line[status], 1.6);
    cairo_set_line_width(cr, em * 0.12);
  }
  cairo_stroke(cr);

  if (d->greek) {
    Drawing one = *d;

    one.n_visible = 1;
    one.visible = &i;
    draw_texts(&one);
    draw_decorations(&one);
  } else {
    Drawing one = *d;

    one.n_visible = 1;
    one.visible = &i;
    draw_text_of(d, i);
    draw_decorations(&one);
  }

  if (selected && state->focused) {
    double out = em * 0.55;

    rounded_rect(cr, r->x - out, r->y - out, r->width + 2.0 * out, r->height + 2.0 * out, em * 0.6);
    set_rgba(cr, d->p.accent, 0.6);
    cairo_set_line_width(cr, em * 0.15);
    cairo_stroke(cr);
  }
}

static void
draw_nodes(Drawing *d)
{
  const KjRoadmapScene *scene = d->scene;
  cairo_t *cr = d->cr;
  double em = scene->em;

  for (guint status = 0; status < 4; status++) {
    gboolean any = FALSE;

    cairo_new_path(cr);
    for (guint k = 0; k < d->n_visible; k++) {
      guint i = d->visible[k];

      if ((guint)scene->nodes[i].status != status)
        continue;
      shape_path(scene, cr, scene->nodes[i].shape, &scene->layout->nodes[i]);
      any = TRUE;
    }
    if (!any)
      continue;
    set_rgba(cr, d->p.fill[status], 1.0);
    cairo_fill_preserve(cr);
    for (guint k = 0; k < d->n_visible; k++) {
      guint i = d->visible[k];

      if ((guint)scene->nodes[i].status == status)
        shape_details(scene, cr, scene->nodes[i].shape, &scene->layout->nodes[i]);
    }
    set_rgba(cr, d->p.line[status], 1.0);
    cairo_set_line_width(cr, em * 0.09);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    if (status == KJ_ROADMAP_STATUS_SKIPPED) {
      double dash[] = { em * 0.35, em * 0.25 };

      cairo_set_dash(cr, dash, 2, 0.0);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0.0);
  }
  draw_texts(d);
  draw_decorations(d);

  for (guint k = 0; k < d->n_visible; k++) {
    guint i = d->visible[k];

    if ((int)i == d->state->hovered && (int)i != d->state->selected)
      draw_highlighted(d, i);
  }
  for (guint k = 0; k < d->n_visible; k++)
    if ((int)d->visible[k] == d->state->selected)
      draw_highlighted(d, d->visible[k]);
}

/* ---- edges ---- */

static void
arrow_head(cairo_t *cr, KjLayoutPoint tip, double ux, double uy, double length, double half)
{
  double bx = tip.x - ux * length, by = tip.y - uy * length;

  cairo_move_to(cr, tip.x, tip.y);
  cairo_line_to(cr, bx - uy * half, by + ux * half);
  cairo_line_to(cr, tip.x - ux * length * 0.75, tip.y - uy * length * 0.75);
  cairo_line_to(cr, bx + uy * half, by - ux * half);
  cairo_close_path(cr);
}

/* The unit direction in which a piece arrives at its end. */
static void
end_direction(const KjLayoutPoint *piece, double *ux, double *uy)
{
  double dx = piece[3].x - piece[2].x, dy = piece[3].y - piece[2].y;
  double length = hypot(dx, dy);

  if (length < 1e-6) {
    dx = piece[3].x - piece[0].x;
    dy = piece[3].y - piece[0].y;
    length = hypot(dx, dy);
  }
  if (length < 1e-6) {
    *ux = 0.0;
    *uy = 1.0;
    return;
  }
  *ux = dx / length;
  *uy = dy / length;
}

static gboolean
edge_is_lit(const KjSceneEdge *edge, const KjRoadmapSceneState *state)
{
  return state->selected >= 0 &&
         ((int)edge->from == state->selected || (int)edge->to == state->selected);
}

static double
head_length(const KjRoadmapScene *scene, const KjSceneEdge *edge)
{
  return scene->em * (edge->stroke == KJ_ROADMAP_STROKE_THICK ? 0.95 : 0.75);
}

/* Adds the edge's curve to the path, stopping inside its head if it has one. */
static void
edge_path(const KjRoadmapScene *scene, cairo_t *cr, guint e)
{
  const KjSceneEdge *edge = &scene->edges[e];
  g_autofree KjLayoutPoint *pieces = NULL;
  guint n = kj_roadmap_scene_edge_curve(scene, e, &pieces);

  if (n == 0)
    return;
  if (edge->kind == KJ_ROADMAP_EDGE_PREREQUISITE) {
    KjLayoutPoint *last = &pieces[4 * (n - 1)];
    double ux, uy, back = head_length(scene, edge) * 0.7;

    end_direction(last, &ux, &uy);
    last[3].x -= ux * back;
    last[3].y -= uy * back;
    last[2].x -= ux * back;
    last[2].y -= uy * back;
  }
  cairo_move_to(cr, pieces[0].x, pieces[0].y);
  for (guint i = 0; i < n; i++) {
    const KjLayoutPoint *q = &pieces[4 * i];

    /* Through a layer the line is straight: cheaper as a line. */
    if ((q[0].x == q[3].x || q[0].y == q[3].y) && !edge->loop)
      cairo_line_to(cr, q[3].x, q[3].y);
    else
      cairo_curve_to(cr, q[1].x, q[1].y, q[2].x, q[2].y, q[3].x, q[3].y);
  }
}

static void
edge_head(const KjRoadmapScene *scene, cairo_t *cr, guint e)
{
  const KjSceneEdge *edge = &scene->edges[e];
  const KjLayoutPath *path = &scene->layout->edges[e];
  g_autofree KjLayoutPoint *pieces = NULL;
  guint n = kj_roadmap_scene_edge_curve(scene, e, &pieces);
  double ux, uy, half = scene->em * (edge->stroke == KJ_ROADMAP_STROKE_THICK ? 0.45 : 0.36);

  if (n == 0)
    return;
  end_direction(&pieces[4 * (n - 1)], &ux, &uy);
  arrow_head(cr, path->points[path->n_points - 1], ux, uy, head_length(scene, edge), half);
}

static void
draw_label(Drawing *d, guint e)
{
  const KjSceneEdge *edge = &d->scene->edges[e];
  cairo_t *cr = d->cr;
  double em = d->scene->em, pad = em * 0.3;
  double w = edge->label_width + 2.0 * pad, h = edge->label_height + pad;
  double x = edge->label_centre.x - w / 2.0, y = edge->label_centre.y - h / 2.0;

  rounded_rect(cr, x, y, w, h, em * 0.35);
  set_rgba(cr, d->p.base, 0.94);
  cairo_fill_preserve(cr);
  set_rgba(cr, edge_is_lit(edge, d->state) ? d->p.accent : d->p.edge, 0.5);
  cairo_set_line_width(cr, em * 0.06);
  cairo_stroke(cr);
  if (d->greek) {
    cairo_rectangle(cr, x + pad, y + h * 0.4, w - 2.0 * pad, h * 0.2);
    set_rgba(cr, d->p.foreground, 0.4);
    cairo_fill(cr);
  } else {
    set_rgba(cr, d->p.foreground, 0.85);
    draw_text(cr, edge->label, edge->label_centre.x, y + pad / 2.0);
  }
}

/* Each edge stroked by itself: cairo rasterises a stroke over the rows it
 * spans, so one path of many long edges costs more than the edges apart. */
static void
draw_edges(Drawing *d, const guint *visible, guint n_visible)
{
  const KjRoadmapScene *scene = d->scene;
  cairo_t *cr = d->cr;
  double em = scene->em;

  cairo_save(cr);
  if (d->scale < 0.75)
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 0; k < n_visible; k++) {
    const KjSceneEdge *edge = &scene->edges[visible[k]];
    gboolean lit = edge_is_lit(edge, d->state);
    gboolean relates = edge->kind == KJ_ROADMAP_EDGE_RELATES_TO;

    double alpha = relates && !lit ? 0.8 : 1.0;
    /* Dashes too small to see cost much and show as a lighter line. */
    gboolean dashed = edge->stroke == KJ_ROADMAP_STROKE_DOTTED && em * d->scale > 6.0;

    if (edge->stroke == KJ_ROADMAP_STROKE_DOTTED && !dashed)
      alpha *= 0.5;
    cairo_new_path(cr);
    edge_path(scene, cr, visible[k]);
    set_rgba(cr, lit ? d->p.accent : d->p.edge, alpha);
    /* Most of a pixel at least, so edges still show when zoomed far out
     * (and cairo draws nothing of a line under half its tolerance). */
    cairo_set_line_width(
        cr, MAX(em * (edge->stroke == KJ_ROADMAP_STROKE_THICK ? 0.24 : 0.1), 0.8 / d->scale));
    if (dashed) {
      double dash[] = { em * 0.3, em * 0.3 };

      cairo_set_dash(cr, dash, 2, 0.0);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0.0);
  }
  cairo_restore(cr);

  /* Heads: prerequisites only, and always at the target's end. */
  for (gboolean lit = FALSE; lit <= TRUE; lit++) {
    gboolean any = FALSE;

    cairo_new_path(cr);
    for (guint k = 0; k < n_visible; k++) {
      const KjSceneEdge *edge = &scene->edges[visible[k]];

      if (edge->kind != KJ_ROADMAP_EDGE_PREREQUISITE || edge_is_lit(edge, d->state) != lit)
        continue;
      edge_head(scene, cr, visible[k]);
      any = TRUE;
    }
    if (any) {
      set_rgba(cr, lit ? d->p.accent : d->p.edge, 1.0);
      cairo_fill(cr);
    }
  }

  for (guint k = 0; k < n_visible; k++)
    if (scene->edges[visible[k]].label != NULL)
      draw_label(d, visible[k]);
}

/* ---- groups and the rubber line ---- */

static void
draw_group(const KjRoadmapScene *scene, cairo_t *cr, const Palette *p, const KjSceneGroup *group,
           gboolean greek)
{
  double em = scene->em, pad = em * 0.7;
  const KjLayoutRect *f = &group->frame;

  rounded_rect(cr, f->x, f->y, f->width, f->height, em * 0.8);
  set_rgba(cr, p->foreground, scene->style.dark ? 0.04 : 0.03);
  cairo_fill_preserve(cr);
  set_rgba(cr, p->foreground, 0.22);
  cairo_set_line_width(cr, em * 0.08);
  cairo_stroke(cr);
  if (greek)
    return;
  set_rgba(cr, p->foreground, 0.7);
  cairo_move_to(cr, f->x + pad, f->y + pad * 0.7);
  pango_cairo_show_layout(cr, group->title);
}

static void
draw_connect(const KjRoadmapScene *scene, cairo_t *cr, const Palette *p,
             const KjRoadmapSceneState *state)
{
  const KjLayoutRect *r = &scene->layout->nodes[state->connect_from];
  double em = scene->em, sx = r->x + r->width / 2.0, sy = r->y + r->height / 2.0;
  double dx = state->connect_x - sx, dy = state->connect_y - sy, length = hypot(dx, dy);
  double dash[] = { em * 0.4, em * 0.25 };

  cairo_new_path(cr);
  cairo_arc(cr, sx, sy, em * 0.3, 0.0, 2.0 * G_PI);
  set_rgba(cr, p->accent, 1.0);
  cairo_fill(cr);
  if (length < 1e-6)
    return;
  cairo_move_to(cr, sx, sy);
  cairo_line_to(cr, state->connect_x, state->connect_y);
  cairo_set_line_width(cr, em * 0.15);
  cairo_set_dash(cr, dash, 2, 0.0);
  cairo_stroke(cr);
  cairo_set_dash(cr, NULL, 0, 0.0);
  arrow_head(cr, (KjLayoutPoint){ state->connect_x, state->connect_y }, dx / length, dy / length,
             em * 0.8, em * 0.4);
  cairo_fill(cr);
}

void
kj_roadmap_scene_draw(const KjRoadmapScene *scene, cairo_t *cr, const KjRoadmapSceneState *state)
{
  KjRoadmapSceneState plain;
  const KjRoadmapLayout *layout;
  const KjLayoutRect *clip;
  Drawing d;
  g_autofree guint *nodes = NULL;
  g_autofree guint *edges = NULL;
  guint n_edges = 0;
  double reach, unit_x = 1.0, unit_y = 0.0;

  g_return_if_fail(scene != NULL);
  g_return_if_fail(cr != NULL);

  if (state == NULL) {
    kj_roadmap_scene_state_init(&plain);
    state = &plain;
  }
  layout = scene->layout;
  clip = state->clip;
  reach = scene->em; /* halos, badges and focus rings stick out this far */

  /* Text smaller than about 5 pixels cannot be read: draw where it is. */
  cairo_user_to_device_distance(cr, &unit_x, &unit_y);
  d = (Drawing){ .scene = scene, .cr = cr, .state = state };
  d.scale = MAX(hypot(unit_x, unit_y), 1e-6);
  d.greek = scene->em * d.scale < 5.0;
  palette_init(&d.p, &scene->style);
  nodes = g_new(guint, MAX(layout->n_nodes, 1));
  edges = g_new(guint, MAX(layout->n_edges, 1));
  for (guint i = 0; i < layout->n_nodes; i++) {
    const KjLayoutRect *r = &layout->nodes[i];
    KjLayoutRect halo = { r->x - reach, r->y - reach, r->width + 2.0 * reach,
                          r->height + 2.0 * reach };

    if (clip == NULL || kj_roadmap_rect_meets(&halo, clip))
      nodes[d.n_visible++] = i;
  }
  d.visible = nodes;
  for (guint e = 0; e < layout->n_edges; e++)
    if (clip == NULL || kj_roadmap_rect_meets(&scene->edges[e].bounds, clip))
      edges[n_edges++] = e;

  cairo_save(cr);
  if (scene->style.background.alpha > 0.0) {
    set_rgba(cr, from_chart(&scene->style.background), 1.0);
    cairo_paint(cr);
  }
  /* Zoomed out, curves are small: a coarser flattening looks the same. */
  if (d.scale < 0.75)
    cairo_set_tolerance(cr, 0.5);
  for (guint g = 0; g < scene->n_groups; g++)
    if (!scene->groups[g].empty &&
        (clip == NULL || kj_roadmap_rect_meets(&scene->groups[g].frame, clip)))
      draw_group(scene, cr, &d.p, &scene->groups[g], d.greek);
  draw_edges(&d, edges, n_edges);
  draw_nodes(&d);
  if (state->connect_from >= 0 && (guint)state->connect_from < layout->n_nodes)
    draw_connect(scene, cr, &d.p, state);
  cairo_restore(cr);
}
