/*
 * check_addr_misuse.c - two address-space rules on declared types and the
 * provenance pass (analysis/space.c):
 *
 *  addr-iomem-as-kernel-pointer (ADDR-03): an __iomem pointer dereferenced
 *  directly (*regs, regs[i], regs->x, priv->base[2]) or given as the memory
 *  argument of memcpy/memset/kfree and friends (model roles mem.*). An
 *  __iomem pointer is a local or parameter declared __iomem, a local assigned
 *  once from an ioremap-family call, or x->f where x is declared `struct T *`
 *  and struct T, defined in this file, declares f __iomem. A pointer that
 *  goes through a __force cast anywhere in the function is left alone.
 *
 *  addr-highmem-page-address (ADDR-07): page_address() of a page allocated
 *  with a GFP mask that allows highmem (words of class gfp.highmem in the
 *  rules data), directly or through a local assigned once.
 *
 * Not handled: struct types from headers (their fields are unknown),
 * globals, pointers copied into other variables more than once.
 */
#include "../driver/unit.h"
#include "../analysis/space.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "struct foo *" -> "struct foo" (into buf), or NULL when not a struct pointer */
static const char *struct_tag(const char *type, char *buf, size_t n)
{
	const char *t = ir_type_tag(type, buf, n);
	if (!t || strncmp(t, "struct ", 7) || !strchr(strstr(type, t) + strlen(t), '*'))
		return NULL;
	return t;
}

static const char *field_type(const struct unit *u, const struct ir_func *f, const struct ir_path *p)
{
	if (!p || p->kind != PATH_ARROW || !p->parent || p->parent->kind != PATH_VAR)
		return NULL;
	char tag[160];
	if (!struct_tag(ir_local_type(f, p->parent), tag, sizeof(tag)))
		return NULL;
	for (int i = 0; i < u->ir.nfields; i++)
		if (!strcmp(u->ir.fields[i].tag, tag) && !strcmp(u->ir.fields[i].name, p->name))
			return u->ir.fields[i].type;
	return NULL;
}

/* a pointer straight to device memory: "u32 __iomem *", not "void __iomem *[]" or "void __iomem **" */
static int iomem_type(const char *t)
{
	const char *q = t ? strstr(t, "__iomem") : NULL;
	if (!q || strstr(t, "[]") || memchr(t, '*', (size_t)(q - t)))
		return 0;  /* T *__iomem *p: in practice a pointer to an __iomem pointer, annotated in the wrong place */
	int stars = 0;
	for (; *q; q++)
		stars += *q == '*';
	return stars == 1;
}

struct actx {
	struct unit *u;
	const struct ir_func *f;
	struct space_ctx sc;
	const struct ir_path **forced;   /* roots of pointers cast with __force */
	int nforced;
};

static int is_forced(const struct actx *a, const struct ir_path *p)
{
	for (int i = 0; p && i < a->nforced; i++)
		if (a->forced[i] == p->root)
			return 1;
	return 0;
}

/* does the value of path p point to device memory? */
static int is_iomem(struct actx *a, const struct ir_path *p)
{
	if (!p || is_forced(a, p))
		return 0;
	if (p->kind == PATH_VAR && p->is_local) {
		if (iomem_type(ir_local_type(a->f, p)))
			return 1;
		/* vaddr = (void __force *)base: a deliberate conversion, not an ioremap result */
		for (int i = 0; i < a->sc.nvars; i++)
			if (a->sc.vars[i].var == p && a->sc.vars[i].def && a->sc.vars[i].def->rhs.kind == VAL_PATH &&
			    is_forced(a, a->sc.vars[i].def->rhs.path))
				return 0;
		struct ir_val v = { .kind = VAL_PATH, .path = p };
		return space_of(&a->sc, &v).sp == SP_IOMEM;
	}
	return iomem_type(field_type(a->u, a->f, p));
}

/* the declared type of path p (a local, or a field of a struct defined here) */
static const char *type_of(struct actx *a, const struct ir_path *p)
{
	return p->kind == PATH_VAR ? ir_local_type(a->f, p) : field_type(a->u, a->f, p);
}

/*
 * Is ptr->name a scalar member of the struct ptr points to, as defined in
 * this file? Array members (ptr->name is then an address) and members of
 * structs defined elsewhere (unknown) give 0.
 */
static int scalar_member(struct actx *a, const struct ir_path *ptr, const char *name)
{
	char tag[160];
	if (!struct_tag(type_of(a, ptr), tag, sizeof(tag)))
		return 0;
	for (int i = 0; i < a->u->ir.nfields; i++) {
		const struct ir_field *fl = &a->u->ir.fields[i];
		if (!strcmp(fl->tag, tag) && !strcmp(fl->name, name))
			return fl->type && !strstr(fl->type, "[]");
	}
	return 0;
}

/* the first dereference in path p of a pointer to device memory, or NULL */
static const struct ir_path *iomem_deref(struct actx *a, const struct ir_path *p)
{
	for (const struct ir_path *q = p; q && q->parent; q = q->parent)
		if ((q->kind == PATH_ARROW || q->kind == PATH_INDEX || q->kind == PATH_DEREF) && is_iomem(a, q->parent)) {
			/* regs->x is a load only if x is a scalar member of a struct we can see */
			if (q->kind == PATH_ARROW && !scalar_member(a, q->parent, q->name))
				return NULL;
			return q->parent;
		}
	return NULL;
}

static void report_iomem(struct actx *a, const struct ir_event *e, const struct ir_path *ptr, const char *how)
{
	unit_report(a->u, "addr-iomem-as-kernel-pointer", a->f, e->start, e->end,
		    "'%s' is an __iomem pointer to device memory %s; use readl()/writel(), ioread32()/iowrite32() or memcpy_fromio()/memcpy_toio()/memset_io()",
		    ptr->text[0] == ':' ? ptr->text + 2 : ptr->text, how);
}

static int gfp_allows_highmem(const struct model *m, const char *t)
{
	for (const char *p = t; p && *p;) {
		while (*p && !(isalnum((unsigned char)*p) || *p == '_'))
			p++;
		const char *s = p;
		while (*p && (isalnum((unsigned char)*p) || *p == '_'))
			p++;
		const char *cls = p > s ? model_word_class(m, s, (size_t)(p - s)) : NULL;
		if (cls && !strcmp(cls, "gfp.highmem"))
			return 1;
	}
	return 0;
}

/* the page allocation a page_address() argument comes from, if it allows highmem */
static const struct ir_event *highmem_alloc(struct actx *a, const struct ir_val *v)
{
	const struct ir_event *call = NULL;
	if (v->kind == VAL_CALL && v->call >= 0 && v->call < a->f->ncalls)
		call = a->f->calls[v->call];
	else if (v->kind == VAL_PATH && v->path->kind == PATH_VAR)
		for (int i = 0; i < a->sc.nvars; i++) {
			const struct space_var *sv = &a->sc.vars[i];
			if (sv->var == v->path && sv->defs == 1 && sv->def && sv->def->rhs.kind == VAL_CALL &&
			    sv->def->rhs.call >= 0 && sv->def->rhs.call < a->f->ncalls)
				call = a->f->calls[sv->def->rhs.call];
		}
	const struct model_fn *al = call ? model_fn_role(call->model, ROLE_ALLOC) : NULL;
	if (!al || al->slot.gfp < 0 || al->slot.gfp >= call->nargs)
		return NULL;
	return gfp_allows_highmem(&a->u->s->model, call->args[al->slot.gfp].text) ? call : NULL;
}

/* (__force u8 *)p: annotations are blanked before parsing, so look at the text as written */
static int forced_cast(const struct unit *u, const struct ir_event *e)
{
	if (e->op && strstr(e->op, "__force"))
		return 1;
	uint32_t end = e->end < u->src.len ? e->end : (uint32_t)u->src.len;
	for (uint32_t o = e->start; o + 7 <= end; o++)
		if (u->src.text[o] == '_' && !memcmp(u->src.text + o, "__force", 7))
			return 1;
	return 0;
}

void check_addr_misuse(struct unit *u, const struct ir_func *f)
{
	struct actx a = { .u = u, .f = f };
	int any_io = 0, any_page = 0;
	for (int i = 0; i < f->nlocals && !any_io; i++)
		any_io = iomem_type(f->locals[i].type);
	for (int i = 0; i < f->ncalls; i++) {
		const struct model_fn *al = model_fn_role(f->calls[i]->model, ROLE_ALLOC);
		any_io |= al && al->space && !strcmp(al->space, "iomem");
		any_page |= model_fn_role(f->calls[i]->model, ROLE_PAGE_ADDRESS) != NULL;
	}
	for (int i = 0; i < u->ir.nfields && !any_io; i++)
		any_io = iomem_type(u->ir.fields[i].type);
	if (!any_io && !any_page)
		return;  /* the common case in a tree scan */
	space_init(&a.sc, &u->ir, f);

	/* __force casts: the developer says "I know" */
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_CAST && forced_cast(u, e) && e->rhs.kind == VAL_PATH) {
				a.forced = xrealloc(a.forced, (size_t)(a.nforced + 1) * sizeof(*a.forced));
				a.forced[a.nforced++] = e->rhs.path->root;
			} else if (e->kind == EV_CAST && forced_cast(u, e) && (e->rhs.flags & VALF_ARITH) && e->rhs.base) {
				a.forced = xrealloc(a.forced, (size_t)(a.nforced + 1) * sizeof(*a.forced));
				a.forced[a.nforced++] = e->rhs.base->root;
			}
		}

	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			const struct ir_path *ptr;
			if ((e->kind == EV_READ || e->kind == EV_WRITE) && (ptr = iomem_deref(&a, e->lhs)))
				report_iomem(&a, e, ptr, e->kind == EV_READ ? "read with a plain load" : "written with a plain store");
			if (e->kind != EV_CALL || !e->model)
				continue;
			for (const struct model_fn *r = e->model; r; r = r->next) {
				if (r->derived || r->slot.buf < 0 || r->slot.buf >= e->nargs)
					continue;
				const struct ir_val *v = &e->args[r->slot.buf];
				if (r->role == ROLE_MEM_READ || r->role == ROLE_MEM_WRITE || r->role == ROLE_MEM_FREE) {
					const struct ir_path *p = v->kind == VAL_PATH ? v->path : (v->flags & VALF_ARITH) ? v->base : NULL;
					if (p && is_iomem(&a, p)) {
						char how[96];
						snprintf(how, sizeof(how), "given to %s()", e->callee);
						report_iomem(&a, e, p, how);
					}
				} else if (r->role == ROLE_PAGE_ADDRESS) {
					const struct ir_event *al = highmem_alloc(&a, v);
					if (!al)
						continue;
					struct dmc_finding *fd = unit_report(u, "addr-highmem-page-address", f, e->start, e->end,
						"page_address() of '%s', a page allocated with a GFP mask that allows highmem: it has no permanent kernel address on 32-bit HIGHMEM kernels; use kmap_local_page()",
						v->text ? v->text : "the page");
					unit_note(u, fd, al->start, "allocated here with '%s'", al->args[model_fn_role(al->model, ROLE_ALLOC)->slot.gfp].text);
				}
			}
		}
	free(a.forced);
}
