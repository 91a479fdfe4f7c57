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

static const struct ir_path *param_of_type(const struct ir_func *f, const char *tag)
{
	size_t n = strlen(tag);
	for (int i = 0; i < f->nlocals; i++) {
		const struct ir_local *l = &f->locals[i];
		if (!l->is_param || !l->type)
			continue;
		const char *s = strstr(l->type, tag);
		if (s && (s[n] == ' ' || s[n] == '*') && strchr(s + n, '*'))
			return l->var;
	}
	return NULL;
}

const struct ir_path *entry_vma_param(const struct ir_func *f)
{
	return param_of_type(f, "struct vm_area_struct");
}

const struct ir_path *entry_vmf_param(const struct ir_func *f)
{
	return param_of_type(f, "struct vm_fault");
}
