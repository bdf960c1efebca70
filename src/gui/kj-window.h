/* kj-window.h — the main window: a view switcher over the pages */
#pragma once

#include <adwaita.h>

#include "kj-application.h"
#include "kj-fusion-page.h"
#include "kj-lab-page.h"
#include "kj-roadmap-page.h"

G_BEGIN_DECLS

#define KJ_TYPE_WINDOW (kj_window_get_type())
G_DECLARE_FINAL_TYPE(KjWindow, kj_window, KJ, WINDOW, AdwApplicationWindow)

KjWindow *kj_window_new(KjApplication *application);
AdwViewStack *kj_window_get_stack(KjWindow *self);
void kj_window_add_toast(KjWindow *self, AdwToast *toast);
KjLabPage *kj_window_get_lab_page(KjWindow *self);
void kj_window_show_page(KjWindow *self, const char *name);
KjRoadmapPage *kj_window_get_roadmap_page(KjWindow *self);
KjFusionPage *kj_window_get_fusion_page(KjWindow *self);
/* Roadmaps (.json, .mmd) open in the Roadmap page; models and images go to
 * the CNN Lab.  The page that got them is shown. */
void kj_window_open_files(KjWindow *self, GFile **files, int n_files);

G_END_DECLS
