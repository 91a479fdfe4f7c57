/* ir_verify.c - structural invariants of ir.h, checked after lowering in tests. */
#include "ir.h"

#include <stdio.h>

int ir_verify(const struct ir_func *f, char *buf, size_t n)
{
	if (f->nblocks < 1) {
		snprintf(buf, n, "%s: no entry block", f->name);
		return -1;
	}
	for (int b = 0; b < f->nblocks; b++) {
		const struct ir_block *bl = f->blocks[b];
		if (bl->id != b) {
			snprintf(buf, n, "%s: bb%d has id %d", f->name, b, bl->id);
			return -1;
		}
		for (int s = 0; s < bl->nsucc; s++)
			if (bl->succ[s] < 0 || bl->succ[s] >= f->nblocks) {
				snprintf(buf, n, "%s: bb%d has bad successor %d", f->name, b, bl->succ[s]);
				return -1;
			}
		int want = bl->term == T_GOTO ? 1 : bl->term == T_BRANCH ? 2 : -1;
		if (want >= 0 && bl->nsucc != want) {
			snprintf(buf, n, "%s: bb%d has %d successors for its terminator", f->name, b, bl->nsucc);
			return -1;
		}
		if ((bl->term == T_RETURN || bl->term == T_NONE) && bl->nsucc) {
			snprintf(buf, n, "%s: bb%d exits but has successors", f->name, b);
			return -1;
		}
		if (bl->term == T_RETURN && (!bl->nev || bl->ev[bl->nev - 1]->kind != EV_RETURN)) {
			snprintf(buf, n, "%s: bb%d returns without a RETURN event", f->name, b);
			return -1;
		}
		for (int i = 0; i < bl->nev; i++) {
			const struct ir_event *e = bl->ev[i];
			for (int a = 0; a < e->nargs; a++)
				if (e->args[a].kind == VAL_CALL && (e->args[a].call < 0 || e->args[a].call >= f->ncalls)) {
					snprintf(buf, n, "%s: bb%d event %d refers to call %d", f->name, b, i, e->args[a].call);
					return -1;
				}
		}
	}
	return 0;
}
