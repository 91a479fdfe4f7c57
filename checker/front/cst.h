/*
 * cst.h - the tree-sitter side: parser setup, the ABI check, and a table from
 * grammar symbols to the node kinds the lowering understands (built once per
 * session, so the hot path compares small integers, not strings).
 * This folder is the only code that includes tree_sitter/api.h.
 */
#ifndef DMC_CST_H
#define DMC_CST_H

#include <stdint.h>
#include <tree_sitter/api.h>

#define CST_KINDS(X) \
	X(translation_unit) X(function_definition) X(declaration) X(init_declarator) \
	X(function_declarator) X(pointer_declarator) X(array_declarator) X(parenthesized_declarator) \
	X(attributed_declarator) X(parameter_list) X(parameter_declaration) \
	X(compound_statement) X(expression_statement) X(if_statement) X(else_clause) \
	X(while_statement) X(do_statement) X(for_statement) X(switch_statement) X(case_statement) \
	X(break_statement) X(continue_statement) X(return_statement) X(goto_statement) \
	X(labeled_statement) X(attributed_statement) X(statement_identifier) \
	X(identifier) X(field_identifier) X(number_literal) X(string_literal) X(char_literal) \
	X(concatenated_string) X(true) X(false) X(null) \
	X(call_expression) X(argument_list) X(assignment_expression) X(update_expression) \
	X(binary_expression) X(unary_expression) X(pointer_expression) X(field_expression) \
	X(subscript_expression) X(cast_expression) X(parenthesized_expression) \
	X(conditional_expression) X(comma_expression) X(sizeof_expression) X(alignof_expression) \
	X(offsetof_expression) X(compound_literal_expression) X(initializer_list) \
	X(initializer_pair) X(gnu_asm_expression) X(generic_expression) X(primitive_type) \
	X(preproc_if) X(preproc_ifdef) X(preproc_else) X(preproc_elif) X(preproc_elifdef) \
	X(preproc_call) X(preproc_def) X(preproc_function_def) X(preproc_include) \
	X(type_definition) X(struct_specifier) X(declaration_list) X(linkage_specification) \
	X(comment) X(ERROR)

enum cst_kind {
	CK_OTHER,
#define X(n) CK_##n,
	CST_KINDS(X)
#undef X
	CK__COUNT
};

struct cst_lang {
	const TSLanguage *lang;
	uint8_t *kind_of;       /* symbol id -> enum cst_kind */
	uint32_t nsyms;
	TSFieldId f_declarator, f_body, f_type, f_value, f_condition, f_consequence,
		f_alternative, f_initializer, f_update, f_function, f_arguments, f_left,
		f_right, f_operator, f_argument, f_field, f_index, f_label, f_parameters, f_name;
};

/** The grammar, checked: returns -1 with *why set when its ABI is unusable. */
int cst_lang_init(struct cst_lang *cl, const char **why);
void cst_lang_release(struct cst_lang *cl);

static inline enum cst_kind cst_kind(const struct cst_lang *cl, TSNode n)
{
	TSSymbol s = ts_node_symbol(n);
	if (s == (TSSymbol)-1)
		return CK_ERROR;
	return s < cl->nsyms ? (enum cst_kind)cl->kind_of[s] : CK_OTHER;
}

#endif
