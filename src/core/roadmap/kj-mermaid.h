/* kj-mermaid.h — roadmaps from and to Mermaid flowcharts
 *
 * Import reads `graph` / `flowchart` diagrams:
 *   - header `graph` or `flowchart`, direction TB, TD (= TB), BT, LR or RL;
 *     optional YAML front matter (`---` … `---`) whose `title:` becomes the
 *     roadmap's title;
 *   - statements end at a newline or ';'; `%%` starts a comment;
 *   - nodes `id`, or `id` + a shape holding a label, quoted ("…") or not; in
 *     labels `<br>` is a line break and `#quot;`, `#35;`… are entities;
 *   - links `-->`, `---`, `-.->`, `-.-`, `==>`, `===` (longer forms too),
 *     labelled as `-->|label|` or `-- label -->`; chains `a --> b --> c`;
 *     `a & b --> c & d` links every pair;
 *   - `subgraph id`, `subgraph id [title]`, `subgraph "title"` … `end`,
 *     nested.  A node belongs to the first subgraph that mentions it;
 *   - `classDef`, `class`, `style`, `click` and `linkStyle` statements and
 *     `:::class` suffixes are kept verbatim (kj_roadmap_get_mermaid_extra())
 *     and written back on export; `direction` inside subgraphs, `accTitle`,
 *     `accDescr`, `%%{…}%%` directives and other front matter are ignored
 *     with a warning.
 *
 * Shapes give node kinds (the shape is kept too, so export gives it back):
 *   [text] rect, ((text)) circle, {text} rhombus, [/text\] [\text/]
 *   trapezoids ........................................ concept
 *   {{text}} hexagon, [[text]] subroutine .............. domain
 *   (text) round ....................................... skill
 *   [(text)] cylinder .................................. resource
 *   [/text/] [\text\] parallelograms ................... tool
 *   >text] asymmetric .................................. paper
 *   ([text]) stadium ................................... project
 * A node of a kind whose shape does not match is exported with its kind's
 * first shape above (hexagon for domains, parallelogram [/ /] for tools).
 *
 * Links: a head (`>`) makes a prerequisite, no head relates-to; `-.` is a
 * dotted stroke, `==` a thick one.  A link from a node to itself, or a
 * second link between the same two nodes, is dropped with a warning.
 *
 * Errors are KJ_ERROR_PARSE with the line and column, as in
 * "Line 3, column 9: This label has no closing “]”".  Any input gives a
 * roadmap or an error, in time about linear in its length: a statement may
 * make at most 10 000 links, and at most 200 warnings are kept. */
#pragma once

#include "kj-roadmap.h"

G_BEGIN_DECLS

typedef struct {
  guint line;    /* from 1 */
  guint column;  /* from 1, in characters */
  char *message; /* translated, without the position */
} KjMermaidWarning;

void kj_mermaid_warning_free(KjMermaidWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjMermaidWarning, kj_mermaid_warning_free)

/* length -1: text is NUL-terminated.  warnings, if not NULL, gets a new array
 * of KjMermaidWarning (possibly empty), also when the import fails.  The
 * roadmap has no history and is not modified. */
KjRoadmap *kj_mermaid_import(const char *text, gssize length, GPtrArray **warnings, GError **error);
/* As above, into an existing roadmap whose contents it replaces only when the
 * text is valid; on error the roadmap is untouched. */
gboolean kj_roadmap_load_mermaid(KjRoadmap *roadmap, const char *text, gssize length,
                                 GPtrArray **warnings, GError **error);

/* Mermaid text that imports to the same nodes (ids, titles, kinds, shapes,
 * groups), edges (kinds, strokes, labels), groups, direction, title and kept
 * statements.  What Mermaid cannot hold (statuses, stages, notes, links,
 * hours, domains, descriptions) is left out: save JSON to keep it. */
char *kj_mermaid_export(KjRoadmap *roadmap);

G_END_DECLS
