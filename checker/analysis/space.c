/*
 * space.c - where a buffer pointer points: the stack, module data, vmalloc
 * space, an __iomem mapping, a kmap, coherent DMA memory, or the linear map.
 *
 * A first, deliberately small provenance analysis (the address-space issue
 * extends it): flow-insensitive within a function. A value's space comes from
 *  - local arrays and addresses of locals (&x, &req.hdr, buf + 4): stack;
 *  - file-scope arrays and addresses of file-scope objects: module data;
 *  - a call whose model says space= (vmalloc, ioremap, kmap, dma_alloc_coherent,
 *    kmalloc ...), directly or through a local pointer assigned exactly once;
 *  - a local pointer assigned exactly once from any of the above.
 * Everything else is unknown, and unknown is never reported. Not handled:
 * locals assigned more than once (a NULL initialisation does not count),
 * struct fields, values returned by helpers.
 */
#include "space.h"

#include <string.h>

#define MAX_ROUNDS 4

const char *space_name(enum buf_space sp)
{
	switch (sp) {
	case SP_STACK: return "stack";
	case SP_MODULE: return "module";
	case SP_KVMAP: return "kvmap";
	case SP_KVMAP_MAYBE: return "kvmap-maybe";
	case SP_IOMEM: return "iomem";
	case SP_KMAP: return "kmap";
	case SP_COHERENT: return "coherent";
	case SP_KLIN: return "klin";
	default: return "unknown";
	}
}

static enum buf_space space_of_model(const char *s)
{
	static const struct { const char *name; enum buf_space sp; } map[] = {
		{ "klin", SP_KLIN }, { "kvmap", SP_KVMAP }, { "kvmap-maybe", SP_KVMAP_MAYBE },
		{ "iomem", SP_IOMEM }, { "kmap", SP_KMAP }, { "coherent", SP_COHERENT },
	};
	for (size_t i = 0; s && i < sizeof(map) / sizeof(*map); i++)
		if (!strcmp(map[i].name, s))
			return map[i].sp;
	return SP_UNKNOWN;
}

static int is_array_type(const char *t)
{
	size_t n = t ? strlen(t) : 0;
	return n >= 2 && t[n - 2] == '[' && t[n - 1] == ']';
}

static struct space_var *var_of(struct space_ctx *c, const struct ir_path *p)
{
	for (int i = 0; i < c->nvars; i++)
		if (c->vars[i].var == p)
			return &c->vars[i];
	return NULL;
}

static const char *type_of_global(const struct space_ctx *c, const struct ir_path *p)
{
	for (int i = 0; i < c->u->nglobals; i++)
		if (c->u->globals[i].var == p)
			return c->u->globals[i].type ? c->u->globals[i].type : "";
	return NULL;
}

/* the space of the object a path names (for &path, and for arrays used as pointers) */
static struct space_fact object_space(struct space_ctx *c, const struct ir_path *p, int addr_taken)
{
	struct space_fact f = { SP_UNKNOWN, NULL };
	if (!p || ir_path_derefs(p))
		return f;  /* &p->x, &a[i] of a pointer: wherever p points */
	const struct ir_path *root = p->root;
	if (root->is_local && !root->is_param) {
		struct space_var *v = var_of(c, root);
		if (addr_taken || (v && v->is_array))
			f.sp = v && v->is_static ? SP_MODULE : SP_STACK;  /* a static local lives with the module's data */
	} else if (!root->is_local) {
		const char *t = type_of_global(c, root);
		if (t && (addr_taken || is_array_type(t)))
			f.sp = SP_MODULE;
	}
	return f;
}

struct space_fact space_of(struct space_ctx *c, const struct ir_val *v)
{
	struct space_fact f = { SP_UNKNOWN, NULL };
	if (!v)
		return f;
	switch (v->kind) {
	case VAL_ADDR:
		return object_space(c, v->path, 1);
	case VAL_PATH: {
		if (v->path->kind != PATH_VAR)
			return f;
		struct space_var *sv = var_of(c, v->path);
		if (sv && sv->is_array)
			return object_space(c, v->path, 0);
		if (sv && sv->defs == 1)
			return sv->fact;
		if (!v->path->is_local)
			return object_space(c, v->path, 0);
		return f;
	}
	case VAL_OTHER:
		if (v->flags & VALF_ARITH) {
			struct ir_val base = { .kind = VAL_PATH, .path = v->base };
			return space_of(c, &base);
		}
		return f;
	case VAL_CALL: {
		const struct ir_event *e = v->call >= 0 && v->call < c->f->ncalls ? c->f->calls[v->call] : NULL;
		const struct model_fn *a = e ? model_fn_role(e->model, ROLE_ALLOC) : NULL;
		if (a && a->space) {
			f.sp = space_of_model(a->space);
			f.origin = e;
		}
		return f;
	}
	default:
		return f;
	}
}

void space_init(struct space_ctx *c, struct ir_unit *u, const struct ir_func *f)
{
	memset(c, 0, sizeof(*c));
	c->u = u;
	c->f = f;
	c->nvars = f->nlocals;
	c->vars = f->nlocals ? arena_alloc(u->arena, (size_t)f->nlocals * sizeof(*c->vars)) : NULL;
	for (int i = 0; i < f->nlocals; i++) {
		c->vars[i].var = f->locals[i].var;
		c->vars[i].is_array = is_array_type(f->locals[i].type);
		c->vars[i].is_static = f->locals[i].type && !strncmp(f->locals[i].type, "static ", 7);
		c->vars[i].defs = f->locals[i].is_param ? 1 : 0;  /* a parameter's value comes from the caller */
		c->vars[i].param = f->locals[i].is_param;
	}
	/* count definitions, and note the kvmalloc guard */
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			/* p = NULL; ... p = vmalloc(n): the NULL initialisation is not a second definition */
			int null_init = (e->rhs.kind == VAL_INT && e->rhs.ival == 0) ||
					(e->rhs.text && !strcmp(e->rhs.text, "NULL"));
			if (e->kind == EV_ASSIGN && e->lhs && e->lhs->kind == PATH_VAR && !null_init) {
				struct space_var *v = var_of(c, e->lhs);
				if (v) {
					v->defs++;
					v->def = e;
				}
			}
			if (e->kind == EV_CALL && model_fn_role(e->model, ROLE_SPACE_TEST))
				c->space_tested = 1;
		}
	/* single definitions, to a fixed point (p = vmalloc(); q = p + 4;) */
	for (int round = 0; round < MAX_ROUNDS; round++) {
		int changed = 0;
		for (int i = 0; i < c->nvars; i++) {
			struct space_var *v = &c->vars[i];
			if (v->defs != 1 || v->param || !v->def || v->def->op[0] != '=' || v->def->op[1])
				continue;
			struct space_fact nf = space_of(c, &v->def->rhs);
			if (nf.sp != SP_UNKNOWN && !nf.origin)
				nf.origin = v->def;
			if (nf.sp != v->fact.sp) {
				v->fact = nf;
				changed = 1;
			}
		}
		if (!changed)
			break;
	}
}
