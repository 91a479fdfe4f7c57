/*
 * check_dma_pool.c - dma-pool-protocol (DMAC-04): the dma_pool life cycle.
 *
 * Roles: pool.create (dma_pool_create, dmam_pool_create with family=managed),
 * pool.destroy, coherent.alloc/coherent.free with family=pool (obj= is the
 * pool). Pools, blocks and handles are named by where they are kept: a
 * "place" is a path normalised to its root's struct type and field steps
 * ("struct foo_chan.desc_pool", "struct foo_desc.hw[].virt"), or a global.
 * A local copied once from a path stands for that path.
 *
 * Reported (see rules/docs/dma-pool-protocol.md):
 *  (a) a pool used or destroyed after dma_pool_destroy() on every path to
 *      the call, in one function; a dma_pool_create() result never tested
 *      for NULL; a dma_pool_alloc() result used without a NULL test;
 *  (b) dma_pool_free() to another pool than the block's, or with another
 *      handle: in one function (locals), or across the file (places: every
 *      allocation kept in that place came from one pool, with its handle in
 *      one place);
 *  (c) dma_pool_destroy() while a block allocated from that pool and held in
 *      a local is still outstanding (analysis/cohlocal.c);
 *  (e) a literal-size write into a block larger than the pool's literal
 *      block size;
 *  (f) dma_pool_destroy() of a dmam_pool_create() pool.
 * Not reported: (d) the pool's device, blocks of page size or more (legal,
 * used for alignment), anything reached through helpers in other files.
 */
#include "../driver/unit.h"
#include "../analysis/cohlocal.h"
#include "checks.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULE "dma-pool-protocol"
#define MAX_KEYS 32

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static int is_local_var(const struct ir_path *p)
{
	return p && p->kind == PATH_VAR && p->is_local;
}

static const struct model_fn *pool_alloc(const struct ir_event *e)
{
	const struct model_fn *a = e ? model_fn_role(e->model, ROLE_COHERENT_ALLOC) : NULL;
	return a && !a->derived && a->family && !strcmp(a->family, "pool") ? a : NULL;
}

static const struct model_fn *pool_free(const struct ir_event *e)
{
	const struct model_fn *a = e ? model_fn_role(e->model, ROLE_COHERENT_FREE) : NULL;
	return a && !a->derived && a->family && !strcmp(a->family, "pool") ? a : NULL;
}

/* the only plain assignment to local v in f, or NULL (none, several, or &v taken) */
static const struct ir_event *single_def(const struct ir_func *f, const struct ir_path *v)
{
	const struct ir_event *def = NULL;
	int n = 0;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if ((e->kind == EV_ASSIGN || e->kind == EV_ADDR) && e->lhs == v) {
				n++;
				def = e;
			}
		}
	return n == 1 && def->kind == EV_ASSIGN && !strcmp(def->op, "=") ? def : NULL;
}

/* the path a value reads, looking through locals copied once (pool = priv->pool) */
static const struct ir_path *val_path(const struct ir_func *f, const struct ir_val *v, int depth)
{
	if (!v || depth > 3 || (v->kind != VAL_PATH && v->kind != VAL_ADDR))
		return NULL;
	const struct ir_path *p = v->path;
	if (v->kind == VAL_PATH && is_local_var(p) && !p->is_param) {
		const struct ir_event *d = single_def(f, p);
		if (d && d->rhs.kind == VAL_PATH) {
			const struct ir_path *q = val_path(f, &d->rhs, depth + 1);
			return q ? q : p;
		}
	}
	return p;
}

/* "struct foo" of a type written "struct foo *" or "const struct foo" */
static int struct_tag(const char *type, char *buf, size_t n)
{
	const char *s = type ? strstr(type, "struct ") : NULL;
	if (!s)
		return 0;
	size_t k = 7;
	while (s[k] && (isalnum((unsigned char)s[k]) || s[k] == '_'))
		k++;
	if (k == 7 || k >= n)
		return 0;
	memcpy(buf, s, k);
	buf[k] = 0;
	return 1;
}

/* the place a path names: "struct foo.ring[].virt", "::global_pool.x", or NULL */
static const char *place(struct unit *u, const struct ir_func *f, const struct ir_path *p)
{
	if (!p)
		return NULL;
	const struct ir_path *chain[16];
	int n = 0;
	for (const struct ir_path *q = p; q && q->kind != PATH_VAR; q = q->parent) {
		if (n == 16 || q->kind == PATH_DEREF)
			return NULL;
		chain[n++] = q;
	}
	const struct ir_path *root = p->root;
	char buf[512];
	size_t len;
	if (root->is_local) {
		if (!n || !struct_tag(ir_local_type(f, root), buf, sizeof(buf)))
			return NULL;
	} else {
		snprintf(buf, sizeof(buf), "::%s", root->name);
	}
	len = strlen(buf);
	for (int i = n - 1; i >= 0 && len < sizeof(buf) - 1; i--) {
		int w = chain[i]->kind == PATH_INDEX ? snprintf(buf + len, sizeof(buf) - len, "[]")
						     : snprintf(buf + len, sizeof(buf) - len, ".%s", chain[i]->name);
		if (w < 0 || (size_t)w >= sizeof(buf) - len)
			return NULL;
		len += (size_t)w;
	}
	return arena_strdup(&u->arena, buf);
}

static const char *val_place(struct unit *u, const struct ir_func *f, const struct ir_val *v)
{
	return place(u, f, val_path(f, v, 0));
}

static int same(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* the last field (or the global) a place names: "struct foo.ring[].virt" -> "virt" */
static const char *last_name(const char *place)
{
	if (!place)
		return NULL;
	const char *d = strrchr(place, '.');
	const char *s = d ? d + 1 : !strncmp(place, "::", 2) ? place + 2 : place;
	return s;
}

/* compare two places by their last field name, ignoring trailing [] */
static int same_name(const char *a, const char *b)
{
	a = last_name(a);
	b = last_name(b);
	if (!a || !b)
		return 0;
	size_t la = strcspn(a, "["), lb = strcspn(b, "[");
	return la == lb && !strncmp(a, b, la);
}

/* is the struct (or global) a place starts from defined in this file? */
static int defined_here(const struct unit *u, const char *place)
{
	if (!place)
		return 0;
	size_t n = strcspn(place, ".[");
	if (!strncmp(place, "::", 2)) {
		for (int i = 0; i < u->ir.nglobals; i++)
			if (strlen(u->ir.globals[i].var->name) == n - 2 && !strncmp(u->ir.globals[i].var->name, place + 2, n - 2))
				return 1;
		return 0;
	}
	for (int i = 0; i < u->ir.nfields; i++)
		if (strlen(u->ir.fields[i].tag) == n && !strncmp(u->ir.fields[i].tag, place, n))
			return 1;
	return 0;
}

/* ---------- what the file does with pools and blocks ---------- */

struct block_site {            /* a pool allocation and where its results are kept */
	const char *block, *handle, *pool;
};

struct create_site {
	const char *pool;          /* where the pool is kept */
	int managed;
	long long size;            /* literal block size, or -1 */
};

struct facts {
	struct block_site *blocks;
	int nblocks;
	struct create_site *creates;
	int ncreates;
};

static void add_block(struct facts *F, const char *b, const char *h, const char *p)
{
	F->blocks = xrealloc(F->blocks, (size_t)(F->nblocks + 1) * sizeof(*F->blocks));
	F->blocks[F->nblocks++] = (struct block_site){ b, h, p };
}

/* the assignment of call e's result, or NULL */
static const struct ir_event *result_assign(const struct ir_func *f, const struct ir_event *e)
{
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *a = f->blocks[b]->ev[i];
			if (a->kind == EV_ASSIGN && a->rhs.kind == VAL_CALL && a->rhs.call == e->call && a->lhs)
				return a;
		}
	return NULL;
}

/* the places a value kept in path p ends up in: p itself, or where a local p is stored */
static int places_of(struct unit *u, const struct ir_func *f, const struct ir_path *p, const char **out, int max)
{
	int n = 0;
	if (!p)
		return 0;
	if (!is_local_var(p)) {
		const char *k = place(u, f, p);
		if (k)
			out[n++] = k;
		return n;
	}
	for (int b = 0; b < f->nblocks && n < max; b++)
		for (int i = 0; i < f->blocks[b]->nev && n < max; i++) {
			const struct ir_event *a = f->blocks[b]->ev[i];
			if (a->kind == EV_ASSIGN && a->lhs && !is_local_var(a->lhs) && a->rhs.kind == VAL_PATH &&
			    a->rhs.path == p) {
				const char *k = place(u, f, a->lhs);
				if (k)
					out[n++] = k;
			}
		}
	return n;
}

static void gather(struct unit *u, struct facts *F)
{
	for (int fi = 0; fi < u->ir.nfuncs; fi++) {
		const struct ir_func *g = u->ir.funcs[fi];
		for (int i = 0; i < g->ncalls; i++) {
			const struct ir_event *e = g->calls[i];
			const struct model_fn *pc = model_fn_role(e->model, ROLE_POOL_CREATE);
			const struct model_fn *pa = pool_alloc(e);
			if (!pc && !pa)
				continue;
			const struct ir_event *as = result_assign(g, e);
			const char *dst[4];
			int nd = as ? places_of(u, g, as->lhs, dst, 4) : 0;
			if (pc && !pc->derived) {
				const struct ir_val *sz = arg_at(e, pc->slot.size);
				for (int k = 0; k < nd; k++) {
					F->creates = xrealloc(F->creates, (size_t)(F->ncreates + 1) * sizeof(*F->creates));
					F->creates[F->ncreates++] = (struct create_site){
						dst[k], pc->family && !strcmp(pc->family, "managed"),
						sz && sz->kind == VAL_INT ? sz->ival : -1 };
				}
			} else if (pa) {
				const char *pool = val_place(u, g, arg_at(e, pa->slot.obj));
				const struct ir_val *hv = arg_at(e, pa->slot.handle);
				const char *hs[4];
				int nh = hv && hv->kind == VAL_ADDR ? places_of(u, g, hv->path, hs, 4) : 0;
				for (int k = 0; k < nd; k++)
					add_block(F, dst[k], nh == 1 ? hs[0] : NULL, pool);
			}
		}
	}
}

/* the one value every allocation kept in place `block` agrees on (field 0 pool, 1 handle), or NULL */
static const char *agreed(const struct facts *F, const char *block, int which)
{
	const char *v = NULL;
	for (int i = 0; i < F->nblocks; i++) {
		if (!same(F->blocks[i].block, block))
			continue;
		const char *x = which ? F->blocks[i].handle : F->blocks[i].pool;
		if (!x || (v && !same_name(v, x)))
			return NULL;
		v = x;
	}
	return v;
}

/* -1: no create kept there; 1: all managed; 0: otherwise. size: the one literal size, or -1 */
static int pool_kind(const struct facts *F, const char *pool, long long *size)
{
	int n = 0, managed = 0;
	long long sz = -2;
	for (int i = 0; i < F->ncreates; i++) {
		if (!same(F->creates[i].pool, pool))
			continue;
		n++;
		managed += F->creates[i].managed;
		sz = sz == -2 || sz == F->creates[i].size ? F->creates[i].size : -1;
	}
	if (size)
		*size = sz < 0 ? -1 : sz;
	return !n ? -1 : managed == n;
}

/* is a pool kept in a place of that name created in this file? */
static int created_here(const struct facts *F, const char *pool)
{
	for (int i = 0; pool && i < F->ncreates; i++)
		if (same_name(F->creates[i].pool, pool))
			return 1;
	return 0;
}

/* ---------- (b) frees ---------- */

/* the pool allocation in f that local v holds (assigned once from it), or NULL */
static const struct ir_event *local_block(const struct ir_func *f, const struct ir_val *v)
{
	if (!v || v->kind != VAL_PATH || !is_local_var(v->path))
		return NULL;
	const struct ir_event *d = single_def(f, v->path);
	if (!d || d->rhs.kind != VAL_CALL || d->rhs.call < 0 || d->rhs.call >= f->ncalls)
		return NULL;
	const struct ir_event *a = f->calls[d->rhs.call];
	return pool_alloc(a) ? a : NULL;
}

static void check_free(struct unit *u, const struct ir_func *f, const struct facts *F, const struct ir_event *e,
		       const struct model_fn *fr)
{
	const struct ir_val *P = arg_at(e, fr->slot.obj), *B = arg_at(e, fr->slot.buf), *H = arg_at(e, fr->slot.handle);
	const char *q = val_place(u, f, P);
	const char *bt = B && B->text ? B->text : "the block";
	const struct ir_event *a = local_block(f, B);
	struct dmc_finding *fd;
	if (a) {
		const struct model_fn *pa = pool_alloc(a);
		const char *p = val_place(u, f, arg_at(a, pa->slot.obj));
		const struct ir_val *ap = arg_at(a, pa->slot.obj), *ah = arg_at(a, pa->slot.handle);
		if (p && q && !same_name(p, q) && created_here(F, p) && created_here(F, q)) {
			fd = unit_report(u, RULE, f, e->start, e->end,
					 "%s() returns '%s' to pool '%s', but it was allocated from '%s'",
					 e->callee, bt, P->text, ap->text);
			unit_note(u, fd, a->start, "'%s' was allocated here", bt);
			return;
		}
		const struct ir_path *hp = H && H->kind == VAL_PATH && is_local_var(H->path) ? val_path(f, H, 0) : NULL;
		if (ah && ah->kind == VAL_ADDR && is_local_var(ah->path) && hp && is_local_var(hp) && hp != ah->path) {
			fd = unit_report(u, RULE, f, e->start, e->end,
					 "%s() of '%s' is given the handle '%s', but %s() returned its handle in '%s'",
					 e->callee, bt, H->text, a->callee, ah->path->name);
			unit_note(u, fd, a->start, "'%s' was allocated here", bt);
		}
		return;
	}
	const char *b = val_place(u, f, B);
	if (!b || !defined_here(u, b))
		return;  /* a struct from a header: other files may fill it from other pools */
	const char *p = agreed(F, b, 0);
	if (p && q && !same_name(p, q) && created_here(F, p) && created_here(F, q)) {
		unit_report(u, RULE, f, e->start, e->end,
			    "%s() returns '%s' to pool '%s', but every block kept there in this file comes from another pool (%s)",
			    e->callee, bt, P->text, p);
		return;
	}
	const char *h = agreed(F, b, 1), *hk = val_place(u, f, H);
	if (h && hk && !same_name(h, hk))
		unit_report(u, RULE, f, e->start, e->end,
			    "%s() of '%s' is given the handle '%s', but every allocation kept there in this file "
			    "keeps its handle elsewhere (%s)", e->callee, bt, H && H->text ? H->text : "?", h);
}

/* ---------- (a) use after destroy ---------- */

struct dkey {
	const char *text;
	const struct ir_path *path;
	const struct ir_event *destroy;
};

static int dkey_find(const struct dkey *k, int n, const struct ir_val *v)
{
	for (int i = 0; v && v->text && i < n; i++)
		if (!strcmp(k[i].text, v->text))
			return i;
	return -1;
}

static int harmless_call(const struct ir_event *e)
{
	for (const struct model_fn *r = e->model; r; r = r->next)
		switch (r->role) {
		case ROLE_MEM_READ: case ROLE_MEM_WRITE: case ROLE_MEM_FREE: case ROLE_PURE: case ROLE_COND_WRAPPER:
		case ROLE_UNEVALUATED: case ROLE_LOCK_ACQUIRE: case ROLE_LOCK_RELEASE: case ROLE_LOCK_TRY:
		case ROLE_POOL_DESTROY: case ROLE_COHERENT_FREE: case ROLE_COHERENT_ALLOC: case ROLE_MMIO_READ:
		case ROLE_MMIO_WRITE: case ROLE_CONTEXT_TEST:
			return 1;
		default:
			break;
		}
	return 0;
}

static uint32_t destroy_step(const struct dkey *k, int n, uint32_t s, const struct ir_event *e)
{
	if (e->kind == EV_CALL) {
		const struct model_fn *d = model_fn_role(e->model, ROLE_POOL_DESTROY);
		int i = d ? dkey_find(k, n, arg_at(e, d->slot.obj)) : -1;
		if (i >= 0)
			return s | 1u << i;
		if (harmless_call(e))
			return s;
		/* a helper given the pool's container may create it again */
		for (int j = 0; j < n; j++) {
			if (!k[j].path || !k[j].path->root->is_local) {
				s &= ~(1u << j);
				continue;
			}
			for (int a = 0; a < e->nargs; a++) {
				const struct ir_val *v = &e->args[a];
				if ((v->kind == VAL_PATH || v->kind == VAL_ADDR) && ir_path_has_prefix(k[j].path, v->path))
					s &= ~(1u << j);
			}
		}
		return s;
	}
	if ((e->kind == EV_ASSIGN || e->kind == EV_ADDR) && e->lhs)
		for (int j = 0; j < n; j++)
			if (ir_path_has_prefix(k[j].path, e->lhs))
				s &= ~(1u << j);
	return s;
}

/* the pool argument of a call that uses or destroys a pool, or NULL */
static const struct ir_val *pool_use(const struct ir_event *e, const char **what)
{
	const struct model_fn *r;
	if ((r = pool_alloc(e))) {
		*what = "allocates from";
		return arg_at(e, r->slot.obj);
	}
	if ((r = pool_free(e))) {
		*what = "frees to";
		return arg_at(e, r->slot.obj);
	}
	if ((r = model_fn_role(e->model, ROLE_POOL_DESTROY)) && !r->derived) {
		*what = "destroys";
		return arg_at(e, r->slot.obj);
	}
	return NULL;
}

static void check_after_destroy(struct unit *u, const struct ir_func *f)
{
	struct dkey k[MAX_KEYS];
	int n = 0;
	for (int i = 0; i < f->ncalls && n < MAX_KEYS; i++) {
		const struct model_fn *d = model_fn_role(f->calls[i]->model, ROLE_POOL_DESTROY);
		const struct ir_val *v = d ? arg_at(f->calls[i], d->slot.obj) : NULL;
		if (v && v->kind == VAL_PATH && v->text && dkey_find(k, n, v) < 0)
			k[n++] = (struct dkey){ v->text, v->path, f->calls[i] };
	}
	if (!n || !f->nblocks)
		return;
	uint32_t *in = xcalloc((size_t)f->nblocks, sizeof(*in));
	uint8_t *seen = xcalloc((size_t)f->nblocks, 1), *queued = xcalloc((size_t)f->nblocks, 1);
	int *work = xmalloc((size_t)f->nblocks * sizeof(*work)), nw = 0;
	seen[0] = queued[0] = 1;
	work[nw++] = 0;
	while (nw) {
		int bi = work[--nw];
		queued[bi] = 0;
		const struct ir_block *b = f->blocks[bi];
		uint32_t s = in[bi];
		for (int i = 0; i < b->nev; i++)
			s = destroy_step(k, n, s, b->ev[i]);
		for (int j = 0; j < b->nsucc; j++) {
			int si = b->succ[j];
			if (si < 0 || si >= f->nblocks)
				continue;
			uint32_t nin = seen[si] ? in[si] & s : s;
			if (!seen[si] || nin != in[si]) {
				seen[si] = 1;
				in[si] = nin;
				if (!queued[si]) {
					queued[si] = 1;
					work[nw++] = si;
				}
			}
		}
	}
	for (int bi = 0; bi < f->nblocks; bi++) {
		if (!seen[bi])
			continue;
		const struct ir_block *b = f->blocks[bi];
		uint32_t s = in[bi];
		for (int i = 0; i < b->nev; i++) {
			const struct ir_event *e = b->ev[i];
			const char *what = NULL;
			const struct ir_val *pv = e->kind == EV_CALL ? pool_use(e, &what) : NULL;
			int j = pv ? dkey_find(k, n, pv) : -1;
			if (j >= 0 && (s & 1u << j)) {
				struct dmc_finding *fd = unit_report(u, RULE, f, e->start, e->end,
					"%s() %s pool '%s' after dma_pool_destroy() on every path here", e->callee, what, pv->text);
				const struct ir_event *d = NULL;
				for (int c = 0; c < f->ncalls; c++) {
					const struct model_fn *dr = model_fn_role(f->calls[c]->model, ROLE_POOL_DESTROY);
					const struct ir_val *dv = dr ? arg_at(f->calls[c], dr->slot.obj) : NULL;
					if (dv && dv->text && !strcmp(dv->text, pv->text) && f->calls[c]->start < e->start &&
					    (!d || f->calls[c]->start > d->start))
						d = f->calls[c];
				}
				if (d)
					unit_note(u, fd, d->start, "the pool is destroyed here");
			}
			s = destroy_step(k, n, s, e);
		}
	}
	free(in);
	free(seen);
	free(queued);
	free(work);
}

/* ---------- (a) NULL tests ---------- */

/* does a condition of f (or of any function, for a place) test the value kept in path p? */
static int cond_mentions(const struct ir_func *f, const char *name, int field)
{
	for (int b = 0; b < f->nblocks; b++) {
		const struct ir_block *bl = f->blocks[b];
		const char *t = bl->term == T_BRANCH || bl->term == T_SWITCH ? bl->cond.text : NULL;
		if (!t)
			continue;
		if (!field) {
			if (coh_mentions(t, name))
				return 1;
			continue;
		}
		size_t n = strlen(name);
		for (const char *q = strstr(t, name); q; q = strstr(q + 1, name))
			if (q > t && (q[-1] == '.' || q[-1] == '>') && !(isalnum((unsigned char)q[n]) || q[n] == '_'))
				return 1;
	}
	return 0;
}

/* is the value assigned to L ever tested for NULL (or handed to someone who may test it)? */
static int tested(struct unit *u, const struct ir_func *f, const struct ir_path *L, int depth)
{
	const struct ir_path *n = L;
	while (n && n->kind == PATH_INDEX)
		n = n->parent;
	if (!n || depth > 3)
		return 1;
	if (n->kind != PATH_VAR) {  /* a field: tested anywhere in the file */
		for (int i = 0; i < u->ir.nfuncs; i++)
			if (cond_mentions(u->ir.funcs[i], n->name, 1))
				return 1;
		return 0;
	}
	if (!n->is_local) {
		for (int i = 0; i < u->ir.nfuncs; i++)
			if (cond_mentions(u->ir.funcs[i], n->name, 0))
				return 1;
		return 0;
	}
	if (cond_mentions(f, n->name, 0))
		return 1;
	if (L != n)
		return 0;  /* a local array element */
	/* returned, stored, or given to a call: tested (or not) elsewhere */
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_RETURN && coh_mentions(e->rhs.text, L->name))
				return 1;
			if (e->kind == EV_ASSIGN && e->lhs && e->lhs != L && coh_mentions(e->rhs.text, L->name)) {
				if (e->rhs.kind == VAL_PATH && e->rhs.path == L) {
					if (tested(u, f, e->lhs, depth + 1))
						return 1;
				} else if (!(e->rhs.kind == VAL_PATH && e->rhs.path->root == L)) {
					return 1;  /* mixed into another value (x = p ? ... : ...) */
				}
			}
			if (e->kind == EV_CALL && !pool_alloc(e) && !pool_free(e) && !harmless_call(e))
				for (int a = 0; a < e->nargs; a++)
					if (e->args[a].kind == VAL_PATH && e->args[a].path == L)
						return 1;
		}
	return 0;
}

static void check_null_tests(struct unit *u, const struct ir_func *f, const struct ir_event *e)
{
	const struct model_fn *pc = model_fn_role(e->model, ROLE_POOL_CREATE);
	const struct model_fn *pa = pool_alloc(e);
	if ((!pc || pc->derived) && !pa)
		return;
	const struct ir_event *as = result_assign(f, e);
	if (!as || !as->lhs || as->lhs->kind == PATH_DEREF || tested(u, f, as->lhs, 0))
		return;
	if (pc)
		unit_report(u, RULE, f, e->start, e->end,
			    "the pool from %s() is never tested for NULL; allocations from a NULL pool oops", e->callee);
	else
		unit_report(u, RULE, f, e->start, e->end,
			    "the block from %s() is used without a NULL test", e->callee);
}

/* ---------- (e) literal writes past the block ---------- */

static void check_extent(struct unit *u, const struct ir_func *f, const struct facts *F, const struct ir_event *e,
			 const struct model_fn *w)
{
	const struct ir_val *B = arg_at(e, w->slot.buf), *N = arg_at(e, w->slot.size);
	if (!B || !N || N->kind != VAL_INT || B->kind != VAL_PATH)
		return;
	const char *pool = NULL;
	const struct ir_event *a = local_block(f, B);
	if (a)
		pool = val_place(u, f, arg_at(a, pool_alloc(a)->slot.obj));
	else if (!is_local_var(B->path))
		pool = agreed(F, val_place(u, f, B), 0);
	long long size;
	if (!pool || pool_kind(F, pool, &size) < 0 || size < 0 || N->ival <= size)
		return;
	struct dmc_finding *fd = unit_report(u, RULE, f, e->start, e->end,
		"%s() of %lld bytes into '%s', a block of pool '%s' whose blocks are %lld bytes",
		e->callee, N->ival, B->text ? B->text : "the block", pool, size);
	if (a)
		unit_note(u, fd, a->start, "the block is allocated here");
}

/* ---------- (c) destroy while a block is outstanding ---------- */

struct live_ctx {
	struct unit *u;
	const struct ir_func *f;
};

static void on_destroy_live(void *ctx, const struct ir_event *alloc, const struct ir_path *var, const struct ir_event *destroy)
{
	struct live_ctx *lc = ctx;
	struct dmc_finding *fd = unit_report(lc->u, RULE, lc->f, destroy->start, destroy->end,
		"%s() while the block '%s' from %s() is still allocated: free every block before destroying the pool",
		destroy->callee, var->name, alloc->callee);
	unit_note(lc->u, fd, alloc->start, "'%s' was allocated here", var->name);
}

/* ---------- (f) destroying a managed pool ---------- */

static void check_destroy(struct unit *u, const struct ir_func *f, const struct facts *F, const struct ir_event *e,
			  const struct model_fn *d)
{
	const struct ir_val *P = arg_at(e, d->slot.obj);
	if (!P || P->kind != VAL_PATH)
		return;
	int managed = 0;
	const struct ir_event *origin = NULL;
	if (is_local_var(P->path)) {
		const struct ir_event *def = single_def(f, P->path);
		if (def && def->rhs.kind == VAL_CALL && def->rhs.call >= 0 && def->rhs.call < f->ncalls) {
			origin = f->calls[def->rhs.call];
			const struct model_fn *pc = model_fn_role(origin->model, ROLE_POOL_CREATE);
			managed = pc && pc->family && !strcmp(pc->family, "managed");
		}
	} else {
		managed = pool_kind(F, place(u, f, P->path), NULL) == 1;
	}
	if (!managed)
		return;
	struct dmc_finding *fd = unit_report(u, RULE, f, e->start, e->end,
		"%s() of '%s', a pool from dmam_pool_create(): devres destroys it again at unbind",
		e->callee, P->text ? P->text : "the pool");
	if (origin)
		unit_note(u, fd, origin->start, "created here");
}

static int uses_pools(const struct ir_func *f)
{
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		if (pool_alloc(e) || pool_free(e) || model_fn_role(e->model, ROLE_POOL_CREATE) ||
		    model_fn_role(e->model, ROLE_POOL_DESTROY))
			return 1;
	}
	return 0;
}

void check_dma_pool(struct unit *u, const struct ir_func *f)
{
	if (!uses_pools(f))
		return;
	struct facts F = { 0 };
	gather(u, &F);
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *r;
		if ((r = pool_free(e)))
			check_free(u, f, &F, e, r);
		if ((r = model_fn_role(e->model, ROLE_POOL_DESTROY)) && !r->derived)
			check_destroy(u, f, &F, e, r);
		check_null_tests(u, f, e);
		for (r = e->model; r; r = r->next)
			if (r->role == ROLE_MEM_WRITE && !r->derived)
				check_extent(u, f, &F, e, r);
	}
	check_after_destroy(u, f);
	struct live_ctx lc = { u, f };
	struct coh_sink sink = { .ctx = &lc, .destroy_live = on_destroy_live };
	coh_local_analyse(f, &u->s->model, &sink);
	free(F.blocks);
	free(F.creates);
}
