/* kj-roadmap-page.h — the Roadmap page: the seed's learning roadmap as an
 * outline, a graph and a details panel, edited with undo and autosaved */
#pragma once

#include <adwaita.h>

#include "kj-roadmap.h"

G_BEGIN_DECLS

#define KJ_TYPE_ROADMAP_PAGE (kj_roadmap_page_get_type())
G_DECLARE_FINAL_TYPE(KjRoadmapPage, kj_roadmap_page, KJ, ROADMAP_PAGE, AdwBin)

/* The roadmap the page shows; it keeps its identity for the page's life
 * (opening a file replaces its contents), so others may follow it. */
KjRoadmap *kj_roadmap_page_get_roadmap(KjRoadmapPage *self);

/* Loads the autosaved roadmap (from autosave_file, or the XDG data
 * directory's kuajie/roadmap.json when NULL), or the default one when there
 * is none.  An unreadable file is kept aside and reported, never overwritten. */
void kj_roadmap_page_load(KjRoadmapPage *self, GFile *autosave_file);
/* Writes pending changes to the autosave file now; FALSE with an error when
 * that fails (the page has already told the user). */
gboolean kj_roadmap_page_save(KjRoadmapPage *self, GError **error);
GFile *kj_roadmap_page_get_autosave_file(KjRoadmapPage *self);

/* Replaces the roadmap with a JSON or Mermaid file's, as Open… does (with an
 * Undo in a toast); on error the roadmap is untouched and FALSE returned. */
gboolean kj_roadmap_page_open_file(KjRoadmapPage *self, GFile *file, GError **error);
/* The same for the user: an error is shown in a dialog. */
void kj_roadmap_page_open(KjRoadmapPage *self, GFile *file);
/* Writes the roadmap as the file's extension says: .json, .mmd, .png, .svg
 * or .pdf. */
gboolean kj_roadmap_page_save_to_file(KjRoadmapPage *self, GFile *file, GError **error);

KjRoadmapNode *kj_roadmap_page_get_selected(KjRoadmapPage *self);
void kj_roadmap_page_set_selected(KjRoadmapPage *self, KjRoadmapNode *node);
/* The overall progress line, for tests: "12 of 58 topics done · 120 h left". */
const char *kj_roadmap_page_get_progress_text(KjRoadmapPage *self);

/* True for the files the page opens: .json, .mmd, .mermaid. */
gboolean kj_roadmap_page_can_open(GFile *file);

G_END_DECLS
