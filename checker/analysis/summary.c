/*
 * summary.c - what a same-file function does to the DMA handles and buffers
 * in its parameters and return value, so that its callers see wrappers such
 * as foo_map_buf() / foo_unmap_buf() / foo_dma_failed() as if they were the
 * DMA API itself.
 *
 * A summary is a list of derived model roles (struct model_fn with derived=1):
 *  - stream.map: the function returns the result of a map call (directly or
 *    through a local), whose buffer / size / direction come from parameters
 *    or are fixed inside; `prechecked` when it tests dma_mapping_error()
 *    itself (its callers then test for 0 or an error code);
 *  - stream.unmap / stream.sync: it unmaps or syncs a handle (or
 *    scatterlist) that is one of its parameters, on some path;
 *  - stream.check: it returns dma_mapping_error() of a parameter.
 * Summaries of helpers that call helpers are found by iterating to a fixed
 * point (bounded). Calls through function pointers get no summary.
 *
 * Not summarised (callers treat such calls as unknown code that may keep
 * the handle): stores into structures, frees, reads and writes of the
 * buffer; mappings returned through out-parameters.
 */
#include "summary.h"

#include <string.h>

#define MAX_ROUNDS 3

struct fsum {
	const struct ir_func *f;
	struct model_fn *roles;   /* derived roles, chained with ->next */
};

static int param_index(const struct ir_func *f, const struct ir_val *v)
{
	/* compare with f->params: the parameter of this function, not a same-named one elsewhere */
	if (!v || v->kind != VAL_PATH || v->path->kind != PATH_VAR)
		return -1;
	for (int i = 0; i < f->nparams; i++)
		if (f->params[i] == v->path)
			return i;
	return -1;
}

static const struct ir_val *arg_at(const struct ir_event *e, int slot)
{
	return slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

/* slots of the inner call, re-expressed as parameter positions of f */
static void map_slots(const struct ir_func *f, const struct ir_event *e, const struct model_fn *r,
		      struct model_fn *out)
{
#define X(name) out->slot.name = param_index(f, arg_at(e, r->slot.name));
	MODEL_SLOTS(X)
#undef X
	const struct ir_val *d = arg_at(e, r->slot.dir);
	if (out->slot.dir < 0 && d && (d->flags & VALF_IDENT) && d->text)
		out->dir_text = d->text;
}

static int has_role(const struct model_fn *roles, enum model_role role)
{
	for (; roles; roles = roles->next)
		if (roles->role == role)
			return 1;
	return 0;
}

static void add_role(struct ir_unit *u, struct fsum *fs, const struct model_fn *proto)
{
	if (has_role(fs->roles, proto->role))
		return;  /* one role of each kind per function keeps it simple */
	struct model_fn *n = arena_alloc(u->arena, sizeof(*n));
	*n = *proto;
	n->name = fs->f->name;
	n->derived = 1;
	n->next = fs->roles;
	fs->roles = n;
}

/* the local variable a call's result is assigned to, if any */
static const struct ir_path *result_var(const struct ir_func *f, const struct ir_event *call)
{
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->rhs.kind == VAL_CALL && e->rhs.call == call->call &&
			    e->lhs && e->lhs->kind == PATH_VAR && e->lhs->is_local &&
			    param_index(f, &(struct ir_val){ .kind = VAL_PATH, .path = e->lhs }) < 0)
				return e->lhs;
		}
	return NULL;
}

/* how many times f assigns var */
static int assignments(const struct ir_func *f, const struct ir_path *var)
{
	int n = 0;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++)
			n += f->blocks[b]->ev[i]->kind == EV_ASSIGN && f->blocks[b]->ev[i]->lhs == var;
	return n;
}

/* is r the call's result, or the local holding it? */
static int is_result(const struct ir_val *r, const struct ir_event *call, const struct ir_path *var)
{
	return (r->kind == VAL_CALL && r->call == call->call) || (var && r->kind == VAL_PATH && r->path == var);
}

/* the value of the next return statement of f from block *b on, or NULL at the end */
static const struct ir_val *return_value(const struct ir_func *f, int *b)
{
	for (; *b < f->nblocks; (*b)++) {
		const struct ir_block *bl = f->blocks[*b];
		if (bl->term == T_RETURN && bl->nev) {
			(*b)++;
			return &bl->ev[bl->nev - 1]->rhs;
		}
	}
	return NULL;
}

/* does some return of f give back call's result (or the local holding it)? */
static int returns_result(const struct ir_func *f, const struct ir_event *call, const struct ir_path *var)
{
	const struct ir_val *r;
	for (int b = 0; (r = return_value(f, &b));)
		if (is_result(r, call, var))
			return 1;
	return 0;
}

/* the constant another return of f gives back (the wrapper's failure value), or NULL */
static const char *other_return(const struct ir_func *f, const struct ir_event *call, const struct ir_path *var)
{
	const struct ir_val *r;
	for (int b = 0; (r = return_value(f, &b));)
		if (!is_result(r, call, var) && (r->flags & VALF_CONST) && r->text)
			return r->text;
	return NULL;
}

/* is the handle held in var tested with dma_mapping_error() (a model or summary check) in f? */
static int checks_var(const struct ir_func *f, const struct ir_path *var)
{
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		for (const struct model_fn *r = e->model; r; r = r->next) {
			const struct ir_val *h = r->role == ROLE_STREAM_CHECK ? arg_at(e, r->slot.handle) : NULL;
			if (h && h->kind == VAL_PATH && h->path == var)
				return 1;
		}
	}
	return 0;
}

/* every return of f gives a constant (true/false, 0/-ENOMEM): a predicate */
static int constant_returns(const struct ir_func *f)
{
	int n = 0;
	if (f->returns_void)
		return 0;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind != EV_RETURN || (e->flags & EVF_IMPLICIT))
				continue;
			if (!(e->rhs.flags & VALF_CONST) && e->rhs.kind != VAL_INT &&
			    !(e->rhs.text && (!strcmp(e->rhs.text, "true") || !strcmp(e->rhs.text, "false"))))
				return 0;
			n++;
		}
	return n >= 2;
}

static void summarise(struct ir_unit *u, struct fsum *fs)
{
	const struct ir_func *f = fs->f;
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		for (const struct model_fn *r = e->model; r; r = r->next) {
			struct model_fn d;
			memset(&d, 0, sizeof(d));
			d.role = r->role;
			d.kind = r->kind;
			d.ret = r->ret;
			d.to = r->to;
			d.unchecked_rule = r->unchecked_rule;
			map_slots(f, e, r, &d);
			switch (r->role) {
			case ROLE_STREAM_MAP: {
				/* only plain wrappers of the DMA API that return the handle itself:
				 * count- and errno-returning helpers usually return their own codes */
				if (r->derived || r->ret != RET_HANDLE)
					break;
				const struct ir_path *var = result_var(f, e);
				if (!returns_result(f, e, var) || (var && assignments(f, var) != 1))
					break;
				d.prechecked = var && checks_var(f, var);
				d.fail_text = d.prechecked ? other_return(f, e, var) : NULL;
				add_role(u, fs, &d);
				break;
			}
			case ROLE_STREAM_UNMAP:
			case ROLE_STREAM_SYNC:
				if ((r->kind == KIND_SG || r->kind == KIND_SGTABLE) ? d.slot.sgl >= 0 : d.slot.handle >= 0)
					add_role(u, fs, &d);
				break;
			case ROLE_STREAM_CHECK:
				/* return dma_mapping_error(..); or if (dma_mapping_error(..)) return true; ... return false; */
				if (d.slot.handle >= 0 && (returns_result(f, e, result_var(f, e)) || constant_returns(f)))
					add_role(u, fs, &d);
				break;
			default:
				break;
			}
		}
	}
	/*
	 * A helper that reports a mapping failure and unmaps on its failure
	 * path (b43_dma_mapping_error) is a check, not an unmap: its callers
	 * still own the mapping when it says "fine".
	 */
	int tests = 0;
	for (int i = 0; i < f->ncalls && !tests; i++)
		tests = model_fn_role(f->calls[i]->model, ROLE_STREAM_CHECK) != NULL;
	if (tests && has_role(fs->roles, ROLE_STREAM_UNMAP)) {
		struct model_fn *keep = NULL;
		for (const struct model_fn *r = fs->roles; r; r = r->next) {
			if (r->role == ROLE_STREAM_UNMAP)
				continue;
			struct model_fn *n = arena_alloc(u->arena, sizeof(*n));
			*n = *r;
			n->next = keep;
			keep = n;
		}
		fs->roles = keep;
	}
}

void summary_bind(struct ir_unit *u)
{
	if (u->nfuncs == 0)
		return;
	struct fsum *fs = arena_alloc(u->arena, (size_t)u->nfuncs * sizeof(*fs));
	for (int i = 0; i < u->nfuncs; i++)
		fs[i].f = u->funcs[i];
	for (int round = 0; round < MAX_ROUNDS; round++) {
		int changed = 0;
		for (int i = 0; i < u->nfuncs; i++) {
			const struct model_fn *before = fs[i].roles;
			summarise(u, &fs[i]);
			changed |= fs[i].roles != before;
		}
		/* bind: calls of same-file functions that the rules data does not model */
		for (int i = 0; i < u->nfuncs; i++) {
			const struct ir_func *f = u->funcs[i];
			for (int k = 0; k < f->ncalls; k++) {
				struct ir_event *e = f->calls[k];
				if (!e->callee || (e->model && !e->model->derived))
					continue;
				for (int j = 0; j < u->nfuncs; j++)
					if (j != i && fs[j].roles && u->funcs[j]->name == e->callee)
						e->model = fs[j].roles;
			}
		}
		if (!changed)
			break;
	}
}
