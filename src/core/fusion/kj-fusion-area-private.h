#pragma once

#include "kj-fusion-area.h"

G_BEGIN_DECLS

/* Only KjFusionModel renames areas: it keeps the names unique. */
void kj_fusion_area_set_name_internal(KjFusionArea *self, const char *name);

G_END_DECLS
