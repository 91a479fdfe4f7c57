#include "source.h"

#include <string.h>

int source_init(struct source *src, struct arena *a, const char *path,
		const char *text, size_t len, const char **why)
{
	memset(src, 0, sizeof(*src));
	if (memchr(text, 0, len)) {
		*why = "binary file (contains NUL bytes); not C source";
		return -1;
	}
	src->path = path;
	char *t = arena_alloc(a, len + 1);
	memcpy(t, text, len);
	src->text = t;
	src->len = len;
	src->masked = arena_alloc(a, len + 1);
	memcpy(src->masked, text, len);

	size_t nl = 1;
	for (size_t i = 0; i < len; i++)
		nl += text[i] == '\n';
	src->line_starts = arena_alloc(a, (nl + 1) * sizeof(uint32_t));
	src->line_starts[0] = 0;
	src->nlines = 1;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			src->line_starts[src->nlines++] = (uint32_t)(i + 1);
	return 0;
}

void source_pos(const struct source *src, uint32_t off, int *line, int *col)
{
	size_t lo = 0, hi = src->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (src->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	*col = (int)(off - src->line_starts[lo]) + 1;
}

const char *source_line(const struct source *src, int line, size_t *n)
{
	if (line < 1 || (size_t)line > src->nlines) {
		*n = 0;
		return "";
	}
	uint32_t s = src->line_starts[line - 1];
	uint32_t e = (size_t)line < src->nlines ? src->line_starts[line] : (uint32_t)src->len;
	while (e > s && (src->text[e - 1] == '\n' || src->text[e - 1] == '\r'))
		e--;
	*n = e - s;
	return src->text + s;
}

const struct src_iter *source_iter_at(const struct source *src, uint32_t start)
{
	size_t lo = 0, hi = src->niters;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (src->iters[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < src->niters && src->iters[lo].start == start ? &src->iters[lo] : NULL;
}
