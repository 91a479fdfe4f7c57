/*
 * ledger.c - the driver-wide ledger of DMA-holding struct fields (see
 * ledger.h): collection from one unit, and the checks over a group of units.
 */
#include "ledger.h"
#include "checks.h"
#include "../driver/unit.h"
#include "../analysis/entry.h"
#include "../analysis/space.h"
#include "../report/finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum lg_op { LG_MAP, LG_UNMAP, LG_SYNC, LG_ALLOC, LG_FREE, LG_CPUREAD };

struct lg_ev {
	enum lg_op op;
	char *key;
	int kind;                    /* enum model_kind */
	int dir;                     /* enum dir_class */
	char *dir_text, *size_text;
	int size_const;
	char *func, *callee, *line_text;
	int line, col, end_col;
	int managed;                 /* coherent memory released by devres or a pool */
};

struct lg_fn {
	char *name, *end_text;
	int end_line, end_col;
	int is_static;
};

struct lg_pair {
	char *a, *b;                 /* edge caller->callee, link key<->key, entry func->kind, escape callee->tag */
};

#define VEC(T, name) T *name; size_t n_##name, cap_##name

struct dmc_ledger {
	char *file;
	unsigned dirs_mapped;        /* 1 << dir_class of every streaming map call of the file */
	int unkeyed_unmaps;          /* unmaps whose handle the ledger cannot tie to a field */
	VEC(struct lg_ev, evs);
	VEC(struct lg_fn, fns);
	VEC(struct lg_pair, edges);
	VEC(struct lg_pair, links);
	VEC(struct lg_pair, entries);
	VEC(struct lg_pair, escapes);
	VEC(struct lg_pair, callbacks); /* caller -> function passed as an argument (request_irq(.., foo_irq)) */
	VEC(struct lg_pair, tags);   /* struct types defined in the file (a only) */
	VEC(struct lg_pair, unkeyed); /* functions with an unmap the ledger cannot tie to a field (a only) */
};

static void *grow(void *p, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return p;
	size_t nc = *cap ? *cap * 2 : 16;
	void *q = realloc(p, nc * sz);
	if (!q)
		abort();
	*cap = nc;
	return q;
}

#define PUSH(lg, name) \
	((lg)->name = grow((lg)->name, &(lg)->cap_##name, (lg)->n_##name, sizeof(*(lg)->name)), \
	 memset(&(lg)->name[(lg)->n_##name], 0, sizeof(*(lg)->name)), &(lg)->name[(lg)->n_##name++])

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

void dmc_ledger_free(struct dmc_ledger *lg)
{
	if (!lg)
		return;
	for (size_t i = 0; i < lg->n_evs; i++) {
		struct lg_ev *e = &lg->evs[i];
		free(e->key), free(e->dir_text), free(e->size_text), free(e->func), free(e->callee), free(e->line_text);
	}
	for (size_t i = 0; i < lg->n_fns; i++)
		free(lg->fns[i].name), free(lg->fns[i].end_text);
	struct lg_pair *vs[] = { lg->edges, lg->links, lg->entries, lg->escapes, lg->callbacks, lg->tags, lg->unkeyed };
	size_t ns[] = { lg->n_edges, lg->n_links, lg->n_entries, lg->n_escapes, lg->n_callbacks, lg->n_tags,
			lg->n_unkeyed };
	for (int v = 0; v < 7; v++) {
		for (size_t i = 0; i < ns[v]; i++)
			free(vs[v][i].a), free(vs[v][i].b);
		free(vs[v]);
	}
	free(lg->evs);
	free(lg->fns);
	free(lg->file);
	free(lg);
}

/* ------------------------------------------------------------------ collection */

struct coll {
	struct unit *u;
	const struct ir_func *f;
	struct dmc_ledger *lg;
	const char **statics;        /* names of the file's static functions */
	int nstatics;
};

/* a static function is "name@file": another file's function of the same name is another function */
static char *qualify(const struct coll *c, const char *name)
{
	for (int i = 0; name && i < c->nstatics; i++)
		if (!strcmp(c->statics[i], name)) {
			size_t n = strlen(name) + strlen(c->lg->file) + 2;
			char *q = malloc(n);
			if (!q)
				abort();
			snprintf(q, n, "%s@%s", name, c->lg->file);
			return q;
		}
	return dup(name);
}

static char *line_text(struct unit *u, int line)
{
	size_t n;
	const char *t = source_line(&u->src, line, &n);
	return t ? strndup(t, n) : NULL;
}

static const struct ir_event *single_def(const struct ir_func *f, const struct ir_path *var);
static int data_field(const struct coll *c, const char *name);

/*
 * The key of the last field by the declared type of the object that holds
 * it: priv->rx_head[i].data_mapping with rx_head declared `struct cpmac_desc *`
 * is also "struct cpmac_desc|data_mapping", the key desc->data_mapping has.
 */
static const char *elem_key(struct coll *c, const struct ir_path *p)
{
	if (!p || (p->kind != PATH_ARROW && p->kind != PATH_DOT) || !p->parent)
		return NULL;
	const struct ir_path *steps[16];
	int n = 0;
	for (const struct ir_path *q = p->parent; q && q->kind != PATH_VAR && n < 16; q = q->parent)
		steps[n++] = q;
	const struct ir_path *root = p->root;
	const char *type = ir_local_type(c->f, root);
	char tag[160];
	if (!ir_type_tag(type, tag, sizeof(tag)))
		return NULL;
	for (int i = n - 1; i >= 0; i--) {
		if (steps[i]->kind == PATH_INDEX)
			continue;  /* an element: same struct type */
		if (steps[i]->kind == PATH_DEREF)
			return NULL;
		const char *ft = NULL;
		for (int k = 0; k < c->u->ir.nfields && !ft; k++)
			if (!strcmp(c->u->ir.fields[k].tag, tag) && !strcmp(c->u->ir.fields[k].name, steps[i]->name))
				ft = c->u->ir.fields[k].type;
		if (!ir_type_tag(ft, tag, sizeof(tag)))
			return NULL;
	}
	char buf[256];
	int k = snprintf(buf, sizeof(buf), "%s|%s", tag, p->name);
	return k > 0 && (size_t)k < sizeof(buf) ? strtab_intern(c->u->ir.strs, buf, (size_t)k) : NULL;
}

/*
 * The key of a stored value. rp = &bp->rx_ring[i]; rp->mapping = h is keyed
 * through bp ("struct b44|rx_ring[].mapping"), so that two rings sharing a
 * slot type (rx and tx) stay apart.
 */
static const char *key_of_path_1(struct coll *c, const struct ir_path *p);

static const char *key_of_path(struct coll *c, const struct ir_path *p)
{
	const char *key = key_of_path_1(c, p);
	const char *ek = key ? elem_key(c, p) : NULL;
	if (ek && strcmp(ek, key)) {
		struct lg_pair *l = PUSH(c->lg, links);
		l->a = dup(key);
		l->b = dup(ek);
	}
	return key;
}

static const char *key_of_path_1(struct coll *c, const struct ir_path *p)
{
	if (!p || p->kind == PATH_VAR)
		return NULL;  /* locals are the intra-procedural analysis' business */
	const struct ir_path *root = p->root;
	if (root->is_local && !root->is_param) {
		const struct ir_event *d = single_def(c->f, root);
		const struct ir_path *base = d && (d->rhs.kind == VAL_ADDR || d->rhs.kind == VAL_PATH) &&
					     d->rhs.path && d->rhs.path->kind != PATH_VAR ? d->rhs.path : NULL;
		int arith = 0;
		if (!base && d && d->rhs.kind == VAL_OTHER && (d->rhs.flags & VALF_ARITH) && d->rhs.base &&
		    d->rhs.base->kind != PATH_VAR) {
			/* rx = ring->desc + i: the element ring->desc[] */
			base = ir_path_step(&c->u->ir, d->rhs.base, PATH_INDEX, "i");
			arith = 1;
		}
		if (base) {
			/* replay p's steps on base: &bp->rx_ring[i] then ->mapping is bp->rx_ring[i].mapping */
			const struct ir_path *steps[16];
			int n = 0;
			for (const struct ir_path *q = p; q && q->kind != PATH_VAR && n < 16; q = q->parent)
				steps[n++] = q;
			const struct ir_path *np = base;
			int ok = n < 16;
			for (int i = n - 1; ok && i >= 0; i--) {
				enum path_kind k = steps[i]->kind;
				if (i == n - 1 && k == PATH_ARROW && d->rhs.kind == VAL_PATH) {
					/* desc = priv->rx_head; desc->f: an element of what rx_head points to */
					np = ir_path_step(&c->u->ir, np, PATH_INDEX, "i");
					k = PATH_DOT;
				}
				if (i == n - 1 && k == PATH_ARROW && (d->rhs.kind == VAL_ADDR || arith))
					k = PATH_DOT;  /* (&x)->f is x.f */
				if (k == PATH_DEREF) {
					ok = 0;
					break;
				}
				np = ir_path_step(&c->u->ir, np, k, steps[i]->name);
			}
			const char *key = ok ? space_path_key(&c->u->ir, c->f, np) : NULL;
			const char *plain = space_path_key(&c->u->ir, c->f, p);
			if (key && plain && strcmp(key, plain)) {
				/* the element type's own key too, for code that reaches it another way */
				struct lg_pair *l = PUSH(c->lg, links);
				l->a = dup(key);
				l->b = dup(plain);
			}
			if (key)
				return key;
		}
	}
	return space_path_key(&c->u->ir, c->f, p);
}

static const struct ir_event *call_at(const struct ir_func *f, const struct ir_val *v)
{
	return v && v->kind == VAL_CALL && v->call >= 0 && v->call < f->ncalls ? f->calls[v->call] : NULL;
}

/* the only definition of local var in f, or NULL */
static const struct ir_event *single_def(const struct ir_func *f, const struct ir_path *var)
{
	const struct ir_event *def = NULL;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs == var) {
				if (def)
					return NULL;
				def = e;
			}
		}
	return def;
}

/* the field a handle argument was read from: p->dma, dma_unmap_addr(p, dma), le64_to_cpu(d->addr), a local copy */
static const char *key_of_val(struct coll *c, const struct ir_val *v, int depth)
{
	if (!v || depth > 3)
		return NULL;
	if (v->kind == VAL_PATH || v->kind == VAL_ADDR) {
		if (v->path->kind != PATH_VAR)
			return key_of_path(c, v->path);
		if (!v->path->is_local || v->kind == VAL_ADDR)
			return v->path->is_local ? NULL : key_of_path(c, v->path);
		const struct ir_event *d = single_def(c->f, v->path);
		return d && d->op && d->op[0] == '=' && !d->op[1] ? key_of_val(c, &d->rhs, depth + 1) : NULL;
	}
	const struct ir_event *e = call_at(c->f, v);
	if (!e)
		return NULL;
	const struct model_fn *g = model_fn_role(e->model, ROLE_FIELD_GET);
	if (g && g->slot.obj >= 0 && g->slot.obj < e->nargs && g->slot.field >= 0 && g->slot.field < e->nargs) {
		const struct ir_val *o = &e->args[g->slot.obj], *fl = &e->args[g->slot.field];
		if (o->kind == VAL_PATH && fl->text) {
			const struct ir_path *p = ir_path_step(&c->u->ir, o->path, PATH_ARROW, fl->text);
			return key_of_path(c, p);
		}
		return NULL;
	}
	const struct model_fn *t = model_fn_role(e->model, ROLE_TRANSPARENT);
	if (t && t->slot.val >= 0 && t->slot.val < e->nargs)
		return key_of_val(c, &e->args[t->slot.val], depth + 1);
	return NULL;
}

static void add_ev(struct coll *c, enum lg_op op, const char *key, const struct ir_event *e,
		   const struct model_fn *r)
{
	struct lg_ev *le = PUSH(c->lg, evs);
	le->op = op;
	le->key = dup(key);
	le->kind = r->kind;
	le->dir = DIR_UNKNOWN;
	if (r->slot.dir >= 0 && r->slot.dir < e->nargs && e->args[r->slot.dir].text) {
		const char *dt = e->args[r->slot.dir].text;
		const struct model_dir *d = model_dir_find(&c->u->s->model, dt, strlen(dt));
		le->dir = d ? (int)d->cls : DIR_UNKNOWN;
		le->dir_text = dup(dt);
	}
	if (r->slot.size >= 0 && r->slot.size < e->nargs && e->args[r->slot.size].text) {
		le->size_text = dup(e->args[r->slot.size].text);
		le->size_const = (e->args[r->slot.size].flags & VALF_CONST) != 0;
	}
	le->func = qualify(c, c->f->name);
	le->callee = dup(e->callee);
	le->line = e->line;
	le->col = e->col;
	le->end_col = e->col + (int)(e->callee ? strlen(e->callee) : 1);
	le->line_text = line_text(c->u, e->line);
	le->managed = r->family && (!strcmp(r->family, "managed") || !strcmp(r->family, "pool"));
}

/* every field the value of call e (or a local holding it) is stored into */
static void stored_keys(struct coll *c, const struct ir_event *call, enum lg_op op, const struct model_fn *r)
{
	const struct ir_path *locals[8];
	int nl = 0;
	const char *first = NULL;
	for (int pass = 0; pass < 2; pass++)
		for (int b = 0; b < c->f->nblocks; b++)
			for (int i = 0; i < c->f->blocks[b]->nev; i++) {
				const struct ir_event *e = c->f->blocks[b]->ev[i];
				const struct ir_val *v = NULL;
				const struct ir_path *dst = NULL;
				if (e->kind == EV_ASSIGN && e->op && e->op[0] == '=' && !e->op[1]) {
					v = &e->rhs;
					dst = e->lhs;
				} else if (e->kind == EV_CALL) {
					const struct model_fn *s = model_fn_role(e->model, ROLE_FIELD_SET);
					if (s && s->slot.val >= 0 && s->slot.val < e->nargs && s->slot.obj >= 0 &&
					    s->slot.obj < e->nargs && e->args[s->slot.obj].kind == VAL_PATH &&
					    s->slot.field >= 0 && s->slot.field < e->nargs && e->args[s->slot.field].text) {
						v = &e->args[s->slot.val];
						dst = ir_path_step(&c->u->ir, e->args[s->slot.obj].path, PATH_ARROW,
								   e->args[s->slot.field].text);
					}
				}
				if (!v || !dst)
					continue;
				/* through cpu_to_le64() and friends */
				const struct ir_event *ce = call_at(c->f, v);
				for (int k = 0; ce && ce != call && k < 3; k++) {
					const struct model_fn *t = model_fn_role(ce->model, ROLE_TRANSPARENT);
					if (!t || t->slot.val < 0 || t->slot.val >= ce->nargs)
						break;
					v = &ce->args[t->slot.val];
					ce = call_at(c->f, v);
				}
				int from_call = ce == call;
				int from_local = 0;
				for (int k = 0; k < nl; k++)
					if (v->kind == VAL_PATH && v->path == locals[k])
						from_local = 1;
				if (!from_call && !from_local)
					continue;
				if (dst->kind == PATH_VAR && dst->is_local) {
					if (pass == 0 && nl < 8)
						locals[nl++] = dst;
					continue;
				}
				if (pass == 0)
					continue;
				const char *key = key_of_path(c, dst);
				if (!key)
					continue;
				if (!first) {
					first = key;
					add_ev(c, op, key, call, r);
				} else if (strcmp(first, key)) {
					struct lg_pair *l = PUSH(c->lg, links);
					l->a = dup(first);
					l->b = dup(key);
				}
			}
}

static const struct ir_val *arg_of(const struct ir_event *e, int slot)
{
	return e && slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

/* skb->data: a field that points at an object's buffer (words of class buffer.data-field) */
static int data_field(const struct coll *c, const char *name)
{
	char key[96];
	int n = name ? snprintf(key, sizeof(key), "buffer-field.%s", name) : -1;
	const char *cls = n > 0 && (size_t)n < sizeof(key) ? model_word_class(&c->u->s->model, key, (size_t)n) : NULL;
	return cls && !strcmp(cls, "buffer.data-field");
}

/*
 * The field that holds the object a buffer belongs to: for skb->data with
 * rx->skb = skb (or skb = rx->skb), "struct ring|rx[].skb"; for a buffer
 * field (rx->buf) the field itself.
 */
static const char *holder_key(struct coll *c, const struct ir_val *v, int stored)
{
	const struct ir_path *p = !v ? NULL : v->kind == VAL_PATH ? v->path : (v->flags & VALF_ARITH) ? v->base : NULL;
	if (!p)
		return NULL;
	if (p->kind == PATH_ARROW && data_field(c, p->name))
		p = p->parent;  /* skb->data: the skb */
	if (p->kind != PATH_VAR)
		return key_of_path(c, p);
	if (!p->is_local)
		return NULL;
	const struct ir_event *d = single_def(c->f, p);
	if (d && d->rhs.kind == VAL_PATH && d->rhs.path->kind != PATH_VAR)
		return key_of_path(c, d->rhs.path);  /* skb = rx->skb */
	for (int b = 0; stored && b < c->f->nblocks; b++)
		for (int i = 0; i < c->f->blocks[b]->nev; i++) {
			const struct ir_event *e = c->f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->rhs.kind == VAL_PATH && e->rhs.path == p && e->lhs &&
			    e->lhs->kind != PATH_VAR)
				return key_of_path(c, e->lhs);  /* rx->skb = skb */
		}
	return NULL;
}

static void collect_call(struct coll *c, const struct ir_event *e)
{
	for (const struct model_fn *r = e->model; r; r = r->next) {
		if (r->derived && r->role != ROLE_STREAM_UNMAP && r->role != ROLE_STREAM_SYNC)
			continue;  /* a same-file helper that unmaps or syncs its handle parameter releases the caller's field */
		if (r->role == ROLE_STREAM_MAP && r->slot.dir >= 0 && r->slot.dir < e->nargs && e->args[r->slot.dir].text) {
			const char *dt = e->args[r->slot.dir].text;
			const struct model_dir *d = model_dir_find(&c->u->s->model, dt, strlen(dt));
			c->lg->dirs_mapped |= 1u << (d ? d->cls : DIR_UNKNOWN);
		}
		switch (r->role) {
		case ROLE_STREAM_MAP:
			if (r->kind == KIND_SG || r->kind == KIND_SGTABLE) {
				int s = r->slot.sgl >= 0 ? r->slot.sgl : r->slot.buf;
				const char *key = s >= 0 && s < e->nargs ? key_of_val(c, &e->args[s], 0) : NULL;
				if (key)
					add_ev(c, LG_MAP, key, e, r);
			} else if (r->ret == RET_HANDLE) {
				size_t before = c->lg->n_evs;
				stored_keys(c, e, LG_MAP, r);
				const char *hold = c->lg->n_evs > before ? holder_key(c, arg_of(e, r->slot.buf), 1) : NULL;
				if (hold && strcmp(hold, c->lg->evs[before].key)) {
					/* the object holding the buffer (rx->skb) and the handle (rx->dma) are one slot */
					struct lg_pair *l = PUSH(c->lg, links);
					l->a = dup(hold);
					l->b = dup(c->lg->evs[before].key);
				}
			}
			break;
		case ROLE_STREAM_UNMAP:
		case ROLE_STREAM_SYNC: {
			int s = (r->kind == KIND_SG || r->kind == KIND_SGTABLE) ?
				(r->slot.sgl >= 0 ? r->slot.sgl : r->slot.buf) : r->slot.handle;
			const char *key = s >= 0 && s < e->nargs ? key_of_val(c, &e->args[s], 0) : NULL;
			if (key)
				add_ev(c, r->role == ROLE_STREAM_UNMAP ? LG_UNMAP : LG_SYNC, key, e, r);
			else if (r->role == ROLE_STREAM_UNMAP) {
				c->lg->unkeyed_unmaps++;
				struct lg_pair *uk = PUSH(c->lg, unkeyed);
				uk->a = qualify(c, c->f->name);
			}
			break;
		}
		case ROLE_COHERENT_ALLOC:
			stored_keys(c, e, LG_ALLOC, r);
			break;
		case ROLE_COHERENT_FREE: {
			const char *key = r->slot.buf >= 0 && r->slot.buf < e->nargs ? key_of_val(c, &e->args[r->slot.buf], 0) : NULL;
			if (key)
				add_ev(c, LG_FREE, key, e, r);
			break;
		}
		default:
			break;
		}
	}
}

/* struct types given to functions that may be defined elsewhere: they may unmap what is inside */
static void collect_escapes(struct coll *c, const struct ir_event *e)
{
	if (e->model || !e->callee)
		return;
	for (int a = 0; a < e->nargs; a++) {
		const struct ir_val *v = &e->args[a];
		if ((v->kind != VAL_PATH && v->kind != VAL_ADDR) || !v->path)
			continue;
		const char *key = key_of_path(c, v->path);
		const char *tag = NULL;
		char buf[200];
		if (key) {
			const char *bar = strchr(key, '|');
			snprintf(buf, sizeof(buf), "%.*s", bar ? (int)(bar - key) : 0, key);
			tag = buf;
		} else if (v->path->kind == PATH_VAR) {
			tag = ir_type_tag(ir_local_type(c->f, v->path), buf, sizeof(buf));
		}
		if (tag && tag[0]) {
			struct lg_pair *p = PUSH(c->lg, escapes);
			p->a = qualify(c, e->callee);
			p->b = dup(tag);
		}
	}
}

struct dmc_ledger *ledger_collect(struct unit *u)
{
	struct dmc_ledger *lg = calloc(1, sizeof(*lg));
	if (!lg)
		return NULL;
	lg->file = dup(u->src.path);
	struct coll c = { .u = u, .lg = lg };
	c.statics = calloc((size_t)u->ir.nfuncs + 1, sizeof(*c.statics));
	for (int k = 0; k < u->ir.nfuncs; k++) {
		const struct ir_func *f = u->ir.funcs[k];
		/* "static" before the name: such a function cannot be called from another file */
		for (uint32_t o = f->start; o + 6 < u->src.len && o < f->end; o++) {
			if (u->src.text[o] == '(' || u->src.text[o] == '{')
				break;
			if (!memcmp(u->src.text + o, "static", 6) &&
			    (o == f->start || u->src.text[o - 1] == ' ' || u->src.text[o - 1] == '\n')) {
				c.statics[c.nstatics++] = f->name;
				break;
			}
		}
	}
	for (int k = 0; k < u->ir.nfuncs; k++) {
		const struct ir_func *f = u->ir.funcs[k];
		c.f = f;
		struct lg_fn *fn = PUSH(lg, fns);
		fn->name = qualify(&c, f->name);
		fn->is_static = strchr(fn->name, '@') != NULL;
		int line, col;
		source_pos(&u->src, f->end ? f->end - 1 : 0, &line, &col);
		fn->end_line = line;
		fn->end_col = col;
		fn->end_text = line_text(u, line);

		for (int i = 0; i < f->ncalls; i++) {
			const struct ir_event *e = f->calls[i];
			if (e->callee) {
				struct lg_pair *ed = PUSH(lg, edges);
				ed->a = qualify(&c, f->name);
				ed->b = qualify(&c, e->callee);
			}
			/* callbacks: netif_napi_add(dev, &napi, foo_poll), request_irq(irq, foo_irq, ...) */
			for (int a = 0; a < e->nargs; a++)
				if ((e->args[a].flags & VALF_IDENT) && e->args[a].text) {
					struct lg_pair *ed = PUSH(lg, callbacks);
					ed->a = qualify(&c, f->name);
					ed->b = qualify(&c, e->args[a].text);
				}
			collect_call(&c, e);
			collect_escapes(&c, e);
			/* devm_add_action_or_reset(dev, foo_unmap, priv): foo_unmap runs when the device goes */
			const struct model_fn *td = model_fn_role(e->model, ROLE_TEARDOWN_CALLBACK);
			if (td && td->slot.callback >= 0 && td->slot.callback < e->nargs &&
			    (e->args[td->slot.callback].flags & VALF_IDENT) && e->args[td->slot.callback].text) {
				struct lg_pair *p = PUSH(lg, entries);
				p->a = qualify(&c, e->args[td->slot.callback].text);
				p->b = dup("release");
			}
		}
		/* CPU reads of a slot's buffer: skb = rx->skb; ... skb->data[0] / memcpy(x, skb->data, n) */
		for (int b = 0; b < f->nblocks; b++)
			for (int i = 0; i < f->blocks[b]->nev; i++) {
				const struct ir_event *e = f->blocks[b]->ev[i];
				const struct ir_path *q = NULL;
				if (e->kind == EV_READ)
					q = e->lhs;
				else if (e->kind == EV_CALL) {
					const struct model_fn *mr = model_fn_role(e->model, ROLE_MEM_READ);
					const struct ir_val *a = mr ? arg_of(e, mr->slot.buf) : NULL;
					q = a ? (a->kind == VAL_PATH ? a->path : (a->flags & VALF_ARITH) ? a->base : NULL) : NULL;
				}
				/* find the skb->data step in q */
				const struct ir_path *dstep = NULL;
				for (const struct ir_path *x = q; x && x->kind != PATH_VAR; x = x->parent)
					if (x->kind == PATH_ARROW && data_field(&c, x->name))
						dstep = x;
				const char *hold = NULL;
				if (dstep && !(e->kind == EV_READ && dstep == q))
					hold = holder_key(&c, &(struct ir_val){ .kind = VAL_PATH, .path = dstep }, 0);
				else if (!dstep && q && q->kind != PATH_VAR && e->kind == EV_CALL)
					hold = key_of_path(&c, q);  /* memcpy(dst, rx->buf, n) */
				else if (!dstep && q && (q->kind == PATH_INDEX || q->kind == PATH_DEREF) && q->parent &&
					 q->parent->kind != PATH_VAR)
					hold = key_of_path(&c, q->parent);  /* rx->buf[i] */
				if (!dstep && q && e->kind == EV_READ && !(q->kind == PATH_INDEX || q->kind == PATH_DEREF))
					hold = NULL;
				if (!hold)
					continue;
				struct lg_ev *le = PUSH(lg, evs);
				le->op = LG_CPUREAD;
				le->key = dup(hold);
				le->dir = DIR_UNKNOWN;
				le->func = qualify(&c, f->name);
				le->callee = dup(dstep ? dstep->text : q->text);
				le->line = e->line;
				le->col = e->col;
				le->end_col = e->col + 1;
				le->line_text = line_text(u, e->line);
			}
		/* field-to-field copies link keys: tx->dma = ring->slot[i].dma */
		for (int b = 0; b < f->nblocks; b++)
			for (int i = 0; i < f->blocks[b]->nev; i++) {
				const struct ir_event *e = f->blocks[b]->ev[i];
				if (e->kind != EV_ASSIGN || !e->lhs || e->lhs->kind == PATH_VAR || e->rhs.kind != VAL_PATH)
					continue;
				const char *a = key_of_path(&c, e->lhs), *bk = key_of_path(&c, e->rhs.path);
				if (a && bk && strcmp(a, bk)) {
					struct lg_pair *l = PUSH(lg, links);
					l->a = dup(a);
					l->b = dup(bk);
				}
			}
	}
	for (int i = 0; i < u->ir.nfields; i++)
		if (!i || strcmp(u->ir.fields[i].tag, u->ir.fields[i - 1].tag)) {
			struct lg_pair *t = PUSH(lg, tags);
			t->a = dup(u->ir.fields[i].tag);
		}
	for (int i = 0; i < u->ir.ninits; i++) {
		const struct ir_init *in = &u->ir.inits[i];
		const char *kind = model_entry_kind(&u->s->model, in->stype, in->field);
		/* other ops tables (.destroy = foo_destroy) are called through pointers at unknown times */
		struct lg_pair *p = PUSH(lg, entries);
		p->a = qualify(&c, in->value);
		p->b = dup(kind ? kind : "indirect");
	}
	free(c.statics);
	return lg;
}

/* ------------------------------------------------------------------ checks over a group */

/* a function's name for messages: "foo" of "foo@drivers/x/y.c" */
static const char *plain(const char *name, char *buf, size_t n)
{
	const char *at = strchr(name, '@');
	if (!at)
		return name;
	snprintf(buf, n, "%.*s", (int)(at - name), name);
	return buf;
}

struct fnref {
	const struct dmc_ledger *lg;
	const struct lg_fn *fn;
	unsigned reach;              /* R_* bits */
	uint32_t smask, tmask;       /* reached from the probe/open (remove/release) entries of root file #bit */
};

#define MAX_ROOT_FILES 32

enum { R_SETUP = 1, R_TEARDOWN = 2, R_ANY = 4, R_INDIRECT = 8 };

struct group {
	const struct dmc_session *s;
	struct dmc_ledger *const *lgs;
	size_t n;
	struct fnref *fns;
	size_t nfns;
	struct lg_pair *edges;       /* all calls of the group, sorted by caller (shallow copies) */
	size_t nedges;
	const struct dmc_ledger *root_file[MAX_ROOT_FILES]; /* files with a remove/release entry */
	const struct fnref *root_td[MAX_ROOT_FILES];        /* ... and that entry (remove preferred) */
	size_t nroots;
	char **keys;                 /* distinct keys */
	size_t nkeys;
	size_t *parent;              /* union-find over keys */
};

static int cmp_fnref(const void *a, const void *b)
{
	return strcmp(((const struct fnref *)a)->fn->name, ((const struct fnref *)b)->fn->name);
}

static struct fnref *fn_find(struct group *g, const char *name)
{
	struct fnref key = { .fn = &(struct lg_fn){ .name = (char *)name } };
	return name ? bsearch(&key, g->fns, g->nfns, sizeof(*g->fns), cmp_fnref) : NULL;
}

static int cmp_edge(const void *a, const void *b)
{
	return strcmp(((const struct lg_pair *)a)->a, ((const struct lg_pair *)b)->a);
}

/* mark what the entries of the given kinds reach: fnref.reach |= bit, or with only_file set, smask/tmask |= fbit */
static void reach_from_file(struct group *g, unsigned bit, const char *const *kinds, size_t nk,
			    const struct lg_pair *edges, size_t nedges, const struct dmc_ledger *only_file,
			    uint32_t *(*mask_of)(struct fnref *), uint32_t fbit);

static uint32_t *smask_of(struct fnref *f)
{
	return &f->smask;
}

static uint32_t *tmask_of(struct fnref *f)
{
	return &f->tmask;
}

static int mark(struct fnref *fr, unsigned bit, uint32_t *(*mask_of)(struct fnref *), uint32_t fbit)
{
	if (mask_of) {
		uint32_t *m = mask_of(fr);
		if (*m & fbit)
			return 0;
		*m |= fbit;
		return 1;
	}
	if (fr->reach & bit)
		return 0;
	fr->reach |= bit;
	return 1;
}

static void reach_from(struct group *g, unsigned bit, const char *const *kinds, size_t nk,
		       const struct lg_pair *edges, size_t nedges)
{
	reach_from_file(g, bit, kinds, nk, edges, nedges, NULL, NULL, 0);
}

static void reach_from_file(struct group *g, unsigned bit, const char *const *kinds, size_t nk,
			    const struct lg_pair *edges, size_t nedges, const struct dmc_ledger *only_file,
			    uint32_t *(*mask_of)(struct fnref *), uint32_t fbit)
{
	const char **stack = NULL;
	size_t ns = 0, cap = 0;
	for (size_t l = 0; l < g->n; l++) {
		if (only_file && g->lgs[l] != only_file)
			continue;
		for (size_t i = 0; i < g->lgs[l]->n_entries; i++) {
			const struct lg_pair *e = &g->lgs[l]->entries[i];
			int match = nk == 0;
			for (size_t k = 0; k < nk; k++)
				match |= !strcmp(e->b, kinds[k]);
			struct fnref *fr = match ? fn_find(g, e->a) : NULL;
			if (fr && mark(fr, bit, mask_of, fbit)) {
				stack = grow(stack, &cap, ns, sizeof(*stack));
				stack[ns++] = fr->fn->name;
			}
		}
	}
	while (ns) {
		const char *name = stack[--ns];
		struct lg_pair key = { (char *)name, NULL };
		const struct lg_pair *e = bsearch(&key, edges, nedges, sizeof(*edges), cmp_edge);
		if (!e)
			continue;
		while (e > edges && !strcmp(e[-1].a, name))
			e--;
		for (; e < edges + nedges && !strcmp(e->a, name); e++) {
			struct fnref *fr = fn_find(g, e->b);
			if (fr && mark(fr, bit, mask_of, fbit)) {
				stack = grow(stack, &cap, ns, sizeof(*stack));
				stack[ns++] = fr->fn->name;
			}
		}
	}
	free(stack);
}

static size_t key_index(struct group *g, const char *key)
{
	for (size_t i = 0; i < g->nkeys; i++)
		if (!strcmp(g->keys[i], key))
			return i;
	return (size_t)-1;
}

static size_t uf_find(struct group *g, size_t i)
{
	while (g->parent[i] != i)
		i = g->parent[i] = g->parent[g->parent[i]];
	return i;
}

static unsigned reach_of(struct group *g, const char *func)
{
	struct fnref *fr = fn_find(g, func);
	return fr ? fr->reach : 0;
}

/* the group's struct tag of a key: "struct foo|x" -> "struct foo" */
static int tag_escapes(struct group *g, const char *key)
{
	const char *bar = strchr(key, '|');
	size_t n = bar ? (size_t)(bar - key) : strlen(key);
	for (size_t l = 0; l < g->n; l++)
		for (size_t i = 0; i < g->lgs[l]->n_escapes; i++) {
			const struct lg_pair *e = &g->lgs[l]->escapes[i];
			if (strlen(e->b) == n && !strncmp(e->b, key, n) && !fn_find(g, e->a))
				return 1;
		}
	return 0;
}

/* is the struct type of key defined in a file of the group? Then no header helper can touch it */
static int tag_local(struct group *g, const char *key)
{
	const char *bar = strchr(key, '|');
	size_t n = bar ? (size_t)(bar - key) : 0;
	for (size_t l = 0; n && l < g->n; l++)
		for (size_t i = 0; i < g->lgs[l]->n_tags; i++)
			if (strlen(g->lgs[l]->tags[i].a) == n && !strncmp(g->lgs[l]->tags[i].a, key, n))
				return 1;
	return 0;
}

/* an unmap the ledger could not tie to a field may be the one that releases it */
static int unkeyed_unmaps(const struct group *g)
{
	int n = 0;
	for (size_t l = 0; l < g->n; l++)
		n += g->lgs[l]->unkeyed_unmaps;
	return n;
}

static const char *field_of(const char *key)
{
	const char *bar = strchr(key, '|');
	return bar ? bar + 1 : key;
}

static struct dmc_finding *report(struct group *g, struct dmc_result *out, const char *rule, const char *file,
				  int line, int col, int end_col, const char *func, const char *text,
				  const char *fmt, ...) __attribute__((format(printf, 10, 11)));

static struct dmc_finding *report(struct group *g, struct dmc_result *out, const char *rule, const char *file,
				  int line, int col, int end_col, const char *func, const char *text,
				  const char *fmt, ...)
{
	const struct dmc_rule_info *info;
	if (!session_rule_enabled(g->s, rule, &info))
		return NULL;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	char fb[200];
	return finding_add(out, info->id, info->severity, file, line, col, line, end_col > col ? end_col : col + 1,
			   func ? plain(func, fb, sizeof(fb)) : NULL, text, "%s", msg);
}

static void note_at(struct dmc_finding *fd, const char *file, const struct dmc_ledger *lg, const struct lg_ev *e,
		    const char *what)
{
	if (!fd)
		return;
	char fb[200];
	if (!strcmp(file, lg->file))
		finding_add_note(fd, e->line, e->col, "%s here, by %s()", what, plain(e->func, fb, sizeof(fb)));
}

struct evref {
	const struct dmc_ledger *lg;
	const struct lg_ev *e;
};

/* the first teardown root, preferring remove over release */
static const struct fnref *teardown_root(struct group *g, const char **kind_out)
{
	static const char *const order[] = { "remove", "release" };
	for (int k = 0; k < 2; k++)
		for (size_t l = 0; l < g->n; l++)
			for (size_t i = 0; i < g->lgs[l]->n_entries; i++) {
				const struct lg_pair *e = &g->lgs[l]->entries[i];
				struct fnref *fr = strcmp(e->b, order[k]) ? NULL : fn_find(g, e->a);
				if (fr) {
					*kind_out = order[k];
					return fr;
				}
			}
	return NULL;
}

/* sizeof(*p) and sizeof(x->f) depend on types this ledger does not keep */
static int comparable_size(const char *t)
{
	const char *s = strstr(t, "sizeof(");
	for (; s; s = strstr(s + 7, "sizeof("))
		if (strncmp(s, "sizeof(struct ", 14) && strncmp(s, "sizeof(union ", 13))
			return 0;
	return 1;
}

static int same_family(int a, int b)
{
	int sa = a == KIND_SG || a == KIND_SGTABLE, sb = b == KIND_SG || b == KIND_SGTABLE;
	return a == KIND_NONE || b == KIND_NONE || sa == sb;
}

/* does f (or a function it calls, transitively) unmap or sync a field of this group, or an unkeyed handle? */
static int releases_in(struct group *g, const char *f, struct evref *evs, size_t nev, int before_line,
		       const struct dmc_ledger *f_lg, int depth)
{
	if (!f || depth > 4)
		return 0;
	for (size_t i = 0; i < nev; i++) {
		const struct lg_ev *e = evs[i].e;
		if ((e->op == LG_UNMAP || e->op == LG_SYNC) && !strcmp(e->func, f) &&
		    (depth > 0 || evs[i].lg != f_lg || e->line < before_line))
			return 1;
	}
	for (size_t l = 0; l < g->n; l++)
		for (size_t i = 0; i < g->lgs[l]->n_unkeyed; i++)
			if (!strcmp(g->lgs[l]->unkeyed[i].a, f))
				return 1;
	struct lg_pair key = { (char *)f, NULL };
	const struct lg_pair *e = bsearch(&key, g->edges, g->nedges, sizeof(*g->edges), cmp_edge);
	if (!e)
		return 0;
	while (e > g->edges && !strcmp(e[-1].a, f))
		e--;
	for (; e < g->edges + g->nedges && !strcmp(e->a, f); e++)
		if (fn_find(g, e->b) && releases_in(g, e->b, evs, nev, 0, NULL, depth + 1))
			return 1;
	return 0;
}

static int tag_local(struct group *g, const char *key);

static int has_callers(const struct group *g, const char *f)
{
	for (size_t i = 0; i < g->nedges; i++)
		if (!strcmp(g->edges[i].b, f))
			return 1;
	return 0;
}

/*
 * A function that runs on its own (an entry point or a callback, nobody in
 * the driver calls it) reads the buffer of a slot that another function
 * mapped from the device, and unmaps or syncs that slot itself only after
 * the read (so the slot is mapped when it reads); nothing it calls before
 * releases the slot.
 */
static void check_cpu_reads(struct group *g, const char *key, struct evref *evs, size_t nev, struct dmc_result *out)
{
	const struct evref *map = NULL;
	for (size_t i = 0; i < nev; i++) {
		const struct lg_ev *e = evs[i].e;
		if (e->op != LG_MAP)
			continue;
		if (e->dir != DIR_FROM_DEVICE && e->dir != DIR_BIDIRECTIONAL)
			return;  /* a buffer the device only reads is not stale for the CPU */
		map = map ? map : &evs[i];
	}
	if (!map)
		return;
	const char *done = NULL;
	const struct dmc_ledger *done_lg = NULL;
	for (size_t i = 0; i < nev; i++) {
		const struct lg_ev *e = evs[i].e;
		if (e->op != LG_CPUREAD || (done && !strcmp(done, e->func) && done_lg == evs[i].lg))
			continue;
		int maps_here = 0, releases_after = 0;
		for (size_t k = 0; k < nev; k++) {
			const struct lg_ev *o = evs[k].e;
			maps_here |= o->op == LG_MAP && !strcmp(o->func, e->func);
			/* it unmaps or syncs the slot itself, later: the slot is mapped when it reads */
			releases_after |= (o->op == LG_UNMAP || o->op == LG_SYNC) && evs[k].lg == evs[i].lg &&
					  !strcmp(o->func, e->func) && o->line > e->line;
		}
		if (maps_here || !releases_after || !tag_local(g, key) || has_callers(g, e->func) ||
		    !(reach_of(g, e->func) & R_ANY) || releases_in(g, e->func, evs, nev, e->line, evs[i].lg, 0))
			continue;
		char b1[200], b2[200];
		const struct lg_ev *m = map->e;
		struct dmc_finding *fd = report(g, out, "dma-cpu-access-while-mapped", evs[i].lg->file, e->line, e->col,
						e->end_col, e->func, e->line_text,
						"%s() reads '%s', the buffer of '%s' that %s() maps for the device (%s:%d), without a dma_sync_*_for_cpu() or unmap of it first; the CPU may read stale data",
						plain(e->func, b1, sizeof(b1)), e->callee, field_of(key),
						plain(m->func, b2, sizeof(b2)), map->lg->file, m->line);
		note_at(fd, evs[i].lg->file, map->lg, m, "mapped");
		done = e->func;
		done_lg = evs[i].lg;
	}
}

static void check_key_group(struct group *g, size_t root, struct evref *evs, size_t nev, struct dmc_result *out)
{
	size_t nmap = 0, nunmap = 0, nalloc = 0, nfree = 0;
	int unmap_teardown = 0, unmap_unknown = 0, free_teardown = 0, free_unknown = 0;
	const struct evref *setup_map = NULL, *setup_alloc = NULL, *any_map = NULL;
	for (size_t i = 0; i < nev; i++) {
		const struct lg_ev *e = evs[i].e;
		unsigned r = reach_of(g, e->func);
		switch (e->op) {
		case LG_MAP:
			nmap++;
			any_map = any_map ? any_map : &evs[i];
			if ((r & R_SETUP) && !setup_map)
				setup_map = &evs[i];
			break;
		case LG_UNMAP:
			nunmap++;
			unmap_teardown |= (r & R_TEARDOWN) != 0;
			unmap_unknown |= !(r & R_ANY);
			break;
		case LG_ALLOC:
			if (e->managed)
				break;
			nalloc++;
			if ((r & R_SETUP) && !setup_alloc)
				setup_alloc = &evs[i];
			break;
		case LG_FREE:
			nfree++;
			free_teardown |= (r & R_TEARDOWN) != 0;
			free_unknown |= !(r & R_ANY);
			break;
		default:
			break;
		}
	}
	const char *tkind = NULL;
	const struct fnref *td = teardown_root(g, &tkind);
	const char *key = g->keys[root];
	int local = tag_local(g, key);
	char b1[200], b2[200];
	/* dma-map-leak at remove/release, per driver file */
	int leak_reported = 0;
	for (size_t r = 0; local && r < g->nroots && !unmap_unknown && nunmap; r++) {
		uint32_t bit = 1u << r;
		const struct evref *sm = NULL;
		int undone = 0;
		for (size_t i = 0; i < nev; i++) {
			const struct fnref *fr = fn_find(g, evs[i].e->func);
			if (!fr)
				continue;
			if (evs[i].e->op == LG_MAP && (fr->smask & bit) && !sm)
				sm = &evs[i];
			if (evs[i].e->op == LG_UNMAP && ((fr->tmask & bit) || (fr->reach & R_INDIRECT)))
				undone = 1;
		}
		/* an unmap on the teardown path that the ledger cannot tie to a field may be this one */
		for (size_t l = 0; l < g->n && !undone; l++)
			for (size_t i = 0; i < g->lgs[l]->n_unkeyed && !undone; i++) {
				const struct fnref *fr = fn_find(g, g->lgs[l]->unkeyed[i].a);
				undone = fr && (fr->tmask & bit);
			}
		if (!sm || undone)
			continue;
		const struct fnref *rt = g->root_td[r];
		const struct lg_ev *m = sm->e;
		struct dmc_finding *fd = report(g, out, "dma-map-leak", rt->lg->file, rt->fn->end_line, rt->fn->end_col,
						rt->fn->end_col + 1, rt->fn->name, rt->fn->end_text,
						"the mapping stored in '%s' by %s() on the probe/open path (%s:%d) is never unmapped by %s() or anything it calls; it stays mapped after the device is released",
						field_of(key), plain(m->func, b1, sizeof(b1)), sm->lg->file, m->line,
						plain(rt->fn->name, b2, sizeof(b2)));
		note_at(fd, rt->lg->file, sm->lg, m, "mapped");
		leak_reported = 1;
	}
	(void)unmap_teardown;
	(void)setup_map;
	if (leak_reported) {
		/* reported at remove */
	} else if (local && any_map && td && !unkeyed_unmaps(g) && (reach_of(g, any_map->e->func) & R_ANY) && !nunmap && !tag_escapes(g, key)) {
		/* only with the driver in view: its entry points known, the map reachable from them */
		const struct lg_ev *m = any_map->e;
		report(g, out, "dma-map-leak", any_map->lg->file, m->line, m->col, m->end_col, m->func, m->line_text,
		       "the handle of this mapping is stored in '%s', but nothing in the driver unmaps '%s'; every mapping must be released with the matching unmap call",
		       field_of(key), field_of(key));
	}
	/* dmac-free-mismatch-or-leak at remove/release, per driver file */
	(void)free_teardown;
	(void)setup_alloc;
	for (size_t r = 0; local && r < g->nroots && !free_unknown && nfree; r++) {
		uint32_t bit = 1u << r;
		const struct evref *sa = NULL;
		int undone = 0;
		for (size_t i = 0; i < nev; i++) {
			const struct fnref *fr = fn_find(g, evs[i].e->func);
			if (!fr)
				continue;
			if (evs[i].e->op == LG_ALLOC && !evs[i].e->managed && (fr->smask & bit) && !sa)
				sa = &evs[i];
			if (evs[i].e->op == LG_FREE && ((fr->tmask & bit) || (fr->reach & R_INDIRECT)))
				undone = 1;
		}
		if (!sa || undone)
			continue;
		const struct fnref *rt = g->root_td[r];
		const struct lg_ev *a = sa->e;
		struct dmc_finding *fd = report(g, out, "dmac-free-mismatch-or-leak", rt->lg->file, rt->fn->end_line,
						rt->fn->end_col, rt->fn->end_col + 1, rt->fn->name, rt->fn->end_text,
						"coherent memory stored in '%s' by %s() on the probe/open path (%s:%d) is never freed by %s() or anything it calls",
						field_of(key), plain(a->func, b1, sizeof(b1)), sa->lg->file, a->line,
						plain(rt->fn->name, b2, sizeof(b2)));
		note_at(fd, rt->lg->file, sa->lg, a, "allocated");
	}
	check_cpu_reads(g, key, evs, nev, out);
	/* the same field unmapped or synced elsewhere with other arguments than every map of it */
	if (!nmap)
		return;
	int dir = -1, kind = -1, size_ok = 1;
	const char *size = NULL;
	for (size_t i = 0; i < nev; i++) {
		const struct lg_ev *e = evs[i].e;
		if (e->op != LG_MAP)
			continue;
		dir = dir == -1 ? e->dir : (dir == e->dir ? dir : DIR_UNKNOWN);
		kind = kind == -1 ? e->kind : (same_family(kind, e->kind) ? kind : KIND_NONE);
		if (!e->size_const || (size && strcmp(size, e->size_text)))
			size_ok = 0;
		size = e->size_text;
	}
	for (size_t i = 0; i < nev; i++) {
		const struct lg_ev *e = evs[i].e;
		if (e->op != LG_UNMAP && e->op != LG_SYNC)
			continue;
		int other_func = 1;  /* the intra-procedural check owns same-function pairs */
		for (size_t k = 0; k < nev; k++)
			if (evs[k].e->op == LG_MAP && !strcmp(evs[k].e->func, e->func) && evs[k].lg == evs[i].lg)
				other_func = 0;
		if (!other_func)
			continue;
		const char *rule = e->op == LG_UNMAP ? "dma-unmap-args-mismatch" : "dma-sync-protocol";
		unsigned mapped = 0;
		for (size_t l = 0; l < g->n; l++)
			mapped |= g->lgs[l]->dirs_mapped;
		/* a sync of a bidirectional mapping may name either direction; and if the driver maps
		 * anything with this direction, some map of this field may be one the ledger missed */
		if (dir > DIR_UNKNOWN && dir != DIR_INVALID && e->dir > DIR_UNKNOWN && e->dir != DIR_INVALID && e->dir != dir &&
		    !(e->op == LG_SYNC && dir == DIR_BIDIRECTIONAL) && !(mapped & (1u << e->dir))) {
			report(g, out, rule, evs[i].lg->file, e->line, e->col, e->end_col, e->func, e->line_text,
			       "%s() of '%s' with %s, but every map of '%s' in the driver uses another direction; the direction must be the one the buffer was mapped with",
			       e->callee, field_of(key), e->dir_text ? e->dir_text : "this direction", field_of(key));
		} else if (kind > KIND_NONE && e->kind > KIND_NONE && !same_family(kind, e->kind)) {
			report(g, out, rule, evs[i].lg->file, e->line, e->col, e->end_col, e->func, e->line_text,
			       "%s() releases '%s', which the driver maps as a %s mapping; single/page and scatterlist mappings need their own unmap calls",
			       e->callee, field_of(key), kind == KIND_SG || kind == KIND_SGTABLE ? "scatterlist" : "single or page");
		} else if (e->op == LG_UNMAP && size_ok && size && e->size_const && e->size_text && strcmp(size, e->size_text) &&
			   comparable_size(size) && comparable_size(e->size_text)) {
			report(g, out, rule, evs[i].lg->file, e->line, e->col, e->end_col, e->func, e->line_text,
			       "%s() of '%s' with size '%s', but every map of it in the driver uses '%s'",
			       e->callee, field_of(key), e->size_text, size);
		}
	}
}

static void ledger_check_into(const struct dmc_session *s, struct dmc_ledger *const *lgs, size_t n,
			      struct dmc_result *out)
{
	struct group g = { .s = s, .lgs = lgs, .n = n };
	size_t total = 0, nev = 0;
	for (size_t l = 0; l < n; l++) {
		total += lgs[l]->n_fns;
		nev += lgs[l]->n_evs;
	}
	if (!nev)
		return;
	g.fns = calloc(total ? total : 1, sizeof(*g.fns));
	for (size_t l = 0; l < n; l++)
		for (size_t i = 0; i < lgs[l]->n_fns; i++)
			g.fns[g.nfns++] = (struct fnref){ lgs[l], &lgs[l]->fns[i], 0, 0, 0 };
	qsort(g.fns, g.nfns, sizeof(*g.fns), cmp_fnref);
	for (size_t l = 0; l < n; l++)
		g.nedges += lgs[l]->n_edges + lgs[l]->n_callbacks;
	g.edges = malloc((g.nedges ? g.nedges : 1) * sizeof(*g.edges));
	g.nedges = 0;
	for (size_t l = 0; l < n; l++)
		for (size_t i = 0; i < lgs[l]->n_edges; i++)
			g.edges[g.nedges++] = lgs[l]->edges[i];
	size_t ncalls = g.nedges;
	qsort(g.edges, ncalls, sizeof(*g.edges), cmp_edge);
	size_t ncb = 0;
	for (size_t l = 0; l < n; l++)
		ncb += lgs[l]->n_callbacks;
	struct lg_pair *all = malloc((ncalls + ncb + 1) * sizeof(*all));
	memcpy(all, g.edges, ncalls * sizeof(*all));
	size_t nall = ncalls;
	for (size_t l = 0; l < n; l++)
		for (size_t i = 0; i < lgs[l]->n_callbacks; i++)
			all[nall++] = lgs[l]->callbacks[i];
	qsort(all, nall, sizeof(*all), cmp_edge);
	static const char *const setup[] = { "probe", "open" }, *const teardown[] = { "remove", "release" };
	/* what probe/open and remove/release run: direct calls; anything at all: callbacks too */
	reach_from(&g, R_SETUP, setup, 2, g.edges, ncalls);
	reach_from(&g, R_TEARDOWN, teardown, 2, g.edges, ncalls);
	reach_from(&g, R_ANY, NULL, 0, all, nall);
	static const char *const indirect[] = { "indirect" };
	reach_from(&g, R_INDIRECT, indirect, 1, all, nall);
	/* per driver file: its own probe/open and remove/release (a directory may hold several drivers) */
	for (size_t l = 0; l < n && g.nroots < MAX_ROOT_FILES; l++) {
		const struct fnref *td = NULL;
		for (int k = 0; k < 2 && !td; k++)
			for (size_t i = 0; i < lgs[l]->n_entries && !td; i++)
				if (!strcmp(lgs[l]->entries[i].b, teardown[k]))
					td = fn_find(&g, lgs[l]->entries[i].a);
		if (!td)
			continue;
		uint32_t bit = 1u << g.nroots;
		g.root_file[g.nroots] = lgs[l];
		g.root_td[g.nroots++] = td;
		reach_from_file(&g, 0, setup, 2, g.edges, ncalls, lgs[l], smask_of, bit);
		/* teardown also runs what it hands over: kref_put(&k, foo_release), call_rcu(.., foo_free) */
		reach_from_file(&g, 0, teardown, 2, all, nall, lgs[l], tmask_of, bit);
	}
	free(all);
	/* keys and their groups */
	size_t nlinks = 0;
	for (size_t l = 0; l < n; l++)
		nlinks += lgs[l]->n_links;
	g.keys = calloc(nev + 2 * nlinks, sizeof(*g.keys));
	for (size_t l = 0; l < n; l++)
		for (size_t i = 0; i < lgs[l]->n_evs; i++)
			if (key_index(&g, lgs[l]->evs[i].key) == (size_t)-1)
				g.keys[g.nkeys++] = lgs[l]->evs[i].key;
	for (size_t l = 0; l < n; l++)
		for (size_t i = 0; i < lgs[l]->n_links; i++) {
			if (key_index(&g, lgs[l]->links[i].a) == (size_t)-1)
				g.keys[g.nkeys++] = lgs[l]->links[i].a;
			if (key_index(&g, lgs[l]->links[i].b) == (size_t)-1)
				g.keys[g.nkeys++] = lgs[l]->links[i].b;
		}
	g.parent = calloc(g.nkeys, sizeof(*g.parent));
	for (size_t i = 0; i < g.nkeys; i++)
		g.parent[i] = i;
	for (size_t l = 0; l < n; l++)
		for (size_t i = 0; i < lgs[l]->n_links; i++) {
			size_t a = key_index(&g, lgs[l]->links[i].a), b = key_index(&g, lgs[l]->links[i].b);
			if (a != (size_t)-1 && b != (size_t)-1)
				g.parent[uf_find(&g, a)] = uf_find(&g, b);
		}
	struct evref *refs = calloc(nev, sizeof(*refs));
	for (size_t k = 0; k < g.nkeys; k++) {
		if (uf_find(&g, k) != k)
			continue;
		size_t nr = 0;
		for (size_t l = 0; l < n; l++)
			for (size_t i = 0; i < lgs[l]->n_evs; i++)
				if (uf_find(&g, key_index(&g, lgs[l]->evs[i].key)) == k)
					refs[nr++] = (struct evref){ lgs[l], &lgs[l]->evs[i] };
		check_key_group(&g, k, refs, nr, out);
	}
	free(refs);
	free(g.parent);
	free(g.keys);
	free(g.fns);
	free(g.edges);
}

struct defn {
	const char *name;
	size_t file;
	int is_static;
};

static int cmp_defn(const void *a, const void *b)
{
	return strcmp(((const struct defn *)a)->name, ((const struct defn *)b)->name);
}

static int same_finding(const struct dmc_finding *a, const struct dmc_finding *b)
{
	return a->rule == b->rule && a->line == b->line && a->col == b->col && !strcmp(a->file, b->file) &&
	       !strcmp(a->message, b->message);
}

void dmc_ledger_check(const struct dmc_session *s, struct dmc_ledger *const *lgs, size_t n, struct dmc_result *out)
{
	size_t have = 0;
	for (size_t i = 0; i < n; i++)
		have += lgs[i] ? lgs[i]->n_evs : 0;
	if (!have)
		return;
	/*
	 * A directory may hold several drivers (drivers/atm, tulip/): files are one
	 * driver when one calls a function the other defines (and it does not).
	 */
	size_t *comp = calloc(n, sizeof(*comp));
	size_t ndef = 0;
	for (size_t i = 0; i < n; i++) {
		comp[i] = i;
		ndef += lgs[i] ? lgs[i]->n_fns : 0;
	}
	struct defn *defs = calloc(ndef ? ndef : 1, sizeof(*defs));
	ndef = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; lgs[i] && k < lgs[i]->n_fns; k++)
			defs[ndef++] = (struct defn){ lgs[i]->fns[k].name, i, lgs[i]->fns[k].is_static };
	qsort(defs, ndef, sizeof(*defs), cmp_defn);
	for (size_t i = 0; i < n; i++) {
		if (!lgs[i])
			continue;
		for (size_t e = 0; e < lgs[i]->n_edges; e++) {
			const char *callee = lgs[i]->edges[e].b;
			struct defn key = { callee, 0, 0 };
			struct defn *d = bsearch(&key, defs, ndef, sizeof(*defs), cmp_defn);
			if (!d)
				continue;
			while (d > defs && !strcmp(d[-1].name, callee))
				d--;
			int own = 0;
			for (struct defn *x = d; x < defs + ndef && !strcmp(x->name, callee); x++)
				own |= x->file == i;
			if (own)
				continue;  /* a call to its own (static) function */
			for (struct defn *x = d; x < defs + ndef && !strcmp(x->name, callee); x++) {
				if (x->is_static)
					continue;
				size_t a = i, b = x->file;
				while (comp[a] != a)
					a = comp[a];
				while (comp[b] != b)
					b = comp[b];
				comp[a] = b;
			}
		}
	}
	free(defs);
	struct dmc_ledger **live = calloc(n, sizeof(*live));
	struct dmc_result tmp;
	dmc_result_init(&tmp);
	for (size_t r = 0; r < n; r++) {
		size_t nl = 0, nev = 0;
		for (size_t i = 0; i < n; i++) {
			size_t c = i;
			while (comp[c] != c)
				c = comp[c];
			if (c == r && lgs[i]) {
				live[nl++] = lgs[i];
				nev += lgs[i]->n_evs;
			}
		}
		if (nev)
			ledger_check_into(s, live, nl, &tmp);
	}
	free(live);
	free(comp);
	if (!tmp.nfindings) {
		dmc_result_release(&tmp);
		return;
	}
	unsigned char *drop = calloc(tmp.nfindings, 1);
	for (size_t i = 0; i < tmp.nfindings; i++)
		for (size_t k = 0; k < out->nfindings && !drop[i]; k++)
			drop[i] = same_finding(&tmp.findings[i], &out->findings[k]);
	findings_drop(&tmp, 0, drop);
	free(drop);
	dmc_result_merge(out, &tmp);
	dmc_result_release(&tmp);
}
