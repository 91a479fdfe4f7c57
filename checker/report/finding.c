/*
 * finding.c - building, sorting, merging and fingerprinting dmc_result values.
 *
 * Everything a result holds is malloc'd here and released by
 * dmc_result_release(); rule ids are the only strings not copied (they are
 * owned by the session). Out of memory aborts: a checker that silently
 * loses findings is worse than one that stops.
 *
 * Suppressions: report/suppress.c; baselines: report/baseline.c.
 */
#include "finding.h"
#include "../base/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char *xstrdup_or_null(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	d = xrealloc(NULL, n);
	memcpy(d, s, n);
	return d;
}

static char *xvfmt(const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *s;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	s = xrealloc(NULL, (size_t)n + 1);
	if (vsnprintf(s, (size_t)n + 1, fmt, ap) < 0)
		s[0] = '\0';
	return s;
}

/* Grow *arr (of elements of size sz) so that it can hold need elements. */
static void grow(void **arr, size_t *cap, size_t need, size_t sz)
{
	size_t c = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (c < need)
		c *= 2;
	*arr = xrealloc(*arr, c * sz);
	*cap = c;
}

const char *dmc_severity_name(enum dmc_severity s)
{
	switch (s) {
	case DMC_SEV_NOTE:
		return "note";
	case DMC_SEV_WARNING:
		return "warning";
	case DMC_SEV_ERROR:
		return "error";
	}
	return "warning";
}

void dmc_result_init(struct dmc_result *r)
{
	memset(r, 0, sizeof(*r));
}

static void finding_release(struct dmc_finding *f)
{
	size_t i;

	free(f->file);
	free(f->message);
	free(f->function);
	free(f->line_text);
	for (i = 0; i < f->nnotes; i++)
		free(f->notes[i].message);
	free(f->notes);
}

static void diag_release(struct dmc_diag *d)
{
	free(d->file);
	free(d->message);
}

void dmc_result_release(struct dmc_result *r)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		finding_release(&r->findings[i]);
	for (i = 0; i < r->ndiags; i++)
		diag_release(&r->diags[i]);
	free(r->findings);
	free(r->diags);
	dmc_result_init(r);
}

struct dmc_finding *finding_add(struct dmc_result *r, const char *rule,
				enum dmc_severity sev, const char *file,
				int line, int col, int end_line, int end_col,
				const char *function, const char *line_text,
				const char *fmt, ...)
{
	struct dmc_finding *f;
	va_list ap;

	grow((void **)&r->findings, &r->cap_findings, r->nfindings + 1,
	     sizeof(*r->findings));
	f = &r->findings[r->nfindings++];
	memset(f, 0, sizeof(*f));
	f->rule = rule ? rule : "unknown";
	f->severity = sev;
	f->file = xstrdup_or_null(file ? file : "");
	f->line = line;
	f->col = col;
	f->end_line = end_line;
	f->end_col = end_col;
	f->function = xstrdup_or_null(function);
	f->line_text = xstrdup_or_null(line_text);
	va_start(ap, fmt);
	f->message = xvfmt(fmt, ap);
	va_end(ap);
	return f;
}

void finding_add_note(struct dmc_finding *f, int line, int col, const char *fmt, ...)
{
	struct dmc_note *n;
	va_list ap;

	/* notes are few: grow one at a time */
	f->notes = xrealloc(f->notes, (f->nnotes + 1) * sizeof(*f->notes));
	n = &f->notes[f->nnotes++];
	n->line = line;
	n->col = col;
	va_start(ap, fmt);
	n->message = xvfmt(fmt, ap);
	va_end(ap);
}

void diag_add(struct dmc_result *r, enum dmc_diag_kind kind, const char *file,
	      int line, int col, const char *fmt, ...)
{
	struct dmc_diag *d;
	va_list ap;

	grow((void **)&r->diags, &r->cap_diags, r->ndiags + 1, sizeof(*r->diags));
	d = &r->diags[r->ndiags++];
	d->kind = kind;
	d->file = xstrdup_or_null(file ? file : "");
	d->line = line;
	d->col = col;
	va_start(ap, fmt);
	d->message = xvfmt(fmt, ap);
	va_end(ap);
}

void dmc_result_merge(struct dmc_result *dst, struct dmc_result *src)
{
	if (src->nfindings) {
		grow((void **)&dst->findings, &dst->cap_findings,
		     dst->nfindings + src->nfindings, sizeof(*dst->findings));
		memcpy(dst->findings + dst->nfindings, src->findings,
		       src->nfindings * sizeof(*src->findings));
		dst->nfindings += src->nfindings;
	}
	if (src->ndiags) {
		grow((void **)&dst->diags, &dst->cap_diags,
		     dst->ndiags + src->ndiags, sizeof(*dst->diags));
		memcpy(dst->diags + dst->ndiags, src->diags,
		       src->ndiags * sizeof(*src->diags));
		dst->ndiags += src->ndiags;
	}
	dst->bytes += src->bytes;
	dst->functions += src->functions;
	dst->error_nodes += src->error_nodes;
	free(src->findings);
	free(src->diags);
	dmc_result_init(src);
}

void findings_drop(struct dmc_result *r, size_t first, const unsigned char *drop)
{
	size_t i, n = first;

	for (i = first; i < r->nfindings; i++) {
		if (drop[i - first]) {
			finding_release(&r->findings[i]);
			continue;
		}
		r->findings[n++] = r->findings[i];
	}
	r->nfindings = n;
}

/* --- sorting ----------------------------------------------------------- */

static int cmp_str(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a)
		return -1;
	if (!b)
		return 1;
	return strcmp(a, b);
}

static int cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

/*
 * Total order: the documented key (file, line, col, rule, message) first,
 * then every other field, so that the output does not depend on the order
 * in which worker threads produced the findings. 0 means exact duplicate.
 */
static int cmp_finding(const void *pa, const void *pb)
{
	const struct dmc_finding *a = pa, *b = pb;
	size_t i;
	int c;

	if ((c = cmp_str(a->file, b->file)) ||
	    (c = cmp_int(a->line, b->line)) ||
	    (c = cmp_int(a->col, b->col)) ||
	    (c = cmp_str(a->rule, b->rule)) ||
	    (c = cmp_str(a->message, b->message)) ||
	    (c = cmp_int(a->end_line, b->end_line)) ||
	    (c = cmp_int(a->end_col, b->end_col)) ||
	    (c = cmp_int(a->severity, b->severity)) ||
	    (c = cmp_str(a->function, b->function)) ||
	    (c = cmp_str(a->line_text, b->line_text)))
		return c;
	for (i = 0; i < a->nnotes && i < b->nnotes; i++) {
		if ((c = cmp_int(a->notes[i].line, b->notes[i].line)) ||
		    (c = cmp_int(a->notes[i].col, b->notes[i].col)) ||
		    (c = cmp_str(a->notes[i].message, b->notes[i].message)))
			return c;
	}
	return (a->nnotes > b->nnotes) - (a->nnotes < b->nnotes);
}

static int cmp_diag(const void *pa, const void *pb)
{
	const struct dmc_diag *a = pa, *b = pb;
	int c;

	if ((c = cmp_str(a->file, b->file)) ||
	    (c = cmp_int(a->line, b->line)) ||
	    (c = cmp_int(a->col, b->col)) ||
	    (c = cmp_int(a->kind, b->kind)))
		return c;
	return cmp_str(a->message, b->message);
}

void dmc_result_sort(struct dmc_result *r)
{
	size_t i, n;

	if (r->nfindings > 1)
		qsort(r->findings, r->nfindings, sizeof(*r->findings), cmp_finding);
	for (i = n = 0; i < r->nfindings; i++) {
		if (n && !cmp_finding(&r->findings[n - 1], &r->findings[i])) {
			finding_release(&r->findings[i]);
			continue;
		}
		r->findings[n++] = r->findings[i];
	}
	r->nfindings = n;

	if (r->ndiags > 1)
		qsort(r->diags, r->ndiags, sizeof(*r->diags), cmp_diag);
	for (i = n = 0; i < r->ndiags; i++) {
		if (n && !cmp_diag(&r->diags[n - 1], &r->diags[i])) {
			diag_release(&r->diags[i]);
			continue;
		}
		r->diags[n++] = r->diags[i];
	}
	r->ndiags = n;

	findings_fingerprint(r);
}

/* --- fingerprints ------------------------------------------------------ */

#define FNV64_OFFSET 0xcbf29ce484222325ULL
#define FNV64_PRIME 0x100000001b3ULL

static uint64_t fnv_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n--) {
		h ^= *s++;
		h *= FNV64_PRIME;
	}
	return h;
}

/* Hash s (NULL hashes like "") followed by a 0 separator. */
static uint64_t fnv_field(uint64_t h, const char *s)
{
	if (s)
		h = fnv_bytes(h, s, strlen(s));
	return fnv_bytes(h, "", 1);
}

/* Hash s with leading/trailing whitespace dropped and inner runs collapsed to one space. */
static uint64_t fnv_normalised(uint64_t h, const char *s)
{
	int pending_space = 0, any = 0;

	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			pending_space = any;
			continue;
		}
		if (pending_space)
			h = fnv_bytes(h, " ", 1);
		pending_space = 0;
		any = 1;
		h = fnv_bytes(h, &c, 1);
	}
	return fnv_bytes(h, "", 1);
}

struct fp_slot {
	uint64_t key;   /* hash of (rule, function, normalised line) */
	size_t idx;     /* position in the sorted findings */
};

static int cmp_slot(const void *pa, const void *pb)
{
	const struct fp_slot *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

/*
 * The occurrence index counts equal (rule, function, line text) triples
 * within one file, in sorted order; the file itself is not hashed (SARIF
 * consumers pair the fingerprint with the artifact location).
 */
void findings_fingerprint(struct dmc_result *r)
{
	struct fp_slot *slots;
	size_t start, end, i;

	if (!r->nfindings)
		return;
	slots = xrealloc(NULL, r->nfindings * sizeof(*slots));
	for (start = 0; start < r->nfindings; start = end) {
		const char *file = r->findings[start].file;
		size_t n, occ = 0;

		for (end = start; end < r->nfindings &&
		     !cmp_str(r->findings[end].file, file); end++) {
			const struct dmc_finding *f = &r->findings[end];
			uint64_t h = FNV64_OFFSET;

			h = fnv_field(h, f->rule);
			h = fnv_field(h, f->function);
			h = fnv_normalised(h, f->line_text);
			slots[end - start].key = h;
			slots[end - start].idx = end;
		}
		n = end - start;
		qsort(slots, n, sizeof(*slots), cmp_slot);
		for (i = 0; i < n; i++) {
			struct dmc_finding *f = &r->findings[slots[i].idx];
			char num[32];
			uint64_t h;

			occ = (i && slots[i].key == slots[i - 1].key) ? occ + 1 : 0;
			snprintf(num, sizeof(num), "%zu", occ);
			h = fnv_field(slots[i].key, num);
			snprintf(f->fingerprint, sizeof(f->fingerprint),
				 "%016llx", (unsigned long long)h);
		}
	}
	free(slots);
}
