/* kj-train-control.h — pause, resume and cancel, from any thread
 *
 * The trainer calls kj_train_control_checkpoint() between batches: it
 * blocks while paused and returns FALSE once cancelled, so both take effect
 * within one batch. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KjTrainControl KjTrainControl;

KjTrainControl *kj_train_control_new(void);
KjTrainControl *kj_train_control_ref(KjTrainControl *control);
void kj_train_control_unref(KjTrainControl *control);

void kj_train_control_set_paused(KjTrainControl *control, gboolean paused);
gboolean kj_train_control_get_paused(KjTrainControl *control);
void kj_train_control_cancel(KjTrainControl *control);
gboolean kj_train_control_is_cancelled(KjTrainControl *control);

gboolean kj_train_control_checkpoint(KjTrainControl *control);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjTrainControl, kj_train_control_unref)

G_END_DECLS
