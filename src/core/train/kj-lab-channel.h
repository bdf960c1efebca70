/* kj-lab-channel.h — wakes the owner's main context when a worker has news
 *
 * A KjLabEngine's notify callback runs on its worker thread.  The channel
 * turns it into one call of drain, KJ_LAB_CHANNEL_INTERVAL_MS later, on the
 * thread that made the channel (its thread-default main context), and stops
 * calling it once closed, even for wake-ups already on their way: the owner
 * closes it before it goes away. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long events gather before a drain. */
#define KJ_LAB_CHANNEL_INTERVAL_MS 100

typedef struct _KjLabChannel KjLabChannel;
typedef void (*KjLabChannelDrain)(gpointer user_data);

KjLabChannel *kj_lab_channel_new(KjLabChannelDrain drain, gpointer user_data);
KjLabChannel *kj_lab_channel_ref(KjLabChannel *channel);
void kj_lab_channel_unref(KjLabChannel *channel);

/* A KjLabNotify: callable from any thread, with the channel as user data. */
void kj_lab_channel_notify(gpointer channel);

/* On the owner's thread: no drain happens after this returns. */
void kj_lab_channel_close(KjLabChannel *channel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjLabChannel, kj_lab_channel_unref)

G_END_DECLS
