/* kj-widget-style.h — a widget's own look for the cairo drawings it shows */
#pragma once

#include <gtk/gtk.h>

#include "kj-chart-style.h"

G_BEGIN_DECLS

/* The light or dark style of the app, with the widget's foreground colour
 * for text and axes, grid lines of that colour at grid_alpha, and no
 * background (the widget's CSS one shows through).  font_out NULL: no font
 * set (the drawing measures with the widget's Pango context); otherwise it
 * gets the widget's font as a string, which style->font borrows. */
void kj_widget_style_get_chart_style(GtkWidget *widget, double grid_alpha, KjChartStyle *style,
                                     char **font_out);

G_END_DECLS
