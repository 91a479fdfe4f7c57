/*
 * lsp_text.c - UTF-16 positions over UTF-8 text (see lsp_text.h).
 */
#include "lsp_text.h"
#include "../base/utf8.h"

#include <stdlib.h>
#include <string.h>

/*
 * Decode the character at s (n > 0 bytes available): returns its length
 * in bytes and sets *units to its UTF-16 length. Invalid bytes are one
 * byte, one unit.
 */
static size_t char_at(const unsigned char *s, size_t n, int *units)
{
	size_t k = utf8_seq(s, n);

	*units = k == 4 ? 2 : 1;
	return k ? k : 1;
}

/* End of the line starting at off: the '\n' (or a '\r' before it), or len. */
static size_t line_end(const char *text, size_t len, size_t off)
{
	const char *nl = memchr(text + off, '\n', len - off);
	size_t e = nl ? (size_t)(nl - text) : len;

	if (e > off && text[e - 1] == '\r')
		e--;
	return e;
}

/* Byte offset of UTF-16 column ch in the line [off, eol). */
static size_t column_offset(const char *text, size_t off, size_t eol, long long ch)
{
	long long u = 0;

	while (off < eol && u < ch) {
		int units;
		size_t k = char_at((const unsigned char *)text + off, eol - off, &units);

		if (u + units > ch)
			break;
		u += units;
		off += k;
	}
	return off;
}

size_t lsp_text_offset(const char *text, size_t len, struct lsp_pos p)
{
	size_t off = 0;
	long long line;

	if (p.line < 0)
		return 0;
	for (line = 0; line < p.line; line++) {
		const char *nl = memchr(text + off, '\n', len - off);

		if (!nl)
			return len;
		off = (size_t)(nl - text) + 1;
	}
	return column_offset(text, off, line_end(text, len, off), p.character);
}

int lsp_lines_init(struct lsp_lines *li, const char *text, size_t len)
{
	size_t n = 1, i, cap = 1;
	const char *p = text, *end = text + len;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		cap++;
		p++;
	}
	li->text = text;
	li->len = len;
	li->start = malloc(cap * sizeof(*li->start));
	if (!li->start) {
		li->n = 0;
		return -1;
	}
	li->start[0] = 0;
	for (i = 0; i < len; i++)
		if (text[i] == '\n')
			li->start[n++] = i + 1;
	li->n = n;
	return 0;
}

void lsp_lines_release(struct lsp_lines *li)
{
	free(li->start);
	li->start = NULL;
	li->n = 0;
}

struct lsp_pos lsp_lines_pos(const struct lsp_lines *li, int line, int col)
{
	struct lsp_pos p = { 0, 0 };
	size_t off, eol, stop;

	if (!li->n)
		return p;
	if (line < 1)
		line = 1;
	if (col < 1)
		col = 1;
	if ((size_t)line > li->n) {
		/* past the end: the end of the last line */
		line = (int)li->n;
		col = (int)(li->len - li->start[li->n - 1]) + 1;
	}
	off = li->start[line - 1];
	eol = line_end(li->text, li->len, off);
	stop = (size_t)col - 1 > eol - off ? eol : off + (size_t)col - 1;
	p.line = line - 1;
	while (off < stop) {
		int units;
		size_t k = char_at((const unsigned char *)li->text + off, eol - off, &units);

		if (off + k > stop)
			break;
		p.character += units;
		off += k;
	}
	return p;
}

struct lsp_pos lsp_lines_eol(const struct lsp_lines *li, int line)
{
	size_t off, eol;

	if (!li->n)
		return (struct lsp_pos){ 0, 0 };
	if (line < 1)
		line = 1;
	if ((size_t)line > li->n)
		line = (int)li->n;
	off = li->start[line - 1];
	eol = line_end(li->text, li->len, off);
	while (eol > off && (li->text[eol - 1] == ' ' || li->text[eol - 1] == '\t'))
		eol--;
	return lsp_lines_pos(li, line, (int)(eol - off) + 1);
}
