/*
 * summary.h - summaries of same-file functions (wrappers that map, unmap,
 * sync or check DMA handles), bound to their call sites as derived model
 * roles so that every analysis sees through them.
 */
#ifndef DMC_SUMMARY_H
#define DMC_SUMMARY_H

#include "../ir/ir.h"
#include "../model/model.h"

/** Derive summaries for u's functions and bind them to calls of those functions. */
void summary_bind(struct ir_unit *u);

#endif
