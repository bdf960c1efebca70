#include "config.h"

#include "kj-network.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kj-error.h"
#include "kj-layers-private.h"
#include "kj-spec.h"

#define MAX_BATCH_BYTES   (G_GUINT64_CONSTANT(2) << 30)
#define MAX_WEIGHT_FLOATS ((G_GUINT64_CONSTANT(512) << 20) / sizeof(float))

struct _KjNetwork {
  char *spec;
  KjShape input_shape;
  guint n_classes;
  GPtrArray *layers; /* KjLayer */
  GPtrArray *params; /* KjParam, borrowed from the layers */

  KjTensor input;    /* a copy of the last forward's input */
  KjTensor *outputs; /* one per layer */
  KjTensor grads[2]; /* ∂L/∂(a layer's input), alternating going backwards */
  KjTensor dlogits;
  guint reserved;     /* batch size every buffer holds */
  gboolean training;  /* the last forward's mode */
  gboolean have_loss; /* since that forward */
  KjRng dropout_rng;
};

static const struct {
  const char *name;
  const char *layers; /* followed by dense:N */
} presets[] = {
  { "fmnist-ref", "conv3x3:32 relu pool2 conv3x3:64 relu pool2 dense:128 relu" },
  { "fast", "conv3x3:16 relu pool2 conv3x3:32 relu pool2 dense:64 relu" },
  /* Three stages with batch norm: 92.8% test accuracy on Fashion-MNIST
   * after 5 epochs (SGD, momentum 0.9, cosine rate from 0.05), at about
   * 2,000 images/s on 2 cores.  Doubling each stage's convolution gave 93.5%
   * at 2.5× the cost per image. */
  { "strong", "conv3x3:32 bn relu pool2 conv3x3:64 bn relu pool2 conv3x3:128 bn relu pool2 "
              "dense:256 bn relu dropout:0.3" },
};

const char *const *
kj_network_preset_names(void)
{
  static const char *const names[] = { "fmnist-ref", "fast", "strong", NULL };

  return names;
}

char *
kj_network_preset_spec(const char *preset, guint n_classes)
{
  g_return_val_if_fail(preset != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS(presets); i++)
    if (g_str_equal(preset, presets[i].name))
      return g_strdup_printf("%s dense:%u", presets[i].layers, n_classes);
  return NULL;
}

/* Trained and saved floats of a layer, before building it (saturating). */
static guint64
count_layer_floats(const KjSpecLayer *layer, const KjShape *in)
{
  guint64 features = kj_shape_size(in);

  switch (layer->kind) {
  case KJ_SPEC_CONV:
    return (guint64)layer->size * in->c * layer->k * layer->k + layer->size;
  case KJ_SPEC_DENSE:
    return features > G_MAXUINT64 / (layer->size + 1) ? G_MAXUINT64
                                                      : features * layer->size + layer->size;
  case KJ_SPEC_BN:
    return 4 * (guint64)in->c;
  default:
    return 0;
  }
}

static KjLayer *
build_layer(const KjSpecLayer *spec, const KjShape *in, guint index, GError **error)
{
  switch (spec->kind) {
  case KJ_SPEC_CONV:
    return kj_conv_layer_new(in, spec->k, spec->stride, spec->pad, spec->size, index, error);
  case KJ_SPEC_POOL:
    return kj_pool_layer_new(in, spec->k, spec->stride, index, error);
  case KJ_SPEC_RELU:
    return kj_relu_layer_new(in, index, error);
  case KJ_SPEC_BN:
    return kj_batchnorm_layer_new(in, index, error);
  case KJ_SPEC_FLATTEN:
    return kj_flatten_layer_new(in, index, error);
  case KJ_SPEC_GAP:
    return kj_gap_layer_new(in, index, error);
  case KJ_SPEC_DENSE:
    return kj_dense_layer_new(in, spec->size, index, error);
  case KJ_SPEC_DROPOUT:
    return kj_dropout_layer_new(in, spec->rate, index, error);
  }
  g_assert_not_reached();
}

/* The floats of one sample of shape, or FALSE past 2 GiB. */
static gboolean
sample_fits(const KjShape *shape)
{
  guint64 plane, size;

  return g_uint64_checked_mul(&plane, shape->h, shape->w) &&
         g_uint64_checked_mul(&size, plane, shape->c) && size <= MAX_BATCH_BYTES / sizeof(float);
}

/* Shapes first, so that nothing is allocated for a spec that cannot work. */
static gboolean
check_shapes(GPtrArray *specs, const KjShape *input, guint n_classes, GError **error)
{
  const KjSpecLayer *last = g_ptr_array_index(specs, specs->len - 1);
  KjShape shape = *input, out;
  guint64 weights = 0;

  if (!sample_fits(input)) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("Images of %u×%u×%u are too large: one takes more than 2 GiB"), input->c,
                input->h, input->w);
    return FALSE;
  }
  for (guint i = 0; i < specs->len; i++) {
    const KjSpecLayer *spec = g_ptr_array_index(specs, i);

    if (!kj_spec_layer_output(spec, &shape, &out)) {
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                  _("Layer %u “%s” cannot apply to a %u×%u×%u input (channels × height × "
                    "width): its output would be empty"),
                  i + 1, spec->text, shape.c, shape.h, shape.w);
      return FALSE;
    }
    if (!sample_fits(&out)) {
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                  _("Layer %u “%s” would make maps of more than 2 GiB per image; use fewer "
                    "channels or a smaller input"),
                  i + 1, spec->text);
      return FALSE;
    }
    weights += MIN(count_layer_floats(spec, &shape), MAX_WEIGHT_FLOATS + 1);
    if (weights > MAX_WEIGHT_FLOATS) {
      g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                  _("Layer %u “%s” takes the weights past 512 MiB; use fewer channels or units"),
                  i + 1, spec->text);
      return FALSE;
    }
    shape = out;
  }
  if (last->kind != KJ_SPEC_DENSE) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("Layer %u “%s”: the last layer must be dense:%u, one output per class"),
                specs->len, last->text, n_classes);
    return FALSE;
  }
  if (last->size != n_classes) {
    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("Layer %u “%s”: the last layer has %u outputs, but there are %u classes"),
                specs->len, last->text, last->size, n_classes);
    return FALSE;
  }
  return TRUE;
}

KjNetwork *
kj_network_new(const char *spec, const KjShape *input, guint n_classes, GError **error)
{
  g_autoptr(GPtrArray) specs = NULL;
  g_autoptr(KjNetwork) net = NULL;
  KjShape shape;

  g_return_val_if_fail(input != NULL && input->c > 0 && input->h > 0 && input->w > 0, NULL);
  g_return_val_if_fail(n_classes > 0, NULL);

  specs = kj_spec_parse(spec, error);
  if (specs == NULL || !check_shapes(specs, input, n_classes, error))
    return NULL;

  net = g_new0(KjNetwork, 1);
  net->spec = kj_spec_join(specs);
  net->input_shape = *input;
  net->n_classes = n_classes;
  net->layers = g_ptr_array_new_with_free_func((GDestroyNotify)kj_layer_free);
  net->params = g_ptr_array_new();
  net->outputs = g_new0(KjTensor, specs->len);
  kj_rng_init(&net->dropout_rng, 0);

  shape = *input;
  for (guint i = 0; i < specs->len; i++) {
    const KjSpecLayer *layer_spec = g_ptr_array_index(specs, i);
    KjLayer *layer = build_layer(layer_spec, &shape, i, error);

    if (layer == NULL)
      return NULL;
    layer->token = g_strdup(layer_spec->token);
    g_ptr_array_add(net->layers, layer);
    for (guint j = 0; j < layer->n_params; j++)
      g_ptr_array_add(net->params, &layer->params[j]);
    shape = layer->out;
  }

  if (kj_network_batch_bytes(net, 1) > MAX_BATCH_BYTES) {
    g_autofree char *size = g_format_size(kj_network_batch_bytes(net, 1));

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("One image would need %s of activations, more than 2 GiB; use a smaller "
                  "input or fewer channels"),
                size);
    return NULL;
  }
  kj_network_init_weights(net, 0);
  return g_steal_pointer(&net);
}

void
kj_network_free(KjNetwork *net)
{
  if (net == NULL)
    return;
  kj_tensor_clear(&net->input);
  if (net->outputs != NULL)
    for (guint i = 0; i < net->layers->len; i++)
      kj_tensor_clear(&net->outputs[i]);
  g_free(net->outputs);
  kj_tensor_clear(&net->grads[0]);
  kj_tensor_clear(&net->grads[1]);
  kj_tensor_clear(&net->dlogits);
  g_clear_pointer(&net->params, g_ptr_array_unref);
  g_clear_pointer(&net->layers, g_ptr_array_unref);
  g_free(net->spec);
  g_free(net);
}

const char *
kj_network_get_spec(KjNetwork *net)
{
  return net->spec;
}

const KjShape *
kj_network_get_input_shape(KjNetwork *net)
{
  return &net->input_shape;
}

guint
kj_network_get_n_classes(KjNetwork *net)
{
  return net->n_classes;
}

guint
kj_network_get_n_layers(KjNetwork *net)
{
  return net->layers->len;
}

KjLayer *
kj_network_get_layer(KjNetwork *net, guint index)
{
  g_return_val_if_fail(index < net->layers->len, NULL);
  return g_ptr_array_index(net->layers, index);
}

KjParam *
kj_network_get_param(KjNetwork *net, guint index)
{
  g_return_val_if_fail(index < net->params->len, NULL);
  return g_ptr_array_index(net->params, index);
}

guint
kj_network_get_n_params(KjNetwork *net)
{
  return net->params->len;
}

gsize
kj_network_count_weights(KjNetwork *net)
{
  gsize total = 0;

  for (guint i = 0; i < net->params->len; i++) {
    const KjParam *param = g_ptr_array_index(net->params, i);

    if (param->grad != NULL)
      total += param->size;
  }
  return total;
}

void
kj_network_init_weights(KjNetwork *net, guint64 seed)
{
  KjRng rng;

  kj_rng_init(&rng, seed);
  for (guint i = 0; i < net->layers->len; i++) {
    KjLayer *layer = g_ptr_array_index(net->layers, i);

    if (layer->klass->init_weights != NULL)
      layer->klass->init_weights(layer, &rng);
    for (guint j = 0; j < layer->n_params; j++)
      if (layer->params[j].grad != NULL)
        memset(layer->params[j].grad, 0, layer->params[j].size * sizeof(float));
  }
}

void
kj_network_seed_dropout(KjNetwork *net, guint64 seed)
{
  kj_rng_init(&net->dropout_rng, seed);
}

guint64
kj_network_batch_bytes(KjNetwork *net, guint n)
{
  guint64 floats = kj_shape_size(&net->input_shape), widest = floats;

  for (guint i = 0; i < net->layers->len; i++) {
    const KjLayer *layer = g_ptr_array_index(net->layers, i);

    floats += kj_shape_size(&layer->out) + layer->scratch;
    widest = MAX(widest, kj_shape_size(&layer->out));
  }
  floats += 2 * widest; /* the two gradient buffers */
  /* each term is below 2⁵⁰ (checked shapes); the product saturates */
  return g_uint64_checked_mul(&floats, floats, (guint64)n * sizeof(float)) ? floats : G_MAXUINT64;
}

gboolean
kj_network_reserve(KjNetwork *net, guint batch_size, GError **error)
{
  guint64 bytes = kj_network_batch_bytes(net, batch_size);
  KjShape widest = net->input_shape, logits = { net->n_classes, 1, 1 };
  gboolean ok;

  g_return_val_if_fail(batch_size > 0, FALSE);

  if (batch_size <= net->reserved)
    return TRUE;
  if (bytes > MAX_BATCH_BYTES) {
    g_autofree char *size = g_format_size(bytes);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("A batch of %u images would need %s of activations, more than 2 GiB; use a "
                  "smaller batch"),
                batch_size, size);
    return FALSE;
  }

  ok = kj_tensor_try_reshape(&net->input, batch_size, &net->input_shape) &&
       kj_tensor_try_reshape(&net->dlogits, batch_size, &logits);
  for (guint i = 0; ok && i < net->layers->len; i++) {
    const KjLayer *layer = g_ptr_array_index(net->layers, i);

    ok = kj_tensor_try_reshape(&net->outputs[i], batch_size, &layer->out);
    if (kj_shape_size(&layer->out) > kj_shape_size(&widest))
      widest = layer->out;
  }
  ok = ok && kj_tensor_try_reshape(&net->grads[0], batch_size, &widest) &&
       kj_tensor_try_reshape(&net->grads[1], batch_size, &widest);
  if (!ok) {
    g_autofree char *size = g_format_size(bytes);

    g_set_error(error, KJ_ERROR, KJ_ERROR_INVALID_VALUE,
                _("Not enough memory for a batch of %u images (%s)"), batch_size, size);
    return FALSE;
  }
  net->reserved = batch_size;
  return TRUE;
}

static const KjTensor *
network_forward(KjNetwork *net, const KjTensor *input, gboolean training)
{
  g_autoptr(GError) error = NULL;
  const KjTensor *x;

  g_return_val_if_fail(input != NULL && input->n > 0, NULL);
  g_return_val_if_fail(kj_shape_equal(&input->shape, &net->input_shape), NULL);

  if (!kj_network_reserve(net, input->n, &error)) {
    g_critical("kj_network_forward: %s", error->message);
    return NULL;
  }
  kj_tensor_copy(&net->input, input);
  x = &net->input;
  for (guint i = 0; i < net->layers->len; i++) {
    KjLayer *layer = g_ptr_array_index(net->layers, i);

    layer->klass->forward(layer, x, &net->outputs[i], training, &net->dropout_rng);
    x = &net->outputs[i];
  }
  net->training = training;
  net->have_loss = FALSE;
  return x;
}

const KjTensor *
kj_network_forward(KjNetwork *net, const KjTensor *input, gboolean training)
{
  return network_forward(net, input, training);
}

/* Softmax of each row, shifted by its maximum so exp() cannot overflow;
 * returns log Σ exp(z − max). */
static double
softmax_row(const float *z, float *p, guint n, float *max_out)
{
  float max = z[0];
  double sum = 0.0;

  for (guint j = 1; j < n; j++)
    max = z[j] > max ? z[j] : max;
  for (guint j = 0; j < n; j++) {
    p[j] = expf(z[j] - max);
    sum += p[j];
  }
  for (guint j = 0; j < n; j++)
    p[j] = (float)(p[j] / sum);
  *max_out = max;
  return log(sum);
}

/* L = −1/n Σ log softmax(z_i)[label_i];  ∂L/∂z_i = (softmax(z_i) − onehot_i) / n */
double
kj_network_loss(KjNetwork *net, const guint16 *labels, guint *correct)
{
  const KjTensor *logits = &net->outputs[net->layers->len - 1];
  guint n = logits->n, classes = net->n_classes, hits = 0;
  double total = 0.0;

  g_return_val_if_fail(labels != NULL && n > 0, NAN);

  kj_tensor_reshape(&net->dlogits, n, &logits->shape);
  for (guint i = 0; i < n; i++) {
    const float *z = logits->data + (gsize)i * classes;
    float *d = net->dlogits.data + (gsize)i * classes;
    guint label = labels[i], best = 0;
    float max;

    g_return_val_if_fail(label < classes, NAN);

    total += softmax_row(z, d, classes, &max) - (z[label] - max);
    for (guint j = 1; j < classes; j++)
      best = z[j] > z[best] ? j : best;
    hits += best == label;
    d[label] -= 1.0f;
    for (guint j = 0; j < classes; j++)
      d[j] /= (float)n;
  }
  if (correct != NULL)
    *correct = hits;
  net->have_loss = TRUE;
  return total / n;
}

void
kj_network_backward(KjNetwork *net)
{
  const KjTensor *dy = &net->dlogits;

  /* batch norm and dropout differentiate what they did in training */
  g_return_if_fail(net->have_loss && net->training);

  for (guint i = net->layers->len; i-- > 0;) {
    KjLayer *layer = g_ptr_array_index(net->layers, i);
    const KjTensor *x = i > 0 ? &net->outputs[i - 1] : &net->input;
    KjTensor *dx = i > 0 ? &net->grads[i % 2] : NULL;

    layer->klass->backward(layer, x, &net->outputs[i], dy, dx);
    dy = dx;
  }
}

void
kj_network_predict(KjNetwork *net, const KjTensor *input, KjTensor *probabilities)
{
  const KjTensor *logits = network_forward(net, input, FALSE);
  float max;

  g_return_if_fail(logits != NULL);

  kj_tensor_reshape(probabilities, logits->n, &logits->shape);
  for (guint i = 0; i < logits->n; i++)
    softmax_row(logits->data + (gsize)i * net->n_classes,
                probabilities->data + (gsize)i * net->n_classes, net->n_classes, &max);
}

double
kj_network_forward_flops(KjNetwork *net)
{
  double macs = 0.0;

  for (guint i = 0; i < net->layers->len; i++)
    macs += ((KjLayer *)g_ptr_array_index(net->layers, i))->macs;
  return 2.0 * macs;
}
