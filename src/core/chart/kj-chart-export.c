#include "config.h"

#include "kj-chart-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "kj-chart-render.h"
#include "kj-error.h"
#include "kj-file.h"

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append(closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
drawing_failed(cairo_status_t status, GFile *file, GError **error)
{
  g_autofree char *name = g_file_get_parse_name(file);

  /* Translators: the first %s is a file name, the second the reason */
  g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("Could not draw the picture for “%s”: %s"), name,
              cairo_status_to_string(status));
  return FALSE;
}

/* All or nothing (kj-file.h): a failure never leaves half a file. */
static gboolean
save_bytes(GFile *file, GByteArray *bytes, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (kj_file_replace_contents(file, (const char *)bytes->data, bytes->len, NULL, &local_error))
    return TRUE;
  name = g_file_get_parse_name(file);
  /* Translators: the first %s is a file name, the second the reason */
  g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("Could not save the picture to “%s”: %s"), name,
              local_error->message);
  return FALSE;
}

gboolean
kj_chart_export_png(KjChart *chart, GFile *file, int width, int height, const KjChartStyle *style,
                    GError **error)
{
  return kj_chart_export_png_scaled(chart, file, width, height, 1.0, style, error);
}

static void
render_chart(cairo_t *cr, int width, int height, const KjChartStyle *style, gconstpointer chart)
{
  kj_chart_render((KjChart *)chart, cr, width, height, style);
}

/* The chart laid out for width × height, in an image scale times as large:
 * a scale of 2 gives a sharp picture of what a widget of that size shows. */
gboolean
kj_chart_export_png_scaled(KjChart *chart, GFile *file, int width, int height, double scale,
                           const KjChartStyle *style, GError **error)
{
  g_return_val_if_fail(KJ_IS_CHART(chart), FALSE);
  return kj_chart_export_drawing_png(render_chart, chart, file, width, height, scale, style, error);
}

gboolean
kj_chart_export_svg(KjChart *chart, GFile *file, int width, int height, const KjChartStyle *style,
                    GError **error)
{
  g_return_val_if_fail(KJ_IS_CHART(chart), FALSE);
  return kj_chart_export_drawing_svg(render_chart, chart, file, width, height, style, error);
}

/* Checked before allocating: cairo cannot make a larger image, and one of
 * 200 megapixels already takes 800 MB. */
static gboolean
check_png_size(GFile *file, double pixels_wide, double pixels_high, GError **error)
{
  g_autofree char *name = NULL;

  if (pixels_wide <= KJ_CHART_EXPORT_MAX_SIDE && pixels_high <= KJ_CHART_EXPORT_MAX_SIDE &&
      pixels_wide * pixels_high <= KJ_CHART_EXPORT_MAX_PIXELS)
    return TRUE;
  name = g_file_get_parse_name(file);
  g_set_error(error, KJ_ERROR, KJ_ERROR_IO,
              /* Translators: “%s” is a file name, then the width and height of
               * the image in pixels, the largest side, and the most megapixels */
              _("The image for “%s” would be %.0f × %.0f pixels, larger than %d pixels a side or "
                "%.0f megapixels; use a smaller scale"),
              name, pixels_wide, pixels_high, KJ_CHART_EXPORT_MAX_SIDE,
              KJ_CHART_EXPORT_MAX_PIXELS / 1e6);
  return FALSE;
}

gboolean
kj_chart_export_drawing_png(KjChartDrawFunc draw, gconstpointer data, GFile *file, double width,
                            double height, double scale, const KjChartStyle *style, GError **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double pixels_wide = ceil(width * scale);
  double pixels_high = ceil(height * scale);

  g_return_val_if_fail(draw != NULL, FALSE);
  g_return_val_if_fail(G_IS_FILE(file), FALSE);
  g_return_val_if_fail(width > 0 && height > 0, FALSE);
  g_return_val_if_fail(scale > 0.0 && scale <= 16.0, FALSE);
  g_return_val_if_fail(style != NULL, FALSE);
  g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

  if (!check_png_size(file, pixels_wide, pixels_high, error))
    return FALSE;
  surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)pixels_wide, (int)pixels_high);
  cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  draw(cr, (int)ceil(width), (int)ceil(height), style, data);
  status = cairo_status(cr);
  cairo_destroy(cr);

  bytes = g_byte_array_new();
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream(surface, append_bytes, bytes);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return drawing_failed(status, file, error);
  return save_bytes(file, bytes, error);
}

/* Draws on a vector surface that streams into bytes, then saves them. */
static gboolean
export_vector(cairo_surface_t *surface, GByteArray *bytes, KjChartDrawFunc draw, gconstpointer data,
              GFile *file, double width, double height, const KjChartStyle *style, GError **error)
{
  cairo_status_t status;
  cairo_t *cr;

  cr = cairo_create(surface);
  draw(cr, (int)ceil(width), (int)ceil(height), style, data);
  status = cairo_status(cr);
  cairo_destroy(cr);
  /* The document is written out when the surface is finished. */
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return drawing_failed(status, file, error);
  return save_bytes(file, bytes, error);
}

/* cairo_svg_surface_create_for_stream() and the PDF one. */
typedef cairo_surface_t *(*StreamSurfaceNew)(cairo_write_func_t write, void *closure, double width,
                                             double height);

static gboolean
export_vector_stream(StreamSurfaceNew surface_new, KjChartDrawFunc draw, gconstpointer data,
                     GFile *file, double width, double height, const KjChartStyle *style,
                     GError **error)
{
  g_autoptr(GByteArray) bytes = NULL;

  g_return_val_if_fail(draw != NULL, FALSE);
  g_return_val_if_fail(G_IS_FILE(file), FALSE);
  g_return_val_if_fail(width > 0 && height > 0, FALSE);
  g_return_val_if_fail(style != NULL, FALSE);
  g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

  bytes = g_byte_array_new();
  return export_vector(surface_new(append_bytes, bytes, width, height), bytes, draw, data, file,
                       width, height, style, error);
}

/* Sizes are in points; text stays text-shaped at any zoom. */
gboolean
kj_chart_export_drawing_svg(KjChartDrawFunc draw, gconstpointer data, GFile *file, double width,
                            double height, const KjChartStyle *style, GError **error)
{
  return export_vector_stream(cairo_svg_surface_create_for_stream, draw, data, file, width, height,
                              style, error);
}

/* One page of width × height points. */
gboolean
kj_chart_export_drawing_pdf(KjChartDrawFunc draw, gconstpointer data, GFile *file, double width,
                            double height, const KjChartStyle *style, GError **error)
{
  return export_vector_stream(cairo_pdf_surface_create_for_stream, draw, data, file, width, height,
                              style, error);
}
