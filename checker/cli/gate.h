/*
 * gate.h - the CI gate of the command line: --baseline, --write-baseline,
 * --diff and --fail-on, applied to the merged and sorted findings.
 */
#ifndef DMC_CLI_GATE_H
#define DMC_CLI_GATE_H

#include <stdio.h>

#include "dmacheck.h"
#include "options.h"

struct baseline;

struct gate {
	struct baseline *baseline;  /* --baseline, loaded */
};

/**
 * Before checking: load --baseline and check that every operand is in a git
 * work tree where the --diff revision exists. Returns 0, or -1 after writing
 * an error to err (exit status 2).
 */
int gate_prepare(const struct cli_opts *o, struct gate *g, FILE *err);

/**
 * After dmc_result_sort(): drop findings outside the --diff lines, write
 * --write-baseline (with what is left), then drop findings that are in the
 * --baseline. Returns 0, or -1 after writing an error to err.
 */
int gate_apply(const struct cli_opts *o, struct gate *g, struct dmc_result *res, FILE *err);

/**
 * Does res fail the run? The number of findings with at least the --fail-on
 * severity (0 with --fail-on=never or --write-baseline).
 */
size_t gate_failing(const struct cli_opts *o, const struct dmc_result *res);

void gate_release(struct gate *g);

#endif
