/*
 * check_gup.c - user pages and direct I/O (catalogue §6, §0.4):
 *
 *  gup-locking-and-variant (GUP-01): get_user_pages()/pin_user_pages() and
 *  the _remote forms (model role mmap.needs-lock) called where mmap_lock is
 *  certainly not held; the _fast/_unlocked forms (mmap.takes-lock) called
 *  with it held; a wait (task.wait) while holding the mmap_lock taken for a
 *  GUP call. The lock state is a per-path walk of the function; a function
 *  that neither is an entry point nor takes the lock gets its state from its
 *  callers in the same file (bounded depth), else it is unknown and silent.
 *
 *  gup-return-partial (GUP-02): per gup.pin call, a per-path walk of what
 *  its result n may be (failed / short / full) through the tests the code
 *  makes: (a) pages used before n is tested, or the result ignored; (b) a
 *  test that sends short pins to an error path from which nothing releases
 *  the pages (nor hands them or n to anyone); (c) releasing, or (d) using,
 *  the requested count instead of n while n may be short.
 *
 *  gup-dirty-and-release (GUP-04): the release family must match the pin
 *  family (pin_user_pages* -> unpin_user_page*, get_user_pages* ->
 *  put_page); page_cache_release(); SetPageDirty() on user pages; pages the
 *  device wrote (a DMA_FROM_DEVICE/BIDIRECTIONAL unmap reaches the release)
 *  released with no dirtying at all in the function; dirtying before the
 *  dma_unmap or after the release.
 *
 *  gup-dma-of-user-buffer (GUP-05): a user address (declared __user, the
 *  `unsigned long arg` of an ioctl, u64_to_user_ptr(), a field of a struct
 *  copied from user space cast to a pointer) given to dma_map_single(), a
 *  dma.buffer call (sg_set_buf, sg_init_one, ...) or a linear.convert call
 *  (virt_to_page, virt_to_phys, __pa).
 *
 * API knowledge is in rules/models/gup.rules.
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

#define MAX_DEPTH 3          /* callers followed for the lock state */
#define MAX_SEEN 12          /* states kept per block */
#define MAX_STEPS 40000
#define MAX_ALIAS 4

/* ---------- small helpers ---------- */

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static const struct ir_event *call_of(const struct ir_func *f, const struct ir_val *v)
{
	return v && v->kind == VAL_CALL && v->call >= 0 && v->call < f->ncalls ? f->calls[v->call] : NULL;
}

static const char *ptext(const struct ir_path *p)
{
	return !p ? "" : (p->text[0] == ':' && p->text[1] == ':') ? p->text + 2 : p->text;
}

static const char *vtext(const struct ir_val *v)
{
	return v && v->text ? v->text : "";
}

/* equal ignoring white space */
static int same_text(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	for (;;) {
		while (*a && isspace((unsigned char)*a))
			a++;
		while (*b && isspace((unsigned char)*b))
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++, b++;
	}
}

static const char *global_type(const struct ir_unit *u, const struct ir_path *v)
{
	for (int i = 0; i < u->nglobals; i++)
		if (u->globals[i].var == v)
			return u->globals[i].type;
	return NULL;
}

/* "struct foo *" -> "struct foo" (want_ptr) or "struct foo" -> "struct foo" (!want_ptr) */
static const char *struct_tag(const char *type, int want_ptr, char *buf, size_t n)
{
	const char *t = ir_type_tag(type, buf, n);
	if (!t || strncmp(t, "struct ", 7))
		return NULL;
	const char *rest = strstr(type, t) + strlen(t);
	int stars = 0;
	for (const char *q = rest; *q; q++)
		stars += *q == '*';
	return strstr(rest, "[]") || stars != (want_ptr ? 1 : 0) ? NULL : t;
}

static const char *path_type(const struct ir_unit *u, const struct ir_func *f, const struct ir_path *p, int depth);

/* the struct tag and member a path x->f / x.f names, when x's type is known */
static const char *member_of(const struct ir_unit *u, const struct ir_func *f, const struct ir_path *p,
			     char *tag, size_t n, int depth)
{
	if (!p || !p->parent || (p->kind != PATH_ARROW && p->kind != PATH_DOT) || depth > 6)
		return NULL;
	return struct_tag(path_type(u, f, p->parent, depth + 1), p->kind == PATH_ARROW, tag, n) ? p->name : NULL;
}

/* the declared type of a path: a local, a global, or a member of a struct defined in this file */
static const char *path_type(const struct ir_unit *u, const struct ir_func *f, const struct ir_path *p, int depth)
{
	if (!p || depth > 6)
		return NULL;
	if (p->kind == PATH_VAR)
		return p->is_local ? ir_local_type(f, p) : global_type(u, p);
	char tag[160];
	const char *name = member_of(u, f, p, tag, sizeof(tag), depth);
	if (!name)
		return NULL;
	for (int i = 0; i < u->nfields; i++)
		if (!strcmp(u->fields[i].tag, tag) && !strcmp(u->fields[i].name, name))
			return u->fields[i].type;
	return NULL;
}

/* a type whose value points to user memory: exactly one '*' after the last __user */
static int user_ptr_type(const char *t)
{
	const char *q = NULL;
	for (const char *s = t; s && (s = strstr(s, "__user")); s += 6)
		q = s;
	if (!q)
		return 0;
	int stars = 0;
	for (q += 6; *q; q++)
		stars += *q == '*';
	return stars == 1;
}

/* per-function facts shared by the parts */
struct gctx {
	struct unit *u;
	const struct model *m;
	const struct ir_func *f;
	int *blk_of;               /* block of each call event */
	int *idx_of;               /* index in its block */
	const struct ir_event **reported;
	int nreported, capreported;
};

static int already(struct gctx *g, const struct ir_event *e, int tag)
{
	const struct ir_event *k = (const struct ir_event *)((const char *)e + tag);
	for (int i = 0; i < g->nreported; i++)
		if (g->reported[i] == k)
			return 1;
	if (g->nreported == g->capreported) {
		g->capreported = g->capreported ? 2 * g->capreported : 16;
		g->reported = xrealloc(g->reported, (size_t)g->capreported * sizeof(*g->reported));
	}
	g->reported[g->nreported++] = k;
	return 0;
}

static void gctx_init(struct gctx *g, struct unit *u, const struct ir_func *f)
{
	memset(g, 0, sizeof(*g));
	g->u = u;
	g->m = &u->s->model;
	g->f = f;
	g->blk_of = xcalloc((size_t)f->ncalls + 1, sizeof(int));
	g->idx_of = xcalloc((size_t)f->ncalls + 1, sizeof(int));
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_CALL && e->call >= 0 && e->call < f->ncalls) {
				g->blk_of[e->call] = b;
				g->idx_of[e->call] = i;
			}
		}
}

static void gctx_free(struct gctx *g)
{
	free(g->blk_of);
	free(g->idx_of);
	free(g->reported);
}

/* can control go from (b1, i1) to (b2, i2)? (i = event index in the block) */
static int reaches(const struct ir_func *f, int b1, int i1, int b2, int i2)
{
	if (b1 == b2 && i1 < i2)
		return 1;
	char *seen = xcalloc((size_t)f->nblocks, 1);
	int *stack = xcalloc((size_t)f->nblocks + 1, sizeof(int));
	int sp = 0, found = 0;
	const struct ir_block *bb = f->blocks[b1];
	for (int k = 0; k < bb->nsucc; k++)
		if (bb->succ[k] >= 0 && bb->succ[k] < f->nblocks && !seen[bb->succ[k]]) {
			seen[bb->succ[k]] = 1;
			stack[sp++] = bb->succ[k];
		}
	while (sp && !found) {
		int b = stack[--sp];
		if (b == b2) {
			found = 1;
			break;
		}
		const struct ir_block *x = f->blocks[b];
		for (int k = 0; k < x->nsucc; k++)
			if (x->succ[k] >= 0 && x->succ[k] < f->nblocks && !seen[x->succ[k]]) {
				seen[x->succ[k]] = 1;
				stack[sp++] = x->succ[k];
			}
	}
	free(seen);
	free(stack);
	return found;
}

static int call_reaches(const struct gctx *g, const struct ir_event *a, const struct ir_event *b)
{
	return reaches(g->f, g->blk_of[a->call], g->idx_of[a->call], g->blk_of[b->call], g->idx_of[b->call]);
}

/* the single definition (x = ...) of local x in f, not counting a NULL initialisation; NULL if none or several */
static const struct ir_event *def_in(const struct ir_func *f, const struct ir_path *p)
{
	if (!p || p->kind != PATH_VAR || !p->is_local || p->is_param)
		return NULL;
	const struct ir_event *d = NULL;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ADDR && e->lhs == p)
				return NULL;  /* &x escapes: written elsewhere */
			if (e->kind != EV_ASSIGN || e->lhs != p)
				continue;
			if ((e->rhs.kind == VAL_INT && e->rhs.ival == 0) || (e->rhs.text && !strcmp(e->rhs.text, "NULL")))
				continue;
			if (d || !e->op || strcmp(e->op, "="))
				return NULL;
			d = e;
		}
	return d;
}

static const struct ir_event *single_def(const struct gctx *g, const struct ir_path *p)
{
	return def_in(g->f, p);
}

/* ====================================================================== */
/* GUP-05: user addresses given to the DMA API or to a linear conversion   */
/* ====================================================================== */

/* is p the `unsigned long arg` parameter of an ioctl handler? */
static int ioctl_arg(const struct gctx *g, const struct ir_path *p)
{
	if (!p || p->kind != PATH_VAR || !p->is_param)
		return 0;
	const char *t = ir_local_type(g->f, p);
	if (!t || !strstr(t, "long") || strchr(t, '*'))
		return 0;
	const char *k = entry_kind(g->m, &g->u->ir, g->f->name, NULL);
	return k && !strcmp(k, "ioctl") && g->f->nparams >= 3 && g->f->params[g->f->nparams - 1] == p;
}

/* was a local struct filled from user memory (copy_from_user(&req, uptr, n))? */
static int user_filled(const struct gctx *g, const struct ir_path *root, int depth);

struct why { char text[200]; };

static int user_val(const struct gctx *g, const struct ir_val *v, uint32_t s, uint32_t e, int depth, struct why *why);

/* a cast to a pointer type of path p inside bytes [s, e) */
static int cast_to_pointer(const struct ir_func *f, const struct ir_path *p, uint32_t s, uint32_t e)
{
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *c = f->blocks[b]->ev[i];
			if (c->kind == EV_CAST && c->start >= s && c->end <= e && c->op && strchr(c->op, '*') &&
			    c->rhs.kind == VAL_PATH && c->rhs.path == p)
				return 1;
		}
	return 0;
}

static int user_path(const struct gctx *g, const struct ir_path *p, uint32_t s, uint32_t e, int depth, struct why *why)
{
	if (!p || depth > 6)
		return 0;
	if (user_ptr_type(path_type(&g->u->ir, g->f, p, 0))) {
		snprintf(why->text, sizeof(why->text), "'%s' is declared __user", ptext(p));
		return 1;
	}
	if (p->kind == PATH_VAR && p->is_local) {
		if (ioctl_arg(g, p)) {
			snprintf(why->text, sizeof(why->text), "'%s' is the ioctl argument", ptext(p));
			return 1;
		}
		const struct ir_event *d = single_def(g, p);
		if (d && d->op && !strcmp(d->op, "="))
			return user_val(g, &d->rhs, d->start, d->end, depth + 1, why);
		return 0;
	}
	/* req.addr of a struct copied from user space, cast to a pointer */
	if (p->kind == PATH_DOT && p->root && p->root->is_local && !ir_path_derefs(p) &&
	    user_filled(g, p->root, depth + 1) && cast_to_pointer(g->f, p, s, e)) {
		snprintf(why->text, sizeof(why->text), "'%s' comes from a struct copied from user space", ptext(p));
		return 1;
	}
	return 0;
}

static int user_val(const struct gctx *g, const struct ir_val *v, uint32_t s, uint32_t e, int depth, struct why *why)
{
	if (!v || depth > 6)
		return 0;
	switch (v->kind) {
	case VAL_PATH:
		return user_path(g, v->path, s, e, depth, why);
	case VAL_OTHER:
		return (v->flags & VALF_ARITH) && v->base && user_path(g, v->base, s, e, depth, why);
	case VAL_CALL: {
		const struct ir_event *c = call_of(g->f, v);
		if (c && model_fn_role(c->model, ROLE_USER_PTR)) {
			snprintf(why->text, sizeof(why->text), "%s() returns a user pointer", c->callee);
			return 1;
		}
		return 0;
	}
	default:
		return 0;
	}
}

static int user_filled(const struct gctx *g, const struct ir_path *root, int depth)
{
	if (depth > 6)
		return 0;
	for (int i = 0; i < g->f->ncalls; i++) {
		const struct ir_event *c = g->f->calls[i];
		const struct model_fn *w = model_fn_role(c->model, ROLE_MEM_WRITE);
		const struct ir_val *dst = w ? arg_at(c, w->slot.buf) : NULL;
		if (!dst || dst->kind != VAL_ADDR || dst->path != root)
			continue;
		for (int a = 0; a < c->nargs; a++) {
			struct why why;
			if (a != w->slot.buf && user_val(g, &c->args[a], c->start, c->end, depth + 1, &why))
				return 1;
		}
	}
	return 0;
}

static void check_user_dma(struct gctx *g)
{
	const struct ir_func *f = g->f;
	struct space_ctx sc;
	space_init(&sc, &g->u->ir, f);
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		for (const struct model_fn *r = e->model; r; r = r->next) {
			if (r->derived)
				continue;
			if (!(r->role == ROLE_DMA_BUFFER || r->role == ROLE_LINEAR_CONVERT ||
			      (r->role == ROLE_STREAM_MAP && r->kind == KIND_SINGLE)))
				continue;
			const struct ir_val *v = arg_at(e, r->slot.buf);
			struct why why = { "" };
			if (!v)
				continue;
			if (!user_val(g, v, e->start, e->end, 0, &why)) {
				/* the provenance pass (vma->vm_start, user pointers through fields and helpers) */
				struct space_fact sf = space_of(&sc, v);
				if (sf.sp != SP_USER)
					continue;
				snprintf(why.text, sizeof(why.text), "it holds a user address");
			}
			if (already(g, e, 5))
				continue;
			const char *how = r->role == ROLE_LINEAR_CONVERT
				? "only converts kernel linear-map addresses"
				: "needs a kernel linear-map address";
			unit_report(g->u, "gup-dma-of-user-buffer", f, e->start, e->end,
				    "'%s' is a user-space address (%s), but %s() %s; pin the user pages with pin_user_pages_fast() and map them with dma_map_page() or sg_alloc_table_from_pages() + dma_map_sgtable()",
				    vtext(v), why.text, e->callee, how);
			break;
		}
	}
}

/* ====================================================================== */
/* Which page array a value names (GUP-04, GUP-02)                        */
/* ====================================================================== */

/* an array of pages (or a single page variable): a path in one function, and the struct member it is, if known */
struct arr_id {
	const struct ir_func *f;
	const struct ir_path *p;
	const char *field;
	char tag[96];
};

static void arr_set(const struct ir_unit *u, const struct ir_func *f, const struct ir_path *p, struct arr_id *a)
{
	memset(a, 0, sizeof(*a));
	a->f = f;
	a->p = p;
	a->field = member_of(u, f, p, a->tag, sizeof(a->tag), 0);
	if (!a->field && p && p->kind == PATH_VAR) {
		/* struct page **pages = buf->pages; */
		const struct ir_event *d = def_in(f, p);
		if (d && d->rhs.kind == VAL_PATH)
			a->field = member_of(u, f, d->rhs.path, a->tag, sizeof(a->tag), 0);
	}
	if (!a->field && p && p->kind == PATH_VAR && p->is_local)
		/* req->page_list = page_list; */
		for (int b = 0; b < f->nblocks && !a->field; b++)
			for (int i = 0; i < f->blocks[b]->nev && !a->field; i++) {
				const struct ir_event *e = f->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->rhs.kind == VAL_PATH && e->rhs.path == p && e->lhs)
					a->field = member_of(u, f, e->lhs, a->tag, sizeof(a->tag), 0);
			}
}

/* the array a pages= argument names: pages, &page, &pv[0], pages + k (*arith set) */
static int arr_of_pages(const struct ir_unit *u, const struct ir_func *f, const struct ir_val *v, struct arr_id *a, int *arith)
{
	const struct ir_path *p = NULL;
	*arith = 0;
	if (!v)
		return 0;
	if (v->kind == VAL_PATH)
		p = v->path;
	else if (v->kind == VAL_ADDR) {
		p = v->path;
		if (p->kind == PATH_INDEX) {
			*arith = !(p->name && !strcmp(p->name, "0"));
			p = p->parent;
		}
	} else if (v->kind == VAL_OTHER && (v->flags & VALF_ARITH) && v->base) {
		p = v->base;
		*arith = 1;
	}
	if (!p)
		return 0;
	arr_set(u, f, p, a);
	return 1;
}

/* the array one page comes from: pages[i], or page = pages[i], or a single page variable */
static int arr_of_page(const struct ir_unit *u, const struct ir_func *f, const struct ir_val *v, struct arr_id *a)
{
	if (!v || v->kind != VAL_PATH)
		return 0;
	const struct ir_path *p = v->path;
	if (p->kind == PATH_INDEX)
		p = p->parent;
	else if (p->kind == PATH_VAR) {
		const struct ir_event *d = def_in(f, p);
		if (d && d->rhs.kind == VAL_PATH && d->rhs.path->kind == PATH_INDEX)
			p = d->rhs.path->parent;
	}
	arr_set(u, f, p, a);
	return 1;
}

static int arr_match(const struct arr_id *a, const struct arr_id *b)
{
	if (a->f == b->f && a->p == b->p)
		return 1;
	return a->field && b->field && !strcmp(a->field, b->field) && !strcmp(a->tag, b->tag);
}

/* the array a release or dirty call acts on */
static int arr_of_call(const struct ir_unit *u, const struct ir_func *f, const struct ir_event *e,
		       const struct model_fn *r, struct arr_id *a)
{
	int arith;
	if (r->slot.pages >= 0)
		return arr_of_pages(u, f, arg_at(e, r->slot.pages), a, &arith);
	return arr_of_page(u, f, arg_at(e, r->slot.buf), a);
}

/* the pins of the unit whose array matches a: families seen (1 pin, 2 get), and one of them */
struct pins_of {
	int fam;
	int nowrite;                 /* some matching pin has no unconditional FOLL_WRITE */
	int anywrite;                /* some matching pin mentions FOLL_WRITE (maybe conditionally) */
	const struct ir_event *pin;
	const struct ir_func *pf;
};

static int family_bit(const char *fam)
{
	return !fam ? 0 : !strcmp(fam, "pin") ? 1 : !strcmp(fam, "get") ? 2 : 0;
}

static int write_pin(const struct ir_val *flags)
{
	const char *t = flags ? flags->text : NULL;
	return t && strstr(t, "FOLL_WRITE") && !strchr(t, '?');
}

static void find_pins(const struct ir_unit *u, const struct arr_id *a, struct pins_of *out)
{
	memset(out, 0, sizeof(*out));
	for (int k = 0; k < u->nfuncs; k++) {
		const struct ir_func *f = u->funcs[k];
		for (int i = 0; i < f->ncalls; i++) {
			const struct ir_event *e = f->calls[i];
			const struct model_fn *r = model_fn_role(e->model, ROLE_GUP_PIN);
			struct arr_id b;
			int arith;
			if (!r || r->derived || !arr_of_pages(u, f, arg_at(e, r->slot.pages), &b, &arith) || !arr_match(a, &b))
				continue;
			out->fam |= family_bit(r->family);
			const struct ir_val *fl = arg_at(e, r->slot.flags);
			if (!write_pin(fl))
				out->nowrite = 1;
			if (fl && fl->text && strstr(fl->text, "FOLL_WRITE"))
				out->anywrite = 1;
			if (!out->pin || (f == a->f && out->pf != a->f)) {
				out->pin = e;
				out->pf = f;
			}
		}
	}
}

/* a direction argument the device writes with (DMA_FROM_DEVICE, DMA_BIDIRECTIONAL) */
static int device_writes(const struct model *m, const struct ir_val *d)
{
	const char *t = d && d->text ? d->text : NULL;
	const struct model_dir *md = t ? model_dir_find(m, t, strlen(t)) : NULL;
	return md && (md->cls == DIR_FROM_DEVICE || md->cls == DIR_BIDIRECTIONAL);
}

/* does a release call dirty the pages (unpin_user_pages_dirty_lock(p, n, make_dirty) with make_dirty not false)? */
static int release_dirties(const struct ir_event *e, const struct model_fn *r)
{
	const struct ir_val *v = arg_at(e, r->slot.val);
	if (!v)
		return 0;
	if (v->kind == VAL_INT)
		return v->ival != 0;
	return !same_text(v->text, "false");
}

/*
 * Did the device run before this unmap? Either the mapping was made
 * elsewhere (this is the completion or teardown path), or a doorbell write
 * or a wait reaches the unmap. An unmap on the unwind path of a failed
 * mapping loop is neither.
 */
static int device_ran(const struct gctx *g, const struct ir_event *unmap)
{
	const struct ir_func *f = g->f;
	if (!checks_calls_role(f, ROLE_STREAM_MAP))
		return 1;
	for (int k = 0; k < f->ncalls; k++) {
		const struct ir_event *x = f->calls[k];
		if ((model_fn_role(x->model, ROLE_MMIO_WRITE) || model_fn_role(x->model, ROLE_TASK_WAIT)) &&
		    call_reaches(g, x, unmap))
			return 1;
	}
	return 0;
}

static const char *release_hint(int fam)
{
	return fam == 1 ? "unpin_user_page()/unpin_user_pages() (or unpin_user_pages_dirty_lock())"
			: "put_page() (or release_pages())";
}

static void check_release(struct gctx *g)
{
	const struct ir_func *f = g->f;
	const struct ir_unit *u = &g->u->ir;
	int any_dirty = 0;
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *r = model_fn_role(e->model, ROLE_GUP_RELEASE);
		any_dirty |= model_fn_role(e->model, ROLE_GUP_DIRTY) != NULL || (r && release_dirties(e, r));
	}
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *r = model_fn_role(e->model, ROLE_GUP_RELEASE);
		const struct model_fn *d = model_fn_role(e->model, ROLE_GUP_DIRTY);
		struct arr_id a;
		struct pins_of po;
		if (r && !r->derived && r->family && !strcmp(r->family, "obsolete")) {
			unit_report(g->u, "gup-dirty-and-release", f, e->start, e->end,
				    "%s() was removed in Linux 4.6; release get_user_pages() pages with put_page() and pin_user_pages() pages with unpin_user_page()",
				    e->callee);
			continue;
		}
		if (r && !r->derived && arr_of_call(u, f, e, r, &a)) {
			int fam = family_bit(r->family);
			find_pins(u, &a, &po);
			if (fam && (po.fam == 1 || po.fam == 2) && po.fam != fam) {
				struct dmc_finding *fd = unit_report(g->u, "gup-dirty-and-release", f, e->start, e->end,
					"%s() releases pages that %s() %s; release them with %s",
					e->callee, po.pin->callee,
					po.fam == 1 ? "pinned with FOLL_PIN (the pin count is not a page reference)" : "took page references for (not FOLL_PIN pins)",
					release_hint(po.fam));
				if (po.pf == f)
					unit_note(g->u, fd, po.pin->start, "pinned here");
				continue;
			}
			/* released after the device wrote, and nothing marks the pages dirty */
			int user = fam == 1 || po.fam;
			if (user && !any_dirty && !(po.fam && !po.anywrite)) {
				const struct ir_event *unmap = NULL;
				for (int k = 0; k < f->ncalls && !unmap; k++) {
					const struct ir_event *x = f->calls[k];
					const struct model_fn *um = model_fn_role(x->model, ROLE_STREAM_UNMAP);
					const struct ir_val *dv = um ? arg_at(x, um->slot.dir) : NULL;
					/* the device writes: a FROM_DEVICE/BIDIRECTIONAL unmap, or a direction variable with a FOLL_WRITE pin */
					int writes = dv && (device_writes(g->m, dv) ||
							    (po.anywrite && !model_dir_find(g->m, vtext(dv), strlen(vtext(dv)))));
					if (um && !um->derived && writes && call_reaches(g, x, e) && device_ran(g, x))
						unmap = x;
				}
				if (unmap) {
					struct dmc_finding *fd = unit_report(g->u, "gup-dirty-and-release", f, e->start, e->end,
						"%s() releases user pages the device may have written (unmapped with %s) without marking them dirty; use unpin_user_pages_dirty_lock(..., true) or set_page_dirty_lock() first, or the data can be lost",
						e->callee, vtext(arg_at(unmap, model_fn_role(unmap->model, ROLE_STREAM_UNMAP)->slot.dir)));
					unit_note(g->u, fd, unmap->start, "the device's DMA ends here");
				}
			}
		}
		const struct model_fn *dr = d ? d : (r && release_dirties(e, r) ? r : NULL);
		if (!dr || dr->derived || !arr_of_call(u, f, e, dr, &a))
			continue;
		find_pins(u, &a, &po);
		int user = po.fam || (r && family_bit(r->family) == 1);
		if (!user)
			continue;
		if (d && d->family && !strcmp(d->family, "raw")) {
			unit_report(g->u, "gup-dirty-and-release", f, e->start, e->end,
				    "%s() on a user page bypasses the filesystem (->dirty_folio) and races with writeback; use set_page_dirty_lock() or unpin_user_pages_dirty_lock()",
				    e->callee);
			continue;
		}
		/* dirtied before the DMA is over, or after the pages were released */
		const struct ir_event *bad = NULL;
		const char *why = NULL;
		for (int k = 0; k < f->ncalls && !bad; k++) {
			const struct ir_event *x = f->calls[k];
			const struct model_fn *um = model_fn_role(x->model, ROLE_STREAM_UNMAP);
			const struct model_fn *rr = model_fn_role(x->model, ROLE_GUP_RELEASE);
			struct arr_id b;
			if (um && !um->derived && device_writes(g->m, arg_at(x, um->slot.dir)) && x->start > e->end &&
			    call_reaches(g, e, x)) {
				bad = x;
				why = "before the DMA is unmapped: the device may still write to them, and the writes after this are lost";
			} else if (d && rr && !rr->derived && x != e && x->end < e->start && arr_of_call(u, f, x, rr, &b) &&
				   arr_match(&a, &b) && call_reaches(g, x, e)) {
				bad = x;
				why = "after they were released";
			}
		}
		if (bad) {
			struct dmc_finding *fd = unit_report(g->u, "gup-dirty-and-release", f, e->start, e->end,
							     "%s() marks user pages dirty %s", e->callee, why);
			unit_note(g->u, fd, bad->start, "%s() here", bad->callee);
		}
	}
}

/* ====================================================================== */
/* GUP-01: mmap_lock around the GUP call                                   */
/* ====================================================================== */

enum held { H_NO, H_OWN, H_HELD, H_UNK, H_LOST };  /* H_OWN: taken in this function */
#define HM(h) (1u << (h))

struct lst {
	uint8_t held, prev, gup, pad;
	int pend_call;                 /* a _killable/_trylock call whose result is not tested yet */
	const struct ir_path *pend_var; /* ... or the variable holding it */
};

struct lwork { int block; struct lst st; };

struct lwalk {
	struct unit *u;
	const struct model *m;
	const struct ir_func *f;
	const struct ir_event *target;  /* collect the states at this event */
	unsigned mask;
	struct gctx *rep;               /* report here (the checked function), or NULL */
	const struct ir_event **unk_needs, **unk_takes; /* calls reached with an unknown entry state */
	int nunk_needs, nunk_takes;
};

static enum held entry_held(const struct model *m, const struct ir_unit *u, const struct ir_func *f)
{
	const char *k = entry_kind(m, u, f->name, NULL);
	if (k)
		return !strcmp(k, "mmap") || !strcmp(k, "fault") || !strcmp(k, "vma-open") || !strcmp(k, "vma-close")
			? H_HELD : H_NO;
	size_t n = strlen(f->name);
	if (n > 7 && !strcmp(f->name + n - 7, "_locked"))
		return H_HELD;
	return H_UNK;
}

static const struct ir_func *find_func(const struct ir_unit *u, const char *name)
{
	for (int i = 0; name && i < u->nfuncs; i++)
		if (!strcmp(u->funcs[i]->name, name))
			return u->funcs[i];
	return NULL;
}

/*
 * Is this mmap.lock/mmap.unlock call about mmap_lock? mmap_read_lock(mm) always;
 * the raw rwsem calls (family=rwsem) only on a member named by a word of
 * class mmap.lock-member: down_read(&mm->mmap_lock).
 */
static int lock_call_applies(const struct model *m, const struct ir_event *e, const struct model_fn *r)
{
	if (!r->family || strcmp(r->family, "rwsem"))
		return 1;
	const char *t = vtext(arg_at(e, r->slot.obj));
	size_t n = strlen(t), k = n;
	while (k && (isalnum((unsigned char)t[k - 1]) || t[k - 1] == '_'))
		k--;
	const char *cls = n > k ? model_word_class(m, t + k, n - k) : NULL;
	return cls && !strcmp(cls, "mmap.lock-member");
}

/* does f (or a same-file function it calls, to a small depth) take or drop mmap_lock? */
static int changes_lock(const struct model *m, const struct ir_unit *u, const struct ir_func *f, int depth)
{
	if (!f || depth > 2)
		return 0;
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *lr = model_fn_role(e->model, ROLE_MMAP_LOCK);
		if (!lr)
			lr = model_fn_role(e->model, ROLE_MMAP_UNLOCK);
		if (lr && lock_call_applies(m, e, lr))
			return 1;
		const struct ir_func *g = (!e->model || e->model->derived) ? find_func(u, e->callee) : NULL;
		if (g && g != f && changes_lock(m, u, g, depth + 1))
			return 1;
	}
	return 0;
}

static void lock_report(struct lwalk *w, const struct ir_event *e, const char *fmt, const char *a, const char *b)
{
	if (!w->rep || already(w->rep, e, 1))
		return;
	unit_report(w->u, "gup-locking-and-variant", w->f, e->start, e->end, fmt, a, b);
}

static void lock_event(struct lwalk *w, struct lst *s, const struct ir_event *e)
{
	if (e->kind == EV_ASSIGN && s->pend_call >= 0 && e->lhs && e->rhs.kind == VAL_CALL && e->rhs.call == s->pend_call) {
		s->pend_var = e->lhs;
		return;
	}
	if (e->kind != EV_CALL)
		return;
	if (e == w->target)
		w->mask |= HM(s->held);
	int local_fn = !e->model || e->model->derived;
	if (local_fn) {
		const struct ir_func *g = find_func(&w->u->ir, e->callee);
		if (g && g != w->f && changes_lock(w->m, &w->u->ir, g, 0))
			s->held = H_LOST;
		return;
	}
	for (const struct model_fn *r = e->model; r; r = r->next) {
		if ((r->role == ROLE_MMAP_LOCK || r->role == ROLE_MMAP_UNLOCK) && !lock_call_applies(w->m, e, r))
			continue;
		switch (r->role) {
		case ROLE_MMAP_LOCK:
			if (r->ret != RET_NONE) {
				s->prev = s->held;
				s->pend_call = e->call;
				s->pend_var = NULL;
			}
			s->held = H_OWN;
			s->gup = 0;
			break;
		case ROLE_MMAP_UNLOCK:
			s->held = H_NO;
			s->gup = 0;
			break;
		case ROLE_MMAP_ASSERT:
			if (s->held != H_OWN)
				s->held = H_HELD;
			break;
		case ROLE_MMAP_NEEDS_LOCK:
			if (s->held == H_NO)
				lock_report(w, e, "%s() must be called with mmap_read_lock() held (it walks the VMAs of the mm)%s, but mmap_lock is not held here",
					    e->callee, "");
			else if (s->held == H_UNK && w->rep) {
				w->unk_needs = xrealloc(w->unk_needs, (size_t)(w->nunk_needs + 1) * sizeof(*w->unk_needs));
				w->unk_needs[w->nunk_needs++] = e;
			}
			if (s->held == H_OWN)
				s->gup = 1;
			/* pin_user_pages_remote(..., &locked): the lock may be dropped inside */
			for (int a = 0; a < e->nargs; a++)
				if (e->args[a].kind == VAL_ADDR && a != r->slot.pages) {
					const struct model_fn *pin = model_fn_role(e->model, ROLE_GUP_PIN);
					if (!pin || a != pin->slot.pages)
						s->held = H_LOST;
				}
			break;
		case ROLE_MMAP_TAKES_LOCK:
			if (s->held == H_OWN || s->held == H_HELD)
				lock_report(w, e, "%s() takes mmap_lock itself, but it is already held here%s; call it without the lock, or use the locked variant",
					    e->callee, s->held == H_HELD ? " (this function runs under mmap_lock)" : "");
			else if (s->held == H_UNK && w->rep) {
				w->unk_takes = xrealloc(w->unk_takes, (size_t)(w->nunk_takes + 1) * sizeof(*w->unk_takes));
				w->unk_takes[w->nunk_takes++] = e;
			}
			break;
		case ROLE_TASK_WAIT:
			if (s->held == H_OWN && s->gup)
				lock_report(w, e, "%s() waits while mmap_lock is still held for the GUP call; drop it with mmap_read_unlock() right after %s",
					    e->callee, "get_user_pages()/pin_user_pages()");
			break;
		default:
			break;
		}
	}
}

static int lst_add(struct lst **seen, int *nseen, int b, const struct lst *s)
{
	for (int i = 0; i < nseen[b]; i++)
		if (!memcmp(&seen[b][i], s, sizeof(*s)))
			return 0;
	if (nseen[b] >= MAX_SEEN)
		return 0;
	if (!seen[b])
		seen[b] = xcalloc(MAX_SEEN, sizeof(**seen));
	seen[b][nseen[b]++] = *s;
	return 1;
}

/* walk f from its entry state; collects w->mask at w->target and reports when w->rep is set */
static void lock_walk(struct lwalk *w, enum held entry)
{
	const struct ir_func *f = w->f;
	if (!f->nblocks)
		return;
	struct lst **seen = xcalloc((size_t)f->nblocks, sizeof(*seen));
	int *nseen = xcalloc((size_t)f->nblocks, sizeof(int));
	struct lwork *work = NULL;
	int nwork = 0, capwork = 0;
	long steps = 0;
	struct lst s0;
	memset(&s0, 0, sizeof(s0));
	s0.held = (uint8_t)entry;
	s0.pend_call = -1;
	lst_add(seen, nseen, 0, &s0);
	work = xrealloc(work, sizeof(*work) * (size_t)(capwork = 16));
	work[nwork++] = (struct lwork){ 0, s0 };
	while (nwork && steps++ < MAX_STEPS) {
		struct lwork it = work[--nwork];
		const struct ir_block *b = f->blocks[it.block];
		struct lst s = it.st;
		for (int i = 0; i < b->nev; i++)
			lock_event(w, &s, b->ev[i]);
		for (int k = 0; k < b->nsucc; k++) {
			int to = b->succ[k];
			if (to < 0 || to >= f->nblocks)
				continue;
			struct lst t = s;
			if (b->term == T_BRANCH && s.pend_call >= 0 && k < 2 &&
			    ((b->cond.kind == VAL_CALL && b->cond.call == s.pend_call) ||
			     (b->cond.kind == VAL_PATH && s.pend_var && b->cond.path == s.pend_var))) {
				const struct ir_event *lc = f->calls[s.pend_call];
				const struct model_fn *r = model_fn_role(lc->model, ROLE_MMAP_LOCK);
				int fail_edge = -1;
				if (r && r->ret == RET_ERRNO && (b->test == COND_NONZERO || b->test == COND_NEG))
					fail_edge = 0;
				else if (r && r->ret == RET_COUNT && b->test == COND_NONZERO)
					fail_edge = 1;
				else if (r && r->ret == RET_COUNT && b->test == COND_LE0)
					fail_edge = 0;
				if (k == fail_edge)
					t.held = t.prev;
				t.pend_call = -1;
				t.pend_var = NULL;
				t.prev = 0;
			}
			if (lst_add(seen, nseen, to, &t)) {
				if (nwork == capwork)
					work = xrealloc(work, sizeof(*work) * (size_t)(capwork *= 2));
				work[nwork++] = (struct lwork){ to, t };
			}
		}
	}
	for (int b = 0; b < f->nblocks; b++)
		free(seen[b]);
	free(seen);
	free(nseen);
	free(work);
}

/* the lock states f can be entered with, from its callers in this file */
static unsigned entry_states(struct unit *u, const struct ir_func *f, int depth, const struct ir_func **caller)
{
	const struct model *m = &u->s->model;
	enum held h = entry_held(m, &u->ir, f);
	if (h != H_UNK)
		return HM(h);
	if (depth >= MAX_DEPTH)
		return HM(H_UNK);
	unsigned mask = 0;
	int found = 0;
	for (int k = 0; k < u->ir.nfuncs; k++) {
		const struct ir_func *g = u->ir.funcs[k];
		if (g == f)
			continue;
		for (int i = 0; i < g->ncalls; i++) {
			const struct ir_event *e = g->calls[i];
			if (!e->callee || strcmp(e->callee, f->name))
				continue;
			struct lwalk w = { .u = u, .m = m, .f = g, .target = e };
			lock_walk(&w, entry_held(m, &u->ir, g));
			unsigned sm = w.mask;
			if (sm & HM(H_UNK))
				sm = (sm & ~HM(H_UNK)) | entry_states(u, g, depth + 1, NULL);
			mask |= sm;
			if (!found && caller)
				*caller = g;
			found = 1;
		}
	}
	/* also named in an initializer or taken by address elsewhere: unknown callers */
	for (int i = 0; i < u->ir.ninits; i++)
		if (!strcmp(u->ir.inits[i].value, f->name))
			mask |= HM(H_UNK);
	return found ? mask : HM(H_UNK);
}

static void check_lock(struct gctx *g)
{
	struct lwalk w = { .u = g->u, .m = g->m, .f = g->f, .rep = g };
	lock_walk(&w, entry_held(g->m, &g->u->ir, g->f));
	if (w.nunk_needs || w.nunk_takes) {
		const struct ir_func *caller = NULL;
		unsigned mask = entry_states(g->u, g->f, 0, &caller);
		int own = checks_calls_role(g->f, ROLE_MMAP_LOCK);
		for (int i = 0; i < w.nunk_needs; i++)
			if (mask == HM(H_NO) && caller && !already(g, w.unk_needs[i], 1))
				unit_report(g->u, "gup-locking-and-variant", g->f, w.unk_needs[i]->start, w.unk_needs[i]->end,
					    own ? "%s() must be called with mmap_read_lock() held, but mmap_lock is not taken on this path, and %s()'s callers in this file (%s()) do not hold it"
						: "%s() must be called with mmap_read_lock() held, but neither %s() nor its callers in this file (%s()) take mmap_lock",
					    w.unk_needs[i]->callee, g->f->name, caller->name);
		for (int i = 0; i < w.nunk_takes; i++)
			if ((mask & (HM(H_OWN) | HM(H_HELD))) && caller && !already(g, w.unk_takes[i], 1))
				unit_report(g->u, "gup-locking-and-variant", g->f, w.unk_takes[i]->start, w.unk_takes[i]->end,
					    "%s() takes mmap_lock itself, but %s() is called with mmap_lock held (from %s() in this file); call it without the lock, or use the locked variant",
					    w.unk_takes[i]->callee, g->f->name, caller->name);
	}
	free(w.unk_needs);
	free(w.unk_takes);
}

/* ====================================================================== */
/* GUP-02: what the pin's result may be, per path                          */
/* ====================================================================== */

#define B_NONE  1u   /* negative errno (or 0): nothing pinned */
#define B_SHORT 2u   /* 0 < n < nr */
#define B_FULL  4u   /* n == nr */
#define B_ALL   7u

enum cmp_op { OP_NONE, OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE };

static void trim_copy(char *dst, size_t n, const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	/* (x) -> x when the parentheses enclose everything */
	while (len >= 2 && s[0] == '(' && s[len - 1] == ')') {
		int d = 0, whole = 1;
		for (size_t i = 0; i < len - 1; i++) {
			d += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
			if (d == 0) {
				whole = 0;
				break;
			}
		}
		if (!whole)
			break;
		s++, len -= 2;
	}
	if (len >= n)
		len = n - 1;
	memcpy(dst, s, len);
	dst[len] = 0;
}

/* split "L op R" at its top-level comparison */
static enum cmp_op split_cmp(const char *t, char *l, char *r, size_t n)
{
	int d = 0;
	if (!t)
		return OP_NONE;
	for (const char *p = t; *p; p++) {
		if (*p == '(' || *p == '[')
			d++;
		else if (*p == ')' || *p == ']')
			d--;
		if (d)
			continue;
		if ((p[0] == '&' && p[1] == '&') || (p[0] == '|' && p[1] == '|') || *p == '?')
			return OP_NONE;
		enum cmp_op op = OP_NONE;
		int w = 1;
		if (p[0] == '-' && p[1] == '>') {
			p++;
			continue;
		}
		if ((p[0] == '<' && p[1] == '<') || (p[0] == '>' && p[1] == '>')) {
			p++;
			continue;
		}
		if (p[0] == '<' && p[1] == '=') op = OP_LE, w = 2;
		else if (p[0] == '>' && p[1] == '=') op = OP_GE, w = 2;
		else if (p[0] == '=' && p[1] == '=') op = OP_EQ, w = 2;
		else if (p[0] == '!' && p[1] == '=') op = OP_NE, w = 2;
		else if (p[0] == '<') op = OP_LT;
		else if (p[0] == '>') op = OP_GT;
		if (op == OP_NONE)
			continue;
		trim_copy(l, n, t, (size_t)(p - t));
		trim_copy(r, n, p + w, strlen(p + w));
		return op;
	}
	return OP_NONE;
}

static enum cmp_op mirror(enum cmp_op op)
{
	switch (op) {
	case OP_LT: return OP_GT;
	case OP_GT: return OP_LT;
	case OP_LE: return OP_GE;
	case OP_GE: return OP_LE;
	default: return op;
	}
}

struct pst {
	uint8_t bits, tested, accum, na;
	uint8_t rel;                          /* released or handed over on this path since the partial test */
	uint8_t pad[3];
	int cand_to;                          /* the block the partial test sent this path to */
	const struct ir_path *al[MAX_ALIAS];  /* variables holding n */
	const struct ir_val *loop[2];         /* loop conditions "i < B" whose body this path is in */
	const struct ir_val *cand;            /* the test that sent a short pin down this path as a failure */
};

struct pwalk {
	struct gctx *g;
	const struct ir_event *pin;
	const struct model_fn *r;
	const struct ir_path *key;      /* the pages array (or the single page variable) */
	int single_var;                 /* pages= was &page */
	const struct ir_val *req;       /* the count asked for */
	int req_one;
};

/* does text t mention w as a whole word (n in "n * PAGE_SIZE", not in "nr")? */
static int mentions_word(const char *t, const char *w)
{
	size_t n = w ? strlen(w) : 0;
	if (!t || !n)
		return 0;
	for (const char *q = t; (q = strstr(q, w)); q += n)
		if ((q == t || !(isalnum((unsigned char)q[-1]) || q[-1] == '_' || q[-1] == '>' || q[-1] == '.')) &&
		    !(isalnum((unsigned char)q[n]) || q[n] == '_'))
			return 1;
	return 0;
}

static int is_alias(const struct pst *s, const struct ir_path *p)
{
	for (int i = 0; p && i < s->na; i++)
		if (s->al[i] == p)
			return 1;
	return 0;
}

static int alias_text(const struct pwalk *w, const struct pst *s, const char *t)
{
	for (int i = 0; i < s->na; i++)
		if (same_text(t, ptext(s->al[i])))
			return 1;
	return 0;
}

/* a side of a comparison that is the pin's result: an alias, or the pin call itself written in the condition */
static int side_is_n(const struct pwalk *w, const struct pst *s, const char *side, const struct ir_val *cond)
{
	if (alias_text(w, s, side))
		return 1;
	size_t n = strlen(w->pin->callee);
	return cond->start <= w->pin->start && w->pin->end <= cond->end && !strncmp(side, w->pin->callee, n) &&
	       side[n] == '(';
}

static int is_req_text(const struct pwalk *w, const char *t)
{
	if (same_text(t, vtext(w->req)))
		return 1;
	if (w->req->kind == VAL_INT && t[0] && strspn(t, "0123456789") == strlen(t))
		return strtoll(t, NULL, 10) == w->req->ival;
	return 0;
}

/* the sets of results allowed on the true and false edges of "n op k" */
static void cmp_sets(const struct pwalk *w, enum cmp_op op, const char *k, unsigned *t, unsigned *f)
{
	*t = *f = B_ALL;
	int zero = !strcmp(k, "0"), one = !strcmp(k, "1");
	if (is_req_text(w, k)) {
		if (op == OP_LT || op == OP_NE)
			*t = B_NONE | B_SHORT, *f = B_FULL;
		else if (op == OP_EQ || op == OP_GE)
			*t = B_FULL, *f = B_NONE | B_SHORT;
	} else if (zero) {
		if (op == OP_LT || op == OP_LE || op == OP_EQ)
			*t = B_NONE, *f = op == OP_EQ ? B_ALL : B_SHORT | B_FULL;
		else if (op == OP_GT || op == OP_GE || op == OP_NE)
			*t = op == OP_NE ? B_ALL : B_SHORT | B_FULL, *f = B_NONE;
	} else if (one) {
		if (op == OP_LT)
			*t = B_NONE, *f = B_SHORT | B_FULL;
		else if (op == OP_GE)
			*t = B_SHORT | B_FULL, *f = B_NONE;
	}
}

/* does the branch test n? sets *t / *f to the allowed result sets of its two edges */
static int branch_sets(const struct pwalk *w, const struct pst *s, const struct ir_block *b, unsigned *t, unsigned *f)
{
	const struct ir_val *c = &b->cond;
	int direct = (c->kind == VAL_PATH && is_alias(s, c->path)) || (c->kind == VAL_CALL && c->call == w->pin->call);
	*t = *f = B_ALL;
	if (direct) {
		if (b->test == COND_NEG)
			cmp_sets(w, OP_LT, "0", t, f);
		else if (b->test == COND_LE0)
			cmp_sets(w, OP_LE, "0", t, f);
		else if (b->test == COND_NONZERO)
			cmp_sets(w, OP_NE, "0", t, f);
		return 1;
	}
	if (c->kind != VAL_OTHER || b->test != COND_NONZERO)
		return 0;
	char l[256], r[256];
	enum cmp_op op = split_cmp(c->text, l, r, sizeof(l));
	if (op == OP_NONE)
		return 0;
	if (side_is_n(w, s, l, c))
		cmp_sets(w, op, r, t, f);
	else if (side_is_n(w, s, r, c))
		cmp_sets(w, mirror(op), l, t, f);
	else
		return 0;
	return 1;
}

static int is_ident(const char *t)
{
	if (!t || !(isalpha((unsigned char)*t) || *t == '_'))
		return 0;
	for (; *t; t++)
		if (!(isalnum((unsigned char)*t) || *t == '_'))
			return 0;
	return 1;
}

/* "i < B" (or "B > i", "i <= B"): the index i and its bound B, or 0 */
static int loop_cond(const struct ir_val *c, char *idx, char *bound, size_t n)
{
	if (!c || c->kind != VAL_OTHER)
		return 0;
	char l[256], r[256];
	enum cmp_op op = split_cmp(c->text, l, r, sizeof(l));
	if ((op == OP_LT || op == OP_LE) && is_ident(l)) {
		snprintf(idx, n, "%s", l);
		snprintf(bound, n, "%s", r);
		return 1;
	}
	if ((op == OP_GT || op == OP_GE) && is_ident(r)) {
		snprintf(idx, n, "%s", r);
		snprintf(bound, n, "%s", l);
		return 1;
	}
	return 0;
}

/* the bound B of loop index idx on this path: the innermost loop condition "idx < B" we are inside */
static const char *index_bound(const struct pst *s, const char *idx, char *buf, size_t n)
{
	char i[256];
	for (int k = 0; k < 2; k++)
		if (s->loop[k] && loop_cond(s->loop[k], i, buf, n) && !strcmp(i, idx))
			return buf;
	return NULL;
}

/* on the edges of a loop test "i < B": remember it in the body (edge 0), forget it on the way out */
static void track_loop(struct pst *t, const struct ir_block *b, int edge)
{
	char idx[256], bound[256], other[256], ob[256];
	if (b->term != T_BRANCH || !loop_cond(&b->cond, idx, bound, sizeof(idx)))
		return;
	for (int k = 0; k < 2; k++)
		if (t->loop[k] && loop_cond(t->loop[k], other, ob, sizeof(other)) && !strcmp(other, idx))
			t->loop[k] = NULL;
	if (edge == 0) {
		t->loop[1] = t->loop[0];
		t->loop[0] = &b->cond;
	} else if (!t->loop[0] && t->loop[1]) {
		t->loop[0] = t->loop[1];
		t->loop[1] = NULL;
	}
}

/* is pages[i] tested for NULL somewhere (a kcalloc'ed array released entry by entry)? */
static int null_guarded(const struct ir_func *f, const struct ir_path *elem)
{
	for (int b = 0; b < f->nblocks; b++)
		if (f->blocks[b]->term == T_BRANCH && f->blocks[b]->cond.kind == VAL_PATH && f->blocks[b]->cond.path == elem)
			return 1;
	return 0;
}

/* the innermost call whose arguments contain bytes [s, e) */
static const struct ir_event *enclosing_call(const struct ir_func *f, uint32_t s, uint32_t e)
{
	const struct ir_event *best = NULL;
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *c = f->calls[i];
		for (int a = 0; a < c->nargs; a++)
			if (c->args[a].start <= s && e <= c->args[a].end && (!best || c->end - c->start < best->end - best->start))
				best = c;
	}
	return best;
}

static void partial_report(struct pwalk *w, const struct ir_event *at, int what, const char *used)
{
	struct gctx *g = w->g;
	if (already(g, at, 2))
		return;
	struct dmc_finding *fd;
	const char *nr = vtext(w->req);
	if (what == 'a')
		fd = unit_report(g->u, "gup-return-partial", g->f, at->start, at->end,
				 "%s is used before the result of %s() is tested: it may be a negative errno or fewer than the %s pages asked for",
				 used, w->pin->callee, nr);
	else
		fd = unit_report(g->u, "gup-return-partial", g->f, at->start, at->end,
				 "%s %s '%s' pages, but %s() may have pinned fewer; use the count it returned",
				 used, what == 'c' ? "releases" : "uses", nr, w->pin->callee);
	unit_note(g->u, fd, w->pin->start, "%s() asked for '%s' pages here", w->pin->callee, nr);
}

/* a use of count= entries of the array by call e (release or pages-use) */
static void count_use(struct pwalk *w, const struct pst *s, const struct ir_event *e, const struct ir_val *cnt, int release)
{
	if (!cnt || s->accum)
		return;
	char used[160];
	snprintf(used, sizeof(used), "%s()", e->callee);
	int isn = (cnt->kind == VAL_PATH && is_alias(s, cnt->path)) || alias_text(w, s, cnt->text);
	if (!s->tested && (s->bits & B_NONE) && !release && (isn || is_req_text(w, vtext(cnt))))
		partial_report(w, e, 'a', used);
	else if (!isn && is_req_text(w, vtext(cnt)) && (s->bits & B_SHORT))
		partial_report(w, e, release ? 'c' : 'd', used);
}

/* does a value name the pages array (or the object holding it), or, with count_too, hold n? */
static int names_pins(const struct pwalk *w, const struct pst *s, const struct ir_val *v, int count_too)
{
	const struct ir_path *p = v->kind == VAL_PATH || v->kind == VAL_ADDR ? v->path
				  : (v->flags & VALF_ARITH) ? v->base : NULL;
	if (!p && v->kind == VAL_OTHER && count_too)
		for (int i = 0; i < s->na; i++)
			if (mentions_word(v->text, ptext(s->al[i])))
				return 1;  /* (err >= 0) ? err : 0 */
	if (!p)
		return v->kind == VAL_CALL && v->call == w->pin->call;
	/* the array, an entry of it, or the object holding it (buf for buf->pages) */
	if (ir_path_has_prefix(p, w->key) || ir_path_has_prefix(w->key, p))
		return 1;
	return count_too && is_alias(s, p);
}

/* does e release the pins, or hand the pages (or n) to someone who will? */
static int hands_over(const struct pwalk *w, const struct pst *s, const struct ir_event *e)
{
	if (e->kind == EV_CALL) {
		if (model_fn_role(e->model, ROLE_GUP_RELEASE)) {
			for (int a = 0; a < e->nargs; a++)
				if (names_pins(w, s, &e->args[a], 1))
					return 1;
			return 0;
		}
		if (model_fn_role(e->model, ROLE_PURE) || model_fn_role(e->model, ROLE_MEM_FREE) ||
		    model_fn_role(e->model, ROLE_GUP_DIRTY) || model_fn_role(e->model, ROLE_GUP_PIN))
			return 0;
		/* the pages (or their owner) handed over; n alone only to a function of this file */
		int local = find_func(&w->g->u->ir, e->callee) != NULL;
		for (int a = 0; a < e->nargs; a++)
			if (names_pins(w, s, &e->args[a], local))
				return 1;
		return 0;
	}
	/* obj->npages = n: the owner releases them */
	return e->kind == EV_ASSIGN && e->lhs && (!e->lhs->root->is_local || e->lhs->kind != PATH_VAR) &&
	       names_pins(w, s, &e->rhs, 1);
}

/* the body of loop "i < n" (from its test block b): does it release the pins? */
static int loop_releases(const struct pwalk *w, const struct pst *s, const struct ir_block *b)
{
	const struct ir_func *f = w->g->f;
	if (b->nsucc < 1 || b->succ[0] < 0 || b->succ[0] >= f->nblocks)
		return 0;
	char *seen = xcalloc((size_t)f->nblocks, 1);
	int *stack = xcalloc((size_t)f->nblocks + 1, sizeof(int));
	int sp = 0, found = 0;
	seen[b->id >= 0 && b->id < f->nblocks ? b->id : 0] = 1;
	for (int k = 0; k < f->nblocks; k++)
		if (f->blocks[k] == b)
			seen[k] = 1;
	stack[sp++] = b->succ[0];
	seen[b->succ[0]] = 1;
	while (sp && !found) {
		const struct ir_block *x = f->blocks[stack[--sp]];
		for (int i = 0; i < x->nev && !found; i++)
			found = hands_over(w, s, x->ev[i]);
		for (int k = 0; k < x->nsucc; k++)
			if (x->succ[k] >= 0 && x->succ[k] < f->nblocks && !seen[x->succ[k]]) {
				seen[x->succ[k]] = 1;
				stack[sp++] = x->succ[k];
			}
	}
	free(seen);
	free(stack);
	return found;
}

/*
 * Is a release of the pins (or a hand-over of the pages) reachable at all
 * from block b? Used to stay quiet when the path that loses the pins is only
 * possible if unrelated conditions disagree (if (ret && n > 0) unpin ...).
 */
static int release_reachable(const struct pwalk *w, const struct pst *s, int b0)
{
	const struct ir_func *f = w->g->f;
	if (b0 < 0 || b0 >= f->nblocks)
		return 0;
	char *seen = xcalloc((size_t)f->nblocks, 1);
	int *stack = xcalloc((size_t)f->nblocks + 1, sizeof(int));
	int sp = 0, found = 0;
	stack[sp++] = b0;
	seen[b0] = 1;
	while (sp && !found) {
		const struct ir_block *x = f->blocks[stack[--sp]];
		for (int i = 0; i < x->nev && !found; i++)
			found = x->ev[i]->kind == EV_CALL && x->ev[i] != w->pin && hands_over(w, s, x->ev[i]);
		for (int k = 0; k < x->nsucc; k++)
			if (x->succ[k] >= 0 && x->succ[k] < f->nblocks && !seen[x->succ[k]]) {
				seen[x->succ[k]] = 1;
				stack[sp++] = x->succ[k];
			}
	}
	free(seen);
	free(stack);
	return found;
}

static void leak_report(struct pwalk *w, const struct pst *s, const struct ir_event *ret)
{
	struct gctx *g = w->g;
	if (already(g, (const struct ir_event *)s->cand, 3))
		return;
	if (release_reachable(w, s, s->cand_to))
		return;
	struct dmc_finding *fd = unit_report(g->u, "gup-return-partial", g->f, s->cand->start, s->cand->end,
		"'%s' sends a short pin to an error path that does not release the pages %s() did pin (0 < n < %s); unpin_user_pages(pages, n) (or put_page() each of them) before failing",
		vtext(s->cand), w->pin->callee, vtext(w->req));
	unit_note(g->u, fd, w->pin->start, "pinned here");
	unit_note(g->u, fd, ret->start, "the pins are lost when this returns");
}

static void pin_event(struct pwalk *w, struct pst *s, const struct ir_event *e)
{
	const struct ir_func *f = w->g->f;
	if (e == w->pin) {
		memset(s, 0, sizeof(*s));
		s->bits = (uint8_t)(w->req_one ? (B_NONE | B_FULL) : B_ALL);
		return;
	}
	if (!s->bits)
		return;
	if (s->cand && !s->rel && hands_over(w, s, e))
		s->rel = 1;
	switch (e->kind) {
	case EV_RETURN:
		if (names_pins(w, s, &e->rhs, 1))
			s->rel = 1;  /* n or the pages go back to the caller */
		else if (s->cand && (s->bits & B_SHORT) && !s->rel && !s->accum)
			leak_report(w, s, e);
		break;
	case EV_ASSIGN: {
		const struct ir_path *L = e->lhs;
		int rhs_n = (e->rhs.kind == VAL_CALL && e->rhs.call == w->pin->call) ||
			    (e->rhs.kind == VAL_PATH && is_alias(s, e->rhs.path));
		if (!L)
			break;
		if (rhs_n && e->op && !strcmp(e->op, "=")) {
			if (!is_alias(s, L) && s->na < MAX_ALIAS)
				s->al[s->na++] = L;
			break;
		}
		int mentions = 0;
		for (int i = 0; i < s->na && !mentions; i++)
			mentions = mentions_word(e->rhs.text, ptext(s->al[i]));
		if (rhs_n || (mentions && ((e->op && strcmp(e->op, "=")) || strstr(e->rhs.text ? e->rhs.text : "", ptext(L)))))
			s->accum = 1;  /* pinned += n: a loop collecting pins */
		for (int i = 0; i < s->na; i++)
			if (s->al[i] == L) {
				s->al[i] = s->al[--s->na];
				s->al[s->na] = NULL;
				break;
			}
		break;
	}
	case EV_READ: {
		const struct ir_path *x = e->lhs;
		while (x && !(x->kind == PATH_INDEX && x->parent == w->key))
			x = x->parent;
		if (!x || s->accum)
			break;
		const struct ir_event *c = enclosing_call(f, e->start, e->end);
		const struct ir_event *at = c ? c : e;
		int release = c && model_fn_role(c->model, ROLE_GUP_RELEASE);
		char bb[256], used[200];
		const char *bound = x->name && strspn(x->name, "0123456789") == strlen(x->name) ? NULL
				    : index_bound(s, x->name ? x->name : "", bb, sizeof(bb));
		int n_bounded = bound && alias_text(w, s, bound);
		const char *cn = c && c->callee ? c->callee : NULL;
		snprintf(used, sizeof(used), "'%s'%s%s%s", ptext(x), cn ? " (in " : "", cn ? cn : "", cn ? "())" : "");
		if (!s->tested && (s->bits & B_NONE) && !n_bounded) {
			if (!null_guarded(f, x) || !bound)
				partial_report(w, at, 'a', used);
		} else if (bound && is_req_text(w, bound) && !n_bounded && (s->bits & B_SHORT) && !null_guarded(f, x)) {
			snprintf(used, sizeof(used), "the loop over '%s'%s%s%s", ptext(x), cn ? " (" : "", cn ? cn : "", cn ? "())" : "");
			partial_report(w, at, release ? 'c' : 'd', used);
		}
		break;
	}
	case EV_CALL:
		for (const struct model_fn *r = e->model; r; r = r->next) {
			struct arr_id a;
			int arith;
			if (r->derived || r->slot.pages < 0 ||
			    !arr_of_pages(&w->g->u->ir, f, arg_at(e, r->slot.pages), &a, &arith) || a.p != w->key)
				continue;
			if (r->role == ROLE_GUP_RELEASE)
				count_use(w, s, e, arg_at(e, r->slot.count), 1);
			else if (r->role == ROLE_GUP_PAGES_USE)
				count_use(w, s, e, arg_at(e, r->slot.count), 0);
		}
		/* the page of a one-page pin used before the result is tested */
		if (w->single_var && e->callee && !s->tested && (s->bits & B_NONE) && !model_fn_role(e->model, ROLE_PURE) &&
		    !model_fn_role(e->model, ROLE_GUP_RELEASE))
			for (int a = 0; a < e->nargs; a++)
				if (e->args[a].kind == VAL_PATH && e->args[a].path == w->key) {
					char used[160];
					snprintf(used, sizeof(used), "'%s' (in %s())", ptext(w->key), e->callee);
					partial_report(w, e, 'a', used);
					break;
				}
		break;
	default:
		break;
	}
}

static int pst_add(struct pst **seen, int *nseen, int b, const struct pst *s)
{
	for (int i = 0; i < nseen[b]; i++)
		if (!memcmp(&seen[b][i], s, sizeof(*s)))
			return 0;
	if (nseen[b] >= MAX_SEEN)
		return 0;
	if (!seen[b])
		seen[b] = xcalloc(MAX_SEEN, sizeof(**seen));
	seen[b][nseen[b]++] = *s;
	return 1;
}

static void partial_walk(struct pwalk *w)
{
	const struct ir_func *f = w->g->f;
	struct pst **seen = xcalloc((size_t)f->nblocks, sizeof(*seen));
	int *nseen = xcalloc((size_t)f->nblocks, sizeof(int));
	struct { int block; struct pst st; } *work = NULL;
	int nwork = 0, capwork = 16;
	long steps = 0;
	work = xrealloc(work, sizeof(*work) * (size_t)capwork);
	struct pst s0;
	memset(&s0, 0, sizeof(s0));
	pst_add(seen, nseen, 0, &s0);
	work[nwork].block = 0;
	work[nwork++].st = s0;
	while (nwork && steps++ < MAX_STEPS) {
		int bi = work[nwork - 1].block;
		struct pst s = work[--nwork].st;
		const struct ir_block *b = f->blocks[bi];
		for (int i = 0; i < b->nev; i++)
			pin_event(w, &s, b->ev[i]);
		unsigned ts = B_ALL, fs = B_ALL;
		int tests = s.bits && b->term == T_BRANCH && branch_sets(w, &s, b, &ts, &fs);
		for (int k = 0; k < b->nsucc; k++) {
			int to = b->succ[k];
			if (to < 0 || to >= f->nblocks)
				continue;
			struct pst t = s;
			if (s.bits && k < 2)
				track_loop(&t, b, k);
			if (s.bits && k == 1 && t.cand && !t.rel && b->term == T_BRANCH) {
				/* leaving "for (i = 0; i < n; i++) unpin_user_page(pages[i]);": a short pin ran the body */
				char idx[256], bound[256];
				if (loop_cond(&b->cond, idx, bound, sizeof(idx)) && alias_text(w, &s, bound) && loop_releases(w, &s, b))
					t.rel = 1;
			}
			if (tests && k < 2) {
				unsigned in = s.bits, out = in & (k == 0 ? ts : fs);
				if (!out)
					continue;  /* this edge cannot be taken with the pin's result */
				t.bits = (uint8_t)out;
				t.tested = 1;
				if ((in & B_FULL) && (in & B_SHORT) && (out & B_SHORT) && !(out & B_FULL) && !s.accum && !t.cand) {
					t.cand = &b->cond;
					t.cand_to = to;
					t.rel = 0;
				}
			}
			if (pst_add(seen, nseen, to, &t)) {
				if (nwork == capwork)
					work = xrealloc(work, sizeof(*work) * (size_t)(capwork *= 2));
				work[nwork].block = to;
				work[nwork++].st = t;
			}
		}
	}
	for (int b = 0; b < f->nblocks; b++)
		free(seen[b]);
	free(seen);
	free(nseen);
	free(work);
}

static void check_partial(struct gctx *g)
{
	const struct ir_func *f = g->f;
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *r = model_fn_role(e->model, ROLE_GUP_PIN);
		if (!r || r->derived)
			continue;
		if (e->flags & EVF_RESULT_UNUSED) {
			if (!already(g, e, 2))
				unit_report(g->u, "gup-return-partial", f, e->start, e->end,
					    "the result of %s() is ignored: it may fail (negative errno) or pin fewer pages than asked for, and those pins must be released",
					    e->callee);
			continue;
		}
		const struct ir_val *req = arg_at(e, r->slot.count), *pv = arg_at(e, r->slot.pages);
		struct arr_id a;
		int arith;
		if (!req || r->ret != RET_ERRNO || !arr_of_pages(&g->u->ir, f, pv, &a, &arith) || arith)
			continue;  /* pages + pinned: a loop that collects pins; not followed */
		struct pwalk w = { .g = g, .pin = e, .r = r, .key = a.p, .req = req };
		w.single_var = pv->kind == VAL_ADDR;
		w.req_one = req->kind == VAL_INT && req->ival == 1;
		partial_walk(&w);
	}
}

/* ====================================================================== */

void check_gup(struct unit *u, const struct ir_func *f)
{
	int lock = 0, pin = 0, rel = 0, dma = 0;
	for (int i = 0; i < f->ncalls; i++)
		for (const struct model_fn *r = f->calls[i]->model; r; r = r->next) {
			if (r->derived)
				continue;
			lock |= r->role == ROLE_MMAP_NEEDS_LOCK || r->role == ROLE_MMAP_TAKES_LOCK || r->role == ROLE_TASK_WAIT;
			pin |= r->role == ROLE_GUP_PIN;
			rel |= r->role == ROLE_GUP_RELEASE || r->role == ROLE_GUP_DIRTY;
			dma |= r->role == ROLE_DMA_BUFFER || r->role == ROLE_LINEAR_CONVERT ||
			       (r->role == ROLE_STREAM_MAP && r->kind == KIND_SINGLE);
		}
	if (!lock && !pin && !rel && !dma)
		return;
	struct gctx g;
	gctx_init(&g, u, f);
	if (lock)
		check_lock(&g);
	if (pin)
		check_partial(&g);
	if (rel)
		check_release(&g);
	if (dma)
		check_user_dma(&g);
	gctx_free(&g);
}
