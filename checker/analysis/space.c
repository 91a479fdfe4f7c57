/*
 * space.c - provenance: which address space a value belongs to (catalogue
 * §0.1): the stack, module data, vmalloc space, an __iomem mapping, a kmap,
 * coherent DMA memory, the linear map, a user address, a physical address
 * (of RAM or of device memory), a page frame number, a struct page, a DMA
 * handle or a user-chosen page offset.
 *
 * A flow-insensitive dataflow over the IR of one unit (file or buffer):
 *  - seeds: producers in rules data (fn ... space=NAME on role alloc or
 *    value.space: kmalloc -> klin, vmalloc -> kvmap, ioremap -> iomem,
 *    virt_to_phys -> phys, pci_resource_start -> phys-io, alloc_pages ->
 *    page, dma_map_single -> dma ...); declared types (dma_addr_t,
 *    phys_addr_t, struct page *, __iomem, __user: `word` lines of class
 *    space.NAME and annotation data); fields of kernel structs (`word
 *    field.vm_area_struct.vm_pgoff class=space.vmoff`); local arrays and
 *    &local (stack); static and file-scope objects (module data); the
 *    `unsigned long arg` of an ioctl entry point (user);
 *  - flow: assignments (a local's space is the space all its definitions
 *    agree on; NULL does not count), casts, pointer arithmetic, shifts by
 *    PAGE_SHIFT (phys <-> pfn), value-transparent helpers (cpu_to_le64),
 *    struct fields keyed by struct type and field path (p->rx[i].dma ->
 *    "struct foo" / "rx[].dma") joined over every function of the unit,
 *    file-scope variables, and the return values of the unit's functions.
 * Unknown stays unknown: a parameter without a declared space, a pointer
 * from an unmodelled call, definitions that disagree. Unknown is never
 * reported by a check.
 */
#include "space.h"
#include "entry.h"

#include <ctype.h>
#include <string.h>

#define MAX_ROUNDS 4
#define UNIT_ROUNDS 4

#define BIT(sp) (1u << (sp))

struct space_slot {
	const char *key;             /* interned "struct foo|rx[].dma" or "global|name" */
	unsigned mask, next_mask;
	const struct ir_event *origin, *next_origin; /* NULL when stores disagree on it */
	int next_amb;
};

struct space_ret {
	unsigned mask, next_mask;
	const struct ir_event *origin, *next_origin;
};

struct space_unit {
	const struct model *m;
	struct space_slot *slots;    /* open addressing on the interned key pointer */
	size_t cap, n;
	struct space_ret *rets;      /* per function index */
	int building;
};

static const char *const space_names[] = {
#define X(e, s) s,
	SPACE_KINDS(X)
#undef X
};

const char *space_name(enum buf_space sp)
{
	return sp < SP__COUNT ? space_names[sp] : "unknown";
}

enum buf_space space_from_name(const char *s)
{
	for (int i = 1; s && i < SP__COUNT; i++)
		if (!strcmp(space_names[i], s))
			return (enum buf_space)i;
	return SP_UNKNOWN;
}

int space_is_kernel_buffer(enum buf_space sp)
{
	return sp >= SP_STACK && sp <= SP_KLIN;
}

static int is_array_type(const char *t)
{
	size_t n = t ? strlen(t) : 0;
	return n >= 2 && t[n - 2] == '[' && t[n - 1] == ']';
}

static int is_ident(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

enum buf_space space_of_type(const struct model *m, const char *type)
{
	if (!type || !m || strchr(type, '['))
		return SP_UNKNOWN;
	int stars = 0;
	for (const char *p = type; *p; p++)
		stars += *p == '*';
	char key[96] = "";
	const char *prev = NULL;
	size_t prevlen = 0;
	for (const char *p = type; *p;) {
		if (!is_ident(*p)) {
			p++;
			continue;
		}
		const char *s = p;
		while (is_ident(*p))
			p++;
		size_t n = (size_t)(p - s);
		if (n > 2 && s[0] == '_' && s[1] == '_') {
			const struct model_annot *a = model_annot_find(m, s, n);
			if (a && a->space)  /* void __iomem *p; but not void __iomem **pp, which lives in memory */
				return stars == 1 ? space_from_name(a->space) : SP_UNKNOWN;
			continue;
		}
		if ((n == 5 && !memcmp(s, "const", 5)) || (n == 8 && !memcmp(s, "volatile", 8)) ||
		    (n == 6 && !memcmp(s, "static", 6)) || (n == 6 && !memcmp(s, "extern", 6)))
			continue;
		if (n < 60) {
			int tagged = prev && ((prevlen == 6 && !memcmp(prev, "struct", 6)) ||
					      (prevlen == 5 && !memcmp(prev, "union", 5)));
			snprintf(key, sizeof(key), "%s%.*s", tagged ? "struct." : "", (int)n, s);
		}
		prev = s;
		prevlen = n;
	}
	size_t k = strlen(key);
	if (!k)
		return SP_UNKNOWN;
	for (int i = 0; i < stars && k + 1 < sizeof(key); i++)
		key[k++] = '*';
	key[k] = 0;
	const char *cls = model_word_class(m, key, k);
	if (cls && !strncmp(cls, "space.", 6))
		return space_from_name(cls + 6);
	return SP_UNKNOWN;
}

int space_type_is_narrow(const char *t)
{
	if (!t || strchr(t, '*') || strchr(t, '[') || strstr(t, "long"))
		return 0;
	if (strstr(t, "unsigned"))
		return 1;  /* unsigned, unsigned int, unsigned short, unsigned char */
	static const char *const narrow[] = { "u32", "__u32", "uint32_t", "s32", "__le32", "__be32",
					      "u16", "__le16", "u8", "int" };
	const char *w = t + strlen(t);
	while (w > t && w[-1] == ' ')
		w--;
	const char *e = w;
	while (w > t && is_ident(w[-1]))
		w--;
	for (size_t i = 0; i < sizeof(narrow) / sizeof(*narrow); i++)
		if (strlen(narrow[i]) == (size_t)(e - w) && !strncmp(w, narrow[i], (size_t)(e - w)))
			return 1;
	return 0;
}

static const char *root_type(const struct ir_unit *u, const struct ir_func *f, const struct ir_path *root)
{
	if (root->is_local) {
		for (int i = 0; f && i < f->nlocals; i++)
			if (f->locals[i].var == root)
				return f->locals[i].type;
		return NULL;
	}
	for (int i = 0; i < u->nglobals; i++)
		if (u->globals[i].var == root)
			return u->globals[i].type ? u->globals[i].type : "";
	return NULL;
}

/*
 * The unit-wide key of a path: "struct foo|rx[].dma" for p->rx[i].dma with p
 * declared `struct foo *`, "global|name" for a file-scope variable; NULL when
 * the path has no stable key (a deref step, an untyped root). *single is set
 * when the path is one field step from its root (p->dma), for declared types.
 */
static const char *path_key(const struct ir_unit *u, const struct ir_func *f, const struct ir_path *p,
			    char *tag, size_t ntag, const char **field, int *single)
{
	if (!p)
		return NULL;
	if (p->kind == PATH_VAR) {
		if (p->is_local)
			return NULL;
		char buf[160];
		snprintf(buf, sizeof(buf), "global|%s", p->name);
		*single = 0;
		return strtab_intern(u->strs, buf, strlen(buf));
	}
	const struct ir_path *steps[16];
	int n = 0;
	for (const struct ir_path *q = p; q && q->kind != PATH_VAR; q = q->parent) {
		if (n == 16 || q->kind == PATH_DEREF)
			return NULL;
		steps[n++] = q;
	}
	if (!ir_type_tag(root_type(u, f, p->root), tag, ntag))
		return NULL;
	char buf[256];
	size_t o = (size_t)snprintf(buf, sizeof(buf), "%s|", tag);
	size_t fstart = o;
	for (int i = n - 1; i >= 0; i--) {
		const struct ir_path *q = steps[i];
		const char *piece = q->kind == PATH_INDEX ? "[]" : q->name;
		int dot = q->kind != PATH_INDEX && o > fstart;
		if (o + strlen(piece) + 2 >= sizeof(buf))
			return NULL;
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s", dot ? "." : "", piece);
	}
	*single = n == 1 && steps[0]->kind != PATH_INDEX;
	*field = p->name;
	return strtab_intern(u->strs, buf, o);
}

const char *space_path_key(struct ir_unit *u, const struct ir_func *f, const struct ir_path *p)
{
	char tag[160];
	const char *field = NULL;
	int single = 0;
	return path_key(u, f, p, tag, sizeof(tag), &field, &single);
}

static struct space_slot *slot_find(const struct space_unit *su, const char *key, int add)
{
	if (!su || !su->cap || !key)
		return NULL;
	size_t h = ((uintptr_t)key >> 3) * 2654435761u;
	for (size_t i = 0; i < su->cap; i++) {
		struct space_slot *s = &su->slots[(h + i) & (su->cap - 1)];
		if (s->key == key)
			return s;
		if (!s->key) {
			if (!add || su->n * 2 >= su->cap)
				return NULL;
			s->key = key;
			((struct space_unit *)su)->n++;
			return s;
		}
	}
	return NULL;
}

static int func_index(const struct ir_unit *u, const char *name)
{
	for (int i = 0; name && i < u->nfuncs; i++)
		if (!strcmp(u->funcs[i]->name, name))
			return i;
	return -1;
}

static struct space_fact fact_of_mask(unsigned mask, const struct ir_event *origin)
{
	struct space_fact f = { SP_UNKNOWN, NULL, 0 };
	if (!mask || (mask & BIT(SP_UNKNOWN)))
		return f;
	if (!(mask & (mask - 1))) {
		for (int i = 1; i < SP__COUNT; i++)
			if (mask == BIT(i))
				f.sp = (enum buf_space)i;
	} else if (!(mask & ~(BIT(SP_KLIN) | BIT(SP_KVMAP) | BIT(SP_KVMAP_MAYBE)))) {
		f.sp = SP_KVMAP_MAYBE;  /* linear on some definitions, vmalloc on others */
	}
	if (f.sp != SP_UNKNOWN)
		f.origin = origin;
	return f;
}

static size_t var_hash(const struct ir_path *p, int cap)
{
	return (((uintptr_t)p >> 4) * 2654435761u) & (size_t)(cap - 1);
}

static struct space_var *var_of(struct space_ctx *c, const struct ir_path *p)
{
	if (!c->icap)
		return NULL;
	for (size_t h = var_hash(p, c->icap), k = 0; k < (size_t)c->icap; k++, h = (h + 1) & (size_t)(c->icap - 1)) {
		int i = c->index[h];
		if (!i)
			return NULL;
		if (c->vars[i - 1].var == p)
			return &c->vars[i - 1];
	}
	return NULL;
}

struct space_fact space_of(struct space_ctx *c, const struct ir_val *v);

/* the space of the object a path names (for &path, and for arrays used as pointers) */
static struct space_fact object_space(struct space_ctx *c, const struct ir_path *p, int addr_taken)
{
	struct space_fact f = { SP_UNKNOWN, NULL, 0 };
	if (!p)
		return f;
	if (ir_path_derefs(p)) {
		/* &p->x, &ring->desc[i]: inside whatever the pointer points to, when that is known */
		for (const struct ir_path *q = p; q && q->kind != PATH_VAR; q = q->parent)
			if (q->kind == PATH_ARROW || q->kind == PATH_INDEX || q->kind == PATH_DEREF) {
				if (q->kind == PATH_INDEX && q->parent->kind == PATH_VAR && var_of(c, q->parent) &&
				    var_of(c, q->parent)->is_array)
					continue;  /* buf[i] of a local array: the array itself, below */
				struct ir_val base = { .kind = VAL_PATH, .path = q->parent };
				struct space_fact bf = space_of(c, &base);
				return space_is_kernel_buffer(bf.sp) ? bf : f;
			}
		return f;
	}
	const struct ir_path *root = p->root;
	if (root->is_local && !root->is_param) {
		struct space_var *v = var_of(c, root);
		if (addr_taken || (v && v->is_array))
			f.sp = v && v->is_static ? SP_MODULE : SP_STACK;  /* a static local lives with the module's data */
	} else if (!root->is_local) {
		const char *t = root_type(c->u, NULL, root);
		if (t && (addr_taken || is_array_type(t)))
			f.sp = SP_MODULE;
	}
	return f;
}

/* a declared phys_addr_t that the flow shows to be device memory */
static int refines(enum buf_space declared, enum buf_space flow)
{
	return (declared == SP_PHYS && flow == SP_PHYS_IO) || (declared == SP_PFN && flow == SP_PFN_IO);
}

struct space_fact space_of_field(struct space_ctx *c, const struct ir_path *p)
{
	struct space_fact f = { SP_UNKNOWN, NULL, 0 };
	char tag[160];
	const char *field = NULL;
	int single = 0;
	const char *key = path_key(c->u, c->f, p, tag, sizeof(tag), &field, &single);
	if (!key)
		return f;
	const struct model *m = c->u->model;
	if (single && field) {
		/* declared type of a field of a struct defined in the file */
		for (int i = 0; i < c->u->nfields; i++)
			if (!strcmp(c->u->fields[i].tag, tag) && !strcmp(c->u->fields[i].name, field)) {
				enum buf_space sp = space_of_type(m, c->u->fields[i].type);
				if (sp != SP_UNKNOWN) {
					/* a phys_addr_t field that only ever holds a resource start is device memory */
					const struct space_slot *s = slot_find(c->su, key, 0);
					struct space_fact st = s ? fact_of_mask(s->mask, s->origin) : f;
					if (refines(sp, st.sp)) {
						st.indirect = 1;
						return st;
					}
					f.sp = sp;
					return f;
				}
				break;
			}
		/* a field of a kernel struct with a known meaning (vma->vm_pgoff) */
		char w[200];
		int n = snprintf(w, sizeof(w), "field.%s.%s", tag + (tag[0] == 's' ? 7 : 6), field);
		const char *cls = m && n > 0 && (size_t)n < sizeof(w) ? model_word_class(m, w, (size_t)n) : NULL;
		if (cls && !strncmp(cls, "space.", 6)) {
			f.sp = space_from_name(cls + 6);
			/* a struct resource handed in by a caller may describe RAM (walk_system_ram_range) */
			if (f.sp == SP_PHYS_IO && p->root->is_param)
				f.sp = SP_UNKNOWN;
			return f;
		}
	}
	const struct space_slot *s = slot_find(c->su, key, 0);
	if (!s)
		return f;
	f = fact_of_mask(s->mask, s->origin);
	f.indirect = 1;
	return f;
}

static int is_null_value(const struct ir_val *v)
{
	return (v->kind == VAL_INT && v->ival == 0) || (v->text && !strcmp(v->text, "NULL"));
}

static int is_err_value(const struct ir_unit *u, const struct ir_func *f, const struct ir_val *v)
{
	if (v->flags & VALF_CONST)
		return 1;  /* an error code, NULL, a literal */
	if (v->kind != VAL_CALL || v->call < 0 || v->call >= f->ncalls)
		return 0;
	const char *callee = f->calls[v->call]->callee;
	const char *cls = callee && u->model ? model_word_class(u->model, callee, strlen(callee)) : NULL;
	return cls && !strcmp(cls, "return.errptr");
}

/* shifts by PAGE_SHIFT convert between byte addresses and page frames */
static enum buf_space shifted(enum buf_space in, int right)
{
	if (right) {
		switch (in) {
		case SP_PHYS: return SP_PFN;
		case SP_PHYS_IO: return SP_PFN_IO;
		case SP_DMA: return SP_DMA;        /* still a DMA handle, now in pages */
		case SP_VMOFF: return SP_VMOFF;
		default: return SP_UNKNOWN;
		}
	}
	switch (in) {
	case SP_PFN: return SP_PHYS;
	case SP_PFN_IO: return SP_PHYS_IO;
	case SP_VMOFF: return SP_VMOFF;
	default: return SP_UNKNOWN;
	}
}

struct space_fact space_of(struct space_ctx *c, const struct ir_val *v)
{
	struct space_fact f = { SP_UNKNOWN, NULL, 0 };
	if (!v)
		return f;
	switch (v->kind) {
	case VAL_ADDR:
		return object_space(c, v->path, 1);
	case VAL_PATH: {
		const struct ir_path *p = v->path;
		if (p->kind != PATH_VAR)
			return space_of_field(c, p);
		struct space_var *sv = var_of(c, p);
		if (sv && sv->is_array)
			return object_space(c, p, 0);
		if (sv)
			return sv->fact;
		if (!p->is_local) {
			const char *t = root_type(c->u, NULL, p);
			enum buf_space d = space_of_type(c->u->model, t);
			if (d != SP_UNKNOWN) {
				f.sp = d;
				return f;
			}
			f = object_space(c, p, 0);
			if (f.sp != SP_UNKNOWN)
				return f;
			return space_of_field(c, p);  /* a file-scope pointer assigned somewhere in the file */
		}
		return f;
	}
	case VAL_OTHER:
		if ((v->flags & (VALF_SHR | VALF_SHL)) && v->inner) {
			struct space_fact in = space_of(c, v->inner);
			f.sp = shifted(in.sp, (v->flags & VALF_SHR) != 0);
			f.origin = f.sp != SP_UNKNOWN ? in.origin : NULL;
			return f;
		}
		if (v->flags & VALF_ARITH) {
			if (v->base) {
				struct ir_val base = { .kind = VAL_PATH, .path = v->base };
				return space_of(c, &base);
			}
			if (v->inner)
				return space_of(c, v->inner);
		}
		return f;
	case VAL_CALL: {
		const struct ir_event *e = v->call >= 0 && v->call < c->f->ncalls ? c->f->calls[v->call] : NULL;
		if (!e)
			return f;
		for (const struct model_fn *r = e->model; r; r = r->next) {
			if ((r->role == ROLE_ALLOC || r->role == ROLE_VALUE_SPACE) && r->space) {
				f.sp = space_from_name(r->space);
				/* PHYS_PFN(phys-io) is a pfn of device memory, PFN_PHYS(pfn-io) its address */
				if (r->slot.val >= 0 && r->slot.val < e->nargs) {
					enum buf_space in = space_of(c, &e->args[r->slot.val]).sp;
					if (f.sp == SP_PFN && in == SP_PHYS_IO)
						f.sp = SP_PFN_IO;
					else if (f.sp == SP_PHYS && in == SP_PFN_IO)
						f.sp = SP_PHYS_IO;
				}
				f.origin = f.sp != SP_UNKNOWN ? e : NULL;
				return f;
			}
			if (r->role == ROLE_TRANSPARENT && r->slot.val >= 0 && r->slot.val < e->nargs) {
				f = space_of(c, &e->args[r->slot.val]);
				/* lower_32_bits(h): half a DMA address is not a DMA address */
				const char *cls = f.sp == SP_DMA && e->callee && c->u->model ?
					model_word_class(c->u->model, e->callee, strlen(e->callee)) : NULL;
				if (cls && !strcmp(cls, "value.split"))
					f = (struct space_fact){ SP_UNKNOWN, NULL, 0 };
				return f;
			}
		}
		if (!e->model && c->su && c->su->rets) {
			int k = func_index(c->u, e->callee);
			if (k >= 0) {
				f = fact_of_mask(c->su->rets[k].mask, c->su->rets[k].origin);
				f.indirect = 1;
				return f;
			}
		}
		return f;
	}
	default:
		return f;
	}
}

/* locals and parameters of f, to a fixed point */
static void init_vars(struct space_ctx *c)
{
	const struct ir_func *f = c->f;
	const struct model *m = c->u->model;
	const char *kind = m ? entry_kind(m, c->u, f->name, NULL) : NULL;
	int ioctl = kind && !strcmp(kind, "ioctl");
	c->nvars = f->nlocals;
	c->vars = f->nlocals ? arena_alloc(c->u->arena, (size_t)f->nlocals * sizeof(*c->vars)) : NULL;
	int nparam = 0;
	for (int i = 0; i < f->nlocals; i++) {
		struct space_var *v = &c->vars[i];
		const char *t = f->locals[i].type;
		memset(v, 0, sizeof(*v));
		v->var = f->locals[i].var;
		v->is_array = is_array_type(t);
		v->is_static = t && !strncmp(t, "static ", 7);
		v->param = f->locals[i].is_param;
		v->defs = v->param ? 1 : 0;  /* a parameter's value comes from the caller */
		v->declared = space_of_type(m, t);
		/* ioctl(file, cmd, unsigned long arg): arg is a user address */
		if (v->param && ioctl && nparam == 2 && v->declared == SP_UNKNOWN && t && strstr(t, "long"))
			v->declared = SP_USER;
		if (v->param)
			nparam++;
		if (v->declared != SP_UNKNOWN)
			v->fact.sp = v->declared;
	}
	c->icap = 16;
	while (c->icap < 2 * c->nvars)
		c->icap <<= 1;
	c->index = arena_alloc(c->u->arena, (size_t)c->icap * sizeof(*c->index));
	memset(c->index, 0, (size_t)c->icap * sizeof(*c->index));
	for (int i = 0; i < c->nvars; i++) {
		size_t h = var_hash(c->vars[i].var, c->icap);
		while (c->index[h] && c->vars[c->index[h] - 1].var != c->vars[i].var)
			h = (h + 1) & (size_t)(c->icap - 1);
		if (!c->index[h])
			c->index[h] = i + 1;  /* the first declaration of a name wins */
	}
	c->def_at = arena_alloc(c->u->arena, (size_t)(c->nvars + 1) * sizeof(*c->def_at));
	memset(c->def_at, 0, (size_t)(c->nvars + 1) * sizeof(*c->def_at));
	int ndefs = 0;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs && e->lhs->kind == PATH_VAR) {
				struct space_var *v = var_of(c, e->lhs);
				if (v) {
					c->def_at[v - c->vars + 1]++;
					ndefs++;
					if (!is_null_value(&e->rhs)) {
						if (!v->def)
							v->def = e;
						v->defs++;
					}
				}
			}
			if (e->kind == EV_CALL && model_fn_role(e->model, ROLE_SPACE_TEST))
				c->space_tested = 1;
		}
	for (int i = 0; i < c->nvars; i++)
		c->def_at[i + 1] += c->def_at[i];
	c->defs = arena_alloc(c->u->arena, (size_t)(ndefs ? ndefs : 1) * sizeof(*c->defs));
	int *fill = arena_alloc(c->u->arena, (size_t)(c->nvars ? c->nvars : 1) * sizeof(*fill));
	for (int i = 0; i < c->nvars; i++)
		fill[i] = c->def_at[i];
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs && e->lhs->kind == PATH_VAR) {
				struct space_var *v = var_of(c, e->lhs);
				if (v)
					c->defs[fill[v - c->vars]++] = e;
			}
		}
	for (int round = 0; round < MAX_ROUNDS; round++) {
		int changed = 0;
		for (int i = 0; i < c->nvars; i++) {
			struct space_var *v = &c->vars[i];
			if ((v->declared != SP_UNKNOWN && v->declared != SP_PHYS && v->declared != SP_PFN) ||
			    v->param || !v->def)
				continue;
			unsigned mask = 0;
			const struct ir_event *origin = NULL;
			int amb = 0;  /* definitions with different origins: no single one to point at */
			int indirect = 0;
			for (int k = c->def_at[i]; k < c->def_at[i + 1]; k++) {
					const struct ir_event *e = c->defs[k];
					if (is_null_value(&e->rhs))
						continue;
					if ((e->op[0] == '+' || e->op[0] == '-') && e->op[1] == '=')
						continue;  /* p += n stays where p was */
					if (e->op[0] != '=' || e->op[1]) {
						mask |= BIT(SP_UNKNOWN);
						continue;
					}
					struct space_fact sf = space_of(c, &e->rhs);
					mask |= BIT(sf.sp);
					indirect |= sf.indirect;
					const struct ir_event *o = sf.origin ? sf.origin : e;
					if (!origin)
						origin = o;
					else if (origin != o)
						amb = 1;
				}
			struct space_fact nf = fact_of_mask(mask, amb ? NULL : origin);
			nf.indirect = indirect;
			if (v->declared != SP_UNKNOWN) {
				if (!refines(v->declared, nf.sp) && nf.sp != v->declared)
					nf = (struct space_fact){ v->declared, NULL, 0 };
			}
			/* u32 lo = h: what is left of a DMA address in 32 bits is not one */
			if (nf.sp == SP_DMA && space_type_is_narrow(f->locals[i].type))
				nf = (struct space_fact){ SP_UNKNOWN, NULL, 0 };
			if (nf.sp != v->fact.sp || nf.origin != v->fact.origin || nf.indirect != v->fact.indirect) {
				v->fact = nf;
				changed = 1;
			}
			v->mask = mask;
		}
		if (!changed)
			break;
	}
}

static void local_init(struct space_ctx *c, struct ir_unit *u, const struct ir_func *f,
		       const struct space_unit *su)
{
	memset(c, 0, sizeof(*c));
	c->u = u;
	c->f = f;
	c->su = su;
	init_vars(c);
}

/* one round over every function: what each field, global and return receives */
static int unit_round(struct space_unit *su, struct ir_unit *u)
{
	for (size_t i = 0; i < su->cap; i++) {
		su->slots[i].next_mask = 0;
		su->slots[i].next_origin = NULL;
		su->slots[i].next_amb = 0;
	}
	for (int k = 0; k < u->nfuncs; k++) {
		su->rets[k].next_mask = 0;
		su->rets[k].next_origin = NULL;
	}
	for (int k = 0; k < u->nfuncs; k++) {
		const struct ir_func *f = u->funcs[k];
		struct space_ctx c;
		local_init(&c, u, f, su);
		for (int b = 0; b < f->nblocks; b++)
			for (int i = 0; i < f->blocks[b]->nev; i++) {
				const struct ir_event *e = f->blocks[b]->ev[i];
				if (e->kind == EV_RETURN && !(e->flags & EVF_IMPLICIT) && e->rhs.kind != VAL_NONE &&
				    !is_err_value(u, f, &e->rhs)) {
					struct space_fact sf = space_of(&c, &e->rhs);
					/* static u32 dma_low(dma_addr_t a) { return a; }: the return type narrows it */
					if (sf.sp == SP_DMA && space_type_is_narrow(f->ret_type))
						sf = (struct space_fact){ SP_UNKNOWN, NULL, 0 };
					su->rets[k].next_mask |= BIT(sf.sp);
					if (!su->rets[k].next_origin)
						su->rets[k].next_origin = sf.origin ? sf.origin : e;
					continue;
				}
				if (e->kind != EV_ASSIGN || !e->lhs || (e->lhs->kind == PATH_VAR && e->lhs->is_local) ||
				    is_null_value(&e->rhs))
					continue;
				char tag[160];
				const char *field = NULL;
				int single = 0;
				const char *key = path_key(u, f, e->lhs, tag, sizeof(tag), &field, &single);
				struct space_slot *s = slot_find(su, key, 1);
				if (!s)
					continue;
				unsigned bit;
				if ((e->op[0] == '+' || e->op[0] == '-') && e->op[1] == '=')
					continue;
				if (e->op[0] != '=' || e->op[1])
					bit = BIT(SP_UNKNOWN);
				else {
					struct space_fact sf = space_of(&c, &e->rhs);
					bit = BIT(sf.sp);
					const struct ir_event *o = sf.origin ? sf.origin : e;
					if (!s->next_origin && !s->next_amb)
						s->next_origin = o;
					else if (s->next_origin != o) {
						s->next_origin = NULL;
						s->next_amb = 1;
					}
				}
				s->next_mask |= bit;
			}
	}
	int changed = 0;
	for (size_t i = 0; i < su->cap; i++) {
		struct space_slot *s = &su->slots[i];
		if (s->key && s->mask != s->next_mask)
			changed = 1;
		s->mask = s->next_mask;
		s->origin = s->next_origin;
	}
	for (int k = 0; k < u->nfuncs; k++) {
		if (su->rets[k].mask != su->rets[k].next_mask)
			changed = 1;
		su->rets[k].mask = su->rets[k].next_mask;
		su->rets[k].origin = su->rets[k].next_origin;
	}
	return changed;
}

static const struct space_unit *unit_facts(struct ir_unit *u)
{
	if (u->space)
		return u->space;
	struct space_unit *su = arena_alloc(u->arena, sizeof(*su));
	memset(su, 0, sizeof(*su));
	su->m = u->model;
	size_t nassign = 0;
	for (int k = 0; k < u->nfuncs; k++)
		for (int b = 0; b < u->funcs[k]->nblocks; b++)
			nassign += (size_t)u->funcs[k]->blocks[b]->nev;
	size_t cap = 16;
	while (cap < nassign * 2 && cap < ((size_t)1 << 24))
		cap <<= 1;
	su->cap = cap;
	su->slots = arena_alloc(u->arena, cap * sizeof(*su->slots));
	memset(su->slots, 0, cap * sizeof(*su->slots));
	su->rets = u->nfuncs ? arena_alloc(u->arena, (size_t)u->nfuncs * sizeof(*su->rets)) : NULL;
	if (su->rets)
		memset(su->rets, 0, (size_t)u->nfuncs * sizeof(*su->rets));
	u->space = su;
	for (int round = 0; round < UNIT_ROUNDS; round++)
		if (!unit_round(su, u))
			break;
	return su;
}

void space_init(struct space_ctx *c, struct ir_unit *u, const struct ir_func *f)
{
	local_init(c, u, f, unit_facts(u));
}

static void dump_val(struct space_ctx *c, const struct ir_event *e, const char *what,
		     const struct ir_val *v, FILE *out)
{
	if (!v || v->kind == VAL_NONE || v->kind == VAL_INT)
		return;
	struct space_fact sf = space_of(c, v);
	if (sf.sp == SP_UNKNOWN)
		return;
	fprintf(out, "  %d:%d %s %s : %s", e->line, e->col, what, v->text ? v->text : "?", space_name(sf.sp));
	if (sf.origin)
		fprintf(out, " (from line %d)", sf.origin->line);
	fputc('\n', out);
}

void space_dump(struct ir_unit *u, FILE *out)
{
	const struct space_unit *su = unit_facts(u);
	/* unit facts, sorted by key for a stable dump */
	const struct space_slot **sorted = NULL;
	size_t n = 0;
	if (su->n) {
		sorted = arena_alloc(u->arena, su->n * sizeof(*sorted));
		for (size_t i = 0; i < su->cap; i++)
			if (su->slots[i].key)
				sorted[n++] = &su->slots[i];
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && strcmp(sorted[j - 1]->key, sorted[j]->key) > 0; j--) {
				const struct space_slot *t = sorted[j];
				sorted[j] = sorted[j - 1];
				sorted[j - 1] = t;
			}
	}
	for (size_t i = 0; i < n; i++) {
		struct space_fact sf = fact_of_mask(sorted[i]->mask, sorted[i]->origin);
		fprintf(out, "store %s : %s", sorted[i]->key, space_name(sf.sp));
		if (sf.origin)
			fprintf(out, " (from line %d)", sf.origin->line);
		fputc('\n', out);
	}
	for (int k = 0; k < u->nfuncs; k++) {
		struct space_fact sf = fact_of_mask(su->rets[k].mask, su->rets[k].origin);
		if (sf.sp != SP_UNKNOWN)
			fprintf(out, "returns %s : %s\n", u->funcs[k]->name, space_name(sf.sp));
	}
	for (int k = 0; k < u->nfuncs; k++) {
		const struct ir_func *f = u->funcs[k];
		struct space_ctx c;
		space_init(&c, u, f);
		fprintf(out, "func %s\n", f->name);
		for (int i = 0; i < c.nvars; i++) {
			const struct space_var *v = &c.vars[i];
			struct space_fact sf = v->is_array ? object_space(&c, v->var, 0) : v->fact;
			if (sf.sp == SP_UNKNOWN)
				continue;
			fprintf(out, "  %s %s : %s", v->param ? "param" : "local", v->var->name, space_name(sf.sp));
			if (v->declared != SP_UNKNOWN)
				fputs(" (declared)", out);
			else if (sf.origin)
				fprintf(out, " (from line %d)", sf.origin->line);
			fputc('\n', out);
		}
		for (int b = 0; b < f->nblocks; b++)
			for (int i = 0; i < f->blocks[b]->nev; i++) {
				const struct ir_event *e = f->blocks[b]->ev[i];
				char what[160];
				switch (e->kind) {
				case EV_CALL:
					for (int a = 0; a < e->nargs; a++) {
						snprintf(what, sizeof(what), "%s() arg %d", e->callee ? e->callee : "(*fn)", a);
						dump_val(&c, e, what, &e->args[a], out);
					}
					if (!(e->flags & EVF_RESULT_UNUSED)) {
						struct ir_val r = { .kind = VAL_CALL, .call = e->call, .text = e->callee };
						snprintf(what, sizeof(what), "%s() returns", e->callee ? e->callee : "(*fn)");
						dump_val(&c, e, what, &r, out);
					}
					break;
				case EV_ASSIGN:
					snprintf(what, sizeof(what), "%s %s", e->lhs ? e->lhs->text : "?", e->op ? e->op : "=");
					dump_val(&c, e, what, &e->rhs, out);
					break;
				case EV_RETURN:
					dump_val(&c, e, "return", &e->rhs, out);
					break;
				default:
					break;
				}
			}
	}
}
