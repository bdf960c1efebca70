#include "kj-chart-style.h"

/* The GNOME (Adwaita) palette: blue 3, green 4, orange 4, purple 3, red 3,
 * yellow 5, brown 3 in light mode and the lighter 2s in dark mode. */
static const guint32 palette_light[KJ_CHART_PALETTE_SIZE] = {
  0x1c71d8, 0x2ec27e, 0xe66100, 0x813d9c, 0xc01c28, 0xe5a50a, 0x865e3c,
};
static const guint32 palette_dark[KJ_CHART_PALETTE_SIZE] = {
  0x62a0ea, 0x57e389, 0xffa348, 0xc061cb, 0xf66151, 0xf8e45c, 0xcdab8f,
};

static void
set_rgb(KjChartColor *color, guint32 rgb, double alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

/* Adwaita's view colours, with an opaque background, as exports need. */
void
kj_chart_style_init(KjChartStyle *style, gboolean dark)
{
  g_return_if_fail(style != NULL);

  style->dark = !!dark;
  set_rgb(&style->foreground, dark ? 0xffffff : 0x000000, dark ? 1.0 : 0.8);
  set_rgb(&style->background, dark ? 0x1e1e1e : 0xffffff, 1.0);
  set_rgb(&style->grid, dark ? 0xffffff : 0x000000, dark ? 0.12 : 0.09);
  style->font = NULL;
}

/* Colour indices wrap around, so any guint is a colour. */
void
kj_chart_style_get_palette_color(const KjChartStyle *style, guint index, KjChartColor *color)
{
  const guint32 *palette;

  g_return_if_fail(style != NULL);
  g_return_if_fail(color != NULL);

  palette = style->dark ? palette_dark : palette_light;
  set_rgb(color, palette[index % KJ_CHART_PALETTE_SIZE], 1.0);
}
