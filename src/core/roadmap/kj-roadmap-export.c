#include "config.h"

#include "kj-roadmap-export.h"

#include "kj-chart-export.h"
#include "kj-roadmap-scene.h"

gboolean
kj_roadmap_image_format_for_file(GFile *file, KjRoadmapImageFormat *format)
{
  static const struct {
    const char *extension;
    KjRoadmapImageFormat format;
  } formats[] = {
    { ".png", KJ_ROADMAP_IMAGE_PNG },
    { ".svg", KJ_ROADMAP_IMAGE_SVG },
    { ".pdf", KJ_ROADMAP_IMAGE_PDF },
  };
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail(G_IS_FILE(file), FALSE);
  g_return_val_if_fail(format != NULL, FALSE);

  name = g_file_get_basename(file);
  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown(name, -1);
  for (gsize i = 0; i < G_N_ELEMENTS(formats); i++)
    if (g_str_has_suffix(lower, formats[i].extension)) {
      *format = formats[i].format;
      return TRUE;
    }
  return FALSE;
}

/* The whole scene, whatever size the export function asks for: the page or
 * image was made the scene's size. */
static void
draw_scene(cairo_t *cr, int width, int height, const KjChartStyle *style, gconstpointer scene)
{
  kj_roadmap_scene_draw(scene, cr, NULL);
}

gboolean
kj_roadmap_export_image(KjRoadmap *roadmap, GFile *file, KjRoadmapImageFormat format,
                        const KjChartStyle *style, double scale, GError **error)
{
  g_autoptr(KjRoadmapScene) scene = NULL;
  KjChartStyle light;
  double width, height;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), FALSE);
  g_return_val_if_fail(G_IS_FILE(file), FALSE);
  g_return_val_if_fail(format != KJ_ROADMAP_IMAGE_PNG || (scale > 0.0 && scale <= 16.0), FALSE);
  g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

  if (style == NULL) {
    kj_chart_style_init(&light, FALSE);
    style = &light;
  }
  scene = kj_roadmap_scene_new(roadmap, style, NULL);
  /* At least a unit: an empty roadmap still makes a (blank) picture. */
  width = MAX(kj_roadmap_scene_get_width(scene), 1.0);
  height = MAX(kj_roadmap_scene_get_height(scene), 1.0);

  switch (format) {
  case KJ_ROADMAP_IMAGE_PNG:
    return kj_chart_export_drawing_png(draw_scene, scene, file, width, height, scale, style, error);
  case KJ_ROADMAP_IMAGE_SVG:
    return kj_chart_export_drawing_svg(draw_scene, scene, file, width, height, style, error);
  case KJ_ROADMAP_IMAGE_PDF:
    return kj_chart_export_drawing_pdf(draw_scene, scene, file, width, height, style, error);
  default:
    g_return_val_if_reached(FALSE);
  }
}
