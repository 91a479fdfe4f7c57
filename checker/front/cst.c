#include "cst.h"
#include "../base/arena.h"

#include <stdlib.h>
#include <string.h>

const TSLanguage *tree_sitter_c(void);

int cst_lang_init(struct cst_lang *cl, const char **why)
{
	static const char *const names[] = {
		"",
#define X(n) #n,
		CST_KINDS(X)
#undef X
	};
	memset(cl, 0, sizeof(*cl));
	cl->lang = tree_sitter_c();
	uint32_t v = ts_language_version(cl->lang);
	if (v < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || v > TREE_SITTER_LANGUAGE_VERSION) {
		*why = "the tree-sitter-c grammar's ABI does not match the tree-sitter runtime (need ABI 14 with libtree-sitter 0.20.7)";
		return -1;
	}
	cl->nsyms = ts_language_symbol_count(cl->lang);
	cl->kind_of = xcalloc(cl->nsyms, 1);
	for (uint32_t s = 0; s < cl->nsyms; s++) {
		const char *nm = ts_language_symbol_name(cl->lang, (TSSymbol)s);
		if (!nm || ts_language_symbol_type(cl->lang, (TSSymbol)s) != TSSymbolTypeRegular)
			continue;
		for (int k = 1; k < CK__COUNT; k++)
			if (strcmp(names[k], nm) == 0) {
				cl->kind_of[s] = (uint8_t)k;
				break;
			}
	}
	/* ERROR is symbol 65535 (ts_builtin_sym_error), outside the table */
#define F(name) cl->f_##name = ts_language_field_id_for_name(cl->lang, #name, (uint32_t)strlen(#name))
	F(declarator); F(body); F(type); F(value); F(condition); F(consequence);
	F(alternative); F(initializer); F(update); F(function); F(arguments); F(left);
	F(right); F(operator); F(argument); F(field); F(index); F(label); F(parameters); F(name);
#undef F
	return 0;
}

void cst_lang_release(struct cst_lang *cl)
{
	free(cl->kind_of);
	cl->kind_of = NULL;
}
