/*
 * progress.h - the progress line on a terminal:
 *
 *	[120/18920] 42 findings, elapsed 12s, ETA 30m05s
 *
 * rewritten in place with '\r'. Only the thread that created it calls it.
 */
#ifndef DMC_CLI_PROGRESS_H
#define DMC_CLI_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

struct progress;

/**
 * A progress line on out for total files, or NULL if out is not a terminal
 * (then the other functions do nothing). The first update is drawn at once.
 */
struct progress *progress_new(FILE *out, size_t total);

/** Redraw the line if at least 100 ms passed since the last redraw. */
void progress_update(struct progress *p, size_t done, size_t findings);

/** Erase the line (spaces over it, cursor back to column 0) and free p. */
void progress_finish(struct progress *p);

struct dmc_result;

/**
 * The end-of-run summary line on out:
 *
 *	dmacheck: 465 findings in 216 files (18920 checked): dma-map-error-unchecked 199, ...
 *	dmacheck: no findings (12 files checked)
 *
 * rules by count (descending), then id; r must be sorted by file.
 */
void progress_summary(FILE *out, const struct dmc_result *r, size_t nchecked);

/** "12s", "3m05s", "2h01m": elapsed and ETA as shown on the line. Exposed for tests. */
void progress_format_duration(char *buf, size_t len, double seconds);

#endif
