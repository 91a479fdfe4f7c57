/*
 * check_dma_alloc_context.c - dma-alloc-context-gfp (DMAC-03): the context
 * of DMA allocations and frees.
 *
 *  (a) a coherent or pool allocation (role coherent.alloc, slot gfp=) whose
 *      GFP mask may sleep (a word of class gfp.sleeping: GFP_KERNEL, ...),
 *      in atomic context; also a CPU allocation (role alloc.gfp) with such a
 *      mask when its result is then mapped for DMA in the same function;
 *  (b) dma_free_coherent()/_wc()/_attrs() with interrupts disabled;
 *  (c) __GFP_COMP or a highmem flag in the mask of dma_alloc_*().
 *
 * Atomic context is, in order of preference for the message:
 *  - a lock (role lock.acquire, family= says what it disables) held on every
 *    path to the call: a must-analysis over the function's CFG, keyed by the
 *    lock argument's text (an unlock of a lock never taken here releases
 *    every lock: it is probably an alias);
 *  - the function is the primary handler given to request_irq() and friends
 *    in this file (role irq.request): hard-IRQ context, interrupts off;
 *  - the function is a timer, tasklet, NAPI or URB completion callback
 *    registered in this file (role atomic.callback), or an ndo_start_xmit
 *    entry point (bottom halves off);
 *  - the function is called, in this file, from one of the above (up to
 *    MAX_DEPTH calls deep).
 * A function that tests its context (role context.test: in_interrupt(), ...)
 * only counts its own locks. A GFP mask held in a parameter is unknown; a
 * local assigned once is followed.
 */
#include "../driver/unit.h"
#include "../analysis/entry.h"
#include "checks.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULE "dma-alloc-context-gfp"
#define MAX_LOCKS 32
#define MAX_DEPTH 3

struct lock_key {
	const char *key;             /* the lock argument's text, or NULL for a family-only section */
	const char *family;
};

/* the locks held on every path to each call of one function */
struct lockflow {
	const struct ir_func *f;
	struct lock_key keys[MAX_LOCKS];
	int nkeys;
	uint32_t *held;              /* by call index */
	uint8_t *reached;            /* by call index */
};

struct actx {
	struct unit *u;
	const struct model *m;
	struct lockflow *flows;      /* cache, one per function of the unit */
	int nflows;
};

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static const struct model_fn *lock_role(const struct ir_event *e, enum model_role *role)
{
	static const enum model_role roles[] = { ROLE_LOCK_ACQUIRE, ROLE_LOCK_RELEASE, ROLE_LOCK_TRY };
	for (size_t i = 0; i < sizeof(roles) / sizeof(*roles); i++) {
		const struct model_fn *r = model_fn_role(e->model, roles[i]);
		if (r) {
			*role = roles[i];
			return r;
		}
	}
	return NULL;
}

static const char *key_text(const struct ir_event *e, const struct model_fn *r)
{
	const struct ir_val *v = arg_at(e, r->slot.obj);
	return v && v->text ? v->text : NULL;
}

static int key_find(const struct lockflow *lf, const char *key, const char *family)
{
	for (int i = 0; i < lf->nkeys; i++) {
		const struct lock_key *k = &lf->keys[i];
		if (key ? (k->key && !strcmp(k->key, key)) : (!k->key && k->family && family && !strcmp(k->family, family)))
			return i;
	}
	return -1;
}

static uint32_t obj_bits(const struct lockflow *lf)
{
	uint32_t b = 0;
	for (int i = 0; i < lf->nkeys; i++)
		if (lf->keys[i].key)
			b |= 1u << i;
	return b;
}

static uint32_t step(const struct lockflow *lf, uint32_t s, const struct ir_event *e)
{
	enum model_role role;
	const struct model_fn *r = e->kind == EV_CALL ? lock_role(e, &role) : NULL;
	if (!r || role == ROLE_LOCK_TRY)
		return s;
	const char *key = key_text(e, r);
	int k = key_find(lf, key, r->family);
	if (role == ROLE_LOCK_ACQUIRE)
		return k >= 0 ? s | 1u << k : s;
	if (k >= 0)
		return s & ~(1u << k);
	return key ? s & ~obj_bits(lf) : s;  /* an unlock of a lock not taken here: an alias of one that is */
}

/* the call a branch tests, looking through likely()/unlikely() */
static const struct ir_event *cond_call(const struct ir_func *f, const struct ir_val *v, int depth)
{
	if (!v || v->kind != VAL_CALL || v->call < 0 || v->call >= f->ncalls || depth > 4)
		return NULL;
	const struct ir_event *e = f->calls[v->call];
	const struct model_fn *w = model_fn_role(e->model, ROLE_COND_WRAPPER);
	return w ? cond_call(f, arg_at(e, w->slot.val), depth + 1) : e;
}

static void flow_compute(struct lockflow *lf, const struct ir_func *f)
{
	memset(lf, 0, sizeof(*lf));
	lf->f = f;
	lf->held = xcalloc((size_t)f->ncalls + 1, sizeof(*lf->held));
	lf->reached = xcalloc((size_t)f->ncalls + 1, 1);
	for (int i = 0; i < f->ncalls; i++) {
		enum model_role role;
		const struct model_fn *r = lock_role(f->calls[i], &role);
		if (!r || role == ROLE_LOCK_RELEASE)
			continue;
		const char *key = key_text(f->calls[i], r);
		if (key_find(lf, key, r->family) < 0 && lf->nkeys < MAX_LOCKS)
			lf->keys[lf->nkeys++] = (struct lock_key){ key, r->family };
	}
	if (!lf->nkeys || !f->nblocks)
		return;
	uint32_t *in = xcalloc((size_t)f->nblocks, sizeof(*in));
	uint8_t *seen = xcalloc((size_t)f->nblocks, 1);
	int *work = xmalloc((size_t)f->nblocks * sizeof(*work));
	uint8_t *queued = xcalloc((size_t)f->nblocks, 1);
	int nwork = 0;
	seen[0] = 1;
	work[nwork++] = 0;
	queued[0] = 1;
	while (nwork) {
		int bi = work[--nwork];
		queued[bi] = 0;
		const struct ir_block *b = f->blocks[bi];
		uint32_t s = in[bi];
		for (int i = 0; i < b->nev; i++)
			s = step(lf, s, b->ev[i]);
		const struct ir_event *tc = b->term == T_BRANCH && b->test == COND_NONZERO ? cond_call(f, &b->cond, 0) : NULL;
		const struct model_fn *tr = tc ? model_fn_role(tc->model, ROLE_LOCK_TRY) : NULL;
		for (int k = 0; k < b->nsucc; k++) {
			int si = b->succ[k];
			if (si < 0 || si >= f->nblocks)
				continue;
			uint32_t out = s;
			if (tr && k == 0) {
				int ki = key_find(lf, key_text(tc, tr), tr->family);
				if (ki >= 0)
					out |= 1u << ki;
			}
			uint32_t nin = seen[si] ? in[si] & out : out;
			if (!seen[si] || nin != in[si]) {
				seen[si] = 1;
				in[si] = nin;
				if (!queued[si]) {
					queued[si] = 1;
					work[nwork++] = si;
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
			if (e->kind == EV_CALL && e->call >= 0 && e->call < f->ncalls) {
				lf->held[e->call] = s;
				lf->reached[e->call] = 1;
			}
			s = step(lf, s, e);
		}
	}
	free(in);
	free(seen);
	free(work);
	free(queued);
}

static const struct lockflow *flow_of(struct actx *c, const struct ir_func *f)
{
	for (int i = 0; i < c->nflows; i++)
		if (c->flows[i].f == f)
			return &c->flows[i];
	c->flows = xrealloc(c->flows, (size_t)(c->nflows + 1) * sizeof(*c->flows));
	flow_compute(&c->flows[c->nflows], f);
	return &c->flows[c->nflows++];
}

static void actx_release(struct actx *c)
{
	for (int i = 0; i < c->nflows; i++) {
		free(c->flows[i].held);
		free(c->flows[i].reached);
	}
	free(c->flows);
}

/* is call e on every path from f's entry to a return? (an inherited context
 * says nothing about a call that depends on the function's arguments) */
static int must_execute(const struct ir_func *f, const struct ir_event *e)
{
	int eb = -1;
	for (int b = 0; b < f->nblocks && eb < 0; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++)
			if (f->blocks[b]->ev[i] == e) {
				eb = b;
				break;
			}
	if (eb < 0 || !f->nblocks)
		return 0;
	if (eb == 0)
		return 1;
	uint8_t *seen = xcalloc((size_t)f->nblocks, 1);
	int *work = xmalloc((size_t)f->nblocks * sizeof(*work));
	int nwork = 0, escapes = 0;
	seen[0] = 1;
	work[nwork++] = 0;
	while (nwork && !escapes) {
		const struct ir_block *b = f->blocks[work[--nwork]];
		if (b->term == T_RETURN || !b->nsucc)
			escapes = 1;
		for (int k = 0; k < b->nsucc; k++) {
			int si = b->succ[k];
			if (si >= 0 && si < f->nblocks && si != eb && !seen[si]) {
				seen[si] = 1;
				work[nwork++] = si;
			}
		}
	}
	free(seen);
	free(work);
	return !escapes;
}

/* ---------- why a call runs in atomic context ---------- */

enum why_kind { WHY_NONE, WHY_LOCK, WHY_HARDIRQ, WHY_CALLBACK, WHY_XMIT, WHY_CALLER };

struct why {
	enum why_kind kind;
	int irqs_off;
	const struct ir_func *fn;       /* the function in that context */
	const struct ir_event *site;    /* WHY_LOCK: the acquire; HARDIRQ/CALLBACK: the registration */
	const char *lock;               /* WHY_LOCK: the lock's text */
	const struct ir_event *call;    /* WHY_CALLER: the call of the function in its caller */
	const struct ir_func *caller;
	enum why_kind root;             /* WHY_CALLER: the caller's own reason */
	const struct ir_event *root_site;
	const char *root_lock;
};

static int calls_context_test(const struct ir_func *f)
{
	return checks_calls_role(f, ROLE_CONTEXT_TEST);
}

/* the function named by a callback argument: foo, &foo, (irq_handler_t)foo */
static int names_fn(const struct ir_val *v, const char *fname)
{
	if (!v)
		return 0;
	if ((v->kind == VAL_PATH || v->kind == VAL_ADDR) && v->path && v->path->kind == PATH_VAR)
		return !v->path->is_local && !strcmp(v->path->name, fname);
	const char *t = v->text;
	if (!t)
		return 0;
	for (const char *p = t; *p; p++)
		if (!(isalnum((unsigned char)*p) || strchr("_ ()*&", *p)))
			return 0;
	size_t n = strlen(t), fl = strlen(fname);
	while (n && (t[n - 1] == ' ' || t[n - 1] == ')'))
		n--;
	return n >= fl && !strncmp(t + n - fl, fname, fl) &&
	       (n == fl || !(isalnum((unsigned char)t[n - fl - 1]) || t[n - fl - 1] == '_'));
}

/* the registration of fname with role (irq.request/atomic.callback) somewhere in the unit */
static const struct ir_event *registered(const struct ir_unit *u, const char *fname, enum model_role role)
{
	for (int i = 0; i < u->nfuncs; i++) {
		const struct ir_func *g = u->funcs[i];
		for (int k = 0; k < g->ncalls; k++) {
			const struct model_fn *r = model_fn_role(g->calls[k]->model, role);
			if (r && names_fn(arg_at(g->calls[k], r->slot.callback), fname))
				return g->calls[k];
		}
	}
	return NULL;
}

/* the last acquire of lock bit k before call e in f (for the note) */
static const struct ir_event *acquire_site(const struct lockflow *lf, int k, const struct ir_event *e)
{
	const struct ir_event *best = NULL;
	for (int i = 0; i < lf->f->ncalls; i++) {
		const struct ir_event *a = lf->f->calls[i];
		enum model_role role;
		const struct model_fn *r = lock_role(a, &role);
		if (!r || role == ROLE_LOCK_RELEASE || a->start >= e->start)
			continue;
		if (key_find(lf, key_text(a, r), r->family) == k && (!best || a->start > best->start))
			best = a;
	}
	return best;
}

static int lock_why(struct actx *c, const struct ir_func *f, const struct ir_event *e, int need_irqs_off, struct why *w)
{
	const struct lockflow *lf = flow_of(c, f);
	if (e->call < 0 || e->call >= f->ncalls || !lf->reached[e->call])
		return 0;
	uint32_t h = lf->held[e->call];
	int pick = -1;
	for (int k = 0; k < lf->nkeys; k++) {
		if (!(h & 1u << k))
			continue;
		int off = lf->keys[k].family && !strcmp(lf->keys[k].family, "irq");
		if (need_irqs_off && !off)
			continue;
		if (pick < 0 || (off && !w->irqs_off)) {
			pick = k;
			w->irqs_off = off;
		}
	}
	if (pick < 0)
		return 0;
	w->kind = WHY_LOCK;
	w->fn = f;
	w->site = acquire_site(lf, pick, e);
	w->lock = lf->keys[pick].key;
	return 1;
}

/* the context of the whole function f (not of one of its calls) */
static int func_why(struct actx *c, const struct ir_func *f, int need_irqs_off, int depth, struct why *w);

static int call_why(struct actx *c, const struct ir_func *f, const struct ir_event *e, int need_irqs_off,
		    int depth, struct why *w)
{
	memset(w, 0, sizeof(*w));
	if (lock_why(c, f, e, need_irqs_off, w))
		return 1;
	memset(w, 0, sizeof(*w));
	if (!func_why(c, f, need_irqs_off, depth, w))
		return 0;
	return w->kind != WHY_CALLER || must_execute(f, e);
}

static int func_why(struct actx *c, const struct ir_func *f, int need_irqs_off, int depth, struct why *w)
{
	if (!f->name || calls_context_test(f))
		return 0;
	const struct ir_event *reg = registered(&c->u->ir, f->name, ROLE_IRQ_REQUEST);
	if (reg) {
		*w = (struct why){ .kind = WHY_HARDIRQ, .irqs_off = 1, .fn = f, .site = reg };
		return 1;
	}
	if (need_irqs_off)
		goto callers;
	reg = registered(&c->u->ir, f->name, ROLE_ATOMIC_CALLBACK);
	if (reg) {
		*w = (struct why){ .kind = WHY_CALLBACK, .fn = f, .site = reg };
		return 1;
	}
	if (entry_is(c->m, &c->u->ir, f->name, "xmit")) {
		*w = (struct why){ .kind = WHY_XMIT, .fn = f };
		return 1;
	}
callers:
	if (depth >= MAX_DEPTH)
		return 0;
	for (int i = 0; i < c->u->ir.nfuncs; i++) {
		const struct ir_func *g = c->u->ir.funcs[i];
		if (g == f)
			continue;
		for (int k = 0; k < g->ncalls; k++) {
			const struct ir_event *ce = g->calls[k];
			if (!ce->callee || strcmp(ce->callee, f->name))
				continue;
			struct why gw;
			if (!call_why(c, g, ce, need_irqs_off, depth + 1, &gw))
				continue;
			*w = (struct why){ .kind = WHY_CALLER, .irqs_off = gw.irqs_off, .fn = f, .call = ce, .caller = g,
					   .root = gw.kind == WHY_CALLER ? gw.root : gw.kind,
					   .root_site = gw.kind == WHY_CALLER ? gw.root_site : gw.site,
					   .root_lock = gw.kind == WHY_CALLER ? gw.root_lock : gw.lock };
			return 1;
		}
	}
	return 0;
}

static const char *callee_or(const struct ir_event *e, const char *dflt)
{
	return e && e->callee ? e->callee : dflt;
}

static void why_text(const struct why *w, char *buf, size_t n)
{
	switch (w->kind) {
	case WHY_LOCK:
		snprintf(buf, n, "%s(%s) is held", callee_or(w->site, "a lock"), w->lock ? w->lock : "");
		break;
	case WHY_HARDIRQ:
		snprintf(buf, n, "%s() is an interrupt handler (hard-IRQ context, registered with %s())",
			 w->fn->name, callee_or(w->site, "request_irq"));
		break;
	case WHY_CALLBACK:
		snprintf(buf, n, "%s() runs in atomic context (a callback registered with %s())",
			 w->fn->name, callee_or(w->site, "?"));
		break;
	case WHY_XMIT:
		snprintf(buf, n, "%s() is an ndo_start_xmit handler, which runs with bottom halves disabled", w->fn->name);
		break;
	case WHY_CALLER: {
		const char *how = w->root == WHY_LOCK ? "with a lock held" : w->root == WHY_HARDIRQ ? "from an interrupt handler"
				: w->root == WHY_XMIT ? "from ndo_start_xmit" : "from an atomic callback";
		snprintf(buf, n, "%s() is called %s (by %s())", w->fn->name, how, w->caller->name);
		break;
	}
	default:
		snprintf(buf, n, "it runs in atomic context");
	}
}

static void why_notes(struct unit *u, struct dmc_finding *fd, const struct why *w)
{
	if (!fd)
		return;
	if (w->kind == WHY_LOCK && w->site)
		unit_note(u, fd, w->site->start, "the lock is taken here");
	else if ((w->kind == WHY_HARDIRQ || w->kind == WHY_CALLBACK) && w->site)
		unit_note(u, fd, w->site->start, "%s() is registered here", w->fn->name);
	else if (w->kind == WHY_CALLER) {
		unit_note(u, fd, w->call->start, "%s() calls %s() here", w->caller->name, w->fn->name);
		if (w->root_site)
			unit_note(u, fd, w->root_site->start, w->root == WHY_LOCK ? "the lock is taken here" : "the handler is registered here");
	}
}

/* ---------- GFP masks ---------- */

/* the text of a GFP argument: a literal mask, or a local assigned once */
static const char *gfp_text(const struct ir_func *f, const struct ir_val *v)
{
	if (!v)
		return NULL;
	if (v->kind != VAL_PATH || (v->path->kind == PATH_VAR && !v->path->is_local))
		return v->text;  /* GFP_KERNEL, GFP_ATOMIC | __GFP_NOWARN */
	if (v->path->kind != PATH_VAR || v->path->is_param)
		return NULL;
	const struct ir_event *def = NULL;
	int defs = 0;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if ((e->kind == EV_ASSIGN && e->lhs == v->path) || (e->kind == EV_ADDR && e->lhs == v->path)) {
				defs++;
				def = e;
			}
		}
	if (defs != 1 || def->kind != EV_ASSIGN || strcmp(def->op, "="))
		return NULL;
	return def->rhs.text;
}

/* does the mask name a word of class cls (and nothing that clears or selects bits)? the word, or NULL */
static const char *gfp_word(const struct model *m, const char *t, const char *cls)
{
	if (!t || strpbrk(t, "&~?"))
		return NULL;
	for (const char *p = t; *p;) {
		if (isalpha((unsigned char)*p) || *p == '_') {
			const char *s = p;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			const char *c = model_word_class(m, s, (size_t)(p - s));
			if (c && !strcmp(c, cls))
				return s;  /* the word's position in t: print it with %.*s and word_len() */
		} else {
			p++;
		}
	}
	return NULL;
}

static int word_len(const char *s)
{
	int n = 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

/* is the result of CPU allocation e mapped for DMA in f? */
static int feeds_map(const struct ir_func *f, const struct ir_event *e)
{
	const struct ir_path *dst = NULL;
	for (int b = 0; b < f->nblocks && !dst; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *a = f->blocks[b]->ev[i];
			if (a->kind == EV_ASSIGN && a->rhs.kind == VAL_CALL && a->rhs.call == e->call && a->lhs) {
				dst = a->lhs;
				break;
			}
		}
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *k = f->calls[i];
		for (const struct model_fn *r = k->model; r; r = r->next) {
			if (r->role != ROLE_STREAM_MAP && r->role != ROLE_DMA_BUFFER)
				continue;
			const struct ir_val *v = arg_at(k, r->slot.buf);
			if (!v)
				continue;
			if (v->kind == VAL_CALL && v->call == e->call)
				return 1;
			if (dst && ((v->kind == VAL_PATH && v->path == dst) || ((v->flags & VALF_ARITH) && v->base == dst)))
				return 1;
		}
	}
	return 0;
}

static int is_free_family(const char *fam)
{
	return fam && (!strcmp(fam, "coherent") || !strcmp(fam, "wc") || !strcmp(fam, "attrs") || !strcmp(fam, "managed"));
}

void check_dma_alloc_context(struct unit *u, const struct ir_func *f)
{
	if (!checks_calls_role(f, ROLE_COHERENT_ALLOC) && !checks_calls_role(f, ROLE_COHERENT_FREE) &&
	    !checks_calls_role(f, ROLE_ALLOC_GFP))
		return;
	struct actx c = { .u = u, .m = &u->s->model };
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *al = model_fn_role(e->model, ROLE_COHERENT_ALLOC);
		const struct model_fn *fr = model_fn_role(e->model, ROLE_COHERENT_FREE);
		const struct model_fn *cg = model_fn_role(e->model, ROLE_ALLOC_GFP);
		char why[320];
		struct why w;
		struct dmc_finding *fd;
		if (al && !al->derived) {
			const char *t = gfp_text(f, arg_at(e, al->slot.gfp));
			const char *bad = al->family && strcmp(al->family, "pool") ? gfp_word(c.m, t, "gfp.compound") : NULL;
			if (!bad && al->family && strcmp(al->family, "pool"))
				bad = gfp_word(c.m, t, "gfp.highmem");
			if (bad) {
				unit_report(u, RULE, f, e->start, e->end,
					    "%s() with %.*s in the GFP mask: the coherent allocator rejects __GFP_COMP and "
					    "chooses the memory zone from the device's coherent DMA mask; drop the flag",
					    e->callee, word_len(bad), bad);
			}
			const char *sl = gfp_word(c.m, t, "gfp.sleeping");
			if (sl && call_why(&c, f, e, 0, 0, &w)) {
				why_text(&w, why, sizeof(why));
				fd = unit_report(u, RULE, f, e->start, e->end,
						 "%s() with %.*s may sleep, but %s; use GFP_ATOMIC here or allocate "
						 "before entering atomic context", e->callee, word_len(sl), sl, why);
				why_notes(u, fd, &w);
			}
		} else if (cg && !cg->derived) {
			const char *sl = gfp_word(c.m, gfp_text(f, arg_at(e, cg->slot.gfp)), "gfp.sleeping");
			if (sl && feeds_map(f, e) && call_why(&c, f, e, 0, 0, &w)) {
				why_text(&w, why, sizeof(why));
				fd = unit_report(u, RULE, f, e->start, e->end,
						 "%s() with %.*s for a DMA buffer may sleep, but %s; use GFP_ATOMIC here "
						 "or allocate before entering atomic context", e->callee, word_len(sl), sl, why);
				why_notes(u, fd, &w);
			}
		}
		if (fr && !fr->derived && is_free_family(fr->family) && call_why(&c, f, e, 1, 0, &w)) {
			why_text(&w, why, sizeof(why));
			fd = unit_report(u, RULE, f, e->start, e->end,
					 "%s() with interrupts disabled (%s): freeing coherent memory may need to "
					 "unmap it and warns on irqs_disabled(); free it after the unlock or defer it to a workqueue",
					 e->callee, why);
			why_notes(u, fd, &w);
		}
	}
	actx_release(&c);
}
