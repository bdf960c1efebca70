/* kj-roadmap-page-private.h — what the Roadmap page's files share */
#pragma once

#include "kj-roadmap-details.h"
#include "kj-roadmap-graph-view.h"
#include "kj-roadmap-outline.h"
#include "kj-roadmap-page.h"

G_BEGIN_DECLS

struct _KjRoadmapPage {
  AdwBin parent_instance;

  /* template widgets */
  AdwFlap *flap;
  GtkToggleButton *outline_button;
  KjRoadmapOutline *outline;
  KjRoadmapGraphView *graph_view;
  GtkRevealer *details_revealer;
  KjRoadmapDetails *details;
  GtkLabel *progress_label;
  GtkLevelBar *progress_bar;
  GtkButton *zoom_button;

  /* owned */
  KjRoadmap *roadmap;
  KjRoadmapNode *selected;
  GFile *autosave_file;
  guint autosave_source;
  guint zoom_source;
  char *last_save_error; /* reported once, until a save works again */
  char *before_open;     /* the roadmap as JSON before the last Open, for Undo */
  GtkNativeDialog *chooser;
  gboolean selecting; /* re-entrancy guard while the views follow a selection */
};

/* kj-roadmap-page-files.c */
void kj_roadmap_page_schedule_autosave(KjRoadmapPage *self);
void kj_roadmap_page_files_dispose(KjRoadmapPage *self);
void kj_roadmap_page_install_file_actions(GtkWidgetClass *widget_class);
void kj_roadmap_page_toast(KjRoadmapPage *self, const char *message);

G_END_DECLS
