/* kj-network.h — a sequential CNN built from a spec string
 *
 * Spec grammar (tokens separated by spaces; errors name the token):
 *   convKxK[sS][pP]:C   2-D convolution, K×K kernel, C output channels,
 *                       stride S (1), padding P (K/2: "same" for odd K)
 *   poolK[sS]           max pooling K×K, stride S (K)
 *   relu  bn  flatten  gap
 *   dense:N             fully connected, N outputs (flattens first if needed)
 *   dropout:R           drops a share R of activations in training, 0 ≤ R < 1
 * The last layer must be dense:N with N the number of classes; the loss is
 * softmax cross-entropy.  Example (the preset fmnist-ref):
 *   conv3x3:32 relu pool2 conv3x3:64 relu pool2 dense:128 relu dense:10
 * Limits: kernels and strides 1 to 15, padding at most K/2, 1 to 4096
 * channels or units, at most 64 layers.  kj_network_new() fails with
 * KJ_ERROR_PARSE for text that is not a spec, and KJ_ERROR_INVALID_VALUE for
 * values out of range, maps that shrink to nothing, a last layer that does
 * not fit the classes, or weights over 512 MiB.
 *
 * Memory: a network's activations, gradients and scratch for one batch may
 * take up to 2 GiB; kj_network_reserve() checks a batch size against that
 * and allocates for it up front. */
#pragma once

#include "kj-layer.h"

G_BEGIN_DECLS

typedef struct _KjNetwork KjNetwork;

KjNetwork *kj_network_new(const char *spec, const KjShape *input, guint n_classes, GError **error);
void kj_network_free(KjNetwork *net);

/* The spec of a named preset ("fmnist-ref", "fast", "strong") with its last
 * layer sized for n_classes, or NULL for an unknown name. */
char *kj_network_preset_spec(const char *preset, guint n_classes);
const char *const *kj_network_preset_names(void);

const char *kj_network_get_spec(KjNetwork *net); /* canonical, one space between tokens */
const KjShape *kj_network_get_input_shape(KjNetwork *net);
guint kj_network_get_n_classes(KjNetwork *net);
guint kj_network_get_n_layers(KjNetwork *net);
KjLayer *kj_network_get_layer(KjNetwork *net, guint index);

/* Every parameter and buffer of every layer, in layer order. */
KjParam *kj_network_get_param(KjNetwork *net, guint index);
guint kj_network_get_n_params(KjNetwork *net);
gsize kj_network_count_weights(KjNetwork *net); /* trained floats */

/* He initialisation from seed: the same seed gives bit-identical weights. */
void kj_network_init_weights(KjNetwork *net, guint64 seed);
/* Seeds the stream dropout draws from during training. */
void kj_network_seed_dropout(KjNetwork *net, guint64 seed);

/* Allocates every buffer for batches of up to batch_size samples, or fails
 * with KJ_ERROR_INVALID_VALUE if they would take more than 2 GiB or memory
 * runs out.  Forwarding a larger batch reserves for it first (and is a
 * programming error, returning NULL, if that fails). */
gboolean kj_network_reserve(KjNetwork *net, guint batch_size, GError **error);
/* Bytes of activations, gradients and scratch a batch of n needs
 * (G_MAXUINT64 past that). */
guint64 kj_network_batch_bytes(KjNetwork *net, guint n);

/* Forward a batch; returns the logits (owned by the network, valid until the
 * next forward).  The input is copied: the caller may reuse it at once. */
const KjTensor *kj_network_forward(KjNetwork *net, const KjTensor *input, gboolean training);
/* Mean softmax cross-entropy of the last forward's logits against labels;
 * keeps ∂L/∂logits for kj_network_backward().  correct (may be NULL) gets
 * the number of argmax hits. */
double kj_network_loss(KjNetwork *net, const guint16 *labels, guint *correct);
/* Back-propagates the last loss: every parameter's grad holds ∂L/∂param. */
void kj_network_backward(KjNetwork *net);
/* Evaluation-mode forward and softmax: probabilities is n × n_classes. */
void kj_network_predict(KjNetwork *net, const KjTensor *input, KjTensor *probabilities);

/* Floating-point operations (2 per multiply-add) of one forward pass of one
 * sample, for GFLOP/s figures. */
double kj_network_forward_flops(KjNetwork *net);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjNetwork, kj_network_free)

G_END_DECLS
