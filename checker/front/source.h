/*
 * source.h - one source text (a file or an LSP buffer): bytes, line table,
 * and the masked copy that is given to the parser (kmacro.c).
 */
#ifndef DMC_SOURCE_H
#define DMC_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include "../base/arena.h"

struct model_fn;

/** A kernel annotation found in the text (masked before parsing). */
struct src_annot {
	uint32_t start, end;
	const char *name;
	const char *space;      /* address space it declares, or NULL */
};

/** An iterator macro rewritten as `while` (so that it parses as a loop). */
struct src_iter {
	uint32_t start;         /* of the macro name = start of the while statement */
	const char *name;
	const struct model_fn *fn; /* its role (sg.iter), or NULL */
};

struct source {
	const char *path;
	const char *text;       /* original bytes, NUL-terminated */
	size_t len;
	char *masked;           /* same length; annotations blanked, iterators rewritten */
	uint32_t *line_starts;
	size_t nlines;
	struct src_annot *annots;
	size_t nannots, capannots;
	struct src_iter *iters;
	size_t niters, capiters;
};

/* files larger than this are not analysed (a clear error instead) */
#define SOURCE_MAX_BYTES (8u << 20)

/**
 * Set up src over text[0..len) (copied into arena). Returns -1 with a reason
 * in why (binary content) without setting up.
 */
int source_init(struct source *src, struct arena *a, const char *path,
		const char *text, size_t len, const char **why);
/** 1-based line and byte column of a byte offset. */
void source_pos(const struct source *src, uint32_t off, int *line, int *col);
/** The text of line (1-based), without newline; *n gets its length. */
const char *source_line(const struct source *src, int line, size_t *n);
const struct src_iter *source_iter_at(const struct source *src, uint32_t start);

#endif
