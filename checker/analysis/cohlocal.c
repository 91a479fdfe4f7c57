/*
 * cohlocal.c - coherent and pool allocations held only in local variables
 * (roles coherent.alloc except family=managed), followed path by path.
 *
 * An allocation assigned to a local is tracked with its aliases (plain
 * copies, casts, pointer arithmetic) until it is
 *  - freed: its pointer reaches the buf= slot of a coherent.free or mem.free;
 *  - stored or handed over: copied into anything but a local variable (a
 *    struct field, a global, through a pointer, a struct initialiser), given
 *    to a call that is not known to leave it alone (only mem.read, mem.write,
 *    pure, cond.wrapper, lock.* and the like are), its address taken, or
 *    returned;
 *  - known to be NULL: the false edge of `if (p)` / `if (!p)`;
 *  - forgotten: its last local alias is overwritten (no report).
 * A return reached with a tracked allocation is a leak; a pool.destroy of the
 * pool a tracked block came from is a destroy with a live block. Conditions
 * without side effects that were tested earlier on the path keep their
 * outcome (`if (big) buf = alloc(); ... if (big) free(buf);`).
 * Limits (false negatives, never false positives): MAX_TRACK allocations,
 * MAX_ALIAS aliases each, MAX_STATES states per block, MAX_STEPS blocks.
 */
#include "cohlocal.h"
#include "../base/arena.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TRACK 6
#define MAX_ALIAS 4
#define MAX_CONDS 8
#define MAX_STATES 48
#define MAX_STEPS 20000

struct trk {
	const struct ir_event *alloc;
	const struct ir_path *v[MAX_ALIAS];  /* locals holding the CPU address */
	const struct ir_path *h[MAX_ALIAS];  /* locals holding the DMA handle */
	uint8_t nv, nh;
	uint8_t pad[6];
};

struct cstate {
	struct trk t[MAX_TRACK];
	const char *cond[MAX_CONDS];
	uint8_t cond_val[MAX_CONDS];
	uint8_t nt, ncond;
	uint8_t pad[6];
};

struct work {
	int block;
	struct cstate st;
};

struct seenrow {
	struct cstate *s;
	int n;
};

struct done {
	const struct ir_event *alloc, *site;
	const struct ir_path *var;
	int leak;                    /* a leak waiting for the end of the walk */
};

struct ctx {
	const struct ir_func *f;
	const struct model *m;
	const struct coh_sink *sink;
	struct work *work;
	int nwork, capwork;
	struct seenrow *seen;
	struct done *done;
	int ndone;
	const struct ir_event **settled; /* allocations freed, stored or returned on some path */
	int nsettled;
	const struct ir_val **loopesc;   /* values handed over inside loops ... */
	int *loopesc_block;              /* ... and their blocks */
	int nloopesc;
};

int coh_mentions(const char *text, const char *name)
{
	if (!text || !name || !*name)
		return 0;
	size_t n = strlen(name);
	char quote = 0;
	for (const char *p = text; *p; p++) {
		if (quote) {  /* inside a string or character literal */
			if (*p == '\\' && p[1])
				p++;
			else if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			quote = *p;
			continue;
		}
		if (strncmp(p, name, n))
			continue;
		int before = p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.' ||
					  (p - text >= 2 && p[-1] == '>' && p[-2] == '-'));
		int after = isalnum((unsigned char)p[n]) || p[n] == '_';
		if (!before && !after)
			return 1;
	}
	return 0;
}

static int is_local_var(const struct ir_path *p)
{
	return p && p->kind == PATH_VAR && p->is_local;
}

enum ref { REF_NONE, REF_SAME, REF_MENTION, REF_READ };

/* how value v refers to tracked allocation t */
static enum ref ref_of(const struct trk *t, const struct ir_val *v)
{
	if (!v)
		return REF_NONE;
	for (int i = 0; i < t->nv; i++) {
		const struct ir_path *a = t->v[i];
		switch (v->kind) {
		case VAL_PATH:
			if (v->path == a)
				return REF_SAME;
			if (v->path->root == a)
				return REF_READ;  /* buf->status, buf[i]: a load through it */
			break;
		case VAL_ADDR:
			if (v->path == a)
				return REF_MENTION;
			if (v->path->root == a)
				return REF_SAME;  /* &buf->hdr, &buf[2]: a pointer into the allocation */
			break;
		case VAL_OTHER:
			if ((v->flags & VALF_ARITH) && v->base == a)
				return REF_SAME;
			if (coh_mentions(v->text, a->name))
				return REF_MENTION;
			break;
		default:
			break;
		}
	}
	return REF_NONE;
}

/* does v mention a local holding t's handle? */
static int ref_handle(const struct trk *t, const struct ir_val *v)
{
	if (!v)
		return 0;
	for (int i = 0; i < t->nh; i++) {
		const struct ir_path *a = t->h[i];
		if ((v->kind == VAL_PATH || v->kind == VAL_ADDR) && v->path == a)
			return 1;
		if (v->kind == VAL_OTHER && ((v->flags & VALF_ARITH) ? v->base == a : 0))
			return 1;
		if (v->kind == VAL_OTHER && coh_mentions(v->text, a->name))
			return 1;
	}
	return 0;
}

static const struct ir_event *call_of(const struct ctx *c, const struct ir_val *v);

/* does v (or an argument of the call v is the result of) use t's address or handle at all? */
static int val_refs(const struct ctx *c, const struct trk *t, const struct ir_val *v, int depth)
{
	if (!v || depth > 4)
		return 0;
	if (ref_of(t, v) != REF_NONE || ref_handle(t, v))
		return 1;
	const struct ir_event *e = call_of(c, v);
	for (int a = 0; e && a < e->nargs; a++)
		if (val_refs(c, t, &e->args[a], depth + 1))
			return 1;
	return 0;
}

static void drop(struct cstate *s, int i)
{
	s->t[i] = s->t[s->nt - 1];
	memset(&s->t[s->nt - 1], 0, sizeof(s->t[0]));
	s->nt--;
}

static void forget_conds(struct cstate *s, const char *name)
{
	for (int i = 0; i < s->ncond; i++)
		if (coh_mentions(s->cond[i], name)) {
			memmove(&s->cond[i], &s->cond[i + 1], (size_t)(s->ncond - i - 1) * sizeof(*s->cond));
			memmove(&s->cond_val[i], &s->cond_val[i + 1], (size_t)(s->ncond - i - 1));
			s->ncond--;
			s->cond[s->ncond] = NULL;
			s->cond_val[s->ncond] = 0;
			i--;
		}
}

/* allocation i is freed, stored or returned: the function knows it must release or keep it */
static void settle(struct ctx *c, struct cstate *s, int i)
{
	int k;
	for (k = 0; k < c->nsettled && c->settled[k] != s->t[i].alloc; k++)
		;
	if (k == c->nsettled) {
		c->settled = xrealloc(c->settled, (size_t)(c->nsettled + 1) * sizeof(*c->settled));
		c->settled[c->nsettled++] = s->t[i].alloc;
	}
	drop(s, i);
}

/* x is overwritten: it no longer holds any allocation */
static void strip(struct cstate *s, const struct ir_path *x)
{
	for (int i = 0; i < s->nt; i++) {
		struct trk *t = &s->t[i];
		for (int k = 0; k < t->nv; k++)
			if (t->v[k] == x) {
				t->v[k] = t->v[t->nv - 1];
				t->v[--t->nv] = NULL;
				k--;
			}
		for (int k = 0; k < t->nh; k++)
			if (t->h[k] == x) {
				t->h[k] = t->h[t->nh - 1];
				t->h[--t->nh] = NULL;
				k--;
			}
		if (!t->nv)
			drop(s, i--);
	}
	forget_conds(s, x->name);
}

static const struct ir_event *call_of(const struct ctx *c, const struct ir_val *v)
{
	if (!v || v->kind != VAL_CALL || v->call < 0 || v->call >= c->f->ncalls)
		return NULL;
	return c->f->calls[v->call];
}

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static const struct model_fn *tracked_alloc(const struct ir_event *e)
{
	const struct model_fn *a = e ? model_fn_role(e->model, ROLE_COHERENT_ALLOC) : NULL;
	return a && !a->derived && !(a->family && !strcmp(a->family, "managed")) ? a : NULL;
}

static int harmless(const struct ir_event *e);

/* can block `from` reach the block holding event `site`? */
static int reaches(const struct ctx *c, int from, const struct ir_event *site)
{
	const struct ir_func *f = c->f;
	int to = -1;
	for (int b = 0; b < f->nblocks && to < 0; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++)
			if (f->blocks[b]->ev[i] == site) {
				to = b;
				break;
			}
	if (to < 0)
		return 1;
	uint8_t *seen = xcalloc((size_t)f->nblocks, 1);
	int *work = xmalloc((size_t)f->nblocks * sizeof(*work));
	int nw = 0, found = 0;
	seen[from] = 1;
	work[nw++] = from;
	while (nw && !found) {
		int x = work[--nw];
		found = x == to;
		for (int k = 0; k < f->blocks[x]->nsucc; k++) {
			int si = f->blocks[x]->succ[k];
			if (si >= 0 && si < f->nblocks && !seen[si]) {
				seen[si] = 1;
				work[nw++] = si;
			}
		}
	}
	free(seen);
	free(work);
	return found;
}

static void report(struct ctx *c, const struct trk *t, const struct ir_event *site, int destroy)
{
	/* handed over inside a loop that leads here: the path that skips the loop is usually impossible (n > 0) */
	for (int i = 0; i < c->nloopesc; i++)
		if (val_refs(c, t, c->loopesc[i], 0) && reaches(c, c->loopesc_block[i], site))
			return;
	for (int i = 0; i < c->ndone; i++)
		if (c->done[i].alloc == t->alloc && c->done[i].site == site)
			return;
	c->done = xrealloc(c->done, (size_t)(c->ndone + 1) * sizeof(*c->done));
	c->done[c->ndone++] = (struct done){ t->alloc, site, t->v[0], !destroy };
	if (destroy && c->sink->destroy_live)
		c->sink->destroy_live(c->sink->ctx, t->alloc, t->v[0], site);
}

/* leaks of allocations the function settles on some other path (one never kept
 * anywhere, like a DMA_ATTR_NO_KERNEL_MAPPING cookie, is not needed) */
static void flush_leaks(struct ctx *c)
{
	for (int i = 0; i < c->ndone; i++) {
		if (!c->done[i].leak || !c->sink->leak)
			continue;
		for (int k = 0; k < c->nsettled; k++)
			if (c->settled[k] == c->done[i].alloc) {
				c->sink->leak(c->sink->ctx, c->done[i].alloc, c->done[i].var, c->done[i].site);
				break;
			}
	}
}

static void add_alias(const struct ir_path **set, uint8_t *n, const struct ir_path *p)
{
	for (int i = 0; i < *n; i++)
		if (set[i] == p)
			return;
	if (*n < MAX_ALIAS)
		set[(*n)++] = p;
}

static void on_assign(struct ctx *c, struct cstate *s, const struct ir_event *e)
{
	const struct ir_path *L = e->lhs;
	int plain = !strcmp(e->op, "=");
	if (L && !is_local_var(L))
		forget_conds(s, L->text);
	const struct ir_event *ac = call_of(c, &e->rhs);
	if (ac && tracked_alloc(ac) && plain) {
		if (!is_local_var(L))
			return;  /* stored straight into a field or a global */
		strip(s, L);
		if (s->nt < MAX_TRACK) {
			struct trk *t = &s->t[s->nt++];
			memset(t, 0, sizeof(*t));
			t->alloc = ac;
			t->v[0] = L;
			t->nv = 1;
			const struct ir_val *hv = arg_at(ac, tracked_alloc(ac)->slot.handle);
			if (hv && hv->kind == VAL_ADDR && is_local_var(hv->path) && hv->path != L) {
				t->h[0] = hv->path;
				t->nh = 1;
			}
		}
		return;
	}
	/* the handle's value, through cpu_to_le64() and the like */
	const struct ir_val *hr = &e->rhs;
	for (int d = 0; d < 4 && hr && call_of(c, hr); d++) {
		const struct ir_event *tc = call_of(c, hr);
		const struct model_fn *tf = model_fn_role(tc->model, ROLE_TRANSPARENT);
		hr = tf ? arg_at(tc, tf->slot.val) : NULL;
	}
	const struct ir_event *cpu_alias[MAX_TRACK], *h_alias[MAX_TRACK];
	int ncpu = 0, nh = 0;
	for (int i = 0; i < s->nt; i++) {
		const struct ir_event *al = s->t[i].alloc;
		enum ref r = ref_of(&s->t[i], &e->rhs);
		int hv = hr && ref_handle(&s->t[i], hr);
		if (L && !is_local_var(L) && val_refs(c, &s->t[i], &e->rhs, 0)) {
			settle(c, s, i--);  /* stored: a field, a global, through a pointer (also f(buf), buf->ring) */
		} else if (r == REF_SAME && is_local_var(L) && plain) {
			cpu_alias[ncpu++] = al;
		} else if (r == REF_SAME || r == REF_MENTION) {
			settle(c, s, i--);  /* stored, or mixed into another value: handed over */
		} else if (hv && is_local_var(L)) {
			if (plain && hr == &e->rhs && hr->kind == VAL_PATH)
				h_alias[nh++] = al;
		} else if (hv) {
			settle(c, s, i--);  /* the handle is kept: the block is reachable through it */
		}
	}
	if (!is_local_var(L))
		return;
	/* L now holds the new value: forget what it held, then add it as an alias */
	struct cstate before = *s;
	strip(s, L);
	for (int j = 0; j < ncpu + nh; j++) {
		const struct ir_event *al = j < ncpu ? cpu_alias[j] : h_alias[j - ncpu];
		int k, bi;
		for (k = 0; k < s->nt && s->t[k].alloc != al; k++)
			;
		if (k == s->nt) {  /* p = p + 4 with p its only alias: keep the allocation under the new value */
			for (bi = 0; bi < before.nt && before.t[bi].alloc != al; bi++)
				;
			if (bi == before.nt || s->nt >= MAX_TRACK || j >= ncpu)
				continue;
			s->t[s->nt] = before.t[bi];
			memset(s->t[s->nt].v, 0, sizeof(s->t[s->nt].v));
			s->t[s->nt].nv = 0;
			s->nt++;
		}
		struct trk *t = &s->t[k];
		if (j < ncpu)
			add_alias(t->v, &t->nv, L);
		else
			add_alias(t->h, &t->nh, L);
	}
}

static int harmless(const struct ir_event *e)
{
	for (const struct model_fn *r = e->model; r; r = r->next)
		switch (r->role) {
		case ROLE_MEM_READ: case ROLE_MEM_WRITE: case ROLE_PURE: case ROLE_COND_WRAPPER:
		case ROLE_UNEVALUATED: case ROLE_LOCK_ACQUIRE: case ROLE_LOCK_RELEASE: case ROLE_LOCK_TRY:
		case ROLE_CONTEXT_TEST: case ROLE_MMIO_READ: case ROLE_POOL_DESTROY:
			return 1;
		default:
			break;
		}
	return 0;
}

static void on_call(struct ctx *c, struct cstate *s, const struct ir_event *e)
{
	for (const struct model_fn *r = e->model; r; r = r->next) {
		if (r->derived)
			continue;
		if (r->role == ROLE_COHERENT_FREE || r->role == ROLE_MEM_FREE) {
			const struct ir_val *b = arg_at(e, r->slot.buf);
			for (int i = 0; i < s->nt; i++) {
				enum ref k = ref_of(&s->t[i], b);
				if (k == REF_SAME || k == REF_MENTION)
					settle(c, s, i--);
			}
		} else if (r->role == ROLE_POOL_DESTROY) {
			const struct ir_val *p = arg_at(e, r->slot.obj);
			for (int i = 0; p && p->text && i < s->nt; i++) {
				const struct model_fn *a = tracked_alloc(s->t[i].alloc);
				const struct ir_val *ap = a && a->family && !strcmp(a->family, "pool") ? arg_at(s->t[i].alloc, a->slot.obj) : NULL;
				if (ap && ap->text && !strcmp(ap->text, p->text))
					report(c, &s->t[i], e, 1);
			}
		}
	}
	if (harmless(e) || tracked_alloc(e))
		return;
	int passes_value = model_fn_role(e->model, ROLE_TRANSPARENT) || model_fn_role(e->model, ROLE_MMIO_WRITE);
	for (int a = 0; a < e->nargs; a++)
		for (int i = 0; i < s->nt; i++) {
			enum ref k = ref_of(&s->t[i], &e->args[a]);
			if (k == REF_SAME || k == REF_MENTION || (!passes_value && ref_handle(&s->t[i], &e->args[a])))
				settle(c, s, i--);  /* the callee may keep or free it */
		}
}

static void on_return(struct ctx *c, struct cstate *s, const struct ir_event *e)
{
	for (int i = 0; i < s->nt; i++) {
		enum ref k = ref_of(&s->t[i], &e->rhs);
		if (k == REF_SAME || k == REF_MENTION || ref_handle(&s->t[i], &e->rhs))
			settle(c, s, i--);
	}
	for (int i = 0; i < s->nt; i++)
		report(c, &s->t[i], e, 0);
}

static void run_event(struct ctx *c, struct cstate *s, const struct ir_event *e)
{
	switch (e->kind) {
	case EV_ASSIGN: on_assign(c, s, e); break;
	case EV_CALL: on_call(c, s, e); break;
	case EV_RETURN: on_return(c, s, e); break;
	case EV_ADDR:
		for (int i = 0; i < s->nt; i++)
			for (int k = 0; k < s->t[i].nv; k++)
				if (s->t[i].v[k] == e->lhs) {
					settle(c, s, i--);  /* &p: whoever gets it may store or free through it */
					break;
				}
		break;
	case EV_DECL:
		if (is_local_var(e->lhs))
			strip(s, e->lhs);
		break;
	default:
		break;
	}
}

static void push(struct ctx *c, int block, const struct cstate *s)
{
	if (c->nwork == c->capwork) {
		c->capwork = c->capwork ? c->capwork * 2 : 32;
		c->work = xrealloc(c->work, (size_t)c->capwork * sizeof(*c->work));
	}
	c->work[c->nwork].block = block;
	c->work[c->nwork].st = *s;
	c->nwork++;
}

static int seen_before(struct ctx *c, int block, const struct cstate *s)
{
	struct seenrow *row = &c->seen[block];
	for (int i = 0; i < row->n; i++)
		if (!memcmp(&row->s[i], s, sizeof(*s)))
			return 1;
	if (row->n >= MAX_STATES)
		return 1;  /* too many paths: stop here (a false negative) */
	if (!row->s)
		row->s = xmalloc(MAX_STATES * sizeof(*row->s));
	row->s[row->n++] = *s;
	return 0;
}

/* what "x TEST" is, given that "x WAS" had outcome val: 1, 0, or -1 (unknown) */
static int implied(int was, int val, int test)
{
	if (was == test)
		return val;
	if (was == COND_LE0 && !val)
		return test == COND_NONZERO ? 1 : test == COND_NEG ? 0 : -1;
	if (was == COND_NONZERO && !val)
		return test == COND_LE0 ? 1 : test == COND_NEG ? 0 : -1;
	if (was == COND_NEG && val)
		return test == COND_NONZERO || test == COND_LE0 ? 1 : -1;
	return -1;
}

/* the edge where the allocation held in the tested variable is NULL */
static void refine(struct cstate *s, const struct ir_block *b, int taken)
{
	if (taken || b->test != COND_NONZERO || b->cond.kind != VAL_PATH)
		return;
	for (int i = 0; i < s->nt; i++)
		for (int k = 0; k < s->t[i].nv; k++)
			if (s->t[i].v[k] == b->cond.path) {
				drop(s, i--);
				break;
			}
}

static int tracks_allocs(const struct ir_func *f)
{
	for (int i = 0; i < f->ncalls; i++)
		if (tracked_alloc(f->calls[i]))
			return 1;
	return 0;
}

/* blocks on a cycle of the CFG */
static uint8_t *cyclic_blocks(const struct ir_func *f)
{
	int n = f->nblocks;
	uint8_t *cyc = xcalloc((size_t)n, 1);
	uint8_t *seen = xmalloc((size_t)n);
	int *work = xmalloc((size_t)n * sizeof(*work));
	for (int b = 0; b < n; b++) {
		if (cyc[b])
			continue;
		memset(seen, 0, (size_t)n);
		int nw = 0;
		for (int k = 0; k < f->blocks[b]->nsucc; k++) {
			int si = f->blocks[b]->succ[k];
			if (si >= 0 && si < n && !seen[si]) {
				seen[si] = 1;
				work[nw++] = si;
			}
		}
		while (nw && !seen[b]) {
			const struct ir_block *x = f->blocks[work[--nw]];
			for (int k = 0; k < x->nsucc; k++) {
				int si = x->succ[k];
				if (si >= 0 && si < n && !seen[si]) {
					seen[si] = 1;
					work[nw++] = si;
				}
			}
		}
		cyc[b] = seen[b];
	}
	free(seen);
	free(work);
	return cyc;
}

static void add_loopesc(struct ctx *c, const struct ir_val *v, int block)
{
	c->loopesc = xrealloc(c->loopesc, (size_t)(c->nloopesc + 1) * sizeof(*c->loopesc));
	c->loopesc_block = xrealloc(c->loopesc_block, (size_t)(c->nloopesc + 1) * sizeof(*c->loopesc_block));
	c->loopesc_block[c->nloopesc] = block;
	c->loopesc[c->nloopesc++] = v;
}

static void find_loop_escapes(struct ctx *c)
{
	const struct ir_func *f = c->f;
	uint8_t *cyc = cyclic_blocks(f);
	for (int b = 0; b < f->nblocks; b++) {
		if (!cyc[b])
			continue;
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs && !is_local_var(e->lhs))
				add_loopesc(c, &e->rhs, b);
			else if (e->kind == EV_CALL && !harmless(e) && !tracked_alloc(e))
				for (int a = 0; a < e->nargs; a++)
					add_loopesc(c, &e->args[a], b);
		}
	}
	free(cyc);
}

void coh_local_analyse(const struct ir_func *f, const struct model *m, const struct coh_sink *sink)
{
	if (!f->nblocks || !tracks_allocs(f))
		return;
	struct ctx c = { .f = f, .m = m, .sink = sink };
	find_loop_escapes(&c);
	c.seen = xcalloc((size_t)f->nblocks, sizeof(*c.seen));
	struct cstate init;
	memset(&init, 0, sizeof(init));
	push(&c, 0, &init);
	int steps = 0;
	while (c.nwork && steps++ < MAX_STEPS) {
		c.nwork--;
		int bi = c.work[c.nwork].block;
		struct cstate s = c.work[c.nwork].st;
		if (bi < 0 || bi >= f->nblocks || seen_before(&c, bi, &s))
			continue;
		const struct ir_block *b = f->blocks[bi];
		for (int i = 0; i < b->nev; i++)
			run_event(&c, &s, b->ev[i]);
		if (b->term != T_BRANCH || b->nsucc != 2) {
			for (int k = 0; k < b->nsucc; k++)
				push(&c, b->succ[k], &s);
			continue;
		}
		/* a side-effect-free condition tested again on this path has the same outcome */
		const char *ct = b->cond.text;
		int known = -1, slot = -1;
		if (ct && b->test != COND_OPAQUE && b->cond.kind != VAL_CALL && !strchr(ct, '(')) {
			for (int i = 0; i < s.ncond && known < 0; i++)
				if (s.cond[i] == ct)
					known = implied(s.cond_val[i] >> 1, s.cond_val[i] & 1, b->test);
			if (known < 0) {
				if (s.ncond == MAX_CONDS) {
					memmove(s.cond, s.cond + 1, (MAX_CONDS - 1) * sizeof(*s.cond));
					memmove(s.cond_val, s.cond_val + 1, MAX_CONDS - 1);
					s.ncond--;
					s.cond[s.ncond] = NULL;
					s.cond_val[s.ncond] = 0;
				}
				slot = s.ncond;
			}
		}
		struct cstate st = s, sf = s;
		if (slot >= 0) {
			st.cond[slot] = sf.cond[slot] = ct;
			st.cond_val[slot] = (uint8_t)(b->test << 1 | 1);
			sf.cond_val[slot] = (uint8_t)(b->test << 1);
			st.ncond = sf.ncond = (uint8_t)(slot + 1);
		}
		if (known != 0) {
			refine(&st, b, 1);
			push(&c, b->succ[0], &st);
		}
		if (known != 1) {
			refine(&sf, b, 0);
			push(&c, b->succ[1], &sf);
		}
	}
	flush_leaks(&c);
	for (int i = 0; i < f->nblocks; i++)
		free(c.seen[i].s);
	free(c.seen);
	free(c.work);
	free(c.done);
	free(c.loopesc);
	free(c.loopesc_block);
	free(c.settled);
}
