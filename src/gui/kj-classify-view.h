/* kj-classify-view.h — the CNN Lab's Classify tab: images dropped, opened
 * or drawn, with the current model's top classes for each
 *
 * The view sends requests to the page's KjLabEngine and the page hands the
 * answers back with kj_classify_view_show_result(). */
#pragma once

#include <adwaita.h>

#include "kj-lab-engine.h"

G_BEGIN_DECLS

#define KJ_TYPE_CLASSIFY_VIEW (kj_classify_view_get_type())
G_DECLARE_FINAL_TYPE(KjClassifyView, kj_classify_view, KJ, CLASSIFY_VIEW, AdwBin)

/* The engine is borrowed: it outlives the view's use of it (the page frees
 * it in dispose, after which no request is made). */
void kj_classify_view_set_engine(KjClassifyView *self, KjLabEngine *engine);

/* The current model's display names (NULL: no model) and input shape. */
void kj_classify_view_set_model(KjClassifyView *self, GStrv class_names, const KjShape *shape);

void kj_classify_view_classify_files(KjClassifyView *self, GFile **files, guint n_files);

/* Makes widget (the whole page) a drop site whose images this view
 * classifies; skipped entries are explained in a toast. */
void kj_classify_view_attach_drop(KjClassifyView *self, GtkWidget *widget);

/* Shows a PREDICTION or FAILED event if it answers one of this view's
 * requests; returns whether it did. */
gboolean kj_classify_view_show_result(KjClassifyView *self, const KjLabEvent *event);

/* For tests: results shown, and the drawing's current best label (−1 when
 * none). */
guint kj_classify_view_get_n_results(KjClassifyView *self);
int kj_classify_view_get_drawing_label(KjClassifyView *self);

G_END_DECLS
