/* kj-image-folder.h — root/<class name>/<image>, as torchvision's ImageFolder
 *
 * Class ids are the names of root's subfolders sorted by code point, as
 * Python's sorted(); hidden entries (".name") are ignored, and files
 * directly in root too.  Each file in a class folder is decoded with
 * kj_image_load(); one that cannot be is skipped, with a warning. */
#pragma once

#include <gio/gio.h>

#include "kj-dataset.h"

G_BEGIN_DECLS

/* class_ids NULL: the classes are root's subfolders.  Otherwise (a test
 * split) they are given, and each subfolder must be one of them.  Skipped
 * files add a translated message to warnings (may be NULL).  Fails when
 * there is no class folder, or a class folder has no image it can read. */
KjDataset *kj_image_folder_load(GFile *root, const KjShape *shape, const char *const *class_ids,
                                GPtrArray *warnings, GCancellable *cancellable, GError **error);

/* Whether root holds train/ and test/, and train/ holds subfolders: the
 * layout with a test split. */
gboolean kj_image_folder_has_splits(GFile *root);

G_END_DECLS
