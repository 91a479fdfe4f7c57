/*
 * cohlocal.h - coherent and pool allocations held only in local variables,
 * followed path by path through one function (see cohlocal.c).
 */
#ifndef DMC_COHLOCAL_H
#define DMC_COHLOCAL_H

#include "../ir/ir.h"
#include "../model/model.h"

struct coh_sink {
	void *ctx;
	/** ret returns while the allocation alloc, held in var, is neither freed, stored nor returned. */
	void (*leak)(void *ctx, const struct ir_event *alloc, const struct ir_path *var, const struct ir_event *ret);
	/** destroy (role pool.destroy) destroys the pool that block alloc, held in var, came from, before it is freed. */
	void (*destroy_live)(void *ctx, const struct ir_event *alloc, const struct ir_path *var, const struct ir_event *destroy);
};

/** Walk f; each (allocation, site) pair is reported once. */
void coh_local_analyse(const struct ir_func *f, const struct model *m, const struct coh_sink *sink);

/** 1 if text contains name as a whole C identifier. */
int coh_mentions(const char *text, const char *name);

#endif
