/* ir_dump.c - stable text dump of the IR, for golden tests and --dump-ir. */
#include "ir.h"
#include "../model/model.h"

static void dump_val(const struct ir_val *v, FILE *out)
{
	switch (v->kind) {
	case VAL_NONE: fputs("-", out); break;
	case VAL_PATH: fprintf(out, "%s", v->path->text); break;
	case VAL_ADDR: fprintf(out, "&%s", v->path->text); break;
	case VAL_INT: fprintf(out, "%lld", v->ival); break;
	case VAL_CALL: fprintf(out, "call#%d", v->call); break;
	case VAL_OTHER:
		fprintf(out, "<%s>", v->text ? v->text : "?");
		if (v->base)
			fprintf(out, "{base %s}", v->base->text);
		break;
	}
	if (v->flags & VALF_CONST)
		fputs("!const", out);
}

static const char *test_name(enum cond_test t)
{
	switch (t) {
	case COND_NONZERO: return "nonzero";
	case COND_NEG: return "neg";
	case COND_LE0: return "le0";
	default: return "opaque";
	}
}

void ir_dump_func(const struct ir_func *f, FILE *out)
{
	fprintf(out, "func %s lines %d-%d%s%s\n", f->name, f->line, f->end_line,
		f->returns_void ? " void" : "", f->partial ? " partial" : "");
	for (int i = 0; i < f->nlocals; i++)
		fprintf(out, "  %s %s : %s\n", f->locals[i].is_param ? "param" : "local", f->locals[i].var->text,
			f->locals[i].type ? f->locals[i].type : "?");
	for (int b = 0; b < f->nblocks; b++) {
		const struct ir_block *bl = f->blocks[b];
		fprintf(out, "  bb%d:\n", bl->id);
		for (int i = 0; i < bl->nev; i++) {
			const struct ir_event *e = bl->ev[i];
			fprintf(out, "    %d:%d ", e->line, e->col);
			switch (e->kind) {
			case EV_CALL:
			case EV_ITER:
				fprintf(out, "%s#%d %s(", e->kind == EV_CALL ? "call" : "iter",
					e->kind == EV_CALL ? e->call : 0, e->callee ? e->callee : "<indirect>");
				for (int a = 0; a < e->nargs; a++) {
					if (a)
						fputs(", ", out);
					dump_val(&e->args[a], out);
				}
				fputs(")", out);
				if (e->model)
					fputs(" [modelled]", out);
				if (e->flags & EVF_RESULT_UNUSED)
					fputs(" [unused]", out);
				break;
			case EV_ASSIGN:
				fprintf(out, "assign %s %s ", e->lhs ? e->lhs->text : "<expr>", e->op);
				dump_val(&e->rhs, out);
				break;
			case EV_READ: fprintf(out, "read %s", e->lhs->text); break;
			case EV_WRITE: fprintf(out, "write %s", e->lhs->text); break;
			case EV_DECL: fprintf(out, "decl %s", e->lhs->text); break;
			case EV_ADDR: fprintf(out, "addr %s", e->lhs->text); break;
			case EV_CAST:
				fprintf(out, "cast (%s) ", e->op);
				dump_val(&e->rhs, out);
				break;
			case EV_RETURN:
				fputs(e->flags & EVF_IMPLICIT ? "return(implicit) " : "return ", out);
				dump_val(&e->rhs, out);
				break;
			}
			fputc('\n', out);
		}
		switch (bl->term) {
		case T_GOTO: fprintf(out, "    goto bb%d\n", bl->succ[0]); break;
		case T_BRANCH:
			fprintf(out, "    branch %s ", test_name(bl->test));
			dump_val(&bl->cond, out);
			fprintf(out, " ? bb%d : bb%d\n", bl->succ[0], bl->succ[1]);
			break;
		case T_SWITCH:
			fputs("    switch", out);
			for (int s = 0; s < bl->nsucc; s++)
				fprintf(out, " bb%d", bl->succ[s]);
			fputc('\n', out);
			break;
		case T_RETURN: fputs("    exit\n", out); break;
		case T_NONE: fputs("    end\n", out); break;
		}
	}
}

void ir_dump_fields(const struct ir_unit *u, FILE *out)
{
	for (int i = 0; i < u->nglobals; i++)
		fprintf(out, "global %s : %s\n", u->globals[i].var->name,
			u->globals[i].type ? u->globals[i].type : "?");
	for (int i = 0; i < u->nfields; i++)
		fprintf(out, "field %s.%s : %s (line %d)\n", u->fields[i].tag, u->fields[i].name,
			u->fields[i].type ? u->fields[i].type : "?", u->fields[i].line);
	for (int i = 0; i < u->ninits; i++)
		fprintf(out, "init struct %s %s.%s = %s (line %d)\n", u->inits[i].stype, u->inits[i].var,
			u->inits[i].field, u->inits[i].value, u->inits[i].line);
}
