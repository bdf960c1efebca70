/* kj-evaluate.h — accuracy, per-class accuracy, confusion matrix, top-k */
#pragma once

#include "kj-model.h"
#include "kj-train-control.h"

G_BEGIN_DECLS

typedef struct {
  guint label;
  float probability;
} KjPrediction;

typedef struct {
  guint n_classes;
  guint n;          /* images evaluated */
  guint *confusion; /* n_classes × n_classes: [true label][predicted] */
  double loss;      /* mean cross-entropy */
  double accuracy;
  /* From kj_evaluate_top_k(): image i's top_k most probable classes, best
   * first, at top[i * top_k…], in the order evaluated; past n_classes they
   * are label 0, probability 0.  Else 0 and NULL. */
  guint top_k;
  KjPrediction *top;
} KjEvaluation;

/* Evaluates images indices[0..n) of dataset (all of it when indices is
 * NULL) in evaluation mode.  Returns NULL if control cancels. */
KjEvaluation *kj_evaluate(KjModel *model, KjDataset *dataset, const guint32 *indices, guint n,
                          guint batch_size, KjTrainControl *control);
/* The same, also keeping each image's top_k classes (0: none). */
KjEvaluation *kj_evaluate_top_k(KjModel *model, KjDataset *dataset, const guint32 *indices, guint n,
                                guint batch_size, guint top_k, KjTrainControl *control);
KjEvaluation *kj_evaluation_copy(const KjEvaluation *evaluation);
void kj_evaluation_free(KjEvaluation *evaluation);
double kj_evaluation_class_accuracy(const KjEvaluation *evaluation, guint label);
guint kj_evaluation_class_count(const KjEvaluation *evaluation, guint label);

/* The k most probable classes of one image (bytes C×H×W in the model's input
 * shape), best first; returns how many were written (≤ k, ≤ classes). */
guint kj_model_classify(KjModel *model, const guint8 *pixels, KjPrediction *top, guint k);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KjEvaluation, kj_evaluation_free)

G_END_DECLS
