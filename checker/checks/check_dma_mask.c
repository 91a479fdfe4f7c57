/*
 * check_dma_mask.c - the DMA mask group (catalogue §5), on the calls the
 * rules data gives role mask.set (dma_set_mask and friends, slots dev/mask,
 * family=stream|coherent|both), mask.bits (DMA_BIT_MASK) and mask.use (maps
 * and allocations that obey a mask, family=stream|coherent):
 *
 *  dma-set-mask-retval-inverted (MASK-01): the 0-on-success result is used
 *  the wrong way round: the success edge of the test returns an error code on
 *  every path while the failure edge does not; a flag that says "DMA usable"
 *  (words of class mask.dma-usable; mask.wide for masks wider than 32 bits)
 *  is set on the failure edge or cleared on the success edge, or stored
 *  straight from the result; the result compared with "> 0" / "<= 0"; the
 *  result of a mask narrower than 32 bits (which can fail) discarded.
 *
 *  dma-mask-literal-width (MASK-02): the mask is not DMA_BIT_MASK(n): a
 *  constant that is not 2^k-1, a hand-built shift that overflows (1 << 32,
 *  1UL << 32 on 32-bit kernels, 1ULL << 64), a correct literal (style), or a
 *  width wider than the one the comment at the call states ("24-bit", "ISA").
 *  Same-file object-like #defines are followed.
 *
 *  dma-mask-not-set-or-late (MASK-03): in a probe function (entry kind
 *  "probe") and the same-file helpers it calls: a mapping or allocation
 *  before the narrow (< 32 bits) mask of the same device is set; a narrow
 *  mask set for one family only (dma_set_mask() alone) while the other
 *  family is used and the file never sets it; a direct store into the
 *  probed device's dma_mask / coherent_dma_mask.
 *
 * Only widths known at the call are used; everything else is left alone.
 */
#include "../driver/unit.h"
#include "../analysis/entry.h"
#include "../analysis/space.h"
#include "checks.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define R_INV   "dma-set-mask-retval-inverted"
#define R_LIT   "dma-mask-literal-width"
#define R_LATE  "dma-mask-not-set-or-late"

static const struct model_fn *role_of(const struct ir_event *e, enum model_role r)
{
	const struct model_fn *m = e && e->kind == EV_CALL ? model_fn_role(e->model, r) : NULL;
	return m && !m->derived ? m : NULL;
}

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static const struct model *model_of(const struct unit *u)
{
	return &u->s->model;
}

/* ------------------------------------------------------------------ */
/* evaluating a mask expression                                        */
/* ------------------------------------------------------------------ */

struct num {
	uint64_t v;       /* two's complement in width bits */
	int width;        /* 32 or 64 */
	int is_signed;
	int is_long;      /* 'long' (not long long): 32 bits on 32-bit kernels */
};

struct mask {
	int known;        /* value known */
	uint64_t val;     /* as the u64 parameter receives it */
	int bits;         /* k when val == 2^k - 1; 0 when not of that form */
	int macro_only;   /* built with DMA_BIT_MASK() alone */
	int overflow;     /* a shift overflows its type */
	int archdep;      /* the value depends on sizeof(long) */
	const char *define;   /* same-file macro the value came from */
	uint32_t define_off;
};

struct evx {
	const struct unit *u;
	const char *s;
	size_t i, n;
	int depth;
	int err;
	int literal;      /* a number other than a DMA_BIT_MASK argument */
	int overflow, archdep;
	const char *define;
	uint32_t define_off;
};

static uint64_t wmask(int w)
{
	return w >= 64 ? ~0ULL : ((1ULL << w) - 1);
}

static void skip_ws(struct evx *x)
{
	while (x->i < x->n && isspace((unsigned char)x->s[x->i]))
		x->i++;
}

static int peek(struct evx *x, const char *op)
{
	skip_ws(x);
	size_t k = strlen(op);
	return x->i + k <= x->n && !strncmp(x->s + x->i, op, k);
}

static int eat(struct evx *x, const char *op)
{
	if (!peek(x, op))
		return 0;
	x->i += strlen(op);
	return 1;
}

static struct num conv(struct num a, int width, int is_signed, int is_long)
{
	if (a.width == 32 && width == 64 && a.is_signed && (a.v & 0x80000000ULL))
		a.v |= 0xffffffff00000000ULL;
	a.v &= wmask(width);
	a.width = width;
	a.is_signed = is_signed;
	a.is_long = is_long;
	return a;
}

/* the usual arithmetic conversions */
static void balance(struct num *a, struct num *b)
{
	int w = a->width > b->width ? a->width : b->width;
	int sa = a->width == w ? a->is_signed : 1, sb = b->width == w ? b->is_signed : 1;
	int s = (a->width == w && !a->is_signed) || (b->width == w && !b->is_signed) ? 0 : (sa && sb);
	int l = (a->width == w && a->is_long) || (b->width == w && b->is_long);
	*a = conv(*a, w, s, l);
	*b = conv(*b, w, s, l);
}

static struct num parse_or(struct evx *x);
static int eval_text(const struct unit *u, const char *s, size_t n, int depth, struct mask *out, struct evx *parent);

static int ident_char(int c)
{
	return isalnum(c) || c == '_';
}

/* the body of an object-like "#define name body" in the unit's source, or NULL */
static const char *find_define(const struct unit *u, const char *name, size_t nl, size_t *blen, uint32_t *off)
{
	const char *t = u->src.text, *found = NULL;
	size_t flen = 0;
	for (const char *p = t; (p = strstr(p, "#define")); p += 7) {
		if (p > t && p[-1] != '\n' && p[-1] != ' ' && p[-1] != '\t')
			continue;
		const char *q = p + 7;
		while (*q == ' ' || *q == '\t')
			q++;
		if (strncmp(q, name, nl) || ident_char((unsigned char)q[nl]) || q[nl] == '(')
			continue;
		q += nl;
		const char *e = q;
		while (*e && *e != '\n')
			e++;
		if (e > q && e[-1] == '\\')
			return NULL;   /* continued lines: not followed */
		/* drop a trailing comment */
		const char *c = q;
		while (c < e && !(c[0] == '/' && (c[1] == '*' || c[1] == '/')))
			c++;
		size_t len = (size_t)(c - q);
		if (found && (len != flen || strncmp(found, q, len)))
			return NULL;   /* defined differently under #ifdefs */
		found = q;
		flen = len;
		*off = (uint32_t)(p - t);
	}
	*blen = flen;
	return found;
}

static struct num parse_primary(struct evx *x)
{
	struct num r = { 0, 32, 1, 0 };
	skip_ws(x);
	if (x->err || x->i >= x->n) {
		x->err = 1;
		return r;
	}
	char c = x->s[x->i];
	if (c == '(') {
		/* a cast to an integer type, or parentheses */
		size_t save = x->i;
		x->i++;
		skip_ws(x);
		static const struct { const char *t; int w, s, l; } types[] = {
			{ "unsigned long long", 64, 0, 0 }, { "long long", 64, 1, 0 },
			{ "unsigned long", 64, 0, 1 }, { "long", 64, 1, 1 },
			{ "unsigned int", 32, 0, 0 }, { "unsigned", 32, 0, 0 }, { "int", 32, 1, 0 },
			{ "u64", 64, 0, 0 }, { "__u64", 64, 0, 0 }, { "uint64_t", 64, 0, 0 }, { "dma_addr_t", 64, 0, 0 },
			{ "phys_addr_t", 64, 0, 0 }, { "u32", 32, 0, 0 }, { "__u32", 32, 0, 0 }, { "uint32_t", 32, 0, 0 },
			{ "size_t", 64, 0, 1 }, { "unsignedlonglong", 64, 0, 0 }, { "unsignedlong", 64, 0, 1 },
		};
		for (size_t k = 0; k < sizeof(types) / sizeof(*types); k++) {
			size_t tl = strlen(types[k].t);
			if (x->i + tl <= x->n && !strncmp(x->s + x->i, types[k].t, tl) && !ident_char((unsigned char)x->s[x->i + tl])) {
				size_t j = x->i + tl;
				while (j < x->n && isspace((unsigned char)x->s[j]))
					j++;
				if (j < x->n && x->s[j] == ')') {
					x->i = j + 1;
					struct num v = parse_primary(x);
					return conv(v, types[k].w, types[k].s, types[k].l);
				}
			}
		}
		x->i = save + 1;
		r = parse_or(x);
		if (!eat(x, ")"))
			x->err = 1;
		return r;
	}
	if (c == '~' || c == '-' || c == '+' || c == '!') {
		x->i++;
		struct num v = parse_primary(x);
		if (c == '~') {
			v.v = ~v.v & wmask(v.width);
			if (v.is_long)
				x->archdep = 1;
		} else if (c == '-')
			v.v = (0 - v.v) & wmask(v.width);
		else if (c == '!')
			v = (struct num){ v.v == 0, 32, 1, 0 };
		return v;
	}
	if (isdigit((unsigned char)c)) {
		const char *p = x->s + x->i;
		char *end;
		unsigned long long val = strtoull(p, &end, 0);
		int hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
		int us = 0, ls = 0;
		while (end < x->s + x->n && strchr("uUlL", *end)) {
			if (*end == 'u' || *end == 'U')
				us = 1;
			else
				ls++;
			end++;
		}
		x->i = (size_t)(end - x->s);
		x->literal = 1;
		if (ls >= 2)
			r = (struct num){ val, 64, !us, 0 };
		else if (ls == 1)
			r = (struct num){ val, 64, !us && !(hex && val > 0x7fffffffffffffffULL), 1 };
		else if (us)
			r = (struct num){ val, val > 0xffffffffULL ? 64 : 32, 0, val > 0xffffffffULL };
		else if (val <= 0x7fffffffULL)
			r = (struct num){ val, 32, 1, 0 };
		else if (hex && val <= 0xffffffffULL)
			r = (struct num){ val, 32, 0, 0 };
		else
			r = (struct num){ val, 64, !(hex && val > 0x7fffffffffffffffULL), 1 };
		return r;
	}
	if (ident_char((unsigned char)c)) {
		size_t s = x->i;
		while (x->i < x->n && ident_char((unsigned char)x->s[x->i]))
			x->i++;
		size_t nl = x->i - s;
		const char *name = x->s + s;
		const struct model_fn *mb = NULL;
		for (const struct model_fn *m = model_fn_find(model_of(x->u), name, nl); m; m = m->next)
			if (m->role == ROLE_MASK_BITS)
				mb = m;
		if (mb && peek(x, "(")) {
			eat(x, "(");
			int lit = x->literal;
			struct num k = parse_or(x);
			x->literal = lit;
			if (!eat(x, ")") || x->err || k.v > 64) {
				x->err = 1;
				return r;
			}
			return (struct num){ k.v >= 64 ? ~0ULL : (1ULL << k.v) - 1, 64, 0, 0 };
		}
		if (peek(x, "(") || x->depth > 3) {
			x->err = 1;
			return r;
		}
		size_t blen;
		uint32_t off;
		const char *body = find_define(x->u, name, nl, &blen, &off);
		struct mask sub;
		if (!body || eval_text(x->u, body, blen, x->depth + 1, &sub, x) < 0) {
			x->err = 1;
			return r;
		}
		if (!x->define) {
			x->define = strtab_intern((struct strtab *)&x->u->strs, name, nl);
			x->define_off = off;
		}
		return (struct num){ sub.val, 64, 0, 0 };
	}
	x->err = 1;
	return r;
}

static struct num parse_mul(struct evx *x)
{
	struct num a = parse_primary(x);
	for (;;) {
		int op = peek(x, "*") ? '*' : peek(x, "/") ? '/' : 0;
		if (!op || x->err)
			return a;
		x->i++;
		struct num b = parse_primary(x);
		balance(&a, &b);
		if (op == '*')
			a.v = (a.v * b.v) & wmask(a.width);
		else if (b.v)
			a.v = a.v / b.v;
		else
			x->err = 1;
	}
}

static struct num parse_add(struct evx *x)
{
	struct num a = parse_mul(x);
	for (;;) {
		int op = peek(x, "+") ? '+' : (peek(x, "-") && !peek(x, "->")) ? '-' : 0;
		if (!op || x->err)
			return a;
		x->i++;
		struct num b = parse_mul(x);
		balance(&a, &b);
		a.v = (op == '+' ? a.v + b.v : a.v - b.v) & wmask(a.width);
	}
}

static struct num parse_shift(struct evx *x)
{
	struct num a = parse_add(x);
	for (;;) {
		int op = peek(x, "<<") ? '<' : peek(x, ">>") ? '>' : 0;
		if (!op || x->err)
			return a;
		x->i += 2;
		struct num b = parse_add(x);
		if (b.v >= 128) {
			x->err = 1;
			return a;
		}
		if (op == '<') {
			if (a.is_long && b.v >= 32)
				x->archdep = 1;   /* long is 32 bits on 32-bit kernels */
			if (b.v >= (uint64_t)a.width) {
				x->overflow = 1;
				a.v = 0;
			} else {
				uint64_t r = a.v << b.v;
				if ((r >> b.v) != a.v || (a.is_signed && (r & (1ULL << (a.width - 1)))))
					x->overflow = 1;   /* bits lost, or shifted into the sign bit */
				a.v = r & wmask(a.width);
			}
		} else
			a.v = b.v >= (uint64_t)a.width ? 0 : a.v >> b.v;
	}
}

static struct num parse_bits(struct evx *x, int level)
{
	static const char *const ops[] = { "|", "^", "&" };
	if (level == 3)
		return parse_shift(x);
	struct num a = parse_bits(x, level + 1);
	for (;;) {
		if (x->err || !peek(x, ops[level]) || peek(x, level == 0 ? "||" : level == 2 ? "&&" : "^^"))
			return a;
		x->i++;
		struct num b = parse_bits(x, level + 1);
		balance(&a, &b);
		a.v = level == 0 ? (a.v | b.v) : level == 1 ? (a.v ^ b.v) : (a.v & b.v);
	}
}

static struct num parse_or(struct evx *x)
{
	if (++x->depth > 40) {
		x->err = 1;
		return (struct num){ 0, 32, 1, 0 };
	}
	struct num r = parse_bits(x, 0);
	x->depth--;
	return r;
}

static int low_bits(uint64_t v)
{
	if (v == ~0ULL)
		return 64;
	if (v & (v + 1))
		return 0;
	int k = 0;
	while (v) {
		k++;
		v >>= 1;
	}
	return k;
}

/* evaluate text[0..n) as a mask argument; 0 when known, -1 otherwise */
static int eval_text(const struct unit *u, const char *s, size_t n, int depth, struct mask *out, struct evx *parent)
{
	struct evx x = { .u = u, .s = s, .n = n, .depth = depth };
	memset(out, 0, sizeof(*out));
	if (depth > 3 || n > 400)
		return -1;
	struct num v = parse_or(&x);
	skip_ws(&x);
	if (x.err || x.i != x.n)
		return -1;
	v = conv(v, 64, 0, 0);   /* the u64 parameter */
	out->known = 1;
	out->val = v.v;
	out->bits = low_bits(v.v);
	out->macro_only = !x.literal;
	out->overflow = x.overflow;
	out->archdep = x.archdep;
	out->define = x.define;
	out->define_off = x.define_off;
	if (parent) {
		parent->literal |= x.literal;
		parent->overflow |= x.overflow;
		parent->archdep |= x.archdep;
	}
	return 0;
}

/* the mask passed at slot of call e */
static struct mask mask_of(const struct unit *u, const struct ir_func *f, const struct ir_event *e, int slot)
{
	struct mask m = { 0 };
	const struct ir_val *v = arg_at(e, slot);
	if (!v)
		return m;
	if (v->kind == VAL_CALL && v->call >= 0 && v->call < f->ncalls) {
		const struct ir_event *c = f->calls[v->call];
		const struct model_fn *mb = role_of(c, ROLE_MASK_BITS);
		const struct ir_val *k = mb ? arg_at(c, mb->slot.val) : NULL;
		if (k && k->kind == VAL_INT && k->ival > 0 && k->ival <= 64) {
			m.known = 1;
			m.bits = (int)k->ival;
			m.val = m.bits == 64 ? ~0ULL : (1ULL << m.bits) - 1;
			m.macro_only = 1;
			return m;
		}
		if (!mb)
			return m;
	}
	if (v->kind == VAL_PATH && !(v->flags & VALF_CONST))
		return m;   /* a variable: value not followed */
	if (v->end > v->start && v->end <= u->src.len && v->end - v->start < 400)
		eval_text(u, u->src.text + v->start, v->end - v->start, 0, &m, NULL);
	return m;
}

/* ------------------------------------------------------------------ */
/* comments that state a width                                         */
/* ------------------------------------------------------------------ */

struct width_note {
	int width;        /* the one width the comment states, or 0 */
	uint32_t off;     /* where the comment is */
};

static int line_is_comment(const char *l, size_t n, int *in_block)
{
	size_t i = 0;
	while (i < n && isspace((unsigned char)l[i]))
		i++;
	if (i == n)
		return 1;   /* blank */
	if (*in_block)
		return 1;
	return (n - i >= 2 && (!strncmp(l + i, "/*", 2) || !strncmp(l + i, "//", 2))) || l[i] == '*';
}

/* append the comment text found in [s, s+n) to buf */
static void comments_in(const char *s, size_t n, char *buf, size_t cap, size_t *o)
{
	for (size_t i = 0; i + 1 < n; i++) {
		size_t e;
		if (s[i] == '/' && s[i + 1] == '*') {
			e = i + 2;
			while (e + 1 < n && !(s[e] == '*' && s[e + 1] == '/'))
				e++;
		} else if (s[i] == '/' && s[i + 1] == '/') {
			e = i + 2;
			while (e < n && s[e] != '\n')
				e++;
		} else
			continue;
		for (size_t k = i; k < e && *o + 2 < cap; k++)
			buf[(*o)++] = s[k];
		buf[(*o)++] = ' ';
		buf[*o] = 0;
		i = e;
	}
}

/* the one width stated by the comments on the call's lines or right above its statement */
static struct width_note stated_width(const struct unit *u, uint32_t start, uint32_t end)
{
	struct width_note wn = { 0, 0 };
	char buf[2048];
	size_t o = 0;
	buf[0] = 0;
	int l0, c0, l1, c1;
	source_pos(&u->src, start, &l0, &c0);
	source_pos(&u->src, end, &l1, &c1);
	for (int l = l0; l <= l1 && l <= l0 + 4; l++) {
		size_t n;
		const char *t = source_line(&u->src, l, &n);
		if (t)
			comments_in(t, n, buf, sizeof(buf), &o);
	}
	int same_line = o > 0;
	uint32_t first = 0;
	/* the comment block directly above the statement (only comments or blank lines between) */
	int in_block = 0;
	for (int l = l0 - 1; l >= 1 && l >= l0 - 12; l--) {
		size_t n;
		const char *t = source_line(&u->src, l, &n);
		if (!t)
			break;
		/* a line ending a block comment starts a block when read upwards */
		int ends = 0;
		for (size_t k = 0; k + 1 < n; k++)
			if (t[k] == '*' && t[k + 1] == '/')
				ends = 1;
		if (ends && !in_block) {
			in_block = 1;
		}
		if (!line_is_comment(t, n, &in_block))
			break;
		int starts = 0;
		for (size_t k = 0; k + 1 < n; k++)
			if (t[k] == '/' && t[k + 1] == '*')
				starts = 1;
		int slashes = 0;
		for (size_t k = 0; k + 1 < n; k++)
			slashes |= t[k] == '/' && t[k + 1] == '/';
		if (in_block || starts || slashes) {
			for (size_t k = 0; k < n && o + 2 < sizeof(buf); k++)
				buf[o++] = t[k];
			buf[o++] = ' ';
			buf[o] = 0;
			first = (uint32_t)(t - u->src.text);
		}
		if (starts)
			in_block = 0;
	}
	if (!o)
		return wn;
	/* the comment must be about addressing */
	char low[2048];
	size_t i;
	for (i = 0; i < o && i + 1 < sizeof(low); i++)
		low[i] = (char)tolower((unsigned char)buf[i]);
	low[i] = 0;
	if (!same_line && !strstr(low, "dma") && !strstr(low, "address") && !strstr(low, "mask") && !strstr(low, "isa"))
		return wn;
	int width = 0, many = 0, any = 0;
	static const char *const addr_words[] = { "dma", "address", "bus", "mask", "physical", "isa", "pci", "memory", NULL };
	for (size_t k = 0; low[k]; k++) {
		if (!isdigit((unsigned char)low[k]) || (k && (isalnum((unsigned char)low[k - 1]) || low[k - 1] == '_')))
			continue;
		char *end;
		long w = strtol(low + k, &end, 10);
		const char *p = end;
		if (*p == '-' || *p == ' ' || *p == '_')
			p++;
		if (strncmp(p, "bit", 3) || (isalpha((unsigned char)p[3]) && p[3] != 's'))
			continue;
		k = (size_t)(end - low);
		if (w < 8 || w > 64)
			continue;
		if (any && any != w)
			many = 1;
		any = (int)w;
		/* "24-bit DMA", "28-bit addresses", "32 bit bus": a width of addresses, not of a register */
		p += p[3] == 's' ? 4 : 3;
		while (*p == ' ' || *p == '-' || *p == '_')
			p++;
		int addr = same_line;
		for (int j = 0; addr_words[j] && !addr; j++)
			addr = !strncmp(p, addr_words[j], strlen(addr_words[j]));
		if (addr)
			width = (int)w;
	}
	if (any && !width)
		return wn;   /* a width of something else */
	if (!width) {
		/* "ISA" as a word: the 24-bit ISA DMA limit */
		for (const char *p = low; (p = strstr(p, "isa")); p += 3)
			if ((p == low || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[3]))
				width = 24;
	}
	if (many)
		return wn;
	wn.width = width;
	wn.off = first ? first : start;
	return wn;
}

/* ------------------------------------------------------------------ */
/* MASK-02                                                             */
/* ------------------------------------------------------------------ */

static void check_literal(struct unit *u, const struct ir_func *f, const struct ir_event *e,
			  const struct model_fn *ms, const struct mask *m)
{
	const struct ir_val *v = arg_at(e, ms->slot.mask);
	const char *vt = v && v->text ? v->text : "the mask";
	struct dmc_finding *fd = NULL;
	if (!m->known)
		return;
	if (m->overflow) {
		fd = unit_report(u, R_LIT, f, e->start, e->end,
				 "%s() is given the hand-built mask '%s', whose shift overflows its type (undefined, and not the mask meant); use DMA_BIT_MASK(n)",
				 e->callee, vt);
	} else if (m->archdep) {
		fd = unit_report(u, R_LIT, f, e->start, e->end,
				 "%s() is given '%s', built on unsigned long: it is 32 bits wide on 32-bit kernels, so the mask differs by architecture; use DMA_BIT_MASK(n)",
				 e->callee, vt);
	} else if (!m->bits) {
		fd = unit_report(u, R_LIT, f, e->start, e->end,
				 "%s() is given the mask 0x%llx, which is not of the form 2^n - 1 (low bits all set): a DMA mask says how many address bits the device drives; use DMA_BIT_MASK(n)",
				 e->callee, (unsigned long long)m->val);
	} else {
		struct width_note wn = stated_width(u, e->start, e->end);
		if (!wn.width && m->define)
			wn = stated_width(u, m->define_off, m->define_off + 1);   /* the comment of the #define */
		if (wn.width && m->bits > wn.width) {
			fd = unit_report(u, R_LIT, f, e->start, e->end,
					 "%s() sets a %d-bit mask, but the comment says the device addresses %d bits: buffers above 2^%d would be handed to it; use DMA_BIT_MASK(%d)",
					 e->callee, m->bits, wn.width, wn.width, wn.width);
			unit_note(u, fd, wn.off, "the width is stated here");
		} else if (!m->macro_only) {
			fd = unit_report(u, R_LIT, f, e->start, e->end,
					 "%s() is given the literal mask '%s'; write DMA_BIT_MASK(%d), which states the width and cannot be miscounted",
					 e->callee, m->define ? m->define : vt, m->bits);
		}
	}
	if (m->define)
		unit_note(u, fd, m->define_off, "'%s' is defined here", m->define);
}

/* ------------------------------------------------------------------ */
/* MASK-01                                                             */
/* ------------------------------------------------------------------ */

static int is_negative_const(const struct ir_val *v)
{
	if (!v)
		return 0;
	if (v->kind == VAL_INT)
		return v->ival < 0;
	const char *t = v->text;
	if (!t || !(v->flags & VALF_CONST))
		return 0;
	if (t[0] == '(' )
		t++;
	return t[0] == '-' && (isupper((unsigned char)t[1]) || isdigit((unsigned char)t[1]));
}

struct walk {
	const struct ir_func *f;
	const struct ir_event *call;  /* the mask call: its result is 0 on the success edge */
	int *onpath;
	int *stack;
	int depth;
	int steps;
	const struct ir_event *ret;   /* one failing return, for the note */
};

/* the value returned by path var p on the current DFS path: -1 negative const, 0 other/unknown */
static int returns_error(struct walk *w, const struct ir_event *r)
{
	if (is_negative_const(&r->rhs)) {
		w->ret = r;
		return 1;
	}
	if (r->rhs.kind != VAL_PATH || r->rhs.path->kind != PATH_VAR)
		return 0;
	const struct ir_path *p = r->rhs.path;
	for (int d = w->depth - 1; d >= 0; d--) {
		const struct ir_block *b = w->f->blocks[w->stack[d]];
		for (int i = b->nev - 1; i >= 0; i--) {
			const struct ir_event *e = b->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs == p) {
				if (is_negative_const(&e->rhs)) {
					w->ret = r;
					return 1;
				}
				return 0;
			}
		}
	}
	return 0;
}

/* do all paths from block b end in a return of a negative error code? */
static int all_fail(struct walk *w, int b)
{
	if (b < 0 || b >= w->f->nblocks || w->onpath[b] || w->depth >= 24 || ++w->steps > 400)
		return 0;
	const struct ir_block *blk = w->f->blocks[b];
	w->onpath[b] = 1;
	w->stack[w->depth++] = b;
	int ok;
	if (blk->term == T_RETURN) {
		const struct ir_event *r = blk->nev ? blk->ev[blk->nev - 1] : NULL;
		ok = r && r->kind == EV_RETURN && !(r->flags & EVF_IMPLICIT) && returns_error(w, r);
	} else if (blk->nsucc == 0) {
		ok = 0;
	} else {
		ok = 1;
		for (int i = 0; i < blk->nsucc && ok; i++)
			ok = all_fail(w, blk->succ[i]);
	}
	w->depth--;
	w->onpath[b] = 0;
	return ok;
}

static int edge_fails(const struct ir_func *f, const struct ir_event *call, int from_block, int b,
		      const struct ir_event **ret)
{
	struct walk w = { .f = f, .call = call };
	w.onpath = calloc((size_t)f->nblocks, sizeof(int));
	w.stack = calloc(32, sizeof(int));
	if (!w.onpath || !w.stack) {
		free(w.onpath);
		free(w.stack);
		return 0;
	}
	/* the assignment of the result is on the path: start the stack at the testing block */
	w.onpath[from_block] = 1;
	w.stack[w.depth++] = from_block;
	int r = all_fail(&w, b);
	free(w.onpath);
	free(w.stack);
	if (r && ret)
		*ret = w.ret;
	return r;
}

/* the name a flag is known by: the variable or field, or what *p points to */
static const char *flag_name(const struct ir_path *p)
{
	while (p && p->kind == PATH_DEREF)
		p = p->parent;
	return p && p->kind != PATH_INDEX ? p->name : NULL;
}

/* the first mask.set call of a block */
static const struct ir_event *first_mask_call(const struct ir_block *b)
{
	for (int i = 0; i < b->nev; i++)
		if (role_of(b->ev[i], ROLE_MASK_SET))
			return b->ev[i];
	return NULL;
}

/* 1 streaming, 2 coherent, 3 both */
static int family_of(const struct model_fn *r)
{
	if (!r || !r->family)
		return 0;
	return !strcmp(r->family, "stream") ? 1 : !strcmp(r->family, "coherent") ? 2 : !strcmp(r->family, "both") ? 3 : 0;
}

/* a flag assignment in the first block of an edge: returns the class word and sets *set (1 = set, 0 = cleared) */
static const char *flag_in_block(const struct unit *u, const struct ir_block *b, int *set, const struct ir_event **at)
{
	const struct model *m = model_of(u);
	for (int i = 0; i < b->nev; i++) {
		const struct ir_event *e = b->ev[i];
		if (role_of(e, ROLE_MASK_SET))
			return NULL;   /* a fallback call: its own edges decide */
		if (e->kind != EV_ASSIGN || !e->lhs || !e->op)
			continue;
		const char *nm = flag_name(e->lhs);
		const char *cls = nm ? model_word_class(m, nm, strlen(nm)) : NULL;
		if (cls && !strcmp(e->op, "=") && (!strcmp(cls, "mask.dma-usable") || !strcmp(cls, "mask.wide"))) {
			const char *t = e->rhs.text ? e->rhs.text : "";
			if (e->rhs.kind == VAL_INT)
				*set = e->rhs.ival != 0;
			else if (!strcmp(t, "true"))
				*set = 1;
			else if (!strcmp(t, "false"))
				*set = 0;
			else
				continue;
			*at = e;
			return cls;
		}
		/* features |= NETIF_F_HIGHDMA */
		if (!strcmp(e->op, "|=") && e->rhs.text) {
			const char *t = e->rhs.text;
			for (const char *p = t; *p;) {
				while (*p && !ident_char((unsigned char)*p))
					p++;
				const char *s = p;
				while (*p && ident_char((unsigned char)*p))
					p++;
				const char *c = p > s ? model_word_class(m, s, (size_t)(p - s)) : NULL;
				if (c && !strcmp(c, "mask.wide")) {
					*set = 1;
					*at = e;
					return c;
				}
			}
		}
	}
	return NULL;
}

/* the branch that tests the result of call e: block index, or -1; *var gets the local it went through */
static int find_test(const struct ir_func *f, const struct ir_event *e, const struct ir_event **assign)
{
	*assign = NULL;
	for (int b = 0; b < f->nblocks; b++) {
		const struct ir_block *blk = f->blocks[b];
		if (blk->term == T_BRANCH && blk->cond.kind == VAL_CALL && blk->cond.call == e->call)
			return b;
	}
	/* x = call; ... if (x) */
	for (int b = 0; b < f->nblocks; b++) {
		const struct ir_block *blk = f->blocks[b];
		for (int i = 0; i < blk->nev; i++) {
			const struct ir_event *a = blk->ev[i];
			if (a->kind != EV_ASSIGN || a->rhs.kind != VAL_CALL || a->rhs.call != e->call || !a->lhs)
				continue;
			*assign = a;
			const struct ir_path *x = a->lhs;
			int cur = b, k = i + 1;
			for (int hops = 0; hops < 6; hops++) {
				const struct ir_block *cb = f->blocks[cur];
				for (; k < cb->nev; k++) {
					const struct ir_event *n = cb->ev[k];
					if (n->kind == EV_ASSIGN && n->lhs == x)
						return -1;
				}
				if (cb->term == T_BRANCH && cb->cond.kind == VAL_PATH && cb->cond.path == x)
					return cur;
				if (cb->term != T_GOTO || cb->nsucc != 1)
					return -1;
				cur = cb->succ[0];
				k = 0;
				if (cur < 0 || cur >= f->nblocks)
					return -1;
			}
			return -1;
		}
	}
	return -1;
}

static void check_retval(struct unit *u, const struct ir_func *f, const struct ir_event *e,
			 const struct model_fn *ms, const struct mask *m)
{
	const struct model *mo = model_of(u);
	struct dmc_finding *fd;
	if (e->flags & EVF_RESULT_UNUSED) {
		if (m->known && m->bits && m->bits < 32)
			unit_report(u, R_INV, f, e->start, e->end,
				    "the result of %s() with a %d-bit mask is ignored: masks narrower than 32 bits can fail (it returns -EIO), and the driver then does DMA the platform cannot give it; test it (0 = success) and fall back or fail the probe",
				    e->callee, m->bits);
		return;
	}
	const struct ir_event *assign = NULL;
	int tb = find_test(f, e, &assign);
	if (assign && assign->lhs) {
		const char *nm = flag_name(assign->lhs);
		const char *cls = nm ? model_word_class(mo, nm, strlen(nm)) : NULL;
		if (cls && (!strcmp(cls, "mask.dma-usable") || (!strcmp(cls, "mask.wide") && m->known && m->bits > 32))) {
			unit_report(u, R_INV, f, e->start, e->end,
				    "'%s' is set straight from %s(), which returns 0 on success and a negative errno on failure: the flag is true exactly when the mask could not be set; use '!%s(...)' or test the result",
				    assign->lhs->text, e->callee, e->callee);
			return;
		}
	}
	if (tb < 0)
		return;
	const struct ir_block *blk = f->blocks[tb];
	if (blk->nsucc != 2)
		return;
	if (blk->test == COND_LE0) {
		unit_report(u, R_INV, f, e->start, e->end,
			    "the result of %s() is compared with 0 as a count ('> 0' / '<= 0'): it returns 0 on success and a negative errno on failure, never a positive value; test it with 'if (ret)' or 'if (ret < 0)'",
			    e->callee);
		return;
	}
	if (blk->test != COND_NONZERO && blk->test != COND_NEG)
		return;
	int fail_b = blk->succ[0], ok_b = blk->succ[1];
	if (fail_b < 0 || ok_b < 0 || fail_b >= f->nblocks || ok_b >= f->nblocks || fail_b == ok_b)
		return;
	const struct ir_event *ret = NULL;
	if (edge_fails(f, e, tb, ok_b, &ret) && !edge_fails(f, e, tb, fail_b, NULL)) {
		fd = unit_report(u, R_INV, f, e->start, e->end,
				 "%s() returns 0 on success, but this test fails when it succeeds and goes on when it fails: the success edge returns an error code",
				 e->callee);
		if (ret)
			unit_note(u, fd, ret->start, "returned when the mask was set successfully");
		return;
	}
	/* if (dma_set_mask(dev, M)) dma_set_coherent_mask(dev, M): the other mask is set only when this one failed */
	const struct ir_event *other = first_mask_call(f->blocks[fail_b]);
	const struct model_fn *om = other ? role_of(other, ROLE_MASK_SET) : NULL;
	const struct ir_val *d1 = arg_at(e, ms->slot.dev), *m1 = arg_at(e, ms->slot.mask);
	const struct ir_val *d2 = om ? arg_at(other, om->slot.dev) : NULL, *m2 = om ? arg_at(other, om->slot.mask) : NULL;
	if (om && d1 && d2 && m1 && m2 && d1->text && d2->text && m1->text && m2->text &&
	    !strcmp(d1->text, d2->text) && !strcmp(m1->text, m2->text) &&
	    (family_of(ms) | family_of(om)) == 3 && !(family_of(ms) & family_of(om))) {
		fd = unit_report(u, R_INV, f, e->start, e->end,
				 "%s() returns 0 on success, but %s() with the same mask is called only on its failure edge: when this call succeeds the other mask is never set, and when it fails the driver goes on regardless",
				 e->callee, other->callee);
		unit_note(u, fd, other->start, "called here, on the edge taken when %s() failed", e->callee);
		return;
	}
	const struct ir_event *at = NULL;
	int set = 0;
	const char *cls = flag_in_block(u, f->blocks[fail_b], &set, &at);
	int wide_ok = m->known && m->bits > 32;
	if (cls && set && (!strcmp(cls, "mask.dma-usable") || wide_ok)) {
		fd = unit_report(u, R_INV, f, e->start, e->end,
				 "%s() returns 0 on success and a negative errno on failure, but the failure edge of this test records that DMA%s can be used",
				 e->callee, strcmp(cls, "mask.wide") ? "" : " above 4 GiB");
		unit_note(u, fd, at->start, "set here, on the edge taken when %s() failed", e->callee);
		return;
	}
	cls = flag_in_block(u, f->blocks[ok_b], &set, &at);
	if (cls && !set && (!strcmp(cls, "mask.dma-usable") || wide_ok)) {
		fd = unit_report(u, R_INV, f, e->start, e->end,
				 "%s() returns 0 on success, but the success edge of this test records that DMA%s cannot be used",
				 e->callee, strcmp(cls, "mask.wide") ? "" : " above 4 GiB");
		unit_note(u, fd, at->start, "cleared here, on the edge taken when %s() succeeded", e->callee);
	}
}

/* ------------------------------------------------------------------ */
/* MASK-03                                                             */
/* ------------------------------------------------------------------ */

enum { FAM_STREAM = 1, FAM_COHERENT = 2, FAM_BOTH = 3 };

/* a mask.set or mask.use event, seen from the probe function */
struct site {
	const struct ir_func *f;      /* where the event is */
	const struct ir_event *e;
	int is_set;
	int fam;
	int bits;                     /* set: known width, 0 unknown */
	const char *dev;              /* device expression in the probe's terms, or NULL */
	int pblock, pidx;             /* position in the probe: the event or the helper call */
	const struct ir_event *via;   /* the probe's call of the helper, or NULL */
};

struct sites {
	struct site *v;
	int n, cap;
};

struct subst {
	const struct ir_func *f;      /* helper */
	const struct ir_func *caller; /* the function that calls it */
	const struct ir_event *call;  /* its call site */
	const struct subst *up;       /* the caller's substitution, NULL in the probe */
};

/*
 * Paths are interned per unit, so a path's is_param flag may come from
 * another function that has a parameter of the same name: ask f.
 */
static int param_index(const struct ir_func *f, const struct ir_path *v)
{
	for (int i = 0; v && i < f->nparams; i++)
		if (f->params[i] == v)
			return i;
	return -1;
}

/* the single assignment of local var p in f, or NULL */
static const struct ir_event *single_def(const struct ir_func *f, const struct ir_path *p)
{
	const struct ir_event *def = NULL;
	int n = 0;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if ((e->kind == EV_ASSIGN && e->lhs == p) || (e->kind == EV_ADDR && e->lhs == p))
				def = e, n++;
		}
	return n == 1 && def->kind == EV_ASSIGN && !strcmp(def->op ? def->op : "", "=") ? def : NULL;
}

/* text with its leading prefix (a name or a path, after an optional '&') replaced by with; NULL if it does not fit */
static const char *splice(struct unit *u, const char *text, const char *prefix, const char *with)
{
	int amp = text[0] == '&';
	size_t pl = strlen(prefix);
	if (strncmp(text + amp, prefix, pl))
		return NULL;
	const char *rest = text + amp + pl;
	if (*rest && strncmp(rest, "->", 2) && *rest != '.' && *rest != '[')
		return NULL;   /* "priv->pdev" is not a prefix of "priv->pdevs" */
	char buf[512];
	if (*rest == 0)
		snprintf(buf, sizeof(buf), "%s%s", amp ? "&" : "", with);
	else if (with[0] == '&' && !strncmp(rest, "->", 2))
		snprintf(buf, sizeof(buf), "%s%s.%s", amp ? "&" : "", with + 1, rest + 2);
	else if (with[0] != '&')
		snprintf(buf, sizeof(buf), "%s%s%s", amp ? "&" : "", with, rest);
	else
		return NULL;
	if (!strncmp(buf, "&&", 2))
		return NULL;
	return strtab_intern(&u->strs, buf, strlen(buf));
}

/* the device expression v of f, written in the probe's terms ("&pdev->dev"), or NULL */
static const char *dev_text(struct unit *u, const struct ir_func *f, const struct ir_val *v,
			    const struct subst *sb, int depth)
{
	if (!v || !v->text || depth > 6)
		return NULL;
	const struct ir_path *p = v->kind == VAL_PATH || v->kind == VAL_ADDR ? v->path : NULL;
	if (!p || !p->root)
		return NULL;
	const struct ir_path *root = p->root;
	int pi = param_index(f, root);
	/* a local alias: struct device *dev = &pdev->dev; */
	if (v->kind == VAL_PATH && p->kind == PATH_VAR && p->is_local && pi < 0) {
		const struct ir_event *d = single_def(f, p);
		if (d && (d->rhs.kind == VAL_PATH || d->rhs.kind == VAL_ADDR))
			return dev_text(u, f, &d->rhs, sb, depth + 1);
		return v->text;
	}
	if (pi < 0 || !sb || sb->f != f)
		return v->text;
	/* a helper's parameter: replace it by the caller's argument */
	if (pi >= sb->call->nargs)
		return NULL;
	const char *at = dev_text(u, sb->caller, &sb->call->args[pi], sb->up, depth + 1);
	if (!at)
		return NULL;
	return splice(u, v->text, root->name, at);
}

static void add_site(struct sites *s, struct site st)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = xrealloc(s->v, (size_t)s->cap * sizeof(*s->v));
	}
	s->v[s->n++] = st;
}

static const struct ir_func *same_file_func(const struct unit *u, const char *name)
{
	for (int i = 0; name && i < u->ir.nfuncs; i++)
		if (u->ir.funcs[i]->name == name || !strcmp(u->ir.funcs[i]->name, name))
			return u->ir.funcs[i];
	return NULL;
}

/* mask events of g (called from the probe at pblock/pidx through via), helpers to depth 3 */
static void collect(struct unit *u, const struct ir_func *g, const struct subst *sb, int depth,
		    int pb, int pi, const struct ir_event *via, const struct ir_func **chain, struct sites *out)
{
	for (int b = 0; b < g->nblocks; b++)
		for (int i = 0; i < g->blocks[b]->nev; i++) {
			const struct ir_event *e = g->blocks[b]->ev[i];
			if (e->kind != EV_CALL)
				continue;
			int bb = depth ? pb : b, ii = depth ? pi : i;
			const struct model_fn *r;
			if ((r = role_of(e, ROLE_MASK_SET)) || (r = role_of(e, ROLE_MASK_USE))) {
				struct site st = { .f = g, .e = e, .is_set = r->role == ROLE_MASK_SET, .fam = family_of(r),
						   .pblock = bb, .pidx = ii, .via = via };
				st.dev = dev_text(u, g, arg_at(e, r->slot.dev), sb, 0);
				if (st.is_set) {
					struct mask m = mask_of(u, g, e, r->slot.mask);
					st.bits = m.known ? m.bits : 0;
				}
				add_site(out, st);
				continue;
			}
			if (e->model && !e->model->derived)
				continue;
			const struct ir_func *h = same_file_func(u, e->callee);
			if (!h || depth >= 3)
				continue;
			int rec = 0;
			for (int k = 0; k <= depth; k++)
				rec |= chain[k] == h;
			if (rec)
				continue;
			chain[depth + 1] = h;
			struct subst s2 = { .f = h, .caller = g, .call = e, .up = sb };
			collect(u, h, &s2, depth + 1, bb, ii, depth ? via : e, chain, out);
		}
}

/* can block `to` (event index ti) be reached from block `from` (index fi) in f? */
static int reaches(const struct ir_func *f, int from, int fi, int to, int ti)
{
	if (from == to && fi < ti)
		return 1;
	int *seen = calloc((size_t)f->nblocks, sizeof(int)), *q = calloc((size_t)f->nblocks + 1, sizeof(int));
	int h = 0, t = 0, found = 0;
	if (!seen || !q) {
		free(seen);
		free(q);
		return 0;
	}
	const struct ir_block *fb = f->blocks[from];
	for (int i = 0; i < fb->nsucc; i++)
		if (fb->succ[i] >= 0 && fb->succ[i] < f->nblocks && !seen[fb->succ[i]])
			seen[fb->succ[i]] = 1, q[t++] = fb->succ[i];
	while (h < t && !found) {
		int b = q[h++];
		if (b == to) {
			found = 1;
			break;
		}
		const struct ir_block *bb = f->blocks[b];
		for (int i = 0; i < bb->nsucc; i++)
			if (bb->succ[i] >= 0 && bb->succ[i] < f->nblocks && !seen[bb->succ[i]])
				seen[bb->succ[i]] = 1, q[t++] = bb->succ[i];
	}
	free(seen);
	free(q);
	return found;
}

static int site_before(const struct ir_func *p, const struct site *a, const struct site *b)
{
	if (a->pblock == b->pblock && a->pidx == b->pidx)
		return 0;   /* inside the same helper call: order unknown here */
	return reaches(p, a->pblock, a->pidx, b->pblock, b->pidx);
}

/* does any function of the file set the masks of family fam (for any device)? */
static int file_sets(const struct unit *u, int fam)
{
	for (int i = 0; i < u->ir.nfuncs; i++) {
		const struct ir_func *g = u->ir.funcs[i];
		for (int k = 0; k < g->ncalls; k++) {
			const struct model_fn *r = role_of(g->calls[k], ROLE_MASK_SET);
			if (r && (family_of(r) & fam))
				return 1;
		}
	}
	return 0;
}

static const char *fam_name(int fam)
{
	return fam == FAM_STREAM ? "streaming" : fam == FAM_COHERENT ? "coherent" : "streaming and coherent";
}

static void note_via(struct unit *u, struct dmc_finding *fd, const struct site *s)
{
	if (s->via)
		unit_note(u, fd, s->via->start, "called from the probe here");
}

static int line_of(const struct unit *u, uint32_t off)
{
	int l, c;
	source_pos(&u->src, off, &l, &c);
	return l;
}

static int zero_val(const struct ir_val *v)
{
	return (v->kind == VAL_INT && v->ival == 0) || (v->text && (!strcmp(v->text, "NULL") || !strcmp(v->text, "0")));
}

/* rhs is &X where X is assigned 0 in p (spi->dev.dma_mask = &spi->dev.coherent_dma_mask after coherent_dma_mask = 0) */
static int zeroed_target(const struct ir_func *p, const struct ir_val *rhs)
{
	if (rhs->kind != VAL_ADDR || !rhs->path)
		return 0;
	for (int b = 0; b < p->nblocks; b++)
		for (int i = 0; i < p->blocks[b]->nev; i++) {
			const struct ir_event *e = p->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs == rhs->path && zero_val(&e->rhs))
				return 1;
		}
	return 0;
}

/* dev->dma_mask = ..., pdev->dev.coherent_dma_mask = ... on the probed device */
static void check_direct_writes(struct unit *u, const struct ir_func *p)
{
	for (int b = 0; b < p->nblocks; b++)
		for (int i = 0; i < p->blocks[b]->nev; i++) {
			const struct ir_event *e = p->blocks[b]->ev[i];
			if (e->kind != EV_ASSIGN || !e->lhs)
				continue;
			const struct ir_path *l = e->lhs;
			if (l->kind == PATH_DEREF && l->parent)
				l = l->parent;   /* *dev->dma_mask = ... */
			if ((l->kind != PATH_ARROW && l->kind != PATH_DOT) ||
			    (strcmp(l->name, "dma_mask") && strcmp(l->name, "coherent_dma_mask")))
				continue;
			/* the probed device: rooted at a parameter, directly or through a local alias */
			const struct ir_path *root = l->root;
			int own = root && param_index(p, root) >= 0;
			if (!own && root && root->is_local && l->parent && l->parent->kind == PATH_VAR) {
				const struct ir_event *d = single_def(p, root);
				own = d && (d->rhs.kind == VAL_ADDR || d->rhs.kind == VAL_PATH) && d->rhs.path &&
				      param_index(p, d->rhs.path->root) >= 0;
			}
			if (!own || !l->parent)
				continue;
			/* struct device fields only: pdev->dev.dma_mask, dev->dma_mask (not the struct pci_dev's own dma_mask) */
			if (l->parent->kind != PATH_VAR && (!l->parent->name || strcmp(l->parent->name, "dev")))
				continue;
			if (l->parent->kind == PATH_VAR) {
				const char *t = NULL;
				for (int k = 0; k < p->nlocals; k++)
					if (p->locals[k].var == root)
						t = p->locals[k].type;
				if (!t || !strstr(t, "struct device") || strstr(t, "struct device_"))
					continue;
			}
			/* "this device does no DMA": a NULL or zero mask has no API, and neither does pointing dma_mask at a zeroed coherent mask */
			if (zero_val(&e->rhs) || zeroed_target(p, &e->rhs))
				continue;
			if (!strcmp(l->name, "coherent_dma_mask"))
				unit_report(u, R_LATE, p, e->start, e->end,
					    "the probe stores the coherent mask into '%s' directly: nothing checks that the platform can honour it (dma_set_coherent_mask() would refuse with -EIO); use dma_set_mask_and_coherent() or dma_set_coherent_mask()",
					    l->text);
			else if (e->lhs != l)
				unit_report(u, R_LATE, p, e->start, e->end,
					    "the probe stores the streaming mask through '%s' directly: nothing checks that the platform can honour it; use dma_set_mask() or dma_set_mask_and_coherent()",
					    l->text);
			else
				unit_report(u, R_LATE, p, e->start, e->end,
					    "the probe sets the pointer '%s' itself: nothing checks that the platform can honour the mask, and whatever it points into must outlive the driver; use dma_coerce_mask_and_coherent() (it points dma_mask at coherent_dma_mask and sets both)",
					    l->text);		}
}

/* priv->pdev = pdev; priv->dev = &pdev->dev: fields of the probe's private data set once from a parameter */
struct alias {
	const char *from, *to;
};

static int probe_aliases(const struct ir_func *p, struct alias *al, int max)
{
	int n = 0;
	for (int b = 0; b < p->nblocks; b++)
		for (int i = 0; i < p->blocks[b]->nev; i++) {
			const struct ir_event *e = p->blocks[b]->ev[i];
			if (e->kind != EV_ASSIGN || !e->lhs || (e->lhs->kind != PATH_ARROW && e->lhs->kind != PATH_DOT) ||
			    !e->op || strcmp(e->op, "=") || (e->rhs.kind != VAL_PATH && e->rhs.kind != VAL_ADDR) ||
			    !e->rhs.path || !e->rhs.text || param_index(p, e->rhs.path->root) < 0 || n >= max)
				continue;
			int defs = 0;
			for (int c = 0; c < p->nblocks; c++)
				for (int k = 0; k < p->blocks[c]->nev; k++)
					defs += p->blocks[c]->ev[k]->kind == EV_ASSIGN && p->blocks[c]->ev[k]->lhs == e->lhs;
			if (defs == 1)
				al[n++] = (struct alias){ e->lhs->text, e->rhs.text };
		}
	return n;
}

static const char *canon(struct unit *u, const char *t, const struct alias *al, int n)
{
	for (int round = 0; t && round < 3; round++) {
		int changed = 0;
		for (int i = 0; i < n; i++) {
			const char *r = splice(u, t, al[i].from, al[i].to);
			if (r && r != t) {
				t = r;
				changed = 1;
			}
		}
		if (!changed)
			break;
	}
	return t;
}

static void check_probe(struct unit *u, const struct ir_func *p)
{
	struct sites s = { 0 };
	const struct ir_func *chain[5] = { p };
	collect(u, p, NULL, 0, 0, 0, NULL, chain, &s);
	struct alias al[16];
	int nal = probe_aliases(p, al, 16);
	for (int i = 0; i < s.n; i++)
		s.v[i].dev = canon(u, s.v[i].dev, al, nal);
	for (int i = 0; i < s.n; i++) {
		const struct site *use = &s.v[i];
		if (use->is_set || !use->dev)
			continue;
		/* late: a narrow set of this family on this device comes after the use, and none before it */
		const struct site *late = NULL, *other = NULL;
		int before = 0;
		for (int k = 0; k < s.n; k++) {
			const struct site *st = &s.v[k];
			if (!st->is_set || !st->dev || strcmp(st->dev, use->dev))
				continue;
			if (st->fam & use->fam) {
				if (site_before(p, st, use) || (st->pblock == use->pblock && st->pidx == use->pidx))
					before = 1;
				else if (!late && st->bits && st->bits < 32 && site_before(p, use, st))
					late = st;
			} else if (!other && st->bits && st->bits < 32)
				other = st;
		}
		struct dmc_finding *fd = NULL;
		if (late && !before) {
			fd = unit_report(u, R_LATE, use->f, use->e->start, use->e->end,
					 "%s() runs before '%s' gets its %d-bit %s mask (line %d): it obeys the 32-bit bus default, so the buffer may lie above what the device can address; set the mask first",
					 use->e->callee, use->dev, late->bits, fam_name(late->fam), line_of(u, late->e->start));
			unit_note(u, fd, late->e->start, "the mask is set here");
			note_via(u, fd, use);
		} else if (other && !before && !file_sets(u, use->fam)) {
			fd = unit_report(u, R_LATE, use->f, use->e->start, use->e->end,
					 "%s() obeys the %s mask of '%s', but only the %s mask is narrowed to %d bits (line %d): the %s mask stays at the 32-bit default; use dma_set_mask_and_coherent()",
					 use->e->callee, fam_name(use->fam), use->dev, fam_name(other->fam), other->bits,
					 line_of(u, other->e->start), fam_name(use->fam));
			unit_note(u, fd, other->e->start, "only the %s mask is set here", fam_name(other->fam));
			note_via(u, fd, use);
		}
	}
	free(s.v);
	check_direct_writes(u, p);
}

/* ------------------------------------------------------------------ */

void check_dma_mask(struct unit *u, const struct ir_func *f)
{
	if (checks_calls_role(f, ROLE_MASK_SET)) {
		for (int i = 0; i < f->ncalls; i++) {
			const struct ir_event *e = f->calls[i];
			const struct model_fn *ms = role_of(e, ROLE_MASK_SET);
			if (!ms)
				continue;
			struct mask m = mask_of(u, f, e, ms->slot.mask);
			check_literal(u, f, e, ms, &m);
			check_retval(u, f, e, ms, &m);
		}
	}
	if (entry_is(model_of(u), &u->ir, f->name, "probe"))
		check_probe(u, f);
}
