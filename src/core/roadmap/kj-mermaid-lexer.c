#include "config.h"

#include "kj-mermaid-lexer.h"

#include <string.h>

void
kj_mermaid_lexer_init(KjMermaidLexer *lx, const char *text, gsize length)
{
  lx->p = text;
  lx->end = text + length;
  lx->line = 1;
  lx->column = 1;
}

gboolean
kj_mermaid_lexer_at_end(const KjMermaidLexer *lx)
{
  return lx->p >= lx->end;
}

char
kj_mermaid_lexer_peek(const KjMermaidLexer *lx, gsize ahead)
{
  return (gsize)(lx->end - lx->p) > ahead ? lx->p[ahead] : '\0';
}

gboolean
kj_mermaid_lexer_looking_at(const KjMermaidLexer *lx, const char *literal)
{
  gsize n = strlen(literal);

  return (gsize)(lx->end - lx->p) >= n && memcmp(lx->p, literal, n) == 0;
}

/* The text is valid UTF-8 (the parser checks first), so skipping by the
 * lead byte stays on character boundaries; MIN() guards the end anyway. */
static void
step(KjMermaidLexer *lx)
{
  if (*lx->p == '\n') {
    lx->line++;
    lx->column = 1;
    lx->p++;
    return;
  }
  lx->column++;
  lx->p += MIN((gsize)g_utf8_skip[*(const guchar *)lx->p], (gsize)(lx->end - lx->p));
}

void
kj_mermaid_lexer_advance(KjMermaidLexer *lx, gsize n)
{
  for (gsize i = 0; i < n && lx->p < lx->end; i++)
    step(lx);
}

gboolean
kj_mermaid_lexer_accept(KjMermaidLexer *lx, const char *literal)
{
  if (!kj_mermaid_lexer_looking_at(lx, literal))
    return FALSE;
  kj_mermaid_lexer_advance(lx, strlen(literal));
  return TRUE;
}

void
kj_mermaid_lexer_skip_blanks(KjMermaidLexer *lx)
{
  while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r'))
    step(lx);
}

gboolean
kj_mermaid_lexer_at_statement_end(const KjMermaidLexer *lx)
{
  return lx->p >= lx->end || *lx->p == '\n' || *lx->p == ';' ||
         kj_mermaid_lexer_looking_at(lx, "%%");
}

void
kj_mermaid_lexer_skip_line(KjMermaidLexer *lx)
{
  while (lx->p < lx->end && *lx->p != '\n')
    step(lx);
}

static gboolean
is_id_char_at(const char *p, const char *end)
{
  gunichar c;

  if (p >= end)
    return FALSE;
  if ((guchar)*p < 0x80)
    return g_ascii_isalnum(*p) || *p == '_';
  c = g_utf8_get_char_validated(p, end - p);
  if (c == (gunichar)-1 || c == (gunichar)-2)
    return FALSE;
  return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

static const char *
next_char(const char *p, const char *end)
{
  return p + MIN((gsize)g_utf8_skip[*(const guchar *)p], (gsize)(end - p));
}

char *
kj_mermaid_lexer_read_id(KjMermaidLexer *lx)
{
  const char *p = lx->p, *start = lx->p;
  gsize n_chars = 0;
  char *id;

  while (p < lx->end) {
    if (is_id_char_at(p, lx->end)) {
      p = next_char(p, lx->end);
      n_chars++;
    } else if (*p == '-' && p > start && is_id_char_at(p + 1, lx->end)) {
      p++;
      n_chars++;
    } else {
      break;
    }
  }
  if (p == start)
    return NULL;
  id = g_strndup(start, p - start);
  kj_mermaid_lexer_advance(lx, n_chars);
  return id;
}

gboolean
kj_mermaid_lexer_at_word(const KjMermaidLexer *lx, const char *word)
{
  gsize n = strlen(word);

  return kj_mermaid_lexer_looking_at(lx, word) && !is_id_char_at(lx->p + n, lx->end) &&
         !(lx->p + n < lx->end && lx->p[n] == '-' && is_id_char_at(lx->p + n + 1, lx->end));
}

char *
kj_mermaid_lexer_read_quoted(KjMermaidLexer *lx)
{
  const char *close;
  gsize n;
  char *text;

  g_return_val_if_fail(kj_mermaid_lexer_peek(lx, 0) == '"', NULL);
  for (close = lx->p + 1; close < lx->end && *close != '"' && *close != '\n'; close++)
    ;
  if (close >= lx->end || *close != '"')
    return NULL;
  text = g_strndup(lx->p + 1, close - lx->p - 1);
  n = g_utf8_strlen(text, -1) + 2;
  kj_mermaid_lexer_advance(lx, n);
  return text;
}

char *
kj_mermaid_lexer_read_until(KjMermaidLexer *lx, const char *const *closers, guint *which)
{
  for (const char *p = lx->p; p < lx->end && *p != '\n'; p++) {
    for (guint i = 0; closers[i] != NULL; i++) {
      gsize n = strlen(closers[i]);

      if ((gsize)(lx->end - p) >= n && memcmp(p, closers[i], n) == 0) {
        char *text = g_strndup(lx->p, p - lx->p);

        kj_mermaid_lexer_advance(lx, g_utf8_strlen(text, -1));
        *which = i;
        return text;
      }
    }
  }
  return NULL;
}

char *
kj_mermaid_lexer_read_statement(KjMermaidLexer *lx)
{
  const char *p = lx->p;
  gboolean quoted = FALSE;
  char *text;

  for (; p < lx->end && *p != '\n' && (quoted || *p != ';'); p++)
    if (*p == '"')
      quoted = !quoted;
  text = g_strndup(lx->p, p - lx->p);
  kj_mermaid_lexer_advance(lx, g_utf8_strlen(text, -1));
  return g_strchomp(text);
}
