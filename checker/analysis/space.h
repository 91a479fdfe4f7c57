/*
 * space.h - which address space a buffer pointer belongs to (see space.c).
 */
#ifndef DMC_SPACE_H
#define DMC_SPACE_H

#include "../ir/ir.h"
#include "../model/model.h"

enum buf_space {
	SP_UNKNOWN, SP_STACK, SP_MODULE, SP_KVMAP, SP_KVMAP_MAYBE, SP_IOMEM, SP_KMAP, SP_COHERENT, SP_KLIN
};

/** A value's space and the event it came from (the allocation or assignment), if known. */
struct space_fact {
	enum buf_space sp;
	const struct ir_event *origin;
};

struct space_var {
	const struct ir_path *var;
	const struct ir_event *def;  /* the assignment, when there is exactly one */
	struct space_fact fact;
	int defs, is_array, is_static, param;
};

struct space_ctx {
	struct ir_unit *u;
	const struct ir_func *f;
	struct space_var *vars;      /* one per declared local or parameter */
	int nvars;
	int space_tested;            /* the function calls is_vmalloc_addr() or the like */
};

/** Prepare the facts of f (single-definition locals, to a fixed point). */
void space_init(struct space_ctx *c, struct ir_unit *u, const struct ir_func *f);
/** The space of a value at any point of f; SP_UNKNOWN when not known. */
struct space_fact space_of(struct space_ctx *c, const struct ir_val *v);
const char *space_name(enum buf_space sp);

#endif
