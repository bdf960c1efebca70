#include "config.h"

#include "kj-roadmap-file.h"

#include <glib/gi18n-lib.h>

#include "kj-error.h"
#include "kj-file.h"
#include "kj-mermaid.h"
#include "kj-roadmap-json.h"

gboolean
kj_roadmap_format_for_file(GFile *file, KjRoadmapFormat *format)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail(G_IS_FILE(file), FALSE);
  name = g_file_get_basename(file);
  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown(name, -1);
  if (g_str_has_suffix(lower, ".json")) {
    *format = KJ_ROADMAP_FORMAT_JSON;
    return TRUE;
  }
  if (g_str_has_suffix(lower, ".mmd") || g_str_has_suffix(lower, ".mermaid")) {
    *format = KJ_ROADMAP_FORMAT_MERMAID;
    return TRUE;
  }
  return FALSE;
}

gboolean
kj_roadmap_load_file(KjRoadmap *roadmap, GFile *file, KjRoadmapFormat format, GPtrArray **warnings,
                     GCancellable *cancellable, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  gboolean ok;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), FALSE);
  g_return_val_if_fail(G_IS_FILE(file), FALSE);

  if (warnings != NULL)
    *warnings = NULL;
  name = g_file_get_parse_name(file);
  if (!g_file_load_contents(file, cancellable, &contents, &length, NULL, &local_error)) {
    if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_propagate_error(error, g_steal_pointer(&local_error));
    else
      g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("“%s” cannot be read: %s"), name,
                  local_error->message);
    return FALSE;
  }
  if (format == KJ_ROADMAP_FORMAT_JSON)
    ok = kj_roadmap_load_json(roadmap, contents, length, error);
  else
    ok = kj_roadmap_load_mermaid(roadmap, contents, length, warnings, error);
  if (!ok)
    g_prefix_error(error, "%s: ", name);
  return ok;
}

gboolean
kj_roadmap_save_file(KjRoadmap *roadmap, GFile *file, KjRoadmapFormat format,
                     GCancellable *cancellable, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), FALSE);
  g_return_val_if_fail(G_IS_FILE(file), FALSE);

  if (format == KJ_ROADMAP_FORMAT_JSON)
    text = kj_roadmap_to_json(roadmap, NULL);
  else
    text = kj_mermaid_export(roadmap);
  /* All or nothing: a temporary file renamed over the old one. */
  if (!kj_file_replace_contents(file, text, strlen(text), cancellable, &local_error)) {
    g_autofree char *name = g_file_get_parse_name(file);

    if (g_error_matches(local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_propagate_error(error, g_steal_pointer(&local_error));
    else
      /* Translators: the first %s is a file name, the second the reason */
      g_set_error(error, KJ_ERROR, KJ_ERROR_IO, _("Could not save the roadmap to “%s”: %s"), name,
                  local_error->message);
    return FALSE;
  }
  if (format == KJ_ROADMAP_FORMAT_JSON)
    kj_roadmap_set_modified(roadmap, FALSE);
  return TRUE;
}
