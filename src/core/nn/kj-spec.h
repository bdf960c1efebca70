/* kj-spec.h — the network spec grammar (see kj-network.h), parsed
 *
 * Parsing checks each token's form and the range of its values; the
 * network then checks the shapes they give on an input. */
#pragma once

#include "kj-tensor.h"

G_BEGIN_DECLS

#define KJ_SPEC_MAX_LAYERS   64
#define KJ_SPEC_MAX_KERNEL   15
#define KJ_SPEC_MAX_STRIDE   15
#define KJ_SPEC_MAX_CHANNELS 4096 /* also dense units */

typedef enum {
  KJ_SPEC_CONV,
  KJ_SPEC_POOL,
  KJ_SPEC_RELU,
  KJ_SPEC_BN,
  KJ_SPEC_FLATTEN,
  KJ_SPEC_GAP,
  KJ_SPEC_DENSE,
  KJ_SPEC_DROPOUT,
} KjSpecKind;

typedef struct {
  KjSpecKind kind;
  guint k, stride, pad; /* conv and pool */
  guint size;           /* conv channels, dense units */
  float rate;           /* dropout */
  char *text;           /* as written */
  char *token;          /* canonical */
} KjSpecLayer;

/* The layers of spec, a GPtrArray of KjSpecLayer; NULL with KJ_ERROR_PARSE
 * for a malformed or unknown token or an empty spec, KJ_ERROR_INVALID_VALUE
 * for values out of range or too many layers. */
GPtrArray *kj_spec_parse(const char *spec, GError **error);
/* The tokens in canonical form, one space apart. */
char *kj_spec_join(GPtrArray *layers);
/* kj_spec_parse then kj_spec_join. */
char *kj_spec_canonicalize(const char *spec, GError **error);

/* The per-sample shape layer gives on in; FALSE when it would be empty. */
gboolean kj_spec_layer_output(const KjSpecLayer *layer, const KjShape *in, KjShape *out);

G_END_DECLS
