/* kj-roadmap-export.h — a roadmap saved as a picture: PNG, SVG or PDF
 *
 * The whole graph, drawn through KjRoadmapScene as the graph view draws it,
 * measured with the default cairo font map.  The file is written atomically
 * (a temporary file renamed over it), so a failure leaves any existing file
 * as it was. */
#pragma once

#include <gio/gio.h>

#include "kj-chart-style.h"
#include "kj-roadmap.h"

G_BEGIN_DECLS

typedef enum {
  KJ_ROADMAP_IMAGE_PNG,
  KJ_ROADMAP_IMAGE_SVG,
  KJ_ROADMAP_IMAGE_PDF,
} KjRoadmapImageFormat;

/* From the file name's extension (.png, .svg, .pdf, in any case); FALSE and
 * *format untouched for anything else. */
gboolean kj_roadmap_image_format_for_file(GFile *file, KjRoadmapImageFormat *format);

/* style NULL: light colours.  scale: PNG pixels per scene unit, where 1
 * gives the look of the graph view on a 96 dpi screen (ignored for SVG and
 * PDF, whose sizes are in points); a PNG is ceil(scene width × scale) × ceil(scene height × scale)
 * pixels, and one over 32767 pixels a side or 200 megapixels is refused.
 * Errors are KJ_ERROR_IO and name the file. */
gboolean kj_roadmap_export_image(KjRoadmap *roadmap, GFile *file, KjRoadmapImageFormat format,
                                 const KjChartStyle *style, double scale, GError **error);

G_END_DECLS
