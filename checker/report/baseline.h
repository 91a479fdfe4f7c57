/*
 * baseline.h - baseline files: the findings a project has accepted, so that
 * CI reports only new ones.
 *
 *	{"version": 1, "tool": "dmacheck", "findings": [
 *	  {"fingerprint": "0123456789abcdef", "rule": "dma-map-leak",
 *	   "file": "drivers/foo/bar.c", "line": 42, "message": "..."}]}
 *
 * A finding is in the baseline when an entry has the same fingerprint, rule
 * and file. "line" and "message" are hints for people reading the file; they
 * are not compared, so baselines survive line shifts (the fingerprint does
 * not depend on the line number, see findings_fingerprint()).
 */
#ifndef DMC_BASELINE_H
#define DMC_BASELINE_H

#include <stdio.h>

#include "../dmacheck.h"

struct baseline;

/**
 * Read a baseline file. On error (unreadable, not JSON, wrong shape) writes
 * "dmacheck: error: PATH[:LINE:COL]: ..." to err and returns NULL.
 */
struct baseline *baseline_load(const char *path, FILE *err);
void baseline_free(struct baseline *b);

/** Number of entries. */
size_t baseline_size(const struct baseline *b);

/** Is f (fingerprinted: dmc_result_sort() was called) in b? */
int baseline_has(const struct baseline *b, const struct dmc_finding *f);

/** Remove the findings of r that are in b; returns how many were removed. */
size_t baseline_filter(const struct baseline *b, struct dmc_result *r);

/**
 * Write the findings of r (sorted and fingerprinted) as a baseline to path
 * (deterministic: sorted, indented, stable key order). Returns 0, or -1
 * after writing an error to err.
 */
int baseline_write(const char *path, const struct dmc_result *r, FILE *err);

#endif
