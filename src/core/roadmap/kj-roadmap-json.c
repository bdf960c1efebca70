#include "config.h"

#include "kj-roadmap-json.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "kj-error.h"
#include "kj-roadmap-private.h"

/* ---- positions in text ---- */

void
kj_roadmap_set_error_at(GError **error, guint line, guint column, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start(args, format);
  message = g_strdup_vprintf(format, args);
  va_end(args);
  /* Translators: where a problem is in a file; the last %s says what it is */
  g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE, _("Line %u, column %u: %s"), line, column, message);
}

static void
kj_roadmap_text_position(const char *text, gsize length, gsize offset, guint *line, guint *column)
{
  const char *end = text + MIN(offset, length);

  *line = 1;
  *column = 1;
  for (const char *p = text; p < end;) {
    if (*p == '\n') {
      (*line)++;
      *column = 1;
      p++;
    } else {
      (*column)++;
      /* Not g_utf8_next_char(): the text may be invalid before offset. */
      p += MAX(1, g_utf8_skip[*(const guchar *)p]);
    }
  }
}

gboolean
kj_roadmap_check_utf8(const char *text, gsize length, GError **error)
{
  const char *bad;
  guint line, column;

  if (g_utf8_validate_len(text, length, &bad))
    return TRUE;
  kj_roadmap_text_position(text, length, bad - text, &line, &column);
  kj_roadmap_set_error_at(error, line, column, "%s", _("The text is not valid UTF-8"));
  return FALSE;
}

/* ---- reading ---- */

/* Where json-glib was when it finished a value: a line and a byte column
 * within it, both from 1. */
typedef struct {
  guint line;
  guint byte;
} Pos;

typedef struct {
  const char *text;
  gsize length;
  GHashTable *positions; /* "%p" (start), "%p.name", "%p[i]" -> Pos */
  GArray *starts;        /* Pos of the objects and arrays being parsed */
  Pos error_pos;
  gboolean has_error_pos;
  gpointer dup_object; /* the first object with a repeated member */
  char *dup_name;
  Pos dup_pos;
  GPtrArray *groups;       /* KjRoadmapGroup read but not yet added */
  GPtrArray *group_items;  /* the JsonObject each came from */
  GHashTable *group_index; /* id -> position in groups */
} Reader;

static Pos
current_pos(JsonParser *parser)
{
  return (Pos){ json_parser_get_current_line(parser), json_parser_get_current_pos(parser) };
}

static void
remember(Reader *r, char *key, Pos pos)
{
  g_hash_table_insert(r->positions, key, g_memdup2(&pos, sizeof pos));
}

static void
on_start(JsonParser *parser, Reader *r)
{
  Pos pos = current_pos(parser);

  g_array_append_val(r->starts, pos);
}

static void
on_end(JsonParser *parser, gpointer container, Reader *r)
{
  if (r->starts->len == 0)
    return;
  remember(r, g_strdup_printf("%p", container), g_array_index(r->starts, Pos, r->starts->len - 1));
  g_array_set_size(r->starts, r->starts->len - 1);
}

static void
on_member(JsonParser *parser, JsonObject *object, const char *name, Reader *r)
{
  char *key = g_strdup_printf("%p.%s", (gpointer)object, name);

  /* json-glib keeps the last of repeated members silently; we refuse them. */
  if (g_hash_table_contains(r->positions, key) && r->dup_object == NULL) {
    r->dup_object = object;
    r->dup_name = g_strdup(name);
    r->dup_pos = current_pos(parser);
  }
  remember(r, key, current_pos(parser));
}

static void
on_element(JsonParser *parser, JsonArray *array, int index, Reader *r)
{
  remember(r, g_strdup_printf("%p[%d]", (gpointer)array, index), current_pos(parser));
}

static void
on_error(JsonParser *parser, const GError *error, Reader *r)
{
  r->error_pos = current_pos(parser);
  r->has_error_pos = TRUE;
}

static void
pos_to_column(Reader *r, Pos pos, guint *line, guint *column)
{
  const char *p = r->text, *end = r->text + r->length;
  const char *limit;

  *line = MAX(pos.line, 1);
  *column = 1;
  for (guint l = 1; l < *line && p < end; p++)
    if (*p == '\n')
      l++;
  limit = p + (pos.byte > 0 ? pos.byte - 1 : 0);
  for (; p < end && p < limit && *p != '\n'; p = g_utf8_next_char(p))
    (*column)++;
}

static void error_at(Reader *r, const Pos *pos, GError **error, const char *path,
                     const char *format, ...) G_GNUC_PRINTF(5, 6);

static void
error_at(Reader *r, const Pos *pos, GError **error, const char *path, const char *format, ...)
{
  g_autofree char *detail = NULL;
  guint line = 1, column = 1;
  va_list args;

  va_start(args, format);
  detail = g_strdup_vprintf(format, args);
  va_end(args);
  if (pos != NULL)
    pos_to_column(r, *pos, &line, &column);
  if (path != NULL)
    kj_roadmap_set_error_at(error, line, column, "%s: %s", path, detail);
  else
    kj_roadmap_set_error_at(error, line, column, "%s", detail);
}

static const Pos *lookup_pos(Reader *r, const char *format, ...) G_GNUC_PRINTF(2, 3);

static const Pos *
lookup_pos(Reader *r, const char *format, ...)
{
  g_autofree char *key = NULL;
  va_list args;

  va_start(args, format);
  key = g_strdup_vprintf(format, args);
  va_end(args);
  return g_hash_table_lookup(r->positions, key);
}

static const Pos *
object_pos(Reader *r, JsonObject *object)
{
  return lookup_pos(r, "%p", (gpointer)object);
}

static const Pos *
member_pos(Reader *r, JsonObject *object, const char *name)
{
  const Pos *pos = lookup_pos(r, "%p.%s", (gpointer)object, name);

  return pos != NULL ? pos : object_pos(r, object);
}

static char *
member_path(const char *path, const char *name)
{
  return path != NULL ? g_strconcat(path, ".", name, NULL) : g_strdup(name);
}

/* Refuses repeated and unknown members, the first in file order. */
static gboolean
check_members(Reader *r, JsonObject *object, const char *path, const char *const *allowed,
              GError **error)
{
  JsonObjectIter iter;
  const char *name;

  if (r->dup_object == object) {
    g_autofree char *where = member_path(path, r->dup_name);

    error_at(r, &r->dup_pos, error, where, "%s", _("This member appears more than once"));
    return FALSE;
  }
  json_object_iter_init_ordered(&iter, object);
  while (json_object_iter_next_ordered(&iter, &name, NULL))
    if (!g_strv_contains(allowed, name)) {
      g_autofree char *where = member_path(path, name);

      error_at(r, member_pos(r, object, name), error, where, "%s", _("Unknown member"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
require(Reader *r, JsonObject *object, const char *path, const char *name, GError **error)
{
  if (json_object_has_member(object, name))
    return TRUE;
  error_at(r, object_pos(r, object), error, path, _("The member “%s” is missing"), name);
  return FALSE;
}

static gboolean
type_error(Reader *r, JsonObject *object, const char *path, const char *name, const char *what,
           GError **error)
{
  g_autofree char *where = member_path(path, name);

  error_at(r, member_pos(r, object, name), error, where, "%s", what);
  return FALSE;
}

/* Optional string members leave *value alone when absent. */
static gboolean
get_string(Reader *r, JsonObject *object, const char *path, const char *name, const char **value,
           GError **error)
{
  JsonNode *node = json_object_get_member(object, name);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING)
    return type_error(r, object, path, name, _("Expected text"), error);
  *value = json_node_get_string(node);
  return TRUE;
}

static gboolean
get_id(Reader *r, JsonObject *object, const char *path, const char *name, const char **value,
       GError **error)
{
  const char *id = NULL;

  if (!get_string(r, object, path, name, &id, error))
    return FALSE;
  if (id == NULL)
    return TRUE;
  if (!kj_roadmap_id_is_valid(id)) {
    g_autofree char *where = member_path(path, name);

    error_at(r, member_pos(r, object, name), error, where, _("“%s” is not a valid id"), id);
    return FALSE;
  }
  *value = id;
  return TRUE;
}

static gboolean
get_enum(Reader *r, JsonObject *object, const char *path, const char *name, GType type, int *value,
         GError **error)
{
  const char *nick = NULL;
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) names = NULL;
  g_autofree char *where = NULL;

  if (!get_string(r, object, path, name, &nick, error))
    return FALSE;
  if (nick == NULL || kj_roadmap_enum_from_nick(type, nick, value))
    return TRUE;
  klass = g_type_class_ref(type);
  names = g_string_new(NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf(names, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
  where = member_path(path, name);
  error_at(r, member_pos(r, object, name), error, where,
           /* Translators: the last %s is a list of the values allowed */
           _("Unknown value “%s”; expected one of: %s"), nick, names->str);
  return FALSE;
}

static gboolean
get_number(Reader *r, JsonObject *object, const char *path, const char *name, double *value,
           GError **error)
{
  JsonNode *node = json_object_get_member(object, name);
  GType type;

  if (node == NULL)
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE(node) ? json_node_get_value_type(node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return type_error(r, object, path, name, _("Expected a number"), error);
  *value = json_node_get_double(node);
  return TRUE;
}

static gboolean
get_array(Reader *r, JsonObject *object, const char *path, const char *name, JsonArray **value,
          GError **error)
{
  JsonNode *node = json_object_get_member(object, name);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY(node))
    return type_error(r, object, path, name, _("Expected a list"), error);
  *value = json_node_get_array(node);
  return TRUE;
}

/* A list of strings, as a NULL-terminated vector of borrowed strings. */
static gboolean
get_strings(Reader *r, JsonObject *object, const char *path, const char *name, GPtrArray **strings,
            GError **error)
{
  JsonArray *array = NULL;
  guint n;

  if (!get_array(r, object, path, name, &array, error))
    return FALSE;
  *strings = g_ptr_array_new();
  if (array == NULL) {
    g_ptr_array_add(*strings, NULL);
    return TRUE;
  }
  n = json_array_get_length(array);
  for (guint i = 0; i < n; i++) {
    JsonNode *node = json_array_get_element(array, i);

    if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING) {
      g_autofree char *list = member_path(path, name);
      g_autofree char *where = g_strdup_printf("%s[%u]", list, i);

      error_at(r, lookup_pos(r, "%p[%u]", (gpointer)array, i), error, where, "%s",
               _("Expected text"));
      g_clear_pointer(strings, g_ptr_array_unref);
      return FALSE;
    }
    g_ptr_array_add(*strings, (gpointer)json_node_get_string(node));
  }
  g_ptr_array_add(*strings, NULL);
  return TRUE;
}

/* Calls read_item for each object of the list member name. */
typedef gboolean (*ReadItem)(Reader *r, KjRoadmap *roadmap, JsonObject *object, const char *path,
                             const Pos *pos, GError **error);

static gboolean
read_list(Reader *r, KjRoadmap *roadmap, JsonObject *root, const char *name, ReadItem read_item,
          GError **error)
{
  JsonArray *array = NULL;
  guint n;

  if (!get_array(r, root, NULL, name, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  n = json_array_get_length(array);
  for (guint i = 0; i < n; i++) {
    JsonNode *node = json_array_get_element(array, i);
    g_autofree char *path = g_strdup_printf("%s[%u]", name, i);
    const Pos *pos = lookup_pos(r, "%p[%u]", (gpointer)array, i);

    if (!JSON_NODE_HOLDS_OBJECT(node)) {
      error_at(r, pos, error, path, "%s", _("Expected an object"));
      return FALSE;
    }
    if (!read_item(r, roadmap, json_node_get_object(node), path, pos, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
model_error(Reader *r, const Pos *pos, const char *path, GError *local_error, GError **error)
{
  error_at(r, pos, error, path, "%s", local_error->message);
  g_error_free(local_error);
  return FALSE;
}

/* Groups are read first and added once all are known: a parent may come
 * after its children in the list, and nesting is checked in one pass. */
static gboolean
read_group(Reader *r, KjRoadmap *roadmap, JsonObject *object, const char *path, const Pos *pos,
           GError **error)
{
  static const char *const members[] = { "id", "title", "parent", NULL };
  const char *id = NULL, *title = NULL, *parent = NULL;
  KjRoadmapGroup *group;

  if (!check_members(r, object, path, members, error) || !require(r, object, path, "id", error) ||
      !get_id(r, object, path, "id", &id, error) ||
      !get_string(r, object, path, "title", &title, error) ||
      !get_id(r, object, path, "parent", &parent, error))
    return FALSE;
  if (g_hash_table_contains(r->group_index, id)) {
    g_autofree char *where = member_path(path, "id");

    error_at(r, member_pos(r, object, "id"), error, where, _("The id “%s” is already in use"), id);
    return FALSE;
  }
  group = kj_roadmap_group_new(id);
  if (title != NULL)
    kj_roadmap_group_set_title(group, title);
  kj_roadmap_group_set_parent(group, parent);
  g_hash_table_insert(r->group_index, (gpointer)kj_roadmap_group_get_id(group),
                      GUINT_TO_POINTER(r->groups->len));
  g_ptr_array_add(r->groups, group);
  g_ptr_array_add(r->group_items, object);
  return TRUE;
}

/* Takes message. */
static gboolean
parent_error(Reader *r, guint i, char *message, GError **error)
{
  g_autofree char *where = g_strdup_printf("groups[%u].parent", i);

  error_at(r, member_pos(r, r->group_items->pdata[i], "parent"), error, where, "%s", message);
  g_free(message);
  return FALSE;
}

static gboolean
add_groups(Reader *r, KjRoadmap *roadmap, GError **error)
{
  guint n = r->groups->len;
  g_autofree guchar *state = g_new0(guchar, MAX(n, 1)); /* 0 new, 1 on the walk, 2 fine */

  for (guint i = 0; i < n; i++) {
    const char *parent = kj_roadmap_group_get_parent(r->groups->pdata[i]);

    if (parent != NULL && !g_hash_table_contains(r->group_index, parent))
      return parent_error(r, i, g_strdup_printf(_("There is no group “%s”"), parent), error);
  }
  /* Each group has one parent: walking up either ends or meets itself. */
  for (guint i = 0; i < n; i++) {
    guint j = i;

    while (state[j] == 0) {
      const char *parent = kj_roadmap_group_get_parent(r->groups->pdata[j]);
      guint up;

      state[j] = 1;
      if (parent == NULL)
        break;
      up = GPOINTER_TO_UINT(g_hash_table_lookup(r->group_index, parent));
      if (state[up] == 1)
        return parent_error(r, j,
                            g_strdup_printf(_("The group “%s” would be inside itself"),
                                            kj_roadmap_group_get_id(r->groups->pdata[j])),
                            error);
      j = up;
    }
    for (j = i; state[j] == 1;) {
      const char *parent = kj_roadmap_group_get_parent(r->groups->pdata[j]);

      state[j] = 2;
      if (parent == NULL)
        break;
      j = GPOINTER_TO_UINT(g_hash_table_lookup(r->group_index, parent));
    }
  }
  for (guint i = 0; i < n; i++) {
    KjRoadmapGroup *group = r->groups->pdata[i];
    const char *id = kj_roadmap_group_get_id(group);

    /* Checked above, so the roadmap's own per-group checks are skipped. */
    g_assert(kj_roadmap_lookup_group(roadmap, id) == NULL);
    kj_roadmap_apply_insert(roadmap, G_OBJECT(group), i);
  }
  return TRUE;
}

static gboolean
read_node(Reader *r, KjRoadmap *roadmap, JsonObject *object, const char *path, const Pos *pos,
          GError **error)
{
  static const char *const members[] = {
    "id",    "title",       "kind",  "shape", "stage", "status", "domain",
    "group", "description", "notes", "links", "hours", NULL,
  };
  const char *id = NULL, *title = NULL, *domain = NULL, *group = NULL;
  const char *description = NULL, *notes = NULL;
  int kind = KJ_ROADMAP_NODE_KIND_CONCEPT, shape = KJ_ROADMAP_SHAPE_AUTO;
  int stage = KJ_ROADMAP_STAGE_NONE, status = KJ_ROADMAP_STATUS_NOT_STARTED;
  double hours = 0.0;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(KjRoadmapNode) node = NULL;
  GError *local_error = NULL;

  if (!check_members(r, object, path, members, error) || !require(r, object, path, "id", error) ||
      !get_id(r, object, path, "id", &id, error) ||
      !get_string(r, object, path, "title", &title, error) ||
      !get_enum(r, object, path, "kind", KJ_TYPE_ROADMAP_NODE_KIND, &kind, error) ||
      !get_enum(r, object, path, "shape", KJ_TYPE_ROADMAP_SHAPE, &shape, error) ||
      !get_enum(r, object, path, "stage", KJ_TYPE_ROADMAP_STAGE, &stage, error) ||
      !get_enum(r, object, path, "status", KJ_TYPE_ROADMAP_STATUS, &status, error) ||
      !get_id(r, object, path, "domain", &domain, error) ||
      !get_id(r, object, path, "group", &group, error) ||
      !get_string(r, object, path, "description", &description, error) ||
      !get_string(r, object, path, "notes", &notes, error) ||
      !get_strings(r, object, path, "links", &links, error) ||
      !get_number(r, object, path, "hours", &hours, error))
    return FALSE;
  if (!isfinite(hours) || hours < 0.0)
    return type_error(r, object, path, "hours", _("Expected a number of hours, zero or more"),
                      error);
  if (group != NULL && kj_roadmap_lookup_group(roadmap, group) == NULL) {
    g_autofree char *where = member_path(path, "group");

    error_at(r, member_pos(r, object, "group"), error, where, _("There is no group “%s”"), group);
    return FALSE;
  }

  node = kj_roadmap_node_new(id);
  if (title != NULL)
    kj_roadmap_node_set_title(node, title);
  kj_roadmap_node_set_kind(node, kind);
  kj_roadmap_node_set_shape(node, shape);
  kj_roadmap_node_set_stage(node, stage);
  kj_roadmap_node_set_status(node, status);
  kj_roadmap_node_set_domain(node, domain);
  kj_roadmap_node_set_group(node, group);
  kj_roadmap_node_set_description(node, description);
  kj_roadmap_node_set_notes(node, notes);
  kj_roadmap_node_set_links(node, (const char *const *)links->pdata);
  kj_roadmap_node_set_estimated_hours(node, hours);
  if (!kj_roadmap_add_node(roadmap, node, &local_error))
    return model_error(r, member_pos(r, object, "id"), path, local_error, error);
  return TRUE;
}

static gboolean
read_edge(Reader *r, KjRoadmap *roadmap, JsonObject *object, const char *path, const Pos *pos,
          GError **error)
{
  static const char *const members[] = { "from", "to", "kind", "stroke", "label", NULL };
  const char *from = NULL, *to = NULL, *label = NULL;
  int kind = KJ_ROADMAP_EDGE_PREREQUISITE, stroke = KJ_ROADMAP_STROKE_SOLID;
  g_autoptr(KjRoadmapEdge) edge = NULL;
  GError *local_error = NULL;

  if (!check_members(r, object, path, members, error) || !require(r, object, path, "from", error) ||
      !require(r, object, path, "to", error) || !get_id(r, object, path, "from", &from, error) ||
      !get_id(r, object, path, "to", &to, error) ||
      !get_enum(r, object, path, "kind", KJ_TYPE_ROADMAP_EDGE_KIND, &kind, error) ||
      !get_enum(r, object, path, "stroke", KJ_TYPE_ROADMAP_STROKE, &stroke, error) ||
      !get_string(r, object, path, "label", &label, error))
    return FALSE;
  edge = kj_roadmap_edge_new(from, to, kind);
  kj_roadmap_edge_set_stroke(edge, stroke);
  kj_roadmap_edge_set_label(edge, label);
  if (!kj_roadmap_add_edge(roadmap, edge, &local_error))
    return model_error(r, pos, path, local_error, error);
  return TRUE;
}

static gboolean
read_document(Reader *r, JsonNode *root, KjRoadmap *roadmap, GError **error)
{
  static const char *const members[] = {
    "format", "version", "title", "direction", "groups", "nodes", "edges", "mermaid-extra", NULL,
  };
  JsonObject *object;
  JsonNode *version;
  const char *format = NULL, *title = NULL;
  int direction = KJ_ROADMAP_DIRECTION_TB;
  g_autoptr(GPtrArray) extra = NULL;
  gint64 number;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
    Pos start = { 1, 1 };

    error_at(r, &start, error, NULL, "%s", _("Expected an object"));
    return FALSE;
  }
  object = json_node_get_object(root);
  if (!check_members(r, object, NULL, members, error) ||
      !require(r, object, NULL, "format", error) ||
      !get_string(r, object, NULL, "format", &format, error))
    return FALSE;
  if (g_strcmp0(format, KJ_ROADMAP_JSON_FORMAT) != 0)
    return type_error(r, object, NULL, "format", _("This is not a Kuajie roadmap"), error);
  if (!require(r, object, NULL, "version", error))
    return FALSE;
  version = json_object_get_member(object, "version");
  if (!JSON_NODE_HOLDS_VALUE(version) || json_node_get_value_type(version) != G_TYPE_INT64)
    return type_error(r, object, NULL, "version", _("Expected a whole number"), error);
  number = json_node_get_int(version);
  if (number > KJ_ROADMAP_JSON_VERSION) {
    g_autofree char *where = member_path(NULL, "version");

    error_at(r, member_pos(r, object, "version"), error, where,
             _("Version %d of the format is newer than this Kuajie reads"),
             (int)MIN(number, G_MAXINT));
    return FALSE;
  }
  if (number != KJ_ROADMAP_JSON_VERSION)
    return type_error(r, object, NULL, "version", _("Unknown version of the format"), error);

  if (!get_string(r, object, NULL, "title", &title, error) ||
      !get_enum(r, object, NULL, "direction", KJ_TYPE_ROADMAP_DIRECTION, &direction, error) ||
      !get_strings(r, object, NULL, "mermaid-extra", &extra, error))
    return FALSE;
  kj_roadmap_set_title(roadmap, title);
  kj_roadmap_set_direction(roadmap, direction);
  kj_roadmap_set_mermaid_extra(roadmap, (const char *const *)extra->pdata);

  return read_list(r, roadmap, object, "groups", read_group, error) &&
         add_groups(r, roadmap, error) &&
         read_list(r, roadmap, object, "nodes", read_node, error) &&
         read_list(r, roadmap, object, "edges", read_edge, error);
}

/* json-glib's messages start with "<data>:L:C: Parse error: "; the place
 * is given our way, the rest kept. */
static const char *
strip_json_prefix(const char *message)
{
  const char *rest = strstr(message, "Parse error: ");

  if (rest != NULL)
    return rest + strlen("Parse error: ");
  if (g_str_has_prefix(message, "<data>:")) {
    rest = strstr(message, ": ");
    if (rest != NULL)
      return rest + 2;
  }
  return message;
}

KjRoadmap *
kj_roadmap_new_from_json(const char *data, gssize length, GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(KjRoadmap) roadmap = NULL;
  g_autoptr(GError) json_error = NULL;
  Reader r = { 0 };
  gboolean ok;

  g_return_val_if_fail(data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";
  r.text = data;
  r.length = length < 0 ? strlen(data) : (gsize)length;
  if (!kj_roadmap_check_utf8(r.text, r.length, error))
    return NULL;

  r.positions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  r.groups = g_ptr_array_new_with_free_func(g_object_unref);
  r.group_items = g_ptr_array_new();
  r.group_index = g_hash_table_new(g_str_hash, g_str_equal);
  r.starts = g_array_new(FALSE, FALSE, sizeof(Pos));
  parser = json_parser_new_immutable();
  g_signal_connect(parser, "object-start", G_CALLBACK(on_start), &r);
  g_signal_connect(parser, "array-start", G_CALLBACK(on_start), &r);
  g_signal_connect(parser, "object-end", G_CALLBACK(on_end), &r);
  g_signal_connect(parser, "array-end", G_CALLBACK(on_end), &r);
  g_signal_connect(parser, "object-member", G_CALLBACK(on_member), &r);
  g_signal_connect(parser, "array-element", G_CALLBACK(on_element), &r);
  g_signal_connect(parser, "error", G_CALLBACK(on_error), &r);

  if (!json_parser_load_from_data(parser, r.text, r.length, &json_error)) {
    Pos pos = r.error_pos;

    if (!r.has_error_pos && sscanf(json_error->message, "<data>:%u:%u:", &pos.line, &pos.byte) != 2)
      pos = (Pos){ 1, 1 };
    error_at(&r, &pos, error, NULL, "%s", strip_json_prefix(json_error->message));
    ok = FALSE;
  } else {
    roadmap = kj_roadmap_new();
    ok = read_document(&r, json_parser_get_root(parser), roadmap, error);
  }

  g_hash_table_unref(r.positions);
  g_hash_table_unref(r.group_index);
  g_ptr_array_unref(r.group_items);
  g_ptr_array_unref(r.groups);
  g_array_unref(r.starts);
  g_free(r.dup_name);
  if (!ok)
    return NULL;
  kj_roadmap_clear_history(roadmap);
  kj_roadmap_set_modified(roadmap, FALSE);
  return g_steal_pointer(&roadmap);
}

gboolean
kj_roadmap_load_json(KjRoadmap *roadmap, const char *data, gssize length, GError **error)
{
  g_autoptr(KjRoadmap) loaded = NULL;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), FALSE);

  loaded = kj_roadmap_new_from_json(data, length, error);
  if (loaded == NULL)
    return FALSE;
  kj_roadmap_replace_contents(roadmap, loaded);
  return TRUE;
}

/* ---- writing ---- */

static void
add_string(JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name(builder, name);
  json_builder_add_string_value(builder, value);
}

static void
add_optional_string(JsonBuilder *builder, const char *name, const char *value)
{
  if (value != NULL && *value != '\0')
    add_string(builder, name, value);
}

static void
add_enum(JsonBuilder *builder, const char *name, GType type, int value)
{
  add_string(builder, name, kj_roadmap_enum_to_nick(type, value));
}

static void
add_strings(JsonBuilder *builder, const char *name, const char *const *strings)
{
  json_builder_set_member_name(builder, name);
  json_builder_begin_array(builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value(builder, strings[i]);
  json_builder_end_array(builder);
}

static void
write_group(JsonBuilder *builder, KjRoadmapGroup *group)
{
  json_builder_begin_object(builder);
  add_string(builder, "id", kj_roadmap_group_get_id(group));
  add_string(builder, "title", kj_roadmap_group_get_title(group));
  add_optional_string(builder, "parent", kj_roadmap_group_get_parent(group));
  json_builder_end_object(builder);
}

static void
write_node(JsonBuilder *builder, KjRoadmapNode *node)
{
  double hours = kj_roadmap_node_get_estimated_hours(node);
  const char *const *links = kj_roadmap_node_get_links(node);

  json_builder_begin_object(builder);
  add_string(builder, "id", kj_roadmap_node_get_id(node));
  add_string(builder, "title", kj_roadmap_node_get_title(node));
  add_enum(builder, "kind", KJ_TYPE_ROADMAP_NODE_KIND, kj_roadmap_node_get_kind(node));
  if (kj_roadmap_node_get_shape(node) != KJ_ROADMAP_SHAPE_AUTO)
    add_enum(builder, "shape", KJ_TYPE_ROADMAP_SHAPE, kj_roadmap_node_get_shape(node));
  if (kj_roadmap_node_get_stage(node) != KJ_ROADMAP_STAGE_NONE)
    add_enum(builder, "stage", KJ_TYPE_ROADMAP_STAGE, kj_roadmap_node_get_stage(node));
  if (kj_roadmap_node_get_status(node) != KJ_ROADMAP_STATUS_NOT_STARTED)
    add_enum(builder, "status", KJ_TYPE_ROADMAP_STATUS, kj_roadmap_node_get_status(node));
  add_optional_string(builder, "domain", kj_roadmap_node_get_domain(node));
  add_optional_string(builder, "group", kj_roadmap_node_get_group(node));
  add_optional_string(builder, "description", kj_roadmap_node_get_description(node));
  add_optional_string(builder, "notes", kj_roadmap_node_get_notes(node));
  if (links[0] != NULL)
    add_strings(builder, "links", links);
  if (hours != 0.0) {
    json_builder_set_member_name(builder, "hours");
    /* Whole hours as integers, for people who edit the file by hand. */
    if (hours == floor(hours) && hours < 9007199254740992.0)
      json_builder_add_int_value(builder, (gint64)hours);
    else
      json_builder_add_double_value(builder, hours);
  }
  json_builder_end_object(builder);
}

static void
write_edge(JsonBuilder *builder, KjRoadmapEdge *edge)
{
  json_builder_begin_object(builder);
  add_string(builder, "from", kj_roadmap_edge_get_from(edge));
  add_string(builder, "to", kj_roadmap_edge_get_to(edge));
  add_enum(builder, "kind", KJ_TYPE_ROADMAP_EDGE_KIND, kj_roadmap_edge_get_kind(edge));
  if (kj_roadmap_edge_get_stroke(edge) != KJ_ROADMAP_STROKE_SOLID)
    add_enum(builder, "stroke", KJ_TYPE_ROADMAP_STROKE, kj_roadmap_edge_get_stroke(edge));
  add_optional_string(builder, "label", kj_roadmap_edge_get_label(edge));
  json_builder_end_object(builder);
}

char *
kj_roadmap_to_json(KjRoadmap *roadmap, gsize *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable();
  g_autoptr(JsonGenerator) generator = json_generator_new();
  g_autoptr(JsonNode) root = NULL;
  const char *const *extra;
  g_autofree char *text = NULL;
  char *result;
  guint n;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), NULL);

  json_builder_begin_object(builder);
  add_string(builder, "format", KJ_ROADMAP_JSON_FORMAT);
  json_builder_set_member_name(builder, "version");
  json_builder_add_int_value(builder, KJ_ROADMAP_JSON_VERSION);
  add_optional_string(builder, "title", kj_roadmap_get_title(roadmap));
  if (kj_roadmap_get_direction(roadmap) != KJ_ROADMAP_DIRECTION_TB)
    add_enum(builder, "direction", KJ_TYPE_ROADMAP_DIRECTION, kj_roadmap_get_direction(roadmap));
  n = kj_roadmap_get_n_groups(roadmap);
  if (n > 0) {
    json_builder_set_member_name(builder, "groups");
    json_builder_begin_array(builder);
    for (guint i = 0; i < n; i++)
      write_group(builder, kj_roadmap_get_group(roadmap, i));
    json_builder_end_array(builder);
  }
  json_builder_set_member_name(builder, "nodes");
  json_builder_begin_array(builder);
  n = kj_roadmap_get_n_nodes(roadmap);
  for (guint i = 0; i < n; i++)
    write_node(builder, kj_roadmap_get_node(roadmap, i));
  json_builder_end_array(builder);
  json_builder_set_member_name(builder, "edges");
  json_builder_begin_array(builder);
  n = kj_roadmap_get_n_edges(roadmap);
  for (guint i = 0; i < n; i++)
    write_edge(builder, kj_roadmap_get_edge(roadmap, i));
  json_builder_end_array(builder);
  extra = kj_roadmap_get_mermaid_extra(roadmap);
  if (extra[0] != NULL)
    add_strings(builder, "mermaid-extra", extra);
  json_builder_end_object(builder);

  root = json_builder_get_root(builder);
  json_generator_set_root(generator, root);
  json_generator_set_pretty(generator, TRUE);
  json_generator_set_indent(generator, 2);
  text = json_generator_to_data(generator, NULL);
  result = g_strconcat(text, "\n", NULL);
  if (length != NULL)
    *length = strlen(result);
  return result;
}
