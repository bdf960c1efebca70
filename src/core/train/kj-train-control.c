#include "kj-train-control.h"

struct _KjTrainControl {
  gatomicrefcount refs;
  GMutex mutex;
  GCond cond;
  gboolean paused;
  gboolean cancelled;
};

KjTrainControl *
kj_train_control_new(void)
{
  KjTrainControl *self = g_new0(KjTrainControl, 1);

  g_atomic_ref_count_init(&self->refs);
  g_mutex_init(&self->mutex);
  g_cond_init(&self->cond);
  return self;
}

KjTrainControl *
kj_train_control_ref(KjTrainControl *self)
{
  g_atomic_ref_count_inc(&self->refs);
  return self;
}

void
kj_train_control_unref(KjTrainControl *self)
{
  if (self == NULL || !g_atomic_ref_count_dec(&self->refs))
    return;
  g_mutex_clear(&self->mutex);
  g_cond_clear(&self->cond);
  g_free(self);
}

void
kj_train_control_set_paused(KjTrainControl *self, gboolean paused)
{
  g_mutex_lock(&self->mutex);
  self->paused = paused;
  g_cond_broadcast(&self->cond);
  g_mutex_unlock(&self->mutex);
}

gboolean
kj_train_control_get_paused(KjTrainControl *self)
{
  gboolean paused;

  g_mutex_lock(&self->mutex);
  paused = self->paused;
  g_mutex_unlock(&self->mutex);
  return paused;
}

/* Cancelling also wakes a paused trainer, so it can stop. */
void
kj_train_control_cancel(KjTrainControl *self)
{
  g_mutex_lock(&self->mutex);
  self->cancelled = TRUE;
  g_cond_broadcast(&self->cond);
  g_mutex_unlock(&self->mutex);
}

gboolean
kj_train_control_is_cancelled(KjTrainControl *self)
{
  gboolean cancelled;

  g_mutex_lock(&self->mutex);
  cancelled = self->cancelled;
  g_mutex_unlock(&self->mutex);
  return cancelled;
}

gboolean
kj_train_control_checkpoint(KjTrainControl *self)
{
  gboolean go_on;

  if (self == NULL)
    return TRUE;
  g_mutex_lock(&self->mutex);
  while (self->paused && !self->cancelled)
    g_cond_wait(&self->cond, &self->mutex);
  go_on = !self->cancelled;
  g_mutex_unlock(&self->mutex);
  return go_on;
}
