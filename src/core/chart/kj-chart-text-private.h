/* kj-chart-text-private.h — the fonts of a chart and text measured with them
 *
 * Text is laid out in a Pango context of its own, with metric hinting off,
 * not in the cairo_t being drawn on: mapping a point to a pixel (with no
 * cairo_t) then gives the same geometry as drawing at any scale. */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum {
  KJ_CHART_TEXT_TITLE,
  KJ_CHART_TEXT_LABEL, /* axis labels, legend, marker, "No data" */
  KJ_CHART_TEXT_TICK,
  KJ_CHART_TEXT_N_ROLES,
} KjChartTextRole;

typedef struct {
  PangoContext *context;
  PangoFontDescription *fonts[KJ_CHART_TEXT_N_ROLES];
  double em; /* the base font size in pixels */
} KjChartText;

void kj_chart_text_init(KjChartText *text, const char *font);
void kj_chart_text_clear(KjChartText *text);
PangoLayout *kj_chart_text_layout(KjChartText *text, KjChartTextRole role, const char *string);
void kj_chart_text_size(KjChartText *text, KjChartTextRole role, const char *string, double *width,
                        double *height);

G_END_DECLS
