#include "kj-evaluate.h"

#include <math.h>
#include <string.h>

static guint
argmax(const float *values, guint n)
{
  guint best = 0;

  for (guint i = 1; i < n; i++)
    if (values[i] > values[best])
      best = i;
  return best;
}

/* The k (≤ n) largest of p[0..n), best first; ties go to the lower class,
 * as argmax. */
static void
rank_top(const float *p, guint n, KjPrediction *top, guint k)
{
  guint filled = 0;

  for (guint c = 0; c < n; c++) {
    guint at = filled;

    while (at > 0 && p[c] > top[at - 1].probability)
      at--;
    if (at >= k)
      continue;
    if (filled < k)
      filled++;
    memmove(top + at + 1, top + at, (filled - 1 - at) * sizeof *top);
    top[at] = (KjPrediction){ c, p[c] };
  }
}

KjEvaluation *
kj_evaluate(KjModel *model, KjDataset *dataset, const guint32 *indices, guint n, guint batch_size,
            KjTrainControl *control)
{
  return kj_evaluate_top_k(model, dataset, indices, n, batch_size, 0, control);
}

KjEvaluation *
kj_evaluate_top_k(KjModel *model, KjDataset *dataset, const guint32 *indices, guint n,
                  guint batch_size, guint top_k, KjTrainControl *control)
{
  guint classes = kj_network_get_n_classes(model->network);
  g_autoptr(KjEvaluation) result = g_new0(KjEvaluation, 1);
  g_autofree guint32 *all = NULL;
  g_autofree guint16 *labels = g_new(guint16, MAX(batch_size, 1u));
  KjTensor input, probabilities;
  double loss = 0.0;
  guint correct = 0;

  g_return_val_if_fail(kj_dataset_get_n_classes(dataset) == classes, NULL);
  batch_size = MAX(batch_size, 1u);
  if (indices == NULL) {
    n = kj_dataset_get_n(dataset);
    all = g_new(guint32, MAX(n, 1u));
    for (guint i = 0; i < n; i++)
      all[i] = i;
    indices = all;
  }

  result->n_classes = classes;
  result->n = n;
  result->confusion = g_new0(guint, (gsize)classes * classes);
  result->top_k = top_k;
  if (top_k > 0)
    result->top = g_new0(KjPrediction, (gsize)MAX(n, 1u) * top_k);
  kj_tensor_init(&input);
  kj_tensor_init(&probabilities);
  for (guint start = 0; start < n; start += batch_size) {
    guint count = MIN(batch_size, n - start);

    if (!kj_train_control_checkpoint(control)) {
      kj_tensor_clear(&input);
      kj_tensor_clear(&probabilities);
      return NULL;
    }
    kj_dataset_fill_batch(dataset, indices + start, count, &model->normalization, NULL, NULL,
                          &input, labels);
    kj_network_predict(model->network, &input, &probabilities);
    for (guint i = 0; i < count; i++) {
      const float *p = probabilities.data + (gsize)i * classes;
      guint predicted = argmax(p, classes);

      result->confusion[(gsize)labels[i] * classes + predicted]++;
      correct += predicted == labels[i];
      loss -= log(MAX(p[labels[i]], 1e-30f));
      if (top_k > 0)
        rank_top(p, classes, result->top + (gsize)(start + i) * top_k, MIN(top_k, classes));
    }
  }
  kj_tensor_clear(&input);
  kj_tensor_clear(&probabilities);

  result->accuracy = n > 0 ? (double)correct / n : 0.0;
  result->loss = n > 0 ? loss / n : 0.0;
  return g_steal_pointer(&result);
}

KjEvaluation *
kj_evaluation_copy(const KjEvaluation *evaluation)
{
  KjEvaluation *copy = g_memdup2(evaluation, sizeof *evaluation);

  copy->confusion = g_memdup2(evaluation->confusion,
                              sizeof(guint) * evaluation->n_classes * evaluation->n_classes);
  if (evaluation->top != NULL)
    copy->top = g_memdup2(evaluation->top,
                          sizeof(KjPrediction) * MAX(evaluation->n, 1u) * evaluation->top_k);
  return copy;
}

void
kj_evaluation_free(KjEvaluation *evaluation)
{
  if (evaluation == NULL)
    return;
  g_free(evaluation->confusion);
  g_free(evaluation->top);
  g_free(evaluation);
}

guint
kj_evaluation_class_count(const KjEvaluation *evaluation, guint label)
{
  guint total = 0;

  for (guint j = 0; j < evaluation->n_classes; j++)
    total += evaluation->confusion[(gsize)label * evaluation->n_classes + j];
  return total;
}

/* Recall of the class: the share of its images predicted as it; NaN when
 * there were none. */
double
kj_evaluation_class_accuracy(const KjEvaluation *evaluation, guint label)
{
  guint total = kj_evaluation_class_count(evaluation, label);

  if (total == 0)
    return NAN;
  return (double)evaluation->confusion[(gsize)label * evaluation->n_classes + label] / total;
}

guint
kj_model_classify(KjModel *model, const guint8 *pixels, KjPrediction *top, guint k)
{
  guint classes = kj_network_get_n_classes(model->network);
  KjTensor input, probabilities;

  kj_tensor_init(&input);
  kj_tensor_init(&probabilities);
  kj_normalize_image(pixels, kj_network_get_input_shape(model->network), &model->normalization,
                     &input);
  kj_network_predict(model->network, &input, &probabilities);

  k = MIN(k, classes);
  rank_top(probabilities.data, classes, top, k);
  kj_tensor_clear(&input);
  kj_tensor_clear(&probabilities);
  return k;
}
