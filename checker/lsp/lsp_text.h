/*
 * lsp_text.h - LSP positions <-> byte offsets.
 *
 * LSP positions are (0-based line, UTF-16 code units into the line);
 * dmacheck reports 1-based lines and 1-based byte columns. Lines end at
 * '\n' (as dmacheck counts them); a '\r' before it is not part of the
 * line's length. Invalid UTF-8 bytes count as one code unit each (U+FFFD),
 * a 4-byte sequence as two (a surrogate pair). Not handled: lone '\r' as
 * a line end (kernel sources use '\n').
 */
#ifndef DMC_LSP_TEXT_H
#define DMC_LSP_TEXT_H

#include <stddef.h>

/** An LSP position. */
struct lsp_pos {
	long long line, character;
};

/**
 * Byte offset in text of an LSP position, clamped like the protocol says:
 * a line past the last one gives len, a character past the end of the line
 * gives the end of the line, a negative value gives 0, a position inside a
 * surrogate pair gives the start of its character.
 */
size_t lsp_text_offset(const char *text, size_t len, struct lsp_pos p);

/** Line starts of a text, for converting many positions. */
struct lsp_lines {
	const char *text;
	size_t len;
	size_t *start;          /* byte offset where line i (0-based) begins */
	size_t n;               /* number of lines (>= 1) */
};

/** Index the lines of text (kept by reference). Returns 0, -1 on OOM. */
int lsp_lines_init(struct lsp_lines *li, const char *text, size_t len);
void lsp_lines_release(struct lsp_lines *li);

/**
 * The LSP position of a dmacheck location: 1-based line and 1-based byte
 * column (values below 1 count as 1; past the end are clamped to the end
 * of the line or of the text).
 */
struct lsp_pos lsp_lines_pos(const struct lsp_lines *li, int line, int col);

/** The position of the end of the given 1-based line (trailing blanks excluded). */
struct lsp_pos lsp_lines_eol(const struct lsp_lines *li, int line);

#endif
