/* kj-roadmap-json.h — the roadmap file format
 *
 * A JSON object, written with two-space indentation and members in a fixed
 * order, so saving, loading and saving again gives the same bytes:
 *
 *   {
 *     "format": "kuajie-roadmap",
 *     "version": 1,
 *     "title": "…",                       optional, default ""
 *     "direction": "TB",                  optional: TB, BT, LR, RL
 *     "groups": [                         optional
 *       { "id": "g1", "title": "…", "parent": "g0" }   title, parent optional
 *     ],
 *     "nodes": [
 *       {
 *         "id": "ai",                     required; see kj_roadmap_id_is_valid()
 *         "title": "人工智能",             default: the id
 *         "kind": "domain",               concept (default), domain, skill,
 *                                         resource, tool, paper, project
 *         "shape": "hexagon",             Mermaid shape; default auto
 *         "stage": "cross-domain",        none (default), foundations,
 *                                         cross-domain, fusion, practice
 *         "status": "learning",           not-started (default), learning,
 *                                         done, skipped
 *         "domain": "ai",                 optional id
 *         "group": "g1",                  optional; must be a group's id
 *         "description": "…", "notes": "…",
 *         "links": ["https://…"],
 *         "hours": 12.5                   estimated hours, ≥ 0
 *       }
 *     ],
 *     "edges": [
 *       { "from": "a", "to": "b",         required; nodes' ids, different
 *         "kind": "prerequisite",         default; or relates-to
 *         "stroke": "solid",              default; or dotted, thick
 *         "label": "…" }                  optional
 *     ],
 *     "mermaid-extra": ["classDef done fill:#9f9"]   optional
 *   }
 *
 * Optional members are written only when they differ from their default.
 * Loading checks everything — unknown or duplicate members, wrong types,
 * unknown enumeration values, invalid or duplicate ids, edges or groups that
 * refer to nothing — and reports the first problem as a KJ_ERROR_PARSE error
 * that starts with its line and column (for a bad value, where the value
 * ends) and names the member's path, as in
 * "Line 7, column 26: nodes[1].status: unknown value “finished” …". */
#pragma once

#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_ROADMAP_JSON_FORMAT  "kuajie-roadmap"
#define KJ_ROADMAP_JSON_VERSION 1

/* NUL-terminated; length, if not NULL, gets its length. */
char *kj_roadmap_to_json(KjRoadmap *roadmap, gsize *length);
/* length -1: data is NUL-terminated. */
KjRoadmap *kj_roadmap_new_from_json(const char *data, gssize length, GError **error);
/* Replaces the contents of roadmap only when data is valid; on error the
 * roadmap is untouched. */
gboolean kj_roadmap_load_json(KjRoadmap *roadmap, const char *data, gssize length, GError **error);

G_END_DECLS
