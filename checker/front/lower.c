/*
 * lower.c - tree-sitter CST -> IR (basic blocks, edges, events).
 *
 * Handled: function definitions; declarations; if/else, while, do, for,
 * switch/case/default with fall-through, break/continue, goto/labels,
 * return; `#if`/`#ifdef` inside functions as a branch with an unknown
 * condition; iterator macros (rewritten to `while` by kmacro.c) as loops
 * with an EV_ITER event; && || ! in conditions as control flow.
 * Expressions become CALL/ASSIGN/READ/WRITE events and ir_val operands.
 *
 * Not handled (degrades to "unknown", never fails): function pointers as
 * callees (callee NULL), statement expressions, computed goto, setjmp;
 * `?:` and `&&`/`||` in value context evaluate all operands in order.
 * ERROR nodes: their statement and expression children are lowered as if
 * they stood alone, and the function is marked partial.
 */
#include "lower.h"
#include "../model/model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LOOP_DEPTH 64

struct label {
	const char *name;
	int block;
};

struct lower {
	struct ir_unit *u;
	const struct source *src;
	const struct cst_lang *cl;
	const struct model *m;
	struct ir_func *f;
	struct ir_block *cur;        /* NULL while the code is unreachable */
	int brk[MAX_LOOP_DEPTH], cont[MAX_LOOP_DEPTH];
	int nbrk, ncont;
	struct label *labels;
	int nlabels, caplabels;
	const char **locals;         /* interned names declared in the function */
	int nlocals, caplocals;
	int error_nodes;
	int depth;                   /* expression recursion guard */
};

/* ---------- small helpers ---------- */

static TSNode field(const struct lower *L, TSNode n, TSFieldId id)
{
	return ts_node_child_by_field_id(n, id);
}

static enum cst_kind kind(const struct lower *L, TSNode n)
{
	return ts_node_is_null(n) ? CK_OTHER : cst_kind(L->cl, n);
}

static const char *intern_range(struct lower *L, uint32_t s, uint32_t e)
{
	return strtab_intern(L->u->strs, L->src->text + s, e - s);
}

/* node text with whitespace dropped except between identifier characters */
static const char *norm_text(struct lower *L, TSNode n)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	if (e - s > 200)
		e = s + 200;
	char buf[256];
	size_t o = 0;
	const char *t = L->src->text;
	for (uint32_t i = s; i < e && o < sizeof(buf) - 1; i++) {
		unsigned char c = (unsigned char)t[i];
		if (isspace(c)) {
			if (o && (isalnum((unsigned char)buf[o - 1]) || buf[o - 1] == '_') &&
			    i + 1 < e && (isalnum((unsigned char)t[i + 1]) || t[i + 1] == '_'))
				buf[o++] = ' ';
			continue;
		}
		buf[o++] = (char)c;
	}
	return strtab_intern(L->u->strs, buf, o);
}

static void pos(const struct lower *L, uint32_t off, int *line, int *col)
{
	source_pos(L->src, off, line, col);
}

static struct ir_event *add_event(struct lower *L, enum ev_kind k, TSNode n)
{
	if (!L->cur)
		L->cur = ir_block_new(L->u, L->f);  /* unreachable code gets a block of its own */
	struct ir_event *e = ir_block_add_event(L->u, L->cur);
	e->kind = k;
	e->start = ts_node_start_byte(n);
	e->end = ts_node_end_byte(n);
	pos(L, e->start, &e->line, &e->col);
	return e;
}

static int is_local(struct lower *L, const char *name)
{
	for (int i = L->nlocals - 1; i >= 0; i--)
		if (L->locals[i] == name)
			return 1;
	return 0;
}

static void add_local(struct lower *L, const char *name)
{
	if (L->nlocals == L->caplocals) {
		int nc = L->caplocals ? L->caplocals * 2 : 32;
		L->locals = xrealloc(L->locals, (size_t)nc * sizeof(*L->locals));
		L->caplocals = nc;
	}
	L->locals[L->nlocals++] = name;
}

static int is_upper_ident(const char *s)
{
	int has_alpha = 0;
	for (; *s; s++) {
		if (islower((unsigned char)*s))
			return 0;
		has_alpha |= isupper((unsigned char)*s);
	}
	return has_alpha;
}

/* ---------- blocks and edges ---------- */

static struct ir_block *new_block(struct lower *L)
{
	return ir_block_new(L->u, L->f);
}

static void goto_block(struct lower *L, int target)
{
	if (!L->cur)
		return;
	L->cur->term = T_GOTO;
	ir_block_add_succ(L->u, L->cur, target);
	L->cur = NULL;
}

/* finish the current block with a jump to a new block and continue there */
static struct ir_block *start_block(struct lower *L)
{
	struct ir_block *b = new_block(L);
	goto_block(L, b->id);
	L->cur = b;
	return b;
}

static int label_block(struct lower *L, const char *name)
{
	for (int i = 0; i < L->nlabels; i++)
		if (L->labels[i].name == name)
			return L->labels[i].block;
	if (L->nlabels == L->caplabels) {
		int nc = L->caplabels ? L->caplabels * 2 : 8;
		L->labels = xrealloc(L->labels, (size_t)nc * sizeof(*L->labels));
		L->caplabels = nc;
	}
	struct ir_block *b = new_block(L);
	L->labels[L->nlabels++] = (struct label){ name, b->id };
	return b->id;
}

/* ---------- expressions ---------- */

static struct ir_val lower_expr(struct lower *L, TSNode n);
static void lower_stmt(struct lower *L, TSNode n);
static struct ir_val other_val(struct lower *L, TSNode n);

static const struct ir_path *var_path(struct lower *L, TSNode id)
{
	uint32_t s = ts_node_start_byte(id), e = ts_node_end_byte(id);
	const char *name = intern_range(L, s, e);
	int local = is_local(L, name);
	int param = 0;
	if (local)
		for (int i = 0; i < L->f->nparams; i++)
			if (L->f->params[i]->name == name)
				param = 1;
	return ir_path_var(L->u, name, local, param);
}

/*
 * The access path an lvalue-ish expression denotes, lowering its
 * sub-expressions (indices, calls in bases) as it goes. NULL when it is not
 * a path (e.g. the result of a call); *base_val then has what it is.
 */
static const struct ir_path *lower_path(struct lower *L, TSNode n, struct ir_val *base_val)
{
	switch (kind(L, n)) {
	case CK_identifier:
		return var_path(L, n);
	case CK_parenthesized_expression: {
		TSNode inner = ts_node_named_child(n, 0);
		return ts_node_is_null(inner) ? NULL : lower_path(L, inner, base_val);
	}
	case CK_cast_expression:
		return lower_path(L, field(L, n, L->cl->f_value), base_val);
	case CK_field_expression: {
		TSNode arg = field(L, n, L->cl->f_argument);
		TSNode fld = field(L, n, L->cl->f_field);
		TSNode op = field(L, n, L->cl->f_operator);
		if (ts_node_is_null(arg) || ts_node_is_null(fld))
			return NULL;
		struct ir_val bv = { 0 };
		const struct ir_path *p = lower_path(L, arg, &bv);
		if (!p && bv.kind == VAL_OTHER && bv.base)
			p = bv.base;  /* (buf + 4)->x ~ buf->x */
		if (!p)
			return NULL;
		int arrow = !ts_node_is_null(op) &&
			    L->src->text[ts_node_start_byte(op)] == '-';
		const char *fname = intern_range(L, ts_node_start_byte(fld), ts_node_end_byte(fld));
		return ir_path_step(L->u, p, arrow ? PATH_ARROW : PATH_DOT, fname);
	}
	case CK_subscript_expression: {
		TSNode arg = field(L, n, L->cl->f_argument);
		TSNode idx = field(L, n, L->cl->f_index);
		if (ts_node_is_null(arg))
			return NULL;
		struct ir_val bv = { 0 };
		const struct ir_path *p = lower_path(L, arg, &bv);
		if (!p && bv.base)
			p = bv.base;
		if (!ts_node_is_null(idx))
			lower_expr(L, idx);
		if (!p)
			return NULL;
		const char *itext = ts_node_is_null(idx) ? "" : norm_text(L, idx);
		return ir_path_step(L->u, p, PATH_INDEX, itext);
	}
	case CK_pointer_expression: {
		TSNode op = field(L, n, L->cl->f_operator);
		TSNode arg = field(L, n, L->cl->f_argument);
		if (ts_node_is_null(arg) || ts_node_is_null(op) || L->src->text[ts_node_start_byte(op)] != '*')
			break;
		struct ir_val v = lower_expr(L, arg);
		const struct ir_path *p = v.kind == VAL_PATH ? v.path : v.base;
		if (v.kind == VAL_ADDR)
			return v.path;  /* *&x == x */
		return p ? ir_path_step(L->u, p, PATH_DEREF, NULL) : NULL;
	}
	default:
		break;
	}
	if (base_val)
		*base_val = lower_expr(L, n);
	else
		lower_expr(L, n);
	return NULL;
}

static struct ir_val val_of_path(struct lower *L, TSNode n, const struct ir_path *p)
{
	struct ir_val v = { .kind = VAL_PATH, .path = p };
	v.start = ts_node_start_byte(n);
	v.end = ts_node_end_byte(n);
	v.text = norm_text(L, n);
	if (p->kind == PATH_VAR) {
		v.flags |= VALF_IDENT;
		if (!p->is_local && is_upper_ident(p->name))
			v.flags |= VALF_CONST;
	}
	return v;
}

static struct ir_val lower_call(struct lower *L, TSNode n)
{
	TSNode fn = field(L, n, L->cl->f_function);
	TSNode args = field(L, n, L->cl->f_arguments);
	const char *callee = NULL;
	if (kind(L, fn) == CK_identifier)
		callee = intern_range(L, ts_node_start_byte(fn), ts_node_end_byte(fn));
	else if (!ts_node_is_null(fn))
		lower_expr(L, fn);  /* ops->fn(...): evaluate the pointer */

	/* ARRAY_SIZE(x), sizeof_field(T, f): like sizeof, the arguments are not evaluated */
	if (callee && model_fn_role(model_fn_find(L->m, callee, strlen(callee)), ROLE_UNEVALUATED)) {
		struct ir_val v = other_val(L, n);
		v.flags |= VALF_CONST;
		return v;
	}
	uint32_t nargs = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
	struct ir_val *av = nargs ? arena_alloc(L->u->arena, nargs * sizeof(*av)) : NULL;
	int na = 0;
	for (uint32_t i = 0; i < nargs; i++) {
		TSNode a = ts_node_named_child(args, i);
		if (kind(L, a) == CK_comment)
			continue;
		av[na++] = lower_expr(L, a);
	}
	struct ir_event *e = add_event(L, EV_CALL, n);
	e->callee = callee;
	e->args = av;
	e->nargs = na;
	e->model = callee ? model_fn_find(L->m, callee, strlen(callee)) : NULL;
	ir_func_add_call(L->u, L->f, e);
	struct ir_val v = { .kind = VAL_CALL, .call = e->call };
	v.start = e->start;
	v.end = e->end;
	v.text = norm_text(L, n);
	return v;
}

static struct ir_val other_val(struct lower *L, TSNode n)
{
	struct ir_val v = { .kind = VAL_OTHER };
	v.start = ts_node_start_byte(n);
	v.end = ts_node_end_byte(n);
	v.text = norm_text(L, n);
	return v;
}

static struct ir_val lower_expr_inner(struct lower *L, TSNode n)
{
	const struct cst_lang *cl = L->cl;
	switch (kind(L, n)) {
	case CK_identifier:
	case CK_field_expression:
	case CK_subscript_expression: {
		struct ir_val bv = { 0 };
		const struct ir_path *p = lower_path(L, n, &bv);
		if (!p)
			return other_val(L, n);
		if (ir_path_derefs(p)) {
			struct ir_event *e = add_event(L, EV_READ, n);
			e->lhs = p;
		}
		return val_of_path(L, n, p);
	}
	case CK_number_literal: {
		struct ir_val v = other_val(L, n);
		char *end;
		long long x = strtoll(v.text, &end, 0);
		v.flags |= VALF_CONST;
		if (*end == 0 || strspn(end, "uUlL") == strlen(end)) {
			v.kind = VAL_INT;
			v.ival = x;
		}
		return v;
	}
	case CK_true: case CK_false: case CK_null: case CK_char_literal: {
		struct ir_val v = other_val(L, n);
		v.flags |= VALF_CONST;
		return v;
	}
	case CK_sizeof_expression: case CK_alignof_expression: case CK_offsetof_expression: {
		struct ir_val v = other_val(L, n);
		v.flags |= VALF_CONST;
		return v;
	}
	case CK_parenthesized_expression: {
		TSNode inner = ts_node_named_child(n, 0);
		if (ts_node_is_null(inner))
			return other_val(L, n);
		struct ir_val v = lower_expr(L, inner);
		return v;
	}
	case CK_cast_expression: {
		struct ir_val v = lower_expr(L, field(L, n, cl->f_value));
		TSNode ty = field(L, n, cl->f_type);
		struct ir_event *e = add_event(L, EV_CAST, n);
		e->op = ts_node_is_null(ty) ? "?" : norm_text(L, ty);
		e->rhs = v;
		return v;  /* a cast does not change which object a value denotes */
	}
	case CK_call_expression:
		return lower_call(L, n);
	case CK_pointer_expression: {
		TSNode op = field(L, n, cl->f_operator);
		TSNode arg = field(L, n, cl->f_argument);
		if (!ts_node_is_null(op) && L->src->text[ts_node_start_byte(op)] == '&') {
			struct ir_val bv = { 0 };
			const struct ir_path *p = lower_path(L, arg, &bv);
			struct ir_val v = other_val(L, n);
			if (p) {
				v.kind = VAL_ADDR;
				v.path = p;
				struct ir_event *e = add_event(L, EV_ADDR, n);
				e->lhs = p;
			}
			return v;
		}
		const struct ir_path *p = lower_path(L, n, NULL);
		if (!p)
			return other_val(L, n);
		struct ir_event *e = add_event(L, EV_READ, n);
		e->lhs = p;
		return val_of_path(L, n, p);
	}
	case CK_assignment_expression: {
		TSNode lhs = field(L, n, cl->f_left);
		TSNode rhs = field(L, n, cl->f_right);
		TSNode op = field(L, n, cl->f_operator);
		struct ir_val rv = ts_node_is_null(rhs) ? (struct ir_val){ 0 } : lower_expr(L, rhs);
		const struct ir_path *p = ts_node_is_null(lhs) ? NULL : lower_path(L, lhs, NULL);
		const char *ops = ts_node_is_null(op) ? "=" : intern_range(L, ts_node_start_byte(op), ts_node_end_byte(op));
		if (p && ops[0] != '=' && ir_path_derefs(p)) {
			struct ir_event *r = add_event(L, EV_READ, lhs);
			r->lhs = p;
		}
		struct ir_event *e = add_event(L, EV_ASSIGN, n);
		e->lhs = p;
		e->op = ops;
		e->rhs = rv;
		if (p && ir_path_derefs(p)) {
			struct ir_event *w = add_event(L, EV_WRITE, lhs);
			w->lhs = p;
			w->rhs = rv;  /* what is stored (a zero marker is not "filling" a buffer) */
		}
		/* a = b = NULL: the value is the constant, which later tests can use */
		if (ops[0] == '=' && !ops[1] && (rv.flags & VALF_CONST))
			return rv;
		return p ? val_of_path(L, lhs, p) : other_val(L, n);
	}
	case CK_update_expression: {
		TSNode arg = field(L, n, cl->f_argument);
		const struct ir_path *p = ts_node_is_null(arg) ? NULL : lower_path(L, arg, NULL);
		if (p) {
			if (ir_path_derefs(p)) {
				struct ir_event *r = add_event(L, EV_READ, arg);
				r->lhs = p;
			}
			struct ir_event *e = add_event(L, EV_ASSIGN, n);
			e->lhs = p;
			TSNode op = field(L, n, cl->f_operator);
			e->op = !ts_node_is_null(op) && L->src->text[ts_node_start_byte(op)] == '-' ? "--" : "++";
			e->rhs = other_val(L, n);
			if (ir_path_derefs(p)) {
				struct ir_event *w = add_event(L, EV_WRITE, arg);
				w->lhs = p;
			}
		}
		return other_val(L, n);
	}
	case CK_binary_expression: {
		TSNode l = field(L, n, cl->f_left), r = field(L, n, cl->f_right);
		TSNode op = field(L, n, cl->f_operator);
		struct ir_val lv = ts_node_is_null(l) ? (struct ir_val){ 0 } : lower_expr(L, l);
		struct ir_val rv = ts_node_is_null(r) ? (struct ir_val){ 0 } : lower_expr(L, r);
		struct ir_val v = other_val(L, n);
		if ((lv.flags & VALF_CONST) && (rv.flags & VALF_CONST))
			v.flags |= VALF_CONST;
		char c = ts_node_is_null(op) ? 0 : L->src->text[ts_node_start_byte(op)];
		uint32_t oplen = ts_node_is_null(op) ? 0 : ts_node_end_byte(op) - ts_node_start_byte(op);
		if ((c == '+' || c == '-') && oplen == 1) {
			const struct ir_path *b = lv.kind == VAL_PATH ? lv.path : lv.base;
			if (!b && c == '+')
				b = rv.kind == VAL_PATH ? rv.path : rv.base;
			if (b) {
				v.base = b;
				v.flags |= VALF_ARITH;
			} else if (lv.kind == VAL_CALL || (lv.kind == VAL_OTHER && lv.inner)) {
				struct ir_val *in = arena_alloc(L->u->arena, sizeof(*in));
				*in = lv;
				v.inner = in;  /* virt_to_phys(p) + off */
				v.flags |= VALF_ARITH;
			}
		} else if ((c == '>' || c == '<') && oplen == 2 && L->src->text[ts_node_start_byte(op) + 1] == c &&
			   rv.text && !strcmp(rv.text, "PAGE_SHIFT") && lv.kind != VAL_NONE) {
			struct ir_val *in = arena_alloc(L->u->arena, sizeof(*in));
			*in = lv;
			v.inner = in;
			v.flags |= c == '>' ? VALF_SHR : VALF_SHL;
		}
		return v;
	}
	case CK_unary_expression: {
		struct ir_val a = lower_expr(L, field(L, n, cl->f_argument));
		struct ir_val v = other_val(L, n);
		v.flags |= a.flags & VALF_CONST;
		return v;
	}
	case CK_conditional_expression: {
		lower_expr(L, field(L, n, cl->f_condition));
		TSNode c = field(L, n, cl->f_consequence);
		if (!ts_node_is_null(c))
			lower_expr(L, c);
		lower_expr(L, field(L, n, cl->f_alternative));
		return other_val(L, n);
	}
	case CK_comma_expression: {
		lower_expr(L, field(L, n, cl->f_left));
		return lower_expr(L, field(L, n, cl->f_right));
	}
	case CK_ERROR:
		L->error_nodes++;
		L->f->partial = 1;
		/* evaluate what is inside */
		__attribute__((fallthrough));
	case CK_compound_literal_expression:
	case CK_initializer_list:
	case CK_initializer_pair:
	case CK_argument_list:
	case CK_generic_expression: {
		uint32_t nc = ts_node_named_child_count(n);
		for (uint32_t i = 0; i < nc; i++) {
			TSNode c = ts_node_named_child(n, i);
			enum cst_kind k = kind(L, c);
			if (k == CK_field_identifier || k == CK_comment || k == CK_OTHER)
				continue;
			lower_expr(L, c);
		}
		return other_val(L, n);
	}
	default:
		return other_val(L, n);
	}
}

static struct ir_val lower_expr(struct lower *L, TSNode n)
{
	if (ts_node_is_null(n))
		return (struct ir_val){ 0 };
	if (L->depth > 200)
		return other_val(L, n);
	L->depth++;
	struct ir_val v = lower_expr_inner(L, n);
	L->depth--;
	return v;
}

/* ---------- conditions ---------- */

static int is_zero_literal(struct lower *L, TSNode n)
{
	enum cst_kind k = kind(L, n);
	if (k == CK_null)
		return 1;
	if (k == CK_identifier) {
		uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
		return e - s == 4 && memcmp(L->src->text + s, "NULL", 4) == 0;
	}
	if (k == CK_number_literal) {
		const char *t = L->src->text + ts_node_start_byte(n);
		return t[0] == '0' && !isalnum((unsigned char)t[1]) && t[1] != 'x' && t[1] != '.';
	}
	if (k == CK_parenthesized_expression || k == CK_cast_expression) {
		TSNode inner = k == CK_cast_expression ? field(L, n, L->cl->f_value) : ts_node_named_child(n, 0);
		return !ts_node_is_null(inner) && is_zero_literal(L, inner);
	}
	return 0;
}

static void branch(struct lower *L, struct ir_val v, enum cond_test test, int t, int f)
{
	if (!L->cur)
		L->cur = new_block(L);
	L->cur->term = T_BRANCH;
	L->cur->cond = v;
	L->cur->test = test;
	ir_block_add_succ(L->u, L->cur, t);
	ir_block_add_succ(L->u, L->cur, f);
	L->cur = NULL;
}

static void lower_cond(struct lower *L, TSNode n, int t, int f)
{
	const struct cst_lang *cl = L->cl;
	if (L->depth > 200) {
		branch(L, other_val(L, n), COND_OPAQUE, t, f);
		return;
	}
	L->depth++;
	switch (kind(L, n)) {
	case CK_parenthesized_expression: {
		TSNode inner = ts_node_named_child(n, 0);
		if (!ts_node_is_null(inner) && kind(L, inner) != CK_comment) {
			lower_cond(L, inner, t, f);
			L->depth--;
			return;
		}
		break;
	}
	case CK_unary_expression: {
		TSNode op = field(L, n, cl->f_operator);
		if (!ts_node_is_null(op) && L->src->text[ts_node_start_byte(op)] == '!') {
			lower_cond(L, field(L, n, cl->f_argument), f, t);
			L->depth--;
			return;
		}
		break;
	}
	case CK_binary_expression: {
		TSNode op = field(L, n, cl->f_operator);
		TSNode l = field(L, n, cl->f_left), r = field(L, n, cl->f_right);
		if (ts_node_is_null(op) || ts_node_is_null(l) || ts_node_is_null(r))
			break;
		uint32_t os = ts_node_start_byte(op), oe = ts_node_end_byte(op);
		char o[3] = { 0 };
		memcpy(o, L->src->text + os, oe - os < 2 ? oe - os : 2);
		if (!strcmp(o, "&&") || !strcmp(o, "||")) {
			struct ir_block *mid = new_block(L);
			if (o[0] == '&')
				lower_cond(L, l, mid->id, f);
			else
				lower_cond(L, l, t, mid->id);
			L->cur = mid;
			lower_cond(L, r, t, f);
			L->depth--;
			return;
		}
		int lz = is_zero_literal(L, l), rz = is_zero_literal(L, r);
		if (lz || rz) {
			TSNode x = rz ? r : l;
			x = rz ? l : r;
			struct ir_val v = lower_expr(L, x);
			/* normalise to "x OP 0" */
			if (lz && !rz) {
				if (!strcmp(o, "<")) strcpy(o, ">");
				else if (!strcmp(o, ">")) strcpy(o, "<");
				else if (!strcmp(o, "<=")) strcpy(o, ">=");
				else if (!strcmp(o, ">=")) strcpy(o, "<=");
			}
			if (!strcmp(o, "=="))
				branch(L, v, COND_NONZERO, f, t);
			else if (!strcmp(o, "!=") || !strcmp(o, ">") )
				branch(L, v, !strcmp(o, ">") ? COND_LE0 : COND_NONZERO,
				       !strcmp(o, ">") ? f : t, !strcmp(o, ">") ? t : f);
			else if (!strcmp(o, "<"))
				branch(L, v, COND_NEG, t, f);
			else if (!strcmp(o, ">="))
				branch(L, v, COND_NEG, f, t);
			else if (!strcmp(o, "<="))
				branch(L, v, COND_LE0, t, f);
			else
				branch(L, v, COND_OPAQUE, t, f);
			L->depth--;
			return;
		}
		break;
	}
	case CK_call_expression: {
		TSNode fn = field(L, n, cl->f_function);
		TSNode args = field(L, n, cl->f_arguments);
		if (kind(L, fn) == CK_identifier && !ts_node_is_null(args) &&
		    ts_node_named_child_count(args) == 1) {
			uint32_t s = ts_node_start_byte(fn), e = ts_node_end_byte(fn);
			const struct model_fn *mf = model_fn_find(L->m, L->src->text + s, e - s);
			if (model_fn_role(mf, ROLE_COND_WRAPPER)) {
				lower_cond(L, ts_node_named_child(args, 0), t, f);
				L->depth--;
				return;
			}
		}
		break;
	}
	case CK_comma_expression:
		lower_expr(L, field(L, n, cl->f_left));
		lower_cond(L, field(L, n, cl->f_right), t, f);
		L->depth--;
		return;
	default:
		break;
	}
	struct ir_val v = lower_expr(L, n);
	branch(L, v, COND_NONZERO, t, f);
	L->depth--;
}

/* ---------- statements ---------- */

static TSNode declarator_name(struct lower *L, TSNode d)
{
	for (int guard = 0; guard < 16 && !ts_node_is_null(d); guard++) {
		switch (kind(L, d)) {
		case CK_identifier:
			return d;
		case CK_pointer_declarator:
		case CK_array_declarator:
		case CK_function_declarator:
		case CK_parenthesized_declarator:
		case CK_attributed_declarator:
		case CK_init_declarator: {
			TSNode inner = field(L, d, L->cl->f_declarator);
			if (ts_node_is_null(inner))
				inner = ts_node_named_child(d, 0);
			d = inner;
			break;
		}
		default:
			return (TSNode){ 0 };
		}
	}
	return (TSNode){ 0 };
}

/* append src[s..e) to buf with whitespace folded to single spaces */
static size_t fold_text(const char *src, uint32_t s, uint32_t e, char *buf, size_t o, size_t cap)
{
	int space = o > 0;
	for (uint32_t i = s; i < e && o < cap - 4; i++) {
		unsigned char c = (unsigned char)src[i];
		if (isspace(c)) {
			space = o > 0;
			continue;
		}
		if (space && buf[o - 1] != '*' && buf[o - 1] != ' ')
			buf[o++] = ' ';
		space = 0;
		buf[o++] = (char)c;
	}
	return o;
}

/*
 * The declared type of name, declared by declarator d in a declaration
 * (parameter, field) decl whose first declarator starts at first: the text
 * of decl up to its first declarator (qualifiers and annotations such as
 * const and __iomem are kept) plus d's own text up to the name ('*'s), and
 * "[]" for arrays. "static" and other storage classes are kept as written.
 */
static const char *decl_type(struct lower *L, TSNode decl, TSNode first, TSNode d, TSNode name)
{
	if (ts_node_is_null(decl) || ts_node_is_null(name) || ts_node_is_null(first) || ts_node_is_null(d))
		return NULL;
	uint32_t s = ts_node_start_byte(decl), e = ts_node_start_byte(first);
	if (e < s || e - s > 200 || ts_node_start_byte(name) < ts_node_start_byte(d))
		return NULL;
	char buf[256];
	size_t o = fold_text(L->src->text, s, e, buf, 0, sizeof(buf));
	o = fold_text(L->src->text, ts_node_start_byte(d), ts_node_start_byte(name), buf, o, sizeof(buf));
	while (o && buf[o - 1] == ' ')
		o--;
	for (TSNode q = d; !ts_node_is_null(q) && q.id != name.id; q = field(L, q, L->cl->f_declarator))
		if (kind(L, q) == CK_array_declarator && o < sizeof(buf) - 3) {
			buf[o++] = '[';
			buf[o++] = ']';
			break;
		}
	return strtab_intern(L->u->strs, buf, o);
}

static void add_typed_local(struct lower *L, const struct ir_path *var, const char *type, int is_param)
{
	struct ir_func *f = L->f;
	if (f->nlocals == f->caplocals) {
		int nc = f->caplocals ? f->caplocals * 2 : 8;
		struct ir_local *n = arena_alloc(L->u->arena, (size_t)nc * sizeof(*n));
		if (f->nlocals)
			memcpy(n, f->locals, (size_t)f->nlocals * sizeof(*n));
		f->locals = n;
		f->caplocals = nc;
	}
	f->locals[f->nlocals++] = (struct ir_local){ var, type, is_param };
}

static void lower_declaration(struct lower *L, TSNode n)
{
	TSNode first = field(L, n, L->cl->f_declarator);  /* the first declarator */
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode d = ts_node_named_child(n, i);
		if (ts_node_child_by_field_id(n, L->cl->f_type).id == d.id)
			continue;
		enum cst_kind k = kind(L, d);
		if (k == CK_init_declarator) {
			TSNode name = declarator_name(L, field(L, d, L->cl->f_declarator));
			TSNode val = field(L, d, L->cl->f_value);
			struct ir_val v = lower_expr(L, val);
			if (ts_node_is_null(name))
				continue;
			add_local(L, intern_range(L, ts_node_start_byte(name), ts_node_end_byte(name)));
			struct ir_event *e = add_event(L, EV_ASSIGN, d);
			e->lhs = var_path(L, name);
			e->op = "=";
			e->rhs = v;
			add_typed_local(L, e->lhs, decl_type(L, n, first, field(L, d, L->cl->f_declarator), name), 0);
		} else if (k == CK_identifier || k == CK_pointer_declarator || k == CK_array_declarator) {
			TSNode name = declarator_name(L, d);
			if (ts_node_is_null(name))
				continue;
			add_local(L, intern_range(L, ts_node_start_byte(name), ts_node_end_byte(name)));
			struct ir_event *e = add_event(L, EV_DECL, d);
			e->lhs = var_path(L, name);
			add_typed_local(L, e->lhs, decl_type(L, n, first, d, name), 0);
		}
	}
}

static void lower_children(struct lower *L, TSNode n, uint32_t from)
{
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = from; i < nc; i++)
		lower_stmt(L, ts_node_named_child(n, i));
}

/* while (1), do { } while (1), for (;true;): the loop is left only by break/return/goto */
static int const_true(struct lower *L, TSNode c)
{
	while (!ts_node_is_null(c) && kind(L, c) == CK_parenthesized_expression)
		c = ts_node_named_child(c, 0);
	if (ts_node_is_null(c))
		return 0;
	if (kind(L, c) == CK_true)
		return 1;
	if (kind(L, c) != CK_number_literal)
		return 0;
	uint32_t s = ts_node_start_byte(c), e = ts_node_end_byte(c);
	for (uint32_t o = s; o < e; o++)
		if (L->src->text[o] != '0')
			return L->src->text[o] >= '1' && L->src->text[o] <= '9';
	return 0;
}

static void lower_loop(struct lower *L, TSNode n, enum cst_kind k)
{
	const struct cst_lang *cl = L->cl;
	if (L->nbrk >= MAX_LOOP_DEPTH || L->ncont >= MAX_LOOP_DEPTH)
		return;
	struct ir_block *exit = new_block(L);
	if (k == CK_for_statement) {
		TSNode init = field(L, n, cl->f_initializer);
		if (!ts_node_is_null(init)) {
			if (kind(L, init) == CK_declaration)
				lower_declaration(L, init);
			else
				lower_expr(L, init);
		}
	}
	struct ir_block *head = start_block(L);
	struct ir_block *body = new_block(L);
	struct ir_block *cont = head;
	TSNode cond = field(L, n, cl->f_condition);
	TSNode bnode = field(L, n, cl->f_body);
	const struct src_iter *it = k == CK_while_statement ? source_iter_at(L->src, ts_node_start_byte(n)) : NULL;

	if (k == CK_for_statement)
		cont = new_block(L);
	if (k == CK_do_statement) {
		/* body first, then the condition */
		goto_block(L, body->id);
		cont = new_block(L);
	} else if (it) {
		/* iterator macro: an EV_ITER event, then an unknown-condition loop */
		struct ir_event *e = add_event(L, EV_ITER, n);
		e->callee = strtab_intern(L->u->strs, it->name, strlen(it->name));
		e->model = it->fn;
		TSNode p = cond;
		if (kind(L, p) == CK_parenthesized_expression)
			p = ts_node_named_child(p, 0);
		/* flatten the comma expression into arguments, without evaluating them */
		struct ir_val av[16];
		int na = 0;
		while (!ts_node_is_null(p) && kind(L, p) == CK_comma_expression && na < 15) {
			TSNode l = field(L, p, cl->f_left);
			struct ir_val v = other_val(L, l);
			struct ir_val bv = { 0 };
			const struct ir_path *pp = (kind(L, l) == CK_identifier || kind(L, l) == CK_field_expression)
				? lower_path(L, l, &bv) : NULL;
			if (pp) {
				v.kind = VAL_PATH;
				v.path = pp;
			}
			av[na++] = v;
			p = field(L, p, cl->f_right);
		}
		if (!ts_node_is_null(p)) {
			struct ir_val v = other_val(L, p);
			if (kind(L, p) == CK_identifier || kind(L, p) == CK_field_expression) {
				const struct ir_path *pp = lower_path(L, p, NULL);
				if (pp) {
					v.kind = VAL_PATH;
					v.path = pp;
				}
			}
			av[na++] = v;
		}
		e->args = arena_alloc(L->u->arena, (size_t)(na ? na : 1) * sizeof(*av));
		memcpy(e->args, av, (size_t)na * sizeof(*av));
		e->nargs = na;
		if (!ts_node_is_null(bnode)) {
			e->body_start = ts_node_start_byte(bnode);
			e->body_end = ts_node_end_byte(bnode);
		}
		branch(L, other_val(L, n), COND_OPAQUE, body->id, exit->id);
	} else if (!ts_node_is_null(cond) && !const_true(L, cond)) {
		lower_cond(L, cond, body->id, exit->id);
	} else {
		goto_block(L, body->id);
	}

	L->brk[L->nbrk++] = exit->id;
	L->cont[L->ncont++] = cont->id;
	L->cur = body;
	if (!ts_node_is_null(bnode))
		lower_stmt(L, bnode);
	goto_block(L, cont->id);
	L->nbrk--;
	L->ncont--;

	if (k == CK_for_statement) {
		L->cur = cont;
		TSNode upd = field(L, n, cl->f_update);
		if (!ts_node_is_null(upd))
			lower_expr(L, upd);
		goto_block(L, head->id);
	} else if (k == CK_do_statement) {
		L->cur = cont;
		if (!ts_node_is_null(cond) && const_true(L, cond))
			goto_block(L, body->id);
		else if (!ts_node_is_null(cond))
			lower_cond(L, cond, body->id, exit->id);
		else
			goto_block(L, exit->id);
		/* head is an empty block in front of the body */
		if (!head->nsucc) {
			head->term = T_GOTO;
			ir_block_add_succ(L->u, head, body->id);
		}
	}
	L->cur = exit;
}

static void lower_switch(struct lower *L, TSNode n)
{
	const struct cst_lang *cl = L->cl;
	if (L->nbrk >= MAX_LOOP_DEPTH)
		return;
	struct ir_val v = lower_expr(L, field(L, n, cl->f_condition));
	if (!L->cur)
		L->cur = new_block(L);
	struct ir_block *sw = L->cur;
	sw->term = T_SWITCH;
	sw->cond = v;            /* the switched value (test stays COND_OPAQUE) */
	L->cur = NULL;
	struct ir_block *exit = new_block(L);
	int has_default = 0;
	L->brk[L->nbrk++] = exit->id;
	TSNode body = field(L, n, cl->f_body);
	uint32_t nc = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode c = ts_node_named_child(body, i);
		if (kind(L, c) == CK_case_statement) {
			struct ir_block *cb = new_block(L);
			goto_block(L, cb->id);   /* fall-through from the previous case */
			ir_block_add_succ(L->u, sw, cb->id);
			L->cur = cb;
			TSNode val = field(L, c, cl->f_value);
			if (ts_node_is_null(val))
				has_default = 1;
			uint32_t cc = ts_node_named_child_count(c);
			for (uint32_t j = 0; j < cc; j++) {
				TSNode s = ts_node_named_child(c, j);
				if (!ts_node_is_null(val) && s.id == val.id)
					continue;
				lower_stmt(L, s);
			}
		} else {
			lower_stmt(L, c);
		}
	}
	if (!has_default)
		ir_block_add_succ(L->u, sw, exit->id);
	goto_block(L, exit->id);
	L->nbrk--;
	L->cur = exit;
}

/* #if/#ifdef inside a function: the kept part and the alternative are two paths */
static void lower_preproc(struct lower *L, TSNode n)
{
	TSNode alt = field(L, n, L->cl->f_alternative);
	struct ir_block *a = new_block(L), *b = new_block(L), *join = new_block(L);
	branch(L, other_val(L, n), COND_OPAQUE, a->id, b->id);
	L->cur = a;
	/* #if 0: dead code (examples, disabled paths) is not analysed */
	TSNode cond = field(L, n, L->cl->f_condition);
	int dead = !ts_node_is_null(cond) && kind(L, cond) == CK_number_literal &&
		   ts_node_end_byte(cond) - ts_node_start_byte(cond) == 1 && L->src->text[ts_node_start_byte(cond)] == '0';
	uint32_t nc = dead ? 0 : ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (!ts_node_is_null(alt) && c.id == alt.id)
			continue;
		if (ts_node_child_by_field_id(n, L->cl->f_name).id == c.id ||
		    ts_node_child_by_field_id(n, L->cl->f_condition).id == c.id)
			continue;
		lower_stmt(L, c);
	}
	goto_block(L, join->id);
	L->cur = b;
	if (!ts_node_is_null(alt)) {
		enum cst_kind k = kind(L, alt);
		if (k == CK_preproc_elif || k == CK_preproc_elifdef)
			lower_preproc(L, alt);
		else
			lower_children(L, alt, 0);
	}
	goto_block(L, join->id);
	L->cur = join;
}

static void lower_return(struct lower *L, TSNode n, int implicit)
{
	struct ir_val v = { 0 };
	TSNode val = implicit ? (TSNode){ 0 } : ts_node_named_child(n, 0);
	if (!ts_node_is_null(val) && kind(L, val) != CK_comment)
		v = lower_expr(L, val);
	struct ir_event *e = add_event(L, EV_RETURN, n);
	if (implicit) {
		/* the closing brace */
		e->start = ts_node_end_byte(n) ? ts_node_end_byte(n) - 1 : 0;
		e->end = e->start + 1;
		pos(L, e->start, &e->line, &e->col);
		e->flags |= EVF_IMPLICIT;
	}
	e->rhs = v;
	L->cur->term = T_RETURN;
	L->cur = NULL;
}

static void lower_stmt(struct lower *L, TSNode n)
{
	const struct cst_lang *cl = L->cl;
	if (ts_node_is_null(n))
		return;
	if (L->depth > 200)
		return;
	L->depth++;
	switch (kind(L, n)) {
	case CK_compound_statement:
		lower_children(L, n, 0);
		break;
	case CK_declaration:
		lower_declaration(L, n);
		break;
	case CK_expression_statement: {
		TSNode e = ts_node_named_child(n, 0);
		if (!ts_node_is_null(e)) {
			struct ir_val v = lower_expr(L, e);
			if (v.kind == VAL_CALL)
				L->f->calls[v.call]->flags |= EVF_RESULT_UNUSED;
		}
		break;
	}
	case CK_if_statement: {
		struct ir_block *tb = new_block(L), *fb = new_block(L), *join = new_block(L);
		lower_cond(L, field(L, n, cl->f_condition), tb->id, fb->id);
		L->cur = tb;
		lower_stmt(L, field(L, n, cl->f_consequence));
		goto_block(L, join->id);
		L->cur = fb;
		TSNode alt = field(L, n, cl->f_alternative);
		if (!ts_node_is_null(alt))
			lower_children(L, alt, 0);
		goto_block(L, join->id);
		L->cur = join;
		break;
	}
	case CK_while_statement:
	case CK_do_statement:
	case CK_for_statement:
		lower_loop(L, n, kind(L, n));
		break;
	case CK_switch_statement:
		lower_switch(L, n);
		break;
	case CK_break_statement:
		if (L->nbrk)
			goto_block(L, L->brk[L->nbrk - 1]);
		break;
	case CK_continue_statement:
		if (L->ncont)
			goto_block(L, L->cont[L->ncont - 1]);
		break;
	case CK_return_statement:
		if (!L->cur)
			L->cur = new_block(L);
		lower_return(L, n, 0);
		break;
	case CK_goto_statement: {
		TSNode lab = field(L, n, cl->f_label);
		if (!ts_node_is_null(lab))
			goto_block(L, label_block(L, intern_range(L, ts_node_start_byte(lab), ts_node_end_byte(lab))));
		break;
	}
	case CK_labeled_statement: {
		TSNode lab = field(L, n, cl->f_label);
		if (!ts_node_is_null(lab)) {
			int b = label_block(L, intern_range(L, ts_node_start_byte(lab), ts_node_end_byte(lab)));
			goto_block(L, b);
			L->cur = L->f->blocks[b];
		}
		uint32_t nc = ts_node_named_child_count(n);
		for (uint32_t i = 0; i < nc; i++) {
			TSNode c = ts_node_named_child(n, i);
			if (!ts_node_is_null(lab) && c.id == lab.id)
				continue;
			lower_stmt(L, c);
		}
		break;
	}
	case CK_attributed_statement:
		lower_children(L, n, 0);
		break;
	case CK_preproc_if:
	case CK_preproc_ifdef:
		lower_preproc(L, n);
		break;
	case CK_ERROR: {
		L->error_nodes++;
		L->f->partial = 1;
		uint32_t nc = ts_node_named_child_count(n);
		for (uint32_t i = 0; i < nc; i++)
			lower_stmt(L, ts_node_named_child(n, i));
		break;
	}
	case CK_comment: case CK_preproc_call: case CK_preproc_def: case CK_preproc_function_def:
	case CK_preproc_include: case CK_type_definition: case CK_struct_specifier:
	case CK_statement_identifier: case CK_primitive_type: case CK_OTHER:
		break;
	case CK_function_definition:
		break;  /* nested functions are not C */
	default:
		/* an expression where a statement stands (error recovery) */
		lower_expr(L, n);
		break;
	}
	L->depth--;
}

/* ---------- functions ---------- */

static void collect_params(struct lower *L, TSNode decl)
{
	/* find the function_declarator (possibly under pointer declarators) */
	TSNode fd = decl;
	for (int g = 0; g < 8 && !ts_node_is_null(fd) && kind(L, fd) != CK_function_declarator; g++)
		fd = field(L, fd, L->cl->f_declarator);
	if (ts_node_is_null(fd))
		return;
	TSNode params = field(L, fd, L->cl->f_parameters);
	uint32_t nc = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
	const struct ir_path **ps = nc ? arena_alloc(L->u->arena, nc * sizeof(*ps)) : NULL;
	int np = 0;
	for (uint32_t i = 0; i < nc; i++) {
		TSNode p = ts_node_named_child(params, i);
		if (kind(L, p) != CK_parameter_declaration)
			continue;
		TSNode name = declarator_name(L, field(L, p, L->cl->f_declarator));
		if (ts_node_is_null(name))
			continue;
		const char *nm = intern_range(L, ts_node_start_byte(name), ts_node_end_byte(name));
		add_local(L, nm);
		ps[np++] = ir_path_var(L->u, nm, 1, 1);
		TSNode pd = field(L, p, L->cl->f_declarator);
		add_typed_local(L, ps[np - 1], decl_type(L, p, pd, pd, name), 1);
	}
	L->f->params = ps;
	L->f->nparams = np;
}

static void lower_function(struct lower *L, TSNode n)
{
	TSNode decl = field(L, n, L->cl->f_declarator);
	TSNode body = field(L, n, L->cl->f_body);
	if (ts_node_is_null(body))
		return;
	TSNode fd = decl;
	int ptr_ret = 0;
	for (int g = 0; g < 8 && !ts_node_is_null(fd) && kind(L, fd) != CK_function_declarator; g++) {
		ptr_ret |= kind(L, fd) == CK_pointer_declarator;
		fd = field(L, fd, L->cl->f_declarator);
	}
	TSNode name = ts_node_is_null(fd) ? fd : declarator_name(L, field(L, fd, L->cl->f_declarator));
	struct ir_func *f = arena_alloc(L->u->arena, sizeof(*f));
	f->name = ts_node_is_null(name) ? "<anonymous>"
		: intern_range(L, ts_node_start_byte(name), ts_node_end_byte(name));
	f->start = ts_node_start_byte(n);
	f->end = ts_node_end_byte(n);
	pos(L, f->start, &f->line, &(int){ 0 });
	pos(L, f->end ? f->end - 1 : 0, &f->end_line, &(int){ 0 });
	TSNode type = field(L, n, L->cl->f_type);
	f->returns_void = !ptr_ret && !ts_node_is_null(type) &&
		ts_node_end_byte(type) - ts_node_start_byte(type) == 4 &&
		memcmp(L->src->text + ts_node_start_byte(type), "void", 4) == 0;
	if (!ts_node_is_null(type) && ts_node_end_byte(type) - ts_node_start_byte(type) < 80)
		f->ret_type = ptr_ret ? "*" : intern_range(L, ts_node_start_byte(type), ts_node_end_byte(type));

	L->f = f;
	L->nlocals = 0;
	L->nlabels = 0;
	L->nbrk = L->ncont = 0;
	L->depth = 0;
	L->cur = new_block(L);
	collect_params(L, decl);
	lower_stmt(L, body);
	if (L->cur)
		lower_return(L, body, 1);

	if (L->u->nfuncs == L->u->capfuncs) {
		int nc = L->u->capfuncs ? L->u->capfuncs * 2 : 16;
		struct ir_func **nf = arena_alloc(L->u->arena, (size_t)nc * sizeof(*nf));
		if (L->u->nfuncs)
			memcpy(nf, L->u->funcs, (size_t)L->u->nfuncs * sizeof(*nf));
		L->u->funcs = nf;
		L->u->capfuncs = nc;
	}
	L->u->funcs[L->u->nfuncs++] = f;
}

/* fields of a struct/union with a body: tag, name and declared type */
static void collect_fields(struct lower *L, TSNode spec, int depth)
{
	TSNode body = field(L, spec, L->cl->f_body);
	TSNode name = field(L, spec, L->cl->f_name);
	if (ts_node_is_null(body) || ts_node_is_null(name) || depth > 4)
		return;
	const char *kw = L->src->text[ts_node_start_byte(spec)] == 'u' ? "union" : "struct";
	char tagbuf[160];
	uint32_t ns = ts_node_start_byte(name), ne = ts_node_end_byte(name);
	snprintf(tagbuf, sizeof(tagbuf), "%s %.*s", kw, (int)(ne - ns < 120 ? ne - ns : 120), L->src->text + ns);
	const char *tag = strtab_intern(L->u->strs, tagbuf, strlen(tagbuf));
	struct ir_unit *u = L->u;
	uint32_t nc = ts_node_named_child_count(body);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode fd = ts_node_named_child(body, i);
		if (ts_node_type(fd)[0] != 'f' || strcmp(ts_node_type(fd), "field_declaration"))
			continue;
		TSNode ty = field(L, fd, L->cl->f_type);
		if (kind(L, ty) == CK_struct_specifier)
			collect_fields(L, ty, depth + 1);  /* a nested named struct */
		TSNode d = field(L, fd, L->cl->f_declarator);
		TSNode fname = d;
		for (int g = 0; g < 8 && !ts_node_is_null(fname) && strcmp(ts_node_type(fname), "field_identifier"); g++) {
			TSNode inner = field(L, fname, L->cl->f_declarator);
			fname = ts_node_is_null(inner) ? ts_node_named_child(fname, 0) : inner;
		}
		if (ts_node_is_null(fname) || strcmp(ts_node_type(fname), "field_identifier"))
			continue;
		if (u->nfields == u->capfields) {
			int ncap = u->capfields ? u->capfields * 2 : 16;
			struct ir_field *nf = arena_alloc(u->arena, (size_t)ncap * sizeof(*nf));
			if (u->nfields)
				memcpy(nf, u->fields, (size_t)u->nfields * sizeof(*nf));
			u->fields = nf;
			u->capfields = ncap;
		}
		int line, col;
		pos(L, ts_node_start_byte(fd), &line, &col);
		u->fields[u->nfields++] = (struct ir_field){
			tag, intern_range(L, ts_node_start_byte(fname), ts_node_end_byte(fname)),
			decl_type(L, fd, d, d, fname), line };
	}
}

static void add_init(struct lower *L, const char *stype, const char *var, const char *fieldp,
		     TSNode value)
{
	struct ir_unit *u = L->u;
	if (u->ninits == u->capinits) {
		int ncap = u->capinits ? u->capinits * 2 : 16;
		struct ir_init *ni = arena_alloc(u->arena, (size_t)ncap * sizeof(*ni));
		if (u->ninits)
			memcpy(ni, u->inits, (size_t)u->ninits * sizeof(*ni));
		u->inits = ni;
		u->capinits = ncap;
	}
	int line, col;
	pos(L, ts_node_start_byte(value), &line, &col);
	u->inits[u->ninits++] = (struct ir_init){
		stype, var, strtab_intern(u->strs, fieldp, strlen(fieldp)),
		intern_range(L, ts_node_start_byte(value), ts_node_end_byte(value)), line };
}

/* { .mmap = foo_mmap, .ops = { .fault = foo_fault } }: designated function names */
static void collect_inits(struct lower *L, const char *stype, const char *var, TSNode list,
			  const char *prefix, int depth)
{
	uint32_t nc = ts_node_named_child_count(list);
	for (uint32_t i = 0; i < nc && depth < 4; i++) {
		TSNode pair = ts_node_named_child(list, i);
		if (kind(L, pair) != CK_initializer_pair)
			continue;
		char path[128];
		size_t o = 0;
		if (prefix[0])
			o = (size_t)snprintf(path, sizeof(path), "%s", prefix);
		path[o] = 0;
		int ok = 0;
		TSNode value = field(L, pair, L->cl->f_value);
		uint32_t pc = ts_node_named_child_count(pair);
		for (uint32_t k = 0; k < pc; k++) {
			TSNode d = ts_node_named_child(pair, k);
			if (ts_node_eq(d, value) || strcmp(ts_node_type(d), "field_designator"))
				continue;
			TSNode id = ts_node_named_child(d, 0);
			uint32_t s = ts_node_start_byte(id), e = ts_node_end_byte(id);
			if (ts_node_is_null(id) || e - s > 60 || o + (e - s) + 2 >= sizeof(path))
				break;
			o += (size_t)snprintf(path + o, sizeof(path) - o, "%s%.*s", o ? "." : "",
					      (int)(e - s), L->src->text + s);
			ok = 1;
		}
		if (!ok || ts_node_is_null(value))
			continue;
		enum cst_kind vk = kind(L, value);
		if (vk == CK_pointer_expression && ts_node_named_child_count(value) == 1)
			value = ts_node_named_child(value, 0), vk = kind(L, value);  /* .x = &foo_fn */
		if (vk == CK_identifier)
			add_init(L, stype, var, path, value);
		else if (vk == CK_initializer_list)
			collect_inits(L, stype, var, value, path, depth + 1);
	}
}

/* file-scope variables: static u8 fw_cmd[64]; struct foo global_foo; */
static void collect_globals(struct lower *L, TSNode n)
{
	TSNode first = field(L, n, L->cl->f_declarator);
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode d = ts_node_named_child(n, i);
		enum cst_kind k = kind(L, d);
		if (k != CK_init_declarator && k != CK_identifier && k != CK_pointer_declarator && k != CK_array_declarator)
			continue;
		TSNode dd = k == CK_init_declarator ? field(L, d, L->cl->f_declarator) : d;
		TSNode name = declarator_name(L, dd);
		if (ts_node_is_null(name))
			continue;
		struct ir_unit *u = L->u;
		if (u->nglobals == u->capglobals) {
			int ncap = u->capglobals ? u->capglobals * 2 : 16;
			struct ir_local *ng = arena_alloc(u->arena, (size_t)ncap * sizeof(*ng));
			if (u->nglobals)
				memcpy(ng, u->globals, (size_t)u->nglobals * sizeof(*ng));
			u->globals = ng;
			u->capglobals = ncap;
		}
		const char *nm = intern_range(L, ts_node_start_byte(name), ts_node_end_byte(name));
		u->globals[u->nglobals++] = (struct ir_local){ ir_path_var(u, nm, 0, 0), decl_type(L, n, first, dd, name), 0 };
		TSNode ty = field(L, n, L->cl->f_type), init = k == CK_init_declarator ? field(L, d, L->cl->f_value) : d;
		if (k == CK_init_declarator && kind(L, ty) == CK_struct_specifier && kind(L, init) == CK_initializer_list) {
			TSNode tag = field(L, ty, L->cl->f_name);
			if (!ts_node_is_null(tag))
				collect_inits(L, intern_range(L, ts_node_start_byte(tag), ts_node_end_byte(tag)), nm,
					      init, "", 0);
		}
	}
}

/* struct definitions anywhere under a top-level declaration */
static void find_structs(struct lower *L, TSNode n, int depth)
{
	if (depth > 3)
		return;
	if (kind(L, n) == CK_struct_specifier || !strcmp(ts_node_type(n), "union_specifier")) {
		collect_fields(L, n, 0);
		return;
	}
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc; i++)
		find_structs(L, ts_node_named_child(n, i), depth + 1);
}

static void lower_top(struct lower *L, TSNode n, int depth)
{
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode c = ts_node_named_child(n, i);
		switch (kind(L, c)) {
		case CK_function_definition:
			lower_function(L, c);
			break;
		case CK_declaration:
			collect_globals(L, c);
			find_structs(L, c, 0);
			break;
		case CK_type_definition:
		case CK_struct_specifier:
			find_structs(L, c, 0);
			break;
		case CK_preproc_if: case CK_preproc_ifdef: case CK_preproc_else:
		case CK_preproc_elif: case CK_preproc_elifdef: case CK_linkage_specification:
		case CK_declaration_list: case CK_ERROR:
			if (kind(L, c) == CK_ERROR)
				L->error_nodes++;
			if (kind(L, c) == CK_preproc_if) {
				/* #if 0 ... #else ... #endif: only the #else part is compiled */
				TSNode cond = field(L, c, L->cl->f_condition);
				if (!ts_node_is_null(cond) && kind(L, cond) == CK_number_literal &&
				    ts_node_end_byte(cond) - ts_node_start_byte(cond) == 1 &&
				    L->src->text[ts_node_start_byte(cond)] == '0') {
					TSNode alt = field(L, c, L->cl->f_alternative);
					if (!ts_node_is_null(alt) && depth < 16)
						lower_top(L, alt, depth + 1);
					break;
				}
			}
			if (depth < 16)
				lower_top(L, c, depth + 1);
			break;
		default:
			break;
		}
	}
}

int lower_unit(struct ir_unit *u, const struct source *src, const struct cst_lang *cl,
	       const struct model *m, TSNode root, int *error_nodes)
{
	struct lower L = { .u = u, .src = src, .cl = cl, .m = m };
	u->model = m;
	lower_top(&L, root, 0);
	free(L.labels);
	free(L.locals);
	if (error_nodes)
		*error_nodes = L.error_nodes;
	return 0;
}
