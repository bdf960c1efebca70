#include "config.h"

#include "kj-confusion-chart.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kj-chart-export.h"
#include "kj-chart-text-private.h"
#include "kj-error.h"

#define SIN45 0.70710678118654752

struct _KjConfusionChart {
  guint n;
  guint *counts; /* n × n */
  guint *row_totals;
  guint total;
  char **names; /* n, never NULL */
  gboolean has_highlight;
  guint highlight_row;
  guint highlight_col;
  gboolean has_selection;
  guint selected_row;
  guint selected_col;
};

/* ---- the model ---- */

KjConfusionChart *
kj_confusion_chart_new(guint n_classes, const guint *counts, const char *const *class_names)
{
  KjConfusionChart *chart;

  g_return_val_if_fail(n_classes <= 4096, NULL);

  chart = g_new0(KjConfusionChart, 1);
  chart->n = n_classes;
  chart->counts = g_new0(guint, (gsize)n_classes * n_classes);
  chart->row_totals = g_new0(guint, n_classes);
  chart->names = g_new0(char *, n_classes + 1);
  if (counts != NULL)
    memcpy(chart->counts, counts, sizeof(guint) * n_classes * n_classes);
  for (guint i = 0; i < n_classes; i++) {
    const char *name = class_names != NULL ? class_names[i] : NULL;

    chart->names[i] = name != NULL && *name != '\0' ? g_strdup(name) : g_strdup_printf("%u", i);
    for (guint j = 0; j < n_classes; j++)
      chart->row_totals[i] += chart->counts[i * n_classes + j];
    chart->total += chart->row_totals[i];
  }
  return chart;
}

void
kj_confusion_chart_free(KjConfusionChart *chart)
{
  if (chart == NULL)
    return;
  g_free(chart->counts);
  g_free(chart->row_totals);
  g_strfreev(chart->names);
  g_free(chart);
}

guint
kj_confusion_chart_get_n_classes(const KjConfusionChart *chart)
{
  g_return_val_if_fail(chart != NULL, 0);
  return chart->n;
}

const char *
kj_confusion_chart_get_class_name(const KjConfusionChart *chart, guint label)
{
  g_return_val_if_fail(chart != NULL, "");
  g_return_val_if_fail(label < chart->n, "");
  return chart->names[label];
}

guint
kj_confusion_chart_get_count(const KjConfusionChart *chart, guint true_label, guint predicted_label)
{
  g_return_val_if_fail(chart != NULL, 0);
  g_return_val_if_fail(true_label < chart->n && predicted_label < chart->n, 0);
  return chart->counts[true_label * chart->n + predicted_label];
}

guint
kj_confusion_chart_get_row_total(const KjConfusionChart *chart, guint true_label)
{
  g_return_val_if_fail(chart != NULL, 0);
  g_return_val_if_fail(true_label < chart->n, 0);
  return chart->row_totals[true_label];
}

guint
kj_confusion_chart_get_total(const KjConfusionChart *chart)
{
  g_return_val_if_fail(chart != NULL, 0);
  return chart->total;
}

double
kj_confusion_chart_get_share(const KjConfusionChart *chart, guint true_label, guint predicted_label)
{
  guint total;

  g_return_val_if_fail(chart != NULL, 0.0);
  g_return_val_if_fail(true_label < chart->n && predicted_label < chart->n, 0.0);
  total = chart->row_totals[true_label];
  return total > 0 ? chart->counts[true_label * chart->n + predicted_label] / (double)total : 0.0;
}

gboolean
kj_confusion_chart_get_class_accuracy(const KjConfusionChart *chart, guint label, double *accuracy)
{
  g_return_val_if_fail(chart != NULL, FALSE);
  g_return_val_if_fail(label < chart->n, FALSE);
  if (accuracy != NULL)
    *accuracy = kj_confusion_chart_get_share(chart, label, label);
  return chart->row_totals[label] > 0;
}

double
kj_confusion_chart_get_accuracy(const KjConfusionChart *chart)
{
  guint correct = 0;

  g_return_val_if_fail(chart != NULL, 0.0);
  for (guint i = 0; i < chart->n; i++)
    correct += chart->counts[i * chart->n + i];
  return chart->total > 0 ? correct / (double)chart->total : 0.0;
}

void
kj_confusion_chart_set_highlight(KjConfusionChart *chart, guint true_label, guint predicted_label)
{
  g_return_if_fail(chart != NULL);
  chart->has_highlight = TRUE;
  chart->highlight_row = true_label;
  chart->highlight_col = predicted_label;
}

void
kj_confusion_chart_clear_highlight(KjConfusionChart *chart)
{
  g_return_if_fail(chart != NULL);
  chart->has_highlight = FALSE;
}

gboolean
kj_confusion_chart_get_highlight(const KjConfusionChart *chart, guint *true_label,
                                 guint *predicted_label)
{
  g_return_val_if_fail(chart != NULL, FALSE);
  if (true_label != NULL)
    *true_label = chart->highlight_row;
  if (predicted_label != NULL)
    *predicted_label = chart->highlight_col;
  return chart->has_highlight;
}

void
kj_confusion_chart_set_selection(KjConfusionChart *chart, guint true_label, guint predicted_label)
{
  g_return_if_fail(chart != NULL);
  chart->has_selection = TRUE;
  chart->selected_row = true_label;
  chart->selected_col = predicted_label;
}

void
kj_confusion_chart_clear_selection(KjConfusionChart *chart)
{
  g_return_if_fail(chart != NULL);
  chart->has_selection = FALSE;
}

gboolean
kj_confusion_chart_get_selection(const KjConfusionChart *chart, guint *true_label,
                                 guint *predicted_label)
{
  g_return_val_if_fail(chart != NULL, FALSE);
  if (true_label != NULL)
    *true_label = chart->selected_row;
  if (predicted_label != NULL)
    *predicted_label = chart->selected_col;
  return chart->has_selection;
}

/* ---- colours ---- */

typedef struct {
  double at;
  guint32 rgb;
} RampStop;

/* Adwaita's blues.  Light: from a faint tint (an empty cell still reads as a
 * cell on white) to blue 5; dark: from a grey a little lighter than the view
 * to blue 1, so that more is always further from the background. */
static const RampStop ramp_light[] = {
  { 0.0, 0xf0f5fc }, { 0.25, 0xb3d0f4 }, { 0.5, 0x62a0ea }, { 0.75, 0x3584e4 }, { 1.0, 0x1a5fb4 },
};
static const RampStop ramp_dark[] = {
  { 0.0, 0x2c3036 }, { 0.25, 0x1f4474 }, { 0.5, 0x1c64c4 }, { 0.75, 0x4a90e8 }, { 1.0, 0xa8cbf4 },
};

static double
channel(guint32 rgb, guint shift)
{
  return ((rgb >> shift) & 0xff) / 255.0;
}

void
kj_confusion_chart_get_ramp_color(const KjChartStyle *style, double share, KjChartColor *color)
{
  const RampStop *ramp;
  double t;
  guint i;

  g_return_if_fail(style != NULL);
  g_return_if_fail(color != NULL);

  ramp = style->dark ? ramp_dark : ramp_light;
  /* The square root spreads the small shares that mistakes have over more
   * of the ramp; the count in the cell stays exact. */
  t = sqrt(CLAMP(isfinite(share) ? share : 0.0, 0.0, 1.0));
  for (i = 1; i < G_N_ELEMENTS(ramp_light) - 1 && t > ramp[i].at; i++)
    ;
  t = (t - ramp[i - 1].at) / (ramp[i].at - ramp[i - 1].at);
  color->red = channel(ramp[i - 1].rgb, 16) * (1 - t) + channel(ramp[i].rgb, 16) * t;
  color->green = channel(ramp[i - 1].rgb, 8) * (1 - t) + channel(ramp[i].rgb, 8) * t;
  color->blue = channel(ramp[i - 1].rgb, 0) * (1 - t) + channel(ramp[i].rgb, 0) * t;
  color->alpha = 1.0;
}

static double
linear(double c)
{
  return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
luminance(const KjChartColor *color)
{
  return 0.2126 * linear(color->red) + 0.7152 * linear(color->green) + 0.0722 * linear(color->blue);
}

/* Black or white, whichever contrasts more with the cell (WCAG ratio). */
static gboolean
wants_dark_text(const KjChartColor *fill)
{
  double l = luminance(fill);

  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05);
}

static void
set_color(cairo_t *cr, const KjChartColor *color, double alpha)
{
  cairo_set_source_rgba(cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* ---- layout ---- */

typedef struct {
  KjChartText text;
  double pad;
  double gap;
  double name_height;  /* a line of class names (tick font) */
  double title_height; /* a line of axis titles (label font) */

  gboolean has_matrix; /* FALSE: too small, or no classes */
  double cell;         /* the side of a cell's slot, whole pixels */
  double spacing;      /* whole pixels between two painted cells */
  double mx, my;       /* the matrix's top left corner */
  gboolean show_titles;
  gboolean show_names;
  gboolean show_accuracy;
  gboolean rotate_columns;
  double row_name_width;     /* row names are ellipsized to this */
  double column_name_length; /* and column names to this */
  double band;               /* the height of the column names under the matrix */
  double accuracy_x;
  double accuracy_width;
} Layout;

static double
widest_name(Layout *layout, const KjConfusionChart *chart)
{
  double widest = 0.0;

  for (guint i = 0; i < chart->n; i++) {
    double width;

    kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, chart->names[i], &width, NULL);
    widest = MAX(widest, width);
  }
  return widest;
}

/* Tries the layouts from the fullest to the barest and keeps the first whose
 * cells are large enough for what it shows. */
static void
layout_init(Layout *layout, const KjConfusionChart *chart, int width, int height,
            const KjChartStyle *style)
{
  double em, name_width, value_width, header_width;
  guint n = chart->n;

  memset(layout, 0, sizeof *layout);
  kj_chart_text_init(&layout->text, style->font);
  em = layout->text.em;
  layout->pad = round(em * 0.6);
  layout->gap = round(em * 0.45);
  kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, "Ag", NULL, &layout->name_height);
  kj_chart_text_size(&layout->text, KJ_CHART_TEXT_LABEL, "Ag", NULL, &layout->title_height);
  if (n == 0 || width <= 0 || height <= 0)
    return;

  /* With room for the bold weight of a highlighted name. */
  name_width = ceil(widest_name(layout, chart) * 1.1);
  kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, "100.0%", &value_width, NULL);
  kj_chart_text_size(&layout->text, KJ_CHART_TEXT_TICK, _("Accuracy"), &header_width, NULL);
  layout->accuracy_width = ceil(MAX(value_width, MIN(header_width, em * 8)) + 2 * layout->gap);
  layout->row_name_width = MIN(name_width, MAX(em * 4, floor(width * 0.28)));

  for (guint attempt = 0; attempt < 4; attempt++) {
    double pad = layout->pad, gap = layout->gap, name_h = layout->name_height;
    double left, right, top, bottom, cell, min_cell, mx;
    gboolean titles = attempt == 0 || attempt == 2, names = attempt < 2, accuracy = attempt == 0;

    left = pad + (titles ? layout->title_height + gap : 0) +
           (names ? layout->row_name_width + gap : 0);
    right = pad + (accuracy ? gap * 1.5 + layout->accuracy_width : 0);
    top = pad;
    bottom = pad + (titles ? layout->title_height + gap : 0);
    min_cell = names ? ceil(name_h * 1.1) : (attempt == 2 ? 3 : 1);

    /* Column names across, if the widest fits in a cell. */
    layout->band = names ? gap + name_h : 0;
    layout->rotate_columns = FALSE;
    cell = floor(MIN(width - left - right, height - top - bottom - layout->band) / n);
    layout->column_name_length = cell - gap;
    mx = left + (width - left - right - n * cell) / 2;
    if (names && name_width + gap > cell) {
      double first_centre;

      /* Else at 45°, ending under their column, as long as the widest or
       * 30% of the height allows. */
      layout->rotate_columns = TRUE;
      layout->column_name_length = MIN(name_width, MAX(em * 4, height * 0.3 / SIN45));
      layout->band = gap + (layout->column_name_length + name_h) * SIN45;
      cell = floor(MIN(width - left - right, height - top - bottom - layout->band) / n);
      /* The first column's name must not run off the left edge. */
      first_centre = pad + (layout->column_name_length + name_h * 0.5) * SIN45;
      for (; cell >= min_cell; cell--) {
        mx = MAX(left + (width - left - right - n * cell) / 2, first_centre - cell / 2);
        if (mx + n * cell <= width - right)
          break;
      }
    }
    if (cell < min_cell)
      continue;

    layout->has_matrix = TRUE;
    layout->cell = cell;
    layout->show_titles = titles;
    layout->show_names = names;
    layout->show_accuracy = accuracy;
    layout->spacing = cell >= 24 ? 2.0 : (cell >= 8 ? 1.0 : 0.0);
    /* The whole block centred; whole pixels keep the cells' edges crisp. */
    layout->mx = round(mx);
    layout->my = round(top + (height - top - bottom - layout->band - n * cell) / 2);
    layout->accuracy_x = layout->mx + n * cell + gap * 1.5;
    return;
  }
}

static void
layout_clear(Layout *layout)
{
  kj_chart_text_clear(&layout->text);
}

static void
layout_cell_rect(const Layout *layout, guint row, guint col, cairo_rectangle_t *rect)
{
  double before = floor(layout->spacing / 2);

  /* Whole pixels, so edges stay crisp. */
  rect->x = layout->mx + col * layout->cell + before;
  rect->y = layout->my + row * layout->cell + before;
  rect->width = layout->cell - layout->spacing;
  rect->height = layout->cell - layout->spacing;
}

gboolean
kj_confusion_chart_cell_at(const KjConfusionChart *chart, int width, int height,
                           const KjChartStyle *style, double x, double y, guint *true_label,
                           guint *predicted_label)
{
  Layout layout;
  gboolean inside = FALSE;
  double col, row;

  g_return_val_if_fail(chart != NULL, FALSE);
  g_return_val_if_fail(style != NULL, FALSE);

  layout_init(&layout, chart, width, height, style);
  if (layout.has_matrix) {
    /* Slots, gaps included: the pointer never falls between two cells. */
    col = floor((x - layout.mx) / layout.cell);
    row = floor((y - layout.my) / layout.cell);
    inside = col >= 0 && row >= 0 && col < chart->n && row < chart->n;
  }
  if (inside && true_label != NULL)
    *true_label = (guint)row;
  if (inside && predicted_label != NULL)
    *predicted_label = (guint)col;
  layout_clear(&layout);
  return inside;
}

gboolean
kj_confusion_chart_get_cell_rect(const KjConfusionChart *chart, int width, int height,
                                 const KjChartStyle *style, guint true_label, guint predicted_label,
                                 cairo_rectangle_t *rect)
{
  Layout layout;
  gboolean drawn;

  g_return_val_if_fail(chart != NULL, FALSE);
  g_return_val_if_fail(style != NULL, FALSE);
  g_return_val_if_fail(rect != NULL, FALSE);

  layout_init(&layout, chart, width, height, style);
  drawn = layout.has_matrix && true_label < chart->n && predicted_label < chart->n;
  if (drawn)
    layout_cell_rect(&layout, true_label, predicted_label, rect);
  layout_clear(&layout);
  return drawn;
}

/* ---- drawing ---- */

/* One line of text with its (xalign, yalign) point at (x, y) after turning
 * by angle around that point; ellipsized to max_width when > 0. */
static void
show_text(cairo_t *cr, Layout *layout, KjChartTextRole role, const char *string, gboolean bold,
          double x, double y, double angle, double xalign, double yalign, double max_width)
{
  PangoLayout *text = kj_chart_text_layout(&layout->text, role, string);
  PangoRectangle logical;

  if (bold) {
    PangoAttrList *attrs = pango_attr_list_new();

    pango_attr_list_insert(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD));
    pango_layout_set_attributes(text, attrs);
    pango_attr_list_unref(attrs);
  }
  if (max_width > 0.0) {
    pango_layout_set_width(text, (int)(max_width * PANGO_SCALE));
    pango_layout_set_ellipsize(text, PANGO_ELLIPSIZE_END);
  }
  pango_layout_get_extents(text, NULL, &logical);
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_rotate(cr, angle);
  cairo_move_to(cr, -logical.width / (double)PANGO_SCALE * xalign - logical.x / (double)PANGO_SCALE,
                -logical.height / (double)PANGO_SCALE * yalign - logical.y / (double)PANGO_SCALE);
  pango_cairo_show_layout(cr, text);
  cairo_new_path(cr);
  cairo_restore(cr);
  g_object_unref(text);
}

static void
rounded_rect(cairo_t *cr, const cairo_rectangle_t *rect, double radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  radius = MIN(radius, MIN(w, h) / 2);
  if (radius <= 0.0) {
    cairo_rectangle(cr, x, y, w, h);
    return;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc(cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc(cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc(cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path(cr);
}

static double
cell_radius(const Layout *layout)
{
  return layout->cell >= 16 ? 3.0 : 0.0;
}

/* The font counts are written in: the label font if the largest count fits
 * a cell, else the tick font, else none (-1). */
static int
count_role(Layout *layout, const KjConfusionChart *chart)
{
  guint largest = 0;
  char text[16];
  double room = layout->cell - layout->spacing - 2;

  for (gsize i = 0; i < (gsize)chart->n * chart->n; i++)
    largest = MAX(largest, chart->counts[i]);
  g_snprintf(text, sizeof text, "%u", largest);
  for (int role = KJ_CHART_TEXT_LABEL; role <= KJ_CHART_TEXT_TICK; role++) {
    double width, height;

    kj_chart_text_size(&layout->text, role, text, &width, &height);
    /* Diagonal counts are bold, a little wider. */
    if (width * 1.1 <= room && height * 0.8 <= room)
      return role;
  }
  return -1;
}

static void
draw_cells(cairo_t *cr, Layout *layout, const KjConfusionChart *chart, const KjChartStyle *style)
{
  int role = count_role(layout, chart);
  double radius = cell_radius(layout);

  for (guint i = 0; i < chart->n; i++)
    for (guint j = 0; j < chart->n; j++) {
      guint count = chart->counts[i * chart->n + j];
      KjChartColor fill;
      cairo_rectangle_t rect;
      char text[16];
      double text_alpha;

      kj_confusion_chart_get_ramp_color(style, kj_confusion_chart_get_share(chart, i, j), &fill);
      layout_cell_rect(layout, i, j, &rect);
      set_color(cr, &fill, 1.0);
      rounded_rect(cr, &rect, radius);
      cairo_fill(cr);
      if (role < 0)
        continue;

      g_snprintf(text, sizeof text, "%u", count);
      /* Zeros recede, so the mistakes that happened stand out. */
      text_alpha = count == 0 ? 0.35 : 0.9;
      if (wants_dark_text(&fill))
        cairo_set_source_rgba(cr, 0.0, 0.0, 0.0, text_alpha);
      else
        cairo_set_source_rgba(cr, 1.0, 1.0, 1.0, count == 0 ? 0.45 : 1.0);
      show_text(cr, layout, role, text, i == j && count > 0, rect.x + rect.width / 2,
                rect.y + rect.height / 2, 0.0, 0.5, 0.5, 0.0);
    }
}

static void
draw_rings(cairo_t *cr, Layout *layout, const KjConfusionChart *chart, const KjChartStyle *style)
{
  double radius = cell_radius(layout);
  cairo_rectangle_t rect;

  if (chart->has_selection && chart->selected_row < chart->n && chart->selected_col < chart->n) {
    KjChartColor orange;

    kj_chart_style_get_palette_color(style, 2, &orange);
    layout_cell_rect(layout, chart->selected_row, chart->selected_col, &rect);
    rect.x -= 0.5, rect.y -= 0.5, rect.width += 1, rect.height += 1;
    set_color(cr, &orange, 1.0);
    cairo_set_line_width(cr, MIN(3.0, MAX(layout->cell / 6, 1.0)));
    rounded_rect(cr, &rect, radius + 1);
    cairo_stroke(cr);
  }
  if (chart->has_highlight && chart->highlight_row < chart->n && chart->highlight_col < chart->n) {
    double line = MIN(2.0, MAX(layout->cell / 8, 1.0));

    layout_cell_rect(layout, chart->highlight_row, chart->highlight_col, &rect);
    rect.x += line / 2, rect.y += line / 2, rect.width -= line, rect.height -= line;
    cairo_set_source_rgb(cr, style->foreground.red, style->foreground.green,
                         style->foreground.blue);
    cairo_set_line_width(cr, line);
    rounded_rect(cr, &rect, MAX(radius - line / 2, 0.0));
    cairo_stroke(cr);
  }
}

static gboolean
row_is_lit(const KjConfusionChart *chart, guint row)
{
  return chart->has_highlight && chart->highlight_row == row;
}

static gboolean
col_is_lit(const KjConfusionChart *chart, guint col)
{
  return chart->has_highlight && chart->highlight_col == col;
}

static void
draw_names(cairo_t *cr, Layout *layout, const KjConfusionChart *chart, const KjChartStyle *style)
{
  double cell = layout->cell, gap = layout->gap;
  double bottom = layout->my + chart->n * cell;

  for (guint i = 0; i < chart->n; i++) {
    set_color(cr, &style->foreground, row_is_lit(chart, i) ? 1.0 : 0.75);
    show_text(cr, layout, KJ_CHART_TEXT_TICK, chart->names[i], row_is_lit(chart, i),
              layout->mx - gap, layout->my + (i + 0.5) * cell, 0.0, 1.0, 0.5,
              layout->row_name_width);
  }
  for (guint j = 0; j < chart->n; j++) {
    double x = layout->mx + (j + 0.5) * cell;

    set_color(cr, &style->foreground, col_is_lit(chart, j) ? 1.0 : 0.75);
    if (layout->rotate_columns)
      /* Ends under its column's centre, rising to the right. */
      show_text(cr, layout, KJ_CHART_TEXT_TICK, chart->names[j], col_is_lit(chart, j), x,
                bottom + gap + layout->name_height * SIN45 / 2, -G_PI / 4, 1.0, 0.5,
                layout->column_name_length);
    else
      show_text(cr, layout, KJ_CHART_TEXT_TICK, chart->names[j], col_is_lit(chart, j), x,
                bottom + gap, 0.0, 0.5, 0.0, layout->column_name_length);
  }
}

static void
draw_accuracy(cairo_t *cr, Layout *layout, const KjConfusionChart *chart, const KjChartStyle *style)
{
  double cell = layout->cell, width = layout->accuracy_width;
  double radius = cell_radius(layout);
  KjChartColor green;

  kj_chart_style_get_palette_color(style, 1, &green);
  for (guint i = 0; i < chart->n; i++) {
    cairo_rectangle_t rect;
    double accuracy;
    char text[G_ASCII_DTOSTR_BUF_SIZE + 4];

    layout_cell_rect(layout, i, 0, &rect);
    rect.x = layout->accuracy_x;
    rect.width = width;
    set_color(cr, &style->grid, 1.0);
    rounded_rect(cr, &rect, radius);
    cairo_fill(cr);
    if (!kj_confusion_chart_get_class_accuracy(chart, i, &accuracy)) {
      set_color(cr, &style->foreground, 0.5);
      show_text(cr, layout, KJ_CHART_TEXT_TICK, "—", FALSE, rect.x + width / 2,
                rect.y + rect.height / 2, 0.0, 0.5, 0.5, 0.0);
      continue;
    }
    if (accuracy > 0.0) {
      cairo_rectangle_t bar = rect;

      bar.width = MAX(rect.width * accuracy, 2 * radius);
      set_color(cr, &green, style->dark ? 0.45 : 0.35);
      rounded_rect(cr, &bar, radius);
      cairo_fill(cr);
    }
    g_ascii_formatd(text, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", accuracy * 100.0);
    g_strlcat(text, "%", sizeof text);
    set_color(cr, &style->foreground, 1.0);
    show_text(cr, layout, KJ_CHART_TEXT_TICK, text, FALSE, rect.x + width / 2,
              rect.y + rect.height / 2, 0.0, 0.5, 0.5, 0.0);
  }
  set_color(cr, &style->foreground, 0.75);
  show_text(cr, layout, KJ_CHART_TEXT_TICK, _("Accuracy"), FALSE, layout->accuracy_x + width / 2,
            layout->my + chart->n * cell + layout->gap, 0.0, 0.5, 0.0, width);
}

static void
draw_titles(cairo_t *cr, Layout *layout, const KjConfusionChart *chart, const KjChartStyle *style,
            int width, int height)
{
  double size = chart->n * layout->cell, gap = layout->gap;
  double x = layout->mx - gap - layout->row_name_width - gap - layout->title_height / 2;

  set_color(cr, &style->foreground, 1.0);
  /* Translators: the title of a confusion matrix's rows */
  show_text(cr, layout, KJ_CHART_TEXT_LABEL, _("True label"), FALSE,
            layout->show_names ? x : layout->mx - gap - layout->title_height / 2,
            layout->my + size / 2, -G_PI / 2, 0.5, 0.5, height - 2 * layout->pad);
  /* Translators: the title of a confusion matrix's columns */
  show_text(cr, layout, KJ_CHART_TEXT_LABEL, _("Predicted label"), FALSE, layout->mx + size / 2,
            layout->my + size + layout->band + gap, 0.0, 0.5, 0.0, width - 2 * layout->pad);
}

void
kj_confusion_chart_render(const KjConfusionChart *chart, cairo_t *cr, int width, int height,
                          const KjChartStyle *style)
{
  Layout layout;

  g_return_if_fail(chart != NULL);
  g_return_if_fail(cr != NULL);
  g_return_if_fail(style != NULL);

  if (width <= 0 || height <= 0)
    return;
  cairo_save(cr);
  cairo_new_path(cr);
  if (style->background.alpha > 0.0) {
    set_color(cr, &style->background, 1.0);
    cairo_rectangle(cr, 0, 0, width, height);
    cairo_fill(cr);
  }
  layout_init(&layout, chart, width, height, style);
  if (chart->n == 0) {
    set_color(cr, &style->foreground, 0.5);
    show_text(cr, &layout, KJ_CHART_TEXT_LABEL, _("No data"), FALSE, width / 2.0, height / 2.0, 0.0,
              0.5, 0.5, width);
  } else if (layout.has_matrix) {
    draw_cells(cr, &layout, chart, style);
    if (layout.show_names)
      draw_names(cr, &layout, chart, style);
    if (layout.show_accuracy)
      draw_accuracy(cr, &layout, chart, style);
    if (layout.show_titles)
      draw_titles(cr, &layout, chart, style, width, height);
    draw_rings(cr, &layout, chart, style);
  }
  layout_clear(&layout);
  cairo_restore(cr);
}

/* ---- description ---- */

static char *
format_percent(double fraction)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd(number, sizeof number, "%.1f", fraction * 100.0);
  return g_strdup(number);
}

char *
kj_confusion_chart_describe(const KjConfusionChart *chart)
{
  GString *text;
  g_autofree char *accuracy = NULL;
  guint worst = 0, worst_row = 0, worst_col = 0;

  g_return_val_if_fail(chart != NULL, NULL);

  if (chart->n == 0)
    return g_strdup(_("Confusion matrix: no data."));
  text = g_string_new(NULL);
  g_string_append_printf(
      text, ngettext("Confusion matrix of %u class.", "Confusion matrix of %u classes.", chart->n),
      chart->n);
  accuracy = format_percent(kj_confusion_chart_get_accuracy(chart));
  g_string_append_c(text, ' ');
  /* Translators: %s is a percentage, as in "87.5" */
  g_string_append_printf(text,
                         ngettext("%u image, %s%% predicted correctly.",
                                  "%u images, %s%% predicted correctly.", chart->total),
                         chart->total, accuracy);
  for (guint i = 0; i < chart->n; i++)
    for (guint j = 0; j < chart->n; j++)
      if (i != j && chart->counts[i * chart->n + j] > worst) {
        worst = chart->counts[i * chart->n + j];
        worst_row = i;
        worst_col = j;
      }
  if (worst > 0) {
    g_string_append_c(text, ' ');
    /* Translators: true class, predicted class, number of images */
    g_string_append_printf(text,
                           ngettext("Most frequent mistake: %s predicted as %s, %u image.",
                                    "Most frequent mistake: %s predicted as %s, %u images.", worst),
                           chart->names[worst_row], chart->names[worst_col], worst);
  }
  return g_string_free(text, FALSE);
}

/* ---- export ---- */

static void
render_confusion(cairo_t *cr, int width, int height, const KjChartStyle *style, gconstpointer chart)
{
  kj_confusion_chart_render(chart, cr, width, height, style);
}

gboolean
kj_confusion_chart_export_png(const KjConfusionChart *chart, GFile *file, int width, int height,
                              double scale, const KjChartStyle *style, GError **error)
{
  g_return_val_if_fail(chart != NULL, FALSE);
  return kj_chart_export_drawing_png(render_confusion, chart, file, width, height, scale, style,
                                     error);
}

gboolean
kj_confusion_chart_export_svg(const KjConfusionChart *chart, GFile *file, int width, int height,
                              const KjChartStyle *style, GError **error)
{
  g_return_val_if_fail(chart != NULL, FALSE);
  return kj_chart_export_drawing_svg(render_confusion, chart, file, width, height, style, error);
}
