/*
 * emit.h - emitters: turn a sorted dmc_result into text, JSON or SARIF.
 *
 * Emitters only read the result (call dmc_result_sort() first: they print in
 * the order they are given). Output is deterministic: no timestamps, no
 * absolute paths other than those the caller passed in, stable key order.
 */
#ifndef DMC_EMIT_H
#define DMC_EMIT_H

#include <stdio.h>

#include "../dmacheck.h"

/** Output formats, in the order of emit_format_name(). */
enum emit_format { EMIT_TEXT, EMIT_JSON, EMIT_SARIF, EMIT_HTML };

/** Knobs shared by all emitters; a NULL pointer means all zero. */
struct emit_opts {
	/** text: also print parse-recovery notes (JSON and SARIF always carry them). */
	int parse_notes;
	/** SARIF: the run did not complete (bad arguments, missing inputs). */
	int failed;
};

/**
 * Parse "text", "json", "sarif" or "html". Returns 0 and sets *out, or -1 if the
 * name is unknown.
 */
int emit_format_parse(const char *name, enum emit_format *out);

/** The name of a format ("text", "json", "sarif", "html"). */
const char *emit_format_name(enum emit_format f);

/**
 * gcc-style text, one line per finding, then one per note:
 *
 *	file:line:col: warning: message [rule-id]
 *	file:line:col: note: note message
 *
 * and diagnostics as "file:line:col: error: message" (always) or
 * "file:line:col: note: message" (parse notes, only with o->parse_notes).
 * A diagnostic without a line prints as "file: error: message". Findings
 * and diagnostics are interleaved by file, line and column.
 * s may be NULL. Returns 0, or -1 on a write error.
 */
int emit_text(FILE *out, const struct dmc_session *s,
	      const struct dmc_result *r, const struct emit_opts *o);

/**
 * One JSON document:
 *
 *	{"version":1,"tool":"dmacheck","findings":[{"file","line","column",
 *	 "end_line","end_column","rule","severity","message","function",
 *	 "fingerprint","notes":[{"line","column","message"}]}],
 *	 "diagnostics":[{"file","line","column","kind","message"}]}
 *
 * "function" is null when unknown; "kind" is "error" or "parse-note".
 * Bytes that are not UTF-8 are replaced by U+FFFD. s may be NULL.
 * Returns 0, or -1 on a write error.
 */
int emit_json(FILE *out, const struct dmc_session *s,
	      const struct dmc_result *r, const struct emit_opts *o);

/**
 * SARIF 2.1.0 with one run. tool.driver.rules lists every rule of the
 * session (s may be NULL: then only the rules that have results are listed,
 * without metadata); results carry ruleId, ruleIndex, level, message,
 * one physical location (relative paths get uriBaseId "%SRCROOT%"),
 * relatedLocations for the notes and partialFingerprints
 * {"dmacheckFingerprint/v1": fingerprint}. Diagnostics become
 * invocations[0].toolExecutionNotifications.
 * Returns 0, or -1 on a write error.
 */
int emit_sarif(FILE *out, const struct dmc_session *s,
	       const struct dmc_result *r, const struct emit_opts *o);

/**
 * A static, self-contained HTML page (inline CSS, no JavaScript): totals,
 * a table of contents by directory and rule, and per finding a
 * <section class="finding"> with the rule (linked to its doc), message,
 * the source lines around it (read from the file; the finding line
 * highlighted) and the notes. See emit_html.c for the structure.
 * Returns 0, or -1 on a write error.
 */
int emit_html(FILE *out, const struct dmc_session *s,
	      const struct dmc_result *r, const struct emit_opts *o);

/** Dispatch on f to one of the emitters above. */
int emit_result(FILE *out, enum emit_format f, const struct dmc_session *s,
		const struct dmc_result *r, const struct emit_opts *o);

#endif
