/*
 * stream.c - the streaming-DMA ownership typestate (see stream.h).
 *
 * Tracked per path: up to MAX_MAPS mappings (handle aliases, buffer aliases,
 * state, direction, size), which values test which mapping (so that a branch
 * on dma_mapping_error() or on a dma_map_sg() count splits the state), and a
 * few facts about local variables used as direction or size arguments.
 *
 * Not handled (false negatives, by design): mappings made or checked in
 * other functions (see the cross-function issue), aliasing through memory
 * other than simple copies, more than MAX_MAPS live mappings, paths beyond
 * STREAM_MAX_STATES per block.
 */
#include "stream.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MAPS 6
#define MAX_ALIAS 6
#define MAX_TESTS 8
#define MAX_VARS 12
#define MAX_SEEN 12
#define MAX_STEPS 20000
#define MAX_CONDS 12
#define MAX_PENDING 4

enum mst { ST_UNCHECKED, ST_OK, ST_FAILED, ST_SYNC_CPU, ST_SYNC_DEV, ST_UNMAPPED };

#define MF_ESC_STORE   0x01  /* handle/buffer stored in non-local memory */
#define MF_ESC_LEAVE   0x02  /* returned, or given to an unmodelled function */
#define MF_WROTE_SYNC  0x04  /* CPU wrote while SYNC_CPU */
#define MF_WROTE_BEFORE 0x08 /* CPU filled the buffer before the map */
#define MF_ALLOC_HERE  0x10  /* buffer allocated in this function */
#define MF_READ_AFTER  0x20  /* CPU read after release */
#define MF_RELEASED    0x40  /* was unmapped or synced for the CPU */
#define MF_NULLCHECK   0x80  /* tested with !h (not a check) */
/* smap.flags2 */
#define MF2_MAYBE_UNMAPPED 0x01 /* escaped, and something we cannot match was unmapped */
#define MF2_OWNED          0x02 /* the scatterlist lives in a request/driver structure: only error returns leak it */

struct smap {
	const struct ir_event *map;
	const struct ir_event *prev;       /* first unmap / last sync */
	const struct ir_path *h[MAX_ALIAS];
	const struct ir_path *b[MAX_ALIAS];
	const struct ir_path *count;       /* sg: variable holding the returned count */
	const struct ir_event *size_def;   /* size variable's definition at map time */
	const char *size_const;            /* size variable's constant value at map time */
	uint8_t bobj;                      /* bit i: b[i] is an object (&x), not a pointer */
	uint8_t nh, nb;
	uint8_t st, flags, dir;
	uint8_t free_only;                 /* page mappings: only freeing the page counts */
	uint8_t foreign;                   /* mapped elsewhere; known here from its unmap */
	uint8_t flags2;
	uint8_t npending;
	uint8_t pad2[6];
	const struct ir_event *pending[MAX_PENDING]; /* CPU writes while mapped, not yet followed by sync_for_device */
	uint8_t pending_v[MAX_PENDING];              /* the violation each one becomes if the device gets the buffer */
	uint8_t pad3[4];
};

enum tkind { TK_ERRCHECK, TK_COUNT, TK_ERRNO };

struct stest {
	const struct ir_path *pkey;        /* the value tested is this variable ... */
	const struct ir_event *ckey;       /* ... or the result of this call */
	const struct ir_event *map;
	uint8_t kind;
	uint8_t pad[7];
};

enum vkind { VF_UNINIT = 1, VF_CONST, VF_OTHER };

struct svar {
	const struct ir_path *var;
	const struct ir_event *def;
	const char *cval;
	uint8_t kind;
	uint8_t pad[7];
};

struct sstate {
	uint8_t nm, nt, nv, nw, na, overflow, npub;
	uint8_t pad[1];
	struct smap m[MAX_MAPS];
	struct stest t[MAX_TESTS];
	struct svar v[MAX_VARS];
	const struct ir_path *written[MAX_SEEN];
	const struct ir_path *alloced[MAX_SEEN];
	const struct ir_path *pub[MAX_SEEN];  /* locals already stored elsewhere or handed to unseen code */
	const char *cond[MAX_CONDS];       /* outcomes of side-effect-free conditions on this path */
	uint8_t cond_val[MAX_CONDS];
	uint8_t ncond;
};

struct ctx {
	struct ir_unit *u;
	const struct ir_func *f;
	const struct model *m;
	const struct stream_sink *sink;
	const struct ir_path **interesting;  /* local variables used as dir/size args */
	int ninteresting;
	struct sstate **seen;                /* per block, allocated when first reached */
	int *nseen;
	uint32_t *memarg;                    /* start offsets of buffer arguments of mem.* calls */
	int nmemarg;
	struct copy { const struct ir_path *var, *from; int obj, from_call; } *copies; /* single-definition pointer copies */
	int ncopies;
	struct work { int block; struct sstate st; } *work;
	int nwork, capwork;
	long steps;
};

/* ---------- values ---------- */

static const struct ir_event *call_of(const struct ctx *c, const struct ir_val *v)
{
	return v->kind == VAL_CALL && v->call >= 0 && v->call < c->f->ncalls ? c->f->calls[v->call] : NULL;
}

static const struct ir_val *arg(const struct ir_event *e, int slot)
{
	return slot >= 0 && slot < e->nargs ? &e->args[slot] : NULL;
}

static const struct ir_path *resolve(const struct ctx *c, const struct ir_val *v, int depth);

/* obj->field for dma_unmap_addr(obj, field); (&x)->field is x.field */
static const struct ir_path *field_of(const struct ctx *c, const struct ir_val *o, const struct ir_val *fl, int depth)
{
	if (!o || !fl || !fl->text)
		return NULL;
	if (o->kind == VAL_ADDR)
		return ir_path_step(c->u, o->path, PATH_DOT, fl->text);
	const struct ir_path *op = resolve(c, o, depth + 1);
	return op ? ir_path_step(c->u, op, PATH_ARROW, fl->text) : NULL;
}

/* the path a value reads, looking through conversions and unmap-accessors */
static const struct ir_path *resolve(const struct ctx *c, const struct ir_val *v, int depth)
{
	if (!v || depth > 8)
		return NULL;
	if (v->kind == VAL_PATH)
		return v->path;
	const struct ir_event *e = call_of(c, v);
	if (!e || !e->model)
		return NULL;
	const struct model_fn *t = model_fn_role(e->model, ROLE_TRANSPARENT);
	if (t)
		return resolve(c, arg(e, t->slot.val), depth + 1);
	const struct model_fn *g = model_fn_role(e->model, ROLE_FIELD_GET);
	if (g)
		return field_of(c, arg(e, g->slot.obj), arg(e, g->slot.field), depth);
	return NULL;
}

/* the mapping call whose result this value is, through conversions: cpu_to_le64(dma_map_single(...)) */
static const struct ir_event *map_via(const struct ctx *c, const struct ir_val *v, int depth)
{
	/* (u32)dma_map_single(...) - byte_offset: an address inside the mapping */
	if (v && v->kind == VAL_OTHER && (v->flags & VALF_ARITH) && v->inner && depth <= 8)
		return map_via(c, v->inner, depth + 1);
	const struct ir_event *e = call_of(c, v);
	if (!e || !e->model || depth > 8)
		return NULL;
	const struct model_fn *mf = model_fn_role(e->model, ROLE_STREAM_MAP);
	if (mf)
		return mf->ret == RET_HANDLE ? e : NULL;
	const struct model_fn *t = model_fn_role(e->model, ROLE_TRANSPARENT);
	return t ? map_via(c, arg(e, t->slot.val), depth + 1) : NULL;
}

/* was the value converted (cpu_to_le64(h), lower_32_bits(h)) on its way? */
static int converted(const struct ctx *c, const struct ir_val *v)
{
	const struct ir_event *e = call_of(c, v);
	return e && model_fn_role(e->model, ROLE_TRANSPARENT);
}

/* the pointer a value points into: p, p + n, &p->x (object p->x), (T *)p */
static const struct ir_path *resolve_ptr(const struct ctx *c, const struct ir_val *v, int *is_obj)
{
	*is_obj = 0;
	if (!v)
		return NULL;
	switch (v->kind) {
	case VAL_PATH:
		return v->path;
	case VAL_ADDR:
		*is_obj = 1;
		return v->path;
	case VAL_OTHER:
		return (v->flags & VALF_ARITH) ? v->base : NULL;
	case VAL_CALL:
		return resolve(c, v, 0);
	default:
		return NULL;
	}
}

/* does an access through path p touch the memory behind buffer alias b? */
static int touches(const struct ir_path *p, const struct ir_path *b, int b_is_obj)
{
	if (!p || !b)
		return 0;
	if (b_is_obj)
		return ir_path_has_prefix(p, b);
	for (const struct ir_path *q = p; q && q->parent; q = q->parent)
		if (q->parent == b && (q->kind == PATH_ARROW || q->kind == PATH_INDEX || q->kind == PATH_DEREF))
			return 1;
	return 0;
}

static int is_local_var(const struct ir_path *p)
{
	return p && p->kind == PATH_VAR && p->is_local;
}

/* "non-local" storage: anything but a local variable itself (or a field of a local struct) */
static int is_nonlocal(const struct ir_path *p)
{
	if (!p)
		return 1;
	if (!p->root->is_local || p->root->is_param)
		return p->kind != PATH_VAR || !p->root->is_local;
	for (const struct ir_path *q = p; q && q->parent; q = q->parent)
		if (q->kind == PATH_ARROW || q->kind == PATH_INDEX || q->kind == PATH_DEREF)
			return 1;
	return 0;
}

/* ---------- state helpers ---------- */

static int has_alias(const struct ir_path *const *a, int n, const struct ir_path *p)
{
	for (int i = 0; i < n; i++)
		if (a[i] == p)
			return 1;
	return 0;
}

static void add_h(struct smap *m, const struct ir_path *p)
{
	if (p && !has_alias(m->h, m->nh, p) && m->nh < MAX_ALIAS)
		m->h[m->nh++] = p;
}

static void add_b(struct smap *m, const struct ir_path *p, int obj)
{
	if (p && !has_alias(m->b, m->nb, p) && m->nb < MAX_ALIAS) {
		if (obj)
			m->bobj |= (uint8_t)(1u << m->nb);
		m->b[m->nb++] = p;
	}
}

static int word_in(const char *text, const char *w)
{
	size_t n = strlen(w);
	for (const char *t = strstr(text, w); t; t = strstr(t + 1, w)) {
		int before = t > text && (isalnum((unsigned char)t[-1]) || t[-1] == '_');
		int after = isalnum((unsigned char)t[n]) || t[n] == '_';
		if (!before && !after)
			return 1;
	}
	return 0;
}

/* does path a depend on variable v: v is a prefix, or an index mentions v (ring[i].dma after i++) */
static int depends_on(const struct ir_path *a, const struct ir_path *v)
{
	if (ir_path_has_prefix(a, v))
		return 1;
	/* an index (or a field accessor argument such as dma[j]) that mentions v */
	const char *vt = v->text[0] == ':' ? v->text + 2 : v->text;
	for (const struct ir_path *q = a; q && q->kind != PATH_VAR; q = q->parent)
		if (q->name && (q->kind == PATH_INDEX || strchr(q->name, '[')) && word_in(q->name, vt))
			return 1;
	/* a member of a local union: re.d64 = x changes re.s.addr; but two direct members of a
	 * local struct (d.skb, d.dma_addr) are different objects */
	if (v->kind == PATH_DOT && a->kind == PATH_DOT && v->parent == v->root && a->parent == a->root &&
	    a->root == v->root && v != a)
		return 0;
	if (v->kind == PATH_DOT && v->root->is_local && a->root == v->root) {
		const struct ir_path *r = v;
		while (r->parent && r->kind == PATH_DOT)
			r = r->parent;
		if (r->kind == PATH_VAR && ir_path_has_prefix(a, r))
			return 1;
	}
	return 0;
}

/* p is overwritten: every alias that reads p (p itself, p->x, p[i], a[p]) is stale */
static void drop_alias(struct smap *m, const struct ir_path *p)
{
	for (int i = 0; i < m->nh; i++)
		if (depends_on(m->h[i], p)) {
			m->h[i] = m->h[--m->nh];
			m->h[m->nh] = NULL;
			i--;
		}
	for (int i = 0; i < m->nb; i++)
		if (depends_on(m->b[i], p)) {
			/* keep bobj bits in step with the moved entry */
			int last = m->nb - 1;
			uint8_t lastbit = (m->bobj >> last) & 1;
			m->bobj &= (uint8_t)~(1u << i);
			m->bobj |= (uint8_t)(lastbit << i);
			m->bobj &= (uint8_t)~(1u << last);
			m->b[i] = m->b[last];
			m->b[last] = NULL;
			m->nb--;
			i--;
		}
	if (m->count && depends_on(m->count, p))
		m->count = NULL;
}

static struct smap *find_by_handle(struct sstate *s, const struct ir_path *p)
{
	if (!p)
		return NULL;
	for (int i = 0; i < s->nm; i++)
		if (has_alias(s->m[i].h, s->m[i].nh, p))
			return &s->m[i];
	return NULL;
}

static struct smap *find_by_buffer(struct sstate *s, const struct ir_path *p)
{
	if (!p)
		return NULL;
	for (int i = 0; i < s->nm; i++)
		if (has_alias(s->m[i].b, s->m[i].nb, p))
			return &s->m[i];
	return NULL;
}

static void remove_map(struct sstate *s, int i)
{
	const struct ir_event *map = s->m[i].map;
	s->m[i] = s->m[--s->nm];
	memset(&s->m[s->nm], 0, sizeof(s->m[0]));
	for (int k = 0; k < s->nt; k++)
		if (s->t[k].map == map) {
			s->t[k] = s->t[--s->nt];
			memset(&s->t[s->nt], 0, sizeof(s->t[0]));
			k--;
		}
}

static void add_test(struct sstate *s, const struct ir_path *pkey, const struct ir_event *ckey,
		     const struct ir_event *map, enum tkind k)
{
	for (int i = 0; i < s->nt; i++)
		if (s->t[i].pkey == pkey && s->t[i].ckey == ckey) {
			s->t[i].map = map;
			s->t[i].kind = (uint8_t)k;
			return;
		}
	if (s->nt < MAX_TESTS) {
		s->t[s->nt].pkey = pkey;
		s->t[s->nt].ckey = ckey;
		s->t[s->nt].map = map;
		s->t[s->nt].kind = (uint8_t)k;
		s->nt++;
	}
}

static void drop_test_key(struct sstate *s, const struct ir_path *key)
{
	for (int i = 0; i < s->nt; i++)
		if (s->t[i].pkey && depends_on(s->t[i].pkey, key)) {
			s->t[i] = s->t[--s->nt];
			memset(&s->t[s->nt], 0, sizeof(s->t[0]));
			i--;
		}
}

static struct smap *map_of(struct sstate *s, const struct ir_event *map)
{
	for (int i = 0; i < s->nm; i++)
		if (s->m[i].map == map)
			return &s->m[i];
	return NULL;
}

static int interesting(const struct ctx *c, const struct ir_path *p)
{
	for (int i = 0; i < c->ninteresting; i++)
		if (c->interesting[i] == p)
			return 1;
	return 0;
}

static struct svar *var_fact(struct sstate *s, const struct ir_path *p)
{
	for (int i = 0; i < s->nv; i++)
		if (s->v[i].var == p)
			return &s->v[i];
	return NULL;
}

static void set_var(struct sstate *s, const struct ir_path *p, enum vkind k, const char *cval,
		    const struct ir_event *def)
{
	struct svar *v = var_fact(s, p);
	if (!v) {
		if (s->nv >= MAX_VARS)
			return;
		v = &s->v[s->nv++];
	}
	memset(v, 0, sizeof(*v));
	v->var = p;
	v->kind = (uint8_t)k;
	v->cval = cval;
	v->def = def;
}

static void add_seen(const struct ir_path **set, uint8_t *n, uint8_t *overflow, const struct ir_path *p)
{
	if (!p)
		return;
	for (int i = 0; i < *n; i++)
		if (set[i] == p)
			return;
	if (*n < MAX_SEEN)
		set[(*n)++] = p;
	else
		*overflow = 1;
}

static void del_seen(const struct ir_path **set, uint8_t *n, const struct ir_path *p)
{
	for (int i = 0; i < *n; i++)
		if (set[i] == p) {
			set[i] = set[--*n];
			set[*n] = NULL;
			return;
		}
}

/* ---------- reporting ---------- */

static void site_of(const struct smap *m, struct stream_site *site, const struct ctx *c)
{
	memset(site, 0, sizeof(*site));
	if (!m)
		return;
	site->map = m->foreign ? NULL : m->map;
	site->prev = m->prev;
	site->dir = (enum dir_class)m->dir;
	const struct model_fn *mf = m->foreign ? NULL : model_fn_role(m->map->model, ROLE_STREAM_MAP);
	if (mf) {
		int bs = mf->slot.buf >= 0 ? mf->slot.buf : mf->slot.sgl;
		const struct ir_val *b = arg(m->map, bs);
		site->buf_text = b ? b->text : NULL;
		const struct ir_val *d = arg(m->map, mf->slot.dir);
		site->dir_text = d ? d->text : NULL;
	}
	site->handle_text = m->nh ? m->h[0]->text : NULL;
}

static void report(struct ctx *c, enum stream_viol v, const struct ir_event *at, const struct smap *m,
		   const char *detail)
{
	struct stream_site site;
	site_of(m, &site, c);
	c->sink->report(c->sink->ctx, v, at, &site, detail);
}

static void report_site(struct ctx *c, enum stream_viol v, const struct ir_event *at,
			const struct stream_site *site, const char *detail)
{
	c->sink->report(c->sink->ctx, v, at, site, detail);
}

/* ---------- directions and sizes ---------- */

/* does some branch of the function compare variable name with constant cval? */
static int guarded(const struct ctx *c, const char *name, const char *cval)
{
	for (int b = 0; b < c->f->nblocks; b++) {
		const struct ir_block *bl = c->f->blocks[b];
		if (bl->term == T_BRANCH && bl->cond.text && word_in(bl->cond.text, cval) &&
		    word_in(bl->cond.text, name))
			return 1;
	}
	return 0;
}

static enum dir_class dir_of(const struct ctx *c, struct sstate *s, const struct ir_val *v,
			     const char **text)
{
	*text = v ? v->text : NULL;
	if (!v)
		return DIR_UNKNOWN;
	if (v->kind == VAL_INT)
		return v->ival == 0 ? DIR_BIDIRECTIONAL : v->ival == 1 ? DIR_TO_DEVICE
		     : v->ival == 2 ? DIR_FROM_DEVICE : DIR_INVALID;
	if (v->kind == VAL_PATH && v->path->kind == PATH_VAR) {
		if (!v->path->is_local) {
			const struct model_dir *d = model_dir_find(c->m, v->path->name, strlen(v->path->name));
			return d ? d->cls : DIR_UNKNOWN;
		}
		struct svar *f = var_fact(s, v->path);
		if (f && f->kind == VF_CONST && f->cval) {
			const struct model_dir *d = model_dir_find(c->m, f->cval, strlen(f->cval));
			*text = f->cval;
			/* the driver guards the invalid value itself: if (dir == DMA_NONE) ... */
			if (d && d->cls == DIR_INVALID && guarded(c, v->path->name, f->cval))
				return DIR_UNKNOWN;
			return d ? d->cls : DIR_UNKNOWN;
		}
	}
	return DIR_UNKNOWN;
}

/* the direction a call passes: its dir argument, or the one fixed inside a wrapper */
static enum dir_class call_dir(const struct ctx *c, struct sstate *s, const struct ir_event *e,
			       const struct model_fn *f, const char **text)
{
	if (f->slot.dir < 0 && f->dir_text) {
		const struct model_dir *d = model_dir_find(c->m, f->dir_text, strlen(f->dir_text));
		*text = f->dir_text;
		return d ? d->cls : DIR_UNKNOWN;
	}
	return dir_of(c, s, arg(e, f->slot.dir), text);
}

static void check_dir_arg(struct ctx *c, struct sstate *s, const struct ir_event *e, int slot)
{
	const struct ir_val *v = arg(e, slot);
	if (!v)
		return;
	const char *text;
	enum dir_class d = dir_of(c, s, v, &text);
	if (d == DIR_INVALID) {
		const struct model_dir *md = text ? model_dir_find(c->m, text, strlen(text)) : NULL;
		struct stream_site site = { .dir_text = text, .dir = d };
		report_site(c, SV_DIR_INVALID, e, &site, md && md->why ? md->why : "not a valid enum dma_data_direction value");
		return;
	}
	if (v->kind == VAL_PATH && is_local_var(v->path)) {
		struct svar *f = var_fact(s, v->path);
		if (f && f->kind == VF_UNINIT) {
			struct stream_site site = { .dir_text = v->text };
			report_site(c, SV_DIR_INVALID, e, &site, "uninitialised");
		}
	}
}

static const char *dir_name(enum dir_class d)
{
	switch (d) {
	case DIR_TO_DEVICE: return "DMA_TO_DEVICE";
	case DIR_FROM_DEVICE: return "DMA_FROM_DEVICE";
	case DIR_BIDIRECTIONAL: return "DMA_BIDIRECTIONAL";
	default: return "?";
	}
}

static int family(enum model_kind k)
{
	return k == KIND_PAGE ? KIND_SINGLE : (int)k;
}

/* compare sizes of the map and of an unmap/sync; returns a reason or NULL */
static const char *size_mismatch(struct ctx *c, struct sstate *s, const struct smap *m,
				 const struct ir_val *ms, const struct ir_val *us, char *buf, size_t n)
{
	if (!ms || !us || !ms->text || !us->text)
		return NULL;
	if ((ms->flags & VALF_CONST) && (us->flags & VALF_CONST)) {
		/* 4096 vs PAGE_SIZE: the value of a macro is unknown here, so only like is compared with like */
		int lits = ms->kind == VAL_INT && us->kind == VAL_INT;
		int lit_vs_name = (ms->kind == VAL_INT && (us->flags & VALF_IDENT)) ||
				  (us->kind == VAL_INT && (ms->flags & VALF_IDENT));
		if (lits ? ms->ival != us->ival : !lit_vs_name && strcmp(ms->text, us->text) != 0) {
			snprintf(buf, n, "size '%s' differs from the mapped size '%s'", us->text, ms->text);
			return buf;
		}
		return NULL;
	}
	if ((ms->flags & VALF_CONST) && us->kind == VAL_PATH && is_local_var(us->path)) {
		struct svar *f = var_fact(s, us->path);
		if (f && ((f->kind == VF_CONST && f->cval && strcmp(f->cval, ms->text) != 0) || f->kind == VF_OTHER)) {
			snprintf(buf, n, "size '%s' is not the mapped size '%s'", us->text, ms->text);
			return buf;
		}
		return NULL;
	}
	if (ms->kind == VAL_PATH && us->kind == VAL_PATH && ms->path == us->path && is_local_var(us->path)) {
		struct svar *f = var_fact(s, us->path);
		const struct ir_event *def = f && f->kind == VF_OTHER ? f->def : NULL;
		const char *cv = f && f->kind == VF_CONST ? f->cval : NULL;
		if (def != m->size_def || cv != m->size_const) {
			snprintf(buf, n, "'%s' was changed after the mapping, so it no longer is the mapped size", us->text);
			return buf;
		}
	}
	(void)c;
	return NULL;
}

/* the rules-data class of the last field named in text ("sgt->orig_nents" -> its class) */
static const char *last_field_class(const struct ctx *c, const char *t)
{
	if (!t)
		return NULL;
	const char *f = t, *p;
	for (p = t; *p; p++)
		if (*p == '.' || (*p == '>' && p > t && p[-1] == '-'))
			f = p + 1;
	if (f == t)
		return NULL;  /* a plain variable, not a field */
	return model_word_class(c->m, f, strlen(f));
}

static int is_class(const char *cls, const char *want)
{
	return cls && !strcmp(cls, want);
}

/* ---------- events ---------- */

static void on_map(struct ctx *c, struct sstate *s, const struct ir_event *e, const struct model_fn *mf)
{
	if (mf->slot.dir >= 0)
		check_dir_arg(c, s, e, mf->slot.dir);
	struct smap *old = map_of(s, e);
	if (old)
		remove_map(s, (int)(old - s->m));
	if (s->nm >= MAX_MAPS)
		return;
	struct smap *m = &s->m[s->nm++];
	memset(m, 0, sizeof(*m));
	m->map = e;
	m->st = ST_UNCHECKED;
	const char *dt;
	m->dir = (uint8_t)call_dir(c, s, e, mf, &dt);
	if (mf->prechecked)
		m->st = ST_OK;
	if (mf->kind == KIND_SG || mf->kind == KIND_SGTABLE) {
		int obj;
		const struct ir_path *p = resolve_ptr(c, arg(e, mf->slot.sgl), &obj);
		add_h(m, p);
		if (!p || is_nonlocal(p) || (obj && !p->root->is_local) || (!obj && p->root->is_param))
			m->flags2 |= MF2_OWNED;
		for (int i = 0; p && i < c->ncopies; i++)  /* sg = &req->sgl[0] or scsi_sglist(cmd); dma_map_sg(dev, sg, ...) */
			if (c->copies[i].var == p && (c->copies[i].from_call || (c->copies[i].from &&
			    (is_nonlocal(c->copies[i].from) || !c->copies[i].from->root->is_local))))
				m->flags2 |= MF2_OWNED;
		for (int i = 0; p && i < s->npub; i++)
			if (s->pub[i] == p)
				m->flags |= MF_ESC_STORE;  /* e.g. obj->sgt = sgt before the map */

	} else if (mf->slot.buf >= 0) {
		int obj;
		const struct ir_path *p = resolve_ptr(c, arg(e, mf->slot.buf), &obj);
		add_b(m, p, obj);
		m->free_only = mf->kind != KIND_SINGLE;
		for (int i = 0; p && i < s->npub; i++)  /* the buffer is already reachable from elsewhere */
			if (s->pub[i] == p)
				m->flags |= MF_ESC_STORE;
		/* local pointers that are copies of the buffer (u8 *p = buf;) */
		for (int i = 0; p && i < c->ncopies; i++)
			if (c->copies[i].from == p)
				add_b(m, c->copies[i].var, obj || c->copies[i].obj);
		if (p) {
			for (int i = 0; i < s->na; i++)
				if (s->alloced[i] == p || (p->parent == s->alloced[i] && p->kind == PATH_ARROW))
					m->flags |= MF_ALLOC_HERE;  /* kmalloc'd buf, or skb->data of an skb allocated here */
			for (int i = 0; i < s->nw; i++)
				if (touches(s->written[i], p, obj))
					m->flags |= MF_WROTE_BEFORE;
			if (s->overflow)
				m->flags |= MF_WROTE_BEFORE;
		}
	}
	const struct ir_val *sz = arg(e, mf->slot.size);
	if (sz && sz->kind == VAL_PATH && is_local_var(sz->path)) {
		struct svar *f = var_fact(s, sz->path);
		if (f) {
			m->size_def = f->kind == VF_OTHER ? f->def : NULL;
			m->size_const = f->kind == VF_CONST ? f->cval : NULL;
		}
	}
	if (mf->ret == RET_COUNT)
		add_test(s, NULL, e, e, TK_COUNT);
	else if (mf->ret == RET_ERRNO)
		add_test(s, NULL, e, e, TK_ERRNO);
	if (e->flags & EVF_RESULT_UNUSED) {
		if (mf->ret == RET_HANDLE) {
			report(c, SV_UNCHECKED, e, m, "ignored");
			remove_map(s, s->nm - 1);
		} else {
			report(c, SV_UNCHECKED, e, m, "ignored");
			m->st = ST_OK;
		}
	}
}

/* the device may now see the buffer: report CPU writes that no sync published */
static void flush_pending(struct ctx *c, struct smap *m)
{
	for (int i = 0; i < m->npending; i++) {
		report(c, (enum stream_viol)m->pending_v[i], m->pending[i], m, "write");
		m->pending[i] = NULL;
		m->pending_v[i] = 0;
	}
	m->npending = 0;
}

static void use_unchecked(struct ctx *c, struct smap *m, const struct ir_event *at, const char *how)
{
	if (m->st == ST_UNCHECKED) {
		struct stream_site site;
		site_of(m, &site, c);
		site.prev = at;
		report_site(c, SV_UNCHECKED, m->map, &site, how);
		m->st = ST_OK;  /* one report per mapping and path */
	}
}

static void on_unmap(struct ctx *c, struct sstate *s, const struct ir_event *e, const struct model_fn *uf)
{
	if (uf->slot.dir >= 0)
		check_dir_arg(c, s, e, uf->slot.dir);
	int sg = uf->kind == KIND_SG || uf->kind == KIND_SGTABLE;
	int obj;
	const struct ir_path *hp = sg ? resolve_ptr(c, arg(e, uf->slot.sgl), &obj) : resolve(c, arg(e, uf->slot.handle), 0);
	const struct ir_val *cnt = arg(e, uf->slot.nents);
	struct smap *m = find_by_handle(s, hp);
	if (!m) {
		if (!sg) {
			int o2;
			const struct ir_path *bp = resolve_ptr(c, arg(e, uf->slot.handle), &o2);
			struct smap *bm = find_by_buffer(s, bp);
			if (bm && bm->st != ST_UNMAPPED && bm->st != ST_FAILED) {
				report(c, SV_UNMAP_ARGS, e, bm, "cpu-address");
				return;
			}
		}
		/* an escaped mapping may have been unmapped through an alias we did not see */
		for (int i = 0; i < s->nm; i++)
			if (!s->m[i].foreign && (s->m[i].flags & (MF_ESC_STORE | MF_ESC_LEAVE)))
				s->m[i].flags2 |= MF2_MAYBE_UNMAPPED;
		/* mapped elsewhere: remember it is dead now (double unmap, re-posting) */
		if (hp && s->nm < MAX_MAPS && !map_of(s, e)) {
			struct smap *f = &s->m[s->nm++];
			memset(f, 0, sizeof(*f));
			f->map = e;
			f->prev = e;
			f->foreign = 1;
			f->st = ST_UNMAPPED;
			add_h(f, hp);
		}
		return;
	}
	if (m->st == ST_FAILED)
		return;
	if (m->st == ST_UNMAPPED) {
		/* a handle whose map we did not see may be a new mapping in the same slot: stay silent */
		if (!m->foreign)
			report(c, SV_USE_AFTER_UNMAP, e, m, "double-unmap");
		return;
	}
	use_unchecked(c, m, e, "unmapped");
	/* a same-file helper's summary says only "unmaps it": its arguments are not compared */
	const struct model_fn *mf = uf->derived ? NULL : model_fn_role(m->map->model, ROLE_STREAM_MAP);
	char buf[256];
	if (mf && family(mf->kind) != family(uf->kind)) {
		snprintf(buf, sizeof(buf), "kind:%s", e->callee);
		report(c, SV_UNMAP_ARGS, e, m, buf);
	} else if (mf) {
		const char *ut;
		enum dir_class ud = call_dir(c, s, e, uf, &ut);
		const char *why;
		if (ud != DIR_UNKNOWN && ud != DIR_INVALID && m->dir != DIR_UNKNOWN && m->dir != DIR_INVALID && ud != m->dir) {
			snprintf(buf, sizeof(buf), "direction %s differs from the mapping's %s", dir_name(ud), dir_name((enum dir_class)m->dir));
			report(c, SV_UNMAP_ARGS, e, m, buf);
		} else if (!sg && (why = size_mismatch(c, s, m, arg(m->map, mf->slot.size), arg(e, uf->slot.size), buf, sizeof(buf)))) {
			report(c, SV_UNMAP_ARGS, e, m, why);
		}
		if (sg && m->count && cnt && cnt->kind == VAL_PATH && cnt->path == m->count) {
			/* SG-01 (c), or (d) when the count lives in the sg_table (sgt->nents) */
			const struct ir_val *mn = arg(m->map, mf->slot.nents);
			int table = mn && is_class(last_field_class(c, mn->text), "sgtable.orig-nents") &&
				    is_class(last_field_class(c, cnt->text), "sgtable.nents");
			report(c, SV_SG_COUNT, e, m, table ? "table-nents" : "unmap-count");
		}
	}
	flush_pending(c, m);
	m->st = ST_UNMAPPED;
	m->prev = e;
	m->flags |= MF_RELEASED;
}

static void on_sync(struct ctx *c, struct sstate *s, const struct ir_event *e, const struct model_fn *yf)
{
	if (yf->slot.dir >= 0)
		check_dir_arg(c, s, e, yf->slot.dir);
	int sg = yf->kind == KIND_SG || yf->kind == KIND_SGTABLE;
	int obj;
	const struct ir_path *hp = sg ? resolve_ptr(c, arg(e, yf->slot.sgl), &obj) : resolve(c, arg(e, yf->slot.handle), 0);
	struct smap *m = find_by_handle(s, hp);
	if (!m || m->st == ST_FAILED)
		return;
	if (m->st == ST_UNMAPPED) {
		if (!m->foreign)
			report(c, SV_USE_AFTER_UNMAP, e, m, "sync");
		return;
	}
	use_unchecked(c, m, e, "synced");
	const char *yt;
	enum dir_class yd = yf->derived ? DIR_UNKNOWN : call_dir(c, s, e, yf, &yt);
	char buf[256];
	if (yf->derived) {
		/* a helper's summary: only the ownership transfer counts */
	} else if (yd != DIR_UNKNOWN && yd != DIR_INVALID && m->dir != DIR_UNKNOWN && m->dir != DIR_BIDIRECTIONAL &&
	    m->dir != DIR_INVALID && yd != m->dir) {
		snprintf(buf, sizeof(buf), "synced with %s but mapped with %s", dir_name(yd), dir_name((enum dir_class)m->dir));
		report(c, SV_SYNC_ARGS, e, m, buf);
	} else if (yf->to == SYNC_CPU && m->dir == DIR_TO_DEVICE) {
		report(c, SV_SYNC_ARGS, e, m, "synced for the CPU although the device only reads it (DMA_TO_DEVICE)");
	} else {
		const struct model_fn *mf = model_fn_role(m->map->model, ROLE_STREAM_MAP);
		const struct ir_val *ms = mf ? arg(m->map, mf->slot.size) : NULL, *ys = arg(e, yf->slot.size);
		if (ms && ys && ms->kind == VAL_INT && ys->kind == VAL_INT && ys->ival > ms->ival) {
			snprintf(buf, sizeof(buf), "syncs %lld bytes of a %lld-byte mapping", ys->ival, ms->ival);
			report(c, SV_SYNC_ARGS, e, m, buf);
		}
	}
	const struct ir_val *cnt = arg(e, yf->slot.nents);
	if (sg && m->count && cnt && cnt->kind == VAL_PATH && cnt->path == m->count)
		report(c, SV_SG_COUNT, e, m, "sync-count");
	if (yf->to == SYNC_DEVICE) {
		for (int i = 0; i < m->npending; i++) {
			m->pending[i] = NULL;
			m->pending_v[i] = 0;
		}
		m->npending = 0;
	} else {
		flush_pending(c, m);
	}
	if (yf->to == SYNC_CPU) {
		m->st = ST_SYNC_CPU;
		m->flags = (uint8_t)((m->flags & ~MF_WROTE_SYNC) | MF_RELEASED);
	} else {
		m->st = ST_SYNC_DEV;
	}
	m->prev = e;
}

enum access { ACC_READ, ACC_WRITE, ACC_FREE };

/*
 * An error path that unwinds a ring by index (for (i = first; i != last; i++)
 * dma_unmap_single(dev, ring[i].dma, ...)) before freeing: the unmap's handle
 * cannot be matched with a mapping stored in a descriptor, and the path that
 * skips the loop is usually infeasible. Any unmap written between the map and
 * the free counts as a possible release of an escaped mapping.
 */
static int unwound_between(const struct ctx *c, uint32_t from, uint32_t to)
{
	for (int i = 0; i < c->f->ncalls; i++) {
		const struct ir_event *u = c->f->calls[i];
		if (u->start > from && u->start < to && model_fn_role(u->model, ROLE_STREAM_UNMAP))
			return 1;
	}
	return 0;
}

static void on_access(struct ctx *c, struct sstate *s, const struct ir_event *e, const struct ir_path *p,
		      int p_is_obj, enum access a, int fill_zero)
{
	for (int i = 0; i < s->nm; i++) {
		struct smap *m = &s->m[i];
		int hit = 0;
		for (int k = 0; k < m->nb && !hit; k++) {
			int obj = (m->bobj >> k) & 1;
			if (a == ACC_READ || a == ACC_WRITE)
				hit = p_is_obj ? ir_path_has_prefix(p, m->b[k]) || ir_path_has_prefix(m->b[k], p)
					       : (p == m->b[k] && e->kind == EV_CALL) || touches(p, m->b[k], obj);
			else  /* free of the buffer, or of the object holding it (skb for skb->data) */
				hit = p == m->b[k] || (m->b[k]->parent == p && m->b[k]->kind == PATH_ARROW);
		}
		if (!hit || (m->free_only && a != ACC_FREE) || (m->flags2 & MF2_MAYBE_UNMAPPED))
			continue;
		int mapped = m->st == ST_UNCHECKED || m->st == ST_OK;
		if (a == ACC_FREE) {
			if ((m->flags & (MF_ESC_STORE | MF_ESC_LEAVE)) && unwound_between(c, m->map->start, e->start))
				continue;
			if (mapped || m->st == ST_SYNC_CPU || m->st == ST_SYNC_DEV)
				report(c, SV_ACCESS_WHILE_MAPPED, e, m, "free");
			continue;
		}
		if (m->st == ST_UNMAPPED || m->st == ST_SYNC_CPU) {
			if (a == ACC_READ)
				m->flags |= MF_READ_AFTER;
			else if (m->st == ST_SYNC_CPU)
				m->flags |= MF_WROTE_SYNC;
			continue;
		}
		int tod = m->dir == DIR_TO_DEVICE || m->dir == DIR_BIDIRECTIONAL;
		int fromd = m->dir == DIR_FROM_DEVICE || m->dir == DIR_BIDIRECTIONAL;
		if (mapped) {
			/* a write is a bug only if the device can get the buffer before a
			 * dma_sync_*_for_device() publishes it (write, then sync, is the
			 * documented way to reuse a long-lived TO_DEVICE mapping) */
			if (a == ACC_WRITE && tod && m->npending < MAX_PENDING) {
				m->pending_v[m->npending] = SV_ACCESS_WHILE_MAPPED;
				m->pending[m->npending++] = e;
			} else if (a == ACC_READ && fromd)
				report(c, SV_ACCESS_WHILE_MAPPED, e, m, "read");
		} else if (m->st == ST_SYNC_DEV) {
			if (a == ACC_WRITE && tod) {
				/* rewriting a TO_DEVICE buffer is fine if the next sync_for_device publishes it */
				if (m->npending < MAX_PENDING) {
					m->pending_v[m->npending] = SV_ACCESS_AFTER_SYNC_DEV;
					m->pending[m->npending++] = e;
				}
			} else if (a == ACC_WRITE || fromd) {
				report(c, SV_ACCESS_AFTER_SYNC_DEV, e, m, a == ACC_WRITE ? "write" : "read");
			}
		}
	}
	if (a == ACC_WRITE && !fill_zero)  /* memcpy(p, ...) writes *p; p->x = ... writes p->x */
		add_seen(s->written, &s->nw, &s->overflow,
			 e->kind == EV_CALL && !p_is_obj ? ir_path_step(c->u, p, PATH_DEREF, NULL) : p);
}

/* the handle (or a conversion of it) flows somewhere: a device register or a descriptor */
static void on_handle_use(struct ctx *c, struct sstate *s, const struct ir_event *e, const struct ir_val *v,
			  const char *how)
{
	const struct ir_event *me = map_via(c, v, 0);
	struct smap *m = me ? map_of(s, me) : find_by_handle(s, resolve(c, v, 0));
	if (!m || m->st == ST_FAILED)
		return;
	if (m->st == ST_UNMAPPED) {
		report(c, SV_USE_AFTER_UNMAP, e, m, how);
		return;
	}
	use_unchecked(c, m, e, how);
}

static void clobber(struct ctx *c, struct sstate *s, const struct ir_path *x, const struct ir_event *e);

static void escape_args(struct ctx *c, struct sstate *s, const struct ir_event *e)
{
	uint8_t ovf = 0;
	for (int a = 0; a < e->nargs; a++)
		if (e->args[a].kind == VAL_PATH && is_local_var(e->args[a].path))
			add_seen(s->pub, &s->npub, &ovf, e->args[a].path);
	for (int a = 0; a < e->nargs; a++) {
		const struct ir_val *v = &e->args[a];
		const struct ir_path *p = v->kind == VAL_ADDR ? v->path : v->kind == VAL_PATH ? v->path : NULL;
		if (!p)
			continue;
		for (int i = 0; i < s->nm; i++) {
			struct smap *m = &s->m[i];
			int dep = 0;  /* foo(rx) may change rx->h; foo(&h) may change h */
			for (int k = 0; k < m->nh && !dep; k++) {
				dep = (v->kind == VAL_ADDR && depends_on(m->h[k], p)) ||
				      (v->kind == VAL_PATH && m->h[k] != p && depends_on(m->h[k], p));
				/* mapped_sg = &rxd->mapped_sg[0]; ... helper(rxd) reaches mapped_sg->sgt */
				for (int i = 0; i < c->ncopies && !dep && v->kind == VAL_PATH; i++)
					dep = c->copies[i].var == m->h[k]->root && c->copies[i].from &&
					      depends_on(c->copies[i].from, p);
			}
			if (!dep)
				continue;
			if (m->foreign || m->st == ST_UNMAPPED) {
				drop_alias(m, p);  /* the dead handle may have been replaced */
			} else {
				/* the callee can reach the handle: it may keep it, or unmap it */
				m->flags |= MF_ESC_STORE;
				m->flags2 |= MF2_MAYBE_UNMAPPED;
			}
		}
		if (v->kind == VAL_ADDR && is_local_var(p) && !find_by_handle(s, p) && !find_by_buffer(s, p))
			clobber(c, s, p, e);
	}
	for (int i = 0; i < s->nm; i++)
		if (s->m[i].foreign && !s->m[i].nh)
			remove_map(s, i--);
	for (int a = 0; a < e->nargs; a++) {
		int obj;
		const struct ir_val *v = &e->args[a];
		const struct ir_path *p = resolve_ptr(c, v, &obj);
		const struct ir_path *r = resolve(c, v, 0);
		const struct ir_event *me = map_via(c, v, 0);
		for (int i = 0; i < s->nm; i++) {
			struct smap *m = &s->m[i];
			if ((me && m->map == me) || (r && has_alias(m->h, m->nh, r)) || (p && has_alias(m->h, m->nh, p)) ||
			    (p && has_alias(m->b, m->nb, p)))
				m->flags |= MF_ESC_LEAVE;
		}
	}
}

static void on_call(struct ctx *c, struct sstate *s, const struct ir_event *e)
{
	if (!e->model) {
		escape_args(c, s, e);
		return;
	}
	for (const struct model_fn *r = e->model; r; r = r->next) {
		switch (r->role) {
		case ROLE_STREAM_MAP: on_map(c, s, e, r); break;
		case ROLE_STREAM_UNMAP: on_unmap(c, s, e, r); break;
		case ROLE_STREAM_SYNC: on_sync(c, s, e, r); break;
		case ROLE_STREAM_CHECK: {
			struct smap *m = find_by_handle(s, resolve(c, arg(e, r->slot.handle), 0));
			if (m) {
				if (m->st == ST_UNCHECKED)
					m->st = ST_OK;
				if (!(e->flags & EVF_RESULT_UNUSED))
					add_test(s, NULL, e, m->map, TK_ERRCHECK);
			}
			break;
		}
		case ROLE_MEM_READ: case ROLE_MEM_WRITE: case ROLE_MEM_FREE: {
			int obj;
			const struct ir_path *p = resolve_ptr(c, arg(e, r->slot.buf), &obj);
			if (!p)
				break;
			const struct ir_val *fv = arg(e, r->slot.val);
			const struct ir_val *bv = arg(e, r->slot.buf);
			/* memset(buf, 0, n), or a copy into buf + off: clearing or patching, not filling it for the device */
			int fill_zero = (r->kind == KIND_FILL && (!fv || (fv->kind == VAL_INT && fv->ival == 0))) ||
					(bv && (bv->flags & VALF_ARITH));
			enum access a = r->role == ROLE_MEM_READ ? ACC_READ : r->role == ROLE_MEM_WRITE ? ACC_WRITE : ACC_FREE;
			on_access(c, s, e, p, obj, a, fill_zero);
			if (a == ACC_WRITE && obj && p->root->is_local && !find_by_buffer(s, p))
				clobber(c, s, p, e);  /* memcpy(&pa, skb->cb, sizeof(pa)) */
			break;
		}
		case ROLE_MMIO_WRITE:
			for (int i = 0; i < s->nm; i++)  /* a doorbell: the device may read now */
				flush_pending(c, &s->m[i]);
			on_handle_use(c, s, e, arg(e, r->slot.val), "device");
			for (int i = 0; i < s->nm; i++)
				if (s->m[i].st == ST_SYNC_CPU && (s->m[i].flags & MF_WROTE_SYNC)) {
					report(c, SV_REPOST_WITHOUT_SYNC, e, &s->m[i], NULL);
					s->m[i].flags &= (uint8_t)~MF_WROTE_SYNC;
				}
			break;
		case ROLE_FIELD_SET: {
			const struct ir_val *v = arg(e, r->slot.val);
			const struct ir_path *lhs = field_of(c, arg(e, r->slot.obj), arg(e, r->slot.field), 0);
			if (!lhs || !v)
				break;
			struct smap *m = find_by_handle(s, resolve(c, v, 0));
			for (int i = 0; i < s->nm; i++)
				drop_alias(&s->m[i], lhs);
			if (m && lhs) {
				add_h(m, lhs);
				if (is_nonlocal(lhs))
					m->flags |= MF_ESC_STORE;
			}
			break;
		}
		default:
			break;
		}
	}
}

/* conditions remembered on this path that mention x no longer hold once x changes */
static void forget_conds(struct sstate *s, const struct ir_path *x)
{
	for (int i = 0; i < s->ncond; i++)
		if (word_in(s->cond[i], x->text[0] == ':' ? x->text + 2 : x->text)) {
			s->cond[i] = s->cond[--s->ncond];
			s->cond_val[i] = s->cond_val[s->ncond];
			s->cond[s->ncond] = NULL;
			s->cond_val[s->ncond] = 0;
			i--;
		}
}

/* x gets a new value: forget everything this path knew through its old value */
static void forget(struct sstate *s, const struct ir_path *x)
{
	for (int i = 0; i < s->nm; i++)
		drop_alias(&s->m[i], x);
	drop_test_key(s, x);
	forget_conds(s, x);
	del_seen(s->pub, &s->npub, x);  /* a new value: not published yet */
	for (int i = 0; i < s->nw; i++)  /* what was written through the old value is forgotten */
		if (depends_on(s->written[i], x)) {
			s->written[i] = s->written[--s->nw];
			s->written[s->nw] = NULL;
			i--;
		}
	for (int i = 0; i < s->nm; i++)
		if (s->m[i].foreign && !s->m[i].nh)
			remove_map(s, i--);
}

/* x gets an unknown new value (iterator variable, out-parameter &x) */
static void clobber(struct ctx *c, struct sstate *s, const struct ir_path *x, const struct ir_event *e)
{
	forget(s, x);
	if (is_local_var(x) && interesting(c, x))
		set_var(s, x, VF_OTHER, NULL, e);
}

static void on_assign(struct ctx *c, struct sstate *s, const struct ir_event *e)
{
	const struct ir_path *L = e->lhs;
	const struct ir_val *R = &e->rhs;
	if (R->kind == VAL_PATH && is_local_var(R->path) && (!L || is_nonlocal(L)))
		add_seen(s->pub, &s->npub, &(uint8_t){ 0 }, R->path);
	if (!L) {
		/* a store through something that is not a path (sg_dma_address(sg) = h): the value escapes */
		const struct ir_path *r = resolve(c, R, 0);
		const struct ir_event *me = map_via(c, R, 0);
		for (int i = 0; i < s->nm; i++)
			if ((me && s->m[i].map == me) || (r && has_alias(s->m[i].h, s->m[i].nh, r)))
				s->m[i].flags |= MF_ESC_STORE;
		return;
	}
	forget_conds(s, L);
	/* remember what R was before L is overwritten (x = x + 1 keeps x's alias) */
	const struct ir_path *rp = resolve(c, R, 0);
	int robj;
	const struct ir_path *rptr = resolve_ptr(c, R, &robj);
	struct smap *hm = rp ? find_by_handle(s, rp) : NULL;
	const struct ir_event *via = map_via(c, R, 0);
	if (!hm && via && call_of(c, R) != via)
		hm = map_of(s, via);  /* desc->addr = cpu_to_le64(dma_map_single(...)) */
	if (!hm && R->kind == VAL_OTHER && R->text && is_nonlocal(L))
		for (int i = 0; i < s->nm; i++)  /* p->pfn = h >> PAGE_SHIFT: kept in a structure */
			for (int k = 0; k < s->m[i].nh; k++)
				if (s->m[i].h[k]->kind == PATH_VAR && word_in(R->text, s->m[i].h[k]->name))
					s->m[i].flags |= MF_ESC_STORE;
	if (!hm && R->kind == VAL_OTHER && R->text && is_local_var(L))
		for (int i = 0; i < s->nm && !hm; i++)  /* data = h >> 4 | flags: derived from the handle */
			for (int k = 0; k < s->m[i].nh && !hm; k++)
				if (s->m[i].h[k]->kind == PATH_VAR && word_in(R->text, s->m[i].h[k]->name))
					hm = &s->m[i];
	struct smap *bm = NULL;
	int bobj = 0;
	for (int i = 0; i < s->nm && rptr && !bm; i++)
		for (int k = 0; k < s->m[i].nb; k++)
			if (s->m[i].b[k] == rptr) {
				bm = &s->m[i];
				bobj = ((s->m[i].bobj >> k) & 1) || robj;
			}
	const struct ir_event *hm_map = hm ? hm->map : NULL, *bm_map = bm ? bm->map : NULL;

	if ((e->op[0] == '=' && !e->op[1]) || L->kind == PATH_VAR)
		forget(s, L);
	hm = hm_map ? map_of(s, hm_map) : NULL;
	bm = bm_map ? map_of(s, bm_map) : NULL;

	const struct ir_event *rc = call_of(c, R);
	if (rc && rc->model) {
		const struct model_fn *mf = model_fn_role(rc->model, ROLE_STREAM_MAP);
		struct smap *m = map_of(s, rc);
		if (mf && m) {
			if (mf->ret == RET_HANDLE)
				add_h(m, L);
			else if (mf->ret == RET_COUNT || mf->ret == RET_ERRNO) {
				if (mf->ret == RET_COUNT)
					m->count = L;
				add_test(s, L, NULL, m->map, mf->ret == RET_COUNT ? TK_COUNT : TK_ERRNO);
			}
			/* the handle, or an sg count, kept in a structure hands the mapping over */
			if (is_nonlocal(L))
				m->flags |= MF_ESC_STORE;
		}
		for (int i = 0; i < s->nt; i++)
			if (s->t[i].ckey == rc && s->t[i].kind == TK_ERRCHECK)
				add_test(s, L, NULL, s->t[i].map, TK_ERRCHECK);
		if (model_fn_role(rc->model, ROLE_ALLOC)) {
			add_seen(s->alloced, &s->na, &(uint8_t){ 0 }, L);
			del_seen(s->written, &s->nw, L);
		}
	}
	if (hm && !(rc && model_fn_role(rc->model, ROLE_STREAM_MAP))) {
		int nonlocal = is_nonlocal(L);
		if (nonlocal && converted(c, R))
			on_handle_use(c, s, e, R, "descriptor");
		add_h(hm, L);
		if (nonlocal)
			hm->flags |= MF_ESC_STORE;
	} else if (bm) {
		add_b(bm, L, bobj);
		if (is_nonlocal(L))
			bm->flags |= MF_ESC_STORE;
	}
	if (is_local_var(L) && interesting(c, L)) {
		if (e->op[0] != '=' || e->op[1])
			set_var(s, L, VF_OTHER, NULL, e);
		else if ((R->flags & VALF_CONST) && R->text)
			set_var(s, L, VF_CONST, R->text, NULL);
		else
			set_var(s, L, VF_OTHER, NULL, e);
	}
}

/* does this return report failure: -EINVAL, or a variable holding a negative constant here? */
static int error_return(const struct ctx *c, struct sstate *s, const struct ir_val *R)
{
	const char *t = R->text;
	if (R->kind == VAL_PATH && is_local_var(R->path)) {
		struct svar *f = var_fact(s, R->path);
		t = f && f->kind == VF_CONST ? f->cval : NULL;
	} else if (!(R->flags & VALF_CONST)) {
		t = NULL;
	}
	/* -EINPROGRESS and the like mean "queued", not failure (rules data: class=return.queued) */
	return t && t[0] == '-' && !is_class(model_word_class(c->m, t, strlen(t)), "return.queued");
}

static void on_return(struct ctx *c, struct sstate *s, const struct ir_event *e)
{
	const struct ir_val *R = &e->rhs;
	int is_error = error_return(c, s, R);
	const struct ir_event *rc = call_of(c, R);
	const struct ir_path *rp = resolve(c, R, 0);
	int obj;
	const struct ir_path *rptr = resolve_ptr(c, R, &obj);
	for (int i = 0; i < s->nm; i++) {
		struct smap *m = &s->m[i];
		const struct ir_event *me = map_via(c, R, 0);
		if ((rc && m->map == rc) || (me && m->map == me) || (rp && has_alias(m->h, m->nh, rp)) ||
		    (rptr && (has_alias(m->h, m->nh, rptr) || has_alias(m->b, m->nb, rptr))))
			m->flags |= MF_ESC_LEAVE;
		/* returning the object that holds the handle or buffer (return priv; return &dom->domain) */
		const struct ir_path *root = rptr && rptr->root->is_local ? rptr->root : NULL;
		for (int k = 0; root && k < m->nh; k++)
			if (m->h[k] != rptr && m->h[k]->root == root && m->h[k]->kind != PATH_VAR)
				m->flags |= MF_ESC_STORE;
		for (int k = 0; root && k < m->nb; k++)
			if (m->b[k] != rptr && m->b[k]->root == root && m->b[k]->kind != PATH_VAR)
				m->flags |= MF_ESC_STORE;
	}
	for (int i = 0; i < s->nm; i++) {
		struct smap *m = &s->m[i];
		flush_pending(c, m);
		if (m->st == ST_FAILED)
			continue;
		if (m->st == ST_UNCHECKED && !(m->flags & MF_ESC_LEAVE))
			use_unchecked(c, m, e, (m->flags & MF_NULLCHECK) ? "nullcheck" : "exit");
		if (m->st != ST_UNMAPPED && !(m->flags & (MF_ESC_LEAVE | MF_ESC_STORE)) &&
		    !(m->flags2 & MF2_MAYBE_UNMAPPED) && (is_error || !(m->flags2 & MF2_OWNED)))
			report(c, SV_LEAK, e, m, NULL);
		if (m->free_only)
			continue;
		if (m->dir == DIR_TO_DEVICE && (m->flags & MF_ALLOC_HERE) && !(m->flags & MF_WROTE_BEFORE) &&
		    (m->flags & MF_READ_AFTER))
			report(c, SV_DIR_USAGE, m->map, m, "to-device-read");
		if (m->dir == DIR_FROM_DEVICE && (m->flags & MF_WROTE_BEFORE) && !s->overflow &&
		    !(m->flags & MF_READ_AFTER))
			report(c, SV_DIR_USAGE, m->map, m, "from-device-filled");
	}
}

static void on_iter(struct ctx *c, struct sstate *s, const struct ir_event *e)
{
	/* the loop variables of an iterator macro change on every iteration */
	const struct model_fn *it = e->model;
	for (int a = 0; a < e->nargs; a++)
		if (e->args[a].kind == VAL_PATH && is_local_var(e->args[a].path) &&
		    !(it && (a == it->slot.sgl || a == it->slot.count)))
			clobber(c, s, e->args[a].path, e);
	if (!it || it->role != ROLE_SG_ITER)
		return;
	/* does the loop body program the device from the DMA fields? */
	int dma_fields = 0;
	for (int i = 0; i < c->f->ncalls && !dma_fields; i++) {
		const struct ir_event *k = c->f->calls[i];
		dma_fields = k->start >= e->body_start && k->end <= e->body_end &&
			     model_fn_role(k->model, ROLE_SG_DMA_FIELD);
	}
	if (!dma_fields)
		return;
	const struct ir_val *cnt = arg(e, it->slot.count);
	const struct ir_val *sgl = arg(e, it->slot.sgl);
	if (!cnt || !cnt->text)
		return;
	if (is_class(last_field_class(c, cnt->text), "sgtable.orig-nents")) {
		report(c, SV_SG_COUNT, e, NULL, "iter-orig-nents");
		return;
	}
	struct smap *m = sgl ? find_by_handle(s, sgl->kind == VAL_PATH ? sgl->path : NULL) : NULL;
	if (!m || m->st == ST_UNMAPPED || m->st == ST_FAILED)
		return;
	const struct model_fn *mf = model_fn_role(m->map->model, ROLE_STREAM_MAP);
	const struct ir_val *nents = mf ? arg(m->map, mf->slot.nents) : NULL;
	if (nents && nents->text && strcmp(cnt->text, nents->text) == 0 &&
	    (!m->count || strcmp(cnt->text, m->count->text) != 0))
		report(c, SV_SG_COUNT, e, m, "iter-nents");
}

static void run_event(struct ctx *c, struct sstate *s, const struct ir_event *e)
{
	switch (e->kind) {
	case EV_CALL: on_call(c, s, e); break;
	case EV_ASSIGN: on_assign(c, s, e); break;
	case EV_READ:
		for (int i = 0; i < c->nmemarg; i++)
			if (c->memarg[i] == e->start)
				return;  /* the mem.* call itself says how the buffer is used */
		on_access(c, s, e, e->lhs, 0, ACC_READ, 0);
		break;
	case EV_WRITE:
		on_access(c, s, e, e->lhs, 0, ACC_WRITE, e->rhs.kind == VAL_INT && e->rhs.ival == 0);
		break;
	case EV_RETURN: on_return(c, s, e); break;
	case EV_DECL:
		if (interesting(c, e->lhs))
			set_var(s, e->lhs, VF_UNINIT, NULL, NULL);
		break;
	case EV_ITER: on_iter(c, s, e); break;
	case EV_ADDR: case EV_CAST: break;  /* for the address-space analysis */
	}
}

/* ---------- branches ---------- */

/* refine s for the edge where the test of b holds (taken=1) or not */
static int refine(struct ctx *c, struct sstate *s, const struct ir_block *b, int taken)
{
	if (b->test == COND_OPAQUE)
		return 1;
	const struct ir_path *pkey = NULL;
	const struct ir_event *ckey = NULL;
	const struct ir_event *ce = call_of(c, &b->cond);
	if (ce) {
		ckey = ce;
		if (model_fn_role(ce->model, ROLE_TRANSPARENT) && (pkey = resolve(c, &b->cond, 0)))
			ckey = NULL;
	} else if (b->cond.kind == VAL_PATH) {
		pkey = b->cond.path;
		struct smap *hm = find_by_handle(s, b->cond.path);
		const struct model_fn *hf = hm ? model_fn_role(hm->map->model, ROLE_STREAM_MAP) : NULL;
		if (hf && hf->ret == RET_HANDLE && b->test == COND_NONZERO) {
			/* `if (h)` / `if (!h)`: 0 does not mean failure, but the driver treats it as "not mapped" */
			if (hm->st == ST_UNCHECKED)
				hm->flags |= MF_NULLCHECK;
			else if (!taken)
				hm->st = ST_FAILED;  /* already checked: 0 is the driver's "never mapped" mark */
			return 1;
		}
	}
	/* h == DMA_MAPPING_ERROR after a wrapper that returns that on failure */
	if (b->test == COND_NONZERO && b->cond.kind == VAL_OTHER && b->cond.text) {
		for (int i = 0; i < s->nm; i++) {
			struct smap *m = &s->m[i];
			const struct model_fn *mf = model_fn_role(m->map->model, ROLE_STREAM_MAP);
			if (!mf || !mf->fail_text || m->st != ST_OK)
				continue;
			for (int k = 0; k < m->nh; k++) {
				char eq[256], ne[256], eq2[256], ne2[256];
				const char *h = m->h[k]->text;
				snprintf(eq, sizeof(eq), "%s==%s", h, mf->fail_text);
				snprintf(ne, sizeof(ne), "%s!=%s", h, mf->fail_text);
				snprintf(eq2, sizeof(eq2), "%s==%s", mf->fail_text, h);
				snprintf(ne2, sizeof(ne2), "%s!=%s", mf->fail_text, h);
				int is_eq = !strcmp(b->cond.text, eq) || !strcmp(b->cond.text, eq2);
				int is_ne = !strcmp(b->cond.text, ne) || !strcmp(b->cond.text, ne2);
				if ((is_eq && taken) || (is_ne && !taken))
					m->st = ST_FAILED;
			}
		}
	}
	if (!pkey && !ckey)
		return 1;
	for (int i = 0; i < s->nt; i++) {
		if (s->t[i].pkey != pkey || s->t[i].ckey != ckey)
			continue;
		struct smap *m = map_of(s, s->t[i].map);
		if (!m)
			return 1;
		int failed;
		switch (s->t[i].kind) {
		case TK_ERRCHECK:   /* nonzero => failed */
			if (b->test != COND_NONZERO)
				return 1;
			failed = taken;
			break;
		case TK_COUNT:      /* 0 => failed */
			if (b->test == COND_NONZERO)
				failed = !taken;
			else if (b->test == COND_LE0)
				failed = taken;
			else
				return 1;
			break;
		case TK_ERRNO:      /* nonzero or < 0 => failed */
			if (b->test == COND_NONZERO || b->test == COND_NEG)
				failed = taken;
			else
				return 1;
			break;
		default:
			return 1;
		}
		if (failed) {
			if (m->st == ST_UNCHECKED || m->st == ST_OK)
				m->st = ST_FAILED;
		} else if (m->st == ST_UNCHECKED) {
			m->st = ST_OK;
		}
		return 1;
	}
	return 1;
}

/* ---------- the walk ---------- */

/* what "x TEST" is, given that "x WAS" had outcome val: 1, 0, or -1 (unknown) */
static int implied(int was, int val, int test)
{
	if (was == test)
		return val;
	if (was == COND_LE0 && !val)            /* x > 0 */
		return test == COND_NONZERO ? 1 : test == COND_NEG ? 0 : -1;
	if (was == COND_NONZERO && !val)        /* x == 0 */
		return test == COND_LE0 ? 1 : test == COND_NEG ? 0 : -1;
	if (was == COND_NEG && val)             /* x < 0 */
		return test == COND_NONZERO || test == COND_LE0 ? 1 : -1;
	return -1;
}

static void push(struct ctx *c, int block, const struct sstate *s)
{
	if (c->nwork == c->capwork) {
		c->capwork = c->capwork ? c->capwork * 2 : 64;
		c->work = xrealloc(c->work, (size_t)c->capwork * sizeof(*c->work));
	}
	c->work[c->nwork].block = block;
	c->work[c->nwork].st = *s;
	c->nwork++;
}

static int seen_before(struct ctx *c, int block, const struct sstate *s)
{
	if (!c->seen[block])
		c->seen[block] = xmalloc(STREAM_MAX_STATES * sizeof(struct sstate));
	struct sstate *row = c->seen[block];
	for (int i = 0; i < c->nseen[block]; i++)
		if (memcmp(&row[i], s, sizeof(*s)) == 0)
			return 1;
	if (c->nseen[block] >= STREAM_MAX_STATES)
		return 1;  /* too many paths: drop (false negative, never a false positive) */
	row[c->nseen[block]++] = *s;
	return 0;
}

/* local variables passed as direction or size: their values are tracked */
static void add_interesting(struct ctx *c, const struct ir_path *p, int *cap)
{
	if (!is_local_var(p) || interesting(c, p))
		return;
	if (c->ninteresting == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		c->interesting = xrealloc(c->interesting, (size_t)*cap * sizeof(*c->interesting));
	}
	c->interesting[c->ninteresting++] = p;
}

/* "x==CONST", "x!=CONST" or "x": the local variable x of a branch condition, or NULL */
static const struct ir_path *cond_var(const struct ctx *c, const struct ir_block *b, const char **cval, int *eq)
{
	const char *t = b->cond.text;
	*cval = NULL;
	*eq = 1;
	if (!t || b->test != COND_NONZERO)
		return NULL;
	if (b->cond.kind == VAL_PATH)
		return is_local_var(b->cond.path) ? b->cond.path : NULL;
	const char *op = strstr(t, "==");
	if (!op) {
		op = strstr(t, "!=");
		*eq = 0;
	}
	if (!op || op == t || strchr(op + 2, '=') || strchr(t, '&') || strchr(t, '|'))
		return NULL;
	char name[64];
	size_t n = (size_t)(op - t);
	if (n >= sizeof(name))
		return NULL;
	memcpy(name, t, n);
	name[n] = 0;
	for (size_t i = 0; i < n; i++)
		if (!(isalnum((unsigned char)name[i]) || name[i] == '_'))
			return NULL;
	const char *rhs = op + 2;
	for (const char *q = rhs; *q; q++)
		if (!(isalnum((unsigned char)*q) || *q == '_'))
			return NULL;
	for (int i = 0; i < c->ninteresting; i++)
		if (!strcmp(c->interesting[i]->name, name) && c->interesting[i]->kind == PATH_VAR)
			return (*cval = rhs), c->interesting[i];
	return NULL;
}

static void find_interesting(struct ctx *c)
{
	int cap = 0;
	for (int b = 0; b < c->f->nblocks; b++) {
		const struct ir_block *bl = c->f->blocks[b];
		if (bl->nev && bl->ev[bl->nev - 1]->kind == EV_RETURN && bl->ev[bl->nev - 1]->rhs.kind == VAL_PATH)
			add_interesting(c, bl->ev[bl->nev - 1]->rhs.path, &cap);
		if (bl->term == T_BRANCH && bl->cond.kind == VAL_PATH)
			add_interesting(c, bl->cond.path, &cap);
	}
	/* variables compared with a constant (op == IOAT_OP_XOR): find their paths among assignments */
	for (int b = 0; b < c->f->nblocks; b++) {
		const struct ir_block *bl = c->f->blocks[b];
		const char *t = bl->term == T_BRANCH ? bl->cond.text : NULL;
		const char *op = t ? strstr(t, "==") : NULL;
		if (!op && t)
			op = strstr(t, "!=");
		if (!op)
			continue;
		for (int k = 0; k < c->f->nblocks; k++)
			for (int i = 0; i < c->f->blocks[k]->nev; i++) {
				const struct ir_event *e = c->f->blocks[k]->ev[i];
				if (e->kind == EV_ASSIGN && is_local_var(e->lhs) && strlen(e->lhs->name) == (size_t)(op - t) &&
				    !strncmp(e->lhs->name, t, (size_t)(op - t)))
					add_interesting(c, e->lhs, &cap);
			}
	}
	for (int i = 0; i < c->f->ncalls; i++) {
		const struct ir_event *e = c->f->calls[i];
		for (const struct model_fn *r = e->model; r; r = r->next) {
			if (r->role != ROLE_STREAM_MAP && r->role != ROLE_STREAM_UNMAP && r->role != ROLE_STREAM_SYNC)
				continue;
			int slots[2] = { r->slot.dir, r->slot.size };
			for (int k = 0; k < 2; k++) {
				const struct ir_val *v = arg(e, slots[k]);
				if (v && v->kind == VAL_PATH)
					add_interesting(c, v->path, &cap);
			}
		}
	}
}

/* buffer arguments of mem.* calls, and local pointers defined once as a copy of a path */
static void prepass(struct ctx *c)
{
	for (int i = 0; i < c->f->ncalls; i++) {
		const struct ir_event *e = c->f->calls[i];
		for (const struct model_fn *r = e->model; r; r = r->next) {
			if (r->role != ROLE_MEM_READ && r->role != ROLE_MEM_WRITE && r->role != ROLE_MEM_FREE)
				continue;
			const struct ir_val *v = arg(e, r->slot.buf);
			if (!v)
				continue;
			c->memarg = xrealloc(c->memarg, (size_t)(c->nmemarg + 1) * sizeof(*c->memarg));
			c->memarg[c->nmemarg++] = v->start;
		}
	}
	int cap = 0;
	for (int b = 0; b < c->f->nblocks; b++)
		for (int i = 0; i < c->f->blocks[b]->nev; i++) {
			const struct ir_event *e = c->f->blocks[b]->ev[i];
			if (e->kind != EV_ASSIGN || !is_local_var(e->lhs) || e->lhs->is_param)
				continue;
			int k;
			for (k = 0; k < c->ncopies && c->copies[k].var != e->lhs; k++)
				;
			int obj = 0;
			const struct ir_path *from = e->op[0] == '=' && !e->op[1] ? resolve_ptr(c, &e->rhs, &obj) : NULL;
			if (k < c->ncopies) {
				c->copies[k].from = NULL;  /* defined more than once: not a stable copy */
				continue;
			}
			if (c->ncopies == cap) {
				cap = cap ? cap * 2 : 8;
				c->copies = xrealloc(c->copies, (size_t)cap * sizeof(*c->copies));
			}
			c->copies[c->ncopies++] = (struct copy){ e->lhs, from && from != e->lhs ? from : NULL, obj,
							     e->rhs.kind == VAL_CALL && !from };
		}
}

static int has_stream_calls(const struct ir_func *f)
{
	for (int i = 0; i < f->ncalls; i++)
		for (const struct model_fn *r = f->calls[i]->model; r; r = r->next)
			if (r->role == ROLE_STREAM_MAP || r->role == ROLE_STREAM_UNMAP || r->role == ROLE_STREAM_SYNC)
				return 1;
	return 0;
}

void stream_analyse(struct ir_unit *u, const struct ir_func *f, const struct model *m,
		    const struct stream_sink *sink)
{
	if (!has_stream_calls(f))
		return;  /* nothing to track: the common case in a tree scan */
	struct ctx c = { .u = u, .f = f, .m = m, .sink = sink };
	find_interesting(&c);
	prepass(&c);
	c.seen = xcalloc((size_t)f->nblocks, sizeof(*c.seen));
	c.nseen = xcalloc((size_t)f->nblocks, sizeof(int));
	struct sstate init;
	memset(&init, 0, sizeof(init));
	push(&c, 0, &init);
	while (c.nwork && c.steps++ < MAX_STEPS) {
		c.nwork--;
		int bi = c.work[c.nwork].block;
		struct sstate s = c.work[c.nwork].st;
		if (seen_before(&c, bi, &s))
			continue;
		const struct ir_block *b = f->blocks[bi];
		for (int i = 0; i < b->nev; i++)
			run_event(&c, &s, b->ev[i]);
		if (b->term == T_BRANCH && b->nsucc == 2) {
			/* a side-effect-free condition tested again on the same path has the same outcome */
			const char *ct = b->cond.text;
			int known = -1, slot = -1;
			if (ct && b->test != COND_OPAQUE && b->cond.kind != VAL_CALL && !strchr(ct, '(')) {
				for (int i = 0; i < s.ncond && known < 0; i++)
					if (s.cond[i] == ct)
						known = implied(s.cond_val[i] >> 1, s.cond_val[i] & 1, b->test);
				if (known < 0) {
					if (s.ncond == MAX_CONDS) {  /* forget the oldest */
						memmove(s.cond, s.cond + 1, (MAX_CONDS - 1) * sizeof(*s.cond));
						memmove(s.cond_val, s.cond_val + 1, MAX_CONDS - 1);
						s.ncond--;
						s.cond[s.ncond] = NULL;
						s.cond_val[s.ncond] = 0;
					}
					slot = s.ncond;
				}
			}
			if (known < 0) {
				const char *cv;
				int eq;
				const struct ir_path *x = cond_var(&c, b, &cv, &eq);
				struct svar *fx = x ? var_fact(&s, x) : NULL;
				if (fx && fx->kind == VF_CONST && fx->cval) {
					const char *v = fx->cval;
					if (!cv)  /* if (x) with x = 0, NULL, false / 1, true */
						known = !strcmp(v, "0") || !strcmp(v, "NULL") || !strcmp(v, "false") ? 0
						      : (v[0] >= '1' && v[0] <= '9') || !strcmp(v, "true") ? 1 : -1;
					else
						known = (strcmp(fx->cval, cv) == 0) == eq;
					if (known >= 0)
						slot = -1;
				}
			}
			struct sstate st = s, sf = s;
			if (slot >= 0) {
				st.cond[slot] = sf.cond[slot] = ct;
				st.cond_val[slot] = (uint8_t)(b->test << 1 | 1);
				sf.cond_val[slot] = (uint8_t)(b->test << 1);
				st.ncond = sf.ncond = (uint8_t)(slot + 1);
			}
			if (known == 0) {
				if (refine(&c, &sf, b, 0))
					push(&c, b->succ[1], &sf);
				continue;
			}
			if (known == 1) {
				if (refine(&c, &st, b, 1))
					push(&c, b->succ[0], &st);
				continue;
			}
			if (refine(&c, &st, b, 1))
				push(&c, b->succ[0], &st);
			if (refine(&c, &sf, b, 0))
				push(&c, b->succ[1], &sf);
		} else {
			for (int k = 0; k < b->nsucc; k++)
				push(&c, b->succ[k], &s);
		}
	}
	free(c.work);
	for (int i = 0; i < f->nblocks; i++)
		free(c.seen[i]);
	free(c.seen);
	free(c.nseen);
	free(c.interesting);
	free(c.memarg);
	free(c.copies);
}
