/* kj-layers-private.h — the layer kinds' constructors and what they share
 *
 * The network builds layers from a checked spec; tests build them directly.
 * index is the layer's position in the network, which makes parameter
 * names unique: "0.conv.weight", "3.bn.running_mean". */
#pragma once

#include "kj-layer.h"

G_BEGIN_DECLS

KjLayer *kj_conv_layer_new(const KjShape *in, guint k, guint stride, guint pad, guint out_channels,
                           guint index, GError **error);
KjLayer *kj_pool_layer_new(const KjShape *in, guint k, guint stride, guint index, GError **error);
KjLayer *kj_relu_layer_new(const KjShape *in, guint index, GError **error);
KjLayer *kj_dense_layer_new(const KjShape *in, guint units, guint index, GError **error);
KjLayer *kj_dropout_layer_new(const KjShape *in, float rate, guint index, GError **error);
KjLayer *kj_batchnorm_layer_new(const KjShape *in, guint index, GError **error);
KjLayer *kj_flatten_layer_new(const KjShape *in, guint index, GError **error);
KjLayer *kj_gap_layer_new(const KjShape *in, guint index, GError **error);

/* Output size of a window sliding over size (with padding on both sides),
 * or 0 when it does not fit once. */
static inline guint
kj_window_output(guint size, guint k, guint stride, guint pad)
{
  guint64 padded = (guint64)size + 2 * (guint64)pad;

  return padded < k ? 0 : (guint)((padded - k) / stride + 1);
}

/* A zero-filled layer of struct_size bytes, whose first member is the KjLayer. */
gpointer kj_layer_alloc(gsize struct_size, const KjLayerClass *klass, const KjShape *in,
                        const KjShape *out, guint n_params);
/* Allocates params[slot], zero-filled, named "<index>.<kind>.<what>";
 * trained params get a grad.  Fails with KJ_ERROR_INVALID_VALUE when
 * memory runs out. */
gboolean kj_layer_init_param(KjLayer *layer, guint slot, guint index, const char *kind,
                             const char *what, guint rank, const guint *shape, gboolean trained,
                             gboolean decay, GError **error);

/* He (Kaiming) initialisation as PyTorch does it by default for
 * convolutions and dense layers, kaiming_uniform_ with a = √5: uniform in
 * ±1/√fan_in, for weights and biases alike.  Against He's normal with std
 * √(2/fan_in) it starts 2.4 times smaller, which at PyTorch's usual SGD
 * settings gained about a point of test accuracy after 5 epochs of
 * Fashion-MNIST (README, benchmark). */
void kj_param_init_he(KjParam *param, gsize fan_in, KjRng *rng);
void kj_param_fill(KjParam *param, float value);

/* A buffer that only grows, for a layer's per-batch scratch. */
typedef struct {
  gpointer data;
  gsize size; /* bytes */
} KjScratch;

gpointer kj_scratch_get(KjScratch *scratch, gsize count, gsize elem_size);
void kj_scratch_clear(KjScratch *scratch);

G_END_DECLS
