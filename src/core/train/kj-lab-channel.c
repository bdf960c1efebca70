#include "config.h"

#include "kj-lab-channel.h"

struct _KjLabChannel {
  gatomicrefcount ref_count;
  GMainContext *context;
  KjLabChannelDrain drain;
  gpointer user_data;
  gboolean closed; /* only read and written on the owner's thread */
};

KjLabChannel *
kj_lab_channel_new(KjLabChannelDrain drain, gpointer user_data)
{
  KjLabChannel *channel = g_new0(KjLabChannel, 1);

  g_atomic_ref_count_init(&channel->ref_count);
  channel->context = g_main_context_ref_thread_default();
  channel->drain = drain;
  channel->user_data = user_data;
  return channel;
}

KjLabChannel *
kj_lab_channel_ref(KjLabChannel *channel)
{
  g_atomic_ref_count_inc(&channel->ref_count);
  return channel;
}

void
kj_lab_channel_unref(KjLabChannel *channel)
{
  if (channel != NULL && g_atomic_ref_count_dec(&channel->ref_count)) {
    g_main_context_unref(channel->context);
    g_free(channel);
  }
}

static gboolean
dispatch(gpointer data)
{
  KjLabChannel *channel = data;

  if (!channel->closed)
    channel->drain(channel->user_data);
  return G_SOURCE_REMOVE;
}

void
kj_lab_channel_notify(gpointer data)
{
  KjLabChannel *channel = data;
  GSource *source = g_timeout_source_new(KJ_LAB_CHANNEL_INTERVAL_MS);

  /* Always a source, never g_main_context_invoke(): that may run drain right
   * here, on the worker, whenever the owner's context is not acquired.  A
   * timeout rather than an idle: events gather for a moment, so a window
   * redraws its charts ten times a second rather than after every batch,
   * and leaves the cores to training.  The source holds a reference, so a
   * late one finds the channel closed rather than freed. */
  g_source_set_priority(source, G_PRIORITY_DEFAULT);
  g_source_set_callback(source, dispatch, kj_lab_channel_ref(channel),
                        (GDestroyNotify)kj_lab_channel_unref);
  g_source_set_static_name(source, "[kuajie] lab events");
  g_source_attach(source, channel->context);
  g_source_unref(source);
}

void
kj_lab_channel_close(KjLabChannel *channel)
{
  if (channel != NULL)
    channel->closed = TRUE;
}
