/* kj-mermaid-parser.c — Mermaid flowchart text to a KjRoadmap
 *
 * Recursive descent over statements, driving kj-mermaid-lexer.c:
 *
 *   document   := front-matter? preamble header statement*
 *   header     := ("graph" | "flowchart") direction? END
 *   statement  := "subgraph" title END | "end" END | kept | ignored
 *               | group (link group)* END
 *   group      := node ("&" node)*
 *   node       := id shape? (":::" class)?
 *   link       := arrow ("|" label "|")? | "--" label "-->" | "-." label ".->"
 *               | "==" label "==>"  (and the open forms without ">")
 *
 * END is a newline, a ';', a "%%" comment or the end of the text.  The
 * first problem stops the import with its line and column. */
#include "config.h"

#include "kj-mermaid.h"

#include <glib/gi18n-lib.h>

#include "kj-error.h"
#include "kj-mermaid-lexer.h"
#include "kj-roadmap-private.h"

#define MAX_WARNINGS 200
/* `a & b & … --> c & d & …` links every pair; past this it is an attack. */
#define MAX_LINKS_PER_STATEMENT 10000

typedef struct {
  KjRoadmapGroup *group; /* borrowed from the roadmap */
  guint line;
  guint column;
} Open;

typedef struct {
  KjMermaidLexer lx;
  KjRoadmap *roadmap;
  GPtrArray *warnings; /* KjMermaidWarning */
  GArray *open;        /* Open: the subgraphs being read, innermost last */
  GHashTable *claimed; /* ids of nodes a subgraph has taken */
  GPtrArray *extra;    /* kept statements, owned strings */
} Parser;

typedef struct {
  KjRoadmapEdgeKind kind;
  KjRoadmapStroke stroke;
  char *label;
} Link;

void
kj_mermaid_warning_free(KjMermaidWarning *warning)
{
  if (warning == NULL)
    return;
  g_free(warning->message);
  g_free(warning);
}

static void warn(Parser *p, guint line, guint column, const char *format, ...) G_GNUC_PRINTF(4, 5);

static void
warn(Parser *p, guint line, guint column, const char *format, ...)
{
  KjMermaidWarning *warning;
  va_list args;

  /* A file of a million repeated links gives a few screens, not a million. */
  if (p->warnings->len >= MAX_WARNINGS)
    return;
  warning = g_new0(KjMermaidWarning, 1);
  va_start(args, format);
  warning->line = line;
  warning->column = column;
  warning->message = g_strdup_vprintf(format, args);
  va_end(args);
  g_ptr_array_add(p->warnings, warning);
}

/* Always FALSE, so that callers can return fail(…). */
static gboolean fail(GError **error, guint line, guint column, const char *format, ...)
    G_GNUC_PRINTF(4, 5);

static gboolean
fail(GError **error, guint line, guint column, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start(args, format);
  message = g_strdup_vprintf(format, args);
  va_end(args);
  kj_roadmap_set_error_at(error, line, column, "%s", message);
  return FALSE;
}

static gboolean
fail_here(Parser *p, GError **error, const char *message)
{
  return fail(error, p->lx.line, p->lx.column, "%s", message);
}

static gboolean
fail_unclosed(GError **error, guint line, guint column, const char *closer)
{
  return fail(error, line, column, _("This label has no closing “%s”"), closer);
}

/* ---- labels ---- */

/* Mermaid's entities (#quot; #35;) and <br> line breaks. */
static char *
decode_text(const char *raw)
{
  GString *out = g_string_sized_new(strlen(raw));

  for (const char *s = raw; *s != '\0';) {
    if (*s == '<') {
      static const char *const breaks[] = { "<br>", "<br/>", "<br />" };
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS(breaks) && !matched; i++)
        if (g_ascii_strncasecmp(s, breaks[i], strlen(breaks[i])) == 0) {
          g_string_append_c(out, '\n');
          s += strlen(breaks[i]);
          matched = TRUE;
        }
      if (matched)
        continue;
    } else if (*s == '#') {
      static const struct {
        const char *name;
        char c;
      } named[] = { { "quot", '"' }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' } };
      const char *semi = strchr(s, ';');
      gsize n = semi != NULL ? (gsize)(semi - s - 1) : 0;
      gboolean matched = FALSE;

      if (semi != NULL && n > 0 && n <= 7) {
        g_autofree char *name = g_strndup(s + 1, n);
        gboolean digits = TRUE;

        for (gsize i = 0; i < n; i++)
          digits = digits && g_ascii_isdigit(name[i]);
        if (digits) {
          guint64 c = g_ascii_strtoull(name, NULL, 10);

          if (c > 0 && g_unichar_validate((gunichar)c)) {
            g_string_append_unichar(out, (gunichar)c);
            matched = TRUE;
          }
        }
        for (guint i = 0; i < G_N_ELEMENTS(named) && !matched; i++)
          if (strcmp(name, named[i].name) == 0) {
            g_string_append_c(out, named[i].c);
            matched = TRUE;
          }
      }
      if (matched) {
        s = semi + 1;
        continue;
      }
    }
    g_string_append_c(out, *s);
    s++;
  }
  return g_string_free(out, FALSE);
}

/* Raw text from the source: quoted text keeps its blanks, bare text is
 * trimmed, as Mermaid does. */
static char *
label_from_raw(char *raw, gboolean quoted)
{
  char *text;

  if (!quoted)
    g_strstrip(raw);
  text = decode_text(raw);
  g_free(raw);
  return text;
}

/* A quoted label, or bare text up to one of closers; the lexer is left at
 * the closer.  *which tells which closer ended it. */
static gboolean
read_label(Parser *p, const char *const *closers, guint *which, guint open_line, guint open_column,
           char **label, GError **error)
{
  KjMermaidLexer save = p->lx;

  kj_mermaid_lexer_skip_blanks(&p->lx);
  if (kj_mermaid_lexer_peek(&p->lx, 0) == '"') {
    guint line = p->lx.line, column = p->lx.column;
    char *raw = kj_mermaid_lexer_read_quoted(&p->lx);

    if (raw == NULL)
      return fail_unclosed(error, line, column, "\"");
    kj_mermaid_lexer_skip_blanks(&p->lx);
    for (guint i = 0; closers[i] != NULL; i++)
      if (kj_mermaid_lexer_looking_at(&p->lx, closers[i])) {
        *which = i;
        *label = label_from_raw(raw, TRUE);
        return TRUE;
      }
    g_free(raw);
    return fail(error, p->lx.line, p->lx.column, _("Expected “%s”"), closers[0]);
  }
  p->lx = save;
  {
    char *raw = kj_mermaid_lexer_read_until(&p->lx, closers, which);

    if (raw == NULL)
      return fail_unclosed(error, open_line, open_column, closers[0]);
    *label = label_from_raw(raw, FALSE);
  }
  return TRUE;
}

/* ---- nodes ---- */

static const struct {
  const char *open;
  const char *close[3];
  KjRoadmapShape shape[2];
} shapes[] = {
  /* Longest openers first: "([" before "(", "[[" before "[". */
  { "([", { "])" }, { KJ_ROADMAP_SHAPE_STADIUM } },
  { "((", { "))" }, { KJ_ROADMAP_SHAPE_CIRCLE } },
  { "(", { ")" }, { KJ_ROADMAP_SHAPE_ROUND } },
  { "[[", { "]]" }, { KJ_ROADMAP_SHAPE_SUBROUTINE } },
  { "[(", { ")]" }, { KJ_ROADMAP_SHAPE_CYLINDER } },
  { "[/", { "/]", "\\]" }, { KJ_ROADMAP_SHAPE_PARALLELOGRAM, KJ_ROADMAP_SHAPE_TRAPEZOID } },
  { "[\\",
    { "\\]", "/]" },
    { KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT, KJ_ROADMAP_SHAPE_TRAPEZOID_ALT } },
  { "[", { "]" }, { KJ_ROADMAP_SHAPE_RECT } },
  { "{{", { "}}" }, { KJ_ROADMAP_SHAPE_HEXAGON } },
  { "{", { "}" }, { KJ_ROADMAP_SHAPE_RHOMBUS } },
  { ">", { "]" }, { KJ_ROADMAP_SHAPE_ASYMMETRIC } },
};

/* *shape stays AUTO when no shape follows. */
static gboolean
parse_shape(Parser *p, KjRoadmapShape *shape, char **label, GError **error)
{
  KjMermaidLexer save = p->lx;

  kj_mermaid_lexer_skip_blanks(&p->lx);
  for (guint i = 0; i < G_N_ELEMENTS(shapes); i++) {
    guint line = p->lx.line, column = p->lx.column;
    guint which = 0;

    if (!kj_mermaid_lexer_accept(&p->lx, shapes[i].open))
      continue;
    if (!read_label(p, shapes[i].close, &which, line, column, label, error))
      return FALSE;
    kj_mermaid_lexer_accept(&p->lx, shapes[i].close[which]);
    *shape = shapes[i].shape[which];
    return TRUE;
  }
  p->lx = save;
  return TRUE;
}

static KjRoadmapNode *
ensure_node(Parser *p, const char *id, guint line, guint column, GError **error)
{
  KjRoadmapNode *node = kj_roadmap_lookup_node(p->roadmap, id);
  g_autoptr(KjRoadmapNode) created = NULL;
  GError *local_error = NULL;

  if (node != NULL)
    return node;
  if (!kj_roadmap_id_is_valid(id)) {
    fail(error, line, column, _("“%s” cannot be used as an id"), id);
    return NULL;
  }
  created = kj_roadmap_node_new(id);
  kj_roadmap_node_set_shape(created, KJ_ROADMAP_SHAPE_RECT);
  if (!kj_roadmap_add_node(p->roadmap, created, &local_error)) {
    fail(error, line, column, "%s", local_error->message);
    g_error_free(local_error);
    return NULL;
  }
  return created;
}

/* node := id shape? (":::" class)? — adds the id to ids. */
static gboolean
parse_node(Parser *p, GPtrArray *ids, GError **error)
{
  guint line, column;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  KjRoadmapShape shape = KJ_ROADMAP_SHAPE_AUTO;
  KjRoadmapNode *node;

  kj_mermaid_lexer_skip_blanks(&p->lx);
  line = p->lx.line;
  column = p->lx.column;
  id = kj_mermaid_lexer_read_id(&p->lx);
  if (id == NULL)
    return fail_here(p, error, _("Expected a node id"));
  if (!parse_shape(p, &shape, &label, error))
    return FALSE;
  node = ensure_node(p, id, line, column, error);
  if (node == NULL)
    return FALSE;
  if (shape != KJ_ROADMAP_SHAPE_AUTO) {
    kj_roadmap_node_set_title(node, label);
    kj_roadmap_node_set_shape(node, shape);
    kj_roadmap_node_set_kind(node, kj_roadmap_shape_get_kind(shape));
  }
  /* The first subgraph that mentions a node takes it. */
  if (p->open->len > 0 && !g_hash_table_contains(p->claimed, id)) {
    Open *top = &g_array_index(p->open, Open, p->open->len - 1);

    kj_roadmap_node_set_group(node, kj_roadmap_group_get_id(top->group));
    g_hash_table_add(p->claimed, g_strdup(id));
  }
  if (kj_mermaid_lexer_accept(&p->lx, ":::")) {
    g_autofree char *class_name = kj_mermaid_lexer_read_id(&p->lx);

    if (class_name == NULL)
      return fail_here(p, error, _("Expected a class name"));
    g_ptr_array_add(p->extra, g_strdup_printf("class %s %s", id, class_name));
  }
  g_ptr_array_add(ids, g_steal_pointer(&id));
  return TRUE;
}

/* group := node ("&" node)* — `a & a` names a once. */
static GPtrArray *
parse_group(Parser *p, GError **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

  do {
    if (!parse_node(p, ids, error))
      return NULL;
    /* Not g_hash_table_add(): it would keep the pointer about to be freed. */
    if (g_hash_table_contains(seen, ids->pdata[ids->len - 1]))
      g_ptr_array_remove_index(ids, ids->len - 1);
    else
      g_hash_table_add(seen, ids->pdata[ids->len - 1]);
    kj_mermaid_lexer_skip_blanks(&p->lx);
  } while (kj_mermaid_lexer_accept(&p->lx, "&"));
  return g_steal_pointer(&ids);
}

/* ---- links ---- */

static gsize
count_run(Parser *p, char c)
{
  gsize n = 0;

  while (kj_mermaid_lexer_peek(&p->lx, n) == c)
    n++;
  return n;
}

/* "-- text -->", "== text ==>": the text, then a run of at least two
 * strokes ending in '>' (a prerequisite) or three (relates-to). */
static gboolean
parse_text_link(Parser *p, char stroke, Link *link, guint line, guint column, GError **error)
{
  const char two[] = { stroke, stroke, '\0' };
  const char *const closers[] = { two, NULL };
  const char arrow[] = { stroke, stroke, '>', '\0' };
  guint which;
  char *raw = kj_mermaid_lexer_read_until(&p->lx, closers, &which);
  gsize n;

  if (raw == NULL)
    return fail_unclosed(error, line, column, arrow);
  g_strstrip(raw);
  /* A quoted label loses its quotes. */
  if (strlen(raw) >= 2 && raw[0] == '"' && raw[strlen(raw) - 1] == '"') {
    memmove(raw, raw + 1, strlen(raw) - 2);
    raw[strlen(raw) - 2] = '\0';
  }
  link->label = label_from_raw(raw, TRUE);
  n = count_run(p, stroke);
  kj_mermaid_lexer_advance(&p->lx, n);
  if (kj_mermaid_lexer_accept(&p->lx, ">"))
    link->kind = KJ_ROADMAP_EDGE_PREREQUISITE;
  else if (n >= 3)
    link->kind = KJ_ROADMAP_EDGE_RELATES_TO;
  else
    return fail_unclosed(error, line, column, arrow);
  return TRUE;
}

/* "-. text .->" and "-. text .-". */
static gboolean
parse_dotted_text_link(Parser *p, Link *link, guint line, guint column, GError **error)
{
  static const char *const closers[] = { ".-", NULL };
  guint which;
  char *raw = kj_mermaid_lexer_read_until(&p->lx, closers, &which);

  if (raw == NULL)
    return fail_unclosed(error, line, column, ".->");
  link->label = label_from_raw(raw, FALSE);
  kj_mermaid_lexer_advance(&p->lx, 2);
  link->kind = kj_mermaid_lexer_accept(&p->lx, ">") ? KJ_ROADMAP_EDGE_PREREQUISITE
                                                    : KJ_ROADMAP_EDGE_RELATES_TO;
  return TRUE;
}

static gboolean
parse_pipe_label(Parser *p, Link *link, GError **error)
{
  static const char *const closers[] = { "|", NULL };
  guint line = p->lx.line, column = p->lx.column;
  guint which;

  kj_mermaid_lexer_advance(&p->lx, 1);
  if (!read_label(p, closers, &which, line, column, &link->label, error))
    return FALSE;
  kj_mermaid_lexer_advance(&p->lx, 1);
  return TRUE;
}

/* *found is FALSE, and nothing consumed, when no link starts here. */
static gboolean
parse_link(Parser *p, Link *link, gboolean *found, GError **error)
{
  guint line = p->lx.line, column = p->lx.column;
  char c0 = kj_mermaid_lexer_peek(&p->lx, 0), c1 = kj_mermaid_lexer_peek(&p->lx, 1);
  gsize n;

  *found = FALSE;
  *link = (Link){ KJ_ROADMAP_EDGE_PREREQUISITE, KJ_ROADMAP_STROKE_SOLID, NULL };
  if ((c0 == '<' && (c1 == '-' || c1 == '=')) || kj_mermaid_lexer_looking_at(&p->lx, "~~~") ||
      ((c0 == 'o' || c0 == 'x') && c1 == '-' && kj_mermaid_lexer_peek(&p->lx, 2) == '-'))
    return fail_here(p, error, _("This kind of link is not supported"));

  if (c0 == '-' && c1 == '.') {
    *found = TRUE;
    link->stroke = KJ_ROADMAP_STROKE_DOTTED;
    kj_mermaid_lexer_advance(&p->lx, 1);
    kj_mermaid_lexer_advance(&p->lx, count_run(p, '.'));
    if (kj_mermaid_lexer_accept(&p->lx, "->"))
      link->kind = KJ_ROADMAP_EDGE_PREREQUISITE;
    else if (kj_mermaid_lexer_accept(&p->lx, "-"))
      link->kind = KJ_ROADMAP_EDGE_RELATES_TO;
    else
      return parse_dotted_text_link(p, link, line, column, error);
  } else if ((c0 == '-' || c0 == '=') && c1 == c0) {
    *found = TRUE;
    link->stroke = c0 == '=' ? KJ_ROADMAP_STROKE_THICK : KJ_ROADMAP_STROKE_SOLID;
    n = count_run(p, c0);
    if (kj_mermaid_lexer_peek(&p->lx, n) == '>') {
      kj_mermaid_lexer_advance(&p->lx, n + 1);
      link->kind = KJ_ROADMAP_EDGE_PREREQUISITE;
    } else if (n >= 3) {
      kj_mermaid_lexer_advance(&p->lx, n);
      link->kind = KJ_ROADMAP_EDGE_RELATES_TO;
    } else {
      char head = kj_mermaid_lexer_peek(&p->lx, 2), after = kj_mermaid_lexer_peek(&p->lx, 3);

      /* "--o" and "--x" are Mermaid's circle and cross heads. */
      if ((head == 'o' || head == 'x') && (after == ' ' || after == '\t'))
        return fail_here(p, error, _("This kind of link is not supported"));
      kj_mermaid_lexer_advance(&p->lx, 2);
      return parse_text_link(p, c0, link, line, column, error);
    }
  } else {
    return TRUE;
  }

  kj_mermaid_lexer_skip_blanks(&p->lx);
  if (kj_mermaid_lexer_peek(&p->lx, 0) == '|')
    return parse_pipe_label(p, link, error);
  return TRUE;
}

static void
add_links(Parser *p, GPtrArray *sources, GPtrArray *targets, const Link *link, guint line,
          guint column)
{
  for (guint i = 0; i < sources->len; i++)
    for (guint j = 0; j < targets->len; j++) {
      const char *from = sources->pdata[i], *to = targets->pdata[j];
      g_autoptr(KjRoadmapEdge) edge = NULL;

      if (strcmp(from, to) == 0) {
        warn(p, line, column, _("A link from “%s” to itself is ignored"), from);
        continue;
      }
      if (kj_roadmap_lookup_edge(p->roadmap, from, to) != NULL) {
        warn(p, line, column, _("“%s” is already linked to “%s”; the second link is ignored"), from,
             to);
        continue;
      }
      edge = kj_roadmap_edge_new(from, to, link->kind);
      kj_roadmap_edge_set_stroke(edge, link->stroke);
      kj_roadmap_edge_set_label(edge, link->label);
      kj_roadmap_add_edge(p->roadmap, edge, NULL);
    }
}

static gboolean
expect_statement_end(Parser *p, GError **error)
{
  kj_mermaid_lexer_skip_blanks(&p->lx);
  if (kj_mermaid_lexer_at_statement_end(&p->lx))
    return TRUE;
  return fail_here(p, error, _("Expected a link such as “-->”, or the end of the statement"));
}

/* group (link group)* */
static gboolean
parse_node_statement(Parser *p, GError **error)
{
  g_autoptr(GPtrArray) sources = parse_group(p, error);

  if (sources == NULL)
    return FALSE;
  for (;;) {
    g_autoptr(GPtrArray) targets = NULL;
    guint line, column;
    gboolean found;
    Link link;

    kj_mermaid_lexer_skip_blanks(&p->lx);
    if (kj_mermaid_lexer_at_statement_end(&p->lx))
      return TRUE;
    line = p->lx.line;
    column = p->lx.column;
    if (!parse_link(p, &link, &found, error)) {
      g_free(link.label);
      return FALSE;
    }
    if (!found)
      return expect_statement_end(p, error);
    targets = parse_group(p, error);
    if (targets != NULL && (guint64)sources->len * targets->len > MAX_LINKS_PER_STATEMENT) {
      fail(error, line, column, _("This statement makes too many links"));
      g_clear_pointer(&targets, g_ptr_array_unref);
    }
    if (targets != NULL)
      add_links(p, sources, targets, &link, line, column);
    g_free(link.label);
    if (targets == NULL)
      return FALSE;
    g_ptr_array_unref(sources);
    sources = g_steal_pointer(&targets);
  }
}

/* ---- subgraphs ---- */

static gboolean
parse_subgraph(Parser *p, guint line, guint column, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autoptr(KjRoadmapGroup) group = NULL;
  GError *local_error = NULL;
  KjMermaidLexer save;
  guint id_line, id_column;

  kj_mermaid_lexer_skip_blanks(&p->lx);
  id_line = p->lx.line;
  id_column = p->lx.column;
  if (kj_mermaid_lexer_at_statement_end(&p->lx))
    return fail_here(p, error, _("Expected a subgraph id or title"));

  save = p->lx;
  if (kj_mermaid_lexer_peek(&p->lx, 0) != '"')
    id = kj_mermaid_lexer_read_id(&p->lx);
  kj_mermaid_lexer_skip_blanks(&p->lx);
  if (id != NULL && kj_mermaid_lexer_peek(&p->lx, 0) == '[') {
    static const char *const closers[] = { "]", NULL };
    guint open_line = p->lx.line, open_column = p->lx.column, which;

    kj_mermaid_lexer_advance(&p->lx, 1);
    if (!read_label(p, closers, &which, open_line, open_column, &title, error))
      return FALSE;
    kj_mermaid_lexer_advance(&p->lx, 1);
  } else if (id != NULL && kj_mermaid_lexer_at_statement_end(&p->lx)) {
    title = g_strdup(id);
  } else {
    /* `subgraph "A title"` or `subgraph A title`: the id comes from it. */
    g_clear_pointer(&id, g_free);
    p->lx = save;
    if (kj_mermaid_lexer_peek(&p->lx, 0) == '"') {
      char *raw = kj_mermaid_lexer_read_quoted(&p->lx);

      if (raw == NULL)
        return fail_unclosed(error, id_line, id_column, "\"");
      title = label_from_raw(raw, TRUE);
    } else {
      title = label_from_raw(kj_mermaid_lexer_read_statement(&p->lx), FALSE);
    }
    id = kj_roadmap_make_unique_id(p->roadmap, title);
  }
  if (!kj_roadmap_id_is_valid(id))
    return fail(error, id_line, id_column, _("“%s” cannot be used as an id"), id);

  group = kj_roadmap_group_new(id);
  kj_roadmap_group_set_title(group, title);
  if (p->open->len > 0)
    kj_roadmap_group_set_parent(
        group, kj_roadmap_group_get_id(g_array_index(p->open, Open, p->open->len - 1).group));
  if (!kj_roadmap_add_group(p->roadmap, group, &local_error)) {
    fail(error, id_line, id_column, "%s", local_error->message);
    g_error_free(local_error);
    return FALSE;
  }
  g_array_append_val(p->open, ((Open){ group, line, column }));
  return expect_statement_end(p, error);
}

/* ---- statements ---- */

static const char *const kept_words[] = { "classDef", "class", "style", "click", "linkStyle" };
static const char *const ignored_words[] = { "direction", "accTitle", "accDescr" };

static gboolean
parse_statement(Parser *p, GError **error)
{
  guint line = p->lx.line, column = p->lx.column;

  if (kj_mermaid_lexer_at_word(&p->lx, "subgraph")) {
    kj_mermaid_lexer_advance(&p->lx, strlen("subgraph"));
    return parse_subgraph(p, line, column, error);
  }
  if (kj_mermaid_lexer_at_word(&p->lx, "end")) {
    if (p->open->len == 0)
      return fail_here(p, error, _("“end” without a “subgraph”"));
    g_array_set_size(p->open, p->open->len - 1);
    kj_mermaid_lexer_advance(&p->lx, strlen("end"));
    return expect_statement_end(p, error);
  }
  for (guint i = 0; i < G_N_ELEMENTS(kept_words); i++)
    if (kj_mermaid_lexer_at_word(&p->lx, kept_words[i])) {
      g_ptr_array_add(p->extra, kj_mermaid_lexer_read_statement(&p->lx));
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS(ignored_words); i++)
    if (kj_mermaid_lexer_at_word(&p->lx, ignored_words[i])) {
      g_autofree char *text = NULL;

      warn(p, line, column, _("“%s” is ignored"), ignored_words[i]);
      kj_mermaid_lexer_advance(&p->lx, strlen(ignored_words[i]));
      kj_mermaid_lexer_skip_blanks(&p->lx);
      /* accDescr { … } spans lines. */
      if (kj_mermaid_lexer_peek(&p->lx, 0) == '{') {
        while (!kj_mermaid_lexer_at_end(&p->lx) && !kj_mermaid_lexer_accept(&p->lx, "}"))
          kj_mermaid_lexer_advance(&p->lx, 1);
        return TRUE;
      }
      text = kj_mermaid_lexer_read_statement(&p->lx);
      return TRUE;
    }
  return parse_node_statement(p, error);
}

/* ---- the document ---- */

static char *
yaml_scalar(const char *raw)
{
  g_autofree char *value = g_strstrip(g_strdup(raw));
  gsize n = strlen(value);

  if (n >= 2 && value[0] == '"' && value[n - 1] == '"') {
    value[n - 1] = '\0';
    return g_strcompress(value + 1);
  }
  if (n >= 2 && value[0] == '\'' && value[n - 1] == '\'') {
    g_auto(GStrv) parts = NULL;

    value[n - 1] = '\0';
    parts = g_strsplit(value + 1, "''", -1);
    return g_strjoinv("'", parts);
  }
  return g_steal_pointer(&value);
}

/* `---` … `---` before the diagram: the title is used, the rest ignored. */
static gboolean
parse_front_matter(Parser *p, GError **error)
{
  guint line = p->lx.line, column = p->lx.column;
  g_autofree char *first = NULL;

  if (!kj_mermaid_lexer_looking_at(&p->lx, "---"))
    return TRUE;
  first = kj_mermaid_lexer_read_statement(&p->lx);
  if (strcmp(first, "---") != 0)
    return fail(error, line, column, _("Expected “graph” or “flowchart”"));
  for (;;) {
    g_autofree char *text = NULL;
    guint text_line, text_column;
    const char *start, *end;

    if (kj_mermaid_lexer_at_end(&p->lx))
      return fail(error, line, column, _("The front matter has no closing “---”"));
    kj_mermaid_lexer_advance(&p->lx, 1); /* the newline */
    text_line = p->lx.line;
    text_column = p->lx.column;
    start = p->lx.p;
    kj_mermaid_lexer_skip_line(&p->lx);
    end = p->lx.p;
    text = g_strndup(start, end - start);
    g_strchomp(text);
    if (strcmp(text, "---") == 0)
      return TRUE;
    if (g_str_has_prefix(text, "title:")) {
      g_autofree char *title = yaml_scalar(text + strlen("title:"));

      kj_roadmap_set_title(p->roadmap, title);
    } else if (text[0] != '\0' && text[0] != ' ' && text[0] != '\t' && text[0] != '#') {
      char *colon = strchr(text, ':');

      if (colon != NULL)
        *colon = '\0';
      warn(p, text_line, text_column, _("“%s” is ignored"), text);
    }
  }
}

/* Blank lines, comments and %%{…}%% directives before the header. */
static void
skip_preamble(Parser *p)
{
  for (;;) {
    kj_mermaid_lexer_skip_blanks(&p->lx);
    if (kj_mermaid_lexer_peek(&p->lx, 0) == '\n') {
      kj_mermaid_lexer_advance(&p->lx, 1);
    } else if (kj_mermaid_lexer_looking_at(&p->lx, "%%{")) {
      guint line = p->lx.line, column = p->lx.column;

      warn(p, line, column, _("“%s” is ignored"), "%%{…}%%");
      while (!kj_mermaid_lexer_at_end(&p->lx) && !kj_mermaid_lexer_accept(&p->lx, "}%%"))
        kj_mermaid_lexer_advance(&p->lx, 1);
    } else if (kj_mermaid_lexer_looking_at(&p->lx, "%%")) {
      kj_mermaid_lexer_skip_line(&p->lx);
    } else {
      return;
    }
  }
}

static gboolean
parse_header(Parser *p, GError **error)
{
  static const struct {
    const char *name;
    KjRoadmapDirection direction;
  } directions[] = {
    { "TB", KJ_ROADMAP_DIRECTION_TB }, { "TD", KJ_ROADMAP_DIRECTION_TB },
    { "BT", KJ_ROADMAP_DIRECTION_BT }, { "LR", KJ_ROADMAP_DIRECTION_LR },
    { "RL", KJ_ROADMAP_DIRECTION_RL },
  };
  const char *keyword = NULL;
  g_autofree char *name = NULL;
  guint line, column;

  if (kj_mermaid_lexer_at_word(&p->lx, "graph"))
    keyword = "graph";
  else if (kj_mermaid_lexer_at_word(&p->lx, "flowchart"))
    keyword = "flowchart";
  else
    return fail_here(p, error, _("Expected “graph” or “flowchart”"));
  kj_mermaid_lexer_advance(&p->lx, strlen(keyword));
  kj_mermaid_lexer_skip_blanks(&p->lx);
  if (kj_mermaid_lexer_at_statement_end(&p->lx))
    return TRUE;
  line = p->lx.line;
  column = p->lx.column;
  name = kj_mermaid_lexer_read_id(&p->lx);
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS(directions); i++)
    if (g_ascii_strcasecmp(name, directions[i].name) == 0) {
      kj_roadmap_set_direction(p->roadmap, directions[i].direction);
      return expect_statement_end(p, error);
    }
  return fail(error, line, column, _("Unknown direction “%s”; expected TB, TD, BT, LR or RL"),
              name != NULL ? name : "");
}

static gboolean
parse_document(Parser *p, GError **error)
{
  if (!parse_front_matter(p, error))
    return FALSE;
  skip_preamble(p);
  if (!parse_header(p, error))
    return FALSE;
  for (;;) {
    kj_mermaid_lexer_skip_blanks(&p->lx);
    if (kj_mermaid_lexer_at_end(&p->lx))
      break;
    if (kj_mermaid_lexer_peek(&p->lx, 0) == '\n' || kj_mermaid_lexer_peek(&p->lx, 0) == ';')
      kj_mermaid_lexer_advance(&p->lx, 1);
    else if (kj_mermaid_lexer_looking_at(&p->lx, "%%"))
      kj_mermaid_lexer_skip_line(&p->lx);
    else if (!parse_statement(p, error))
      return FALSE;
  }
  if (p->open->len > 0) {
    Open *top = &g_array_index(p->open, Open, p->open->len - 1);

    return fail(error, top->line, top->column, _("This subgraph has no “end”"));
  }
  return TRUE;
}

KjRoadmap *
kj_mermaid_import(const char *text, gssize length, GPtrArray **warnings, GError **error)
{
  g_autoptr(KjRoadmap) roadmap = NULL;
  g_autoptr(GPtrArray) warning_list = NULL;
  Parser p = { 0 };
  gsize n;
  gboolean ok;

  g_return_val_if_fail(text != NULL || length == 0, NULL);

  if (text == NULL)
    text = "";
  n = length < 0 ? strlen(text) : (gsize)length;
  warning_list = g_ptr_array_new_with_free_func((GDestroyNotify)kj_mermaid_warning_free);
  if (warnings != NULL)
    *warnings = g_ptr_array_ref(warning_list);
  if (!kj_roadmap_check_utf8(text, n, error))
    return NULL;
  /* A byte order mark is not part of the diagram. */
  if (n >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
    text += 3;
    n -= 3;
  }

  roadmap = kj_roadmap_new();
  kj_mermaid_lexer_init(&p.lx, text, n);
  p.roadmap = roadmap;
  p.warnings = warning_list;
  p.open = g_array_new(FALSE, FALSE, sizeof(Open));
  p.claimed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  p.extra = g_ptr_array_new_with_free_func(g_free);

  ok = parse_document(&p, error);
  if (ok) {
    g_ptr_array_add(p.extra, NULL);
    kj_roadmap_set_mermaid_extra(roadmap, (const char *const *)p.extra->pdata);
  }
  g_array_unref(p.open);
  g_hash_table_unref(p.claimed);
  g_ptr_array_unref(p.extra);
  if (!ok)
    return NULL;
  kj_roadmap_clear_history(roadmap);
  kj_roadmap_set_modified(roadmap, FALSE);
  return g_steal_pointer(&roadmap);
}

gboolean
kj_roadmap_load_mermaid(KjRoadmap *roadmap, const char *text, gssize length, GPtrArray **warnings,
                        GError **error)
{
  g_autoptr(KjRoadmap) loaded = NULL;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), FALSE);

  loaded = kj_mermaid_import(text, length, warnings, error);
  if (loaded == NULL)
    return FALSE;
  kj_roadmap_replace_contents(roadmap, loaded);
  return TRUE;
}
