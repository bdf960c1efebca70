#include "config.h"

#include "kj-shapes.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <math.h>

/* The order is the label order; the drawing switch below follows it. */
const KjClassName kj_shapes_classes[KJ_SHAPES_N_CLASSES] = {
  { "circle", "shape", NC_("shape", "Circle") },     { "square", "shape", NC_("shape", "Square") },
  { "triangle", "shape", NC_("shape", "Triangle") }, { "star", "shape", NC_("shape", "Star") },
  { "cross", "shape", NC_("shape", "Cross") },       { "ring", "shape", NC_("shape", "Ring") },
  { "heart", "shape", NC_("shape", "Heart") },       { "arrow", "shape", NC_("shape", "Arrow") },
};

enum { CIRCLE, SQUARE, TRIANGLE, STAR, CROSS, RING, HEART, ARROW };

/* splitmix64's finaliser: nearby (seed, stream, index) give unrelated seeds. */
static guint64
mix(guint64 z)
{
  z += G_GUINT64_CONSTANT(0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT(0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
polygon(cairo_t *cr, const double *xy, guint n)
{
  cairo_move_to(cr, xy[0], xy[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to(cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path(cr);
}

static void
regular(cairo_t *cr, guint corners, double inner)
{
  const guint n = inner > 0 ? 2 * corners : corners;
  double xy[20];

  for (guint i = 0; i < n; i++) {
    double angle = -G_PI / 2 + 2 * G_PI * i / n;
    double r = inner > 0 && i % 2 == 1 ? inner : 1.0;

    xy[2 * i] = r * cos(angle);
    xy[2 * i + 1] = r * sin(angle);
  }
  polygon(cr, xy, n);
}

/* Paths of radius about 1 around the origin, y pointing down. */
static void
shape_path(cairo_t *cr, guint shape)
{
  static const double cross[] = { -0.28, -1,   0.28, -1,   0.28, -0.28, 1,     -0.28,
                                  1,     0.28, 0.28, 0.28, 0.28, 1,     -0.28, 1,
                                  -0.28, 0.28, -1,   0.28, -1,   -0.28, -0.28, -0.28 };
  static const double arrow[] = { -1, -0.22, 0.15, -0.22, 0.15, -0.6, 1,
                                  0,  0.15,  0.6,  0.15,  0.22, -1,   0.22 };

  switch (shape) {
  case CIRCLE:
    cairo_arc(cr, 0, 0, 0.85, 0, 2 * G_PI);
    break;
  case SQUARE:
    cairo_rectangle(cr, -0.7, -0.7, 1.4, 1.4);
    break;
  case TRIANGLE:
    regular(cr, 3, 0);
    break;
  case STAR:
    regular(cr, 5, 0.45);
    break;
  case CROSS:
    polygon(cr, cross, G_N_ELEMENTS(cross) / 2);
    break;
  case RING:
    cairo_arc(cr, 0, 0, 0.9, 0, 2 * G_PI);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 0.5, 0, 2 * G_PI);
    break;
  case HEART:
    cairo_move_to(cr, 0, 0.85);
    cairo_curve_to(cr, -0.2, 0.65, -1.0, 0.2, -1.0, -0.3);
    cairo_curve_to(cr, -1.0, -0.75, -0.35, -0.95, 0, -0.5);
    cairo_curve_to(cr, 0.35, -0.95, 1.0, -0.75, 1.0, -0.3);
    cairo_curve_to(cr, 1.0, 0.2, 0.2, 0.65, 0, 0.85);
    cairo_close_path(cr);
    break;
  case ARROW:
    polygon(cr, arrow, G_N_ELEMENTS(arrow) / 2);
    break;
  default:
    g_assert_not_reached();
  }
}

static double
luminance(const double *rgb)
{
  return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
}

static void
random_colour(KjRng *rng, double *rgb)
{
  for (guint k = 0; k < 3; k++)
    rgb[k] = kj_rng_uniform(rng);
}

/* A background, plain or graded, then the shape in a colour that stands out
 * from it. */
static void
draw(cairo_t *cr, guint shape, KjRng *rng)
{
  const double size = KJ_SHAPES_SIZE;
  double bg[3], fg[3];
  double radius, cx, cy, angle;

  random_colour(rng, bg);
  if (kj_rng_next(rng) & 1) {
    cairo_pattern_t *gradient;
    double t = 2 * G_PI * kj_rng_uniform(rng);
    double c = cos(t) * size / 2, s = sin(t) * size / 2;

    gradient = cairo_pattern_create_linear(size / 2 - c, size / 2 - s, size / 2 + c, size / 2 + s);
    cairo_pattern_add_color_stop_rgb(gradient, 0, bg[0], bg[1], bg[2]);
    for (guint k = 0; k < 3; k++)
      bg[k] = CLAMP(bg[k] + 0.4 * kj_rng_uniform(rng) - 0.2, 0.0, 1.0);
    cairo_pattern_add_color_stop_rgb(gradient, 1, bg[0], bg[1], bg[2]);
    cairo_set_source(cr, gradient);
    cairo_pattern_destroy(gradient);
  } else {
    cairo_set_source_rgb(cr, bg[0], bg[1], bg[2]);
  }
  cairo_paint(cr);

  for (guint tries = 0;; tries++) {
    random_colour(rng, fg);
    if (fabs(luminance(fg) - luminance(bg)) > 0.3)
      break;
    if (tries == 8) {
      for (guint k = 0; k < 3; k++)
        fg[k] = luminance(bg) > 0.5 ? 0.3 * fg[k] : 0.7 + 0.3 * fg[k];
      break;
    }
  }

  radius = 7 + 7 * kj_rng_uniform(rng);
  cx = radius * 0.8 + (size - 1.6 * radius) * kj_rng_uniform(rng);
  cy = radius * 0.8 + (size - 1.6 * radius) * kj_rng_uniform(rng);
  angle = 2 * G_PI * kj_rng_uniform(rng);

  cairo_save(cr);
  cairo_translate(cr, cx, cy);
  cairo_rotate(cr, angle);
  cairo_scale(cr, radius, radius);
  shape_path(cr, shape);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, fg[0], fg[1], fg[2]);
  cairo_fill(cr);
}

static inline guint8
add_clamped(guint32 value, int noise)
{
  const int v = (int)(value & 0xff) + noise;

  return (guint8)CLAMP(v, 0, 255);
}

/* Copies xRGB to C×H×W bytes, adding triangular noise of a random strength:
 * the sum of two 5-bit numbers from one draw per channel, scaled by a
 * table. */
static void
copy_with_noise(cairo_surface_t *surface, KjRng *rng, guint8 *out)
{
  const int stride = cairo_image_surface_get_stride(surface);
  const guint8 *data = cairo_image_surface_get_data(surface);
  const gsize plane = KJ_SHAPES_SIZE * KJ_SHAPES_SIZE;
  const int amplitude = (int)kj_rng_below(rng, 33); /* up to ±31 of 255 */
  guint8 *r = out, *g = out + plane, *b = out + 2 * plane;
  int noise[63];

  for (int k = 0; k < 63; k++)
    noise[k] = (k - 31) * amplitude / 32;
  for (int y = 0; y < KJ_SHAPES_SIZE; y++) {
    const guint32 *row = (const guint32 *)(data + y * stride);

    for (int x = 0; x < KJ_SHAPES_SIZE; x++) {
      const guint32 pixel = row[x];
      const guint32 bits = kj_rng_next(rng);

      *r++ = add_clamped(pixel >> 16, noise[(bits & 31) + ((bits >> 5) & 31)]);
      *g++ = add_clamped(pixel >> 8, noise[((bits >> 10) & 31) + ((bits >> 15) & 31)]);
      *b++ = add_clamped(pixel, noise[((bits >> 20) & 31) + ((bits >> 25) & 31)]);
    }
  }
}

/* Images [from, to) of a dataset: each thread draws on its own surface. */
typedef struct {
  KjDataset *ds;
  guint64 base;
  guint from, to;
  GCancellable *cancellable;
} Range;

static gpointer
draw_range(gpointer data)
{
  Range *range = data;
  cairo_surface_t *surface =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, KJ_SHAPES_SIZE, KJ_SHAPES_SIZE);
  cairo_t *cr = cairo_create(surface);

  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = range->from; i < range->to; i++) {
    const guint label = i % KJ_SHAPES_N_CLASSES;
    KjRng rng;

    if (i % 256 == 0 && g_cancellable_is_cancelled(range->cancellable))
      break;
    kj_rng_init(&rng, mix(range->base + i));
    draw(cr, label, &rng);
    cairo_surface_flush(surface);
    copy_with_noise(surface, &rng, kj_dataset_get_pixels(range->ds, i));
    kj_dataset_set_label(range->ds, i, (guint16)label);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return NULL;
}

KjDataset *
kj_shapes_generate(guint n, guint64 seed, guint stream, GCancellable *cancellable, GError **error)
{
  const KjShape shape = { 3, KJ_SHAPES_SIZE, KJ_SHAPES_SIZE };
  g_autoptr(KjDataset) ds = kj_dataset_new(n, &shape, KJ_SHAPES_N_CLASSES);
  /* Every image has its own seed, so threads change nothing but the time. */
  const guint n_threads = CLAMP(MIN(g_get_num_processors(), n / 2048), 1, 8);
  GThread *threads[8];
  Range ranges[8];

  kj_class_names_apply(ds, kj_shapes_classes, KJ_SHAPES_N_CLASSES);
  for (guint t = 0; t < n_threads; t++) {
    ranges[t] = (Range){ ds, mix(seed ^ mix(stream)), (guint)((guint64)n * t / n_threads),
                         (guint)((guint64)n * (t + 1) / n_threads), cancellable };
    threads[t] = t == 0 ? NULL : g_thread_new("kj-shapes", draw_range, &ranges[t]);
  }
  draw_range(&ranges[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join(threads[t]);

  if (g_cancellable_set_error_if_cancelled(cancellable, error))
    return NULL;
  return g_steal_pointer(&ds);
}
