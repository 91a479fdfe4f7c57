/*
 * check_mmap_attrs.c - three rules about what an mmap handler installs and
 * how (catalogue §7, §9.6, §11):
 *
 *  mmap-retval-ignored (MMAP-04): the result of a PTE-installing call (model
 *  role mmap.install: remap_pfn_range, io_remap_pfn_range, vm_iomap_memory,
 *  vm_insert_page(s), vm_map_pages, remap_vmalloc_range, dma_mmap_*,
 *  vmf_insert_*) is discarded, stored in a local that no path ever reads, or
 *  tested with every failure path returning 0. Only in mmap/fault entry
 *  points and functions taking a struct vm_area_struct * / struct vm_fault *.
 *
 *  mmap-iomem-attributes (MMAP-05): a PFN or physical address that provably
 *  comes from device memory (model roles mmio.phys / mmio.resource /
 *  mmio.claim, struct fields and locals assigned only from them, parameters
 *  all of whose same-file callers pass them) is mapped (a) with
 *  remap_pfn_range() instead of io_remap_pfn_range()/vm_iomap_memory(), or
 *  (b) with a vma->vm_page_prot that nothing made uncached (pgprot.uncached)
 *  before the call, when the handler is an mmap entry point (or the fault
 *  handler of one, or a helper all of whose same-file callers are) so that no
 *  unseen caller can have set it; and (c) kernel RAM from the linear map
 *  (kmalloc, __get_free_pages) mapped with pgprot_noncached/writecombine.
 *
 *  mmap-vm-flags (MMAP-10): (b) VM_RESERVED; (c) an mmap handler that
 *  installs vm_ops whose ->fault inserts MMIO PFNs with vmf_insert_*() but
 *  does not set VM_IO (nor calls remap_pfn_range & co, which set it); (d) a
 *  handler that rejects VM_WRITE (a read-only export, maybe under a
 *  condition) but never clears VM_MAYWRITE. Rule (a), direct writes to
 *  vma->vm_flags, is right for the kernels before 6.3 and is left to the
 *  compiler.
 *
 * Unknown provenance, an unseen caller, or the VMA handed to a function this
 * file does not define is never reported.
 */
#include "../driver/unit.h"
#include "../analysis/entry.h"
#include "../analysis/space.h"
#include "checks.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 6

enum pk { PK_UNKNOWN, PK_MMIO, PK_RAM };

struct prov {
	enum pk k;
	const struct ir_event *origin;   /* where the device memory / RAM comes from (any function of the unit) */
};

/* what the unit's assignments say about one struct field (keyed by name) or global */
struct ffact {
	const char *key;
	int mmio, ram, other, claim;     /* physical-address domain */
	const struct ir_event *origin;
	int res_mmio, res_other, res_claim; /* struct resource * domain */
	int klin, nonklin;               /* kernel pointer domain */
};

struct spc {
	const struct ir_func *f;
	struct space_ctx sc;
};

struct ftab {
	struct ffact *v;
	int n, cap;
};

struct mx {
	struct unit *u;
	const struct model *m;
	struct ftab ff;                  /* field facts (when ff_phase == 2) */
	int ff_phase;                    /* 0: not computed, 1: computing (no lookups), 2: ready */
	struct spc *spcs;
	int nspcs, capspcs;
	long budget;                     /* evaluation steps left: bad input never explodes */
};

#define EVAL_BUDGET 20000

/* ------------------------------------------------------------------ helpers */

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static const struct ir_event *call_ev(const struct ir_func *f, const struct ir_val *v)
{
	if (!v || v->kind != VAL_CALL || v->call < 0 || v->call >= f->ncalls)
		return NULL;
	return f->calls[v->call];
}

static const char *bare(const char *s)
{
	return s && s[0] == ':' && s[1] == ':' ? s + 2 : s;
}

static const char *word_class(const struct mx *c, const char *w, size_t n)
{
	return model_word_class(c->m, w, n);
}

static int is_ident_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

/* does text mention identifier name as a whole word? */
static int mentions(const char *text, const char *name)
{
	if (!text || !name || !*name)
		return 0;
	size_t n = strlen(name);
	for (const char *p = strstr(text, name); p; p = strstr(p + 1, name))
		if ((p == text || !is_ident_char(p[-1])) && !is_ident_char(p[n]))
			return 1;
	return 0;
}

/* does any word of text have word class cls? */
static int text_has_class(const struct mx *c, const char *text, const char *cls)
{
	for (const char *p = text; p && *p;) {
		while (*p && !is_ident_char(*p))
			p++;
		const char *s = p;
		while (*p && is_ident_char(*p))
			p++;
		const char *k = p > s ? word_class(c, s, (size_t)(p - s)) : NULL;
		if (k && !strcmp(k, cls))
			return 1;
	}
	return 0;
}

static int val_mentions(const struct ir_val *v, const struct ir_path *var)
{
	if (!v || v->kind == VAL_NONE)
		return 0;
	if ((v->kind == VAL_PATH || v->kind == VAL_ADDR) && v->path)
		return ir_path_has_prefix(v->path, var);
	return v->text && mentions(v->text, var->name);
}

static const struct ir_func *func_named(const struct ir_unit *u, const char *name)
{
	for (int i = 0; name && i < u->nfuncs; i++)
		if (u->funcs[i]->name && !strcmp(u->funcs[i]->name, name))
			return u->funcs[i];
	return NULL;
}

static int param_index(const struct ir_func *f, const struct ir_path *p)
{
	for (int i = 0; i < f->nparams; i++)
		if (f->params[i] == p)
			return i;
	return -1;
}

static int is_entry_kind(const struct mx *c, const struct ir_func *f, const char *kind)
{
	return f->name && entry_is(c->m, &c->u->ir, f->name, kind);
}

/*
 * Can functions outside the same-file calls reach f? It is named in an
 * initializer that is not an entry, or its name is used as a value.
 */
static int fn_escapes(const struct mx *c, const struct ir_func *f)
{
	const struct ir_unit *u = &c->u->ir;
	for (int i = 0; i < u->ninits; i++)
		if (u->inits[i].value && !strcmp(u->inits[i].value, f->name) && !model_entry_kind(c->m, u->inits[i].stype, u->inits[i].field))
			return 1;
	for (int g = 0; g < u->nfuncs; g++) {
		const struct ir_func *h = u->funcs[g];
		for (int b = 0; b < h->nblocks; b++)
			for (int i = 0; i < h->blocks[b]->nev; i++) {
				const struct ir_event *e = h->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->rhs.text && !strcmp(bare(e->rhs.text), f->name))
					return 1;
				if (e->kind == EV_CALL)
					for (int a = 0; a < e->nargs; a++)
						if (e->args[a].text && !strcmp(bare(e->args[a].text), f->name))
							return 1;
			}
	}
	return 0;
}

/* -------------------------------------------------------------- CFG helpers */

static int locate(const struct ir_func *f, const struct ir_event *e, int *bi, int *ii)
{
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++)
			if (f->blocks[b]->ev[i] == e) {
				*bi = b;
				*ii = i;
				return 1;
			}
	return 0;
}

/* reach[b] = 1 if block b can reach block target (b == target only through a cycle) */
static unsigned char *reaching_blocks(const struct ir_func *f, int target)
{
	unsigned char *reach = xmalloc((size_t)f->nblocks + 1);
	memset(reach, 0, (size_t)f->nblocks + 1);
	int changed = 1;
	while (changed) {
		changed = 0;
		for (int b = 0; b < f->nblocks; b++) {
			if (reach[b])
				continue;
			for (int s = 0; s < f->blocks[b]->nsucc; s++) {
				int t = f->blocks[b]->succ[s];
				if (t == target || (t >= 0 && t < f->nblocks && reach[t])) {
					reach[b] = 1;
					changed = 1;
					break;
				}
			}
		}
	}
	return reach;
}

/* -------------------------------------------------------------- provenance */

static struct space_ctx *space_for(struct mx *c, const struct ir_func *f)
{
	for (int i = 0; i < c->nspcs; i++)
		if (c->spcs[i].f == f)
			return &c->spcs[i].sc;
	if (c->nspcs == c->capspcs) {
		c->capspcs = c->capspcs ? 2 * c->capspcs : 4;
		c->spcs = xrealloc(c->spcs, (size_t)c->capspcs * sizeof(*c->spcs));
	}
	struct spc *s = &c->spcs[c->nspcs++];
	s->f = f;
	space_init(&s->sc, &c->u->ir, f);
	return &s->sc;
}

static const char *fkey(const struct ir_path *p)
{
	while (p && p->kind == PATH_INDEX)
		p = p->parent;
	if (!p)
		return NULL;
	if (p->kind == PATH_ARROW || p->kind == PATH_DOT)
		return p->name;
	if (p->kind == PATH_VAR && !p->is_local)
		return p->text;
	return NULL;
}

static struct ffact *ftab_get(struct ftab *t, const char *key, int create)
{
	if (!key)
		return NULL;
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].key, key))
			return &t->v[i];
	if (!create)
		return NULL;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = xrealloc(t->v, (size_t)t->cap * sizeof(*t->v));
	}
	struct ffact *x = &t->v[t->n++];
	memset(x, 0, sizeof(*x));
	x->key = key;
	return x;
}

/* the field fact of path p, once computed */
static void field_facts(struct mx *c);

static const struct ffact *ffact_of(struct mx *c, const struct ir_path *p)
{
	if (c->ff_phase == 0)
		field_facts(c);
	return c->ff_phase == 2 ? ftab_get(&c->ff, fkey(p), 0) : NULL;
}

static void field_facts(struct mx *c);

static int neutral(const struct ir_val *v)
{
	return (v->kind == VAL_INT && v->ival == 0) || (v->text && (!strcmp(v->text, "NULL") || !strcmp(v->text, "0")));
}

static struct prov eval_val(struct mx *c, const struct ir_func *f, const struct ir_val *v, int depth);

static struct prov combine(const struct prov *ps, int n)
{
	struct prov r = { PK_UNKNOWN, NULL };
	int mmio = 0, ram = 0;
	for (int i = 0; i < n; i++) {
		if (ps[i].k == PK_MMIO) {
			if (!mmio++)
				r.origin = ps[i].origin;
		} else if (ps[i].k == PK_RAM) {
			if (!ram++ && !mmio)
				r.origin = ps[i].origin;
		}
	}
	if (mmio && !ram)
		r.k = PK_MMIO;
	else if (ram && !mmio)
		r.k = PK_RAM;
	else
		r.origin = NULL;
	return r;
}

/* the mmio.resource call's resource type argument, if any, is IORESOURCE_MEM */
static int resource_call_is_mem(const struct mx *c, const struct ir_event *e, const struct model_fn *r)
{
	const struct ir_val *t = arg_at(e, r->slot.val);
	if (r->slot.val < 0)
		return 1;
	return t && t->text && text_has_class(c, bare(t->text), "resource.mem");
}

/* is the struct resource (pointer or object) at path rp device memory? */
static int res_is_mmio(struct mx *c, const struct ir_func *f, const struct ir_path *rp, int depth)
{
	if (!rp || depth > MAX_DEPTH)
		return 0;
	if (rp->kind == PATH_VAR && rp->is_local) {
		if (rp->is_param)
			return 0;
		int good = 0, bad = 0, claim = 0;
		for (int b = 0; b < f->nblocks; b++)
			for (int i = 0; i < f->blocks[b]->nev; i++) {
				const struct ir_event *e = f->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->lhs == rp && !neutral(&e->rhs)) {
					const struct ir_event *ce = call_ev(f, &e->rhs);
					const struct model_fn *r = ce ? model_fn_role(ce->model, ROLE_MMIO_RESOURCE) : NULL;
					if (r && resource_call_is_mem(c, ce, r))
						good++;
					else
						bad++;
				} else if (e->kind == EV_CALL) {
					const struct model_fn *r = model_fn_role(e->model, ROLE_MMIO_CLAIM);
					const struct ir_val *o = r ? arg_at(e, r->slot.obj) : NULL;
					if (o && (o->kind == VAL_PATH || o->kind == VAL_ADDR) && o->path == rp)
						claim++;
				}
			}
		return claim || (good && !bad);
	}
	/* pdev->resource[i] of a struct pci_dev *: a PCI BAR */
	if (rp->kind == PATH_INDEX && rp->parent && rp->parent->kind == PATH_ARROW &&
	    !strcmp(rp->parent->name, "resource") && rp->parent->parent && rp->parent->parent->kind == PATH_VAR) {
		for (int i = 0; i < f->nlocals; i++)
			if (f->locals[i].var == rp->parent->parent && f->locals[i].type &&
			    strstr(f->locals[i].type, "struct pci_dev"))
				return 1;
		return 0;
	}
	const struct ffact *x = ffact_of(c, rp);
	return x && (x->res_claim || (x->res_mmio && !x->res_other));
}

static struct prov eval_param(struct mx *c, const struct ir_func *f, const struct ir_path *p, int depth)
{
	struct prov none = { PK_UNKNOWN, NULL };
	int idx = param_index(f, p);
	if (idx < 0 || !f->name || fn_escapes(c, f))
		return none;
	struct prov ps[16];
	int n = 0;
	const struct ir_unit *u = &c->u->ir;
	for (int g = 0; g < u->nfuncs; g++) {
		const struct ir_func *h = u->funcs[g];
		for (int i = 0; i < h->ncalls; i++) {
			const struct ir_event *e = h->calls[i];
			if (!e->callee || strcmp(e->callee, f->name))
				continue;
			if (n == 16 || idx >= e->nargs)
				return none;
			ps[n++] = eval_val(c, h, &e->args[idx], depth + 1);
			if (ps[n - 1].k == PK_UNKNOWN)
				return none;
		}
	}
	return n ? combine(ps, n) : none;
}

static struct prov eval_path(struct mx *c, const struct ir_func *f, const struct ir_path *p, int depth)
{
	struct prov r = { PK_UNKNOWN, NULL };
	if (!p || depth > MAX_DEPTH)
		return r;
	if (p->kind == PATH_VAR && p->is_local) {
		if (p->is_param)
			return eval_param(c, f, p, depth);
		struct prov ps[16];
		int n = 0, claim = 0;
		const struct ir_event *claim_ev = NULL;
		for (int b = 0; b < f->nblocks; b++)
			for (int i = 0; i < f->blocks[b]->nev; i++) {
				const struct ir_event *e = f->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->lhs == p && e->op && !strcmp(e->op, "=") && !neutral(&e->rhs)) {
					if (n == 16)
						return r;
					ps[n++] = eval_val(c, f, &e->rhs, depth + 1);
				} else if (e->kind == EV_CALL) {
					const struct model_fn *m = model_fn_role(e->model, ROLE_MMIO_CLAIM);
					const struct ir_val *a = m ? arg_at(e, m->slot.phys) : NULL;
					if (a && a->kind == VAL_PATH && a->path == p) {
						claim++;
						claim_ev = e;
					}
				}
			}
		struct prov x = n ? combine(ps, n) : r;
		if (claim && x.k != PK_RAM) {
			/* ioremap(phys) proves device memory unless a definition is RAM */
			for (int i = 0; i < n; i++)
				if (ps[i].k == PK_RAM)
					return r;
			x.k = PK_MMIO;
			if (!x.origin)
				x.origin = claim_ev;
			return x;
		}
		for (int i = 0; i < n; i++)
			if (ps[i].k == PK_UNKNOWN)
				return r;
		return x;
	}
	if ((p->kind == PATH_ARROW || p->kind == PATH_DOT) && p->name) {
		char wk[96];
		int wn = snprintf(wk, sizeof(wk), "mmio-field.%s", p->name);
		const char *k = wn > 0 && (size_t)wn < sizeof(wk) ? word_class(c, wk, (size_t)wn) : NULL;
		if (k && !strcmp(k, "field.mmio-phys"))
			return (struct prov){ PK_MMIO, NULL };
		if (!strcmp(p->name, "start") && res_is_mmio(c, f, p->parent, depth + 1))
			return (struct prov){ PK_MMIO, NULL };
	}
	const struct ffact *x = ffact_of(c, p);
	if (!x)
		return r;
	if ((x->mmio || x->claim) && !x->ram && (!x->other || x->claim))
		return (struct prov){ PK_MMIO, x->origin };
	if (x->ram && !x->mmio && !x->claim && !x->other)
		return (struct prov){ PK_RAM, x->origin };
	return r;
}

/* is pointer value v kernel memory of the linear map (kmalloc, __get_free_pages)? */
static const struct ir_event *klin_ptr(struct mx *c, const struct ir_func *f, const struct ir_val *v)
{
	if (!v)
		return NULL;
	struct space_fact sf = space_of(space_for(c, f), v);
	if (sf.sp == SP_KLIN)
		return sf.origin ? sf.origin : (const struct ir_event *)NULL;
	const struct ir_path *p = v->kind == VAL_PATH ? v->path : (v->flags & VALF_ARITH) ? v->base : NULL;
	if (!p || p->kind == PATH_VAR)
		return NULL;
	const struct ffact *x = ffact_of(c, p);
	return x && x->klin && !x->nonklin ? x->origin : NULL;
}

static struct prov eval_call(struct mx *c, const struct ir_func *f, const struct ir_event *e, int depth)
{
	struct prov r = { PK_UNKNOWN, NULL };
	if (model_fn_role(e->model, ROLE_MMIO_PHYS))
		return (struct prov){ PK_MMIO, e };
	const struct model_fn *cv = model_fn_role(e->model, ROLE_PFN_CONVERT);
	if (cv && !cv->derived)
		return eval_val(c, f, arg_at(e, cv->slot.val), depth + 1);
	const struct model_fn *lc = model_fn_role(e->model, ROLE_LINEAR_CONVERT);
	if (lc && !lc->derived) {
		const struct ir_val *a = arg_at(e, lc->slot.buf);
		struct space_fact sf = space_of(space_for(c, f), a);
		if (sf.sp == SP_KLIN)
			return (struct prov){ PK_RAM, sf.origin ? sf.origin : e };
		const struct ir_event *o = klin_ptr(c, f, a);
		if (o)
			return (struct prov){ PK_RAM, o };
	}
	return r;
}

/* the parts of an expression: top-level calls, outermost loads, local variables */
static struct prov eval_other(struct mx *c, const struct ir_func *f, const struct ir_val *v, int depth)
{
	struct prov r = { PK_UNKNOWN, NULL };
	if (!v->text || strchr(v->text, '?') || v->start >= v->end)
		return r;
	struct prov ps[16];
	int n = 0;
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		if (e->start < v->start || e->end > v->end)
			continue;
		int nested = 0;
		for (int j = 0; j < f->ncalls && !nested; j++)
			nested = j != i && f->calls[j]->start >= v->start && f->calls[j]->end <= v->end &&
				 f->calls[j]->start <= e->start && f->calls[j]->end >= e->end &&
				 (f->calls[j]->start != e->start || f->calls[j]->end != e->end);
		if (!nested && n < 16)
			ps[n++] = eval_call(c, f, e, depth);
	}
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind != EV_READ || !e->lhs || e->start < v->start || e->end > v->end)
				continue;
			int inner = 0;
			for (int j = 0; j < f->ncalls && !inner; j++)
				inner = f->calls[j]->start >= v->start && f->calls[j]->end <= v->end &&
					f->calls[j]->start <= e->start && f->calls[j]->end >= e->end;
			/* d->res and d->res->start: only the outermost load */
			for (int b2 = 0; b2 < f->nblocks && !inner; b2++)
				for (int i2 = 0; i2 < f->blocks[b2]->nev && !inner; i2++) {
					const struct ir_event *o = f->blocks[b2]->ev[i2];
					inner = o != e && o->kind == EV_READ && o->lhs && o->lhs != e->lhs &&
						o->start >= v->start && o->end <= v->end && ir_path_has_prefix(o->lhs, e->lhs);
				}
			if (!inner && n < 16)
				ps[n++] = eval_path(c, f, e->lhs, depth + 1);
		}
	/* plain local variables named in the text */
	const char *t = v->text;
	for (const char *p = t; *p;) {
		if (!is_ident_char(*p)) {
			p++;
			continue;
		}
		const char *s = p;
		while (*p && is_ident_char(*p))
			p++;
		if (isdigit((unsigned char)*s) || (s > t && (s[-1] == '.' || (s[-1] == '>' && s > t + 1 && s[-2] == '-'))) ||
		    *p == '(' || *p == '.' || (*p == '-' && p[1] == '>') || *p == '[')
			continue;
		for (int i = 0; i < f->nlocals; i++) {
			const struct ir_path *lv = f->locals[i].var;
			if (strlen(lv->name) == (size_t)(p - s) && !strncmp(lv->name, s, (size_t)(p - s)) && n < 16) {
				ps[n++] = eval_path(c, f, lv, depth + 1);
				break;
			}
		}
	}
	return n ? combine(ps, n) : r;
}

static struct prov eval_val(struct mx *c, const struct ir_func *f, const struct ir_val *v, int depth)
{
	struct prov r = { PK_UNKNOWN, NULL };
	if (!v || depth > MAX_DEPTH || --c->budget < 0)
		return r;
	switch (v->kind) {
	case VAL_CALL: {
		const struct ir_event *e = call_ev(f, v);
		return e ? eval_call(c, f, e, depth) : r;
	}
	case VAL_PATH:
		return eval_path(c, f, v->path, depth);
	case VAL_OTHER:
		return eval_other(c, f, v, depth);
	default:
		return r;
	}
}

/* one pass over every assignment to a field or global in the unit, into out */
static void field_pass(struct mx *c, struct ftab *out)
{
	const struct ir_unit *u = &c->u->ir;
	for (int g = 0; g < u->nfuncs; g++) {
		const struct ir_func *h = u->funcs[g];
		for (int b = 0; b < h->nblocks; b++)
			for (int i = 0; i < h->blocks[b]->nev; i++) {
				const struct ir_event *e = h->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->lhs && e->op && !strcmp(e->op, "=")) {
					const char *key = fkey(e->lhs);
					if (!key || neutral(&e->rhs))
						continue;
					struct ffact *x = ftab_get(out, key, 1);
					struct prov pv = eval_val(c, h, &e->rhs, 1);
					if (pv.k == PK_MMIO) {
						if (!x->mmio++)
							x->origin = pv.origin ? pv.origin : e;
					} else if (pv.k == PK_RAM) {
						x->ram++;
					} else
						x->other++;
					const struct ir_event *ce = call_ev(h, &e->rhs);
					const struct model_fn *rr = ce ? model_fn_role(ce->model, ROLE_MMIO_RESOURCE) : NULL;
					int local = e->rhs.kind == VAL_PATH && e->rhs.path->kind == PATH_VAR && e->rhs.path->is_local;
					if ((rr && resource_call_is_mem(c, ce, rr)) || (local && res_is_mmio(c, h, e->rhs.path, 1)))
						x->res_mmio++;  /* priv->res = platform_get_resource(...), or = r */
					else
						x->res_other++;
					const struct model_fn *al = ce ? model_fn_role(ce->model, ROLE_ALLOC) : NULL;
					struct space_fact sf = { SP_UNKNOWN, NULL, 0 };
					if (!al && local)
						sf = space_of(space_for(c, h), &e->rhs);
					if ((al && al->space && !strcmp(al->space, "klin")) || sf.sp == SP_KLIN) {
						if (!x->klin++ && !x->origin)
							x->origin = ce ? ce : sf.origin ? sf.origin : e;
					} else
						x->nonklin++;
				} else if (e->kind == EV_CALL) {
					const struct model_fn *m = model_fn_role(e->model, ROLE_MMIO_CLAIM);
					if (!m)
						continue;
					const struct ir_val *a = arg_at(e, m->slot.phys), *o = arg_at(e, m->slot.obj);
					if (a && a->kind == VAL_PATH) {
						struct ffact *x = ftab_get(out, fkey(a->path), 1);
						if (x && !x->claim++ && !x->mmio)
							x->origin = e;
					}
					if (o && (o->kind == VAL_PATH || o->kind == VAL_ADDR)) {
						struct ffact *x = ftab_get(out, fkey(o->path), 1);
						if (x)
							x->res_claim++;
					}
				}
			}
	}
}

/*
 * Field facts, in two rounds: the first sees calls and locals only
 * (d->res = platform_get_resource(...)), the second also the first's facts
 * (d->phys = d->res->start).
 */
static void field_facts(struct mx *c)
{
	struct ftab r1 = { 0 }, r2 = { 0 };
	long saved = c->budget;
	c->ff_phase = 1;
	c->budget = EVAL_BUDGET;
	field_pass(c, &r1);
	c->ff = r1;
	c->ff_phase = 2;
	c->budget = EVAL_BUDGET;
	field_pass(c, &r2);
	free(r1.v);
	c->ff = r2;
	c->budget = saved;
}

/* --------------------------------------------------------- vm_page_prot */

enum pstate { PS_UNKNOWN, PS_CACHEABLE, PS_UNCACHED };

struct pres {
	enum pstate st;
	const struct ir_event *where;    /* the pgprot_*() write, for notes */
	const char *how;                 /* its callee */
};

static int is_prot_lhs(const struct ir_path *p)
{
	return p && (p->kind == PATH_ARROW || p->kind == PATH_DOT) && p->name && !strcmp(p->name, "vm_page_prot");
}

static const struct ir_path *vma_param(const struct ir_func *f)
{
	return entry_vma_param(f);
}

/* the effect on vm_page_prot of one event; 0 none, 1 uncached write, 2 other write / unknown */
static int prot_effect(struct mx *c, const struct ir_func *f, const struct ir_event *e, const struct ir_path *vma,
		       const struct ir_event *site, struct pres *w, int depth);

/* the effect of a whole same-file function g called with its VMA parameter */
static int callee_prot_effect(struct mx *c, const struct ir_func *g, struct pres *w, int depth)
{
	const struct ir_path *vma = vma_param(g);
	if (!vma || depth > MAX_DEPTH)
		return 2;
	int worst = 0;
	for (int b = 0; b < g->nblocks; b++)
		for (int i = 0; i < g->blocks[b]->nev; i++) {
			int x = prot_effect(c, g, g->blocks[b]->ev[i], vma, NULL, w, depth + 1);
			if (x > worst)
				worst = x;
		}
	return worst;
}

static int prot_effect(struct mx *c, const struct ir_func *f, const struct ir_event *e, const struct ir_path *vma,
		       const struct ir_event *site, struct pres *w, int depth)
{
	if (e == site)
		return 0;
	if (e->kind == EV_ASSIGN && is_prot_lhs(e->lhs)) {
		const struct ir_event *ce = call_ev(f, &e->rhs);
		if (ce && model_fn_role(ce->model, ROLE_PGPROT_UNCACHED)) {
			if (!w->where) {
				w->where = e;
				w->how = ce->callee;
			}
			return 1;
		}
		return 2;
	}
	if (e->kind != EV_CALL)
		return 0;
	int passes = 0;
	for (int a = 0; a < e->nargs && !passes; a++)
		passes = e->args[a].kind == VAL_PATH && vma && e->args[a].path == vma;
	if (!passes)
		return 0;
	if (e->model && !e->model->derived)
		return 0;  /* a modelled kernel API: it does not change vm_page_prot */
	const struct ir_func *g = e->callee ? func_named(&c->u->ir, e->callee) : NULL;
	if (!g || g == f)
		return 2;
	return callee_prot_effect(c, g, w, depth);
}

static struct pres ctx_prot(struct mx *c, const struct ir_func *f, const struct ir_path *vma, int depth);

/*
 * vm_page_prot at site in f (site NULL: anywhere in f, for the mmap handler
 * of a fault handler), from the writes that reach it, or, when nothing in f
 * touches it, from the callers.
 */
static struct pres prot_at(struct mx *c, const struct ir_func *f, const struct ir_event *site,
			   const struct ir_path *vma, int depth)
{
	struct pres r = { PS_UNKNOWN, NULL, NULL };
	if (depth > MAX_DEPTH)
		return r;
	int sb = -1, si = -1;
	unsigned char *reach = NULL;
	if (site) {
		if (!locate(f, site, &sb, &si))
			return r;
		reach = reaching_blocks(f, sb);
	}
	int worst = 0;
	for (int b = 0; b < f->nblocks; b++) {
		int lim = f->blocks[b]->nev;
		if (site && b == sb && !reach[b])
			lim = si;
		else if (site && b != sb && !reach[b])
			continue;
		for (int i = 0; i < lim; i++) {
			int x = prot_effect(c, f, f->blocks[b]->ev[i], vma, site, &r, depth);
			if (x > worst)
				worst = x;
		}
	}
	free(reach);
	if (worst == 2) {
		r.st = PS_UNKNOWN;
		return r;
	}
	if (worst == 1) {
		r.st = PS_UNCACHED;
		return r;
	}
	return ctx_prot(c, f, vma, depth);
}

/* nothing in f touches vm_page_prot: what did f's callers leave in it? */
static struct pres ctx_prot(struct mx *c, const struct ir_func *f, const struct ir_path *vma, int depth)
{
	struct pres r = { PS_UNKNOWN, NULL, NULL };
	if (is_entry_kind(c, f, "mmap")) {
		r.st = PS_CACHEABLE;
		return r;
	}
	if (!vma || !vma->is_param || !f->name || fn_escapes(c, f) || entry_kind(c->m, &c->u->ir, f->name, NULL))
		return r;
	int idx = param_index(f, vma);
	if (idx < 0)
		return r;
	const struct ir_unit *u = &c->u->ir;
	int n = 0;
	enum pstate st = PS_UNKNOWN;
	for (int g = 0; g < u->nfuncs; g++) {
		const struct ir_func *h = u->funcs[g];
		if (h == f)
			continue;
		for (int i = 0; i < h->ncalls; i++) {
			const struct ir_event *e = h->calls[i];
			if (!e->callee || strcmp(e->callee, f->name))
				continue;
			const struct ir_val *a = arg_at(e, idx);
			if (!a || a->kind != VAL_PATH || a->path->kind != PATH_VAR)
				return r;
			struct pres x = prot_at(c, h, e, a->path, depth + 1);
			if (x.st == PS_UNKNOWN || (n && x.st != st))
				return (struct pres){ PS_UNKNOWN, NULL, NULL };
			if (!r.where)
				r = x;
			st = x.st;
			n++;
		}
	}
	r.st = n ? st : PS_UNKNOWN;
	return r;
}

/* the mmap handlers (same file) that install vm_ops whose .fault is fault */
static int vm_ops_installers(struct mx *c, const struct ir_func *fault, const struct ir_event **sites,
			     const struct ir_func **funcs, int max)
{
	const struct ir_unit *u = &c->u->ir;
	int n = 0;
	for (int k = 0; k < u->ninits; k++) {
		const struct ir_init *in = &u->inits[k];
		if (!in->value || !in->var || !fault->name || strcmp(in->value, fault->name))
			continue;
		const char *kind = model_entry_kind(c->m, in->stype, in->field);
		if (!kind || strcmp(kind, "fault"))
			continue;
		for (int g = 0; g < u->nfuncs; g++) {
			const struct ir_func *h = u->funcs[g];
			for (int b = 0; b < h->nblocks; b++)
				for (int i = 0; i < h->blocks[b]->nev; i++) {
					const struct ir_event *e = h->blocks[b]->ev[i];
					if (e->kind == EV_ASSIGN && e->lhs && e->lhs->name && !strcmp(e->lhs->name, "vm_ops") &&
					    e->rhs.kind == VAL_ADDR && e->rhs.path && !strcmp(bare(e->rhs.path->text), in->var)) {
						if (n == max)
							return -1;
						sites[n] = e;
						funcs[n++] = h;
					}
				}
		}
	}
	return n;
}

/* vm_page_prot as a fault handler sees it: set up by the mmap handler(s) of this file */
static struct pres fault_prot(struct mx *c, const struct ir_func *fault)
{
	struct pres r = { PS_UNKNOWN, NULL, NULL };
	const struct ir_event *sites[8];
	const struct ir_func *funcs[8];
	int n = vm_ops_installers(c, fault, sites, funcs, 8);
	if (n <= 0)
		return r;
	for (int i = 0; i < n; i++) {
		const struct ir_path *vma = sites[i]->lhs->parent;
		if (!vma || vma->kind != PATH_VAR)
			return r;
		struct pres x = prot_at(c, funcs[i], NULL, vma, 1);
		if (x.st == PS_UNKNOWN || (i && x.st != r.st))
			return (struct pres){ PS_UNKNOWN, NULL, NULL };
		if (!i)
			r = x;
	}
	return r;
}

/* ------------------------------------------------------------ VM flags */

enum { FL_IO = 1, FL_DONTDUMP = 2, FL_DONTEXPAND = 4, FL_PFNMAP = 8, FL_MIXEDMAP = 16, FL_MAYWRITE = 32, FL_UNKNOWN = 1 << 30 };

static int flag_bits(const struct mx *c, const char *text, const struct ir_path *vma)
{
	int bits = 0;
	for (const char *p = text; p && *p;) {
		if (!is_ident_char(*p)) {
			p++;
			continue;
		}
		const char *s = p;
		while (*p && is_ident_char(*p))
			p++;
		size_t n = (size_t)(p - s);
		if (isdigit((unsigned char)*s))
			continue;
		if (s > text && (s[-1] == '.' || (s[-1] == '>' && s - 1 > text && s[-2] == '-')))
			continue;  /* a field name */
		if (vma && strlen(vma->name) == n && !strncmp(vma->name, s, n))
			continue;
		const char *k = word_class(c, s, n);
		if (!k) {
			if (n < 3 || strncmp(s, "VM_", 3))
				bits |= FL_UNKNOWN;  /* a macro or variable we do not know (VM_DONTCOPY is just another flag) */
			continue;
		}
		if (!strcmp(k, "vm-flag.io"))
			bits |= FL_IO;
		else if (!strcmp(k, "vm-flag.dontdump"))
			bits |= FL_DONTDUMP;
		else if (!strcmp(k, "vm-flag.dontexpand"))
			bits |= FL_DONTEXPAND;
		else if (!strcmp(k, "vm-flag.pfnmap"))
			bits |= FL_PFNMAP;
		else if (!strcmp(k, "vm-flag.mixedmap"))
			bits |= FL_MIXEDMAP;
		else if (!strcmp(k, "vm-flag.maywrite"))
			bits |= FL_MAYWRITE;
	}
	return bits;
}

static int is_flags_lhs(const struct ir_path *p)
{
	return p && (p->kind == PATH_ARROW || p->kind == PATH_DOT) && p->name && !strcmp(p->name, "vm_flags");
}

/*
 * Flags that f sets on its VMA (anything it does, or its same-file callees
 * with the VMA do); FL_UNKNOWN when the VMA goes to a function not defined
 * here or the flags are not words we know. clear: VM_MAYWRITE cleared.
 */
static int flags_set_in(struct mx *c, const struct ir_func *f, const struct ir_path *vma, int *cleared, int depth)
{
	int bits = 0;
	if (depth > MAX_DEPTH)
		return FL_UNKNOWN;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && is_flags_lhs(e->lhs) && e->op) {
				int x = flag_bits(c, e->rhs.text, vma);
				if (!strcmp(e->op, "&=") || (e->rhs.text && strchr(e->rhs.text, '~'))) {
					if (x & FL_MAYWRITE)
						*cleared = 1;
				} else
					bits |= x & ~FL_MAYWRITE;
				continue;
			}
			if (e->kind != EV_CALL)
				continue;
			const struct model_fn *fs = model_fn_role(e->model, ROLE_VMA_FLAGS_SET);
			const struct model_fn *fc = model_fn_role(e->model, ROLE_VMA_FLAGS_CLEAR);
			const struct model_fn *in = model_fn_role(e->model, ROLE_MMAP_EXPORT);
			if (fs) {
				const struct ir_val *a = arg_at(e, fs->slot.val);
				bits |= a ? flag_bits(c, a->text, vma) & ~FL_MAYWRITE : FL_UNKNOWN;
			}
			if (fc) {
				const struct ir_val *a = arg_at(e, fc->slot.val);
				if (a && (flag_bits(c, a->text, vma) & FL_MAYWRITE))
					*cleared = 1;
			}
			if (in && in->family && (!strcmp(in->family, "remap") || !strcmp(in->family, "io")))
				bits |= FL_IO | FL_DONTDUMP | FL_DONTEXPAND | FL_PFNMAP;
			if (fs || fc || (e->model && !e->model->derived))
				continue;
			int passes = 0;
			for (int a = 0; a < e->nargs && !passes; a++)
				passes = e->args[a].kind == VAL_PATH && e->args[a].path == vma;
			if (!passes)
				continue;
			const struct ir_func *g = e->callee ? func_named(&c->u->ir, e->callee) : NULL;
			const struct ir_path *gv = g && g != f ? vma_param(g) : NULL;
			if (!gv)
				bits |= FL_UNKNOWN;
			else
				bits |= flags_set_in(c, g, gv, cleared, depth + 1);
		}
	return bits;
}

/* flags set on the VMA by f and, for a helper, by each of its same-file callers (the intersection) */
static int flags_ctx(struct mx *c, const struct ir_func *f, const struct ir_path *vma, int *cleared, int depth)
{
	int own = flags_set_in(c, f, vma, cleared, depth);
	if (own & FL_UNKNOWN)
		return FL_UNKNOWN;
	if (is_entry_kind(c, f, "mmap"))
		return own;
	if (!vma || !vma->is_param || !f->name || fn_escapes(c, f) || entry_kind(c->m, &c->u->ir, f->name, NULL) ||
	    depth > MAX_DEPTH)
		return FL_UNKNOWN;
	int idx = param_index(f, vma), n = 0, all = ~0;
	const struct ir_unit *u = &c->u->ir;
	for (int g = 0; g < u->nfuncs; g++) {
		const struct ir_func *h = u->funcs[g];
		if (h == f)
			continue;
		for (int i = 0; i < h->ncalls; i++) {
			const struct ir_event *e = h->calls[i];
			if (!e->callee || strcmp(e->callee, f->name))
				continue;
			const struct ir_val *a = arg_at(e, idx);
			if (!a || a->kind != VAL_PATH || a->path->kind != PATH_VAR)
				return FL_UNKNOWN;
			int x = flags_ctx(c, h, a->path, cleared, depth + 1);
			if (x & FL_UNKNOWN)
				return FL_UNKNOWN;
			all &= x;
			n++;
		}
	}
	return n ? own | all : FL_UNKNOWN;
}

/* ----------------------------------------------------- mmap-retval-ignored */

static int ev_uses(const struct ir_event *e, const struct ir_path *var)
{
	switch (e->kind) {
	case EV_CALL:
	case EV_ITER:
		for (int a = 0; a < e->nargs; a++)
			if (val_mentions(&e->args[a], var))
				return 1;
		return 0;
	case EV_ASSIGN:
		return val_mentions(&e->rhs, var) || (e->op && strcmp(e->op, "=") && e->lhs == var) ||
		       (e->lhs && e->lhs != var && e->lhs->kind == PATH_INDEX && e->lhs->name && mentions(e->lhs->name, var->name));
	case EV_RETURN:
	case EV_CAST:
		return val_mentions(&e->rhs, var);
	case EV_READ:
		return e->lhs && e->lhs->kind == PATH_INDEX && e->lhs->name && mentions(e->lhs->name, var->name);
	default:
		return 0;
	}
}

static int kills(const struct ir_event *e, const struct ir_path *var)
{
	return e->kind == EV_ASSIGN && e->lhs == var && e->op && !strcmp(e->op, "=") && !val_mentions(&e->rhs, var);
}

/* the first use of var after (b, i) on some path: 1 found, 0 none; *use / *ub the use (event or branch block) */
static int next_use(const struct ir_func *f, int b0, int i0, const struct ir_path *var,
		    const struct ir_event **use, int *ub)
{
	unsigned char *seen = xmalloc((size_t)f->nblocks + 1);
	memset(seen, 0, (size_t)f->nblocks + 1);
	int *stack = xmalloc(((size_t)f->nblocks + 1) * sizeof(int));
	int sp = 0, found = 0;
	/* the rest of the first block */
	const struct ir_block *bb = f->blocks[b0];
	int killed = 0;
	for (int i = i0 + 1; i < bb->nev && !found && !killed; i++) {
		if (ev_uses(bb->ev[i], var)) {
			*use = bb->ev[i];
			*ub = b0;
			found = 1;
		} else if (kills(bb->ev[i], var))
			killed = 1;
	}
	if (!found && !killed) {
		if (bb->term == T_BRANCH && val_mentions(&bb->cond, var)) {
			*use = NULL;
			*ub = b0;
			found = 1;
		} else
			for (int s = 0; s < bb->nsucc; s++)
				if (bb->succ[s] >= 0 && bb->succ[s] < f->nblocks && !seen[bb->succ[s]]) {
					seen[bb->succ[s]] = 1;
					stack[sp++] = bb->succ[s];
				}
	}
	while (sp && !found) {
		const struct ir_block *x = f->blocks[stack[--sp]];
		killed = 0;
		for (int i = 0; i < x->nev && !found && !killed; i++) {
			if (ev_uses(x->ev[i], var)) {
				*use = x->ev[i];
				*ub = x->id;
				found = 1;
			} else if (kills(x->ev[i], var))
				killed = 1;
		}
		if (found || killed)
			continue;
		if (x->term == T_BRANCH && val_mentions(&x->cond, var)) {
			*use = NULL;
			*ub = x->id;
			found = 1;
			break;
		}
		for (int s = 0; s < x->nsucc; s++)
			if (x->succ[s] >= 0 && x->succ[s] < f->nblocks && !seen[x->succ[s]]) {
				seen[x->succ[s]] = 1;
				stack[sp++] = x->succ[s];
			}
	}
	free(seen);
	free(stack);
	return found;
}

/*
 * From block start (the failure edge), do all paths end in `return 0`
 * without reading var (NULL: the value was tested directly)? Returns the
 * first such return, or NULL.
 */
static const struct ir_event *fails_to_zero(const struct ir_func *f, int start, const struct ir_path *var)
{
	unsigned char *seen = xmalloc((size_t)f->nblocks + 1);
	memset(seen, 0, (size_t)f->nblocks + 1);
	int *stack = xmalloc(((size_t)f->nblocks + 1) * sizeof(int));
	int sp = 0, bad = 0;
	const struct ir_event *zero = NULL;
	if (start < 0 || start >= f->nblocks) {
		free(seen);
		free(stack);
		return NULL;
	}
	seen[start] = 1;
	stack[sp++] = start;
	while (sp && !bad) {
		const struct ir_block *x = f->blocks[stack[--sp]];
		for (int i = 0; i < x->nev && !bad; i++) {
			const struct ir_event *e = x->ev[i];
			if (var && ev_uses(e, var))
				bad = 1;
			else if (e->kind == EV_RETURN) {
				if (e->rhs.kind == VAL_INT && e->rhs.ival == 0) {
					if (!zero)
						zero = e;
				} else
					bad = 1;
			}
		}
		if (bad)
			break;
		if (x->term == T_BRANCH && var && val_mentions(&x->cond, var))
			bad = 1;
		for (int s = 0; s < x->nsucc && !bad; s++)
			if (x->succ[s] >= 0 && x->succ[s] < f->nblocks && !seen[x->succ[s]]) {
				seen[x->succ[s]] = 1;
				stack[sp++] = x->succ[s];
			}
	}
	free(seen);
	free(stack);
	return bad ? NULL : zero;
}

static int mmap_context(struct mx *c, const struct ir_func *f)
{
	return entry_vma_param(f) || entry_vmf_param(f) || is_entry_kind(c, f, "mmap") || is_entry_kind(c, f, "fault");
}

static void report_tested_dropped(struct mx *c, const struct ir_func *f, const struct ir_event *e,
				  const struct ir_event *ret)
{
	struct dmc_finding *fd = unit_report(c->u, "mmap-retval-ignored", f, e->start, e->end,
		"the failure of %s() is tested, but that path returns 0: the mmap reports success with a partly populated VMA; return the error",
		e->callee);
	unit_note(c->u, fd, ret->start, "returns 0 after the failure here");
}

/* a branch in block b tests the value (var, or call e itself): the failure edge, or -1 */
static int failure_edge(const struct ir_func *f, int b, const struct ir_path *var, const struct ir_event *e)
{
	const struct ir_block *x = f->blocks[b];
	if (x->term != T_BRANCH || x->nsucc < 2)
		return -1;
	int direct = (var && x->cond.kind == VAL_PATH && x->cond.path == var) ||
		     (!var && x->cond.kind == VAL_CALL && x->cond.call == e->call);
	if (!direct || (x->test != COND_NONZERO && x->test != COND_NEG))
		return -1;
	return x->succ[0];
}

static void check_retval(struct mx *c, const struct ir_func *f, const struct ir_event *e, const struct model_fn *r)
{
	int vmf = r->family && !strcmp(r->family, "vmf");
	int b, i;
	if (!locate(f, e, &b, &i))
		return;
	if (e->flags & EVF_RESULT_UNUSED) {
		/* (void)call: a deliberate decision, not reported */
		for (int k = i + 1; k < f->blocks[b]->nev; k++) {
			const struct ir_event *x = f->blocks[b]->ev[k];
			if (x->kind == EV_CAST && x->rhs.kind == VAL_CALL && x->rhs.call == e->call)
				return;
		}
		if (vmf)
			unit_report(c->u, "mmap-retval-ignored", f, e->start, e->end,
				    "the vm_fault_t result of %s() is ignored; return it (VM_FAULT_NOPAGE on success, VM_FAULT_OOM or VM_FAULT_SIGBUS on failure)",
				    e->callee);
		else
			unit_report(c->u, "mmap-retval-ignored", f, e->start, e->end,
				    "the result of %s() is ignored: when it fails the VMA is left partly populated and the mmap reports success; return it, or test it and return the error",
				    e->callee);
		return;
	}
	/* tested directly: if (remap_pfn_range(...)) */
	int fe = failure_edge(f, b, NULL, e);
	if (fe >= 0) {
		if (vmf || f->returns_void)
			return;
		const struct ir_event *z = fails_to_zero(f, fe, NULL);
		if (z)
			report_tested_dropped(c, f, e, z);
		return;
	}
	/* stored: ret = remap_pfn_range(...) */
	const struct ir_event *as = NULL;
	for (int k = i + 1; k < f->blocks[b]->nev && !as; k++) {
		const struct ir_event *x = f->blocks[b]->ev[k];
		if (x->kind == EV_ASSIGN && x->rhs.kind == VAL_CALL && x->rhs.call == e->call)
			as = x;
	}
	if (!as || !as->lhs || as->lhs->kind != PATH_VAR || !as->lhs->is_local || !as->op || strcmp(as->op, "="))
		return;
	int ab, ai;
	if (!locate(f, as, &ab, &ai))
		return;
	const struct ir_event *use = NULL;
	int ub = -1;
	if (!next_use(f, ab, ai, as->lhs, &use, &ub)) {
		unit_report(c->u, "mmap-retval-ignored", f, e->start, e->end,
			    "the result of %s() is stored in '%s' but never tested or returned", e->callee, as->lhs->name);
		return;
	}
	if (vmf || f->returns_void || use)
		return;
	fe = failure_edge(f, ub, as->lhs, e);
	if (fe < 0)
		return;
	const struct ir_event *z = fails_to_zero(f, fe, as->lhs);
	if (z)
		report_tested_dropped(c, f, e, z);
}

/* ------------------------------------------------- mmap-iomem-attributes */

static const struct ir_path *vma_of_call(const struct ir_event *e, const struct model_fn *r)
{
	const struct ir_val *v = arg_at(e, r->slot.vma);
	return v && v->kind == VAL_PATH ? v->path : NULL;
}

static void note_origin(struct mx *c, struct dmc_finding *fd, const struct prov *pv, const char *what)
{
	if (fd && pv->origin)
		unit_note(c->u, fd, pv->origin->start, "%s comes from here", what);
}

/* the pgprot a mapping call uses */
static struct pres prot_of_call(struct mx *c, const struct ir_func *f, const struct ir_event *e, const struct model_fn *r)
{
	struct pres none = { PS_UNKNOWN, NULL, NULL };
	const struct ir_val *pv = arg_at(e, r->slot.prot);
	if (r->slot.prot >= 0) {
		if (!pv)
			return none;
		const struct ir_event *ce = call_ev(f, pv);
		if (ce)
			return model_fn_role(ce->model, ROLE_PGPROT_UNCACHED) ? (struct pres){ PS_UNCACHED, ce, ce->callee } : none;
		if (pv->kind != VAL_PATH || !is_prot_lhs(pv->path))
			return none;
	}
	/* vma->vm_page_prot */
	const struct ir_path *vma = vma_of_call(e, r);
	if (!vma)
		return none;
	if (is_entry_kind(c, f, "fault") || (entry_vmf_param(f) && !entry_vma_param(f))) {
		/* a fault handler: the mmap handler set the prot up; nothing here may change it */
		struct pres here = { PS_UNKNOWN, NULL, NULL };
		for (int b = 0; b < f->nblocks; b++)
			for (int i = 0; i < f->blocks[b]->nev; i++)
				if (prot_effect(c, f, f->blocks[b]->ev[i], vma, e, &here, 1))
					return none;
		return is_entry_kind(c, f, "fault") ? fault_prot(c, f) : none;
	}
	return prot_at(c, f, e, vma, 0);
}

static int core_decrypts(struct mx *c, const struct ir_func *f)
{
	const struct ir_init *via = NULL;
	if (!f->name || !entry_kind(c->m, &c->u->ir, f->name, &via) || !via)
		return 0;
	char key[256];
	snprintf(key, sizeof(key), "%s.%s", via->stype, via->field);
	const char *k = word_class(c, key, strlen(key));
	return k && !strcmp(k, "mmap.core-decrypts");
}

static void check_iomem(struct mx *c, const struct ir_func *f, const struct ir_event *e, const struct model_fn *r)
{
	if (!r->family || !(!strcmp(r->family, "remap") || !strcmp(r->family, "io") || !strcmp(r->family, "vmf")))
		return;
	const struct ir_val *a = r->slot.pfn >= 0 ? arg_at(e, r->slot.pfn) : arg_at(e, r->slot.phys);
	if (!a)
		return;
	struct prov pv = eval_val(c, f, a, 0);
	if (pv.k == PK_UNKNOWN)
		return;
	const char *what = a->text ? a->text : "the address";
	int remap = !strcmp(r->family, "remap");
	struct pres ps = prot_of_call(c, f, e, r);
	struct dmc_finding *fd = NULL;
	if (pv.k == PK_MMIO) {
		if (ps.st == PS_CACHEABLE) {
			fd = unit_report(c->u, "mmap-iomem-attributes", f, e->start, e->end,
				"%s() maps device memory ('%s') into user space with the cacheable vma->vm_page_prot; set vma->vm_page_prot = pgprot_noncached() (registers) or pgprot_writecombine() (frame buffers) first%s",
				e->callee, what, remap ? ", and use io_remap_pfn_range() or vm_iomap_memory()" : "");
		} else if (remap && !core_decrypts(c, f)) {
			fd = unit_report(c->u, "mmap-iomem-attributes", f, e->start, e->end,
				"remap_pfn_range() maps device memory ('%s'); use io_remap_pfn_range() or vm_iomap_memory(), which apply pgprot_decrypted() (in SEV/TDX guests the device is otherwise mapped encrypted) and the architecture's I/O remapping",
				what);
		}
		note_origin(c, fd, &pv, "the device memory");
	} else if (pv.k == PK_RAM && ps.st == PS_UNCACHED && ps.how) {
		fd = unit_report(c->u, "mmap-iomem-attributes", f, e->start, e->end,
			"%s() maps kernel RAM from the linear map ('%s') with %s(): the linear map keeps a cacheable alias (mismatched attributes on ARM/arm64); allocate with dma_alloc_wc()/dma_alloc_coherent() and map with dma_mmap_wc()/dma_mmap_coherent(), or keep the mapping cacheable",
			e->callee, what, ps.how);
		note_origin(c, fd, &pv, "the RAM");
		if (fd && ps.where)
			unit_note(c->u, fd, ps.where->start, "made uncached here");
	}
}

/* ---------------------------------------------------------- mmap-vm-flags */

static int source_shims_reserved(const struct unit *u)
{
	const char *t = u->src.text;
	for (const char *p = t ? strstr(t, "VM_RESERVED") : NULL; p; p = strstr(p + 1, "VM_RESERVED")) {
		const char *q = p;
		while (q > t && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '('))
			q--;
		if ((q - t >= 6 && !strncmp(q - 6, "define", 6)) || (q - t >= 5 && !strncmp(q - 5, "ifdef", 5)) ||
		    (q - t >= 6 && !strncmp(q - 6, "ifndef", 6)) || (q - t >= 7 && !strncmp(q - 7, "defined", 7)))
			return 1;
	}
	return 0;
}

static void check_reserved(struct mx *c, const struct ir_func *f)
{
	int shim = -1;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			const char *t = NULL;
			if (e->kind == EV_ASSIGN && is_flags_lhs(e->lhs))
				t = e->rhs.text;
			else if (e->kind == EV_CALL) {
				const struct model_fn *fs = model_fn_role(e->model, ROLE_VMA_FLAGS_SET);
				const struct ir_val *a = fs ? arg_at(e, fs->slot.val) : NULL;
				t = a ? a->text : NULL;
			}
			if (!t || !text_has_class(c, t, "vm-flag.removed"))
				continue;
			if (shim < 0)
				shim = source_shims_reserved(c->u);
			if (shim)
				return;
			unit_report(c->u, "mmap-vm-flags", f, e->start, e->end,
				    "VM_RESERVED was removed in Linux 3.7; use VM_DONTEXPAND | VM_DONTDUMP (remap_pfn_range() sets them itself)");
		}
}

/* (c) f is a fault handler inserting MMIO PFNs: do its mmap handlers set VM_IO and VM_DONTDUMP? */
static void check_fault_flags(struct mx *c, const struct ir_func *f, const struct ir_event *ins, const struct prov *pv)
{
	const struct ir_event *sites[8];
	const struct ir_func *funcs[8];
	int n = vm_ops_installers(c, f, sites, funcs, 8);
	for (int i = 0; i < n; i++) {
		const struct ir_path *vma = sites[i]->lhs->parent;
		if (!vma || vma->kind != PATH_VAR)
			continue;
		int cleared = 0;
		int bits = flags_ctx(c, funcs[i], vma, &cleared, 0);
		if (bits & FL_UNKNOWN)
			continue;
		if (bits & FL_IO)
			continue;  /* VM_IO already keeps it out of core dumps and GUP; the rest is MMAP-13's business */
		char miss[96] = "";
		static const struct { int bit; const char *name; } fl[] = {
			{ FL_IO, "VM_IO" }, { FL_PFNMAP, "VM_PFNMAP" }, { FL_DONTEXPAND, "VM_DONTEXPAND" }, { FL_DONTDUMP, "VM_DONTDUMP" },
		};
		for (size_t k = 0; k < sizeof(fl) / sizeof(*fl); k++)
			if (!(bits & fl[k].bit) && !(fl[k].bit == FL_PFNMAP && (bits & FL_MIXEDMAP))) {
				if (miss[0])
					strcat(miss, " | ");
				strcat(miss, fl[k].name);
			}
		struct dmc_finding *fd = unit_report(c->u, "mmap-vm-flags", funcs[i], sites[i]->start, sites[i]->end,
			"the ->fault handler %s() installed here maps device memory with %s(), but the mmap does not set %s, so the register window is not marked as I/O (core dumps and other VM_IO tests treat it as memory); set VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP as remap_pfn_range() would (vm_flags_set() from 6.3)",
			f->name, ins->callee, miss);
		unit_note(c->u, fd, ins->start, "device memory inserted here");
		note_origin(c, fd, pv, "the device memory");
	}
}

/* (d) rejects VM_WRITE (a read-only export) but never clears VM_MAYWRITE */
/* is the condition text just "<vma>->vm_flags & FLAGS" (no comparison, no other test)? */
static int plain_flag_test(const char *t)
{
	const char *m = t ? strstr(t, "vm_flags&") : NULL;
	if (!m)
		return 0;
	for (const char *p = t; *p; p++) {
		if (p[0] == '-' && p[1] == '>') {
			p++;
			continue;
		}
		if (strchr("=<>!?", *p))
			return 0;
	}
	return 1;
}

/*
 * Does the VM_WRITE edge (block start) reject the mapping: an error return
 * reached through blocks that the other edge cannot reach (conditions that do
 * not test vm_flags may be crossed: "!(region.flags & WRITE) && VM_WRITE"),
 * or through a goto chain after "ret = -EPERM" ending in "return ret"?
 * With cross == 0 no condition may be crossed. Returns the return event, or NULL.
 */
static const struct ir_event *write_rejected(const struct ir_func *f, int start, int other, int cross)
{
	unsigned char *shared = xmalloc((size_t)f->nblocks + 1);
	memset(shared, 0, (size_t)f->nblocks + 1);
	/* blocks reachable from the other edge */
	int *stack = xmalloc(((size_t)f->nblocks + 2) * sizeof(int));
	int sp = 0;
	if (other >= 0 && other < f->nblocks) {
		shared[other] = 1;
		stack[sp++] = other;
	}
	while (sp) {
		const struct ir_block *x = f->blocks[stack[--sp]];
		for (int k = 0; k < x->nsucc; k++)
			if (x->succ[k] >= 0 && x->succ[k] < f->nblocks && !shared[x->succ[k]]) {
				shared[x->succ[k]] = 1;
				stack[sp++] = x->succ[k];
			}
	}
	const struct ir_event *found = NULL;
	struct rwork { int b; const struct ir_path *errv; int hops; } work[32];
	int nw = 0;
	unsigned char *seen = xmalloc((size_t)f->nblocks + 1);
	memset(seen, 0, (size_t)f->nblocks + 1);
	if (start >= 0 && start < f->nblocks)
		work[nw++] = (struct rwork){ start, NULL, 0 };
	while (nw && !found) {
		struct rwork w = work[--nw];
		const struct ir_block *y = f->blocks[w.b];
		if (seen[w.b] || w.hops > 6)
			continue;
		seen[w.b] = 1;
		const struct ir_path *errv = w.errv;
		int stop = 0;
		for (int i = 0; i < y->nev && !stop; i++) {
			const struct ir_event *ev = y->ev[i];
			if (ev->kind == EV_CALL && model_fn_role(ev->model, ROLE_MMAP_EXPORT))
				stop = 1;  /* the mapping goes ahead */
			else if (ev->kind == EV_CALL && !(ev->flags & EVF_RESULT_UNUSED) && !model_fn_role(ev->model, ROLE_PURE) &&
				 !model_fn_role(ev->model, ROLE_COND_WRAPPER))
				stop = 1;  /* real work (an allocation, a lookup): this is the main path */
			else if (ev->kind == EV_ASSIGN && ev->lhs && ev->lhs->kind == PATH_VAR) {
				if (!shared[w.b] && ev->rhs.text && ev->rhs.text[0] == '-')
					errv = ev->lhs;
				else if (errv == ev->lhs)
					errv = NULL;
			} else if (ev->kind == EV_RETURN) {
				if ((!shared[w.b] && ev->rhs.text && ev->rhs.text[0] == '-') ||
				    (errv && ev->rhs.kind == VAL_PATH && ev->rhs.path == errv))
					found = ev;
				stop = 1;
			}
		}
		if (stop || found)
			continue;
		if (shared[w.b] && (!errv || y->term != T_GOTO))
			continue;  /* shared code: only a goto chain towards "return ret" */
		if (y->term == T_BRANCH && (!cross || (y->cond.text && mentions(y->cond.text, "vm_flags"))))
			continue;  /* another VMA flag decides: not a plain write rejection */
		for (int k = 0; k < y->nsucc && nw < 32; k++)
			if (y->succ[k] >= 0 && y->succ[k] < f->nblocks)
				work[nw++] = (struct rwork){ y->succ[k], errv, w.hops + 1 };
	}
	free(shared);
	free(stack);
	free(seen);
	return found;
}

/* (d) rejects VM_WRITE (a read-only export, maybe under a condition) but never clears VM_MAYWRITE */
static void check_readonly(struct mx *c, const struct ir_func *f)
{
	const struct ir_path *vma = entry_vma_param(f);
	if (!vma)
		return;
	for (int b = 0; b < f->nblocks; b++) {
		const struct ir_block *x = f->blocks[b];
		if (x->term != T_BRANCH || x->nsucc < 2 || x->test != COND_NONZERO || !plain_flag_test(x->cond.text))
			continue;
		if (!text_has_class(c, x->cond.text, "vm-flag.write") || text_has_class(c, x->cond.text, "vm-flag.maywrite"))
			continue;
		/* (VM_READ && VM_WRITE): a read-xor-write device, not a read-only export */
		int chained = 0;
		for (int p = 0; p < f->nblocks && !chained; p++) {
			const struct ir_block *q = f->blocks[p];
			if (p == b || q->term != T_BRANCH || !q->cond.text || !mentions(q->cond.text, "vm_flags"))
				continue;
			for (int s2 = 0; s2 < q->nsucc; s2++)
				chained |= q->succ[s2] == b;
		}
		if (chained)
			continue;
		const struct ir_event *ret = write_rejected(f, x->succ[0], x->succ[1], 1);
		if (!ret || write_rejected(f, x->succ[1], x->succ[0], 0))
			continue;  /* no rejection, or "(vm_flags & VM_WRITE) == 0": write is required */
		int cleared = 0;
		int bits = flags_ctx(c, f, vma, &cleared, 0);
		if (cleared || (bits & FL_UNKNOWN))
			return;
		const struct ir_event *at = NULL;
		for (int i = 0; i < x->nev && !at; i++)
			if (x->ev[i]->kind == EV_READ && is_flags_lhs(x->ev[i]->lhs))
				at = x->ev[i];
		if (!at)
			at = ret;
		unit_report(c->u, "mmap-vm-flags", f, at->start, at->end,
			    "the mmap rejects VM_WRITE (a read-only export) but does not clear VM_MAYWRITE, so mprotect(PROT_WRITE) can make the mapping writable later; clear it (vma->vm_flags &= ~VM_MAYWRITE, vm_flags_clear() from 6.3)");
		return;
	}
}

/* ------------------------------------------------------------------ entry */

void check_mmap_attrs(struct unit *u, const struct ir_func *f)
{
	struct mx c = { .u = u, .m = &u->s->model, .budget = EVAL_BUDGET };
	int any = checks_calls_role(f, ROLE_MMAP_EXPORT);
	int flags = checks_calls_role(f, ROLE_VMA_FLAGS_SET);
	for (int b = 0; b < f->nblocks && !flags; b++)
		for (int i = 0; i < f->blocks[b]->nev && !flags; i++)
			flags = f->blocks[b]->ev[i]->kind == EV_ASSIGN && is_flags_lhs(f->blocks[b]->ev[i]->lhs);
	if (flags)
		check_reserved(&c, f);
	if (entry_vma_param(f) || is_entry_kind(&c, f, "mmap"))
		check_readonly(&c, f);
	if (any) {
		int ctx = mmap_context(&c, f);
		for (int i = 0; i < f->ncalls; i++) {
			const struct ir_event *e = f->calls[i];
			const struct model_fn *r = model_fn_role(e->model, ROLE_MMAP_EXPORT);
			if (!r || r->derived)
				continue;
			if (ctx)
				check_retval(&c, f, e, r);
			check_iomem(&c, f, e, r);
			if (r->family && !strcmp(r->family, "vmf") && r->slot.pfn >= 0 && is_entry_kind(&c, f, "fault")) {
				struct prov pv = eval_val(&c, f, arg_at(e, r->slot.pfn), 0);
				if (pv.k == PK_MMIO)
					check_fault_flags(&c, f, e, &pv);
			}
		}
	}
	free(c.ff.v);
	free(c.spcs);
}
