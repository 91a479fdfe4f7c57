#include "kmacro.h"
#include "../model/model.h"

#include <ctype.h>
#include <string.h>

static int is_id(int c)
{
	return isalnum(c) || c == '_';
}

/* skip comments, strings and char literals starting at i; returns new i or i */
static size_t skip_non_code(const char *t, size_t len, size_t i)
{
	if (t[i] == '/' && i + 1 < len && t[i + 1] == '/') {
		while (i < len && t[i] != '\n')
			i++;
		return i;
	}
	if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
		i += 2;
		while (i + 1 < len && !(t[i] == '*' && t[i + 1] == '/'))
			i++;
		return i + 2 <= len ? i + 2 : len;
	}
	if (t[i] == '"' || t[i] == '\'') {
		char q = t[i++];
		while (i < len && t[i] != q && t[i] != '\n') {
			if (t[i] == '\\')
				i++;
			i++;
		}
		return i < len ? i + 1 : len;
	}
	return i;
}

/* index after the ')' matching the '(' at i, or 0 */
static size_t match_paren(const char *t, size_t len, size_t i)
{
	int depth = 0;
	while (i < len) {
		size_t j = skip_non_code(t, len, i);
		if (j != i) {
			i = j;
			continue;
		}
		if (t[i] == '(')
			depth++;
		else if (t[i] == ')' && --depth == 0)
			return i + 1;
		i++;
	}
	return 0;
}

static size_t skip_space(const char *t, size_t len, size_t i)
{
	for (;;) {
		while (i < len && isspace((unsigned char)t[i]))
			i++;
		if (i + 1 < len && t[i] == '/' && (t[i + 1] == '/' || t[i + 1] == '*')) {
			i = skip_non_code(t, len, i);
			continue;
		}
		return i;
	}
}

/* previous significant character before i (ignoring spaces, not comments) */
static int prev_sig(const char *t, size_t i, size_t *at)
{
	while (i > 0) {
		i--;
		if (!isspace((unsigned char)t[i])) {
			*at = i;
			return (unsigned char)t[i];
		}
	}
	*at = 0;
	return 0;
}

static int at_statement_start(const char *t, size_t i)
{
	size_t at;
	int c = prev_sig(t, i, &at);
	if (c == 0 || c == ';' || c == '{' || c == '}' || c == ')' || c == ':' || c == '/')
		return 1;
	/* `else list_for_each(...)` */
	if (at >= 3 && strncmp(t + at - 3, "else", 4) == 0 && (at < 4 || !is_id(t[at - 4])))
		return 1;
	return 0;
}

static void add_annot(struct source *src, struct arena *a, uint32_t s, uint32_t e,
		      const struct model_annot *an)
{
	if (src->nannots == src->capannots) {
		size_t nc = src->capannots ? src->capannots * 2 : 16;
		struct src_annot *n = arena_alloc(a, nc * sizeof(*n));
		if (src->nannots)
			memcpy(n, src->annots, src->nannots * sizeof(*n));
		src->annots = n;
		src->capannots = nc;
	}
	src->annots[src->nannots++] = (struct src_annot){ s, e, an->name, an->space };
}

static void add_iter(struct source *src, struct arena *a, uint32_t s, const char *name,
		     const struct model_fn *fn)
{
	if (src->niters == src->capiters) {
		size_t nc = src->capiters ? src->capiters * 2 : 16;
		struct src_iter *n = arena_alloc(a, nc * sizeof(*n));
		if (src->niters)
			memcpy(n, src->iters, src->niters * sizeof(*n));
		src->iters = n;
		src->capiters = nc;
	}
	src->iters[src->niters++] = (struct src_iter){ s, name, fn };
}

void kmacro_mask(struct source *src, struct arena *a, const struct model *m)
{
	char *t = src->masked;
	size_t len = src->len;
	size_t i = 0;
	while (i < len) {
		size_t j = skip_non_code(t, len, i);
		if (j != i) {
			i = j;
			continue;
		}
		if (t[i] == '#') {
			/* preprocessor line: leave to the parser, but skip continuation lines */
			size_t k = i;
			while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
				k--;
			if (k == 0 || t[k - 1] == '\n') {
				while (i < len && t[i] != '\n') {
					if (t[i] == '\\' && i + 1 < len && t[i + 1] == '\n')
						i++;
					i++;
				}
				continue;
			}
		}
		if (!(isalpha((unsigned char)t[i]) || t[i] == '_') || (i > 0 && is_id(t[i - 1]))) {
			i++;
			continue;
		}
		size_t s = i;
		while (i < len && is_id(t[i]))
			i++;
		size_t n = i - s;
		const struct model_annot *an = model_annot_find(m, t + s, n);
		if (an) {
			size_t e = i;
			if (an->takes_args) {
				size_t k = skip_space(t, len, i);
				if (k < len && t[k] == '(') {
					size_t close = match_paren(t, len, k);
					if (close)
						e = close;
				}
			}
			add_annot(src, a, (uint32_t)s, (uint32_t)e, an);
			for (size_t k = s; k < e; k++)
				if (t[k] != '\n')
					t[k] = ' ';
			i = e;
			continue;
		}
		if (n >= 5) {
			const struct model_iter *it = model_iter_find(m, t + s, n);
			if (it && at_statement_start(t, s)) {
				size_t k = skip_space(t, len, i);
				if (k < len && t[k] == '(') {
					size_t close = match_paren(t, len, k);
					size_t nx = close ? skip_space(t, len, close) : len;
					if (close && nx < len && (t[nx] == '{' || isalpha((unsigned char)t[nx]) || t[nx] == '_')) {
						const char *name = arena_strndup(a, t + s, n);
						add_iter(src, a, (uint32_t)s, name, it->fn);
						memcpy(t + s, "while", 5);
						memset(t + s + 5, ' ', n - 5);
					}
				}
			}
		}
	}
}
