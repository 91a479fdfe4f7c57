/*
 * check_kmap_pairing.c - kmap-pairing (catalogue ADDR-08): the kmap family
 * must be balanced, released with the right argument, in LIFO order, and
 * used in the right context. A small path-sensitive walk over the CFG of
 * one function (the state: live mappings with their address aliases, the
 * atomic-context depth, remembered branch outcomes and flag constants):
 *
 *  (a) kmap(pg) is released by kunmap(pg) (the page), kmap_local_*() and
 *      kmap_atomic*() by kunmap_local(addr) / kunmap_atomic(addr) (the
 *      address), of the same family, on every path to a return;
 *  (b) kmap_local/kmap_atomic mappings are released in reverse order;
 *  (c) no call that may sleep (model role ctx.sleep) while a kmap_atomic
 *      mapping is held;
 *  (d) no kmap() (may sleep) in atomic context: between ctx.atomic-enter
 *      and ctx.atomic-exit calls (spin_lock ...) or under kmap_atomic;
 *  (e) a kmap_local/kmap_atomic address stored in an object (a struct
 *      reached through a pointer, a global) that is still mapped when the
 *      function returns, unless the file releases it through that field
 *      elsewhere (a map/unmap helper pair).
 *
 * API knowledge is data: roles kmap.map / kmap.unmap with family=global|
 * local|atomic, ctx.sleep (gfp= slot: sleeps only with a word of class
 * gfp.sleeping), ctx.atomic-enter / ctx.atomic-exit (rules/models/
 * kmap.rules). Same-file helpers (named *map*) that return a map call's
 * result, or that unmap one of their parameters, count as map / unmap calls
 * (one level).
 *
 * Not handled (false negatives, by design): mappings made or released in
 * other functions, sleeping inside callees, a returned kmap_local/atomic
 * address (a map helper: the caller owns it), mappings kept in arrays
 * filled in loops (no balance or order check), kmap() mappings in a
 * function without kunmap() (released elsewhere by page), addresses handed
 * to code we cannot see, unmaps guarded by a condition we cannot relate to
 * the map (`if (use_sg) kunmap_atomic(buf)`: the skipping path is trusted),
 * more than KM_MAX_MAPS live mappings, paths beyond KM_MAX_STATES per block.
 */
#include "../driver/unit.h"
#include "checks.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define KM_MAX_MAPS 6
#define KM_MAX_ALIAS 4
#define KM_MAX_CONDS 8
#define KM_MAX_VARS 6
#define KM_MAX_STATES 32
#define KM_MAX_STEPS 20000
#define KM_CYCLE_LIMIT 800  /* blocks: above this, every block counts as inside a loop */

enum kfam { FAM_NONE, FAM_GLOBAL, FAM_LOCAL, FAM_ATOMIC };

#define KF_STORED 0x01  /* the address was stored into an object (store) */
#define KF_GONE   0x02  /* returned, or handed to code that may keep it: no longer ours */
#define KF_LOOP   0x04  /* mapped again while still mapped (a loop) */
#define KF_ARRAY  0x08  /* mappings kept in arrays: an indexed alias, or an indexed page whose address is not kept in a scalar */
#define KF_GUARD  0x10  /* a branch skipped an unmap of this mapping: released under a condition we do not follow */
#define KF_MAYBE  0x20  /* the object holding the address went to code we cannot see: may be released there */

struct kmapping {
	const struct ir_event *map;        /* the map call (or map helper call) */
	const struct ir_event *store;      /* first store of the address into an object */
	const struct ir_path *alias[KM_MAX_ALIAS];
	const char *page;                  /* text of the mapped page argument (interned) */
	uint8_t fam, flags, nalias;
	uint8_t pad[5];
};

struct kstate {
	struct kmapping m[KM_MAX_MAPS];    /* in creation order */
	const struct ir_event *atomic_at;  /* outermost ctx.atomic-enter held on this path */
	const char *cond[KM_MAX_CONDS];    /* remembered outcomes of conditions on this path */
	const struct ir_path *var[KM_MAX_VARS]; /* locals holding a known zero / non-zero constant */
	uint8_t cond_val[KM_MAX_CONDS];    /* test << 1 | outcome */
	uint8_t var_val[KM_MAX_VARS];
	uint8_t nm, depth, ncond, nvar;
	uint8_t pad[4];
};

enum kwhat { KW_LEAK, KW_ARG, KW_FAMILY, KW_ORDER, KW_SLEEP, KW_ATOMIC_KMAP, KW_STORE };

struct kreported { uint8_t what; const struct ir_event *a, *b; };

struct kctx {
	struct unit *u;
	const struct ir_func *f;
	const struct model *m;
	int has_global_unmap;              /* the function calls kunmap() (or a helper that does) */
	const char **retested;             /* condition texts tested by more than one branch */
	int nretested;
	const struct ir_path **flags;      /* locals tested directly by a branch: if (mapped) */
	int nflags;
	uint8_t *in_cycle;                 /* per block */
	struct { int block; struct kstate st; } *work;
	int nwork, capwork;
	struct kstate **seen;
	int *nseen;
	struct kreported *rep;
	int nrep, caprep;
	long steps;
};

/* ---------- model and helpers ---------- */

static enum kfam fam_of(const struct model_fn *r)
{
	if (!r || !r->family)
		return FAM_NONE;
	if (!strcmp(r->family, "global"))
		return FAM_GLOBAL;
	if (!strcmp(r->family, "local"))
		return FAM_LOCAL;
	if (!strcmp(r->family, "atomic"))
		return FAM_ATOMIC;
	return FAM_NONE;
}

static const char *unmap_name(enum kfam fam)
{
	return fam == FAM_GLOBAL ? "kunmap" : fam == FAM_LOCAL ? "kunmap_local" : "kunmap_atomic";
}

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static const char *ptext(const struct ir_path *p)
{
	return !p ? "?" : p->text[0] == ':' ? p->text + 2 : p->text;
}

static int word_in(const char *text, const char *w)
{
	size_t n = strlen(w);
	if (!n)
		return 0;
	for (const char *t = strstr(text, w); t; t = strstr(t + 1, w)) {
		int before = t > text && (isalnum((unsigned char)t[-1]) || t[-1] == '_');
		int after = isalnum((unsigned char)t[n]) || t[n] == '_';
		if (!before && !after)
			return 1;
	}
	return 0;
}

/* a same-file function named name; only names with "map" in them are looked up (helpers: foo_kmap_atomic, foo_kunmap) */
static const struct ir_func *unit_func(const struct unit *u, const char *name)
{
	if (!name || !strstr(name, "map"))
		return NULL;
	for (int i = 0; i < u->ir.nfuncs; i++)
		if (u->ir.funcs[i]->name == name)
			return u->ir.funcs[i];
	return NULL;
}

static int param_index(const struct ir_func *f, const struct ir_val *v)
{
	const struct ir_path *p = !v ? NULL : v->kind == VAL_PATH ? v->path : (v->flags & VALF_ARITH) ? v->base : NULL;
	if (!p || p->kind != PATH_VAR || !p->is_param)
		return -1;
	for (int i = 0; i < f->nparams; i++)
		if (f->params[i] == p)
			return i;
	return -1;
}

/* the first kmap.map call of f whose source range lies inside [start, end) */
static const struct ir_event *map_call_within(const struct ir_func *f, uint32_t start, uint32_t end, const struct model_fn **role)
{
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *c = f->calls[i];
		const struct model_fn *r = model_fn_role(c->model, ROLE_KMAP_MAP);
		if (r && c->start >= start && c->end <= end) {
			if (role)
				*role = r;
			return c;
		}
	}
	return NULL;
}

/* does the value v of f contain a map call (v itself, kmap(pg) + off, a cast of it)? */
static const struct ir_event *val_map_call(const struct ir_func *f, const struct ir_val *v, const struct model_fn **role)
{
	if (!v)
		return NULL;
	if (v->kind == VAL_CALL && v->call >= 0 && v->call < f->ncalls) {
		const struct ir_event *c = f->calls[v->call];
		const struct model_fn *r = model_fn_role(c->model, ROLE_KMAP_MAP);
		if (r && role)
			*role = r;
		return r ? c : NULL;
	}
	if (v->kind == VAL_OTHER && v->end > v->start)
		return map_call_within(f, v->start, v->end, role);
	return NULL;
}

/* the family of the map call in a returned value of g (the call itself, or a local assigned only from map calls) */
static enum kfam returned_map(const struct ir_func *g, const struct ir_val *rv)
{
	const struct model_fn *r = NULL;
	if (val_map_call(g, rv, &r))
		return fam_of(r);
	if (rv->kind != VAL_PATH || rv->path->kind != PATH_VAR || !rv->path->is_local)
		return FAM_NONE;
	enum kfam fam = FAM_NONE;
	for (int k = 0; k < g->nblocks; k++)
		for (int i = 0; i < g->blocks[k]->nev; i++) {
			const struct ir_event *e = g->blocks[k]->ev[i];
			if (e->kind != EV_ASSIGN || e->lhs != rv->path)
				continue;
			const struct model_fn *rr = NULL;
			if (val_map_call(g, &e->rhs, &rr))
				fam = fam_of(rr);
			else if (!(e->rhs.flags & VALF_CONST))
				return FAM_NONE;
		}
	return fam;
}

/*
 * A same-file helper (not f itself) whose every non-constant return is the
 * result of a kmap_local/kmap_atomic call (sdhci_kmap_atomic()): its family,
 * or FAM_NONE. kmap() helpers are not followed: their callers release by page.
 */
static enum kfam map_helper(const struct unit *u, const struct ir_func *self, const char *callee)
{
	const struct ir_func *g = unit_func(u, callee);
	if (!g || g == self)
		return FAM_NONE;
	enum kfam fam = FAM_NONE;
	for (int b = 0; b < g->nblocks; b++) {
		const struct ir_block *bl = g->blocks[b];
		if (!bl->nev || bl->ev[bl->nev - 1]->kind != EV_RETURN)
			continue;
		const struct ir_val *rv = &bl->ev[bl->nev - 1]->rhs;
		if (rv->kind == VAL_NONE || (rv->flags & VALF_CONST))
			continue;
		enum kfam f = returned_map(g, rv);
		if (f == FAM_NONE || f == FAM_GLOBAL || (fam != FAM_NONE && f != fam))
			return FAM_NONE;
		fam = f;
	}
	return fam;
}

/* a same-file helper (not f itself) that unmaps one of its parameters: the family, and which argument */
static enum kfam unmap_helper(const struct unit *u, const struct ir_func *self, const char *callee, int *argpos)
{
	const struct ir_func *g = unit_func(u, callee);
	if (!g || g == self)
		return FAM_NONE;
	for (int i = 0; i < g->ncalls; i++) {
		const struct ir_event *c = g->calls[i];
		const struct model_fn *r = model_fn_role(c->model, ROLE_KMAP_UNMAP);
		if (!r)
			continue;
		enum kfam fam = fam_of(r);
		int k = param_index(g, arg_at(c, fam == FAM_GLOBAL ? r->slot.buf : r->slot.addr));
		if (k >= 0) {
			*argpos = k;
			return fam;
		}
	}
	return FAM_NONE;
}

/* the path an unmap argument names: p, p - off, (void *)p */
static const struct ir_path *val_path(const struct ir_val *v)
{
	if (!v)
		return NULL;
	if (v->kind == VAL_PATH)
		return v->path;
	if (v->kind == VAL_OTHER && (v->flags & VALF_ARITH))
		return v->base;
	return NULL;
}

/* is a store into p a store into an object that outlives the function (not a local or a local array)? */
static int is_object(const struct ir_func *f, const struct ir_path *p)
{
	if (!p || !p->root)
		return 0;
	if (!p->root->is_local)
		return 1;
	for (const struct ir_path *q = p; q && q->parent; q = q->parent) {
		if (q->kind == PATH_ARROW || q->kind == PATH_DEREF)
			return 1;
		if (q->kind == PATH_INDEX && q->parent->kind == PATH_VAR) {
			const char *t = NULL;
			for (int i = 0; i < f->nlocals; i++)
				if (f->locals[i].var == q->parent)
					t = f->locals[i].type;
			if (!t || !strchr(t, '['))
				return 1;  /* indexing through a pointer */
		}
	}
	return 0;
}

static int has_index(const struct ir_path *p)
{
	for (const struct ir_path *q = p; q; q = q->parent)
		if (q->kind == PATH_INDEX || (q->name && strchr(q->name, '[')))
			return 1;
	return 0;
}

/* does any function of the file release a mapping through a path ending in field `name` (pt->v, seg->sg_mapped)? */
static int field_released(const struct unit *u, const char *name)
{
	if (!name)
		return 0;
	for (int fi = 0; fi < u->ir.nfuncs; fi++) {
		const struct ir_func *g = u->ir.funcs[fi];
		for (int i = 0; i < g->ncalls; i++) {
			const struct ir_event *c = g->calls[i];
			const struct model_fn *r = model_fn_role(c->model, ROLE_KMAP_UNMAP);
			if (!r || fam_of(r) == FAM_GLOBAL)
				continue;
			const struct ir_path *p = val_path(arg_at(c, r->slot.addr));
			if (p && p->kind != PATH_VAR && p->name && !strcmp(p->name, name))
				return 1;
		}
	}
	return 0;
}

/* ---------- reporting ---------- */

static int first_report(struct kctx *c, enum kwhat w, const struct ir_event *a, const struct ir_event *b)
{
	for (int i = 0; i < c->nrep; i++)
		if (c->rep[i].what == w && c->rep[i].a == a && c->rep[i].b == b)
			return 0;
	if (c->nrep == c->caprep) {
		c->caprep = c->caprep ? c->caprep * 2 : 16;
		c->rep = xrealloc(c->rep, (size_t)c->caprep * sizeof(*c->rep));
	}
	c->rep[c->nrep++] = (struct kreported){ (uint8_t)w, a, b };
	return 1;
}

static const char *map_name(const struct kmapping *k)
{
	return k->map && k->map->callee ? k->map->callee : "kmap";
}

static const char *alias_name(const struct kmapping *k)
{
	return k->nalias ? ptext(k->alias[0]) : NULL;
}

/* ---------- state ---------- */

static void drop_map(struct kstate *s, int i)
{
	if (i < 0 || i >= s->nm)
		return;
	memmove(&s->m[i], &s->m[i + 1], (size_t)(s->nm - i - 1) * sizeof(s->m[0]));
	s->nm--;
	memset(&s->m[s->nm], 0, sizeof(s->m[0]));
}

static int find_alias(const struct kstate *s, const struct ir_path *p)
{
	if (!p)
		return -1;
	for (int i = s->nm - 1; i >= 0; i--)
		for (int k = 0; k < s->m[i].nalias; k++)
			if (s->m[i].alias[k] == p)
				return i;
	return -1;
}

static int find_page(const struct kstate *s, const struct ir_val *v)
{
	if (!v || !v->text)
		return -1;
	for (int i = s->nm - 1; i >= 0; i--)
		if (s->m[i].page && s->m[i].page == v->text)
			return i;
	return -1;
}

static int find_map_event(const struct kstate *s, const struct ir_event *e)
{
	for (int i = 0; e && i < s->nm; i++)
		if (s->m[i].map == e)
			return i;
	return -1;
}

static void add_alias(struct kmapping *k, const struct ir_path *p)
{
	for (int i = 0; i < k->nalias; i++)
		if (k->alias[i] == p)
			return;
	if (k->nalias < KM_MAX_ALIAS)
		k->alias[k->nalias++] = p;
	else
		k->alias[KM_MAX_ALIAS - 1] = p;
	if (has_index(p))
		k->flags |= KF_ARRAY;
}

/* p is overwritten: it no longer holds any mapping's address (nor do paths below it) */
static void kill_alias(struct kstate *s, const struct ir_path *p)
{
	for (int i = 0; i < s->nm; i++) {
		struct kmapping *k = &s->m[i];
		for (int a = 0; a < k->nalias; a++)
			if (ir_path_has_prefix(k->alias[a], p)) {
				k->alias[a] = k->alias[--k->nalias];
				k->alias[k->nalias] = NULL;
				a--;
			}
	}
}

/* conditions remembered on this path that mention p no longer hold once p changes */
static void forget_conds(struct kstate *s, const struct ir_path *p)
{
	const char *name = ptext(p);
	for (int i = 0; i < s->ncond; i++) {
		if (!word_in(s->cond[i], name))
			continue;
		s->ncond--;
		s->cond[i] = s->cond[s->ncond];
		s->cond_val[i] = s->cond_val[s->ncond];
		s->cond[s->ncond] = NULL;
		s->cond_val[s->ncond] = 0;
		i--;
	}
}

static int var_slot(const struct kstate *s, const struct ir_path *p)
{
	for (int i = 0; i < s->nvar; i++)
		if (s->var[i] == p)
			return i;
	return -1;
}

static void set_var(struct kstate *s, const struct ir_path *p, int val)
{
	int i = var_slot(s, p);
	if (val < 0) {
		if (i >= 0) {
			s->nvar--;
			s->var[i] = s->var[s->nvar];
			s->var_val[i] = s->var_val[s->nvar];
			s->var[s->nvar] = NULL;
			s->var_val[s->nvar] = 0;
		}
		return;
	}
	if (i < 0) {
		if (s->nvar == KM_MAX_VARS)
			return;
		i = s->nvar++;
		s->var[i] = p;
	}
	s->var_val[i] = (uint8_t)val;
}

static int atomic_live(const struct kstate *s)
{
	for (int i = 0; i < s->nm; i++)
		if (s->m[i].fam == FAM_ATOMIC && !(s->m[i].flags & KF_ARRAY))
			return i;
	return -1;
}

/* ---------- events ---------- */

static void on_map(struct kctx *c, struct kstate *s, const struct ir_event *e, enum kfam fam, const struct ir_val *page)
{
	if (fam == FAM_GLOBAL) {
		int a = atomic_live(s);
		if ((s->depth || a >= 0) && first_report(c, KW_ATOMIC_KMAP, e, NULL)) {
			const struct ir_event *why = a >= 0 ? s->m[a].map : s->atomic_at;
			struct dmc_finding *fd = unit_report(c->u, "kmap-pairing", c->f, e->start, e->end,
				"%s() may sleep but is called in atomic context (%s held); use kmap_local_page(), or map before entering the atomic section",
				e->callee ? e->callee : "kmap", a >= 0 ? "a kmap_atomic() mapping is" : "a lock or disabled interrupts/preemption are");
			if (why)
				unit_note(c->u, fd, why->start, "atomic context entered here by %s()", why->callee ? why->callee : "?");
		}
	}
	int i = find_map_event(s, e);
	uint8_t flags = 0;
	if (i >= 0) {
		flags = KF_LOOP | (s->m[i].flags & KF_ARRAY);
		drop_map(s, i);
	}
	if (s->nm == KM_MAX_MAPS)
		return;  /* too many: not tracked (a false negative, never a false positive) */
	struct kmapping *k = &s->m[s->nm++];
	memset(k, 0, sizeof(*k));
	k->map = e;
	k->fam = (uint8_t)fam;
	k->flags = flags;
	if (page) {
		k->page = page->text;
		if (page->kind == VAL_PATH && has_index(page->path))
			k->flags |= KF_ARRAY;
		if (page->text && strchr(page->text, '['))
			k->flags |= KF_ARRAY;
	}
}

static void release(struct kctx *c, struct kstate *s, const struct ir_event *e, enum kfam fam, const struct ir_val *v, int checks)
{
	const struct ir_path *p = val_path(v);
	int i = find_alias(s, p);
	int by_page = 0;
	if (i < 0 && (i = find_page(s, v)) >= 0)
		by_page = 1;
	if (i < 0) {
		/* not a mapping we know by name: assume it releases the newest one of its kind */
		for (int k = s->nm - 1; k >= 0 && i < 0; k--)
			if ((fam == FAM_GLOBAL) == (s->m[k].fam == FAM_GLOBAL))
				i = k;
		if (i >= 0)
			drop_map(s, i);
		return;
	}
	struct kmapping *k = &s->m[i];
	const char *un = e->callee ? e->callee : unmap_name(fam);
	const char *what = v && v->text ? v->text : ptext(p);
	if (checks && fam == FAM_GLOBAL && k->fam == FAM_GLOBAL && !by_page) {
		if (first_report(c, KW_ARG, e, NULL)) {
			struct dmc_finding *fd = unit_report(c->u, "kmap-pairing", c->f, e->start, e->end,
				"%s() takes the struct page *, but '%s' is the address returned by %s(); pass the page that was mapped",
				un, what, map_name(k));
			unit_note(c->u, fd, k->map->start, "mapped here");
		}
	} else if (checks && fam != FAM_GLOBAL && by_page) {
		if (first_report(c, KW_ARG, e, NULL)) {
			struct dmc_finding *fd = unit_report(c->u, "kmap-pairing", c->f, e->start, e->end,
				"%s() takes the address returned by %s(), not the page '%s'", un, map_name(k), what);
			unit_note(c->u, fd, k->map->start, "mapped here");
		}
	} else if (checks && k->fam != fam) {
		if (first_report(c, KW_FAMILY, e, NULL)) {
			struct dmc_finding *fd = unit_report(c->u, "kmap-pairing", c->f, e->start, e->end,
				"'%s' was mapped with %s() but is released with %s(); use %s(%s)",
				alias_name(k) ? alias_name(k) : what, map_name(k), un, unmap_name((enum kfam)k->fam),
				k->fam == FAM_GLOBAL ? (k->page ? k->page : "page") : (alias_name(k) ? alias_name(k) : "addr"));
			unit_note(c->u, fd, k->map->start, "mapped here");
		}
	}
	/* LIFO: a kmap_local/kmap_atomic mapping made later must be released first */
	if (checks && k->fam != FAM_GLOBAL && fam != FAM_GLOBAL && !(k->flags & (KF_ARRAY | KF_LOOP | KF_MAYBE)))
		for (int j = s->nm - 1; j > i; j--) {
			const struct kmapping *n = &s->m[j];
			if (n->fam == FAM_GLOBAL || (n->flags & (KF_ARRAY | KF_LOOP | KF_MAYBE)))
				continue;
			if (first_report(c, KW_ORDER, e, NULL)) {
				struct dmc_finding *fd = unit_report(c->u, "kmap-pairing", c->f, e->start, e->end,
					"%s() releases '%s' while '%s', mapped after it, is still mapped: kmap_local/kmap_atomic mappings must be released in reverse order",
					un, alias_name(k) ? alias_name(k) : "the first mapping",
					alias_name(n) ? alias_name(n) : "a later mapping");
				unit_note(c->u, fd, n->map->start, "the later mapping, to be released first");
			}
			break;
		}
	drop_map(s, i);
}

static void on_call(struct kctx *c, struct kstate *s, const struct ir_event *e)
{
	int kmap_role = 0;
	for (const struct model_fn *r = e->model; r; r = r->next) {
		if (r->derived)
			continue;
		switch (r->role) {
		case ROLE_KMAP_MAP:
			kmap_role = 1;
			on_map(c, s, e, fam_of(r), arg_at(e, r->slot.buf));
			break;
		case ROLE_KMAP_UNMAP: {
			kmap_role = 1;
			enum kfam fam = fam_of(r);
			release(c, s, e, fam, arg_at(e, fam == FAM_GLOBAL ? r->slot.buf : r->slot.addr), 1);
			break;
		}
		case ROLE_CTX_ATOMIC_ENTER:
			if (!s->depth)
				s->atomic_at = e;
			if (s->depth < 15)
				s->depth++;
			break;
		case ROLE_CTX_ATOMIC_EXIT:
			if (s->depth)
				s->depth--;
			if (!s->depth)
				s->atomic_at = NULL;
			break;
		case ROLE_CTX_SLEEP: {
			int a = atomic_live(s);
			if (a < 0)
				break;
			if (r->slot.gfp >= 0) {
				const struct ir_val *g = arg_at(e, r->slot.gfp);
				int sleeps = 0;
				for (const char *t = g ? g->text : NULL; t && *t && !sleeps;) {
					while (*t && !(isalnum((unsigned char)*t) || *t == '_'))
						t++;
					const char *w = t;
					while (*t && (isalnum((unsigned char)*t) || *t == '_'))
						t++;
					const char *cls = t > w ? model_word_class(c->m, w, (size_t)(t - w)) : NULL;
					sleeps = cls && !strcmp(cls, "gfp.sleeping");
				}
				if (!sleeps)
					break;
			}
			if (first_report(c, KW_SLEEP, e, NULL)) {
				const struct kmapping *k = &s->m[a];
				struct dmc_finding *fd = unit_report(c->u, "kmap-pairing", c->f, e->start, e->end,
					"%s() may sleep while the %s() mapping%s%s%s is held: preemption and page faults are disabled until %s(); use kmap_local_page(), or move the call out of the mapped section",
					e->callee, map_name(k), alias_name(k) ? " '" : "", alias_name(k) ? alias_name(k) : "",
					alias_name(k) ? "'" : "", unmap_name(FAM_ATOMIC));
				unit_note(c->u, fd, k->map->start, "mapped here");
			}
			break;
		}
		default:
			break;
		}
	}
	if (kmap_role || !e->callee)
		return;
	/* same-file helpers: foo_kmap_atomic(sg) / foo_kunmap_atomic(buf) */
	if (!e->model || e->model->derived) {
		enum kfam fam = map_helper(c->u, c->f, e->callee);
		if (fam != FAM_NONE) {
			on_map(c, s, e, fam, NULL);
			return;
		}
		int k = -1;
		fam = unmap_helper(c->u, c->f, e->callee, &k);
		if (fam != FAM_NONE) {
			release(c, s, e, fam, arg_at(e, k), 0);
			return;
		}
	}
	/* the object holding an address handed to other code: foo_unmap(f) with f->vaddr mapped */
	for (int a = 0; a < e->nargs; a++) {
		const struct ir_val *v = &e->args[a];
		const struct ir_path *p = v->kind == VAL_PATH || v->kind == VAL_ADDR ? v->path : val_path(v);
		for (int i = s->nm - 1; p && i >= 0; i--) {
			int holds = 0;
			for (int k = 0; k < s->m[i].nalias && !holds; k++)
				holds = s->m[i].alias[k] != p && ir_path_has_prefix(s->m[i].alias[k], p);
			if (!holds)
				continue;
			const struct ir_func *g = NULL;
			for (int fi = 0; fi < c->u->ir.nfuncs && !g; fi++)
				if (c->u->ir.funcs[fi]->name == e->callee)
					g = c->u->ir.funcs[fi];
			if (g && g != c->f && checks_calls_role(g, ROLE_KMAP_UNMAP))
				drop_map(s, i);  /* a same-file helper that unmaps: assume it releases this one */
			else if (!g && !e->model)
				s->m[i].flags |= KF_MAYBE;
		}
	}
	/* the address handed to other code */
	for (int a = 0; a < e->nargs; a++) {
		const struct ir_val *v = &e->args[a];
		if (!e->model && v->kind == VAL_CALL && v->call >= 0 && v->call < c->f->ncalls) {
			/* iosys_map_set_vaddr(map, kmap_local_page(pg)): the callee keeps the only copy of the address */
			int m = find_map_event(s, c->f->calls[v->call]);
			if (m >= 0)
				s->m[m].flags |= KF_GONE;
			continue;
		}
		int i = find_alias(s, val_path(v));
		if (i < 0)
			continue;
		const char *n = e->callee;
		if (strstr(n, "unmap")) {
			drop_map(s, i);  /* a release we do not know */
			continue;
		}
		if (s->m[i].fam == FAM_GLOBAL && (!e->model || e->model->derived))
			s->m[i].flags |= KF_GONE;  /* kmap() addresses may be kept by the callee */
	}
}

static int is_flag(const struct kctx *c, const struct ir_path *p)
{
	for (int i = 0; i < c->nflags; i++)
		if (c->flags[i] == p)
			return 1;
	return 0;
}

static void on_assign(struct kctx *c, struct kstate *s, const struct ir_event *e)
{
	const struct ir_path *lhs = e->lhs;
	int i = -1;
	const struct ir_event *mc = val_map_call(c->f, &e->rhs, NULL);
	if (mc)
		i = find_map_event(s, mc);
	else if (e->rhs.kind == VAL_CALL && e->rhs.call >= 0 && e->rhs.call < c->f->ncalls)
		i = find_map_event(s, c->f->calls[e->rhs.call]);  /* a map helper */
	else
		i = find_alias(s, val_path(&e->rhs));
	if (i < 0 && (!lhs || is_object(c->f, lhs)) && e->rhs.text) {
		/* the address converted on its way into an object: cache->vaddr = flags | (unsigned long)vaddr */
		for (int k = 0; k < s->nm; k++)
			for (int a = 0; a < s->m[k].nalias; a++)
				if (word_in(e->rhs.text, ptext(s->m[k].alias[a])))
					s->m[k].flags |= KF_GONE;
	}
	if (!lhs) {
		if (i >= 0)
			s->m[i].flags |= KF_GONE;  /* *out++ = vaddr + off: stored where we cannot see */
		return;
	}
	int plain = e->op && e->op[0] == '=' && !e->op[1];
	forget_conds(s, lhs);
	if (!plain) {
		if (lhs->kind == PATH_VAR)
			set_var(s, lhs, -1);
		return;  /* p += off: still inside the mapping */
	}
	kill_alias(s, lhs);
	if (lhs->kind == PATH_VAR && lhs->is_local && is_flag(c, lhs)) {
		int val = -1;
		const char *t = e->rhs.text;
		if (i >= 0)
			val = 1;
		else if (e->rhs.kind == VAL_INT)
			val = e->rhs.ival != 0;
		else if (t && (!strcmp(t, "NULL") || !strcmp(t, "false")))
			val = 0;
		else if (t && !strcmp(t, "true"))
			val = 1;
		set_var(s, lhs, val);
	}
	if (i < 0)
		return;
	struct kmapping *k = &s->m[i];
	/* va = kmap_local_page(pages[i]): one page at a time, not an array of mappings */
	if (!k->nalias && lhs->kind == PATH_VAR && lhs->is_local && (k->flags & KF_ARRAY))
		k->flags &= (uint8_t)~KF_ARRAY;
	add_alias(k, lhs);
	if (is_object(c->f, lhs)) {
		if (k->fam == FAM_GLOBAL)
			k->flags |= KF_GONE;  /* a long-lived kmap() kept in an object */
		else if (!k->store) {
			k->store = e;
			k->flags |= KF_STORED;
		}
	}
}

static void on_return(struct kctx *c, struct kstate *s, const struct ir_event *e)
{
	int i = -1;
	const struct ir_event *mc = val_map_call(c->f, &e->rhs, NULL);
	if (mc)
		i = find_map_event(s, mc);
	else if (e->rhs.kind == VAL_CALL && e->rhs.call >= 0 && e->rhs.call < c->f->ncalls)
		i = find_map_event(s, c->f->calls[e->rhs.call]);
	else
		i = find_alias(s, val_path(&e->rhs));
	if (i >= 0)
		s->m[i].flags |= KF_GONE;  /* a map helper: the caller releases it */
	if (c->f->partial)
		return;
	for (int k = 0; k < s->nm; k++) {
		const struct kmapping *m = &s->m[k];
		if (m->flags & (KF_GONE | KF_ARRAY | KF_GUARD | KF_MAYBE))
			continue;
		if (m->fam == FAM_GLOBAL && !c->has_global_unmap)
			continue;  /* kmap() without kunmap() here: released elsewhere, by page */
		if (m->flags & KF_STORED) {
			const struct ir_path *to = m->store->lhs;
			if (field_released(c->u, to->kind != PATH_VAR ? to->name : NULL))
				continue;  /* a map/unmap helper pair: released through that field elsewhere */
			if (first_report(c, KW_STORE, m->store, NULL)) {
				struct dmc_finding *fd = unit_report(c->u, "kmap-pairing", c->f, m->store->start, m->store->end,
					"the %s() address is stored in '%s' and still mapped when the function returns: kmap_local/kmap_atomic addresses are valid only in the context that mapped them; unmap before returning, or use kmap()/vmap() for a long-lived mapping",
					map_name(m), ptext(to));
				unit_note(c->u, fd, m->map->start, "mapped here");
				unit_note(c->u, fd, e->start, "returns here with the mapping held");
			}
			continue;
		}
		if (first_report(c, KW_LEAK, m->map, e)) {
			struct dmc_finding *fd = unit_report(c->u, "kmap-pairing", c->f, e->start, e->end,
				"the %s() mapping%s%s%s is not released on this path: call %s(%s) before returning",
				map_name(m), alias_name(m) ? " '" : "", alias_name(m) ? alias_name(m) : "", alias_name(m) ? "'" : "",
				unmap_name((enum kfam)m->fam),
				m->fam == FAM_GLOBAL ? (m->page ? m->page : "page") : (alias_name(m) ? alias_name(m) : "addr"));
			unit_note(c->u, fd, m->map->start, "mapped here");
		}
	}
}

static void run_event(struct kctx *c, struct kstate *s, const struct ir_event *e)
{
	switch (e->kind) {
	case EV_CALL:
		on_call(c, s, e);
		break;
	case EV_ASSIGN:
		on_assign(c, s, e);
		break;
	case EV_RETURN:
		on_return(c, s, e);
		break;
	default:
		break;
	}
}

/* ---------- the walk ---------- */

static void push(struct kctx *c, int block, const struct kstate *s)
{
	if (c->nwork == c->capwork) {
		c->capwork = c->capwork ? c->capwork * 2 : 32;
		c->work = xrealloc(c->work, (size_t)c->capwork * sizeof(*c->work));
	}
	c->work[c->nwork].block = block;
	memcpy(&c->work[c->nwork].st, s, sizeof(*s));
	c->nwork++;
}

static int seen_before(struct kctx *c, int block, const struct kstate *s)
{
	if (!c->seen[block])
		c->seen[block] = xmalloc(KM_MAX_STATES * sizeof(struct kstate));
	struct kstate *row = c->seen[block];
	for (int i = 0; i < c->nseen[block]; i++)
		if (memcmp(&row[i], s, sizeof(*s)) == 0)
			return 1;
	if (c->nseen[block] >= KM_MAX_STATES)
		return 1;  /* too many paths: drop (a false negative, never a false positive) */
	memcpy(&row[c->nseen[block]++], s, sizeof(*s));
	return 0;
}

/* blocks that can reach themselves: a condition with a call there may change between visits */
static void find_cycles(struct kctx *c)
{
	int n = c->f->nblocks;
	c->in_cycle = xcalloc((size_t)n, 1);
	if (n > KM_CYCLE_LIMIT) {
		memset(c->in_cycle, 1, (size_t)n);
		return;
	}
	uint8_t *mark = xmalloc((size_t)n);
	int *stack = xmalloc((size_t)(n + 1) * sizeof(int) * 4);
	for (int b = 0; b < n; b++) {
		memset(mark, 0, (size_t)n);
		int sp = 0;
		const struct ir_block *bl = c->f->blocks[b];
		for (int k = 0; k < bl->nsucc; k++)
			if (bl->succ[k] >= 0 && bl->succ[k] < n && !mark[bl->succ[k]]) {
				mark[bl->succ[k]] = 1;
				stack[sp++] = bl->succ[k];
			}
		while (sp && !c->in_cycle[b]) {
			int x = stack[--sp];
			if (x == b) {
				c->in_cycle[b] = 1;
				break;
			}
			const struct ir_block *xb = c->f->blocks[x];
			for (int k = 0; k < xb->nsucc; k++) {
				int y = xb->succ[k];
				if (y >= 0 && y < n && !mark[y]) {
					mark[y] = 1;
					stack[sp++] = y;
				}
			}
		}
	}
	free(mark);
	free(stack);
}

/* the value a branch really tests: unlikely(x) tests x */
static const struct ir_val *cond_val(const struct kctx *c, const struct ir_val *v)
{
	for (int d = 0; v && d < 4 && v->kind == VAL_CALL && v->call >= 0 && v->call < c->f->ncalls; d++) {
		const struct ir_event *e = c->f->calls[v->call];
		const struct model_fn *w = model_fn_role(e->model, ROLE_COND_WRAPPER);
		if (!w)
			break;
		v = arg_at(e, w->slot.val);
	}
	return v;
}

/* what the branch outcome is known to be on this path: 1 (true), 0 (false), -1 (either); *memo: slot to record */
static int branch_known(struct kctx *c, struct kstate *s, const struct ir_block *b, int bi, int *memo)
{
	*memo = -1;
	const struct ir_val *v = cond_val(c, &b->cond);
	if (v && v->kind == VAL_PATH && b->test == COND_NONZERO) {
		if (find_alias(s, v->path) >= 0)
			return 1;  /* a mapping address is never NULL */
		int k = var_slot(s, v->path);
		if (k >= 0)
			return s->var_val[k];
	}
	const char *t = b->cond.text;
	if (!t || b->test == COND_OPAQUE)
		return -1;
	if (strchr(t, '(') && c->in_cycle[bi])
		return -1;  /* while (next(it)): a call in a loop condition may change */
	if (strstr(t, "++") || strstr(t, "--") || strchr(t, '='))
		if (!strstr(t, "==") && !strstr(t, "!=") && !strstr(t, "<=") && !strstr(t, ">="))
			return -1;  /* side effects */
	int again = 0;
	for (int i = 0; i < c->nretested && !again; i++)
		again = c->retested[i] == t;
	if (!again)
		return -1;  /* tested once: nothing to correlate */
	for (int i = 0; i < s->ncond; i++)
		if (s->cond[i] == t && (s->cond_val[i] >> 1) == b->test)
			return s->cond_val[i] & 1;
	if (s->ncond == KM_MAX_CONDS) {  /* forget the oldest */
		memmove(s->cond, s->cond + 1, (KM_MAX_CONDS - 1) * sizeof(*s->cond));
		memmove(s->cond_val, s->cond_val + 1, KM_MAX_CONDS - 1);
		s->ncond--;
		s->cond[s->ncond] = NULL;
		s->cond_val[s->ncond] = 0;
	}
	*memo = s->ncond;
	return -1;
}

/* the mapping an unmap call (or unmap helper call) e releases by name in state s, or -1 */
static int unmap_target(struct kctx *c, const struct kstate *s, const struct ir_event *e)
{
	const struct model_fn *r = model_fn_role(e->model, ROLE_KMAP_UNMAP);
	const struct ir_val *v = NULL;
	if (r && !r->derived) {
		v = arg_at(e, fam_of(r) == FAM_GLOBAL ? r->slot.buf : r->slot.addr);
	} else if (e->callee && (!e->model || e->model->derived)) {
		int k = -1;
		if (unmap_helper(c->u, c->f, e->callee, &k) != FAM_NONE)
			v = arg_at(e, k);
	}
	if (!v)
		return -1;
	int i = find_alias(s, val_path(v));
	return i >= 0 ? i : find_page(s, v);
}

/*
 * `if (c) kunmap(...);` with no else: bit i is set when mapping i is
 * released by name in block b (or the blocks it falls through to with
 * goto) and that chain joins the other edge `other` (through empty goto
 * blocks). A branch that returns early or has its own work is not a guard.
 */
static unsigned guarded_unmaps(struct kctx *c, const struct kstate *s, int b, int other)
{
	int join[5], nj = 0;
	for (int x = other; nj < 5 && x >= 0 && x < c->f->nblocks;) {
		join[nj++] = x;
		const struct ir_block *xb = c->f->blocks[x];
		if (xb->nev || xb->term != T_GOTO || xb->nsucc != 1)
			break;
		x = xb->succ[0];
	}
	unsigned set = 0;
	for (int hop = 0; hop < 4 && b >= 0 && b < c->f->nblocks; hop++) {
		for (int j = 0; j < nj; j++)
			if (join[j] == b)
				return set;
		const struct ir_block *bl = c->f->blocks[b];
		for (int i = 0; i < bl->nev; i++) {
			const struct ir_event *e = bl->ev[i];
			int k = e->kind == EV_CALL ? unmap_target(c, s, e) : -1;
			if (k >= 0)
				set |= 1u << k;
		}
		if (bl->term != T_GOTO || bl->nsucc != 1)
			break;
		b = bl->succ[0];
	}
	return 0;
}

static int uses_kmap(const struct unit *u, const struct ir_func *f)
{
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		if (model_fn_role(e->model, ROLE_KMAP_MAP) || model_fn_role(e->model, ROLE_KMAP_UNMAP))
			return 1;
	}
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		int k;
		if (e->callee && (!e->model || e->model->derived) &&
		    (map_helper(u, f, e->callee) != FAM_NONE || unmap_helper(u, f, e->callee, &k) != FAM_NONE))
			return 1;
	}
	return 0;
}

void check_kmap_pairing(struct unit *u, const struct ir_func *f)
{
	if (!f->nblocks || !uses_kmap(u, f))
		return;
	struct kctx c = { .u = u, .f = f, .m = &u->s->model };
	for (int i = 0; i < f->ncalls && !c.has_global_unmap; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *r = model_fn_role(e->model, ROLE_KMAP_UNMAP);
		int k;
		c.has_global_unmap = r ? fam_of(r) == FAM_GLOBAL
			: e->callee && (!e->model || e->model->derived) && unmap_helper(u, f, e->callee, &k) == FAM_GLOBAL;
	}
	find_cycles(&c);
	/* which conditions are tested twice, which locals are tested as flags: only those are remembered */
	for (int i = 0; i < f->nblocks; i++) {
		const struct ir_block *b = f->blocks[i];
		if (b->term != T_BRANCH)
			continue;
		const struct ir_val *v = cond_val(&c, &b->cond);
		if (v && v->kind == VAL_PATH && v->path->kind == PATH_VAR && v->path->is_local && !is_flag(&c, v->path)) {
			c.flags = xrealloc(c.flags, (size_t)(c.nflags + 1) * sizeof(*c.flags));
			c.flags[c.nflags++] = v->path;
		}
		int dup = 0, known = 0;
		for (int k = 0; k < f->nblocks && b->cond.text; k++)
			if (k != i && f->blocks[k]->term == T_BRANCH && f->blocks[k]->cond.text == b->cond.text)
				dup = 1;
		for (int k = 0; k < c.nretested; k++)
			known |= c.retested[k] == b->cond.text;
		if (dup && !known) {
			c.retested = xrealloc(c.retested, (size_t)(c.nretested + 1) * sizeof(*c.retested));
			c.retested[c.nretested++] = b->cond.text;
		}
	}
	c.seen = xcalloc((size_t)f->nblocks, sizeof(*c.seen));
	c.nseen = xcalloc((size_t)f->nblocks, sizeof(int));
	struct kstate init;
	memset(&init, 0, sizeof(init));
	push(&c, 0, &init);
	struct kstate s, st, sf;
	while (c.nwork && c.steps++ < KM_MAX_STEPS) {
		c.nwork--;
		int bi = c.work[c.nwork].block;
		memcpy(&s, &c.work[c.nwork].st, sizeof(s));
		if (bi < 0 || bi >= f->nblocks || seen_before(&c, bi, &s))
			continue;
		const struct ir_block *b = f->blocks[bi];
		for (int i = 0; i < b->nev; i++)
			run_event(&c, &s, b->ev[i]);
		if (b->term == T_BRANCH && b->nsucc == 2) {
			int memo;
			int known = branch_known(&c, &s, b, bi, &memo);
			memcpy(&st, &s, sizeof(s));
			memcpy(&sf, &s, sizeof(s));
			if (memo >= 0) {
				st.cond[memo] = sf.cond[memo] = b->cond.text;
				st.cond_val[memo] = (uint8_t)(b->test << 1 | 1);
				sf.cond_val[memo] = (uint8_t)(b->test << 1);
				st.ncond = sf.ncond = (uint8_t)(memo + 1);
			}
			if (known < 0) {
				/* if (mapped) kunmap(...): the edge that skips the unmap */
				unsigned gt = guarded_unmaps(&c, &s, b->succ[0], b->succ[1]);
				unsigned gf = guarded_unmaps(&c, &s, b->succ[1], b->succ[0]);
				for (int k = 0; k < s.nm; k++) {
					if ((gt & ~gf) & (1u << k))
						sf.m[k].flags |= KF_GUARD;
					if ((gf & ~gt) & (1u << k))
						st.m[k].flags |= KF_GUARD;
				}
			}
			if (known != 0)
				push(&c, b->succ[0], &st);
			if (known != 1)
				push(&c, b->succ[1], &sf);
		} else {
			for (int k = 0; k < b->nsucc; k++)
				push(&c, b->succ[k], &s);
		}
	}
	free(c.work);
	for (int i = 0; i < f->nblocks; i++)
		free(c.seen[i]);
	free(c.seen);
	free(c.nseen);
	free(c.in_cycle);
	free(c.rep);
	free(c.retested);
	free(c.flags);
}
