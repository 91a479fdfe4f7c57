/*
 * unit.h - struct unit: everything derived from one file or buffer (arena,
 * source, tree, IR) plus where its findings go. Released as one.
 */
#ifndef DMC_UNIT_H
#define DMC_UNIT_H

#include "session.h"
#include "../front/source.h"
#include "../ir/ir.h"

struct unit {
	const struct dmc_session *s;
	struct arena arena;
	struct strtab strs;
	struct source src;
	struct ir_unit ir;
	struct dmc_result *out;
};

/**
 * Add a finding for rule at bytes [start,end) of u's source, in function f.
 * Returns NULL when the rule is disabled (callers then skip their notes).
 */
struct dmc_finding *unit_report(struct unit *u, const char *rule, const struct ir_func *f,
				uint32_t start, uint32_t end, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/** Add a note at byte offset off to finding fd (no-op when fd is NULL). */
void unit_note(struct unit *u, struct dmc_finding *fd, uint32_t off, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
