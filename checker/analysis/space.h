/*
 * space.h - what a pointer or integer really is: the address space it lives
 * in (catalogue §0.1), inferred as a dataflow over the IR (see space.c).
 */
#ifndef DMC_SPACE_H
#define DMC_SPACE_H

#include <stdio.h>
#include "../ir/ir.h"
#include "../model/model.h"

/* the spaces (SPACE_KINDS) are part of the rules language: see model/model.h */
enum buf_space {
#define X(e, s) SP_##e,
	SPACE_KINDS(X)
#undef X
	SP__COUNT
};

/** A value's space and the event it came from (the allocation or assignment), if known. */
struct space_fact {
	enum buf_space sp;
	const struct ir_event *origin;
	int indirect;                /* the value went through a struct field, a global or a return */
};

struct space_var {
	const struct ir_path *var;
	const struct ir_event *def;  /* the first assignment */
	struct space_fact fact;
	unsigned mask;               /* spaces of all definitions; bit SP_UNKNOWN: some unknown */
	int defs, is_array, is_static, param;
	enum buf_space declared;     /* from the declared type (dma_addr_t, __iomem ...), or SP_UNKNOWN */
};

struct space_unit;

struct space_ctx {
	struct ir_unit *u;
	const struct ir_func *f;
	const struct space_unit *su; /* facts of struct fields and helper returns for the whole unit */
	struct space_var *vars;      /* one per declared local or parameter */
	int nvars;
	int space_tested;            /* the function calls is_vmalloc_addr() or the like */
};

/**
 * Prepare the facts of f: locals and parameters to a fixed point, using the
 * unit's field and return facts (computed once per unit, on first use).
 */
void space_init(struct space_ctx *c, struct ir_unit *u, const struct ir_func *f);
/** The space of a value at any point of f; SP_UNKNOWN when not known. */
struct space_fact space_of(struct space_ctx *c, const struct ir_val *v);
/** The space a declared type implies ("dma_addr_t", "void __iomem *", "struct page *"), or SP_UNKNOWN. */
enum buf_space space_of_type(const struct model *m, const char *type);
/** The space of the value stored at a struct field "struct foo" / "rx[].dma" over the whole unit. */
struct space_fact space_of_field(struct space_ctx *c, const struct ir_path *p);
const char *space_name(enum buf_space sp);
/** 1 for integer types of 32 bits or less (u32, unsigned int, int, __le32 ...), not pointers. */
int space_type_is_narrow(const char *type);
/** SP_* from a name in rules data; SP_UNKNOWN when not a space name. */
enum buf_space space_from_name(const char *s);
/** 1 for spaces that hold CPU-dereferenceable kernel memory (stack .. klin). */
int space_is_kernel_buffer(enum buf_space sp);

/** --dump-facts: the unit's field and return facts, then each value of each function with its space. */
void space_dump(struct ir_unit *u, FILE *out);

#endif
