/* kj-chart-style.h — the colours and font a chart is drawn with, and its palette */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KJ_CHART_PALETTE_SIZE 7

typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} KjChartColor;

typedef struct {
  KjChartColor foreground; /* text and axes */
  KjChartColor background; /* alpha 0: transparent, nothing is painted */
  KjChartColor grid;
  gboolean dark;    /* picks the palette variant */
  const char *font; /* a Pango font description, borrowed; NULL: "Sans 10" */
} KjChartStyle;

void kj_chart_style_init(KjChartStyle *style, gboolean dark);
void kj_chart_style_get_palette_color(const KjChartStyle *style, guint index, KjChartColor *color);

G_END_DECLS
