/*
 * check_coherent_free.c - dmac-free-mismatch-or-leak (DMAC-01), the
 * intra-procedural part: a coherent or pool allocation and its free in the
 * same function must agree on family (model family=), size, and handle, and
 * coherent memory must not be kfree'd nor kmalloc'ed memory given to
 * dma_free_coherent(). The CPU pointer is followed through single-definition
 * locals (analysis/space.c), the handle is the allocation's &h out-parameter.
 *
 * The leak part (analysis/cohlocal.c): an allocation held only in locals
 * that reaches a return without being freed, stored or returned.
 *
 * Not flagged yet: leaks at remove(), pointers and handles kept in struct
 * fields, frees in another function (the cross-function issue). A pool
 * block freed with another handle is dma-pool-protocol (DMAC-04 (b)).
 */
#include "../driver/unit.h"
#include "../analysis/space.h"
#include "../analysis/cohlocal.h"
#include "checks.h"

#include <stdio.h>
#include <string.h>

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static int is_local_var(const struct ir_val *v)
{
	return v && v->kind == VAL_PATH && v->path->kind == PATH_VAR && v->path->is_local;
}

/* "sizeof(*p)" with p declared "struct foo *" is written "sizeof(struct foo)" */
static const char *sizeof_text(const struct ir_func *f, const char *t, char *buf, size_t n)
{
	size_t len = strlen(t);
	if (strncmp(t, "sizeof(*", 8) != 0 || len < 10 || t[len - 1] != ')')
		return t;
	for (int i = 0; i < f->nlocals; i++) {
		const char *name = f->locals[i].var->name, *type = f->locals[i].type;
		size_t nl = strlen(name);
		if (!type || nl != len - 9 || strncmp(t + 8, name, nl) != 0)
			continue;
		size_t tl = strlen(type);
		while (tl && (type[tl - 1] == ' ' || type[tl - 1] == '*'))
			tl--;
		if (tl + strlen(type) - tl != strlen(type) || type[strlen(type) - 1] != '*')
			return t;  /* not a pointer */
		snprintf(buf, n, "sizeof(%.*s)", (int)tl, type);
		return buf;
	}
	return t;
}

/* sizeof(*ring[i - 1]) and sizeof(*ring[i]): the same type whatever the index */
static int same_but_index(const char *a, const char *b)
{
	while (*a && *a == *b) {
		if (*a == '[') {
			while (*a && *a != ']')
				a++;
			while (*b && *b != ']')
				b++;
			continue;
		}
		a++, b++;
	}
	return !*a && !*b;
}

/* sz = N * sizeof(struct x); ... free(sz -> N * sizeof(struct x)): v is assigned text somewhere in f */
static int assigned_text(const struct ir_func *f, const struct ir_val *v, const char *text)
{
	if (v->kind != VAL_PATH || v->path->kind != PATH_VAR)
		return 0;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs == v->path && e->rhs.text && !strcmp(e->rhs.text, text))
				return 1;
		}
	return 0;
}

/* do two size arguments certainly differ? (4096 vs PAGE_SIZE is not known) */
static int sizes_differ(const struct ir_func *f, const struct ir_val *a, const struct ir_val *b)
{
	char ab[256], bb[256];
	if (!a || !b || !a->text || !b->text)
		return 0;
	const char *at = sizeof_text(f, a->text, ab, sizeof(ab)), *bt = sizeof_text(f, b->text, bb, sizeof(bb));
	if (!strcmp(at, bt) || same_but_index(at, bt) || assigned_text(f, a, bt) || assigned_text(f, b, at))
		return 0;
	/* sizeof of an expression whose type is unknown here cannot be compared */
	if ((!strncmp(at, "sizeof(", 7) && strncmp(at, "sizeof(struct ", 14) && strncmp(at, "sizeof(union ", 13)) ||
	    (!strncmp(bt, "sizeof(", 7) && strncmp(bt, "sizeof(struct ", 14) && strncmp(bt, "sizeof(union ", 13)))
		return 0;
	if (a->kind == VAL_INT && b->kind == VAL_INT)
		return a->ival != b->ival;
	int ac = a->flags & VALF_CONST, bc = b->flags & VALF_CONST;
	if (ac && bc)
		return !((a->kind == VAL_INT && (b->flags & VALF_IDENT)) || (b->kind == VAL_INT && (a->flags & VALF_IDENT)));
	/* a local size variable against another variable or a constant */
	return (is_local_var(a) && (bc || is_local_var(b))) || (is_local_var(b) && ac);
}

static int both_const(const struct ir_val *a, const struct ir_val *b)
{
	return a && b && (a->flags & VALF_CONST) && (b->flags & VALF_CONST);
}

static void check_free(struct unit *u, const struct ir_func *f, struct space_ctx *sc,
		       const struct ir_event *e, const struct model_fn *fr)
{
	const struct ir_val *cpu = arg_at(e, fr->slot.buf);
	struct space_fact sf = space_of(sc, cpu);
	const struct ir_event *alloc = sf.origin && sf.origin->kind == EV_CALL ? sf.origin : NULL;
	const struct model_fn *al = alloc ? model_fn_role(alloc->model, ROLE_COHERENT_ALLOC) : NULL;
	const char *what = cpu && cpu->text ? cpu->text : "the buffer";
	struct dmc_finding *fd = NULL;
	/* allocated in another function (a struct field): its local size and handle names mean nothing here */
	int same_func = alloc && !sf.indirect && alloc->call >= 0 && alloc->call < f->ncalls && f->calls[alloc->call] == alloc;

	if (!al) {
		if (alloc && model_fn_role(alloc->model, ROLE_ALLOC) && (sf.sp == SP_KLIN || sf.sp == SP_KVMAP || sf.sp == SP_KVMAP_MAYBE)) {
			fd = unit_report(u, "dmac-free-mismatch-or-leak", f, e->start, e->end,
					 "%s() frees '%s', which came from %s(), not from a coherent allocator",
					 e->callee, what, alloc->callee);
			unit_note(u, fd, alloc->start, "'%s' was allocated here", what);
		}
		return;
	}
	if (al->family && fr->family && strcmp(al->family, fr->family)) {
		fd = unit_report(u, "dmac-free-mismatch-or-leak", f, e->start, e->end,
				 "'%s' was allocated with %s() but is freed with %s()", what, alloc->callee, e->callee);
	} else if (sizes_differ(f, arg_at(alloc, al->slot.size), arg_at(e, fr->slot.size)) &&
		   (same_func || both_const(arg_at(alloc, al->slot.size), arg_at(e, fr->slot.size)))) {
		fd = unit_report(u, "dmac-free-mismatch-or-leak", f, e->start, e->end,
				 "%s() of '%s' with size '%s', but %s() allocated '%s'", e->callee, what,
				 arg_at(e, fr->slot.size)->text, alloc->callee, arg_at(alloc, al->slot.size)->text);
	} else {
		const struct ir_val *ah = arg_at(alloc, al->slot.handle), *fh = arg_at(e, fr->slot.handle);
		int pool = al->family && !strcmp(al->family, "pool");
		if (same_func && !pool && ah && fh && ah->kind == VAL_ADDR && ah->path->kind == PATH_VAR && ah->path->is_local &&
		    is_local_var(fh) && fh->path != ah->path)
			fd = unit_report(u, "dmac-free-mismatch-or-leak", f, e->start, e->end,
					 "%s() of '%s' is given the handle '%s', but %s() returned its handle in '%s'",
					 e->callee, what, fh->text, alloc->callee, ah->path->name);
	}
	unit_note(u, fd, alloc->start, "'%s' was allocated here", what);
}

static void check_cpu_free(struct unit *u, const struct ir_func *f, struct space_ctx *sc,
			   const struct ir_event *e, const struct model_fn *fr)
{
	const struct ir_val *p = arg_at(e, fr->slot.buf);
	struct space_fact sf = space_of(sc, p);
	if (sf.sp != SP_COHERENT || !sf.origin)
		return;
	struct dmc_finding *fd = unit_report(u, "dmac-free-mismatch-or-leak", f, e->start, e->end,
					     "%s() of '%s', which is coherent DMA memory; release it with the allocator's free function",
					     e->callee, p->text ? p->text : "the buffer");
	unit_note(u, fd, sf.origin->start, "allocated here with %s()", sf.origin->kind == EV_CALL ? sf.origin->callee : "a coherent allocator");
}

struct leak_ctx {
	struct unit *u;
	const struct ir_func *f;
};

static void on_leak(void *ctx, const struct ir_event *alloc, const struct ir_path *var, const struct ir_event *ret)
{
	struct leak_ctx *lc = ctx;
	const struct model_fn *al = model_fn_role(alloc->model, ROLE_COHERENT_ALLOC);
	int pool = al && al->family && !strcmp(al->family, "pool");
	struct dmc_finding *fd = unit_report(lc->u, "dmac-free-mismatch-or-leak", lc->f, ret->start, ret->end,
					     "'%s' from %s() is neither freed, stored nor returned on this path: "
					     "the %s leaks", var->name, alloc->callee,
					     pool ? "pool block" : "coherent buffer");
	unit_note(lc->u, fd, alloc->start, "'%s' was allocated here", var->name);
}

void check_coherent_free(struct unit *u, const struct ir_func *f)
{
	if (!checks_calls_role(f, ROLE_COHERENT_ALLOC) && !checks_calls_role(f, ROLE_COHERENT_FREE))
		return;
	struct space_ctx sc;
	space_init(&sc, &u->ir, f);
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *fr = model_fn_role(e->model, ROLE_COHERENT_FREE);
		const struct model_fn *mf = model_fn_role(e->model, ROLE_MEM_FREE);
		if (fr && !fr->derived)
			check_free(u, f, &sc, e, fr);
		else if (mf && !mf->derived)
			check_cpu_free(u, f, &sc, e, mf);
	}
	struct leak_ctx lc = { u, f };
	struct coh_sink sink = { .ctx = &lc, .leak = on_leak };
	coh_local_analyse(f, &u->s->model, &sink);
}
