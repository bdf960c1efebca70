#include "config.h"

#include "kj-widget-style.h"

#include <adwaita.h>

void
kj_widget_style_get_chart_style(GtkWidget *widget, double grid_alpha, KjChartStyle *style,
                                char **font_out)
{
  GdkRGBA fg;

  kj_chart_style_init(style, adw_style_manager_get_dark(adw_style_manager_get_default()));
  gtk_style_context_get_color(gtk_widget_get_style_context(widget), &fg);
  style->foreground = (KjChartColor){ fg.red, fg.green, fg.blue, fg.alpha };
  style->grid = (KjChartColor){ fg.red, fg.green, fg.blue, fg.alpha * grid_alpha };
  style->background.alpha = 0.0;
  style->font = NULL;
  if (font_out != NULL) {
    PangoContext *context = gtk_widget_get_pango_context(widget);

    *font_out = pango_font_description_to_string(pango_context_get_font_description(context));
    style->font = *font_out;
  }
}
