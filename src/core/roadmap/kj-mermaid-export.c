/* kj-mermaid-export.c — a KjRoadmap as Mermaid flowchart text
 *
 * The layout of the text is chosen so that kj-mermaid-parser.c reads back
 * the same graph: every node is declared once, at the top level and in list
 * order (so the order survives); subgraph blocks then name their members
 * (the first subgraph that mentions a node takes it); links follow in list
 * order (so linkStyle indices keep pointing at the same links); kept
 * statements come last. */
#include "config.h"

#include "kj-mermaid.h"

#define INDENT "    "

static const struct {
  const char *open;
  const char *close;
} shape_text[] = {
  [KJ_ROADMAP_SHAPE_AUTO] = { "[", "]" },
  [KJ_ROADMAP_SHAPE_RECT] = { "[", "]" },
  [KJ_ROADMAP_SHAPE_ROUND] = { "(", ")" },
  [KJ_ROADMAP_SHAPE_STADIUM] = { "([", "])" },
  [KJ_ROADMAP_SHAPE_SUBROUTINE] = { "[[", "]]" },
  [KJ_ROADMAP_SHAPE_CYLINDER] = { "[(", ")]" },
  [KJ_ROADMAP_SHAPE_CIRCLE] = { "((", "))" },
  [KJ_ROADMAP_SHAPE_ASYMMETRIC] = { ">", "]" },
  [KJ_ROADMAP_SHAPE_RHOMBUS] = { "{", "}" },
  [KJ_ROADMAP_SHAPE_HEXAGON] = { "{{", "}}" },
  [KJ_ROADMAP_SHAPE_PARALLELOGRAM] = { "[/", "/]" },
  [KJ_ROADMAP_SHAPE_PARALLELOGRAM_ALT] = { "[\\", "\\]" },
  [KJ_ROADMAP_SHAPE_TRAPEZOID] = { "[/", "\\]" },
  [KJ_ROADMAP_SHAPE_TRAPEZOID_ALT] = { "[\\", "/]" },
};

/* Text that can stand bare inside any shape: letters of any script, digits,
 * inner spaces and a little punctuation.  Anything else is quoted. */
static gboolean
is_bare(const char *text)
{
  gsize n = strlen(text);

  if (n == 0 || text[0] == ' ' || text[n - 1] == ' ')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++) {
    guchar c = *p;

    if (c >= 0x80 || g_ascii_isalnum(c))
      continue;
    if (strchr(" _.,?!'", c) == NULL || (c == ' ' && p[1] == ' '))
      return FALSE;
  }
  return TRUE;
}

/* Mermaid has no escapes in quoted text, only entities. */
static void
append_label(GString *out, const char *text)
{
  if (is_bare(text)) {
    g_string_append(out, text);
    return;
  }
  g_string_append_c(out, '"');
  for (const char *p = text; *p != '\0'; p++)
    switch (*p) {
    case '"':
      g_string_append(out, "#quot;");
      break;
    case '#':
      g_string_append(out, "#35;");
      break;
    case '<':
      g_string_append(out, "#lt;");
      break;
    case '\n':
      g_string_append(out, "<br>");
      break;
    case '\r':
      g_string_append(out, "#13;");
      break;
    default:
      g_string_append_c(out, *p);
    }
  g_string_append_c(out, '"');
}

static void
append_node(GString *out, KjRoadmapNode *node)
{
  const char *id = kj_roadmap_node_get_id(node);
  const char *title = kj_roadmap_node_get_title(node);
  KjRoadmapShape shape = kj_roadmap_node_get_effective_shape(node);

  g_string_append_printf(out, INDENT "%s", id);
  if (shape != KJ_ROADMAP_SHAPE_RECT || strcmp(title, id) != 0) {
    g_string_append(out, shape_text[shape].open);
    append_label(out, title);
    g_string_append(out, shape_text[shape].close);
  }
  g_string_append_c(out, '\n');
}

/* Groups by parent and nodes by group, so that writing the blocks takes
 * time linear in the roadmap however deep the nesting. */
typedef struct {
  GHashTable *children; /* parent id ("" for the top) -> GPtrArray of groups */
  GHashTable *members;  /* group id -> GPtrArray of node ids */
} Tree;

static void
tree_add(GHashTable *table, const char *key, gpointer item)
{
  GPtrArray *list = g_hash_table_lookup(table, key);

  if (list == NULL) {
    list = g_ptr_array_new();
    g_hash_table_insert(table, (gpointer)key, list);
  }
  g_ptr_array_add(list, item);
}

static GPtrArray *
tree_get(GHashTable *table, const char *key)
{
  return g_hash_table_lookup(table, key);
}

typedef struct {
  KjRoadmapGroup *group;
  guint next_child;
} Frame;

static void
append_indent(GString *out, guint depth)
{
  /* Deep nesting would make the text grow with the square of the depth. */
  for (guint i = 0; i <= MIN(depth, 8u); i++)
    g_string_append(out, INDENT);
}

static void
append_group_header(GString *out, KjRoadmapGroup *group, Tree *tree, guint depth)
{
  const char *id = kj_roadmap_group_get_id(group);
  const char *title = kj_roadmap_group_get_title(group);
  GPtrArray *members = tree_get(tree->members, id);

  append_indent(out, depth);
  g_string_append_printf(out, "subgraph %s", id);
  if (strcmp(title, id) != 0) {
    g_string_append(out, " [");
    append_label(out, title);
    g_string_append_c(out, ']');
  }
  g_string_append_c(out, '\n');
  for (guint i = 0; members != NULL && i < members->len; i++) {
    append_indent(out, depth + 1);
    g_string_append_printf(out, "%s\n", (const char *)members->pdata[i]);
  }
}

static void
append_groups(GString *out, KjRoadmap *roadmap)
{
  Tree tree = {
    g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref),
    g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref),
  };
  g_autoptr(GArray) stack = g_array_new(FALSE, FALSE, sizeof(Frame));
  GPtrArray *roots;
  guint n;

  n = kj_roadmap_get_n_groups(roadmap);
  for (guint i = 0; i < n; i++) {
    KjRoadmapGroup *group = kj_roadmap_get_group(roadmap, i);
    const char *parent = kj_roadmap_group_get_parent(group);

    tree_add(tree.children, parent != NULL ? parent : "", group);
  }
  n = kj_roadmap_get_n_nodes(roadmap);
  for (guint i = 0; i < n; i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(roadmap, i);
    const char *group = kj_roadmap_node_get_group(node);

    if (group != NULL)
      tree_add(tree.members, group, (gpointer)kj_roadmap_node_get_id(node));
  }

  /* Depth first without recursion: a hostile file may nest deeply. */
  roots = tree_get(tree.children, "");
  for (guint r = 0; roots != NULL && r < roots->len; r++) {
    Frame root = { roots->pdata[r], 0 };

    append_group_header(out, root.group, &tree, 0);
    g_array_append_val(stack, root);
    while (stack->len > 0) {
      Frame *top = &g_array_index(stack, Frame, stack->len - 1);
      GPtrArray *children = tree_get(tree.children, kj_roadmap_group_get_id(top->group));

      if (children != NULL && top->next_child < children->len) {
        Frame child = { children->pdata[top->next_child++], 0 };

        append_group_header(out, child.group, &tree, stack->len);
        g_array_append_val(stack, child);
      } else {
        g_array_set_size(stack, stack->len - 1);
        append_indent(out, stack->len);
        g_string_append(out, "end\n");
      }
    }
  }
  g_hash_table_unref(tree.children);
  g_hash_table_unref(tree.members);
}

static const char *
arrow(KjRoadmapEdge *edge)
{
  gboolean head = kj_roadmap_edge_get_kind(edge) == KJ_ROADMAP_EDGE_PREREQUISITE;

  switch (kj_roadmap_edge_get_stroke(edge)) {
  case KJ_ROADMAP_STROKE_DOTTED:
    return head ? "-.->" : "-.-";
  case KJ_ROADMAP_STROKE_THICK:
    return head ? "==>" : "===";
  case KJ_ROADMAP_STROKE_SOLID:
    break;
  }
  return head ? "-->" : "---";
}

static void
append_title(GString *out, const char *title)
{
  g_string_append(out, "---\ntitle: ");
  /* A plain YAML scalar when nothing in it means something to YAML. */
  if (is_bare(title) && strchr(title, '\'') == NULL &&
      ((guchar)title[0] >= 0x80 || g_ascii_isalnum(title[0]))) {
    g_string_append(out, title);
  } else {
    g_string_append_c(out, '"');
    for (const char *p = title; *p != '\0'; p++)
      switch (*p) {
      case '"':
        g_string_append(out, "\\\"");
        break;
      case '\\':
        g_string_append(out, "\\\\");
        break;
      case '\n':
        g_string_append(out, "\\n");
        break;
      case '\r':
        g_string_append(out, "\\r");
        break;
      case '\t':
        g_string_append(out, "\\t");
        break;
      default:
        g_string_append_c(out, *p);
      }
    g_string_append_c(out, '"');
  }
  g_string_append(out, "\n---\n");
}

char *
kj_mermaid_export(KjRoadmap *roadmap)
{
  GString *out;
  const char *title;
  const char *const *extra;
  guint n;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), NULL);

  out = g_string_new(NULL);
  title = kj_roadmap_get_title(roadmap);
  if (title[0] != '\0')
    append_title(out, title);
  g_string_append_printf(
      out, "flowchart %s\n",
      kj_roadmap_enum_to_nick(KJ_TYPE_ROADMAP_DIRECTION, kj_roadmap_get_direction(roadmap)));

  n = kj_roadmap_get_n_nodes(roadmap);
  for (guint i = 0; i < n; i++)
    append_node(out, kj_roadmap_get_node(roadmap, i));

  append_groups(out, roadmap);

  n = kj_roadmap_get_n_edges(roadmap);
  for (guint i = 0; i < n; i++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(roadmap, i);
    const char *label = kj_roadmap_edge_get_label(edge);

    g_string_append_printf(out, INDENT "%s %s", kj_roadmap_edge_get_from(edge), arrow(edge));
    if (label != NULL) {
      g_string_append_c(out, '|');
      append_label(out, label);
      g_string_append_c(out, '|');
    }
    g_string_append_printf(out, " %s\n", kj_roadmap_edge_get_to(edge));
  }

  extra = kj_roadmap_get_mermaid_extra(roadmap);
  for (guint i = 0; extra[i] != NULL; i++)
    g_string_append_printf(out, INDENT "%s\n", extra[i]);
  return g_string_free(out, FALSE);
}
