/* kuajie-cli roadmap — roadmap files converted, exported as pictures, measured */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "kj-cli.h"
#include "kj-mermaid.h"
#include "kj-number.h"
#include "kj-roadmap-default.h"
#include "kj-roadmap-export.h"
#include "kj-roadmap-file.h"
#include "kj-roadmap-progress.h"

#define DEFAULT_SCALE 2.0
#define MAX_SCALE     16.0

/* ---- files ---- */

/* Where a roadmap can be written: a roadmap file, or a picture of it. */
typedef struct {
  gboolean is_image;
  KjRoadmapFormat format;
  KjRoadmapImageFormat image_format;
} OutputFormat;

static gboolean
output_format_for_file(const char *command, GFile *file, const char *path, OutputFormat *output)
{
  output->is_image = FALSE;
  if (kj_roadmap_format_for_file(file, &output->format))
    return TRUE;
  if (kj_roadmap_image_format_for_file(file, &output->image_format)) {
    output->is_image = TRUE;
    return TRUE;
  }
  /* Translators: %s is a file name */
  kj_cli_error(command,
               _("Cannot tell what to write to “%s”: name it .json, .mmd, .mermaid, "
                 ".png, .svg or .pdf"),
               path);
  return FALSE;
}

/* The options every subcommand that writes pictures shares. */
typedef struct {
  gboolean dark;
  char *scale_text;
  double scale;
} ImageOptions;

static void
image_options_clear(ImageOptions *options)
{
  g_clear_pointer(&options->scale_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ImageOptions, image_options_clear)

static gboolean
image_options_check(const char *command, ImageOptions *options)
{
  options->scale = DEFAULT_SCALE;
  if (options->scale_text == NULL)
    return TRUE;
  if (!kj_number_parse(options->scale_text, &options->scale) || options->scale <= 0.0 ||
      options->scale > MAX_SCALE) {
    /* Translators: %s is what the user gave; keep --scale as it is */
    kj_cli_error(command, _("--scale must be a number above 0 and at most 16, not “%s”"),
                 options->scale_text);
    return FALSE;
  }
  return TRUE;
}

/* Writes the roadmap, or its picture, in the format the name asks for; on
 * failure prints one line and leaves any existing file as it was. */
static gboolean
write_output(const char *command, KjRoadmap *roadmap, GFile *file, const OutputFormat *output,
             const ImageOptions *options)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (output->is_image) {
    KjChartStyle style;

    kj_chart_style_init(&style, options->dark);
    ok = kj_roadmap_export_image(roadmap, file, output->image_format, &style, options->scale,
                                 &error);
  } else {
    ok = kj_roadmap_save_file(roadmap, file, output->format, NULL, &error);
  }
  if (!ok)
    kj_cli_error(command, "%s", error->message);
  return ok;
}

/* Loads a roadmap file; Mermaid's warnings go to stderr as compilers print
 * theirs, so editors can jump to them. */
static KjRoadmap *
read_input(const char *command, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg(path);
  g_autoptr(KjRoadmap) roadmap = kj_roadmap_new();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  KjRoadmapFormat format;
  gboolean ok;

  if (!kj_roadmap_format_for_file(file, &format)) {
    /* Translators: %s is a file name */
    kj_cli_error(command, _("Cannot tell how to read “%s”: name it .json, .mmd or .mermaid"), path);
    return NULL;
  }
  ok = kj_roadmap_load_file(roadmap, file, format, &warnings, NULL, &error);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++) {
    const KjMermaidWarning *warning = g_ptr_array_index(warnings, i);

    /* Translators: a compiler-style warning: file, line, column, message */
    fprintf(stderr, _("%s:%u:%u: warning: %s\n"), path, warning->line, warning->column,
            warning->message);
  }
  if (!ok) {
    kj_cli_error(command, "%s", error->message);
    return NULL;
  }
  return g_steal_pointer(&roadmap);
}

/* The command line of a subcommand that writes a roadmap: the picture
 * options, then n_files file names of which the last is the output.  On a
 * problem prints it and returns FALSE. */
typedef struct {
  const char *command;
  const char *parameters; /* translated */
  const char *summary;    /* translated */
  guint n_files;
  const char *missing; /* translated: said when there are too few files */
} WriterCommand;

static gboolean
parse_writer(const WriterCommand *writer, int *argc, char ***argv, ImageOptions *options,
             GFile **output, OutputFormat *output_format)
{
  GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &options->dark, N_("Draw pictures in dark colours"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &options->scale_text,
      N_("Scale of a PNG picture: 1 is the size on screen (2)"), "N" },
    { NULL },
  };
  const char *path;

  if (!kj_cli_parse_options(writer->command, writer->parameters, writer->summary, entries, argc,
                            argv))
    return FALSE;
  if (*argc < (int)writer->n_files + 1) {
    kj_cli_error(writer->command, "%s", writer->missing);
    return FALSE;
  }
  if (*argc > (int)writer->n_files + 1) {
    kj_cli_error(writer->command, _("Unexpected argument “%s”"), (*argv)[writer->n_files + 1]);
    return FALSE;
  }
  if (!image_options_check(writer->command, options))
    return FALSE;
  path = (*argv)[writer->n_files];
  *output = g_file_new_for_commandline_arg(path);
  return output_format_for_file(writer->command, *output, path, output_format);
}

/* ---- convert ---- */

static int
run_convert(int argc, char **argv)
{
  const WriterCommand writer = {
    "roadmap convert",
    _("INPUT OUTPUT"),
    _("Convert a roadmap between JSON and Mermaid, or draw it as a PNG, SVG or PDF picture.\n"
      "Formats follow the file names: .json, .mmd or .mermaid, .png, .svg, .pdf."),
    2,
    _("Expected an INPUT and an OUTPUT file"),
  };
  g_auto(ImageOptions) options = { 0 };
  g_autoptr(KjRoadmap) roadmap = NULL;
  g_autoptr(GFile) output = NULL;
  OutputFormat output_format;

  if (!parse_writer(&writer, &argc, &argv, &options, &output, &output_format))
    return 1;
  roadmap = read_input(writer.command, argv[1]);
  if (roadmap == NULL)
    return 1;
  return write_output(writer.command, roadmap, output, &output_format, &options) ? 0 : 1;
}

/* ---- default ---- */

static int
run_default(int argc, char **argv)
{
  const WriterCommand writer = {
    "roadmap default",
    _("FILE"),
    _("Write Kuajie's default roadmap to FILE: .json, .mmd or .mermaid, .png, .svg or .pdf."),
    1,
    _("Expected a FILE to write"),
  };
  g_auto(ImageOptions) options = { 0 };
  g_autoptr(KjRoadmap) roadmap = NULL;
  g_autoptr(GFile) output = NULL;
  OutputFormat output_format;

  if (!parse_writer(&writer, &argc, &argv, &options, &output, &output_format))
    return 1;
  roadmap = kj_roadmap_new_default();
  return write_output(writer.command, roadmap, output, &output_format, &options) ? 0 : 1;
}

/* ---- progress ---- */

/* Columns on a terminal: East Asian wide characters take two, combining
 * marks none, so a table of Chinese titles still lines up. */
static gsize
display_width(const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);

    if (g_unichar_iszerowidth(c))
      continue;
    width += g_unichar_iswide(c) ? 2 : 1;
  }
  return width;
}

static void
append_padded(GString *line, const char *text, gsize width, gboolean right)
{
  gsize used = display_width(text);
  gsize pad = used < width ? width - used : 0;

  if (!right)
    g_string_append(line, text);
  for (gsize i = 0; i < pad; i++)
    g_string_append_c(line, ' ');
  if (right)
    g_string_append(line, text);
}

enum { COLUMN_TITLE, COLUMN_DONE, COLUMN_PERCENT, COLUMN_LEARNING, COLUMN_HOURS, N_COLUMNS };

/* One row of cells, each a new string. */
static GStrv
progress_row(const KjRoadmapProgress *progress, const char *title)
{
  GStrv row = g_new0(char *, N_COLUMNS + 1);
  g_autofree char *percent = kj_number_format(100.0 * progress->fraction, 1);

  row[COLUMN_TITLE] = g_strdup(title);
  row[COLUMN_DONE] =
      g_strdup_printf("%u/%u", progress->n_done, progress->n_nodes - progress->n_skipped);
  row[COLUMN_PERCENT] = g_strdup_printf("%s%%", percent);
  row[COLUMN_LEARNING] = g_strdup_printf("%u", progress->n_learning);
  row[COLUMN_HOURS] = kj_number_format(progress->hours_left, 1);
  return row;
}

static void
print_table(GPtrArray *rows)
{
  gsize widths[N_COLUMNS] = { 0 };

  for (guint r = 0; r < rows->len; r++) {
    GStrv row = g_ptr_array_index(rows, r);

    for (guint c = 0; c < N_COLUMNS; c++)
      widths[c] = MAX(widths[c], display_width(row[c]));
  }
  for (guint r = 0; r < rows->len; r++) {
    GStrv row = g_ptr_array_index(rows, r);
    g_autoptr(GString) line = g_string_new(NULL);

    for (guint c = 0; c < N_COLUMNS; c++) {
      if (c > 0)
        g_string_append(line, "  ");
      /* Titles to the left, numbers to the right. */
      append_padded(line, row[c], widths[c], c != COLUMN_TITLE);
    }
    /* A line of dashes above the whole roadmap's total. */
    if (r == rows->len - 1) {
      for (gsize i = 0; i < display_width(line->str); i++)
        putchar('-');
      putchar('\n');
    }
    printf("%s\n", line->str);
  }
}

static void
print_progress_text(const KjRoadmapProgress *overall, GPtrArray *domains)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
  GStrv header = g_new0(char *, N_COLUMNS + 1);

  header[COLUMN_TITLE] = g_strdup(_("Domain"));
  /* Translators: a column header: done nodes out of those counted, as 3/7 */
  header[COLUMN_DONE] = g_strdup(_("Done"));
  /* Translators: a column header: the share done, in percent */
  header[COLUMN_PERCENT] = g_strdup(_("Progress"));
  /* Translators: a column header: how many nodes are being learnt */
  header[COLUMN_LEARNING] = g_strdup(_("Learning"));
  /* Translators: a column header: estimated hours of study left */
  header[COLUMN_HOURS] = g_strdup(_("Hours left"));
  g_ptr_array_add(rows, header);
  for (guint i = 0; i < domains->len; i++) {
    const KjRoadmapProgress *progress = g_ptr_array_index(domains, i);

    g_ptr_array_add(rows, progress_row(progress, progress->title));
  }
  g_ptr_array_add(rows, progress_row(overall, _("Whole roadmap")));
  print_table(rows);
}

static void
add_progress_members(JsonBuilder *builder, const KjRoadmapProgress *progress)
{
  json_builder_set_member_name(builder, "done");
  json_builder_add_int_value(builder, progress->n_done);
  json_builder_set_member_name(builder, "learning");
  json_builder_add_int_value(builder, progress->n_learning);
  json_builder_set_member_name(builder, "skipped");
  json_builder_add_int_value(builder, progress->n_skipped);
  json_builder_set_member_name(builder, "nodes");
  json_builder_add_int_value(builder, progress->n_nodes);
  json_builder_set_member_name(builder, "fraction");
  json_builder_add_double_value(builder, progress->fraction);
  json_builder_set_member_name(builder, "hours-total");
  json_builder_add_double_value(builder, progress->hours_total);
  json_builder_set_member_name(builder, "hours-left");
  json_builder_add_double_value(builder, progress->hours_left);
}

static void
print_progress_json(const KjRoadmapProgress *overall, GPtrArray *domains)
{
  g_autoptr(JsonBuilder) builder = json_builder_new();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object(builder);
  json_builder_set_member_name(builder, "overall");
  json_builder_begin_object(builder);
  add_progress_members(builder, overall);
  json_builder_end_object(builder);
  json_builder_set_member_name(builder, "domains");
  json_builder_begin_array(builder);
  for (guint i = 0; i < domains->len; i++) {
    const KjRoadmapProgress *progress = g_ptr_array_index(domains, i);

    json_builder_begin_object(builder);
    json_builder_set_member_name(builder, "id");
    json_builder_add_string_value(builder, progress->domain);
    json_builder_set_member_name(builder, "title");
    json_builder_add_string_value(builder, progress->title);
    add_progress_members(builder, progress);
    json_builder_end_object(builder);
  }
  json_builder_end_array(builder);
  json_builder_end_object(builder);

  root = json_builder_get_root(builder);
  text = json_to_string(root, FALSE);
  printf("%s\n", text);
}

static int
run_progress(int argc, char **argv)
{
  const char *command = "roadmap progress";
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL },
  };
  g_autoptr(KjRoadmap) roadmap = NULL;
  g_autoptr(KjRoadmapProgress) overall = NULL;
  g_autoptr(GPtrArray) domains = NULL;

  if (!kj_cli_parse_options(command, _("FILE"),
                            _("Show how far along a roadmap is, per domain and in all: nodes "
                              "done out of those not skipped, and the estimated hours left."),
                            entries, &argc, &argv))
    return 1;
  if (argc < 2) {
    kj_cli_error(command, _("Expected a roadmap FILE"));
    return 1;
  }
  if (argc > 2) {
    kj_cli_error(command, _("Unexpected argument “%s”"), argv[2]);
    return 1;
  }
  roadmap = read_input(command, argv[1]);
  if (roadmap == NULL)
    return 1;

  overall = kj_roadmap_get_progress(roadmap, NULL);
  domains = kj_roadmap_dup_domain_progress(roadmap);
  if (json)
    print_progress_json(overall, domains);
  else
    print_progress_text(overall, domains);
  return 0;
}

/* ---- the subcommands ---- */

typedef struct {
  const char *name;
  const char *summary; /* N_() */
  int (*run)(int argc, char **argv);
} Subcommand;

static const Subcommand subcommands[] = {
  { "convert", N_("Convert a roadmap file, or draw it as a PNG, SVG or PDF picture"), run_convert },
  { "default", N_("Write the default roadmap to a file"), run_default },
  { "progress", N_("Show the progress of a roadmap, per domain"), run_progress },
};

static void
print_help(void)
{
  printf(_("Usage: %s SUBCOMMAND [OPTION…]\n"), "kuajie-cli roadmap");
  printf("\n%s\n", _("Roadmap files: JSON, Mermaid and pictures."));
  printf("\n%s\n", _("Subcommands:"));
  for (gsize i = 0; i < G_N_ELEMENTS(subcommands); i++)
    printf("  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  printf("\n%s\n",
         _("Run “kuajie-cli roadmap SUBCOMMAND --help” for the options of a subcommand."));
}

int
kj_cli_roadmap(int argc, char **argv)
{
  if (argc >= 2 && (g_str_equal(argv[1], "--help") || g_str_equal(argv[1], "-h"))) {
    print_help();
    return 0;
  }
  for (gsize i = 0; argc >= 2 && i < G_N_ELEMENTS(subcommands); i++)
    if (g_str_equal(argv[1], subcommands[i].name))
      return subcommands[i].run(argc - 1, argv + 1);

  if (argc >= 2)
    /* Translators: %s is what the user typed; keep the command as it is */
    kj_cli_error("roadmap",
                 _("Unknown subcommand “%s”; usage: kuajie-cli roadmap "
                   "convert|default|progress …"),
                 argv[1]);
  else
    kj_cli_error("roadmap", _("Usage: kuajie-cli roadmap convert|default|progress …; "
                              "try “kuajie-cli roadmap --help”"));
  return 1;
}
