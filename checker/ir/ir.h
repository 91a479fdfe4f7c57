/*
 * ir.h - the program as the analyses see it.
 *
 * One ir_func per function definition: basic blocks (ir_block) linked by
 * edges, each holding events (ir_event) in evaluation order. Values are
 * access paths (ir_path: x, p->rx[i].dma, skb->data), interned per unit so
 * that equal paths are equal pointers.
 *
 * Invariants (checked by ir_verify):
 *  - blocks[0] is the entry; every successor index is < nblocks;
 *  - a block ends in exactly one terminator: T_GOTO (succ[0]), T_BRANCH
 *    (succ[0] = condition true, succ[1] = false), T_SWITCH (succ[] list),
 *    T_RETURN (no successors; the RETURN event is the block's last event);
 *  - an event's call operands (VAL_CALL) refer to CALL events earlier in
 *    the same function (ir_func.calls).
 */
#ifndef DMC_IR_H
#define DMC_IR_H

#include <stddef.h>
#include <stdint.h>
#include "../base/arena.h"
#include "../base/strtab.h"

struct model_fn;

enum path_kind { PATH_VAR, PATH_ARROW, PATH_DOT, PATH_INDEX, PATH_DEREF };

/** An access path: a root variable followed by field, index and deref steps. */
struct ir_path {
	const char *text;            /* canonical text, interned: "p->rx[i].dma" */
	const char *key;             /* identity, interned: the text, with parameters marked (a parameter
	                              * and another function's local of the same name differ) */
	const struct ir_path *parent;/* NULL for PATH_VAR */
	enum path_kind kind;
	const char *name;            /* variable or field name, or index text */
	const struct ir_path *root;  /* the PATH_VAR at the base */
	uint8_t is_local;            /* root is a local variable or parameter ... */
	uint8_t is_param;            /* ... that is a parameter */
	uint8_t depth;
};

enum val_kind {
	VAL_NONE,    /* absent */
	VAL_PATH,    /* the value stored at path (x, p->f, a[i]) */
	VAL_ADDR,    /* &path */
	VAL_INT,     /* integer literal */
	VAL_CALL,    /* result of call event #call */
	VAL_OTHER    /* anything else; base may still name the pointer it is derived from */
};

#define VALF_CONST   0x01  /* literal, UPPER_CASE macro, sizeof, or arithmetic of those */
#define VALF_IDENT   0x02  /* a bare identifier (text is the name) */
#define VALF_ARITH   0x04  /* pointer arithmetic: base + offset (inner: the left operand when it is not a path) */
#define VALF_SHR     0x08  /* inner >> PAGE_SHIFT */
#define VALF_SHL     0x10  /* inner << PAGE_SHIFT */

struct ir_val {
	enum val_kind kind;
	uint8_t flags;
	const struct ir_path *path;  /* VAL_PATH, VAL_ADDR */
	const struct ir_path *base;  /* VAL_OTHER/VALF_ARITH: pointer the value derives from */
	long long ival;              /* VAL_INT */
	int call;                    /* VAL_CALL: index into ir_func.calls */
	const char *text;            /* normalised source text (interned) */
	uint32_t start, end;         /* byte range */
	const struct ir_val *inner;  /* VAL_OTHER: the operand of a shift or of arithmetic, or NULL */
};

enum ev_kind {
	EV_CALL,     /* callee(args) */
	EV_ASSIGN,   /* lhs = rhs (op "=" or compound) */
	EV_READ,     /* a load through path (deref, field via ->, index) */
	EV_WRITE,    /* a store through path */
	EV_RETURN,   /* return val; also the implicit return at the end of a void function */
	EV_DECL,     /* local declared without initialiser */
	EV_ITER,     /* an iterator macro loop head: callee = macro name, args */
	EV_ADDR,     /* &path is taken (lhs) */
	EV_CAST      /* (type) rhs; op = the type as written */
};

#define EVF_RESULT_UNUSED 0x01  /* CALL whose value is discarded */
#define EVF_IMPLICIT      0x02  /* RETURN at the closing brace */

struct ir_event {
	enum ev_kind kind;
	uint8_t flags;
	int line, col;               /* 1-based, of start */
	uint32_t start, end;
	/* CALL / ITER */
	const char *callee;          /* interned; NULL for calls through pointers */
	struct ir_val *args;
	int nargs;
	int call;                    /* CALL: own index in ir_func.calls */
	const struct model_fn *model;/* bound by model_bind, NULL if unmodelled */
	uint32_t body_start, body_end; /* ITER: byte range of the loop body */
	/* ASSIGN / READ / WRITE / DECL */
	const struct ir_path *lhs;   /* ASSIGN target (NULL if not a path); READ/WRITE/DECL path */
	const char *op;              /* ASSIGN operator */
	struct ir_val rhs;           /* ASSIGN value, RETURN value */
};

enum term_kind { T_NONE, T_GOTO, T_BRANCH, T_SWITCH, T_RETURN };

/** How a branch tests its operand; the edge succ[0] is taken when the test holds. */
enum cond_test {
	COND_OPAQUE,   /* not understood: both edges keep the state */
	COND_NONZERO,  /* v != 0 */
	COND_NEG,      /* v < 0 */
	COND_LE0       /* v <= 0 */
};

struct ir_block {
	int id;
	struct ir_event **ev;        /* events in evaluation order */
	int nev, capev;
	enum term_kind term;
	int *succ;
	int nsucc, capsucc;
	enum cond_test test;
	struct ir_val cond;          /* T_BRANCH operand; T_SWITCH: the switched value */
	int line;                    /* first line, for dumps */
};

/** A declared variable (parameter or local) and its type as written, annotations included. */
struct ir_local {
	const struct ir_path *var;
	const char *type;            /* "void __iomem *", "dma_addr_t", "u8 []" */
	int is_param;
};

/** A field of a struct or union defined in the file. */
struct ir_field {
	const char *tag;             /* "struct foo_rx" */
	const char *name;            /* "dma" */
	const char *type;            /* "dma_addr_t" */
	int line;
};

/** A function named in a file-scope initializer: static const struct file_operations foo_fops = { .mmap = foo_mmap }. */
struct ir_init {
	const char *stype;           /* "file_operations" (the struct tag, without 'struct') */
	const char *var;             /* "foo_fops" */
	const char *field;           /* "mmap"; nested designators are joined with '.' */
	const char *value;           /* "foo_mmap" */
	int line;
};

struct ir_func {
	const char *name;
	int line, end_line;
	uint32_t start, end;
	struct ir_block **blocks;
	int nblocks, capblocks;
	struct ir_event **calls;     /* CALL events by call index */
	int ncalls, capcalls;
	const struct ir_path **params;
	int nparams;
	struct ir_local *locals;     /* parameters and locals with their declared types */
	int nlocals, caplocals;
	int returns_void;
	const char *ret_type;        /* the return type as written ("u32"), "*" for pointers, or NULL */
	int partial;                 /* the body contained ERROR nodes */
};

struct space_unit;

struct ir_unit {
	const struct model *model;   /* the rules data the unit was lowered with */
	struct space_unit *space;    /* provenance facts, computed on first use (analysis/space.c) */
	struct arena *arena;
	struct strtab *strs;
	struct ir_func **funcs;
	int nfuncs, capfuncs;
	struct ir_field *fields;     /* struct/union fields defined in the file */
	int nfields, capfields;
	struct ir_local *globals;    /* file-scope variables with their declared types */
	int nglobals, capglobals;
	struct ir_init *inits;       /* functions named in file-scope struct initializers */
	int ninits, capinits;
};

/* path.c */
const struct ir_path *ir_path_var(struct ir_unit *u, const char *name, int is_local, int is_param);
const struct ir_path *ir_path_step(struct ir_unit *u, const struct ir_path *parent, enum path_kind k, const char *name);
/** 1 if p equals q or q is a prefix of p. */
int ir_path_has_prefix(const struct ir_path *p, const struct ir_path *q);
/** 1 if reading p loads memory through a pointer (a ->, [] or * step), not just a variable or struct member. */
int ir_path_derefs(const struct ir_path *p);

/* types.c */
/** The declared type of local or parameter v of f ("void __iomem *"), or NULL. */
const char *ir_local_type(const struct ir_func *f, const struct ir_path *v);
/** "struct foo" (or "union foo") of a declared type such as "const struct foo *", into buf; NULL if none. */
const char *ir_type_tag(const char *type, char *buf, size_t n);

/* cfg.c */
struct ir_block *ir_block_new(struct ir_unit *u, struct ir_func *f);
struct ir_event *ir_block_add_event(struct ir_unit *u, struct ir_block *b);
void ir_block_add_succ(struct ir_unit *u, struct ir_block *b, int succ);
void ir_func_add_call(struct ir_unit *u, struct ir_func *f, struct ir_event *e);

/* ir_verify.c: returns 0, or -1 with a message in buf */
int ir_verify(const struct ir_func *f, char *buf, size_t n);

/* ir_dump.c */
#include <stdio.h>
void ir_dump_func(const struct ir_func *f, FILE *out);
void ir_dump_fields(const struct ir_unit *u, FILE *out);

#endif
