/*
 * checks.h - turning analysis results into findings (rule ids, messages,
 * notes). Analyses never print; only checks create findings.
 */
#ifndef DMC_CHECKS_H
#define DMC_CHECKS_H

struct unit;

/** Run every check over every function of the unit. */
void checks_run(struct unit *u);

#endif
