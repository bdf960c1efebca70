/* kj-fusion-settings.h — the Fusion page's inputs, kept in GSettings */
#pragma once

#include <gio/gio.h>

#include "kj-fusion-model.h"

G_BEGIN_DECLS

KjFusionModel *kj_fusion_settings_load(GSettings *settings);
void kj_fusion_settings_save(GSettings *settings, KjFusionModel *model);

G_END_DECLS
