/*
 * stream.h - path-sensitive ownership typestate for streaming DMA mappings
 * within one function (rule-catalogue §0.2):
 *
 *   map -> UNCHECKED --check ok--> OK --sync_for_cpu--> SYNC_CPU --sync_for_device--> SYNC_DEV
 *              |  \--check failed--> FAILED                    \------ unmap ------> UNMAPPED
 *
 * The engine walks the CFG with a set of abstract states per block (states
 * that are equal are merged; at most STREAM_MAX_STATES per block, beyond
 * which further paths are dropped: a documented false negative). It knows
 * roles from the model, never function names, and reports *violations*;
 * checks/dma_stream.c turns them into findings with rule ids and messages.
 */
#ifndef DMC_STREAM_H
#define DMC_STREAM_H

#include "../ir/ir.h"
#include "../model/model.h"

#define STREAM_MAX_STATES 32

enum stream_viol {
	SV_ACCESS_WHILE_MAPPED,  /* DMA-01: detail says read/write/free */
	SV_ACCESS_AFTER_SYNC_DEV,/* DMA-02 (a) */
	SV_REPOST_WITHOUT_SYNC,  /* DMA-02 (b): MMIO write after CPU wrote in SYNC_CPU */
	SV_SYNC_ARGS,            /* DMA-02 (d), sync_for_cpu of TO_DEVICE */
	SV_DIR_USAGE,            /* DMA-03 */
	SV_DIR_INVALID,          /* DMA-04 */
	SV_UNCHECKED,            /* DMA-06 / SG-01(a): rule from the model's unchecked= */
	SV_UNMAP_ARGS,           /* DMA-07 */
	SV_LEAK,                 /* DMA-08 */
	SV_USE_AFTER_UNMAP,      /* DMA-09 */
	SV_SG_COUNT              /* SG-01 (b)(c)(d) */
};

/** What a violation is about (stable across paths). */
struct stream_site {
	const struct ir_event *map;   /* the map call, or NULL */
	const struct ir_event *prev;  /* an earlier related event (first unmap, sync), or NULL */
	const char *buf_text;         /* the mapped buffer as written at the map, or NULL */
	const char *handle_text;      /* the handle expression, or NULL */
	enum dir_class dir;
	const char *dir_text;
};

struct stream_sink {
	void *ctx;
	void (*report)(void *ctx, enum stream_viol v, const struct ir_event *at,
		       const struct stream_site *site, const char *detail);
};

/** Analyse one function. */
void stream_analyse(struct ir_unit *u, const struct ir_func *f, const struct model *m,
		    const struct stream_sink *sink);

#endif
