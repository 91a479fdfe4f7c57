/*
 * check_mmap_range.c - three rules on the calls that install PTEs into a
 * user VMA (model roles mmap.install and fault.install, rules/models/
 * mmap-range.rules):
 *
 *  mmap-range-unchecked (MMAP-01): the size of the mapping comes from the
 *  VMA (vma->vm_end - vma->vm_start, vma_pages(vma), a local holding it, or a
 *  loop over the VMA that installs one page per turn), or the mapped object
 *  is offset by the user's vma->vm_pgoff, and no comparison of that size (of
 *  that offset) with something else dominates the call, in the function or
 *  on every same-file path into it. Self-checking calls (limit= slot:
 *  dma_mmap_*, vm_map_pages, vm_iomap_memory) are only unchecked when the
 *  size they check against is itself the VMA's; calls of word class
 *  mmap.checks-itself (remap_vmalloc_range) never are. Hooks of word class
 *  mmap.range-prechecked (drm GEM, dma-buf, ALSA PCM, vb2) are called after
 *  the framework checked the request.
 *
 *  mmap-user-controlled-pfn (MMAP-02): the PFN (physical address) given to
 *  remap_pfn_range() and friends is the user's vm_pgoff with no driver base
 *  added and no test of vm_pgoff (a comparison, a validating call, or a
 *  capable()/range_is_allowed() test) dominating the call.
 *
 *  mmap-pfn-unit-confusion (MMAP-03): a physical byte address, a kernel
 *  virtual address, or vm_pgoff added to a byte address, given where a page
 *  frame number belongs; a PFN given to vm_iomap_memory(), which takes a
 *  physical byte address.
 *
 * Values are followed through the function with reaching definitions
 * (locals and assigned struct members, vma->vm_pgoff included), expressions
 * are read from the source text by a small expression parser.
 */
#include "../driver/unit.h"
#include "../analysis/entry.h"
#include "checks.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* expressions                                                         */
/* ------------------------------------------------------------------ */

enum tkind { TK_ID, TK_NUM, TK_STR, TK_PUNCT };
struct tok {
	enum tkind k;
	uint32_t s, e;
};

enum xkind { X_ID, X_NUM, X_STR, X_CALL, X_MEMBER, X_INDEX, X_UNARY, X_POST, X_CAST, X_BIN, X_COND, X_SIZEOF, X_OTHER };
struct xn {
	enum xkind k;
	uint32_t s, e;       /* source span */
	uint32_t ds, de;     /* the span with the parentheses around it, for messages */
	uint32_t ns, ne;     /* ID/CALL/MEMBER: the name; UNARY/BIN/POST: the operator; CAST: the type */
	int a, b, c;         /* operands; CALL: a = first argument; MEMBER/INDEX: a = base, b = index */
	int next;            /* next argument of a call */
};

struct xtree {
	const char *src;
	struct xn *n;
	int nn, root;
};

#define TOK_MAX 600
#define NODE_MAX 500

struct parser {
	const char *src;
	struct tok *t;
	int nt, pos;
	struct xn *n;
	int nn, err, depth;
};

static int is_idc(int c) { return isalnum(c) || c == '_'; }

static int tokenize(const char *s, uint32_t a, uint32_t b, struct tok *t, int max)
{
	int n = 0;
	uint32_t i = a;
	while (i < b && n < max) {
		unsigned char c = (unsigned char)s[i];
		if (isspace(c)) { i++; continue; }
		if (c == '\\' && i + 1 < b && s[i + 1] == '\n') { i += 2; continue; }
		if (c == '/' && i + 1 < b && s[i + 1] == '*') {
			i += 2;
			while (i + 1 < b && !(s[i] == '*' && s[i + 1] == '/'))
				i++;
			i += 2;
			continue;
		}
		if (c == '/' && i + 1 < b && s[i + 1] == '/') {
			while (i < b && s[i] != '\n')
				i++;
			continue;
		}
		if (c == '#') {  /* a preprocessor line inside the expression */
			uint32_t j = i;
			while (j > a && (s[j - 1] == ' ' || s[j - 1] == '\t'))
				j--;
			if (j == a || s[j - 1] == '\n') {
				while (i < b && !(s[i] == '\n' && s[i - 1] != '\\'))
					i++;
				continue;
			}
		}
		struct tok *k = &t[n++];
		k->s = i;
		if (isalpha(c) || c == '_') {
			while (i < b && is_idc((unsigned char)s[i]))
				i++;
			k->k = TK_ID;
		} else if (isdigit(c) || (c == '.' && i + 1 < b && isdigit((unsigned char)s[i + 1]))) {
			while (i < b && (is_idc((unsigned char)s[i]) || s[i] == '.'))
				i++;
			k->k = TK_NUM;
		} else if (c == '"' || c == '\'') {
			i++;
			while (i < b && s[i] != (char)c) {
				if (s[i] == '\\')
					i++;
				i++;
			}
			i++;
			if (i > b)
				i = b;
			k->k = TK_STR;
		} else {
			static const char *const p3[] = { "<<=", ">>=", "...", NULL };
			static const char *const p2[] = { "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
							  "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", NULL };
			int len = 1;
			for (int j = 0; p3[j]; j++)
				if (i + 3 <= b && !strncmp(s + i, p3[j], 3))
					len = 3;
			for (int j = 0; len == 1 && p2[j]; j++)
				if (i + 2 <= b && !strncmp(s + i, p2[j], 2))
					len = 2;
			i += (uint32_t)len;
			k->k = TK_PUNCT;
		}
		k->e = i;
	}
	return i < b ? -1 : n;
}

static int tk_is(const struct parser *P, int i, const char *p)
{
	if (i >= P->nt)
		return 0;
	const struct tok *k = &P->t[i];
	size_t n = strlen(p);
	return k->e - k->s == n && !strncmp(P->src + k->s, p, n);
}

static int peek(const struct parser *P, const char *p) { return tk_is(P, P->pos, p); }

static int node(struct parser *P, enum xkind k, uint32_t s, uint32_t e)
{
	if (P->nn >= NODE_MAX) {
		P->err = 1;
		return -1;
	}
	struct xn *x = &P->n[P->nn];
	memset(x, 0, sizeof(*x));
	x->k = k;
	x->s = x->ds = s;
	x->e = x->de = e;
	x->a = x->b = x->c = x->next = -1;
	return P->nn++;
}

static uint32_t prev_end(const struct parser *P) { return P->pos > 0 ? P->t[P->pos - 1].e : 0; }

/* skip a balanced (...), [...] or {...} group starting at the current token */
static void skip_group(struct parser *P)
{
	int d = 0;
	do {
		if (P->pos >= P->nt) {
			P->err = 1;
			return;
		}
		if (peek(P, "(") || peek(P, "[") || peek(P, "{"))
			d++;
		else if (peek(P, ")") || peek(P, "]") || peek(P, "}"))
			d--;
		P->pos++;
	} while (d > 0);
}

static int p_assign(struct parser *P);
static int p_unary(struct parser *P);

static int p_expr(struct parser *P)
{
	int x = p_assign(P);
	while (!P->err && peek(P, ",")) {
		P->pos++;
		x = p_assign(P);   /* the comma operator's value is its right operand */
	}
	return x;
}

static int type_word(const char *s, size_t n)
{
	static const char *const kw[] = { "void", "char", "short", "int", "long", "float", "double", "signed",
		"unsigned", "_Bool", "bool", "struct", "union", "enum", "const", "volatile", "u8", "u16", "u32", "u64",
		"s8", "s16", "s32", "s64", "__u8", "__u16", "__u32", "__u64", "__s8", "__s16", "__s32", "__s64",
		"__le16", "__le32", "__le64", "__be16", "__be32", "__be64", "__force", "__iomem", "__user", NULL };
	for (int i = 0; kw[i]; i++)
		if (strlen(kw[i]) == n && !strncmp(s, kw[i], n))
			return 1;
	return n > 2 && s[n - 2] == '_' && s[n - 1] == 't';
}

/* is the '(' at the current token the start of a cast "(type)"? */
static int at_cast(const struct parser *P)
{
	int i = P->pos + 1, typeish = 0, n = 0;
	for (; i < P->nt && !tk_is(P, i, ")"); i++, n++) {
		const struct tok *k = &P->t[i];
		if (k->k == TK_ID)
			typeish |= type_word(P->src + k->s, k->e - k->s);
		else if (tk_is(P, i, "*"))
			typeish |= n > 0;
		else
			return 0;
	}
	if (!n || i >= P->nt || !typeish)
		return 0;
	/* what follows must start an operand */
	int j = i + 1;
	if (j >= P->nt)
		return 0;
	const struct tok *k = &P->t[j];
	return k->k != TK_PUNCT || tk_is(P, j, "(") || tk_is(P, j, "!") || tk_is(P, j, "~") || tk_is(P, j, "-") ||
	       tk_is(P, j, "+") || tk_is(P, j, "*") || tk_is(P, j, "&") || tk_is(P, j, "++") || tk_is(P, j, "--") ||
	       tk_is(P, j, "{");
}

static int p_primary(struct parser *P)
{
	if (P->pos >= P->nt) {
		P->err = 1;
		return -1;
	}
	const struct tok *k = &P->t[P->pos];
	int x;
	switch (k->k) {
	case TK_ID:
		x = node(P, X_ID, k->s, k->e);
		if (x >= 0) {
			P->n[x].ns = k->s;
			P->n[x].ne = k->e;
		}
		P->pos++;
		return x;
	case TK_NUM:
		P->pos++;
		return node(P, X_NUM, k->s, k->e);
	case TK_STR:
		while (P->pos < P->nt && P->t[P->pos].k == TK_STR)
			P->pos++;
		return node(P, X_STR, k->s, prev_end(P));
	default:
		break;
	}
	if (peek(P, "(")) {
		if (tk_is(P, P->pos + 1, "{")) {  /* ({ statement expression }) */
			uint32_t s = k->s;
			skip_group(P);
			return node(P, X_OTHER, s, prev_end(P));
		}
		P->pos++;
		x = p_expr(P);
		if (x < 0 || !peek(P, ")")) {
			P->err = 1;
			return -1;
		}
		P->pos++;
		P->n[x].ds = k->s;
		P->n[x].de = prev_end(P);
		return x;
	}
	if (peek(P, "{")) {
		uint32_t s = k->s;
		skip_group(P);
		return node(P, X_OTHER, s, prev_end(P));
	}
	P->err = 1;
	return -1;
}

static int p_postfix(struct parser *P)
{
	int x = p_primary(P);
	while (!P->err && x >= 0 && P->pos < P->nt) {
		uint32_t s = P->n[x].s;
		if (peek(P, "(")) {
			int c = node(P, X_CALL, s, 0);
			if (c < 0)
				return -1;
			if (P->n[x].k == X_ID) {
				P->n[c].ns = P->n[x].ns;
				P->n[c].ne = P->n[x].ne;
			}
			P->n[c].b = x;
			P->pos++;
			int last = -1;
			while (!P->err && !peek(P, ")")) {
				int st = P->pos;
				int a = p_assign(P);
				if (P->err || !(peek(P, ",") || peek(P, ")"))) {
					/* an argument we cannot read (a type in min_t(), a macro body) */
					P->err = 0;
					P->pos = st;
					int d = 0;
					while (P->pos < P->nt && !(d == 0 && (peek(P, ",") || peek(P, ")")))) {
						if (peek(P, "(") || peek(P, "[") || peek(P, "{"))
							d++;
						else if (peek(P, ")") || peek(P, "]") || peek(P, "}"))
							d--;
						P->pos++;
					}
					if (P->pos >= P->nt || P->pos == st) {
						P->err = 1;
						return -1;
					}
					a = node(P, X_OTHER, P->t[st].s, prev_end(P));
				}
				if (a < 0)
					return -1;
				if (last < 0)
					P->n[c].a = a;
				else
					P->n[last].next = a;
				last = a;
				if (peek(P, ","))
					P->pos++;
			}
			if (!peek(P, ")")) {
				P->err = 1;
				return -1;
			}
			P->pos++;
			P->n[c].e = P->n[c].de = prev_end(P);
			x = c;
		} else if (peek(P, "[")) {
			P->pos++;
			int i = p_expr(P);
			if (P->err || !peek(P, "]")) {
				P->err = 1;
				return -1;
			}
			P->pos++;
			int m = node(P, X_INDEX, s, prev_end(P));
			if (m < 0)
				return -1;
			P->n[m].a = x;
			P->n[m].b = i;
			x = m;
		} else if (peek(P, ".") || peek(P, "->")) {
			P->pos++;
			if (P->pos >= P->nt || P->t[P->pos].k != TK_ID) {
				P->err = 1;
				return -1;
			}
			int m = node(P, X_MEMBER, s, P->t[P->pos].e);
			if (m < 0)
				return -1;
			P->n[m].a = x;
			P->n[m].ns = P->t[P->pos].s;
			P->n[m].ne = P->t[P->pos].e;
			P->pos++;
			x = m;
		} else if (peek(P, "++") || peek(P, "--")) {
			int m = node(P, X_POST, s, P->t[P->pos].e);
			if (m < 0)
				return -1;
			P->n[m].a = x;
			P->n[m].ns = P->t[P->pos].s;
			P->n[m].ne = P->t[P->pos].e;
			P->pos++;
			x = m;
		} else {
			break;
		}
	}
	return x;
}

static int p_unary(struct parser *P)
{
	if (++P->depth > 100) {
		P->err = 1;
		return -1;
	}
	int x;
	const struct tok *k = P->pos < P->nt ? &P->t[P->pos] : NULL;
	if (!k) {
		P->err = 1;
		x = -1;
	} else if (k->k == TK_PUNCT && (peek(P, "!") || peek(P, "~") || peek(P, "-") || peek(P, "+") || peek(P, "*") ||
					peek(P, "&") || peek(P, "++") || peek(P, "--"))) {
		P->pos++;
		int a = p_unary(P);
		x = a < 0 ? -1 : node(P, X_UNARY, k->s, P->n[a].de);
		if (x >= 0) {
			P->n[x].a = a;
			P->n[x].ns = k->s;
			P->n[x].ne = k->e;
		}
	} else if (k->k == TK_ID && ((k->e - k->s == 6 && !strncmp(P->src + k->s, "sizeof", 6)) ||
				     (k->e - k->s == 11 && !strncmp(P->src + k->s, "__alignof__", 11)))) {
		P->pos++;
		if (peek(P, "("))
			skip_group(P);
		else
			p_unary(P);
		x = node(P, X_SIZEOF, k->s, prev_end(P));
	} else if (peek(P, "(") && at_cast(P)) {
		uint32_t ts = P->t[P->pos + 1].s;
		while (!peek(P, ")"))
			P->pos++;
		uint32_t te = P->t[P->pos - 1].e;
		P->pos++;
		if (peek(P, "{")) {  /* compound literal */
			skip_group(P);
			x = node(P, X_OTHER, k->s, prev_end(P));
		} else {
			int a = p_unary(P);
			x = a < 0 ? -1 : node(P, X_CAST, k->s, P->n[a].de);
			if (x >= 0) {
				P->n[x].a = a;
				P->n[x].ns = ts;
				P->n[x].ne = te;
			}
		}
	} else {
		x = p_postfix(P);
	}
	P->depth--;
	return x;
}

static int bin_prec(const struct parser *P)
{
	static const struct { const char *op; int prec; } ops[] = {
		{ "||", 1 }, { "&&", 2 }, { "|", 3 }, { "^", 4 }, { "&", 5 }, { "==", 6 }, { "!=", 6 },
		{ "<", 7 }, { ">", 7 }, { "<=", 7 }, { ">=", 7 }, { "<<", 8 }, { ">>", 8 },
		{ "+", 9 }, { "-", 9 }, { "*", 10 }, { "/", 10 }, { "%", 10 },
	};
	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++)
		if (peek(P, ops[i].op))
			return ops[i].prec;
	return 0;
}

static int p_bin(struct parser *P, int minprec)
{
	int l = p_unary(P);
	while (!P->err && l >= 0) {
		int pr = bin_prec(P);
		if (!pr || pr < minprec)
			break;
		const struct tok *op = &P->t[P->pos];
		P->pos++;
		int r = p_bin(P, pr + 1);
		if (r < 0)
			return -1;
		int x = node(P, X_BIN, P->n[l].ds, P->n[r].de);
		if (x < 0)
			return -1;
		P->n[x].a = l;
		P->n[x].b = r;
		P->n[x].ns = op->s;
		P->n[x].ne = op->e;
		l = x;
	}
	return l;
}

static int p_assign(struct parser *P)
{
	if (++P->depth > 100) {
		P->err = 1;
		return -1;
	}
	int c = p_bin(P, 1);
	if (!P->err && c >= 0 && peek(P, "?")) {
		P->pos++;
		int a = peek(P, ":") ? c : p_expr(P);
		if (P->err || !peek(P, ":")) {
			P->err = 1;
			P->depth--;
			return -1;
		}
		P->pos++;
		int b = p_assign(P);
		if (b < 0) {
			P->depth--;
			return -1;
		}
		int x = node(P, X_COND, P->n[c].ds, P->n[b].de);
		if (x >= 0) {
			P->n[x].a = c;
			P->n[x].b = a;
			P->n[x].c = b;
		}
		c = x;
	} else if (!P->err && c >= 0 && P->pos < P->nt && P->t[P->pos].k == TK_PUNCT) {
		const struct tok *op = &P->t[P->pos];
		size_t n = op->e - op->s;
		if ((n == 1 && P->src[op->s] == '=') || (n >= 2 && P->src[op->e - 1] == '=' && P->src[op->s] != '=' &&
							 P->src[op->s] != '!' && P->src[op->s] != '<' && P->src[op->s] != '>') ||
		    n == 3) {
			P->pos++;
			int r = p_assign(P);
			if (r >= 0) {
				int x = node(P, X_BIN, P->n[c].ds, P->n[r].de);
				if (x >= 0) {
					P->n[x].a = c;
					P->n[x].b = r;
					P->n[x].ns = op->s;
					P->n[x].ne = op->e;
				}
				c = x;
			} else {
				c = -1;
			}
		}
	}
	P->depth--;
	return c;
}

/* parse src[a..b) as one expression; the tree lives in arena ar */
static struct xtree *xparse(struct arena *ar, const char *src, uint32_t a, uint32_t b)
{
	struct xtree *t = arena_alloc(ar, sizeof(*t));
	t->src = src;
	t->root = -1;
	if (b <= a || b - a > 4000)
		return t;
	struct tok *toks = xmalloc(sizeof(struct tok) * TOK_MAX);
	struct xn *nodes = xmalloc(sizeof(struct xn) * NODE_MAX);
	struct parser P = { .src = src, .t = toks, .n = nodes };
	P.nt = tokenize(src, a, b, toks, TOK_MAX);
	if (P.nt > 0) {
		int r = p_expr(&P);
		if (!P.err && r >= 0 && P.pos == P.nt) {
			t->n = arena_alloc(ar, sizeof(struct xn) * (size_t)P.nn);
			memcpy(t->n, nodes, sizeof(struct xn) * (size_t)P.nn);
			t->nn = P.nn;
			t->root = r;
		}
	}
	free(toks);
	free(nodes);
	return t;
}

static int name_is(const struct xtree *t, const struct xn *x, const char *s)
{
	size_t n = strlen(s);
	return x->ne - x->ns == n && !strncmp(t->src + x->ns, s, n);
}

static int op_is(const struct xtree *t, int i, const char *s)
{
	return i >= 0 && (t->n[i].k == X_BIN || t->n[i].k == X_UNARY || t->n[i].k == X_POST) && name_is(t, &t->n[i], s);
}

static int is_cmp(const struct xtree *t, int i)
{
	return op_is(t, i, "<") || op_is(t, i, ">") || op_is(t, i, "<=") || op_is(t, i, ">=") || op_is(t, i, "==") ||
	       op_is(t, i, "!=");
}

static void xname(const struct xtree *t, const struct xn *x, char *buf, size_t n)
{
	size_t l = x->ne - x->ns;
	if (l >= n)
		l = n - 1;
	memcpy(buf, t->src + x->ns, l);
	buf[l] = 0;
}

/* the source of node i with whitespace folded, comments dropped */
static void xtext(const struct xtree *t, int i, char *buf, size_t n)
{
	size_t o = 0;
	if (i < 0) {
		snprintf(buf, n, "?");
		return;
	}
	const char *s = t->src;
	uint32_t end = t->n[i].de;
	/* the outermost parentheses say nothing */
	uint32_t from = t->n[i].ds;
	if (from < t->n[i].s && s[from] == '(' && end > t->n[i].e) {
		from = t->n[i].s;
		end = t->n[i].e;
	}
	for (uint32_t p = from; p < end && o + 1 < n; p++) {
		unsigned char c = (unsigned char)s[p];
		if (c == '/' && s[p + 1] == '*') {
			p += 2;
			while (p + 1 < end && !(s[p] == '*' && s[p + 1] == '/'))
				p++;
			p++;
			continue;
		}
		if (isspace(c)) {
			if (o && buf[o - 1] != ' ' && buf[o - 1] != '(' && buf[o - 1] != '[' && p + 1 < end &&
			    !isspace((unsigned char)s[p + 1]) && s[p + 1] != ')' && s[p + 1] != ']' && s[p + 1] != ',')
				buf[o++] = ' ';
			continue;
		}
		buf[o++] = (char)c;
	}
	if (o > 60 && n > 64) {
		o = 57;
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = 0;
}

static int all_caps(const char *s, size_t n)
{
	int letters = 0;
	for (size_t i = 0; i < n; i++) {
		if (islower((unsigned char)s[i]))
			return 0;
		letters += isupper((unsigned char)s[i]);
	}
	return letters > 0;
}

/* ------------------------------------------------------------------ */
/* per-function facts: reaching definitions, value taint, units        */
/* ------------------------------------------------------------------ */

/* taint bits: where a value comes from */
#define T_SIZE   0x01   /* the VMA's length: vm_end, vma_pages() */
#define T_OFF    0x02   /* the user's offset: vm_pgoff (vmf->pgoff) */
#define T_OFFNEG 0x04   /* the offset, only as a subtrahend (len - off) */
#define T_START  0x08   /* vm_start: a user address, part of the VMA */
#define T_BASE   0x10   /* a driver value that is not derived from the VMA */
#define T_VSIZE  0x20   /* the size went through a (validating) function */
#define T_VOFF   0x40   /* the offset went through a (validating) function */
#define T_SIZENEG 0x80  /* the size, only as a subtrahend (len - size) */
#define T_SEL    0x100  /* an object picked by the user's offset: bufs[vm_pgoff], buf->pfn */
#define T_VMA    (T_SIZE | T_OFF | T_START)

/* what a test establishes */
#define CK_SIZE 0x1
#define CK_OFF  0x2
#define CK_PRIV 0x4
#define CK_FAULT 0x8   /* (callers) a fault handler: the mmap handler checked the VMA */

/* units of a value (rule mmap-pfn-unit-confusion) */
enum unitk { U_UNK, U_CONST, U_PFN, U_PHYS, U_VIRT, U_VPFN, U_PGOFF, U_BOFF, U_MIXED };

struct def {
	const struct ir_path *var;
	int blk, idx;                /* blk < 0: the value on entry */
	const struct ir_event *ev;   /* the assignment */
	unsigned taint;
	enum unitk unit;
	uint8_t state, ustate;       /* 0 new, 1 in progress, 2 done */
	uint8_t in_loop;
};

struct readp {
	uint32_t s, e;
	const struct ir_path *p;
};

struct pcache {
	uint32_t s, e;
	struct xtree *t;
};

struct fctx {
	struct unit *u;
	const struct ir_func *f;
	const struct model *m;
	struct arena ar;
	struct def *defs;
	int ndefs;
	const struct ir_path **keys;
	int nkeys;
	uint64_t *in;                /* per block: reaching definitions at entry (nw words each) */
	int nw;
	struct readp *reads;
	int nreads;
	struct pcache *pc;
	int npc, cappc;
	uint8_t *cyc;                /* block is on a cycle */
	uint8_t **reach;             /* lazily: blocks reachable from block b (successors, transitively) */
	int8_t *ck;                  /* check bits of a block, -1 = not computed */
	int *pred1;                  /* the single predecessor of a block, -1 if none or several */
	int8_t *ckedge;              /* the checks ckmask of a block hold only on this successor, -1: on all */
	uint8_t *ckmask;
	int pgoff_rebased;           /* another function of the file assigns vma->vm_pgoff a driver base */
	int depth;                   /* of nested evaluation */
	int nest;                    /* ctx of a callee read for a caller (bounded) */
};

static int cmp_readp(const void *a, const void *b)
{
	const struct readp *x = a, *y = b;
	return x->s < y->s ? -1 : x->s > y->s ? 1 : x->e < y->e ? -1 : x->e > y->e;
}

static struct xtree *parse_at(struct fctx *c, uint32_t s, uint32_t e)
{
	for (int i = 0; i < c->npc; i++)
		if (c->pc[i].s == s && c->pc[i].e == e)
			return c->pc[i].t;
	if (c->npc == c->cappc) {
		c->cappc = c->cappc ? c->cappc * 2 : 32;
		struct pcache *n = arena_alloc(&c->ar, sizeof(*n) * (size_t)c->cappc);
		if (c->npc)
			memcpy(n, c->pc, sizeof(*n) * (size_t)c->npc);
		c->pc = n;
	}
	struct xtree *t = xparse(&c->ar, c->u->src.masked ? c->u->src.masked : c->u->src.text, s, e);
	c->pc[c->npc].s = s;
	c->pc[c->npc].e = e;
	c->pc[c->npc].t = t;
	c->npc++;
	return t;
}

static int key_of(const struct fctx *c, const struct ir_path *p)
{
	for (int i = 0; i < c->nkeys; i++)
		if (c->keys[i] == p)
			return i;
	return -1;
}

static const struct ir_path *local_named(const struct ir_func *f, const char *s, size_t n)
{
	for (int i = 0; i < f->nlocals; i++) {
		const char *nm = f->locals[i].var->name;
		if (strlen(nm) == n && !strncmp(nm, s, n))
			return f->locals[i].var;
	}
	return NULL;
}

/* the ir_path read at a member/index expression (from the READ events) */
static const struct ir_path *read_path(const struct fctx *c, uint32_t s, uint32_t e)
{
	int lo = 0, hi = c->nreads - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const struct readp *r = &c->reads[mid];
		if (r->s < s || (r->s == s && r->e < e))
			lo = mid + 1;
		else if (r->s > s || r->e > e)
			hi = mid - 1;
		else
			return r->p;
	}
	return NULL;
}

static void ctx_free(struct fctx *c)
{
	if (!c)
		return;
	arena_release(&c->ar);
	free(c);
}

static int is_def_event(const struct ir_event *e)
{
	if (e->kind != EV_ASSIGN || !e->lhs)
		return 0;
	const struct ir_path *p = e->lhs;
	if (p->kind == PATH_VAR)
		return p->is_local;
	return p->kind == PATH_ARROW || p->kind == PATH_DOT;
}

static struct fctx *ctx_new(struct unit *u, const struct ir_func *f)
{
	struct fctx *c = xcalloc(1, sizeof(*c));
	c->u = u;
	c->f = f;
	c->m = &u->s->model;
	arena_init(&c->ar);
	int nb = f->nblocks;

	/* keys and definitions */
	int nd = 0, nk = 0, nr = 0;
	for (int b = 0; b < nb; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			nd += is_def_event(e);
			nr += e->kind == EV_READ && e->lhs;
		}
	c->keys = arena_alloc(&c->ar, sizeof(*c->keys) * (size_t)(nd + 1));
	c->defs = arena_alloc(&c->ar, sizeof(*c->defs) * (size_t)(2 * nd + 1));
	c->reads = arena_alloc(&c->ar, sizeof(*c->reads) * (size_t)(nr + 1));
	for (int b = 0; b < nb; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_READ && e->lhs) {
				c->reads[c->nreads].s = e->start;
				c->reads[c->nreads].e = e->end;
				c->reads[c->nreads].p = e->lhs;
				c->nreads++;
			}
			if (!is_def_event(e))
				continue;
			if (key_of(c, e->lhs) < 0)
				c->keys[nk++] = e->lhs;
			struct def *d = &c->defs[c->ndefs++];
			d->var = e->lhs;
			d->blk = b;
			d->idx = i;
			d->ev = e;
		}
	c->nkeys = nk;
	qsort(c->reads, (size_t)c->nreads, sizeof(*c->reads), cmp_readp);
	/* one definition "on entry" per key */
	int first_entry = c->ndefs;
	for (int k = 0; k < nk; k++) {
		struct def *d = &c->defs[c->ndefs++];
		d->var = c->keys[k];
		d->blk = -1;
		d->idx = -1;
	}

	/* cycles */
	c->cyc = arena_alloc(&c->ar, (size_t)nb + 1);
	c->reach = arena_alloc(&c->ar, sizeof(*c->reach) * ((size_t)nb + 1));
	c->ck = arena_alloc(&c->ar, (size_t)nb + 1);
	memset(c->ck, -1, (size_t)nb + 1);
	c->ckedge = arena_alloc(&c->ar, (size_t)nb + 1);
	memset(c->ckedge, -1, (size_t)nb + 1);
	c->ckmask = arena_alloc(&c->ar, (size_t)nb + 1);
	c->pred1 = arena_alloc(&c->ar, sizeof(int) * ((size_t)nb + 1));
	for (int b = 0; b < nb; b++)
		c->pred1[b] = -1;
	for (int b = 0; b < nb; b++)
		for (int s = 0; s < f->blocks[b]->nsucc; s++) {
			int y = f->blocks[b]->succ[s];
			if (y >= 0 && y < nb)
				c->pred1[y] = c->pred1[y] == -1 ? b : -2;
		}
	for (int g = 0; g < u->ir.nfuncs; g++) {
		const struct ir_func *gf = u->ir.funcs[g];
		if (gf == f)
			continue;
		for (int b = 0; b < gf->nblocks && !c->pgoff_rebased; b++)
			for (int i = 0; i < gf->blocks[b]->nev; i++) {
				const struct ir_event *e = gf->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->lhs && e->lhs->kind == PATH_ARROW && e->lhs->name &&
				    !strcmp(e->lhs->name, "vm_pgoff") && e->rhs.kind != VAL_INT && e->op &&
				    (!strcmp(e->op, "=") || !strcmp(e->op, "+=")))
					c->pgoff_rebased = 1;
			}
	}

	/* reaching definitions */
	c->nw = (c->ndefs + 63) / 64;
	if (c->nw == 0)
		c->nw = 1;
	size_t nw = (size_t)c->nw;
	c->in = arena_alloc(&c->ar, sizeof(uint64_t) * nw * ((size_t)nb + 1));
	uint64_t *out = xcalloc(nw * ((size_t)nb + 1), sizeof(uint64_t));
	uint64_t *gen = xcalloc(nw * ((size_t)nb + 1), sizeof(uint64_t));
	uint64_t *kill = xcalloc(nw * ((size_t)nb + 1), sizeof(uint64_t));
	for (int d = 0; d < first_entry; d++) {
		const struct def *x = &c->defs[d];
		uint64_t *g = gen + nw * (size_t)x->blk, *k = kill + nw * (size_t)x->blk;
		/* kill every def of the same key, then gen this one (later defs in the block win) */
		for (int o = 0; o < c->ndefs; o++)
			if (c->defs[o].var == x->var) {
				k[o / 64] |= 1ull << (o % 64);
				g[o / 64] &= ~(1ull << (o % 64));
			}
		g[d / 64] |= 1ull << (d % 64);
	}
	if (nb > 0)
		for (int d = first_entry; d < c->ndefs; d++)
			c->in[d / 64] |= 1ull << (d % 64);
	int changed = 1, rounds = 0;
	while (changed && rounds++ < 200) {
		changed = 0;
		for (int b = 0; b < nb; b++) {
			uint64_t *ib = c->in + nw * (size_t)b, *ob = out + nw * (size_t)b;
			for (size_t w = 0; w < nw; w++) {
				uint64_t o = gen[nw * (size_t)b + w] | (ib[w] & ~kill[nw * (size_t)b + w]);
				if (o != ob[w]) {
					ob[w] = o;
					changed = 1;
				}
			}
			const struct ir_block *bl = f->blocks[b];
			for (int s = 0; s < bl->nsucc; s++) {
				int sb = bl->succ[s];
				if (sb < 0 || sb >= nb)
					continue;
				uint64_t *is = c->in + nw * (size_t)sb;
				for (size_t w = 0; w < nw; w++)
					if ((is[w] | ob[w]) != is[w]) {
						is[w] |= ob[w];
						changed = 1;
					}
			}
		}
	}
	free(out);
	free(gen);
	free(kill);
	return c;
}

static const uint8_t *reach_from(struct fctx *c, int b)
{
	int nb = c->f->nblocks;
	if (b < 0 || b >= nb)
		return NULL;
	if (c->reach[b])
		return c->reach[b];
	uint8_t *r = arena_alloc(&c->ar, (size_t)nb);
	int *st = xmalloc(sizeof(int) * (size_t)(nb + 1));
	int sp = 0;
	const struct ir_block *bl = c->f->blocks[b];
	for (int s = 0; s < bl->nsucc; s++)
		if (bl->succ[s] >= 0 && bl->succ[s] < nb && !r[bl->succ[s]]) {
			r[bl->succ[s]] = 1;
			st[sp++] = bl->succ[s];
		}
	while (sp) {
		int x = st[--sp];
		const struct ir_block *xb = c->f->blocks[x];
		for (int s = 0; s < xb->nsucc; s++) {
			int y = xb->succ[s];
			if (y >= 0 && y < nb && !r[y]) {
				r[y] = 1;
				st[sp++] = y;
			}
		}
	}
	free(st);
	c->reach[b] = r;
	return r;
}

static int on_cycle(struct fctx *c, int b)
{
	const uint8_t *r = reach_from(c, b);
	return r && r[b];
}

static int same_cycle(struct fctx *c, int a, int b)
{
	const uint8_t *ra = reach_from(c, a), *rb = reach_from(c, b);
	return ra && rb && ra[b] && rb[a];
}

/* the definitions of key k that reach (blk, idx): before event idx of block blk */
static int reaching(struct fctx *c, int k, int blk, int idx, int *out, int max)
{
	const struct ir_path *v = c->keys[k];
	if (blk < 0 || blk >= c->f->nblocks)
		return 0;
	const struct ir_block *bl = c->f->blocks[blk];
	for (int i = (idx > bl->nev ? bl->nev : idx) - 1; i >= 0; i--) {
		const struct ir_event *e = bl->ev[i];
		if (is_def_event(e) && e->lhs == v)
			for (int d = 0; d < c->ndefs; d++)
				if (c->defs[d].ev == e) {
					out[0] = d;
					return 1;
				}
	}
	int n = 0;
	const uint64_t *in = c->in + (size_t)c->nw * (size_t)blk;
	for (int d = 0; d < c->ndefs && n < max; d++)
		if (c->defs[d].var == v && (in[d / 64] >> (d % 64) & 1))
			out[n++] = d;
	return n;
}

/* does v change on every turn of a loop that block blk is part of? */
static int is_induction(struct fctx *c, const struct ir_path *v, int blk)
{
	if (!on_cycle(c, blk))
		return 0;
	for (int d = 0; d < c->ndefs; d++)
		if (c->defs[d].var == v && c->defs[d].blk >= 0 && same_cycle(c, c->defs[d].blk, blk))
			return 1;
	return 0;
}

struct pt {
	int blk, idx;
};

static unsigned taint_x(struct fctx *c, const struct xtree *t, int i, struct pt p);
static enum unitk unit_x(struct fctx *c, const struct xtree *t, int i, struct pt p);

static const char *word_class(const struct fctx *c, const char *s, size_t n)
{
	return model_word_class(c->m, s, n);
}

static int class_is(const char *cls, const char *want)
{
	return cls && !strcmp(cls, want);
}

/* the vm_area_struct or vm_fault pointer a member access is made through */
static int field_of_vma(const struct fctx *c, const struct xtree *t, const struct xn *x, const char *field)
{
	(void)c;
	return x->k == X_MEMBER && name_is(t, x, field);
}

static int is_vmf_pgoff(const struct fctx *c, const struct xtree *t, const struct xn *x)
{
	if (x->k != X_MEMBER || !name_is(t, x, "pgoff") || x->a < 0 || t->n[x->a].k != X_ID)
		return 0;
	const struct xn *b = &t->n[x->a];
	const struct ir_path *v = local_named(c->f, t->src + b->ns, b->ne - b->ns);
	const char *ty = v ? ir_local_type(c->f, v) : NULL;
	return ty && strstr(ty, "vm_fault");
}

static int is_vma_ptr(struct fctx *c, const struct xtree *t, int i);
static int addr_taken(const struct fctx *c, const struct ir_path *v);

/* taint of a path that is not assigned in the function (its value on entry) */
static unsigned intrinsic_taint(struct fctx *c, const struct xtree *t, int i, struct pt p)
{
	const struct xn *x = &t->n[i];
	if (x->k == X_ID) {
		if (all_caps(t->src + x->ns, x->ne - x->ns))
			return 0;
		const struct ir_path *v = local_named(c->f, t->src + x->ns, x->ne - x->ns);
		if (!v)
			return T_BASE;   /* a global */
		/* a parameter or a local filled through &x: a value the caller or a callee chose */
		if ((v->is_param && !is_vma_ptr(c, t, i)) || addr_taken(c, v))
			return T_BASE;
		return 0;
	}
	if (x->k == X_MEMBER) {
		if (field_of_vma(c, t, x, "vm_pgoff"))
			return c->pgoff_rebased ? T_OFF | T_BASE : T_OFF;
		if (is_vmf_pgoff(c, t, x))
			return T_OFF;
		if (field_of_vma(c, t, x, "vm_end"))
			return T_SIZE;
		if (field_of_vma(c, t, x, "vm_start"))
			return T_START;
		/* a member of an object selected by the user's offset */
		unsigned bt = x->a >= 0 ? taint_x(c, t, x->a, p) : 0;
		return T_BASE | ((bt & (T_OFF | T_SEL)) ? T_SEL : 0) | (bt & T_VOFF);
	}
	if (x->k == X_INDEX) {
		unsigned bt = x->a >= 0 ? taint_x(c, t, x->a, p) : 0;
		unsigned it = x->b >= 0 ? taint_x(c, t, x->b, p) : 0;
		return T_BASE | (((bt | it) & (T_OFF | T_SEL)) ? T_SEL : 0) | ((bt | it) & T_VOFF);
	}
	return 0;
}

static int addr_taken(const struct fctx *c, const struct ir_path *v)
{
	for (int b = 0; b < c->f->nblocks; b++)
		for (int i = 0; i < c->f->blocks[b]->nev; i++) {
			const struct ir_event *e = c->f->blocks[b]->ev[i];
			if (e->kind == EV_ADDR && e->lhs == v)
				return 1;
		}
	return 0;
}

static const struct ir_path *path_of(struct fctx *c, const struct xtree *t, int i)
{
	const struct xn *x = &t->n[i];
	if (x->k == X_ID)
		return local_named(c->f, t->src + x->ns, x->ne - x->ns);
	if (x->k == X_MEMBER || x->k == X_INDEX)
		return read_path(c, x->s, x->e);
	return NULL;
}

static unsigned def_taint(struct fctx *c, int d);

/* taint of a path at point p: through its reaching definitions */
static unsigned path_taint(struct fctx *c, const struct xtree *t, int i, struct pt p)
{
	const struct ir_path *v = path_of(c, t, i);
	int k = v ? key_of(c, v) : -1;
	if (k < 0)
		return intrinsic_taint(c, t, i, p);
	int ds[64];
	int n = reaching(c, k, p.blk, p.idx, ds, 64);
	unsigned r = 0;
	for (int j = 0; j < n; j++)
		r |= c->defs[ds[j]].blk < 0 ? intrinsic_taint(c, t, i, p) : def_taint(c, ds[j]);
	return r;
}

static int clamp_def(struct fctx *c, const struct def *d);

static unsigned def_taint(struct fctx *c, int d)
{
	struct def *x = &c->defs[d];
	if (x->state == 2)
		return x->taint;
	if (x->state == 1 || c->depth > 24)
		return 0;
	x->state = 1;
	c->depth++;
	const struct ir_event *e = x->ev;
	struct pt p = { x->blk, x->idx };
	unsigned r = 0;
	struct xtree *t = parse_at(c, e->rhs.start, e->rhs.end);
	if (t->root >= 0)
		r = taint_x(c, t, t->root, p);
	else if (e->rhs.kind != VAL_NONE)
		r = T_BASE;
	if (e->op && strcmp(e->op, "=")) {
		/* x += y, x++: the old value too; x -= off only subtracts the offset */
		if (!strcmp(e->op, "-=") && (r & T_OFF))
			r = (r & ~T_OFF) | T_OFFNEG;
		int ds[64];
		int k = key_of(c, x->var);
		int n = k >= 0 ? reaching(c, k, x->blk, x->idx, ds, 64) : 0;
		for (int j = 0; j < n; j++)
			if (c->defs[ds[j]].blk >= 0)
				r |= def_taint(c, ds[j]);
			else if (x->var->kind != PATH_VAR && x->var->name && !strcmp(x->var->name, "vm_pgoff"))
				r |= T_OFF;
			else if (x->var->kind != PATH_VAR)
				r |= T_BASE;
	}
	if ((r & T_SIZE) && clamp_def(c, x))
		r = (r & ~T_SIZE) | T_BASE;
	c->depth--;
	x->taint = r;
	x->state = 2;
	return r;
}

static int is_vma_ptr(struct fctx *c, const struct xtree *t, int i)
{
	const struct xn *x = &t->n[i];
	if (x->k != X_ID)
		return 0;
	const struct ir_path *v = local_named(c->f, t->src + x->ns, x->ne - x->ns);
	const char *ty = v ? ir_local_type(c->f, v) : NULL;
	return ty && strstr(ty, "vm_area_struct") && strchr(ty, '*');
}

static const struct model_fn *callee_model(struct fctx *c, const struct xtree *t, const struct xn *x)
{
	if (x->ne <= x->ns)
		return NULL;
	return model_fn_find(c->m, t->src + x->ns, x->ne - x->ns);
}

static struct fctx *ctx_new(struct unit *u, const struct ir_func *f);
static unsigned block_checks(struct fctx *c, int b);

/*
 * Does the function named nm compare the VMA's size with something? A
 * function of another file may (assumed yes); one of this file is read.
 */
static int func_checks_size(struct fctx *c, const char *nm, size_t nl)
{
	const struct ir_func *g = NULL;
	for (int i = 0; i < c->u->ir.nfuncs && !g; i++)
		if (strlen(c->u->ir.funcs[i]->name) == nl && !strncmp(c->u->ir.funcs[i]->name, nm, nl))
			g = c->u->ir.funcs[i];
	if (!g)
		return 1;
	if (g == c->f || c->nest >= 2)
		return 0;
	struct fctx *gc = ctx_new(c->u, g);
	gc->nest = c->nest + 1;
	int yes = 0;
	for (int b = 0; b < g->nblocks && !yes; b++)
		yes = (block_checks(gc, b) & CK_SIZE) != 0;
	arena_release(&gc->ar);
	free(gc);
	return yes;
}

static unsigned taint_call(struct fctx *c, const struct xtree *t, int i, struct pt p)
{
	const struct xn *x = &t->n[i];
	if (x->ne <= x->ns)
		return T_BASE;   /* through a function pointer */
	const char *nm = t->src + x->ns;
	size_t nl = x->ne - x->ns;
	const char *cls = word_class(c, nm, nl);
	const struct model_fn *mf = callee_model(c, t, x);
	if (nl == 9 && !strncmp(nm, "vma_pages", 9))
		return T_SIZE;
	if (model_fn_role(mf, ROLE_MMAP_INSTALL) || model_fn_role(mf, ROLE_FAULT_INSTALL))
		return 0;
	if (model_fn_role(mf, ROLE_COND_WRAPPER) || model_fn_role(mf, ROLE_TRANSPARENT)) {
		return x->a >= 0 ? taint_x(c, t, x->a, p) : 0;
	}
	unsigned all = 0;
	int nargs = 0, clean = 0;
	for (int a = x->a; a >= 0; a = t->n[a].next) {
		unsigned at = taint_x(c, t, a, p);
		all |= at;
		nargs++;
		if (t->n[a].k != X_OTHER && !(at & T_VMA))
			clean++;
	}
	if (class_is(cls, "mmap.checks-vma"))
		return T_BASE | T_VSIZE | T_VOFF;   /* looks the VMA up and compares its size */
	if (class_is(cls, "mmap.clamp")) {
		/* min(size, len): bounded by len */
		if (clean)
			all &= ~(T_SIZE | T_OFF);
		return all;
	}
	if (class_is(cls, "mmap.arith") || class_is(cls, "mmap.pfn") || class_is(cls, "mmap.phys") ||
	    class_is(cls, "mmap.virt") || class_is(cls, "value.split") || model_fn_role(mf, ROLE_LINEAR_CONVERT) ||
	    all_caps(nm, nl))
		return all;
	/* any other function: it may validate what it is given */
	unsigned r = T_BASE;
	if (all & T_SIZE)
		r |= T_VSIZE;
	if (all & (T_OFF | T_SEL | T_VOFF))
		r |= T_VOFF;
	int gets_vma = 0;
	for (int a = x->a; a >= 0; a = t->n[a].next)
		gets_vma |= is_vma_ptr(c, t, a);
	if (gets_vma) {
		/* a look-up by the VMA (by its vm_pgoff); it bounds the size too if its body says so */
		r |= T_VOFF;
		if (func_checks_size(c, nm, nl))
			r |= T_VSIZE;
	}
	return r | (all & T_VSIZE);
}

static unsigned taint_x(struct fctx *c, const struct xtree *t, int i, struct pt p)
{
	if (i < 0 || c->depth > 40)
		return 0;
	const struct xn *x = &t->n[i];
	unsigned r = 0;
	c->depth++;
	switch (x->k) {
	case X_NUM: case X_STR: case X_SIZEOF:
		break;
	case X_OTHER:
		r = T_BASE;
		break;
	case X_ID: case X_MEMBER: case X_INDEX:
		r = path_taint(c, t, i, p);
		break;
	case X_CALL:
		r = taint_call(c, t, i, p);
		break;
	case X_UNARY: case X_POST: case X_CAST:
		r = taint_x(c, t, x->a, p);
		break;
	case X_BIN:
		if (is_cmp(t, i) || op_is(t, i, "&&") || op_is(t, i, "||")) {
			r = 0;
		} else if (op_is(t, i, "-")) {
			unsigned rt = taint_x(c, t, x->b, p);
			r = taint_x(c, t, x->a, p) | (rt & ~(T_OFF | T_SIZE | T_START)) | ((rt & T_OFF) ? T_OFFNEG : 0);
			/* vm_end - vm_start is the size; len - size is not */
			if (rt & T_SIZE)
				r |= T_SIZENEG;
		} else if (name_is(t, x, "=")) {
			r = taint_x(c, t, x->b, p);
		} else {
			r = taint_x(c, t, x->a, p) | taint_x(c, t, x->b, p);
		}
		break;
	case X_COND: {
		unsigned ct = 0;
		/* size > len ? len : size is bounded */
		if (is_cmp(t, x->a)) {
			unsigned l = taint_x(c, t, t->n[x->a].a, p), rr = taint_x(c, t, t->n[x->a].b, p);
			if (((l & T_SIZE) && !(rr & T_VMA)) || ((rr & T_SIZE) && !(l & T_VMA)))
				ct = T_SIZE;
		}
		r = (taint_x(c, t, x->b, p) | taint_x(c, t, x->c, p)) & ~ct;
		break;
	}
	}
	c->depth--;
	return r;
}

/* every taint mentioned in an expression, comparisons included */
static unsigned mention_x(struct fctx *c, const struct xtree *t, int i, struct pt p)
{
	if (i < 0)
		return 0;
	const struct xn *x = &t->n[i];
	if (x->k == X_BIN && (is_cmp(t, i) || op_is(t, i, "&&") || op_is(t, i, "||")))
		return mention_x(c, t, x->a, p) | mention_x(c, t, x->b, p);
	if (x->k == X_UNARY && name_is(t, x, "!"))
		return mention_x(c, t, x->a, p);
	return taint_x(c, t, i, p);
}

/* does the expression use a local that changes on every turn of a loop? */
static int has_induction(struct fctx *c, const struct xtree *t, int i, int blk)
{
	if (i < 0)
		return 0;
	const struct xn *x = &t->n[i];
	if (x->k == X_ID) {
		const struct ir_path *v = local_named(c->f, t->src + x->ns, x->ne - x->ns);
		return v && is_induction(c, v, blk);
	}
	if (x->k == X_MEMBER || x->k == X_CALL)
		return 0;
	return has_induction(c, t, x->a, blk) || has_induction(c, t, x->b, blk) || has_induction(c, t, x->c, blk);
}

static int mentions_path(struct fctx *c, const struct xtree *t, int i, const struct ir_path *v, int depth)
{
	if (i < 0 || depth > 30)
		return 0;
	const struct xn *x = &t->n[i];
	if ((x->k == X_ID || x->k == X_MEMBER || x->k == X_INDEX) && path_of(c, t, i) == v)
		return 1;
	if (x->k == X_CALL) {
		for (int a = x->a; a >= 0; a = t->n[a].next)
			if (mentions_path(c, t, a, v, depth + 1))
				return 1;
		return 0;
	}
	return mentions_path(c, t, x->a, v, depth + 1) || mentions_path(c, t, x->b, v, depth + 1) ||
	       mentions_path(c, t, x->c, v, depth + 1);
}

/*
 * A clamp: `if (len > size) len = size;` - the definition of len from the
 * VMA's size only runs when the size is the smaller one.
 */
static int clamp_def(struct fctx *c, const struct def *d)
{
	int h = d->blk >= 0 ? c->pred1[d->blk] : -1;
	if (h < 0)
		return 0;
	const struct ir_block *hb = c->f->blocks[h];
	if (hb->term != T_BRANCH || hb->nsucc != 2 || hb->cond.end <= hb->cond.start)
		return 0;
	struct xtree *t = parse_at(c, hb->cond.start, hb->cond.end);
	if (t->root < 0 || !is_cmp(t, t->root))
		return 0;
	const struct xn *x = &t->n[t->root];
	int gt = op_is(t, t->root, ">") || op_is(t, t->root, ">=");
	int lt = op_is(t, t->root, "<") || op_is(t, t->root, "<=");
	if (!gt && !lt)
		return 0;
	int left_greater = gt;
	if (hb->succ[1] == d->blk && hb->succ[0] != d->blk)
		left_greater = !left_greater;
	else if (hb->succ[0] != d->blk)
		return 0;
	int big = left_greater ? x->a : x->b, small = left_greater ? x->b : x->a;
	struct pt p = { h, hb->nev };
	return mentions_path(c, t, big, d->var, 0) && (taint_x(c, t, small, p) & T_SIZE);
}

/* ~0UL >> PAGE_SHIFT, ULONG_MAX: a guard against overflow, not the object's size */
static int overflow_bound(const struct xtree *t, int i, int depth)
{
	if (i < 0 || depth > 20)
		return 0;
	const struct xn *x = &t->n[i];
	if (x->k == X_ID) {
		static const char *const maxes[] = { "ULONG_MAX", "SIZE_MAX", "U64_MAX", "U32_MAX", "UINT_MAX", "LONG_MAX",
						     "ULLONG_MAX", "PHYS_ADDR_MAX", NULL };
		for (int k = 0; maxes[k]; k++)
			if (name_is(t, x, maxes[k]))
				return 1;
		return 0;
	}
	if (x->k == X_UNARY && name_is(t, x, "~"))
		return 1;
	if (x->k == X_UNARY && name_is(t, x, "-") && x->a >= 0 && t->n[x->a].k == X_NUM)
		return 1;
	if (x->k == X_CALL || x->k == X_MEMBER || x->k == X_INDEX)
		return 0;
	return overflow_bound(t, x->a, depth + 1) || overflow_bound(t, x->b, depth + 1) || overflow_bound(t, x->c, depth + 1);
}

/* what a condition tests: CK_SIZE, CK_OFF, CK_PRIV */
static unsigned cond_checks(struct fctx *c, const struct xtree *t, int i, struct pt p, int depth)
{
	if (i < 0 || depth > 20)
		return 0;
	const struct xn *x = &t->n[i];
	if (x->k == X_UNARY && name_is(t, x, "!"))
		return cond_checks(c, t, x->a, p, depth + 1);
	if (x->k == X_BIN && (op_is(t, i, "&&") || op_is(t, i, "||")))
		return cond_checks(c, t, x->a, p, depth + 1) | cond_checks(c, t, x->b, p, depth + 1);
	if (x->k == X_BIN && name_is(t, x, "="))
		return cond_checks(c, t, x->b, p, depth + 1);
	if (x->k == X_CALL) {
		const char *cls = word_class(c, t->src + x->ns, x->ne - x->ns);
		const struct model_fn *mf = callee_model(c, t, x);
		if (model_fn_role(mf, ROLE_COND_WRAPPER))
			return cond_checks(c, t, x->a, p, depth + 1);
		if (class_is(cls, "mmap.privilege"))
			return CK_PRIV | ((taint_x(c, t, i, p) & T_VOFF) ? CK_OFF : 0);
	}
	unsigned r = 0;
	if (is_cmp(t, i)) {
		unsigned l = taint_x(c, t, x->a, p), rr = taint_x(c, t, x->b, p);
		if ((l | rr) & T_VSIZE)
			r |= CK_SIZE;
		if ((l | rr) & T_VOFF)
			r |= CK_OFF;
		if (has_induction(c, t, x->a, p.blk) || has_induction(c, t, x->b, p.blk))
			return r;
		unsigned v = 0;
		if ((l & T_VMA) && !(rr & T_VMA) && !overflow_bound(t, x->b, 0))
			v = l;
		else if ((rr & T_VMA) && !(l & T_VMA) && !overflow_bound(t, x->a, 0))
			v = rr;
		if (v & T_SIZE)
			r |= CK_SIZE;
		if (v & T_OFF)
			r |= CK_OFF;
		return r;
	}
	/* a truth test */
	unsigned v = taint_x(c, t, i, p);
	if (v & T_VSIZE)
		r |= CK_SIZE;
	if (v & T_VOFF)
		r |= CK_OFF;
	if ((v & T_OFF) && !(v & T_BASE))
		r |= CK_OFF;
	return r;
}

/*
 * `if (len - off > size) size = len - off;`: on the edge where the VMA is the
 * larger side, the block assigns a size from the VMA; the comparison only
 * bounds the other edge. Returns the index of that in-bounds successor, or -1.
 */
static int anti_clamp(struct fctx *c, int b, const struct xtree *t, struct pt p)
{
	const struct ir_block *bl = c->f->blocks[b];
	if (bl->term != T_BRANCH || bl->nsucc != 2 || !is_cmp(t, t->root))
		return -1;
	const struct xn *x = &t->n[t->root];
	int gt = op_is(t, t->root, ">") || op_is(t, t->root, ">=");
	int lt = op_is(t, t->root, "<") || op_is(t, t->root, "<=");
	if (!gt && !lt)
		return -1;
	int vleft = (taint_x(c, t, x->a, p) & T_SIZE) != 0;
	int vbig = (gt == vleft) ? 0 : 1;   /* the successor where the VMA side is the larger */
	int sb = bl->succ[vbig];
	if (sb < 0 || sb >= c->f->nblocks || c->pred1[sb] != b)
		return -1;
	const struct ir_block *s = c->f->blocks[sb];
	for (int i = 0; i < s->nev; i++)
		for (int d = 0; d < c->ndefs; d++)
			if (c->defs[d].ev == s->ev[i] && (def_taint(c, d) & T_SIZE))
				return 1 - vbig;
	return -1;
}

static unsigned block_checks(struct fctx *c, int b)
{
	if (c->ck[b] >= 0)
		return (unsigned)c->ck[b];
	c->ck[b] = 0;
	const struct ir_block *bl = c->f->blocks[b];
	unsigned r = 0;
	if ((bl->term == T_BRANCH || bl->term == T_SWITCH) && bl->cond.kind != VAL_NONE && bl->cond.end > bl->cond.start) {
		struct xtree *t = parse_at(c, bl->cond.start, bl->cond.end);
		struct pt p = { b, bl->nev };
		if (t->root >= 0) {
			if (bl->term == T_SWITCH) {
				unsigned v = taint_x(c, t, t->root, p);
				if (v & (T_OFF | T_VOFF))
					r |= CK_OFF;
				if (v & (T_SIZE | T_VSIZE))
					r |= CK_SIZE;
			} else {
				const struct xn *x = &t->n[t->root];
				unsigned v = taint_x(c, t, t->root, p);
				if (!is_cmp(t, t->root) && x->k != X_CALL && (v & T_OFF) && !(v & (T_BASE | T_VOFF | T_VSIZE))) {
					/* if (vma->vm_pgoff): only the zero edge is bounded */
					if (bl->test == COND_NONZERO || bl->test == COND_LE0) {
						r = CK_OFF;
						c->ckedge[b] = bl->test == COND_NONZERO ? 1 : 0;
						c->ckmask[b] = CK_OFF;
					}
				} else {
					r = cond_checks(c, t, t->root, p, 0);
					int in = (r & CK_SIZE) ? anti_clamp(c, b, t, p) : -1;
					if (in >= 0) {
						c->ckedge[b] = (int8_t)in;
						c->ckmask[b] = CK_SIZE;
					}
				}
			}
		}
	}
	c->ck[b] = (int8_t)r;
	return r;
}

/* checks (CK_*) that hold on every path from the entry to block target */
static unsigned checked_at(struct fctx *c, int target)
{
	int nb = c->f->nblocks;
	unsigned res = 0;
	if (target < 0 || target >= nb)
		return 0;
	uint8_t *seen = xcalloc((size_t)nb, 1);
	int *st = xmalloc(sizeof(int) * (size_t)(nb + 1));
	for (unsigned k = CK_SIZE; k <= CK_PRIV; k <<= 1) {
		memset(seen, 0, (size_t)nb);
		int sp = 0, hit = 0;
		seen[0] = 1;
		st[sp++] = 0;
		while (sp && !hit) {
			int x = st[--sp];
			if (x == target) {
				hit = 1;
				break;
			}
			const struct ir_block *xb = c->f->blocks[x];
			int only = -1;
			if (block_checks(c, x) & k) {
				if (c->ckedge[x] < 0 || !(c->ckmask[x] & k))
					continue;
				only = c->ckedge[x];   /* the other edge is not bounded */
			}
			for (int s = 0; s < xb->nsucc; s++) {
				int y = xb->succ[s];
				if (s == only)
					continue;
				if (y >= 0 && y < nb && !seen[y]) {
					seen[y] = 1;
					st[sp++] = y;
				}
			}
		}
		if (!hit)
			res |= k;
	}
	free(seen);
	free(st);
	return res;
}

/* ------------------------------------------------------------------ */
/* units                                                               */
/* ------------------------------------------------------------------ */

static enum unitk unit_of_type(const struct fctx *c, const char *ty)
{
	if (!ty)
		return U_UNK;
	/* the type's words: phys_addr_t, resource_size_t, dma_addr_t */
	for (const char *s = ty; *s;) {
		while (*s && !is_idc((unsigned char)*s))
			s++;
		const char *b = s;
		while (*s && is_idc((unsigned char)*s))
			s++;
		const char *cls = s > b ? model_word_class(c->m, b, (size_t)(s - b)) : NULL;
		if ((class_is(cls, "mmap.phys-type") || class_is(cls, "space.phys") || class_is(cls, "space.phys-io") ||
		     class_is(cls, "space.dma")) && !strchr(ty, '*') && !strchr(ty, '['))
			return U_PHYS;
	}
	if (strchr(ty, '*') && !strstr(ty, "struct") && !strstr(ty, "(*"))
		return U_VIRT;
	return U_UNK;
}

static int name_has(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	for (size_t i = 0; i + m <= n; i++)
		if (!strncmp(s + i, w, m))
			return 1;
	return 0;
}

/* what a name says: ..._pfn is a page frame number, ..._phys / paddr a physical address */
static enum unitk name_unit(const char *s, size_t n)
{
	if (name_has(s, n, "pfn"))
		return U_PFN;
	if (name_has(s, n, "phys") || (n >= 5 && !strncmp(s + n - 5, "paddr", 5)))
		return U_PHYS;
	return U_UNK;
}

/* the declared type of a member x->f when struct *x is defined in this file */
static const char *member_type(const struct fctx *c, const struct xtree *t, const struct xn *x)
{
	if (x->a < 0 || t->n[x->a].k != X_ID)
		return NULL;
	const struct xn *b = &t->n[x->a];
	const struct ir_path *v = local_named(c->f, t->src + b->ns, b->ne - b->ns);
	const char *ty = v ? ir_local_type(c->f, v) : NULL;
	const char *s = ty ? strstr(ty, "struct ") : NULL;
	if (!s)
		return NULL;
	char tag[160];
	size_t k = 7;
	while (s[k] && is_idc((unsigned char)s[k]))
		k++;
	if (k >= sizeof(tag))
		return NULL;
	memcpy(tag, s, k);
	tag[k] = 0;
	char fname[128];
	xname(t, x, fname, sizeof(fname));
	for (int i = 0; i < c->u->ir.nfields; i++)
		if (!strcmp(c->u->ir.fields[i].tag, tag) && !strcmp(c->u->ir.fields[i].name, fname))
			return c->u->ir.fields[i].type;
	if (!strcmp(tag, "struct resource") && !strcmp(fname, "start"))
		return "resource_size_t";
	return NULL;
}

static enum unitk intrinsic_unit(struct fctx *c, const struct xtree *t, int i)
{
	const struct xn *x = &t->n[i];
	const char *nm = t->src + x->ns;
	size_t nl = x->ne - x->ns;
	if (x->k == X_ID) {
		if (all_caps(nm, nl))
			return U_CONST;
		const struct ir_path *v = local_named(c->f, nm, nl);
		const char *ty = v ? ir_local_type(c->f, v) : NULL;
		for (int g = 0; !v && g < c->u->ir.nglobals; g++)
			if (c->u->ir.globals[g].var && c->u->ir.globals[g].var->name &&
			    strlen(c->u->ir.globals[g].var->name) == nl && !strncmp(c->u->ir.globals[g].var->name, nm, nl))
				ty = c->u->ir.globals[g].type;
		/* phys_addr_t pfn: the name wins over the type */
		enum unitk u = name_has(nm, nl, "pfn") ? U_PFN : unit_of_type(c, ty);
		if (u != U_UNK)
			return u;
		return name_unit(nm, nl);
	}
	if (x->k == X_MEMBER) {
		if (field_of_vma(c, t, x, "vm_pgoff") || is_vmf_pgoff(c, t, x))
			return U_PGOFF;
		if (class_is(model_word_class(c->m, nm, nl), "mmap.phys-field"))
			return U_PHYS;
		enum unitk u = unit_of_type(c, member_type(c, t, x));
		if (u != U_UNK && !name_has(nm, nl, "pfn"))
			return u;
		return name_unit(nm, nl);
	}
	return U_UNK;
}

static enum unitk def_unit(struct fctx *c, int d);

static enum unitk join_defs(enum unitk a, enum unitk b, int first)
{
	if (first)
		return b;
	if (a == b)
		return a;
	if (a == U_CONST)
		return b;
	if (b == U_CONST)
		return a;
	return U_UNK;
}

static enum unitk path_unit(struct fctx *c, const struct xtree *t, int i, struct pt p)
{
	const struct ir_path *v = path_of(c, t, i);
	int k = v ? key_of(c, v) : -1;
	if (k < 0)
		return intrinsic_unit(c, t, i);
	int ds[64];
	int n = reaching(c, k, p.blk, p.idx, ds, 64);
	enum unitk r = U_UNK;
	int first = 1, any = 0;
	for (int j = 0; j < n; j++) {
		enum unitk u;
		if (c->defs[ds[j]].blk < 0) {
			/* a local not initialised on some path: its other definitions decide */
			if (v->kind == PATH_VAR && !v->is_param)
				continue;
			u = intrinsic_unit(c, t, i);
		} else {
			u = def_unit(c, ds[j]);
		}
		r = join_defs(r, u, first);
		first = 0;
		any = 1;
	}
	if (any && r == U_UNK && v->kind == PATH_VAR)
		return intrinsic_unit(c, t, i);   /* phys_addr_t base = rmem->base: the declared type, the name */
	return any ? r : intrinsic_unit(c, t, i);
}

static enum unitk def_unit(struct fctx *c, int d)
{
	struct def *x = &c->defs[d];
	if (x->ustate == 2)
		return x->unit;
	if (x->ustate == 1 || c->depth > 24)
		return U_UNK;
	x->ustate = 1;
	c->depth++;
	const struct ir_event *e = x->ev;
	struct pt p = { x->blk, x->idx };
	enum unitk r = U_UNK;
	if (!e->op || !strcmp(e->op, "=")) {
		struct xtree *t = parse_at(c, e->rhs.start, e->rhs.end);
		if (t->root >= 0)
			r = unit_x(c, t, t->root, p);
	}
	c->depth--;
	x->unit = r;
	x->ustate = 2;
	return r;
}

static int is_page_shift(const struct xtree *t, int i)
{
	return i >= 0 && t->n[i].k == X_ID && name_is(t, &t->n[i], "PAGE_SHIFT");
}

static int is_page_size(const struct xtree *t, int i)
{
	return i >= 0 && t->n[i].k == X_ID && name_is(t, &t->n[i], "PAGE_SIZE");
}

static enum unitk add_units(enum unitk a, enum unitk b, int minus)
{
	if (a == U_MIXED || b == U_MIXED)
		return U_MIXED;
	if (a == U_CONST)
		return minus ? U_UNK : b;
	if (b == U_CONST)
		return a;
	if ((a == U_PHYS && b == U_PGOFF) || (a == U_PGOFF && b == U_PHYS && !minus))
		return U_MIXED;
	if ((a == U_PFN && b == U_BOFF) || (a == U_BOFF && b == U_PFN && !minus))
		return U_MIXED;
	if (a == U_PHYS && (b == U_UNK || b == U_BOFF))
		return U_PHYS;
	if (b == U_PHYS && (a == U_UNK || a == U_BOFF) && !minus)
		return U_PHYS;
	if (a == U_PHYS && b == U_PHYS && minus)
		return U_BOFF;
	if (a == U_PFN && (b == U_UNK || b == U_PGOFF))
		return U_PFN;
	if (b == U_PFN && (a == U_UNK || a == U_PGOFF) && !minus)
		return U_PFN;
	if (a == U_VIRT && b != U_VIRT)
		return U_VIRT;
	if (b == U_VIRT && !minus)
		return U_VIRT;
	if (a == U_PGOFF && b == U_PGOFF)
		return U_PGOFF;
	return U_UNK;
}

static enum unitk unit_x(struct fctx *c, const struct xtree *t, int i, struct pt p)
{
	if (i < 0 || c->depth > 40)
		return U_UNK;
	const struct xn *x = &t->n[i];
	enum unitk r = U_UNK;
	c->depth++;
	switch (x->k) {
	case X_NUM: case X_SIZEOF:
		r = U_CONST;
		break;
	case X_ID: case X_MEMBER: case X_INDEX:
		r = path_unit(c, t, i, p);
		break;
	case X_CALL: {
		const char *cls = x->ne > x->ns ? word_class(c, t->src + x->ns, x->ne - x->ns) : NULL;
		const struct model_fn *mf = callee_model(c, t, x);
		if (class_is(cls, "mmap.pfn"))
			r = U_PFN;
		else if (class_is(cls, "mmap.phys"))
			r = U_PHYS;
		else if (class_is(cls, "mmap.virt") || (model_fn_role(mf, ROLE_ALLOC) && !model_fn_role(mf, ROLE_COHERENT_ALLOC) &&
							 model_fn_role(mf, ROLE_ALLOC)->space))
			r = U_VIRT;
		else if (model_fn_role(mf, ROLE_TRANSPARENT))
			r = unit_x(c, t, x->a, p);
		else if (!cls && x->ne > x->ns)
			r = name_unit(t->src + x->ns, x->ne - x->ns);   /* uar_index2pfn(), foo_get_phys() */
		break;
	}
	case X_CAST: case X_UNARY:
		if (x->k == X_UNARY && !name_is(t, x, "("))
			r = name_is(t, x, "&") || name_is(t, x, "*") || name_is(t, x, "!") ? U_UNK : unit_x(c, t, x->a, p);
		else
			r = unit_x(c, t, x->a, p);
		if (x->k == X_UNARY && name_is(t, x, "-") && r != U_CONST)
			r = U_UNK;
		break;
	case X_BIN: {
		enum unitk l = unit_x(c, t, x->a, p), rr;
		if (op_is(t, i, ">>") || op_is(t, i, "/")) {
			if (!(op_is(t, i, ">>") ? is_page_shift(t, x->b) : is_page_size(t, x->b))) {
				r = l == U_CONST ? U_CONST : U_UNK;
				break;
			}
			r = l == U_PHYS ? U_PFN : l == U_VIRT ? U_VPFN : l == U_BOFF ? U_PGOFF : l == U_CONST ? U_CONST :
			    l == U_MIXED ? U_MIXED : U_PFN;
		} else if (op_is(t, i, "<<") || op_is(t, i, "*")) {
			if (!(op_is(t, i, "<<") ? is_page_shift(t, x->b) : is_page_size(t, x->b))) {
				rr = unit_x(c, t, x->b, p);
				r = l == U_CONST && rr == U_CONST ? U_CONST : U_UNK;
				break;
			}
			r = l == U_PFN ? U_PHYS : l == U_PGOFF ? U_BOFF : l == U_CONST ? U_CONST : U_UNK;
		} else if (op_is(t, i, "+") || op_is(t, i, "-") || op_is(t, i, "|")) {
			rr = unit_x(c, t, x->b, p);
			r = add_units(l, rr, op_is(t, i, "-"));
		} else if (op_is(t, i, "&")) {
			rr = unit_x(c, t, x->b, p);
			r = rr == U_CONST ? l : U_UNK;
		} else {
			r = U_UNK;
		}
		break;
	}
	case X_COND: {
		enum unitk a = unit_x(c, t, x->b, p), b = unit_x(c, t, x->c, p);
		r = a == b ? a : U_UNK;
		break;
	}
	default:
		break;
	}
	c->depth--;
	return r;
}

/* ------------------------------------------------------------------ */
/* same-file paths into a function                                     */
/* ------------------------------------------------------------------ */

static int block_of(const struct ir_func *f, const struct ir_event *e, int *idx)
{
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++)
			if (f->blocks[b]->ev[i] == e) {
				if (idx)
					*idx = i;
				return b;
			}
	return -1;
}

static int entry_prechecked(const struct fctx *c, const struct ir_func *f, const char **kind)
{
	const struct ir_init *via = NULL;
	const char *k = entry_kind(c->m, &c->u->ir, f->name, &via);
	if (kind)
		*kind = k;
	if (!k || !via)
		return 0;
	char w[256];
	snprintf(w, sizeof(w), "%s.%s", via->stype, via->field);
	return class_is(model_word_class(c->m, w, strlen(w)), "mmap.range-prechecked");
}

/*
 * Does f take an object of a framework that checks the request before it
 * calls the driver (struct drm_gem_object *, struct dma_buf *: word class
 * mmap.prechecked-param)? Such helpers are called from pre-checked hooks in
 * other files.
 */
static int prechecked_param(const struct model *m, const struct ir_func *f)
{
	for (int i = 0; i < f->nlocals; i++) {
		const char *ty = f->locals[i].is_param ? f->locals[i].type : NULL;
		for (const char *s = ty; s && *s;) {
			while (*s && !is_idc((unsigned char)*s))
				s++;
			const char *b = s;
			while (*s && is_idc((unsigned char)*s))
				s++;
			if (s > b && class_is(model_word_class(m, b, (size_t)(s - b)), "mmap.prechecked-param"))
				return 1;
		}
	}
	return 0;
}

/*
 * The checks (CK_*) that hold whenever f runs, from its callers in this file.
 * *callers counts the call sites. An entry point of a pre-checked hook gets
 * every check; a ->fault handler runs on a VMA its mmap handler accepted
 * (the range of one fault is rule FAULT-02); a function that nothing in
 * this file calls and that takes a pre-checked framework's object is called
 * from such a hook elsewhere.
 */
static unsigned caller_checks(struct unit *u, const struct ir_func *f, int depth, int *callers)
{
	struct fctx tmp = { .u = u, .m = &u->s->model };
	const char *kind = NULL;
	*callers = 0;
	if (entry_prechecked(&tmp, f, &kind))
		return CK_SIZE | CK_OFF | CK_PRIV;
	if ((kind && !strcmp(kind, "fault")) || entry_vmf_param(f))
		return CK_SIZE | CK_OFF | CK_FAULT;
	if (depth > 3)
		return 0;
	unsigned res = CK_SIZE | CK_OFF | CK_PRIV;
	for (int g = 0; g < u->ir.nfuncs; g++) {
		const struct ir_func *gf = u->ir.funcs[g];
		if (gf == f)
			continue;
		struct fctx *gc = NULL;
		for (int i = 0; i < gf->ncalls; i++) {
			const struct ir_event *e = gf->calls[i];
			if (!e->callee || strcmp(e->callee, f->name))
				continue;
			(*callers)++;
			if (!gc)
				gc = ctx_new(u, gf);
			int b = block_of(gf, e, NULL);
			unsigned here = checked_at(gc, b);
			if ((res & ~here) != 0) {
				int n2 = 0;
				here |= caller_checks(u, gf, depth + 1, &n2);
			}
			res &= here;
		}
		ctx_free(gc);
		if (!res)
			break;
	}
	if (!*callers && !kind && prechecked_param(&u->s->model, f))
		return CK_SIZE | CK_OFF | CK_PRIV;
	return *callers ? res : 0;
}

/* ------------------------------------------------------------------ */
/* the objects and where values come from, for the messages            */
/* ------------------------------------------------------------------ */

/* the first driver value (not from the VMA, not a constant) an expression is built on */
static int base_leaf(struct fctx *c, const struct xtree *t, int i, struct pt p, int depth)
{
	if (i < 0 || depth > 30)
		return -1;
	const struct xn *x = &t->n[i];
	switch (x->k) {
	case X_ID: case X_MEMBER: case X_INDEX: {
		unsigned v = taint_x(c, t, i, p);
		if (x->k == X_INDEX && x->a >= 0 && x->b >= 0 && t->n[x->b].k != X_NUM) {
			int r = base_leaf(c, t, x->a, p, depth + 1);   /* q->pages[i]: the array */
			if (r >= 0)
				return r;
		}
		if ((v & T_BASE) && !(v & (T_SIZE | T_START)) && !(x->k == X_ID && all_caps(t->src + x->ns, x->ne - x->ns)))
			return i;
		if (x->k == X_INDEX)
			return base_leaf(c, t, x->a, p, depth + 1);
		if (x->k == X_MEMBER && !(v & T_OFF))
			return -1;
		return x->k == X_MEMBER ? base_leaf(c, t, x->a, p, depth + 1) : -1;
	}
	case X_CALL: {
		const char *cls = x->ne > x->ns ? word_class(c, t->src + x->ns, x->ne - x->ns) : NULL;
		if (class_is(cls, "mmap.arith") || class_is(cls, "mmap.pfn") || class_is(cls, "mmap.phys") ||
		    class_is(cls, "mmap.virt") || class_is(cls, "mmap.clamp") ||
		    model_fn_role(callee_model(c, t, x), ROLE_LINEAR_CONVERT) || all_caps(t->src + x->ns, x->ne - x->ns)) {
			for (int a = x->a; a >= 0; a = t->n[a].next) {
				int r = base_leaf(c, t, a, p, depth + 1);
				if (r >= 0)
					return r;
			}
			return -1;
		}
		return i;
	}
	case X_UNARY: case X_CAST: case X_POST:
		return base_leaf(c, t, x->a, p, depth + 1);
	case X_BIN: {
		int r = base_leaf(c, t, x->a, p, depth + 1);
		return r >= 0 ? r : base_leaf(c, t, x->b, p, depth + 1);
	}
	case X_COND: {
		int r = base_leaf(c, t, x->b, p, depth + 1);
		return r >= 0 ? r : base_leaf(c, t, x->c, p, depth + 1);
	}
	default:
		return -1;
	}
}

struct origin {
	const struct ir_event *ev;   /* the assignment the value comes from, or NULL */
	char text[96];               /* what it is */
};

/* a local's single reaching definition, followed while the value is just copied */
static int single_def(struct fctx *c, const struct ir_path *v, struct pt p)
{
	int k = v ? key_of(c, v) : -1;
	int ds[4];
	int n = k >= 0 ? reaching(c, k, p.blk, p.idx, ds, 4) : 0;
	int one = -1;
	for (int j = 0; j < n; j++) {
		if (c->defs[ds[j]].blk < 0 && v->kind == PATH_VAR && !v->is_param)
			continue;
		if (c->defs[ds[j]].ev && c->defs[ds[j]].ev->op && strcmp(c->defs[ds[j]].ev->op, "="))
			continue;   /* pos += PAGE_SIZE: the first definition names the object */
		if (one >= 0)
			return -1;
		one = ds[j];
	}
	return one >= 0 && c->defs[one].blk >= 0 ? one : -1;
}

/* name the object the mapped value is built on: 'priv->buf' */
static int object_name(struct fctx *c, const struct xtree *t, int i, struct pt p, char *buf, size_t n, int depth)
{
	int b = base_leaf(c, t, i, p, 0);
	if (b < 0)
		return 0;
	const struct xn *x = &t->n[b];
	if (x->k == X_ID && depth < 4) {
		const struct ir_path *v = local_named(c->f, t->src + x->ns, x->ne - x->ns);
		int d = single_def(c, v, p);
		if (d >= 0) {
			const struct ir_event *e = c->defs[d].ev;
			struct xtree *dt = parse_at(c, e->rhs.start, e->rhs.end);
			struct pt dp = { c->defs[d].blk, c->defs[d].idx };
			if (dt->root >= 0 && object_name(c, dt, dt->root, dp, buf, n, depth + 1))
				return 1;
		}
	}
	xtext(t, b, buf, n);
	return 1;
}

/* where a tainted value (taint bit want) comes from: the definition that brings it in */
static void find_origin(struct fctx *c, const struct xtree *t, int i, struct pt p, unsigned want, struct origin *o, int depth)
{
	if (i < 0 || depth > 12 || o->ev)
		return;
	const struct xn *x = &t->n[i];
	switch (x->k) {
	case X_ID: case X_MEMBER: case X_INDEX: {
		const struct ir_path *v = path_of(c, t, i);
		int k = v ? key_of(c, v) : -1;
		if (k >= 0) {
			int ds[32];
			int n = reaching(c, k, p.blk, p.idx, ds, 32);
			for (int j = 0; j < n && !o->ev; j++) {
				const struct def *d = &c->defs[ds[j]];
				if (d->blk < 0 || !(def_taint(c, ds[j]) & want))
					continue;
				struct xtree *dt = parse_at(c, d->ev->rhs.start, d->ev->rhs.end);
				struct pt dp = { d->blk, d->idx };
				find_origin(c, dt, dt->root, dp, want, o, depth + 1);
				if (!o->ev) {
					o->ev = d->ev;
					if (!o->text[0])
						xtext(dt, dt->root, o->text, sizeof(o->text));
				}
			}
			if (o->ev)
				return;
		}
		if (taint_x(c, t, i, p) & want) {
			if (x->k == X_INDEX && x->b >= 0 && (taint_x(c, t, x->b, p) & (want | T_OFF))) {
				find_origin(c, t, x->b, p, want | T_OFF, o, depth + 1);
				if (!o->text[0])
					xtext(t, x->b, o->text, sizeof(o->text));
				return;
			}
			if ((x->k == X_INDEX || x->k == X_MEMBER) && x->a >= 0 && (taint_x(c, t, x->a, p) & (want | T_OFF))) {
				find_origin(c, t, x->a, p, want, o, depth + 1);
				if (o->text[0])
					return;
			}
			if (!o->text[0])
				xtext(t, i, o->text, sizeof(o->text));
		}
		return;
	}
	case X_CALL:
		if (x->ne - x->ns == 9 && !strncmp(t->src + x->ns, "vma_pages", 9)) {
			if (!o->text[0])
				xtext(t, i, o->text, sizeof(o->text));
			return;
		}
		for (int a = x->a; a >= 0 && !o->ev; a = t->n[a].next)
			if (taint_x(c, t, a, p) & want)
				find_origin(c, t, a, p, want, o, depth + 1);
		return;
	case X_BIN: case X_COND:
		if (!o->ev && x->a >= 0 && (taint_x(c, t, x->a, p) & want) && x->k == X_BIN && !is_cmp(t, i)) {
			if (want == T_SIZE && !o->text[0] && (taint_x(c, t, x->a, p) & T_SIZE) && x->b >= 0 &&
			    (taint_x(c, t, x->b, p) & T_START))
				xtext(t, i, o->text, sizeof(o->text));   /* vma->vm_end - vma->vm_start */
			find_origin(c, t, x->a, p, want, o, depth + 1);
		}
		if (!o->ev && x->b >= 0 && (taint_x(c, t, x->b, p) & want))
			find_origin(c, t, x->b, p, want, o, depth + 1);
		if (!o->ev && x->c >= 0 && (taint_x(c, t, x->c, p) & want))
			find_origin(c, t, x->c, p, want, o, depth + 1);
		return;
	case X_UNARY: case X_CAST: case X_POST:
		find_origin(c, t, x->a, p, want, o, depth + 1);
		return;
	default:
		return;
	}
}

/* the allocation of the object named obj ('priv->buf'): an assignment to the same member anywhere in the unit */
static const struct ir_event *find_alloc(struct unit *u, const struct ir_func *f, const char *obj, const struct model_fn **role)
{
	const char *last = obj;
	for (const char *s = obj; *s; s++)
		if ((s[0] == '-' && s[1] == '>') || s[0] == '.')
			last = s + (s[0] == '.' ? 1 : 2);
	int member = last != obj;
	for (int g = 0; g < u->ir.nfuncs; g++) {
		const struct ir_func *gf = u->ir.funcs[g];
		if (!member && gf != f)
			continue;
		for (int b = 0; b < gf->nblocks; b++)
			for (int i = 0; i < gf->blocks[b]->nev; i++) {
				const struct ir_event *e = gf->blocks[b]->ev[i];
				if (e->kind != EV_ASSIGN || !e->lhs || !e->lhs->name || e->rhs.kind != VAL_CALL)
					continue;
				if (member ? (e->lhs->kind != PATH_ARROW && e->lhs->kind != PATH_DOT) : e->lhs->kind != PATH_VAR)
					continue;
				if (strcmp(e->lhs->name, last))
					continue;
				if (e->rhs.call < 0 || e->rhs.call >= gf->ncalls)
					continue;
				const struct ir_event *ce = gf->calls[e->rhs.call];
				const struct model_fn *r = model_fn_role(ce->model, ROLE_MMAP_OBJECT);
				if (r) {
					*role = r;
					return ce;
				}
			}
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* the check                                                           */
/* ------------------------------------------------------------------ */

static const struct ir_val *slot_arg(const struct ir_event *e, int slot)
{
	return slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static struct xtree *parse_val(struct fctx *c, const struct ir_val *v)
{
	if (!v || v->end <= v->start)
		return NULL;
	struct xtree *t = parse_at(c, v->start, v->end);
	return t->root >= 0 ? t : NULL;
}

/* is the call in a loop whose turns are counted by the VMA's size (one page per turn)? */
static int loop_over_vma(struct fctx *c, int blk)
{
	if (!on_cycle(c, blk))
		return 0;
	int governed = 0, bounded = 0;
	for (int h = 0; h < c->f->nblocks; h++) {
		const struct ir_block *hb = c->f->blocks[h];
		if (hb->term != T_BRANCH || hb->cond.end <= hb->cond.start || !same_cycle(c, h, blk))
			continue;
		struct xtree *t = parse_at(c, hb->cond.start, hb->cond.end);
		if (t->root < 0)
			continue;
		struct pt p = { h, hb->nev };
		unsigned m = mention_x(c, t, t->root, p);
		if (m & T_SIZE)
			governed = 1;
		else if (is_cmp(t, t->root)) {
			/* i < priv->npages, map->start > offset: the object bounds each turn */
			const struct xn *x = &t->n[t->root];
			unsigned l = taint_x(c, t, x->a, p), r = taint_x(c, t, x->b, p);
			int li = has_induction(c, t, x->a, h) || (l & T_VMA), ri = has_induction(c, t, x->b, h) || (r & T_VMA);
			if ((li && (r & T_BASE) && !(r & T_VMA)) || (ri && (l & T_BASE) && !(l & T_VMA)))
				bounded = 1;
		}
	}
	return governed && !bounded;
}

static void report_range(struct fctx *c, const struct ir_event *e, const struct model_fn *r, int blk, int idx,
			 unsigned need, int self_limit, int offneg, int in_loop, int sel)
{
	struct unit *u = c->u;
	const struct ir_func *f = c->f;
	struct pt p = { blk, idx };
	char obj[128] = "";
	int objslot = r->slot.pfn >= 0 ? r->slot.pfn : r->slot.phys >= 0 ? r->slot.phys : r->slot.buf;
	const struct ir_val *ov = slot_arg(e, objslot);
	struct xtree *ot = parse_val(c, ov);
	if (ot)
		object_name(c, ot, ot->root, p, obj, sizeof(obj), 0);
	const struct model_fn *arole = NULL;
	const struct ir_event *al = obj[0] ? find_alloc(u, f, obj, &arole) : NULL;
	char what[300];
	if (obj[0] && al && arole->slot.size >= 0 && arole->slot.size < al->nargs && al->args[arole->slot.size].text)
		snprintf(what, sizeof(what), "'%s' (allocated with %s bytes at line %d)", obj, al->args[arole->slot.size].text,
			 al->line);
	else if (obj[0] && al)
		snprintf(what, sizeof(what), "'%s' (allocated with %s() at line %d)", obj, al->callee, al->line);
	else if (obj[0])
		snprintf(what, sizeof(what), "'%s'", obj);
	else
		snprintf(what, sizeof(what), "the mapped memory");

	/* where the size and the offset come from */
	struct origin so = { 0 }, oo = { 0 };
	if (need & CK_SIZE) {
		const struct ir_val *sv = slot_arg(e, self_limit ? r->slot.limit : r->slot.size >= 0 ? r->slot.size : r->slot.count);
		struct xtree *st = parse_val(c, sv);
		if (st)
			find_origin(c, st, st->root, p, T_SIZE, &so, 0);
		if (!so.text[0] && st && !in_loop)
			xtext(st, st->root, so.text, sizeof(so.text));
	}
	if (need & CK_OFF) {
		if (ot)
			find_origin(c, ot, ot->root, p, sel ? T_SEL : T_OFF, &oo, 0);
	}
	char msg[900];
	const char *against = obj[0] ? "it" : "the size of the memory";
	int grow = -1;   /* a comparison that lets the VMA's size through (anti_clamp) */
	for (int b = 0; b < f->nblocks && grow < 0; b++)
		if (c->ckedge[b] >= 0 && (c->ckmask[b] & CK_SIZE) && (block_checks(c, b) & CK_SIZE))
			grow = b;
	if (self_limit && (need & CK_SIZE))
		snprintf(msg, sizeof(msg),
			 "user can map past the end of %s: %s() checks the request against the size it is given, but '%s' is the VMA's own size, so nothing is checked; pass the size of the allocation",
			 what, e->callee, so.text[0] ? so.text : "the size");
	else if (sel && (need & CK_OFF))
		snprintf(msg, sizeof(msg),
			 "user can map memory outside the buffers: %s is picked by the user's offset%s%s%s, which is never compared with the number of buffers%s",
			 what, oo.text[0] ? " '" : "", oo.text, oo.text[0] ? "'" : "",
			 (need & CK_SIZE) ? ", and the size comes from the VMA and is never compared with the buffer's" : "");
	else if ((need & CK_SIZE) && (need & CK_OFF))
		snprintf(msg, sizeof(msg),
			 "user can map past the end of %s: the size%s and the offset%s%s%s come from the VMA and are never compared with %s",
			 what, in_loop ? " (the number of pages mapped)" : "", oo.text[0] ? " '" : "", oo.text, oo.text[0] ? "'" : "",
			 against);
	else if ((need & CK_SIZE) && grow >= 0)
		snprintf(msg, sizeof(msg),
			 "user can map past the end of %s: when the VMA is larger than the object, the size is set to the VMA's instead of the request being refused",
			 what);
	else if (need & CK_SIZE)
		snprintf(msg, sizeof(msg), "user can map past the end of %s: the %s comes from the VMA and is never compared with %s",
			 what, in_loop ? "number of pages mapped" : "size", against);
	else if (offneg)
		snprintf(msg, sizeof(msg),
			 "user can map past the end of %s: the offset%s%s%s chosen by the user is only subtracted from the size, which wraps around when the offset is larger; compare the offset with the size first",
			 what, oo.text[0] ? " '" : "", oo.text, oo.text[0] ? "'" : "");
	else
		snprintf(msg, sizeof(msg), "user can map past the end of %s: the offset%s%s%s is chosen by the user and is never compared with %s",
			 what, oo.text[0] ? " '" : "", oo.text, oo.text[0] ? "'" : "", against);
	struct dmc_finding *fd = unit_report(u, "mmap-range-unchecked", f, e->start, e->end, "%s", msg);
	if (!fd)
		return;
	if (al)
		unit_note(u, fd, al->start, "'%s' is allocated here", obj);
	if ((need & CK_SIZE) && grow >= 0)
		unit_note(u, fd, f->blocks[grow]->cond.start, "this comparison lets a larger VMA through and sets the size from it");
	if ((need & CK_SIZE) && so.ev)
		unit_note(u, fd, so.ev->start, "the size comes from the VMA here: '%s'", so.text);
	if ((need & CK_OFF) && oo.ev)
		unit_note(u, fd, oo.ev->start, "the offset comes from vma->vm_pgoff here: '%s'", oo.text);
}

/* is vma->vm_pgoff set to 0 on every path to p (qm.c, videobuf-dma-contig: "vm_pgoff = 0" before dma_mmap_coherent())? */
static int pgoff_zeroed(struct fctx *c, struct pt p)
{
	for (int k = 0; k < c->nkeys; k++) {
		const struct ir_path *v = c->keys[k];
		if (v->kind == PATH_VAR || !v->name || strcmp(v->name, "vm_pgoff"))
			continue;
		int ds[32];
		int n = reaching(c, k, p.blk, p.idx, ds, 32), zero = n > 0;
		for (int j = 0; j < n && zero; j++) {
			const struct def *d = &c->defs[ds[j]];
			zero = d->ev && d->ev->op && !strcmp(d->ev->op, "=") && d->ev->rhs.kind == VAL_INT && d->ev->rhs.ival == 0;
		}
		if (zero)
			return 1;
	}
	return 0;
}

/*
 * vm_iomap_memory(), dma_mmap_*() and remap_vmalloc_range() add vm_pgoff
 * themselves (word class mmap.applies-pgoff): an object argument that already
 * includes it counts the user's offset twice. Returns 1 when reported.
 */
static int check_double_offset(struct fctx *c, const struct ir_event *e, const struct model_fn *r, struct pt p)
{
	if (!class_is(model_word_class(c->m, e->callee, strlen(e->callee)), "mmap.applies-pgoff"))
		return 0;
	int slots[3] = { r->slot.phys, r->slot.buf, r->slot.handle };
	for (int i = 0; i < 3; i++) {
		struct xtree *t = parse_val(c, slot_arg(e, slots[i]));
		unsigned v = t ? taint_x(c, t, t->root, p) : 0;
		if (!(v & T_OFF) || !(v & T_BASE) || pgoff_zeroed(c, p))
			continue;   /* the raw offset alone is mmap-user-controlled-pfn */
		char tx[96];
		xtext(t, t->root, tx, sizeof(tx));
		struct origin oo = { 0 };
		find_origin(c, t, t->root, p, T_OFF, &oo, 0);
		struct dmc_finding *fd = unit_report(c->u, "mmap-pfn-unit-confusion", c->f, e->start, e->end,
			"'%s' already includes the user's offset (vma->vm_pgoff), and %s() adds vm_pgoff itself: the offset is counted twice, so a non-zero offset maps the wrong part of the object or past its end (or fails); pass the object's start",
			tx, e->callee);
		if (fd && oo.ev)
			unit_note(c->u, fd, oo.ev->start, "the offset is added here");
		return 1;
	}
	return 0;
}

static void check_pfn_units(struct fctx *c, const struct ir_event *e, const struct model_fn *r, struct pt p)
{
	const struct ir_val *pv = slot_arg(e, r->slot.pfn);
	const struct ir_val *hv = slot_arg(e, r->slot.phys);
	struct xtree *t = parse_val(c, pv ? pv : hv);
	if (!t)
		return;
	enum unitk un = unit_x(c, t, t->root, p);
	char tx[96];
	xtext(t, t->root, tx, sizeof(tx));
	const char *msg = NULL;
	if (pv) {
		if (un == U_PHYS)
			msg = "'%s' is a physical byte address, but %s() takes a page frame number: it maps physical memory PAGE_SIZE times higher than meant, nowhere near the buffer; pass '%s >> PAGE_SHIFT' (PHYS_PFN())";
		else if (un == U_VIRT || un == U_VPFN)
			msg = "'%s' is built from a kernel virtual address, not a physical one: %s() maps whatever physical page has that number; use page_to_pfn(virt_to_page()) (vmalloc_to_pfn() for vmalloc memory) or, better, vm_insert_page()/remap_vmalloc_range()%.0s";
		else if (un == U_MIXED)
			msg = "'%s' adds vm_pgoff, a count of pages, to a byte address (or a byte offset to a page frame number): offset N lands N bytes into the region instead of N pages, so %s() maps the wrong physical memory; convert to one unit first, as in 'PHYS_PFN(base) + vma->vm_pgoff'%.0s";
	} else if (hv) {
		if (un == U_PFN || un == U_PGOFF)
			msg = "'%s' is a page frame number, but %s() takes a physical byte address: it maps memory PAGE_SIZE times lower than meant; pass '%s << PAGE_SHIFT' (PFN_PHYS())";
		else if (un == U_MIXED)
			msg = "'%s' adds vm_pgoff, a count of pages, to a byte address: offset N lands N bytes into the region instead of N pages, so %s() maps the wrong physical memory%.0s";
	}
	if (msg)
		unit_report(c->u, "mmap-pfn-unit-confusion", c->f, e->start, e->end, msg, tx, e->callee, tx);
}

struct callers {
	unsigned ck;
	int known, n;
};

/* one call that installs PTEs (or a same-file wrapper of one, wrapper=1) */
static void check_install(struct fctx *c, const struct ir_event *e, const struct model_fn *r, const struct model_fn *fr,
			  struct callers *cs, int wrapper)
{
	struct unit *u = c->u;
	const struct ir_func *f = c->f;
	int idx = 0;
	int blk = block_of(f, e, &idx);
	if (blk < 0)
		return;
	struct pt p = { blk, idx };
	int doubled = 0;
	if (!wrapper) {
		check_pfn_units(c, e, r ? r : fr, p);
		doubled = r && check_double_offset(c, e, r, p);
	}
	if (!r)
		r = fr;

	/* what the call needs checked */
	unsigned need = 0;
	int self_limit = 0, in_loop = 0, offneg = 0, raw = 0, sel = 0;
	const char *cls = model_word_class(c->m, e->callee, strlen(e->callee));
	int checks_itself = class_is(cls, "mmap.checks-itself");
	struct xtree *t;
	if (!fr || r != fr) {
		if (r->slot.limit >= 0) {
			if ((t = parse_val(c, slot_arg(e, r->slot.limit))) && (taint_x(c, t, t->root, p) & T_SIZE)) {
				need |= CK_SIZE;
				self_limit = 1;
			}
		} else if (!checks_itself) {
			const struct ir_val *sv = slot_arg(e, r->slot.size >= 0 ? r->slot.size : r->slot.count);
			if ((t = parse_val(c, sv)) && (taint_x(c, t, t->root, p) & T_SIZE))
				need |= CK_SIZE;
			else if (!wrapper && loop_over_vma(c, blk)) {
				need |= CK_SIZE;
				in_loop = 1;
			}
		}
	}
	int objslot = r->slot.pfn >= 0 ? r->slot.pfn : r->slot.phys >= 0 ? r->slot.phys : r->slot.buf;
	if (!doubled && (t = parse_val(c, slot_arg(e, objslot)))) {
		unsigned ot = taint_x(c, t, t->root, p);
		if (ot & (T_OFF | T_SEL)) {
			need |= CK_OFF;
			raw = (ot & T_OFF) && !(ot & T_BASE) && (r->slot.pfn >= 0 || r->slot.phys >= 0);
			sel = !(ot & T_OFF);
		} else if ((ot & T_OFFNEG) && !(ot & T_BASE)) {
			need |= CK_OFF;
			raw = r->slot.pfn >= 0 || r->slot.phys >= 0;
		}
	}
	if (fr && r == fr && !raw)
		return;   /* fault handlers: FAULT-02 */
	if (!need)
		return;
	unsigned ok = checked_at(c, blk);
	if (need & ~ok) {
		if (!cs->known) {
			cs->ck = caller_checks(u, f, 0, &cs->n);
			cs->known = 1;
		}
		ok |= cs->ck;
	}
	if (raw) {
		unsigned rok = checked_at(c, blk) | ((cs->ck & CK_FAULT) ? cs->ck & CK_PRIV : cs->ck);
		if (rok & (CK_OFF | CK_PRIV))
			return;
		struct origin oo = { 0 };
		t = parse_val(c, slot_arg(e, objslot));
		if (t)
			find_origin(c, t, t->root, p, T_OFF, &oo, 0);
		int is_phys = r->slot.pfn < 0;
		struct dmc_finding *fd = unit_report(u, "mmap-user-controlled-pfn", f, e->start, e->end,
			"the %s given to %s() is the user's mmap offset ('%s'), bounded by nothing: any process that can open the device can map any physical memory it names, like /dev/mem; add the offset to the device's own base and check it against the region's size%s",
			is_phys ? "physical address" : "page frame number", e->callee, oo.text[0] ? oo.text : "vma->vm_pgoff",
			is_phys ? "" : " (vm_iomap_memory() does both)");
		if (fd && oo.ev)
			unit_note(u, fd, oo.ev->start, "the %s comes from the mmap offset here", is_phys ? "address" : "page frame number");
		return;
	}
	if (!(need & ~ok))
		return;
	need &= ~ok;
	if (need & CK_OFF) {
		/* len - off only: the subtraction wraps when off > len */
		for (int b = 0; b < f->nblocks && !offneg; b++) {
			const struct ir_block *bl = f->blocks[b];
			if (bl->term != T_BRANCH || bl->cond.end <= bl->cond.start)
				continue;
			struct xtree *ct = parse_at(c, bl->cond.start, bl->cond.end);
			struct pt cp = { b, bl->nev };
			if (ct->root >= 0 && is_cmp(ct, ct->root)) {
				unsigned l = taint_x(c, ct, ct->n[ct->root].a, cp), rr = taint_x(c, ct, ct->n[ct->root].b, cp);
				offneg = ((l | rr) & T_OFFNEG) && ((l | rr) & T_SIZE);
			}
		}
	}
	report_range(c, e, r, blk, idx, need, self_limit && (need & CK_SIZE), offneg, in_loop, sel);
}

static int param_index(const struct ir_func *w, const struct ir_val *v)
{
	if (!v || v->kind != VAL_PATH || v->path->kind != PATH_VAR || !v->path->is_param)
		return -1;
	for (int i = 0; i < w->nparams; i++)
		if (w->params[i] == v->path)
			return i;
	return -1;
}

/*
 * A same-file function that passes one of its parameters as the size (or the
 * limit, the PFN, the physical address) of a call that installs PTEs:
 * static int foo_remap(struct vm_area_struct *vma, unsigned long pfn, size_t len).
 * Its call sites are checked like the call it wraps; *inner is that call.
 */
static int wrapper_role(const struct unit *u, const char *name, struct model_fn *out, const struct ir_event **inner)
{
	const struct ir_func *w = NULL;
	for (int i = 0; i < u->ir.nfuncs && !w; i++)
		if (!strcmp(u->ir.funcs[i]->name, name))
			w = u->ir.funcs[i];
	if (!w)
		return 0;
	for (int i = 0; i < w->ncalls; i++) {
		const struct ir_event *e = w->calls[i];
		const struct model_fn *r = model_fn_role(e->model, ROLE_MMAP_INSTALL);
		if (!r || r->derived)
			continue;
		memset(out, 0, sizeof(*out));
		out->role = ROLE_MMAP_INSTALL;
		out->name = r->name;
#define X(sl) out->slot.sl = -1;
		MODEL_SLOTS(X)
#undef X
		int any = 0;
		if (r->slot.size >= 0 && (out->slot.size = param_index(w, slot_arg(e, r->slot.size))) >= 0)
			any = 1;
		if (r->slot.limit >= 0 && (out->slot.limit = param_index(w, slot_arg(e, r->slot.limit))) >= 0)
			any = 1;
		if (r->slot.pfn >= 0 && (out->slot.pfn = param_index(w, slot_arg(e, r->slot.pfn))) >= 0)
			any = 1;
		if (r->slot.phys >= 0 && (out->slot.phys = param_index(w, slot_arg(e, r->slot.phys))) >= 0)
			any = 1;
		if (any) {
			*inner = e;
			return 1;
		}
	}
	return 0;
}

void check_mmap_range(struct unit *u, const struct ir_func *f)
{
	int any = checks_calls_role(f, ROLE_MMAP_INSTALL) || checks_calls_role(f, ROLE_FAULT_INSTALL);
	struct model_fn wr;
	const struct ir_event *inner;
	for (int i = 0; i < f->ncalls && !any; i++)
		any = f->calls[i]->callee && (!f->calls[i]->model || f->calls[i]->model->derived) &&
		      strcmp(f->calls[i]->callee, f->name) && wrapper_role(u, f->calls[i]->callee, &wr, &inner);
	if (!any)
		return;
	struct fctx *c = ctx_new(u, f);
	struct callers cs = { 0 };
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *r = model_fn_role(e->model, ROLE_MMAP_INSTALL);
		const struct model_fn *fr = model_fn_role(e->model, ROLE_FAULT_INSTALL);
		if ((r && !r->derived) || (fr && !fr->derived))
			check_install(c, e, r, fr, &cs, 0);
		else if (e->callee && (!e->model || e->model->derived) && strcmp(e->callee, f->name) &&
			 wrapper_role(u, e->callee, &wr, &inner))
			check_install(c, e, &wr, NULL, &cs, 1);
	}
	ctx_free(c);
}
