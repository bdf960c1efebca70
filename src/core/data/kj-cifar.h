/* kj-cifar.h — the CIFAR-10 binary format
 *
 * data_batch_1.bin … data_batch_5.bin (training) and test_batch.bin, each a
 * run of 3073-byte records: a label byte (0–9), then 32×32 red, 32×32 green
 * and 32×32 blue bytes.  batches.meta.txt, when present, names the classes
 * one per line. */
#pragma once

#include <gio/gio.h>

#include "kj-class-names.h"
#include "kj-dataset.h"

G_BEGIN_DECLS

#define KJ_CIFAR_N_CLASSES   10
#define KJ_CIFAR_RECORD_SIZE 3073

/* airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck */
extern const KjClassName kj_cifar_classes[KJ_CIFAR_N_CLASSES];

/* Whether dir holds data_batch_1.bin or test_batch.bin. */
gboolean kj_cifar_detect(GFile *dir);
/* The records of files[0..n_files) in order, as one dataset. */
KjDataset *kj_cifar_load(GFile *const *files, guint n_files, GCancellable *cancellable,
                         GError **error);
/* Training from the data_batch_N.bin present (at least data_batch_1.bin), test
 * from test_batch.bin (NULL when absent), class names from batches.meta.txt. */
gboolean kj_cifar_load_dir(GFile *dir, KjDataset **train, KjDataset **test,
                           GCancellable *cancellable, GError **error);

G_END_DECLS
