#include "checks.h"
#include "../driver/unit.h"

#define CHECK(name, fn) void fn(struct unit *u, const struct ir_func *f);
#include "check_list.def"
#undef CHECK

void checks_run(struct unit *u)
{
	for (int i = 0; i < u->ir.nfuncs; i++) {
#define CHECK(name, fn) fn(u, u->ir.funcs[i]);
#include "check_list.def"
#undef CHECK
	}
}

int checks_calls_role(const struct ir_func *f, enum model_role role)
{
	for (int i = 0; i < f->ncalls; i++)
		if (model_fn_role(f->calls[i]->model, role))
			return 1;
	return 0;
}
