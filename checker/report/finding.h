/*
 * finding.h - building dmc_result values (findings and diagnostics are data;
 * emitters in report/emit_*.c only read them).
 */
#ifndef DMC_FINDING_H
#define DMC_FINDING_H

#include "../dmacheck.h"

/**
 * Append a finding; strings are copied. message is printf-style.
 * Returns the new finding (valid until the next finding_add on r).
 */
struct dmc_finding *finding_add(struct dmc_result *r, const char *rule,
				enum dmc_severity sev, const char *file,
				int line, int col, int end_line, int end_col,
				const char *function, const char *line_text,
				const char *fmt, ...)
	__attribute__((format(printf, 11, 12)));

/** Append a note to finding f (printf-style). */
void finding_add_note(struct dmc_finding *f, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/** Append a diagnostic (parse note or input error). */
void diag_add(struct dmc_result *r, enum dmc_diag_kind kind, const char *file,
	      int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/**
 * Remove the findings r->findings[first + i] for which drop[i] is non-zero
 * (releasing them), keeping the order of the others. drop has
 * r->nfindings - first entries. Used by suppressions, baselines and --diff.
 */
void findings_drop(struct dmc_result *r, size_t first, const unsigned char *drop);

/**
 * Compute f->fingerprint for every finding of r: a hash of the rule id, the
 * enclosing function, the whitespace-normalised line text, and the index of
 * the finding among those with the same three values (so that it survives
 * line shifts and unrelated edits). Called by dmc_result_sort().
 */
void findings_fingerprint(struct dmc_result *r);

#endif
