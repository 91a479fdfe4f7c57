/*
 * lower.h - entry point of the lowering from the tree-sitter CST to the IR.
 */
#ifndef DMC_LOWER_H
#define DMC_LOWER_H

#include "cst.h"
#include "source.h"
#include "../ir/ir.h"

struct model;

/**
 * Lower every function definition under root into u->funcs. CALL events get
 * their model roles bound here (model_fn_find). *error_nodes counts the
 * ERROR nodes met (parse recovery). Never fails on odd input.
 */
int lower_unit(struct ir_unit *u, const struct source *src, const struct cst_lang *cl,
	       const struct model *m, TSNode root, int *error_nodes);

#endif
