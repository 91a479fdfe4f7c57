/*
 * entry.c - entry points from designated initializers (see entry.h).
 */
#include "entry.h"

#include <string.h>

const char *entry_kind(const struct model *m, const struct ir_unit *u, const char *fname,
		       const struct ir_init **via)
{
	for (int i = 0; i < u->ninits; i++) {
		const struct ir_init *in = &u->inits[i];
		if (strcmp(in->value, fname))
			continue;
		const char *k = model_entry_kind(m, in->stype, in->field);
		if (k) {
			if (via)
				*via = in;
			return k;
		}
	}
	return NULL;
}

int entry_is(const struct model *m, const struct ir_unit *u, const char *fname, const char *kind)
{
	for (int i = 0; i < u->ninits; i++) {
		const struct ir_init *in = &u->inits[i];
		if (strcmp(in->value, fname))
			continue;
		const char *k = model_entry_kind(m, in->stype, in->field);
		if (k && !strcmp(k, kind))
			return 1;
	}
	return 0;
}
