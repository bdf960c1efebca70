/* Roadmaps saved as PNG, SVG and PDF pictures: the bytes, the sizes, and
 * files replaced whole or not at all. */
#include "kj-error.h"
#include "kj-roadmap-export.h"
#include "kj-roadmap-scene.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* ---- helpers ---- */

/* Chinese titles only where no PDF is made: cairo 1.16.0 leaks 768 bytes
 * when it subsets a CFF font (Noto Sans CJK) into a PDF, which the
 * sanitizer build would report as ours. */
static KjRoadmap *
make_roadmap(gboolean chinese)
{
  KjRoadmap *roadmap = kj_roadmap_new();
  const char *ids[] = { "python", "numpy", "cnn", "project" };
  const char *titles[] = { "Python", chinese ? "NumPy 数组" : "NumPy arrays",
                           chinese ? "卷积神经网络" : "Convolutional networks",
                           "Image classifier" };

  for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
    g_autoptr(KjRoadmapNode) node = kj_roadmap_node_new(ids[i]);
    g_autoptr(GError) error = NULL;

    kj_roadmap_node_set_title(node, titles[i]);
    g_assert_true(kj_roadmap_add_node(roadmap, node, &error));
    g_assert_no_error(error);
  }
  for (guint i = 0; i + 1 < G_N_ELEMENTS(ids); i++) {
    g_autoptr(GError) error = NULL;

    g_assert_nonnull(kj_roadmap_connect(roadmap, ids[i], ids[i + 1], KJ_ROADMAP_EDGE_PREREQUISITE,
                                        NULL, &error));
    g_assert_no_error(error);
  }
  return roadmap;
}

static char *
make_dir(void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp("kuajie-export-XXXXXX", &error);

  g_assert_no_error(error);
  return dir;
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted, joined by spaces: what an export left behind. */
static char *
list_dir(const char *path)
{
  g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
  const char *name;

  g_assert_nonnull(dir);
  while ((name = g_dir_read_name(dir)) != NULL)
    g_ptr_array_add(names, g_strdup(name));
  g_ptr_array_sort(names, compare_names);
  g_ptr_array_add(names, NULL);
  return g_strjoinv(" ", (char **)names->pdata);
}

static void
remove_dir(const char *path)
{
  g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
    g_autofree char *child = g_build_filename(path, name, NULL);
    g_assert_cmpint(g_remove(child), ==, 0);
  }
  g_assert_cmpint(g_rmdir(path), ==, 0);
}

static char *
read_file(const char *path, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents(path, &contents, length, &error);
  g_assert_no_error(error);
  return contents;
}

static void
export_ok(KjRoadmap *roadmap, const char *path, KjRoadmapImageFormat format,
          const KjChartStyle *style, double scale)
{
  g_autoptr(GFile) file = g_file_new_for_path(path);
  g_autoptr(GError) error = NULL;

  g_assert_true(kj_roadmap_export_image(roadmap, file, format, style, scale, &error));
  g_assert_no_error(error);
}

static gboolean
has_prefix(const char *data, gsize length, const char *prefix)
{
  return length >= strlen(prefix) && memcmp(data, prefix, strlen(prefix)) == 0;
}

/* ---- tests ---- */

static void
test_format_for_file(void)
{
  const struct {
    const char *name;
    gboolean known;
    KjRoadmapImageFormat format;
  } cases[] = {
    { "map.png", TRUE, KJ_ROADMAP_IMAGE_PNG },
    { "MAP.PNG", TRUE, KJ_ROADMAP_IMAGE_PNG },
    { "路线图.Svg", TRUE, KJ_ROADMAP_IMAGE_SVG },
    { "a.b.pdf", TRUE, KJ_ROADMAP_IMAGE_PDF },
    { "map.json", FALSE, 0 },
    { "map.png.txt", FALSE, 0 },
    { "png", FALSE, 0 },
    { "map.jpeg", FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(GFile) file = g_file_new_for_path(cases[i].name);
    KjRoadmapImageFormat format = (KjRoadmapImageFormat)42;

    g_test_message("%s", cases[i].name);
    g_assert_cmpint(kj_roadmap_image_format_for_file(file, &format), ==, cases[i].known);
    /* Left alone when the name is not a picture's. */
    g_assert_cmpint(format, ==, cases[i].known ? cases[i].format : 42);
  }
}

/* Each format writes its own kind of file; the PNG has the scene's size
 * times the scale, rounded up. */
static void
test_formats(void)
{
  g_autoptr(KjRoadmap) roadmap = make_roadmap(TRUE);
  g_autoptr(KjRoadmap) latin = make_roadmap(FALSE);
  g_autofree char *dir = make_dir();
  g_autofree char *png = g_build_filename(dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename(dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename(dir, "map.pdf", NULL);
  g_autofree char *listing = NULL;
  KjChartStyle style;
  g_autoptr(KjRoadmapScene) scene = NULL;
  const double scales[] = { 1.0, 1.5, 2.0, 0.3 };

  kj_chart_style_init(&style, FALSE);
  scene = kj_roadmap_scene_new(roadmap, &style, NULL);
  g_assert_cmpfloat(kj_roadmap_scene_get_width(scene), >, 100);
  g_assert_cmpfloat(kj_roadmap_scene_get_height(scene), >, 100);

  for (gsize i = 0; i < G_N_ELEMENTS(scales); i++) {
    g_autoptr(GdkPixbuf) pixbuf = NULL;
    g_autoptr(GError) error = NULL;

    export_ok(roadmap, png, KJ_ROADMAP_IMAGE_PNG, NULL, scales[i]);
    pixbuf = gdk_pixbuf_new_from_file(png, &error);
    g_assert_no_error(error);
    g_assert_cmpint(gdk_pixbuf_get_width(pixbuf), ==,
                    (int)ceil(kj_roadmap_scene_get_width(scene) * scales[i]));
    g_assert_cmpint(gdk_pixbuf_get_height(pixbuf), ==,
                    (int)ceil(kj_roadmap_scene_get_height(scene) * scales[i]));
  }

  export_ok(roadmap, svg, KJ_ROADMAP_IMAGE_SVG, NULL, 1.0);
  {
    gsize length;
    g_autofree char *text = read_file(svg, &length);

    g_assert_nonnull(strstr(text, "<svg"));
    g_assert_nonnull(strstr(text, "</svg>"));
  }
  export_ok(latin, pdf, KJ_ROADMAP_IMAGE_PDF, NULL, 1.0);
  {
    gsize length;
    g_autofree char *data = read_file(pdf, &length);

    g_assert_true(has_prefix(data, length, "%PDF-"));
    /* Finished: the trailer was written. */
    g_assert_cmpuint(length, >, 64);
    g_assert_nonnull(g_strstr_len(data + length - 16, 16, "%%EOF"));
  }

  /* Nothing else: no temporary files left over. */
  listing = list_dir(dir);
  g_assert_cmpstr(listing, ==, "map.pdf map.png map.svg");
  remove_dir(dir);
}

static guint32
corner_pixel(const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file(path, &error);
  const guint8 *p;

  g_assert_no_error(error);
  p = gdk_pixbuf_read_pixels(pixbuf);
  return (guint32)p[0] << 16 | (guint32)p[1] << 8 | p[2];
}

/* NULL is the light style; a dark style paints a dark background. */
static void
test_styles(void)
{
  g_autoptr(KjRoadmap) roadmap = make_roadmap(TRUE);
  g_autofree char *dir = make_dir();
  g_autofree char *light = g_build_filename(dir, "light.png", NULL);
  g_autofree char *dark = g_build_filename(dir, "dark.png", NULL);
  KjChartStyle style;

  kj_chart_style_init(&style, TRUE);
  export_ok(roadmap, light, KJ_ROADMAP_IMAGE_PNG, NULL, 1.0);
  export_ok(roadmap, dark, KJ_ROADMAP_IMAGE_PNG, &style, 1.0);
  g_assert_cmphex(corner_pixel(light), ==, 0xffffff);
  g_assert_cmphex(corner_pixel(dark), ==, 0x1e1e1e);
  remove_dir(dir);
}

/* Into a folder that does not exist: an error naming the file, and nothing
 * created, for every format. */
static void
test_failed_export(void)
{
  g_autoptr(KjRoadmap) roadmap = make_roadmap(FALSE);
  g_autofree char *dir = make_dir();
  g_autofree char *missing = g_build_filename(dir, "missing", NULL);
  const char *names[] = { "map.png", "map.svg", "map.pdf" };
  const KjRoadmapImageFormat formats[] = { KJ_ROADMAP_IMAGE_PNG, KJ_ROADMAP_IMAGE_SVG,
                                           KJ_ROADMAP_IMAGE_PDF };

  for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
    g_autofree char *path = g_build_filename(missing, names[i], NULL);
    g_autoptr(GFile) file = g_file_new_for_path(path);
    g_autoptr(GError) error = NULL;
    g_autofree char *listing = NULL;

    g_assert_false(kj_roadmap_export_image(roadmap, file, formats[i], NULL, 2.0, &error));
    g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
    g_assert_nonnull(strstr(error->message, path));
    g_assert_false(g_file_test(missing, G_FILE_TEST_EXISTS));
    listing = list_dir(dir);
    g_assert_cmpstr(listing, ==, "");
  }
  remove_dir(dir);
}

/* A longer file in the way is replaced whole, not overwritten in part. */
static void
test_replaces_whole_file(void)
{
  g_autoptr(KjRoadmap) roadmap = make_roadmap(TRUE);
  g_autofree char *dir = make_dir();
  g_autofree char *svg = g_build_filename(dir, "map.svg", NULL);
  g_autofree char *png = g_build_filename(dir, "map.png", NULL);
  g_autofree char *old = g_strnfill(4 << 20, 'x');
  g_autofree char *listing = NULL;

  g_assert_true(g_file_set_contents(svg, old, -1, NULL));
  g_assert_true(g_file_set_contents(png, old, -1, NULL));
  export_ok(roadmap, svg, KJ_ROADMAP_IMAGE_SVG, NULL, 1.0);
  export_ok(roadmap, png, KJ_ROADMAP_IMAGE_PNG, NULL, 1.0);
  {
    gsize length;
    g_autofree char *text = read_file(svg, &length);

    g_assert_cmpuint(length, <, 1 << 20);
    g_assert_null(strstr(text, "xxxx"));
    g_assert_true(g_str_has_suffix(g_strchomp(text), "</svg>"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file(png, &error);
    gsize length;
    g_autofree char *data = read_file(png, &length);

    g_assert_no_error(error);
    g_assert_cmpuint(length, <, 1 << 20);
    g_assert_true(has_prefix(data, length, "\x89PNG"));
  }
  listing = list_dir(dir);
  g_assert_cmpstr(listing, ==, "map.png map.svg");
  remove_dir(dir);
}

/* A PNG wider than cairo can make is refused before any pixel is
 * allocated, with a translated error, and the old file stays. */
static void
test_too_large_png(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autofree char *dir = make_dir();
  g_autofree char *png = g_build_filename(dir, "huge.png", NULL);
  g_autofree char *svg = g_build_filename(dir, "huge.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path(png);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  KjChartStyle style;
  g_autoptr(KjRoadmapScene) scene = NULL;
  KjRoadmapNode *previous = NULL;

  /* A chain of 80 topics, one below the other: a tall picture. */
  for (guint i = 0; i < 80; i++) {
    g_autofree char *title = g_strdup_printf("Topic number %u", i);
    KjRoadmapNode *node = kj_roadmap_create_node(roadmap, title, KJ_ROADMAP_NODE_KIND_CONCEPT);

    if (i > 0)
      g_assert_nonnull(kj_roadmap_connect(roadmap, kj_roadmap_node_get_id(previous),
                                          kj_roadmap_node_get_id(node),
                                          KJ_ROADMAP_EDGE_PREREQUISITE, NULL, NULL));
    previous = node;
  }
  kj_chart_style_init(&style, FALSE);
  scene = kj_roadmap_scene_new(roadmap, &style, NULL);
  g_assert_cmpfloat(kj_roadmap_scene_get_height(scene) * 16.0, >, 32767.0);

  g_assert_true(g_file_set_contents(png, "old", -1, NULL));
  g_assert_false(kj_roadmap_export_image(roadmap, file, KJ_ROADMAP_IMAGE_PNG, NULL, 16.0, &error));
  g_assert_error(error, KJ_ERROR, KJ_ERROR_IO);
  g_test_message("%s", error->message);
  g_assert_nonnull(strstr(error->message, png));
  g_assert_nonnull(strstr(error->message, "smaller scale"));
  g_assert_true(g_file_get_contents(png, &contents, NULL, NULL));
  g_assert_cmpstr(contents, ==, "old");

  /* Vector pictures have no such limit. */
  export_ok(roadmap, svg, KJ_ROADMAP_IMAGE_SVG, NULL, 16.0);
  remove_dir(dir);
}

/* An empty roadmap still makes a picture. */
static void
test_empty_roadmap(void)
{
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autofree char *dir = make_dir();
  g_autofree char *png = g_build_filename(dir, "empty.png", NULL);
  g_autofree char *pdf = g_build_filename(dir, "empty.pdf", NULL);
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  export_ok(roadmap, png, KJ_ROADMAP_IMAGE_PNG, NULL, 1.0);
  export_ok(roadmap, pdf, KJ_ROADMAP_IMAGE_PDF, NULL, 1.0);
  pixbuf = gdk_pixbuf_new_from_file(png, NULL);
  g_assert_nonnull(pixbuf);
  g_assert_cmpint(gdk_pixbuf_get_width(pixbuf), >=, 1);
  remove_dir(dir);
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/roadmap-export/format-for-file", test_format_for_file);
  g_test_add_func("/kj/roadmap-export/formats", test_formats);
  g_test_add_func("/kj/roadmap-export/styles", test_styles);
  g_test_add_func("/kj/roadmap-export/failed", test_failed_export);
  g_test_add_func("/kj/roadmap-export/replaces-whole-file", test_replaces_whole_file);
  g_test_add_func("/kj/roadmap-export/too-large-png", test_too_large_png);
  g_test_add_func("/kj/roadmap-export/empty", test_empty_roadmap);
  return g_test_run();
}
