/*
 * check_mmap_ram.c - exporting kernel RAM to user space:
 *  - mmap-kernel-ram-wrong-method (MMAP-06): the export method does not
 *    match where the memory came from (catalogue section 11.2): vmalloc
 *    memory exported through virt_to_phys()/__pa()/virt_to_page() by
 *    remap_pfn_range()/vm_insert_page(), remap_vmalloc_range() of memory
 *    without VM_USERMAP, dma_mmap_coherent() of memory that is not from a
 *    coherent allocator;
 *  - mmap-slab-or-uninit-exposure (MMAP-07): slab memory exported, or page
 *    or vmalloc memory exported without being zeroed or initialised.
 *
 * Export calls are model roles mmap.ram-pfn/-page/-vmalloc/-coherent, plus
 * `vmf->page = ...` in ->fault handlers. The exported value is traced back
 * (resolve_*) through locals, conversions (linear.convert), derivations
 * (addr.derive: vmalloc_to_page, page_to_pfn, PHYS_PFN ...), same-file
 * helpers' return values and struct fields: a field's values are every
 * `X->field = ...` assignment of the file (keyed by field name, and by the
 * struct tag when the root variable's declared type tells it), so a buffer
 * allocated in probe()/open() and mapped in mmap() is followed. Allocators
 * are classified by rules data (alloc.class family=...). Unknown provenance
 * is never reported; a field or local with an unknown value is unknown.
 *
 * Ownership with addr-linear-only-conversion / dmac-cpuaddr-treated-as-linear
 * (one line, one rule): a virt_to_phys()/__pa()/virt_to_page() of vmalloc
 * memory whose result feeds an export call of the same function is reported
 * here, at the export call, and check_linear_conversion.c stays silent on it
 * (mmap_ram_exports_conversion()). Coherent memory converted for an export
 * stays with dmac-cpuaddr-treated-as-linear (its catalogue entry names the
 * remap_pfn_range PFN), and is not reported here.
 */
#include "../driver/unit.h"
#include "../analysis/space.h"
#include "../analysis/entry.h"
#include "checks.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ORIGINS 8
#define MAX_CONVS 8
#define MAX_DEPTH 8
#define MAX_DEFS 16
#define BUDGET 400

static const char *const RULE_METHOD = "mmap-kernel-ram-wrong-method";
static const char *const RULE_EXPOSE = "mmap-slab-or-uninit-exposure";

enum aclass { AC_UNKNOWN, AC_SLAB, AC_PAGES, AC_VMALLOC, AC_VMALLOC_USER, AC_KVMALLOC, AC_COHERENT };

struct origin {
	const struct ir_func *fn;
	const struct ir_event *alloc;
	enum aclass cls;
	int derived;                  /* reached through a conversion or derivation */
};

struct conv {
	const struct ir_func *fn;
	const struct ir_event *e;
};

/* where a value may come from */
struct res {
	struct origin o[MAX_ORIGINS];
	int n;
	int unknown;                  /* some part could not be traced */
	struct conv conv[MAX_CONVS];  /* linear.convert calls on the way */
	int nconv;
	int guarded;                  /* passed a caller that tests is_vmalloc_addr() */
	int budget;
};

struct export {
	const struct ir_func *fn;
	const struct ir_event *e;     /* the call, or the `vmf->page = ...` assignment */
	enum model_role role;
	const struct ir_val *arg;
	int array;                    /* arg is an array of pages (vm_map_pages) */
};

/* an assignment to a struct field, a global, or an element of either: `p->buf = ...` */
struct fdef {
	const struct ir_func *g;
	const struct ir_event *e;
};

struct mctx {
	struct unit *u;
	const struct model *m;
	struct export *ex;           /* every export site of the unit */
	struct res *exres;           /* what each one exports, resolved once */
	int nex;
	struct fdef *defs;           /* built on first use */
	int ndefs, defs_built;
};

/* at: the event where the value is used (for the reaching definitions of locals), or NULL */
static void resolve_val(struct mctx *c, const struct ir_func *fn, const struct ir_event *at, const struct ir_val *v,
			int depth, struct res *r, int derived);
static void resolve_path(struct mctx *c, const struct ir_func *fn, const struct ir_event *at, const struct ir_path *p,
			 int depth, struct res *r, int derived, int elem);

/* ---- model helpers ---- */

static enum aclass class_of(const struct model_fn *cl, int *zeroed)
{
	const char *fam = cl && cl->family ? cl->family : "";
	size_t n = strlen(fam);
	int z = n > 5 && !strcmp(fam + n - 5, "-zero");
	if (z)
		n -= 5;
	enum aclass k = AC_UNKNOWN;
	if (n == 4 && !strncmp(fam, "slab", 4))
		k = AC_SLAB;
	else if (n == 5 && !strncmp(fam, "pages", 5))
		k = AC_PAGES;
	else if (n == 7 && !strncmp(fam, "vmalloc", 7))
		k = AC_VMALLOC;
	else if (n == 12 && !strncmp(fam, "vmalloc-user", 12))
		k = AC_VMALLOC_USER, z = 1;
	else if (n == 8 && !strncmp(fam, "kvmalloc", 8))
		k = AC_KVMALLOC;
	else if (n == 8 && !strncmp(fam, "coherent", 8))
		k = AC_COHERENT, z = 1;
	if (zeroed)
		*zeroed = z;
	return k;
}

static const struct ir_event *call_of(const struct ir_func *fn, const struct ir_val *v)
{
	if (!v || v->kind != VAL_CALL || v->call < 0 || v->call >= fn->ncalls)
		return NULL;
	return fn->calls[v->call];
}

static const struct ir_val *slot_arg(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static int is_null(const struct ir_val *v)
{
	return (v->kind == VAL_INT && v->ival == 0) || (v->text && !strcmp(v->text, "NULL"));
}

static const struct ir_func *func_named(const struct ir_unit *u, const char *name)
{
	for (int i = 0; name && i < u->nfuncs; i++)
		if (u->funcs[i]->name && !strcmp(u->funcs[i]->name, name))
			return u->funcs[i];
	return NULL;
}

/* ---- result sets ---- */

static void add_origin(struct res *r, const struct ir_func *fn, const struct ir_event *a, int derived)
{
	const struct model_fn *cl = model_fn_role(a->model, ROLE_ALLOC_CLASS);
	for (int i = 0; i < r->n; i++)
		if (r->o[i].alloc == a) {
			r->o[i].derived &= derived;
			return;
		}
	if (r->n == MAX_ORIGINS) {
		r->unknown = 1;
		return;
	}
	r->o[r->n++] = (struct origin){ fn, a, class_of(cl, NULL), derived };
}

static void add_conv(struct res *r, const struct ir_func *fn, const struct ir_event *e)
{
	for (int i = 0; i < r->nconv; i++)
		if (r->conv[i].e == e)
			return;
	if (r->nconv < MAX_CONVS)
		r->conv[r->nconv++] = (struct conv){ fn, e };
}

static void merge(struct res *to, const struct res *from)
{
	for (int i = 0; i < from->n; i++)
		add_origin(to, from->o[i].fn, from->o[i].alloc, from->o[i].derived);
	for (int i = 0; i < from->nconv; i++)
		add_conv(to, from->conv[i].fn, from->conv[i].e);
	to->unknown |= from->unknown;
	to->guarded |= from->guarded;
}

/* ---- struct field keys ---- */

/* the declared type of a variable seen from fn (locals, parameters, globals) */
static const char *var_type(const struct ir_unit *u, const struct ir_func *fn, const struct ir_path *var)
{
	for (int i = 0; fn && i < fn->nlocals; i++)
		if (fn->locals[i].var == var)
			return fn->locals[i].type;
	for (int i = 0; i < u->nglobals; i++)
		if (u->globals[i].var == var)
			return u->globals[i].type;
	return NULL;
}

/* "struct foo" of a field path whose parent is a variable declared `struct foo *` / `struct foo`; else n = 0 */
static const char *tag_of(const struct ir_unit *u, const struct ir_func *fn, const struct ir_path *p, size_t *n)
{
	*n = 0;
	if (!p->parent || p->parent->kind != PATH_VAR)
		return NULL;
	const char *t = var_type(u, fn, p->parent);
	const char *s = t ? strstr(t, "struct ") : NULL;
	if (!s)
		return NULL;
	s += 7;
	size_t k = 0;
	while (isalnum((unsigned char)s[k]) || s[k] == '_')
		k++;
	*n = k;
	return k ? s : NULL;
}

/* is a field name declared in more than one struct of the file? */
static int field_ambiguous(const struct ir_unit *u, const char *name)
{
	const char *tag = NULL;
	for (int i = 0; i < u->nfields; i++) {
		if (!u->fields[i].name || strcmp(u->fields[i].name, name))
			continue;
		if (tag && u->fields[i].tag && strcmp(tag, u->fields[i].tag))
			return 1;
		tag = u->fields[i].tag;
	}
	return 0;
}

/* does field path q (in g) name the same field as p (in fn)? */
static int same_field(const struct ir_unit *u, const struct ir_func *fn, const struct ir_path *p,
		      const struct ir_func *g, const struct ir_path *q)
{
	if ((q->kind != PATH_ARROW && q->kind != PATH_DOT) || !q->name || !p->name || strcmp(q->name, p->name))
		return 0;
	size_t pn, qn;
	const char *pt = tag_of(u, fn, p, &pn), *qt = tag_of(u, g, q, &qn);
	if (pt && qt)
		return pn == qn && !strncmp(pt, qt, pn);
	return !field_ambiguous(u, p->name);
}

static int is_local_var(const struct ir_func *fn, const struct ir_path *p)
{
	for (int i = 0; i < fn->nlocals; i++)
		if (fn->locals[i].var == p)
			return 1;
	return 0;
}

static void build_defs(struct mctx *c)
{
	const struct ir_unit *u = &c->u->ir;
	int cap = 0;
	c->defs_built = 1;
	for (int fi = 0; fi < u->nfuncs; fi++) {
		const struct ir_func *g = u->funcs[fi];
		for (int b = 0; b < g->nblocks; b++)
			for (int i = 0; i < g->blocks[b]->nev; i++) {
				const struct ir_event *e = g->blocks[b]->ev[i];
				if (e->kind != EV_ASSIGN || !e->lhs || !e->op || strcmp(e->op, "=") || is_null(&e->rhs))
					continue;
				const struct ir_path *q = e->lhs;
				if (q->kind == PATH_VAR && (q->is_local || is_local_var(g, q)))
					continue;
				if (c->ndefs == cap) {
					int nc = cap ? cap * 2 : 64;
					struct fdef *nd = realloc(c->defs, (size_t)nc * sizeof(*nd));
					if (!nd)
						return;
					c->defs = nd;
					cap = nc;
				}
				c->defs[c->ndefs++] = (struct fdef){ g, e };
			}
	}
}

/* every `P = value` (elem: `P[i] = value`) of the unit for field or global path p */
static void resolve_field(struct mctx *c, const struct ir_func *fn, const struct ir_path *p, int depth,
			  struct res *r, int derived, int elem)
{
	const struct ir_unit *u = &c->u->ir;
	int defs = 0;
	if (!c->defs_built)
		build_defs(c);
	for (int k = 0; k < c->ndefs; k++) {
		const struct ir_func *g = c->defs[k].g;
		const struct ir_event *e = c->defs[k].e;
		const struct ir_path *q = e->lhs;
		if (elem) {
			if (q->kind != PATH_INDEX || !q->parent)
				continue;
			q = q->parent;
		}
		int match = p->kind == PATH_VAR ? q == p : same_field(u, fn, p, g, q);
		if (!match)
			continue;
		if (++defs > MAX_DEFS) {
			r->unknown = 1;
			return;
		}
		resolve_val(c, g, e, &e->rhs, depth + 1, r, derived);
	}
	if (!defs)
		r->unknown = 1;
}

/* ---- resolution ---- */

/* the block and index of event e in fn, or -1 */
static int event_pos(const struct ir_func *fn, const struct ir_event *e, int *idx)
{
	for (int b = 0; e && b < fn->nblocks; b++)
		for (int i = 0; i < fn->blocks[b]->nev; i++)
			if (fn->blocks[b]->ev[i] == e) {
				*idx = i;
				return b;
			}
	return -1;
}

static int is_def_of(const struct ir_event *e, const struct ir_path *p)
{
	return e->kind == EV_ASSIGN && e->lhs == p && e->op && !strcmp(e->op, "=");
}

/*
 * The definitions of local p that reach event at: walk back from at over the
 * CFG, stopping on each path at the first `p = ...`. Returns the number found
 * (at most max), or -1 when not known (at not found, too many, &p taken).
 */
static int reaching_defs(const struct ir_func *fn, const struct ir_event *at, const struct ir_path *p,
			 const struct ir_event **out, int max)
{
	int idx = 0, b0 = event_pos(fn, at, &idx);
	if (b0 < 0 || fn->nblocks <= 0)
		return -1;
	for (int b = 0; b < fn->nblocks; b++)
		for (int i = 0; i < fn->blocks[b]->nev; i++) {
			const struct ir_event *e = fn->blocks[b]->ev[i];
			if (e->kind == EV_ADDR && e->lhs == p)
				return -1;  /* written through a pointer */
		}
	for (int i = idx - 1; i >= 0; i--)
		if (is_def_of(fn->blocks[b0]->ev[i], p)) {
			out[0] = fn->blocks[b0]->ev[i];
			return 1;
		}
	/* predecessor lists (CSR) */
	int nb = fn->nblocks, ne = 0;
	for (int b = 0; b < nb; b++)
		ne += fn->blocks[b]->nsucc > 0 ? fn->blocks[b]->nsucc : 0;
	int *first = calloc((size_t)nb + 1, sizeof(int));
	int *pred = malloc(((size_t)ne + 1) * sizeof(int));
	int *stack = malloc(((size_t)nb + 1) * sizeof(int));
	unsigned char *seen = calloc((size_t)nb, 1);
	int n = 0;
	if (!first || !pred || !stack || !seen) {
		n = -1;
		goto out;
	}
	for (int b = 0; b < nb; b++)
		for (int k = 0; k < fn->blocks[b]->nsucc; k++) {
			int t = fn->blocks[b]->succ[k];
			if (t >= 0 && t < nb)
				first[t + 1]++;
		}
	for (int b = 0; b < nb; b++)
		first[b + 1] += first[b];
	{
		int *fill = calloc((size_t)nb, sizeof(int));
		if (!fill) {
			n = -1;
			goto out;
		}
		for (int b = 0; b < nb; b++)
			for (int k = 0; k < fn->blocks[b]->nsucc; k++) {
				int t = fn->blocks[b]->succ[k];
				if (t >= 0 && t < nb)
					pred[first[t] + fill[t]++] = b;
			}
		free(fill);
	}
	int sp = 0;
	stack[sp++] = b0;
	while (sp > 0 && n >= 0) {
		int cur = stack[--sp];
		for (int k = first[cur]; k < first[cur + 1]; k++) {
			int pb = pred[k];
			if (seen[pb])
				continue;
			seen[pb] = 1;
			const struct ir_block *B = fn->blocks[pb];
			const struct ir_event *d = NULL;
			for (int i = B->nev - 1; i >= 0 && !d; i--)
				if (is_def_of(B->ev[i], p))
					d = B->ev[i];
			if (!d) {
				stack[sp++] = pb;
				continue;
			}
			if (n == max) {
				n = -1;
				break;
			}
			out[n++] = d;
		}
	}
out:
	free(first);
	free(pred);
	free(stack);
	free(seen);
	return n;
}

static void resolve_local(struct mctx *c, const struct ir_func *fn, const struct ir_event *at, const struct ir_path *p,
			  int depth, struct res *r, int derived, int elem)
{
	int defs = 0;
	const struct ir_event *whole = NULL;
	if (!elem) {
		const struct ir_event *rd[MAX_DEFS];
		int n = reaching_defs(fn, at, p, rd, MAX_DEFS);
		if (n >= 0) {
			for (int i = 0; i < n; i++)
				if (!is_null(&rd[i]->rhs)) {
					defs++;
					resolve_val(c, fn, rd[i], &rd[i]->rhs, depth + 1, r, derived);
				}
			if (!defs)
				r->unknown = 1;
			return;
		}
	}
	for (int b = 0; b < fn->nblocks; b++)
		for (int i = 0; i < fn->blocks[b]->nev; i++) {
			const struct ir_event *e = fn->blocks[b]->ev[i];
			if (e->kind != EV_ASSIGN || !e->lhs || !e->op || strcmp(e->op, "=") || is_null(&e->rhs))
				continue;
			if (elem && e->lhs->kind == PATH_INDEX && e->lhs->parent == p) {
				if (++defs > MAX_DEFS) {
					r->unknown = 1;
					return;
				}
				resolve_val(c, fn, e, &e->rhs, depth + 1, r, derived);
			} else if (e->lhs == p) {
				if (elem) {
					whole = whole ? whole : e;
					continue;
				}
				if (++defs > MAX_DEFS) {
					r->unknown = 1;
					return;
				}
				resolve_val(c, fn, e, &e->rhs, depth + 1, r, derived);
			}
		}
	/* struct page **pages = d->pages; ... vm_map_pages(vma, pages, n) */
	if (elem && !defs && whole && whole->rhs.kind == VAL_PATH) {
		resolve_path(c, fn, whole, whole->rhs.path, depth + 1, r, derived, 1);
		return;
	}
	if (!defs)
		r->unknown = 1;
}

/* is function name used other than by direct calls (an initializer, a function pointer argument)? */
static int address_taken(const struct ir_unit *u, const char *name)
{
	for (int i = 0; i < u->ninits; i++)
		if (u->inits[i].value && !strcmp(u->inits[i].value, name))
			return 1;
	for (int fi = 0; fi < u->nfuncs; fi++) {
		const struct ir_func *g = u->funcs[fi];
		for (int b = 0; b < g->nblocks; b++)
			for (int i = 0; i < g->blocks[b]->nev; i++) {
				const struct ir_event *e = g->blocks[b]->ev[i];
				for (int k = 0; e->kind == EV_CALL && k < e->nargs; k++)
					if (e->args[k].text && !strcmp(e->args[k].text, name))
						return 1;
				if (e->kind == EV_ASSIGN && e->rhs.text && !strcmp(e->rhs.text, name))
					return 1;
			}
	}
	return 0;
}

/* a parameter of a static helper: the arguments of its calls in the unit */
static void resolve_param(struct mctx *c, const struct ir_func *fn, const struct ir_path *p, int depth,
			  struct res *r, int derived, int elem)
{
	const struct ir_unit *u = &c->u->ir;
	int idx = -1, calls = 0;
	for (int i = 0; i < fn->nparams; i++)
		if (fn->params[i] == p)
			idx = i;
	if (idx < 0 || !fn->name || address_taken(u, fn->name)) {
		r->unknown = 1;
		return;
	}
	for (int fi = 0; fi < u->nfuncs; fi++) {
		const struct ir_func *g = u->funcs[fi];
		for (int i = 0; i < g->ncalls; i++) {
			const struct ir_event *e = g->calls[i];
			if (!e->callee || strcmp(e->callee, fn->name))
				continue;
			if (idx >= e->nargs || ++calls > MAX_DEFS) {
				r->unknown = 1;
				return;
			}
			if (checks_calls_role(g, ROLE_SPACE_TEST))
				r->guarded = 1;  /* if (is_vmalloc_addr(p)) ... else helper(p) */
			const struct ir_val *a = &e->args[idx];
			if (elem) {
				if (a->kind == VAL_PATH)
					resolve_path(c, g, e, a->path, depth + 1, r, derived, 1);
				else
					r->unknown = 1;
			} else {
				resolve_val(c, g, e, a, depth + 1, r, derived);
			}
		}
	}
	if (!calls)
		r->unknown = 1;
}

static void resolve_path(struct mctx *c, const struct ir_func *fn, const struct ir_event *at, const struct ir_path *p,
			 int depth, struct res *r, int derived, int elem)
{
	if (!p || --r->budget <= 0 || depth > MAX_DEPTH) {
		r->unknown = 1;
		return;
	}
	switch (p->kind) {
	case PATH_VAR:
		if (p->is_param)
			resolve_param(c, fn, p, depth, r, derived, elem);
		else if (p->is_local || is_local_var(fn, p))
			resolve_local(c, fn, at, p, depth, r, derived, elem);
		else
			resolve_field(c, fn, p, depth, r, derived, elem);
		return;
	case PATH_ARROW:
	case PATH_DOT:
		resolve_field(c, fn, p, depth, r, derived, elem);
		return;
	case PATH_INDEX:
		if (elem)
			r->unknown = 1;
		else
			resolve_path(c, fn, at, p->parent, depth + 1, r, derived, 1);
		return;
	default:
		r->unknown = 1;
		return;
	}
}

static int inside(const struct ir_event *e, uint32_t s, uint32_t t)
{
	return e->start >= s && e->end <= t;
}

/* an expression without a base pointer: `virt_to_phys(p) >> PAGE_SHIFT`, `(phys + off) >> PAGE_SHIFT` */
static void resolve_expr(struct mctx *c, const struct ir_func *fn, const struct ir_event *at, const struct ir_val *v,
			 int depth, struct res *r, int derived)
{
	struct res acc = { .budget = r->budget };
	int found = 0;
	/* top-level calls of the expression */
	for (int i = 0; i < fn->ncalls; i++) {
		const struct ir_event *e = fn->calls[i];
		if (!inside(e, v->start, v->end))
			continue;
		int nested = 0;
		for (int j = 0; j < fn->ncalls && !nested; j++)
			nested = j != i && inside(e, fn->calls[j]->start, fn->calls[j]->end) &&
				 inside(fn->calls[j], v->start, v->end) &&
				 !(fn->calls[j]->start == e->start && fn->calls[j]->end == e->end);
		if (nested)
			continue;
		struct res one = { .budget = acc.budget };
		struct ir_val cv = { .kind = VAL_CALL, .call = i };
		resolve_val(c, fn, e, &cv, depth + 1, &one, derived);
		acc.budget = one.budget;
		if (one.n || one.nconv) {
			merge(&acc, &one);
			found = 1;
		}
	}
	/* field reads and local variables outside those calls */
	const char *src = c->u->src.text;
	for (int b = 0; b < fn->nblocks; b++)
		for (int i = 0; i < fn->blocks[b]->nev; i++) {
			const struct ir_event *e = fn->blocks[b]->ev[i];
			if (e->kind != EV_READ || !e->lhs || !inside(e, v->start, v->end))
				continue;
			int in_call = 0;
			for (int j = 0; j < fn->ncalls && !in_call; j++)
				in_call = inside(fn->calls[j], v->start, v->end) && inside(e, fn->calls[j]->start, fn->calls[j]->end);
			if (in_call)
				continue;
			struct res one = { .budget = acc.budget };
			resolve_path(c, fn, e, e->lhs, depth + 1, &one, derived, 0);
			acc.budget = one.budget;
			if (one.n || one.nconv) {
				merge(&acc, &one);
				found = 1;
			}
		}
	for (uint32_t k = v->start; src && k < v->end && k < c->u->src.len;) {
		if (!(isalpha((unsigned char)src[k]) || src[k] == '_')) {
			k++;
			continue;
		}
		uint32_t s = k;
		while (k < v->end && (isalnum((unsigned char)src[k]) || src[k] == '_'))
			k++;
		if (s > v->start && (src[s - 1] == '>' || src[s - 1] == '.'))
			continue;  /* a member name */
		uint32_t nx = k;
		while (nx < v->end && isspace((unsigned char)src[nx]))
			nx++;
		if (nx < v->end && (src[nx] == '.' || (src[nx] == '-' && nx + 1 < v->end && src[nx + 1] == '>')))
			continue;  /* the root of a member access: its field read is resolved above */
		int in_call = 0;
		for (int j = 0; j < fn->ncalls && !in_call; j++)
			in_call = inside(fn->calls[j], v->start, v->end) && s >= fn->calls[j]->start && s < fn->calls[j]->end;
		if (in_call)
			continue;
		for (int l = 0; l < fn->nlocals; l++) {
			const struct ir_path *var = fn->locals[l].var;
			if (fn->locals[l].is_param || strlen(var->name) != k - s || strncmp(var->name, src + s, k - s))
				continue;
			struct res one = { .budget = acc.budget };
			resolve_path(c, fn, at, var, depth + 1, &one, derived, 0);
			acc.budget = one.budget;
			if (one.n || one.nconv) {
				merge(&acc, &one);
				found = 1;
			}
			break;
		}
	}
	r->budget = acc.budget;
	if (!found) {
		r->unknown = 1;
		return;
	}
	merge(r, &acc);
}

static void resolve_val(struct mctx *c, const struct ir_func *fn, const struct ir_event *at, const struct ir_val *v,
			int depth, struct res *r, int derived)
{
	if (!v || --r->budget <= 0 || depth > MAX_DEPTH) {
		r->unknown = 1;
		return;
	}
	switch (v->kind) {
	case VAL_CALL: {
		const struct ir_event *e = call_of(fn, v);
		if (!e) {
			r->unknown = 1;
			return;
		}
		const struct model_fn *m;
		if (model_fn_role(e->model, ROLE_ALLOC_CLASS)) {
			add_origin(r, fn, e, derived);
		} else if ((m = model_fn_role(e->model, ROLE_LINEAR_CONVERT)) && !m->derived) {
			add_conv(r, fn, e);
			resolve_val(c, fn, e, slot_arg(e, m->slot.buf), depth + 1, r, 1);
		} else if ((m = model_fn_role(e->model, ROLE_ADDR_DERIVE))) {
			resolve_val(c, fn, e, slot_arg(e, m->slot.buf), depth + 1, r, 1);
		} else {
			/* a same-file helper: what it returns */
			const struct ir_func *g = e->model ? NULL : func_named(&c->u->ir, e->callee);
			int rets = 0;
			for (int b = 0; g && g != fn && b < g->nblocks; b++)
				for (int i = 0; i < g->blocks[b]->nev; i++) {
					const struct ir_event *x = g->blocks[b]->ev[i];
					if (x->kind != EV_RETURN || x->rhs.kind == VAL_NONE || is_null(&x->rhs))
						continue;
					rets++;
					resolve_val(c, g, x, &x->rhs, depth + 1, r, derived);
				}
			if (!rets)
				r->unknown = 1;
		}
		return;
	}
	case VAL_PATH:
		resolve_path(c, fn, at, v->path, depth, r, derived, 0);
		return;
	case VAL_OTHER:
		/* not just v->base: in (virt_to_phys(p) >> PAGE_SHIFT) + vma->vm_pgoff the base is the offset */
		resolve_expr(c, fn, at, v, depth, r, derived);
		return;
	case VAL_INT:
		if (v->ival != 0)
			r->unknown = 1;
		return;
	default:
		r->unknown = 1;
		return;
	}
}

static void resolve_export(struct mctx *c, const struct export *x, struct res *r)
{
	memset(r, 0, sizeof(*r));
	r->budget = BUDGET;
	if (x->array) {
		if (x->arg->kind == VAL_PATH)
			resolve_path(c, x->fn, x->e, x->arg->path, 0, r, 0, 1);
		else
			r->unknown = 1;
	} else {
		resolve_val(c, x->fn, x->e, x->arg, 0, r, 0);
	}
}

/* ---- export sites ---- */

static void add_export(struct export **ex, int *n, int *cap, struct export x)
{
	if (*n == *cap) {
		int nc = *cap ? *cap * 2 : 16;
		struct export *p = realloc(*ex, (size_t)nc * sizeof(*p));
		if (!p)
			return;
		*ex = p;
		*cap = nc;
	}
	(*ex)[(*n)++] = x;
}

static void collect_exports(struct mctx *c)
{
	const struct ir_unit *u = &c->u->ir;
	int cap = 0;
	for (int fi = 0; fi < u->nfuncs; fi++) {
		const struct ir_func *g = u->funcs[fi];
		for (int i = 0; i < g->ncalls; i++) {
			const struct ir_event *e = g->calls[i];
			static const enum model_role roles[] = { ROLE_MMAP_RAM_PFN, ROLE_MMAP_RAM_PAGE, ROLE_MMAP_RAM_VMALLOC,
								 ROLE_MMAP_RAM_COHERENT };
			for (size_t k = 0; k < sizeof(roles) / sizeof(*roles); k++) {
				const struct model_fn *m = model_fn_role(e->model, roles[k]);
				const struct ir_val *a = m && !m->derived ? slot_arg(e, m->slot.buf) : NULL;
				if (a)
					add_export(&c->ex, &c->nex, &cap, (struct export){ g, e, roles[k], a, m->slot.count >= 0 });
			}
		}
		/* ->fault: vmf->page = page */
		const struct ir_path *vmf = entry_vmf_param(g);
		for (int b = 0; vmf && b < g->nblocks; b++)
			for (int i = 0; i < g->blocks[b]->nev; i++) {
				const struct ir_event *e = g->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->lhs && e->lhs->kind == PATH_ARROW && e->lhs->parent == vmf &&
				    e->lhs->name && !strcmp(e->lhs->name, "page"))
					add_export(&c->ex, &c->nex, &cap, (struct export){ g, e, ROLE_MMAP_RAM_PAGE, &e->rhs, 0 });
			}
	}
}

static int unit_has_exports(const struct ir_unit *u)
{
	for (int fi = 0; fi < u->nfuncs; fi++) {
		const struct ir_func *g = u->funcs[fi];
		if (checks_calls_role(g, ROLE_MMAP_RAM_PFN) || checks_calls_role(g, ROLE_MMAP_RAM_PAGE) ||
		    checks_calls_role(g, ROLE_MMAP_RAM_VMALLOC) || checks_calls_role(g, ROLE_MMAP_RAM_COHERENT) ||
		    entry_vmf_param(g))
			return 1;
	}
	return 0;
}

static const char *export_name(const struct export *x)
{
	return x->e->kind == EV_CALL && x->e->callee ? x->e->callee : "vmf->page";
}

/* "remap_pfn_range() in foo_mmap()" / "the ->fault handler foo_fault() (vmf->page)" */
static const char *export_where(const struct export *x, char *buf, size_t n)
{
	const char *fname = x->fn->name ? x->fn->name : "?";
	if (x->e->kind == EV_CALL)
		snprintf(buf, n, "%s() in %s()", export_name(x), fname);
	else
		snprintf(buf, n, "the ->fault handler %s() (vmf->page)", fname);
	return buf;
}

static const char *val_name(const struct ir_val *v)
{
	const char *t = v ? v->text : NULL;
	if (v && v->kind == VAL_OTHER && (v->flags & VALF_ARITH) && v->base)
		t = v->base->text;  /* buf + off: the buffer */
	return t ? (t[0] == ':' && t[1] == ':' ? t + 2 : t) : "the buffer";
}

/* the text a buffer is known by at its allocation: the left side of `X = alloc(...)` */
static const char *alloc_name(const struct ir_func *g, const struct ir_event *a)
{
	for (int b = 0; b < g->nblocks; b++)
		for (int i = 0; i < g->blocks[b]->nev; i++) {
			const struct ir_event *e = g->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs && e->rhs.kind == VAL_CALL && e->rhs.call == a->call)
				return e->lhs->text;
		}
	return "the buffer";
}

/* ---- MMAP-06 ---- */

static int vmalloc_class(enum aclass k, int tested)
{
	return k == AC_VMALLOC || k == AC_VMALLOC_USER || (k == AC_KVMALLOC && !tested);
}

/* a conversion of vmalloc memory in fn: its allocation (or the conversion itself when space.c knows) */
static const struct ir_event *vmalloc_conversion(struct mctx *c, const struct ir_func *fn, struct space_ctx *sc,
						  const struct ir_event *conv, const struct ir_func **ofn)
{
	const struct model_fn *m = model_fn_role(conv->model, ROLE_LINEAR_CONVERT);
	const struct ir_val *a = m ? slot_arg(conv, m->slot.buf) : NULL;
	if (!a)
		return NULL;
	struct space_fact sf = space_of(sc, a);
	*ofn = fn;
	if (sf.sp == SP_KVMAP || (sf.sp == SP_KVMAP_MAYBE && !sc->space_tested))
		return sf.origin ? sf.origin : conv;
	if (sf.sp != SP_UNKNOWN)
		return NULL;
	struct res r = { .budget = BUDGET };
	resolve_val(c, fn, conv, a, 0, &r, 0);
	if (!r.n || r.unknown)
		return NULL;
	for (int i = 0; i < r.n; i++)
		if (!vmalloc_class(r.o[i].cls, sc->space_tested || r.guarded))
			return NULL;
	*ofn = r.o[0].fn;
	return r.o[0].alloc;
}

static void report_method(struct mctx *c, const struct export *x, const struct ir_event *origin, const char *fmt,
			  const char *a1, const char *a2)
{
	struct dmc_finding *fd = unit_report(c->u, RULE_METHOD, x->fn, x->e->start, x->e->end, fmt, export_name(x), a1, a2);
	if (origin && origin != x->e)
		unit_note(c->u, fd, origin->start, "allocated here with %s()", origin->callee ? origin->callee : "an allocator");
}

static void check_method(struct mctx *c, const struct export *x, const struct res *rp, struct space_ctx *sc)
{
	if (x->e->kind != EV_CALL)
		return;  /* ->fault pages: conversions there are addr-linear-only-conversion's */
	struct res r = *rp;
	if (x->role == ROLE_MMAP_RAM_PFN || x->role == ROLE_MMAP_RAM_PAGE) {
		for (int i = 0; i < r.nconv; i++) {
			if (r.conv[i].fn != x->fn)
				continue;
			const struct ir_func *ofn = NULL;
			const struct ir_event *o = vmalloc_conversion(c, x->fn, sc, r.conv[i].e, &ofn);
			if (!o)
				continue;
			const struct model_fn *m = model_fn_role(r.conv[i].e->model, ROLE_LINEAR_CONVERT);
			const char *buf = val_name(slot_arg(r.conv[i].e, m->slot.buf));
			const struct model_fn *ocl = o->kind == EV_CALL ? model_fn_role(o->model, ROLE_ALLOC_CLASS) : NULL;
			const struct model_fn *oal = o->kind == EV_CALL ? model_fn_role(o->model, ROLE_ALLOC) : NULL;
			int kv = (ocl && class_of(ocl, NULL) == AC_KVMALLOC) ||
				 (oal && oal->space && !strcmp(oal->space, "kvmap-maybe"));
			struct dmc_finding *fd = unit_report(
				c->u, RULE_METHOD, x->fn, x->e->start, x->e->end,
				"%s() exports '%s', which is %s, through %s(), which only converts linear-map addresses; allocate it with vmalloc_user() and map it with remap_vmalloc_range(), or insert each page with vmalloc_to_page() + vm_insert_page()",
				export_name(x), buf, kv ? "kvmalloc memory (vmalloc memory when it is large)" : "vmalloc memory",
				r.conv[i].e->callee);
			if (r.conv[i].e->start < x->e->start || r.conv[i].e->end > x->e->end)
				unit_note(c->u, fd, r.conv[i].e->start, "converted here");
			if (o != r.conv[i].e)
				unit_note(c->u, fd, o->start, "allocated here with %s()", o->callee ? o->callee : "an allocator");
			return;
		}
		return;
	}
	if (!r.n || r.unknown || r.nconv)
		return;
	enum aclass k = r.o[0].cls;
	for (int i = 0; i < r.n; i++)
		if (r.o[i].cls == AC_UNKNOWN || r.o[i].derived ||
		    (x->role == ROLE_MMAP_RAM_VMALLOC && r.o[i].cls == AC_VMALLOC_USER) ||
		    (x->role == ROLE_MMAP_RAM_COHERENT && r.o[i].cls == AC_COHERENT))
			return;
	const char *what = val_name(x->arg);
	const struct ir_event *o = r.o[0].alloc;
	if (x->role == ROLE_MMAP_RAM_VMALLOC) {
		if (k == AC_VMALLOC || k == AC_KVMALLOC)
			report_method(c, x, o,
				      "%s() of '%s' from %s(), which does not set VM_USERMAP: the mapping fails with -EINVAL; allocate it with vmalloc_user() (zeroed, VM_USERMAP)",
				      what, o->callee);
		else if (k == AC_COHERENT)
			report_method(c, x, o, "%s() of '%s', which is coherent DMA memory from %s(); map it with dma_mmap_coherent()/dma_mmap_wc()",
				      what, o->callee);
		else
			report_method(c, x, o,
				      "%s() of '%s', which is not vmalloc memory but comes from %s(); map pages with vm_map_pages()/vm_insert_page(), or allocate with vmalloc_user()",
				      what, o->callee);
	} else if (x->role == ROLE_MMAP_RAM_COHERENT) {
		report_method(c, x, o,
			      k == AC_PAGES ? "%s() maps memory from dma_alloc_coherent()/dma_alloc_wc()/dma_alloc_attrs(), but '%s' comes from %s(); map page-allocator memory with vm_map_pages()/vm_insert_page(), or allocate it with dma_alloc_coherent()"
			      : k == AC_SLAB ? "%s() maps memory from dma_alloc_coherent()/dma_alloc_wc()/dma_alloc_attrs(), but '%s' comes from %s(); slab memory must not be exported at all: allocate it with dma_alloc_coherent()"
			      : "%s() maps memory from dma_alloc_coherent()/dma_alloc_wc()/dma_alloc_attrs(), but '%s' comes from %s(); map vmalloc memory with remap_vmalloc_range() (allocated with vmalloc_user()), or allocate it with dma_alloc_coherent()",
			      what, o->callee);
	}
}

/* ---- MMAP-07 ---- */

/* 1: the GFP argument has __GFP_ZERO; 0: it is made of constants without it; -1: not known */
static int gfp_text_zero(const struct model *m, const char *t)
{
	int known = 1;
	for (const char *p = t; p && *p;) {
		if (!(isalnum((unsigned char)*p) || *p == '_')) {
			if (!strchr(" |()~&", *p))
				known = 0;
			p++;
			continue;
		}
		const char *s = p;
		while (*p && (isalnum((unsigned char)*p) || *p == '_'))
			p++;
		const char *cls = model_word_class(m, s, (size_t)(p - s));
		if (cls && !strcmp(cls, "gfp.zero"))
			return 1;
		for (const char *q = s; q < p; q++)
			if (islower((unsigned char)*q))
				known = 0;
	}
	return known ? 0 : -1;
}

static int alloc_zeroed(struct mctx *c, const struct ir_func *g, const struct ir_event *a, int *why_known)
{
	const struct model_fn *cl = model_fn_role(a->model, ROLE_ALLOC_CLASS);
	int z = 0;
	class_of(cl, &z);
	*why_known = 1;
	if (z)
		return 1;
	const struct ir_val *gfp = slot_arg(a, cl->slot.gfp);
	if (!gfp)
		return cl->slot.gfp >= 0 ? (*why_known = 0, 0) : 0;
	if (gfp->kind == VAL_PATH && gfp->path->kind == PATH_VAR && gfp->path->is_local && !gfp->path->is_param) {
		/* gfp_t gfp = GFP_KERNEL | __GFP_ZERO; */
		int defs = 0, res = 0;
		for (int b = 0; b < g->nblocks; b++)
			for (int i = 0; i < g->blocks[b]->nev; i++) {
				const struct ir_event *e = g->blocks[b]->ev[i];
				if (e->kind != EV_ASSIGN || e->lhs != gfp->path)
					continue;
				defs++;
				int t = gfp_text_zero(&c->u->s->model, e->rhs.text);
				if (t == 1)
					return 1;
				if (t < 0)
					res = -1;
			}
		if (!defs || res < 0)
			*why_known = 0;
		return 0;
	}
	int t = gfp_text_zero(&c->u->s->model, gfp->text);
	if (t < 0)
		*why_known = 0;
	return t == 1;
}

static int res_has(const struct res *r, const struct ir_event *a, int direct_only)
{
	for (int i = 0; i < r->n; i++)
		if (r->o[i].alloc == a && (!direct_only || !r->o[i].derived))
			return 1;
	return 0;
}

static int is_export_call(const struct ir_event *e)
{
	return model_fn_role(e->model, ROLE_MMAP_RAM_PFN) || model_fn_role(e->model, ROLE_MMAP_RAM_PAGE) ||
	       model_fn_role(e->model, ROLE_MMAP_RAM_VMALLOC) || model_fn_role(e->model, ROLE_MMAP_RAM_COHERENT);
}

/* does anything in the unit write the memory of allocation a (memset, a copy, a fill loop, a helper)? */
static int initialised(struct mctx *c, const struct ir_event *a)
{
	const struct ir_unit *u = &c->u->ir;
	for (int fi = 0; fi < u->nfuncs; fi++) {
		const struct ir_func *g = u->funcs[fi];
		for (int i = 0; i < g->ncalls; i++) {
			const struct ir_event *e = g->calls[i];
			const struct model_fn *w = model_fn_role(e->model, ROLE_MEM_WRITE);
			if (w) {
				const struct ir_val *v = slot_arg(e, w->slot.buf);
				struct res r = { .budget = BUDGET };
				if (v)
					resolve_val(c, g, e, v, 0, &r, 0);
				if (res_has(&r, a, 0))
					return 1;
				continue;
			}
			if (e == a || is_export_call(e) || model_fn_role(e->model, ROLE_LINEAR_CONVERT) ||
			    model_fn_role(e->model, ROLE_ADDR_DERIVE) || model_fn_role(e->model, ROLE_MEM_FREE) ||
			    model_fn_role(e->model, ROLE_MEM_READ) || model_fn_role(e->model, ROLE_PURE) ||
			    model_fn_role(e->model, ROLE_ALLOC_CLASS) || model_fn_role(e->model, ROLE_COHERENT_FREE))
				continue;
			/* an unknown callee given the buffer itself may fill it */
			for (int k = 0; k < e->nargs; k++) {
				const struct ir_val *v = &e->args[k];
				if (v->kind != VAL_PATH && !(v->kind == VAL_OTHER && (v->flags & VALF_ARITH)))
					continue;
				struct res r = { .budget = BUDGET };
				resolve_val(c, g, e, v, 0, &r, 0);
				if (res_has(&r, a, 1))
					return 1;
			}
		}
		/* buf[i] = ... */
		for (int b = 0; b < g->nblocks; b++)
			for (int i = 0; i < g->blocks[b]->nev; i++) {
				const struct ir_event *e = g->blocks[b]->ev[i];
				if ((e->kind != EV_WRITE && e->kind != EV_ASSIGN) || !e->lhs || e->lhs->kind != PATH_INDEX)
					continue;
				struct res r = { .budget = BUDGET };
				resolve_path(c, g, e, e->lhs->parent, 0, &r, 0, 0);
				if (res_has(&r, a, 1))
					return 1;
			}
	}
	return 0;
}

/* does allocation a (in g) expose kernel data once mapped: slab memory, or unzeroed memory nothing writes? */
static int exposing(struct mctx *c, const struct ir_func *g, const struct ir_event *a)
{
	enum aclass k = class_of(model_fn_role(a->model, ROLE_ALLOC_CLASS), NULL);
	if (k == AC_SLAB)
		return 1;
	if (k != AC_PAGES && k != AC_VMALLOC && k != AC_KVMALLOC)
		return 0;
	int known;
	return !alloc_zeroed(c, g, a, &known) && known && !initialised(c, a);
}

static void check_exposure(struct mctx *c, const struct ir_func *f, const struct ir_event *a)
{
	enum aclass k = class_of(model_fn_role(a->model, ROLE_ALLOC_CLASS), NULL);
	if (k != AC_SLAB && k != AC_PAGES && k != AC_VMALLOC && k != AC_KVMALLOC)
		return;
	if (!exposing(c, f, a))
		return;
	/*
	 * An export of a: every value it may export must expose something, and
	 * none may be unknown (a generic `buf->vaddr` filled by kmalloc() for
	 * internal buffers and by dma_alloc_coherent() for mapped ones is silent).
	 */
	const struct export *by = NULL;
	for (int i = 0; i < c->nex && !by; i++) {
		const struct export *x = &c->ex[i];
		const struct res *r = &c->exres[i];
		/* remap_vmalloc_range() only maps vmalloc_user() memory, which is zeroed */
		if ((k != AC_SLAB && x->role == ROLE_MMAP_RAM_VMALLOC) || r->unknown || !res_has(r, a, 0))
			continue;
		int all = 1;
		for (int o = 0; o < r->n && all; o++)
			all = r->o[o].alloc == a || exposing(c, r->o[o].fn, r->o[o].alloc);
		if (all)
			by = x;
	}
	if (!by)
		return;
	const char *name = alloc_name(f, a);
	char where[256];
	struct dmc_finding *fd;
	if (k == AC_SLAB)
		fd = unit_report(c->u, RULE_EXPOSE, f, a->start, a->end,
				 "'%s' is slab memory from %s() and is exported to user space by %s: slab objects share their pages with other kernel data (and vm_insert_page() refuses them); allocate whole zeroed pages (alloc_pages(__GFP_ZERO), get_zeroed_page(), vmalloc_user())",
				 name, a->callee, export_where(by, where, sizeof(where)));
	else
		fd = unit_report(c->u, RULE_EXPOSE, f, a->start, a->end,
				 "'%s' from %s() is not zeroed and is exported to user space by %s without being initialised: user space reads stale kernel data; use %s",
				 name, a->callee, export_where(by, where, sizeof(where)),
				 k == AC_PAGES ? "__GFP_ZERO or get_zeroed_page()" : "vmalloc_user() or vzalloc()");
	unit_note(c->u, fd, by->e->start, by->e->kind == EV_CALL ? "exported here by %s()" : "exported here through %s", export_name(by));
}

/* ---- entry points ---- */

static void mctx_release(struct mctx *c)
{
	free(c->ex);
	free(c->exres);
	free(c->defs);
}

/* The whole unit at once (exports and allocations are in different functions): run for its first function. */
void check_mmap_ram(struct unit *u, const struct ir_func *f)
{
	if (u->ir.nfuncs <= 0 || f != u->ir.funcs[0] || !unit_has_exports(&u->ir))
		return;
	struct mctx c = { .u = u, .m = &u->s->model };
	collect_exports(&c);
	c.exres = c.nex ? calloc((size_t)c.nex, sizeof(*c.exres)) : NULL;
	if (!c.exres) {
		mctx_release(&c);
		return;
	}
	for (int i = 0; i < c.nex; i++)
		resolve_export(&c, &c.ex[i], &c.exres[i]);
	/* MMAP-06 at each export call */
	const struct ir_func *scfn = NULL;
	struct space_ctx sc;
	for (int i = 0; i < c.nex; i++) {
		if (c.ex[i].fn != scfn) {
			scfn = c.ex[i].fn;
			space_init(&sc, &u->ir, scfn);
		}
		check_method(&c, &c.ex[i], &c.exres[i], &sc);
	}
	/* MMAP-07 at each allocation that reaches an export */
	for (int fi = 0; fi < u->ir.nfuncs; fi++) {
		const struct ir_func *g = u->ir.funcs[fi];
		for (int i = 0; i < g->ncalls; i++)
			if (model_fn_role(g->calls[i]->model, ROLE_ALLOC_CLASS))
				check_exposure(&c, g, g->calls[i]);
	}
	mctx_release(&c);
}

int mmap_ram_exports_conversion(struct unit *u, const struct ir_func *f, const struct ir_event *conv)
{
	if (!session_rule_enabled(u->s, RULE_METHOD, NULL))
		return 0;
	if (!checks_calls_role(f, ROLE_MMAP_RAM_PFN) && !checks_calls_role(f, ROLE_MMAP_RAM_PAGE))
		return 0;
	struct mctx c = { .u = u, .m = &u->s->model };
	int found = 0;
	for (int i = 0; i < f->ncalls && !found; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *m = model_fn_role(e->model, ROLE_MMAP_RAM_PFN);
		if (!m)
			m = model_fn_role(e->model, ROLE_MMAP_RAM_PAGE);
		const struct ir_val *a = m && !m->derived ? slot_arg(e, m->slot.buf) : NULL;
		if (!a)
			continue;
		struct export x = { f, e, m->role, a, m->slot.count >= 0 };
		struct res r;
		resolve_export(&c, &x, &r);
		for (int k = 0; k < r.nconv && !found; k++)
			found = r.conv[k].e == conv;
	}
	mctx_release(&c);
	return found;
}
