/*
 * checks.h - turning analysis results into findings (rule ids, messages,
 * notes). Analyses never print; only checks create findings.
 */
#ifndef DMC_CHECKS_H
#define DMC_CHECKS_H

struct unit;
struct ir_func;

#include "../model/model.h"

/** Does f call anything with role (rules data or a same-file summary)? Checks use it to skip functions early. */
int checks_calls_role(const struct ir_func *f, enum model_role role);

/** Run every check over every function of the unit. */
void checks_run(struct unit *u);

#endif
