/* types.c - reading the declared types the IR keeps (ir_local.type, ir_field.type). */
#include "ir.h"

#include <string.h>

const char *ir_local_type(const struct ir_func *f, const struct ir_path *v)
{
	for (int i = 0; f && i < f->nlocals; i++)
		if (f->locals[i].var == v)
			return f->locals[i].type;
	return NULL;
}

const char *ir_type_tag(const char *type, char *buf, size_t n)
{
	const char *s = type ? strstr(type, "struct ") : NULL;
	if (!s && type)
		s = strstr(type, "union ");
	if (!s)
		return NULL;
	size_t k = s[0] == 's' ? 7 : 6;
	while (s[k] == '_' || (s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
	       (s[k] >= '0' && s[k] <= '9'))
		k++;
	if (k >= n)
		return NULL;
	memcpy(buf, s, k);
	buf[k] = 0;
	return buf;
}
