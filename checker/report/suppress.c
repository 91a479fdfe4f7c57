/*
 * suppress.c - inline suppression comments (see suppress.h).
 *
 * The source is scanned with a small C lexer that knows string literals,
 * character literals, line comments (with backslash continuation) and block
 * comments, so "dmacheck: ignore" inside a string is not a suppression.
 * Only comments whose text starts with "dmacheck:" are looked at.
 */
#define _GNU_SOURCE /* memmem */
#include "suppress.h"
#include "../base/arena.h"
#include "finding.h"

#include <stdlib.h>
#include <string.h>

struct supp {
	char *rule;             /* NULL: malformed comment */
	int lo, hi;             /* lines whose findings it suppresses */
	int line, col;          /* start of the comment */
	int eline, ecol;        /* end of the comment (exclusive column) */
	size_t off;             /* byte offset of the comment */
	int used;
};

struct supp_list {
	struct supp *v;
	size_t n, cap;
};

static struct supp *supp_push(struct supp_list *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	memset(&l->v[l->n], 0, sizeof(l->v[0]));
	return &l->v[l->n++];
}

static int is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * One comment: body[0..n) is its text without the delimiters; block tells
 * whether it was a block comment. Adds an entry per named rule, or one
 * malformed entry, to l; nothing if it is not a dmacheck comment.
 */
static void parse_comment(struct supp_list *l, const char *body, size_t n, int block,
			  const struct supp *where)
{
	const char *p = body, *e = body + n;
	size_t before = l->n;
	static const char tag[] = "dmacheck:", verb[] = "ignore";

	while (p < e && (is_blank(*p) || (block && (*p == '*' || *p == '\n' || *p == '\r'))))
		p++;
	if ((size_t)(e - p) < sizeof(tag) - 1 || memcmp(p, tag, sizeof(tag) - 1))
		return;
	p += sizeof(tag) - 1;
	while (p < e && is_blank(*p))
		p++;
	if ((size_t)(e - p) < sizeof(verb) - 1 || memcmp(p, verb, sizeof(verb) - 1) ||
	    (p + sizeof(verb) - 1 < e && !is_blank(p[sizeof(verb) - 1]) &&
	     p[sizeof(verb) - 1] != '\n' && p[sizeof(verb) - 1] != '\r' &&
	     p[sizeof(verb) - 1] != '*'))
		goto malformed;
	p += sizeof(verb) - 1;
	for (;;) {
		const char *id;

		while (p < e && is_blank(*p))
			p++;
		if (e - p >= 2 && p[0] == '-' && p[1] == '-')
			break; /* the reason */
		id = p;
		while (p < e && is_id_char(*p))
			p++;
		if (p == id)
			break;
		{
			struct supp *sp = supp_push(l);

			*sp = *where;
			sp->rule = strndup(id, (size_t)(p - id));
			if (!sp->rule) {
				fputs("dmacheck: fatal: out of memory\n", stderr);
				abort();
			}
		}
		while (p < e && is_blank(*p))
			p++;
		if (p < e && *p == ',') {
			p++;
			continue;
		}
		break;
	}
	/* after the list: nothing, a "-- reason", or the end of a block comment */
	while (p < e && (is_blank(*p) || *p == '\r' || *p == '\n' || (block && *p == '*')))
		p++;
	if (l->n > before && (p == e || (e - p >= 2 && p[0] == '-' && p[1] == '-')))
		return;
	while (l->n > before)
		free(l->v[--l->n].rule);
malformed:
	*supp_push(l) = *where;
}

/* Collect the suppression comments of text[0..len). */
static void scan(struct supp_list *l, const char *text, size_t len)
{
	size_t i = 0;
	int line = 1;
	size_t line_start = 0;

	while (i < len) {
		char c = text[i];

		if (c == '\n') {
			line++;
			line_start = ++i;
			continue;
		}
		if (c == '"' || c == '\'') {
			/* a literal ends at its quote or, unterminated, at the end of the line */
			for (i++; i < len && text[i] != c; i++) {
				if (text[i] == '\\' && i + 1 < len) {
					if (text[i + 1] == '\n') {
						line++;
						line_start = i + 2;
					}
					i++;
				} else if (text[i] == '\n') {
					break;
				}
			}
			if (i < len && text[i] == c)
				i++;
			continue;
		}
		if (c == '/' && i + 1 < len && (text[i + 1] == '/' || text[i + 1] == '*')) {
			int block = text[i + 1] == '*';
			struct supp where = { 0 };
			size_t b = i + 2, e;

			where.line = line;
			where.col = (int)(i - line_start) + 1;
			where.off = i;
			if (block) {
				for (e = b; e + 1 < len && !(text[e] == '*' && text[e + 1] == '/'); e++)
					if (text[e] == '\n') {
						line++;
						line_start = e + 1;
					}
				i = e + 1 < len ? e + 2 : len;
				if (e + 1 >= len)
					e = len;
			} else {
				for (e = b; e < len && text[e] != '\n'; e++)
					if (text[e] == '\\' && e + 1 < len && text[e + 1] == '\n') {
						line++;
						line_start = e + 2;
						e++;
					} else if (text[e] == '\\' && e + 2 < len &&
						   text[e + 1] == '\r' && text[e + 2] == '\n') {
						line++;
						line_start = e + 3;
						e += 2;
					}
				i = e;
			}
			where.eline = line;
			where.ecol = (int)(i - line_start) + 1;
			where.lo = where.line;
			where.hi = line + 1;
			if (memmem(text + b, e - b, "dmacheck:", 9))
				parse_comment(l, text + b, e - b, block, &where);
			continue;
		}
		i++;
	}
}

/* The text of the line containing byte off, without its line end. */
static char *line_at(const char *text, size_t len, size_t off)
{
	size_t s = off, e = off;

	while (s > 0 && text[s - 1] != '\n')
		s--;
	while (e < len && text[e] != '\n')
		e++;
	if (e > s && text[e - 1] == '\r')
		e--;
	return strndup(text + s, e - s);
}

static void report(const struct dmc_rule_info *meta, const char *path,
		   const char *text, size_t len, const struct supp *sp,
		   struct dmc_result *out, const char *msg)
{
	char *lt = line_at(text, len, sp->off);

	finding_add(out, meta->id, meta->severity, path, sp->line, sp->col,
		    sp->eline, sp->ecol, NULL, lt, "%s", msg);
	free(lt);
}

/* Mark findings [from, to) of out that sp suppresses; returns how many. */
static size_t match(struct supp_list *l, int meta_pass, struct dmc_result *out,
		    size_t from, size_t to, unsigned char *drop)
{
	size_t i, k, n = 0;

	for (i = from; i < to; i++) {
		const struct dmc_finding *f = &out->findings[i];

		for (k = 0; k < l->n; k++) {
			struct supp *sp = &l->v[k];

			if (!sp->rule || (!strcmp(sp->rule, SUPPRESS_META_RULE)) != meta_pass)
				continue;
			if (strcmp(sp->rule, f->rule) || f->line < sp->lo || f->line > sp->hi)
				continue;
			sp->used = 1;
			if (!drop[i - from]) {
				drop[i - from] = 1;
				n++;
			}
		}
	}
	return n;
}

size_t suppress_apply(const struct dmc_session *s, const char *path,
		      const char *text, size_t len,
		      struct dmc_result *out, size_t first)
{
	struct supp_list l = { 0 };
	const struct dmc_rule_info *meta;
	unsigned char *drop;
	size_t k, nreal, dropped;

	if (!text || !memmem(text, len, "dmacheck:", 9))
		return 0;
	scan(&l, text, len);
	if (!l.n)
		return 0;
	meta = dmc_session_find_rule(s, SUPPRESS_META_RULE);
	if (meta && !meta->enabled)
		meta = NULL;

	/* pass 1: the checks' findings */
	nreal = out->nfindings;
	drop = xrealloc(NULL, nreal - first + 1);
	memset(drop, 0, nreal - first + 1);
	dropped = match(&l, 0, out, first, nreal, drop);
	findings_drop(out, first, drop);
	free(drop);

	/* the suppressions themselves */
	if (meta) {
		size_t m0 = out->nfindings;

		for (k = 0; k < l.n; k++) {
			const struct supp *sp = &l.v[k];
			const struct dmc_rule_info *r;
			char msg[512];

			if (!sp->rule) {
				report(meta, path, text, len, sp, out,
				       "malformed suppression (expected 'dmacheck: ignore RULE[,RULE...] [-- reason]')");
				continue;
			}
			if (sp->used || !strcmp(sp->rule, SUPPRESS_META_RULE))
				continue;
			r = dmc_session_find_rule(s, sp->rule);
			if (!r)
				snprintf(msg, sizeof(msg), "suppression names unknown rule '%.200s' (see --list-rules)",
					 sp->rule);
			else if (r->enabled)
				snprintf(msg, sizeof(msg), "suppression of '%.200s' matches no finding", sp->rule);
			else
				continue;
			report(meta, path, text, len, sp, out, msg);
		}
		/* pass 2: suppressions of the meta rule itself */
		drop = xrealloc(NULL, out->nfindings - m0 + 1);
		memset(drop, 0, out->nfindings - m0 + 1);
		match(&l, 1, out, m0, out->nfindings, drop);
		findings_drop(out, m0, drop);
		free(drop);
	}
	for (k = 0; k < l.n; k++)
		free(l.v[k].rule);
	free(l.v);
	return dropped;
}
