/* kj-predictions-csv.h — a validation run's predictions as a CSV file
 *
 * One header row, then one row per image, in the order given:
 *
 *   index,true_label,true_class,predicted_label,predicted_class,confidence,correct,
 *   top2_label,top2_class,top2_probability,…,topK_label,topK_class,topK_probability
 *
 * index is the image's index in the dataset; labels are class indices;
 * classes are names; confidence and probabilities are 0..1 with six
 * decimals and a '.' in every locale; correct is 1 or 0.  K is
 * min(k, the dataset's classes).  Fields holding a comma, a double quote, a
 * line break or outer spaces are quoted as RFC 4180 says ("a ""b"""); text
 * is UTF-8 without a byte-order mark; lines end in "\n". */
#pragma once

#include <gio/gio.h>

#include "kj-dataset.h"
#include "kj-evaluate.h"

G_BEGIN_DECLS

/* images[indices[i]] was predicted predictions[i * k … i * k + k) (best
 * first; k ≥ 1).  indices NULL means 0, 1, … n − 1.  class_names holds the
 * dataset's n_classes names; NULL uses kj_dataset_get_class_name(). */
char *kj_predictions_csv_format(KjDataset *images, const guint32 *indices, guint n,
                                const KjPrediction *predictions, guint k,
                                const char *const *class_names);

/* The same text, written atomically (kj_file_replace_contents): the file is
 * either replaced whole or left as it was.  KJ_ERROR_IO naming the file on
 * failure. */
gboolean kj_predictions_csv_save(GFile *file, KjDataset *images, const guint32 *indices, guint n,
                                 const KjPrediction *predictions, guint k,
                                 const char *const *class_names, GError **error);

G_END_DECLS
