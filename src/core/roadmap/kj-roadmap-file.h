/* kj-roadmap-file.h — roadmaps in files, JSON or Mermaid
 *
 * Saving goes through kj_file_replace_contents(): the new text is written to
 * a temporary file that is then renamed over the old one, so a crash or a
 * full disk leaves either the old file or the new one, whole.  Loading
 * changes the roadmap only when the whole file is valid. */
#pragma once

#include "kj-roadmap.h"

G_BEGIN_DECLS

typedef enum {
  KJ_ROADMAP_FORMAT_JSON,
  KJ_ROADMAP_FORMAT_MERMAID,
} KjRoadmapFormat;

/* From the file name: .json, or .mmd / .mermaid.  FALSE for anything else. */
gboolean kj_roadmap_format_for_file(GFile *file, KjRoadmapFormat *format);

/* Replaces the roadmap's contents with the file's.  warnings (Mermaid only;
 * may be NULL) gets a new array of KjMermaidWarning.  Errors name the file. */
gboolean kj_roadmap_load_file(KjRoadmap *roadmap, GFile *file, KjRoadmapFormat format,
                              GPtrArray **warnings, GCancellable *cancellable, GError **error);
/* Saving JSON clears "modified"; Mermaid is an export and leaves it. */
gboolean kj_roadmap_save_file(KjRoadmap *roadmap, GFile *file, KjRoadmapFormat format,
                              GCancellable *cancellable, GError **error);

G_END_DECLS
