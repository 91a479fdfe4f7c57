/*
 * check_fault.c - VMA fault handlers (rule-catalogue §7, §11.4).
 *
 *  fault-page-refcount (FAULT-01): a handler sets vmf->page to a page it
 *  holds no reference for and returns a page-returning value (0, or words of
 *  class fault.page such as VM_FAULT_LOCKED; a local return value counts if
 *  any assignment gives it one) on some path that takes no reference
 *  (role page.get, or a same-file helper that calls one) after the page's
 *  lookup. Unreferenced pages: results of page.lookup calls (vmalloc_to_page,
 *  virt_to_page, pfn_to_page, nth_page, ZERO_PAGE ...), pages read from
 *  driver memory (d->pages[i], ctx->page), and results of same-file helpers
 *  whose every non-NULL return is one of those and that take no reference.
 *  Pages from page.ref-lookup calls (alloc_page, find_lock_page ...) and from
 *  unknown calls are not flagged. Flagged even with get_page(): a page of a
 *  struct member the unit allocates with a slab.alloc call (kzalloc ...), or
 *  a page at an offset into a member allocated by a pages.alloc call of
 *  non-zero order without __GFP_COMP when the unit never calls split_page()
 *  (tail pages have refcount 0). The walk is path-sensitive over (block,
 *  state) pairs with a handful of state bits.
 *
 *  fault-range-unchecked (FAULT-02): a handler uses vmf->pgoff, or
 *  vmf->address - vm_start, or a local computed from them, as an array index
 *  (d->pages[off]) or as the address/PFN/page index argument of a
 *  page.lookup or fault.insert call (vmalloc_to_page(buf + off),
 *  vmf_insert_pfn(.., base + pgoff)), and some path from the entry reaches
 *  that use without passing a branch that tests such a value (a comparison,
 *  a call such as pfn_valid(pfn), a switch). Values through %, a mask or a
 *  value.bound call (min, array_index_nospec) are bounded; results of
 *  lower-case function calls are the callee's business. Not flagged: a
 *  handler whose vm_operations_struct is handed to a core that bounds the VMA
 *  (entry kind vm-ops-bounded: drm_gem_object_funcs.vm_ops), or is installed
 *  only by same-file functions that set VM_DONTEXPAND where they, a caller
 *  or an mmap entry test the VMA's extent (vm_pgoff, vm_end, vma_pages, or a
 *  local from them): mremap() cannot grow such a VMA past what mmap checked
 *  (MMAP-13). Also flagged, once per handler: vmf->pgoff + vma->vm_pgoff
 *  (vmf->pgoff already includes vm_pgoff) unless the unit rewrites vm_pgoff.
 *
 * Handlers are functions with a `struct vm_fault *` parameter: entries of
 * kind fault via vm_operations_struct.fault/huge_fault (not page_mkwrite),
 * and functions no same-file function calls (registered elsewhere). A helper
 * taking vmf that is called from same-file fault handlers is checked in
 * their context (its use is fine when every call is reached through a test
 * in the caller, or the caller's VMA is bounded elsewhere); for FAULT-01 a
 * helper is skipped when its caller takes a page reference itself.
 */
#include "../driver/unit.h"
#include "../analysis/entry.h"
#include "checks.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TAINT 32

static int is_id(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* does tok occur in t as a whole token (not a member x->tok / x.tok, not part of a longer name)? */
static const char *find_tok(const char *t, const char *tok)
{
	size_t n = strlen(tok);
	if (!t || !n)
		return NULL;
	for (const char *p = strstr(t, tok); p; p = strstr(p + 1, tok)) {
		size_t pos = (size_t)(p - t);
		if (pos > 0 && (is_id(t[pos - 1]) || t[pos - 1] == '.' || t[pos - 1] == ':'))
			continue;
		if (pos > 1 && t[pos - 2] == '-' && t[pos - 1] == '>')
			continue;
		if (is_id(p[n]))
			continue;
		return p;
	}
	return NULL;
}

/* a relational operator (<, >, <=, >=), not a shift or -> */
static int has_rel_op(const char *t)
{
	for (const char *p = t; p && *p; p++) {
		if (*p != '<' && *p != '>')
			continue;
		if (p[1] == p[0]) {  /* << >> */
			p++;
			continue;
		}
		if (*p == '>' && p > t && p[-1] == '-')
			continue;
		return 1;
	}
	return 0;
}

struct fctx {
	struct unit *u;
	const struct ir_func *f;
	const struct model *m;
	const struct ir_path *vmf;
	const char *root;                   /* the handler whose vm_operations_struct matters (f, or f's caller) */
	char pgoff[96], addr[96];           /* "vmf->pgoff", "vmf->address" */
	const char *off[MAX_TAINT];         /* locals holding an offset derived from the user's position */
	int noff;
	const char *adr[MAX_TAINT];         /* locals holding vmf->address */
	int nadr;
};

static int in_set(const char *const *set, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(set[i], name))
			return 1;
	return 0;
}

/* text bounds the value: a modulo, a mask, or a value.bound call (min, array_index_nospec) */
static int sanitised(const struct fctx *c, const char *t)
{
	for (const char *p = t; *p; p++) {
		if (*p == '%')
			return 1;
		if (*p == '&' && p[1] != '&' && p > t && p[-1] != '&' &&
		    (is_id(p[-1]) || p[-1] == ')' || p[-1] == ']'))
			return 1;
		if (is_id(*p) && (p == t || !is_id(p[-1]))) {
			const char *s = p;
			while (is_id(*p))
				p++;
			if (*p == '(' && model_fn_role(model_fn_find(c->m, s, (size_t)(p - s)), ROLE_VALUE_BOUND))
				return 1;
			p--;
		}
	}
	return 0;
}

/* does t mention the faulting address (vmf->address or a copy of it)? */
static int mentions_addr(const struct fctx *c, const char *t)
{
	if (find_tok(t, c->addr))
		return 1;
	for (int i = 0; i < c->nadr; i++)
		if (find_tok(t, c->adr[i]))
			return 1;
	return 0;
}

/* does t mention the user-controlled position (pgoff, address - vm_start, or a local derived from them)? */
static int mentions_off(const struct fctx *c, const char *t)
{
	if (!t)
		return 0;
	if (find_tok(t, c->pgoff))
		return 1;
	for (int i = 0; i < c->noff; i++)
		if (find_tok(t, c->off[i]))
			return 1;
	return mentions_addr(c, t) && strstr(t, "vm_start") != NULL;
}

/* is the value an unchecked user offset (mentions one and is not bounded by the expression itself)? */
static int tainted_val(const struct fctx *c, const struct ir_val *v)
{
	if (!v || !v->text || !mentions_off(c, v->text) || sanitised(c, v->text))
		return 0;
	if (v->kind == VAL_CALL) {
		/* a conversion macro (PHYS_PFN, PFN_DOWN) passes the offset on; a function's result is its own */
		const struct ir_event *e = v->call >= 0 && v->call < c->f->ncalls ? c->f->calls[v->call] : NULL;
		if (!e || !e->callee)
			return 0;
		for (const char *p = e->callee; *p; p++)
			if (islower((unsigned char)*p))
				return 0;
	}
	return 1;
}

static void compute_taint(struct fctx *c)
{
	const struct ir_func *f = c->f;
	snprintf(c->pgoff, sizeof(c->pgoff), "%s->pgoff", c->vmf->name);
	snprintf(c->addr, sizeof(c->addr), "%s->address", c->vmf->name);
	for (int round = 0, changed = 1; changed && round < 8; round++) {
		changed = 0;
		for (int b = 0; b < f->nblocks; b++)
			for (int i = 0; i < f->blocks[b]->nev; i++) {
				const struct ir_event *e = f->blocks[b]->ev[i];
				if (e->kind != EV_ASSIGN || !e->lhs || e->lhs->kind != PATH_VAR || !e->lhs->is_local)
					continue;
				const char *name = e->lhs->name;
				if (!in_set(c->off, c->noff, name) && c->noff < MAX_TAINT && tainted_val(c, &e->rhs)) {
					c->off[c->noff++] = name;
					changed = 1;
				} else if (!in_set(c->adr, c->nadr, name) && c->nadr < MAX_TAINT && e->rhs.text &&
					   e->rhs.kind != VAL_CALL && mentions_addr(c, e->rhs.text) &&
					   !strstr(e->rhs.text, "vm_start") && !in_set(c->off, c->noff, name)) {
					c->adr[c->nadr++] = name;
					changed = 1;
				}
			}
	}
}

/* ---- fault-range-unchecked ---- */

/* does block b end in a test of the user's position (a bound check)? */
static int checks_position(const struct fctx *c, const struct ir_block *b)
{
	const char *t = b->cond.text;
	if (!t)
		return 0;
	if (!mentions_off(c, t) && !mentions_addr(c, t))
		return 0;
	if (b->term == T_SWITCH)
		return 1;
	if (b->term != T_BRANCH)
		return 0;
	return has_rel_op(t) || strchr(t, '(') != NULL;
}

/*
 * Does every path from the entry to block blk pass through a test of the
 * user's position? (A test at the end of blk itself comes after the use.)
 */
/* does one of the first upto events of bb bound a position local (idx %= n, idx = array_index_nospec(idx, n))? */
static int bounds_in(const struct fctx *c, const struct ir_block *bb, int upto)
{
	for (int i = 0; i < upto && i < bb->nev; i++) {
		const struct ir_event *e = bb->ev[i];
		if (e->kind != EV_ASSIGN || !e->lhs || e->lhs->kind != PATH_VAR || !in_set(c->off, c->noff, e->lhs->name) || !e->op)
			continue;
		if (!strcmp(e->op, "%=") || !strcmp(e->op, "&="))
			return 1;
		if (!strcmp(e->op, "=") && e->rhs.text && mentions_off(c, e->rhs.text) && sanitised(c, e->rhs.text))
			return 1;
	}
	return 0;
}

static int checked_on_all_paths(const struct fctx *c, int blk, int ev)
{
	const struct ir_func *f = c->f;
	int n = f->nblocks, sp = 0, reached = 0;
	if (blk >= 0 && blk < n && bounds_in(c, f->blocks[blk], ev))
		return 1;
	char *seen = calloc((size_t)n, 1);
	int *stack = malloc(sizeof(int) * (size_t)n);
	if (!seen || !stack || n <= 0) {
		free(seen);
		free(stack);
		return 1;
	}
	stack[sp++] = 0;
	seen[0] = 1;
	while (sp && !reached) {
		int b = stack[--sp];
		if (b == blk) {
			reached = 1;
			break;
		}
		const struct ir_block *bb = f->blocks[b];
		if (checks_position(c, bb) || bounds_in(c, bb, bb->nev))
			continue;
		for (int k = 0; k < bb->nsucc; k++) {
			int s = bb->succ[k];
			if (s >= 0 && s < n && !seen[s]) {
				seen[s] = 1;
				stack[sp++] = s;
			}
		}
	}
	free(seen);
	free(stack);
	return !reached;
}

/* the argument of a page.lookup / fault.insert call that selects the page, if tainted */
static const struct ir_val *tainted_arg(const struct fctx *c, const struct ir_event *e)
{
	const struct model_fn *r = model_fn_role(e->model, ROLE_PAGE_LOOKUP);
	int slots[3] = { -1, -1, -1 };
	if (r && !r->derived) {
		slots[0] = r->slot.buf;
		slots[1] = r->slot.off;
		slots[2] = r->slot.val;
	} else if ((r = model_fn_role(e->model, ROLE_FAULT_INSERT)) && !r->derived) {
		slots[0] = r->slot.val;
	}
	for (int i = 0; i < 3; i++)
		if (slots[i] >= 0 && slots[i] < e->nargs && tainted_val(c, &e->args[slots[i]]))
			return &e->args[slots[i]];
	return NULL;
}

/* the index step of path p that is an unchecked user offset */
static const struct ir_path *tainted_index(const struct fctx *c, const struct ir_path *p)
{
	for (const struct ir_path *q = p; q && q->parent; q = q->parent)
		if (q->kind == PATH_INDEX && q->name && mentions_off(c, q->name) && !sanitised(c, q->name))
			return q;
	return NULL;
}

static const char *show(const char *t)
{
	return t && t[0] == ':' && t[1] == ':' ? t + 2 : (t ? t : "?");
}

/* vmf->pgoff + X->vm_pgoff (or the other way round) in t */
static int double_offset(const struct fctx *c, const char *t)
{
	if (!t)
		return 0;
	size_t n = strlen(c->pgoff);
	for (const char *p = find_tok(t, c->pgoff); p; p = find_tok(p + n, c->pgoff)) {
		/* vmf->pgoff + a->vm_pgoff */
		const char *q = p + n;
		if (*q == '+' && q[1] != '+') {
			q++;
			while (is_id(*q) || *q == '.' || (*q == '-' && q[1] == '>') || *q == '>')
				q += (*q == '-' ? 2 : 1);
			if (q - p > 8 && q - 8 >= t && !strncmp(q - 8, "vm_pgoff", 8))
				return 1;
		}
		/* a->vm_pgoff + vmf->pgoff */
		if (p - t >= 9 && p[-1] == '+' && !strncmp(p - 9, "vm_pgoff", 8) && (p - t < 10 || p[-10] != '+'))
			return 1;
	}
	return 0;
}

/* does the unit write ->vm_pgoff anywhere (drivers that rebase it to 0 in mmap)? */
static int unit_sets_vm_pgoff(const struct ir_unit *u)
{
	for (int fi = 0; fi < u->nfuncs; fi++) {
		const struct ir_func *g = u->funcs[fi];
		for (int b = 0; b < g->nblocks; b++)
			for (int i = 0; i < g->blocks[b]->nev; i++) {
				const struct ir_event *e = g->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->lhs && e->lhs->kind == PATH_ARROW && e->lhs->name &&
				    !strcmp(e->lhs->name, "vm_pgoff"))
					return 1;
			}
	}
	return 0;
}

static int func_mentions(const struct ir_func *g, const char *word, int in_conds_only)
{
	for (int b = 0; b < g->nblocks; b++) {
		const struct ir_block *bb = g->blocks[b];
		if (bb->cond.text && strstr(bb->cond.text, word))
			return 1;
		if (in_conds_only)
			continue;
		for (int i = 0; i < bb->nev; i++) {
			const struct ir_event *e = bb->ev[i];
			if (e->rhs.text && strstr(e->rhs.text, word))
				return 1;
			for (int a = 0; a < e->nargs; a++)
				if (e->args[a].text && strstr(e->args[a].text, word))
					return 1;
		}
	}
	return 0;
}

static int mentions_extent(const char *t, const char *const *locals, int nl)
{
	static const char *const words[] = { "vm_pgoff", "vm_end", "vma_pages", "vm_start" };
	if (!t)
		return 0;
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (strstr(t, words[i]))
			return 1;
	for (int i = 0; i < nl; i++)
		if (find_tok(t, locals[i]))
			return 1;
	return 0;
}

/* does g test the extent of the VMA (its offset or size), directly or through a local (len = vm_end - vm_start)? */
static int tests_vma_extent(const struct ir_func *g)
{
	const char *locals[MAX_TAINT];
	int nl = 0;
	for (int round = 0, changed = 1; changed && round < 4; round++) {
		changed = 0;
		for (int b = 0; b < g->nblocks; b++)
			for (int i = 0; i < g->blocks[b]->nev; i++) {
				const struct ir_event *e = g->blocks[b]->ev[i];
				if (e->kind == EV_ASSIGN && e->lhs && e->lhs->kind == PATH_VAR && e->lhs->is_local &&
				    nl < MAX_TAINT && !in_set(locals, nl, e->lhs->name) && mentions_extent(e->rhs.text, locals, nl)) {
					locals[nl++] = e->lhs->name;
					changed = 1;
				}
			}
	}
	for (int b = 0; b < g->nblocks; b++)
		if (mentions_extent(g->blocks[b]->cond.text, locals, nl))
			return 1;
	return 0;
}

static int calls_func(const struct ir_func *g, const char *name)
{
	for (int i = 0; i < g->ncalls; i++)
		if (g->calls[i]->callee && !strcmp(g->calls[i]->callee, name))
			return 1;
	return 0;
}

/* does the source text take &var somewhere (an installer the IR may have missed)? */
static int text_installs(const struct source *src, const char *var)
{
	size_t n = strlen(var);
	for (const char *p = src->text ? strchr(src->text, '&') : NULL; p; p = strchr(p + 1, '&')) {
		const char *q = p + 1;
		while (*q == ' ' || *q == '\t')
			q++;
		if (!strncmp(q, var, n) && !is_id(q[n]))
			return 1;
	}
	return 0;
}

/*
 * Is the handler's VMA bounded elsewhere: every vm_operations_struct naming
 * it is handed to a core that bounds the VMA (entry kind vm-ops-bounded), or
 * installed (X->vm_ops = &ops) only by same-file functions that set
 * VM_DONTEXPAND and, themselves, a caller, or an mmap entry, test the VMA's extent.
 */
static int vma_bounded_elsewhere(const struct fctx *c)
{
	const struct ir_unit *u = &c->u->ir;
	int nops = 0, nok = 0;
	for (int i = 0; i < u->ninits; i++) {
		const struct ir_init *in = &u->inits[i];
		if (strcmp(in->stype, "vm_operations_struct") || strcmp(in->value, c->root))
			continue;
		nops++;
		const char *k = entry_kind(c->m, u, in->var, NULL);
		if (k && !strcmp(k, "vm-ops-bounded")) {
			nok++;
			continue;
		}
		int installers = 0, good = 0;
		for (int fi = 0; fi < u->nfuncs; fi++) {
			const struct ir_func *g = u->funcs[fi];
			int installs = 0;
			for (int b = 0; b < g->nblocks && !installs; b++)
				for (int j = 0; j < g->blocks[b]->nev; j++) {
					const struct ir_event *e = g->blocks[b]->ev[j];
					if (e->kind == EV_ASSIGN && e->lhs && e->lhs->name && !strcmp(e->lhs->name, "vm_ops") &&
					    e->rhs.kind == VAL_ADDR && e->rhs.path && !strcmp(e->rhs.path->name, in->var)) {
						installs = 1;
						break;
					}
				}
			if (!installs)
				continue;
			installers++;
			if (!func_mentions(g, "VM_DONTEXPAND", 0))
				continue;
			int tested = tests_vma_extent(g);
			for (int fj = 0; fj < u->nfuncs && !tested; fj++) {
				const struct ir_func *h = u->funcs[fj];
				if ((calls_func(h, g->name) || entry_is(c->m, u, h->name, "mmap")) && tests_vma_extent(h))
					tested = 1;
			}
			good += tested;
		}
		if (installers && installers == good)
			nok++;
		else if (!installers && text_installs(&c->u->src, in->var) && strstr(c->u->src.text, "VM_DONTEXPAND"))
			nok++;  /* installed by code the parser could not follow: unknown */
	}
	return nops && nops == nok;
}

static void check_range(struct fctx *c)
{
	const struct ir_func *f = c->f;
	int reported = 0, dbl = 0;
	int may_rebase = -1;
	for (int b = 0; b < f->nblocks && !(reported && dbl); b++) {
		const struct ir_block *bb = f->blocks[b];
		for (int i = 0; i < bb->nev && !(reported && dbl); i++) {
			const struct ir_event *e = bb->ev[i];
			/* vmf->pgoff + vma->vm_pgoff */
			if (!dbl) {
				const char *t = NULL;
				if ((e->kind == EV_ASSIGN || e->kind == EV_RETURN) && double_offset(c, e->rhs.text))
					t = e->rhs.text;
				for (int a = 0; !t && e->kind == EV_CALL && a < e->nargs; a++)
					if (double_offset(c, e->args[a].text))
						t = e->args[a].text;
				if (t) {
					if (may_rebase < 0)
						may_rebase = unit_sets_vm_pgoff(&c->u->ir);
					if (!may_rebase)
						unit_report(c->u, "fault-range-unchecked", f, e->start, e->end,
							    "'%s' counts the VMA's offset twice: %s already includes vma->vm_pgoff",
							    t, c->pgoff);
					dbl = 1;
				}
			}
			if (reported)
				continue;
			const struct ir_val *arg = NULL;
			const struct ir_path *idx = NULL;
			if (e->kind == EV_CALL)
				arg = tainted_arg(c, e);
			else if ((e->kind == EV_READ || e->kind == EV_WRITE || e->kind == EV_ADDR) && e->lhs)
				idx = tainted_index(c, e->lhs);
			if (!arg && !idx)
				continue;
			if (checked_on_all_paths(c, b, i))
				continue;
			if (vma_bounded_elsewhere(c)) {
				reported = 1;  /* nothing to report in this handler */
				continue;
			}
			if (arg)
				unit_report(c->u, "fault-range-unchecked", f, e->start, e->end,
						 "%s() of '%s', an offset the user chooses, with no check against the size of the backing object; return VM_FAULT_SIGBUS when %s is out of range",
						 e->callee, show(arg->text), c->pgoff);
			else
				unit_report(c->u, "fault-range-unchecked", f, e->start, e->end,
						 "'%s' indexes with '%s', an offset the user chooses, with no check against the size of the array; return VM_FAULT_SIGBUS when %s is out of range",
						 show(e->lhs->text), idx->name, c->pgoff);
			reported = 1;
		}
	}
}

/* ---- fault-page-refcount ---- */

enum pclass { PC_UNKNOWN, PC_UNREF, PC_REF };

static const struct ir_func *func_named(const struct ir_unit *u, const char *name)
{
	for (int i = 0; name && i < u->nfuncs; i++)
		if (!strcmp(u->funcs[i]->name, name))
			return u->funcs[i];
	return NULL;
}

static int null_val(const struct ir_val *v)
{
	return (v->kind == VAL_INT && v->ival == 0) || (v->text && !strcmp(v->text, "NULL"));
}

/* a value of g that is an unreferenced page: a page.lookup call or a page read from driver memory */
static int unref_in(const struct ir_func *g, const struct ir_val *v, int depth)
{
	if (v->kind == VAL_CALL && v->call >= 0 && v->call < g->ncalls) {
		const struct model_fn *r = model_fn_role(g->calls[v->call]->model, ROLE_PAGE_LOOKUP);
		return r && !r->derived;
	}
	if (v->kind == VAL_PATH && v->path && v->path->kind != PATH_VAR && ir_path_derefs(v->path))
		return 1;
	if (depth < 3 && v->kind == VAL_PATH && v->path && v->path->kind == PATH_VAR && v->path->is_local) {
		int n = 0, all = 1;
		for (int b = 0; b < g->nblocks; b++)
			for (int i = 0; i < g->blocks[b]->nev; i++) {
				const struct ir_event *e = g->blocks[b]->ev[i];
				if (e->kind != EV_ASSIGN || e->lhs != v->path || null_val(&e->rhs))
					continue;
				n++;
				all &= unref_in(g, &e->rhs, depth + 1);
			}
		return n && all;
	}
	return 0;
}

/*
 * A same-file helper that returns a page it takes no reference for: every
 * non-NULL return is an unreferenced page, and it calls no page.get or
 * page.ref-lookup function.
 */
static int helper_returns_unref(const struct ir_unit *u, const char *name)
{
	const struct ir_func *g = func_named(u, name);
	if (!g || checks_calls_role(g, ROLE_PAGE_GET) || checks_calls_role(g, ROLE_PAGE_REF_LOOKUP))
		return 0;
	int n = 0;
	for (int b = 0; b < g->nblocks; b++)
		for (int i = 0; i < g->blocks[b]->nev; i++) {
			const struct ir_event *e = g->blocks[b]->ev[i];
			if (e->kind != EV_RETURN || null_val(&e->rhs))
				continue;
			if (!unref_in(g, &e->rhs, 0))
				return 0;
			n++;
		}
	return n > 0;
}

static enum pclass classify_page(const struct fctx *c, const struct ir_val *v)
{
	if (v->kind == VAL_CALL && v->call >= 0 && v->call < c->f->ncalls) {
		const struct ir_event *e = c->f->calls[v->call];
		if (model_fn_role(e->model, ROLE_PAGE_REF_LOOKUP))
			return PC_REF;
		const struct model_fn *r = model_fn_role(e->model, ROLE_PAGE_LOOKUP);
		if (r && !r->derived)
			return PC_UNREF;
		if (e->callee && helper_returns_unref(&c->u->ir, e->callee))
			return PC_UNREF;
		return PC_UNKNOWN;
	}
	if (v->kind == VAL_PATH && v->path && v->path->kind != PATH_VAR && ir_path_derefs(v->path) &&
	    v->path->root != c->vmf)
		return PC_UNREF;  /* a page the driver keeps: d->pages[i], ctx->page */
	return PC_UNKNOWN;
}

/* the value is a word of class cls, or an OR of such words */
static int ret_words(const struct fctx *c, const char *t, const char *cls)
{
	for (const char *p = t; p && *p;) {
		while (*p && !is_id(*p))
			p++;
		const char *s = p;
		while (is_id(*p))
			p++;
		const char *k = p > s ? model_word_class(c->m, s, (size_t)(p - s)) : NULL;
		if (k && !strcmp(k, cls))
			return 1;
	}
	return 0;
}

static int const_page_return(const struct fctx *c, const struct ir_val *v)
{
	if (v->kind == VAL_INT)
		return v->ival == 0;
	if (!v->text || v->kind == VAL_CALL)
		return 0;
	return ret_words(c, v->text, "fault.page") && !ret_words(c, v->text, "fault.no-page");
}

/* does this return hand vmf->page back to the core (0, VM_FAULT_LOCKED, or a local that may hold one)? */
static int page_return(const struct fctx *c, const struct ir_val *v)
{
	if (const_page_return(c, v))
		return 1;
	if (v->kind != VAL_PATH || !v->path || v->path->kind != PATH_VAR || !v->path->is_local)
		return 0;
	const struct ir_func *f = c->f;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs == v->path && e->op && !strcmp(e->op, "=") &&
			    const_page_return(c, &e->rhs))
				return 1;
		}
	return 0;
}

static int is_vmf_page(const struct fctx *c, const struct ir_path *p)
{
	return p && p->kind == PATH_ARROW && p->parent == c->vmf && p->name && !strcmp(p->name, "page");
}

/* state bits of the walk for one vmf->page assignment */
#define S_UNREF   0x01  /* the tracked local holds an unreferenced page */
#define S_GOT     0x02  /* ... and a reference was taken since */
#define S_ANYGET  0x04  /* some reference was taken on this path */
#define S_PEND    0x08  /* vmf->page holds an unreferenced page */
#define S_N       16

/* get_page() and friends, or a same-file helper that calls one (a "pin" wrapper) */
static int takes_reference(const struct fctx *c, const struct ir_event *e)
{
	if (model_fn_role(e->model, ROLE_PAGE_GET))
		return 1;
	const struct ir_func *g = e->callee ? func_named(&c->u->ir, e->callee) : NULL;
	return g && g != c->f && checks_calls_role(g, ROLE_PAGE_GET);
}

/* walk from the entry: is there a path through a (with its page unreferenced) to a page-returning return? */
static int leaks_unreferenced(const struct fctx *c, const struct ir_event *a)
{
	const struct ir_func *f = c->f;
	const struct ir_path *track = a->rhs.kind == VAL_PATH && a->rhs.path && a->rhs.path->kind == PATH_VAR &&
		a->rhs.path->is_local ? a->rhs.path : NULL;
	int n = f->nblocks;
	if (n <= 0)
		return 0;
	char *seen = calloc((size_t)n * S_N, 1);
	int *wb = malloc(sizeof(int) * (size_t)n * S_N), *ws = malloc(sizeof(int) * (size_t)n * S_N);
	int sp = 0, found = 0;
	if (!seen || !wb || !ws)
		goto out;
	wb[sp] = 0;
	ws[sp++] = 0;
	seen[0] = 1;
	while (sp && !found) {
		sp--;
		int b = wb[sp], st = ws[sp];
		const struct ir_block *bb = f->blocks[b];
		for (int i = 0; i < bb->nev && !found; i++) {
			const struct ir_event *e = bb->ev[i];
			if (e == a) {
				enum pclass pc;
				if (track)
					pc = (st & S_UNREF) && !(st & S_GOT) ? PC_UNREF : PC_UNKNOWN;
				else
					pc = (st & S_ANYGET) ? PC_UNKNOWN : classify_page(c, &a->rhs);
				st = pc == PC_UNREF ? (st | S_PEND) : (st & ~S_PEND);
			} else if (e->kind == EV_ASSIGN && track && e->lhs == track) {
				st &= ~(S_UNREF | S_GOT);
				if (e->op && !strcmp(e->op, "=") && classify_page(c, &e->rhs) == PC_UNREF)
					st |= S_UNREF;
			} else if (e->kind == EV_ASSIGN && is_vmf_page(c, e->lhs)) {
				st &= ~S_PEND;  /* another assignment replaces it */
			} else if (e->kind == EV_CALL && takes_reference(c, e)) {
				st |= S_GOT | S_ANYGET;
				st &= ~S_PEND;
			} else if (e->kind == EV_RETURN && (st & S_PEND) && page_return(c, &e->rhs)) {
				found = 1;
			}
		}
		if (found)
			break;
		for (int k = 0; k < bb->nsucc; k++) {
			int s = bb->succ[k];
			if (s < 0 || s >= n || seen[s * S_N + st])
				continue;
			seen[s * S_N + st] = 1;
			wb[sp] = s;
			ws[sp++] = st;
		}
	}
out:
	free(seen);
	free(wb);
	free(ws);
	return found;
}

/* the single definition of local v in f, or NULL */
static const struct ir_event *single_def(const struct ir_func *f, const struct ir_path *v)
{
	const struct ir_event *def = NULL;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind == EV_ASSIGN && e->lhs == v) {
				if (def)
					return NULL;
				def = e;
			}
		}
	return def;
}

static const struct ir_event *call_of(const struct ir_func *f, const struct ir_val *v)
{
	return v && v->kind == VAL_CALL && v->call >= 0 && v->call < f->ncalls ? f->calls[v->call] : NULL;
}

/*
 * The memory a vmf->page value is looked up in: for vmf->page = virt_to_page(d->buf + off)
 * (directly or through single-definition locals) the path d->buf; *offset
 * says whether an offset is added (the page may be a tail page). NULL when unknown.
 */
static const struct ir_path *page_memory(const struct fctx *c, const struct ir_val *v, int *offset)
{
	const struct ir_func *f = c->f;
	for (int depth = 0; v && depth < 4; depth++) {
		if (v->kind == VAL_PATH && v->path && v->path->kind == PATH_VAR && v->path->is_local) {
			const struct ir_event *d = single_def(f, v->path);
			v = d ? &d->rhs : NULL;
			continue;
		}
		if (v->kind == VAL_OTHER && (v->flags & VALF_ARITH) && v->base) {
			*offset = 1;  /* d->pages + n: struct page pointer arithmetic */
			return v->base;
		}
		const struct ir_event *e = call_of(f, v);
		const struct model_fn *r = e ? model_fn_role(e->model, ROLE_PAGE_LOOKUP) : NULL;
		if (!r || r->derived || r->slot.buf < 0 || r->slot.buf >= e->nargs)
			return NULL;
		if (r->slot.off >= 0 && r->slot.off < e->nargs &&
		    !(e->args[r->slot.off].kind == VAL_INT && e->args[r->slot.off].ival == 0))
			*offset = 1;
		const struct ir_val *a = &e->args[r->slot.buf];
		for (int d2 = 0; a && d2 < 4; d2++) {
			if (a->kind == VAL_OTHER && (a->flags & VALF_ARITH) && a->base) {
				*offset = 1;
				return a->base;
			}
			if (a->kind == VAL_PATH && a->path && a->path->kind == PATH_VAR && a->path->is_local) {
				const struct ir_event *d = single_def(f, a->path);
				a = d ? &d->rhs : NULL;
				continue;
			}
			return a->kind == VAL_PATH ? a->path : NULL;
		}
		return NULL;
	}
	return NULL;
}

static int unit_calls_word(const struct unit *u, const char *cls)
{
	for (int i = 0; i < u->ir.nfuncs; i++)
		for (int j = 0; j < u->ir.funcs[i]->ncalls; j++) {
			const char *n = u->ir.funcs[i]->calls[j]->callee;
			const char *k = n ? model_word_class(&u->s->model, n, strlen(n)) : NULL;
			if (k && !strcmp(k, cls))
				return 1;
		}
	return 0;
}

/*
 * How the unit allocates the struct member named like the last step of p
 * (X->buf = __get_free_pages(...), directly or through a local): a call
 * with role pages.alloc or slab.alloc, or NULL. *in gets the function.
 */
static const struct ir_event *member_alloc(const struct unit *u, const struct ir_path *p, const struct ir_func **in)
{
	const struct ir_event *found = NULL;
	if (!p || (p->kind != PATH_ARROW && p->kind != PATH_DOT) || !p->name)
		return NULL;
	for (int i = 0; i < u->ir.nfuncs; i++) {
		const struct ir_func *g = u->ir.funcs[i];
		for (int b = 0; b < g->nblocks; b++)
			for (int j = 0; j < g->blocks[b]->nev; j++) {
				const struct ir_event *e = g->blocks[b]->ev[j];
				if (e->kind != EV_ASSIGN || !e->lhs || (e->lhs->kind != PATH_ARROW && e->lhs->kind != PATH_DOT) ||
				    !e->lhs->name || strcmp(e->lhs->name, p->name))
					continue;
				const struct ir_val *v = &e->rhs;
				if (v->kind == VAL_PATH && v->path && v->path->kind == PATH_VAR && v->path->is_local) {
					const struct ir_event *d = single_def(g, v->path);
					v = d ? &d->rhs : NULL;
				}
				const struct ir_event *call = call_of(g, v);
				if (!call || !call->model)
					continue;
				int slab = model_fn_role(call->model, ROLE_SLAB_ALLOC) != NULL;
				int pages = model_fn_role(call->model, ROLE_PAGES_ALLOC) != NULL;
				if (!slab && !pages) {
					if (model_fn_role(call->model, ROLE_ALLOC))
						return NULL;  /* also allocated some other way: not known */
					continue;
				}
				if (found && (model_fn_role(found->model, ROLE_SLAB_ALLOC) != NULL) != slab)
					return NULL;
				if (!found) {
					found = call;
					*in = g;
				}
			}
	}
	return found;
}

/* vmf->page = a tail page of a non-compound high-order allocation, or a slab page: report and return 1 */
static int bad_page_kind(struct fctx *c, const struct ir_event *a)
{
	int offset = 0;
	const struct ir_path *mem = page_memory(c, &a->rhs, &offset);
	const struct ir_func *in = NULL;
	const struct ir_event *al = member_alloc(c->u, mem, &in);
	if (!al)
		return 0;
	if (model_fn_role(al->model, ROLE_SLAB_ALLOC)) {
		struct dmc_finding *fd = unit_report(c->u, "fault-page-refcount", c->f, a->start, a->end,
			"vmf->page is the slab page of '%s', allocated with %s(): a slab page is shared with other objects and must not be mapped into user space; allocate whole pages (alloc_page(), vmalloc_user())",
			show(mem->text), al->callee);
		unit_note(c->u, fd, al->start, "'%s' is allocated here", show(mem->text));
		return 1;
	}
	const struct model_fn *r = model_fn_role(al->model, ROLE_PAGES_ALLOC);
	if (!r || !offset || r->slot.count < 0 || r->slot.count >= al->nargs)
		return 0;
	const struct ir_val *order = &al->args[r->slot.count];
	if (order->kind == VAL_INT && order->ival == 0)
		return 0;
	if (r->slot.gfp >= 0 && r->slot.gfp < al->nargs && ret_words(c, al->args[r->slot.gfp].text, "gfp.compound"))
		return 0;
	if (unit_calls_word(c->u, "page.split"))
		return 0;
	struct dmc_finding *fd = unit_report(c->u, "fault-page-refcount", c->f, a->start, a->end,
		"vmf->page may be a tail page of '%s', a %s() allocation of order '%s' without __GFP_COMP: tail pages have no reference count of their own (get_page() on them is a bug); allocate with __GFP_COMP or split_page() the block",
		show(mem->text), al->callee, order->text ? order->text : "?");
	unit_note(c->u, fd, al->start, "'%s' is allocated here", show(mem->text));
	return 1;
}

static void check_refcount(struct fctx *c)
{
	const struct ir_func *f = c->f;
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			if (e->kind != EV_ASSIGN || !is_vmf_page(c, e->lhs) || !e->op || strcmp(e->op, "="))
				continue;
			if (bad_page_kind(c, e))
				return;
			if (e->rhs.kind != VAL_PATH && e->rhs.kind != VAL_CALL)
				continue;
			if (!leaks_unreferenced(c, e))
				continue;
			unit_report(c->u, "fault-page-refcount", f, e->start, e->end,
				    "vmf->page is set to '%s' without a reference of its own; call get_page() before returning it, or the page is freed while still mapped",
				    show(e->rhs.text));
			return;
		}
}

/* ---- driver ---- */

/* is f called from another function of the unit (a helper, left to its caller)? */
static const struct ir_func *caller_of(const struct ir_unit *u, const struct ir_func *f)
{
	for (int i = 0; i < u->nfuncs; i++)
		if (u->funcs[i] != f && calls_func(u->funcs[i], f->name))
			return u->funcs[i];
	return NULL;
}

/*
 * f is a helper (called from same-file functions). Returns -1 when it is not
 * analysed (a caller is no fault handler, or a helper itself), 1 when every
 * call is reached only through a test of the position in its caller or the
 * caller's VMA is bounded elsewhere, 0 otherwise; *root gets the caller.
 */
static int helper_prechecked(struct unit *u, const struct ir_func *f, const char **root)
{
	const struct model *m = &u->s->model;
	int all = 1, ncallers = 0;
	for (int i = 0; i < u->ir.nfuncs; i++) {
		const struct ir_func *g = u->ir.funcs[i];
		if (g == f || !calls_func(g, f->name))
			continue;
		ncallers++;
		const struct ir_path *gv = entry_vmf_param(g);
		const char *gk = entry_kind(m, &u->ir, g->name, NULL);
		if (!gv || !gv->name || (gk && strcmp(gk, "fault")) || (!gk && caller_of(&u->ir, g)))
			return -1;
		struct fctx gc = { .u = u, .f = g, .m = m, .vmf = gv, .root = g->name };
		*root = g->name;
		compute_taint(&gc);
		if (vma_bounded_elsewhere(&gc))
			return 1;
		for (int b = 0; b < g->nblocks && all; b++)
			for (int j = 0; j < g->blocks[b]->nev; j++) {
				const struct ir_event *e = g->blocks[b]->ev[j];
				if (e->kind == EV_CALL && e->callee && !strcmp(e->callee, f->name) && !checked_on_all_paths(&gc, b, j)) {
					all = 0;
					break;
				}
			}
	}
	return ncallers ? all : -1;
}

void check_fault(struct unit *u, const struct ir_func *f)
{
	const struct ir_path *vmf = entry_vmf_param(f);
	if (!vmf || !vmf->name)
		return;
	const struct model *m = &u->s->model;
	const struct ir_init *via = NULL;
	const char *kind = entry_kind(m, &u->ir, f->name, &via);
	if (kind && strcmp(kind, "fault"))
		return;
	/* page_mkwrite / pfn_mkwrite get an existing page: no lookup, no vmf->page */
	if (kind && via && via->field && strcmp(via->field, "fault") && strcmp(via->field, "huge_fault"))
		return;
	struct fctx c = { .u = u, .f = f, .m = m, .vmf = vmf, .root = f->name };
	const struct ir_func *caller = kind ? NULL : caller_of(&u->ir, f);
	if (!caller || !checks_calls_role(caller, ROLE_PAGE_GET))
		check_refcount(&c);
	if (caller && helper_prechecked(u, f, &c.root) != 0)
		return;
	compute_taint(&c);
	check_range(&c);
}
