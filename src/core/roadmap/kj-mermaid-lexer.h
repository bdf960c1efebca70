/* kj-mermaid-lexer.h — a cursor over Mermaid text, for kj-mermaid-parser.c
 *
 * Mermaid's tokens depend on context (inside a shape "-->" is text), so the
 * parser asks for what it expects next: an id, a quoted string, raw text up
 * to a closing bracket.  Every call either consumes at least one character
 * or reports that nothing matched, so the parser always moves forward.
 * Positions are lines and columns from 1, columns counted in characters. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *p;
  const char *end;
  guint line;
  guint column;
} KjMermaidLexer;

void kj_mermaid_lexer_init(KjMermaidLexer *lx, const char *text, gsize length);

gboolean kj_mermaid_lexer_at_end(const KjMermaidLexer *lx);
/* The byte `ahead` bytes on, or '\0' past the end. */
char kj_mermaid_lexer_peek(const KjMermaidLexer *lx, gsize ahead);
gboolean kj_mermaid_lexer_looking_at(const KjMermaidLexer *lx, const char *literal);
/* Moves over n characters (not bytes), stopping at the end. */
void kj_mermaid_lexer_advance(KjMermaidLexer *lx, gsize n);
/* Moves over literal (ASCII) when it comes next. */
gboolean kj_mermaid_lexer_accept(KjMermaidLexer *lx, const char *literal);

/* Spaces, tabs and carriage returns; never a newline. */
void kj_mermaid_lexer_skip_blanks(KjMermaidLexer *lx);
/* At the end, a newline, a ';' or a "%%" comment. */
gboolean kj_mermaid_lexer_at_statement_end(const KjMermaidLexer *lx);
/* Up to (not over) the next newline. */
void kj_mermaid_lexer_skip_line(KjMermaidLexer *lx);

/* An id as kj_roadmap_id_is_valid() spells it, minus the keyword check; a
 * '-' is part of it only between two id characters, so "a-->b" is a, -->, b.
 * NULL, without moving, when no id starts here. */
char *kj_mermaid_lexer_read_id(KjMermaidLexer *lx);
/* TRUE when word comes next, not followed by an id character. */
gboolean kj_mermaid_lexer_at_word(const KjMermaidLexer *lx, const char *word);

/* At a '"': the text up to the next '"' on the same line, quotes dropped.
 * NULL, without moving, when the line ends first. */
char *kj_mermaid_lexer_read_quoted(KjMermaidLexer *lx);
/* Raw text up to the first of closers on this line, leaving the lexer at the
 * closer; *which gets its index.  NULL, without moving, when the line ends
 * first. */
char *kj_mermaid_lexer_read_until(KjMermaidLexer *lx, const char *const *closers, guint *which);
/* Raw text up to the end of the statement (a newline, or a ';' outside
 * double quotes), without trailing blanks. */
char *kj_mermaid_lexer_read_statement(KjMermaidLexer *lx);

G_END_DECLS
