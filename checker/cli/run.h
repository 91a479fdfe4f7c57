/*
 * run.h - check a list of files with a pool of worker threads.
 */
#ifndef DMC_CLI_RUN_H
#define DMC_CLI_RUN_H

#include "dmacheck.h"
#include "walk.h"

/**
 * Check every file of fl with up to jobs threads (0: one per online CPU).
 * Each worker calls dmc_check_file() with the shared read-only session and
 * its own dmc_result; the results are merged into out (not sorted: the
 * caller sorts, which makes the output independent of jobs).
 * Returns 0, or -1 if a thread could not be started (the files it would
 * have checked are then checked by the others).
 */
int run_check(const struct dmc_session *s, const struct file_list *fl,
	      unsigned jobs, struct dmc_result *out);

struct progress;

/**
 * run_check(), drawing prog (see progress.h; NULL: none) from this thread
 * about 10 times a second while the workers check the files.
 */
int run_check_progress(const struct dmc_session *s, const struct file_list *fl,
		       unsigned jobs, struct dmc_result *out, struct progress *prog);

/** The number of online CPUs, at least 1. */
unsigned run_default_jobs(void);

#endif
