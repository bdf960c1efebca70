#include "kj-chart-text-private.h"

#define RESOLUTION 96.0

void
kj_chart_text_init(KjChartText *text, const char *font)
{
  PangoFontDescription *base;
  cairo_font_options_t *options;
  double size;

  text->context = pango_font_map_create_context(pango_cairo_font_map_get_default());
  pango_cairo_context_set_resolution(text->context, RESOLUTION);
  options = cairo_font_options_create();
  /* Unhinted, so glyphs sit where the unhinted metrics put them: hinted
   * outlines at unhinted positions look unevenly spaced. */
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(text->context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(text->context, FALSE);

  base = pango_font_description_from_string(font != NULL && *font != '\0' ? font : "Sans 10");
  size = pango_font_description_get_size(base) / (double)PANGO_SCALE;
  if (size <= 0.0) {
    size = 10.0;
    pango_font_description_set_size(base, 10 * PANGO_SCALE);
  }
  /* Absolute sizes are pixels already; others are points. */
  text->em = pango_font_description_get_size_is_absolute(base) ? size : size * RESOLUTION / 72.0;
  text->em = CLAMP(text->em, 4.0, 200.0);

  text->fonts[KJ_CHART_TEXT_LABEL] = pango_font_description_copy(base);
  text->fonts[KJ_CHART_TEXT_TITLE] = pango_font_description_copy(base);
  pango_font_description_set_weight(text->fonts[KJ_CHART_TEXT_TITLE], PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size(text->fonts[KJ_CHART_TEXT_TITLE],
                                           text->em * 1.15 * PANGO_SCALE);
  text->fonts[KJ_CHART_TEXT_TICK] = pango_font_description_copy(base);
  pango_font_description_set_absolute_size(text->fonts[KJ_CHART_TEXT_TICK],
                                           text->em * 0.85 * PANGO_SCALE);
  pango_font_description_set_absolute_size(text->fonts[KJ_CHART_TEXT_LABEL],
                                           text->em * PANGO_SCALE);
  pango_font_description_free(base);
}

void
kj_chart_text_clear(KjChartText *text)
{
  g_clear_object(&text->context);
  for (guint i = 0; i < KJ_CHART_TEXT_N_ROLES; i++)
    g_clear_pointer(&text->fonts[i], pango_font_description_free);
}

/* A new layout of one line of text in the font of role. */
PangoLayout *
kj_chart_text_layout(KjChartText *text, KjChartTextRole role, const char *string)
{
  PangoLayout *layout = pango_layout_new(text->context);

  pango_layout_set_font_description(layout, text->fonts[role]);
  pango_layout_set_single_paragraph_mode(layout, TRUE);
  pango_layout_set_text(layout, string != NULL ? string : "", -1);
  return layout;
}

void
kj_chart_text_size(KjChartText *text, KjChartTextRole role, const char *string, double *width,
                   double *height)
{
  PangoLayout *layout = kj_chart_text_layout(text, role, string);
  PangoRectangle logical;

  pango_layout_get_extents(layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double)PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double)PANGO_SCALE;
  g_object_unref(layout);
}
