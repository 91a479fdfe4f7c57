/*
 * dmacheck.h - the public API of libdmacheck, for the command line, the LSP
 * server and the tests.
 *
 * Two objects carry all state (there is no global mutable state):
 *   struct dmc_session  options + rules data loaded from rules/; immutable
 *                       while files are checked, shared by worker threads.
 *   struct dmc_result   what checking one file or buffer produced: findings
 *                       and diagnostics, as plain data owned by the caller.
 * Emitters (text, JSON, SARIF, LSP) only read dmc_result.
 */
#ifndef DMACHECK_H
#define DMACHECK_H

#include <stddef.h>
#include <stdio.h>

#define DMACHECK_VERSION "0.1.0"

enum dmc_severity { DMC_SEV_NOTE, DMC_SEV_WARNING, DMC_SEV_ERROR };
const char *dmc_severity_name(enum dmc_severity s);

/** A secondary location of a finding (where the buffer was mapped, ...). */
struct dmc_note {
	int line, col;          /* 1-based; same file as the finding */
	char *message;
};

/** One finding: data only. Strings are owned by the result. */
struct dmc_finding {
	const char *rule;       /* rule id, e.g. "dma-map-leak"; owned by the session */
	enum dmc_severity severity;
	char *file;             /* path as given on the command line */
	int line, col;          /* 1-based start */
	int end_line, end_col;  /* 1-based, end exclusive column */
	char *message;
	char *function;         /* enclosing function, or NULL */
	char *line_text;        /* the source line, trimmed (for fingerprints and HTML) */
	struct dmc_note *notes;
	size_t nnotes;
	char fingerprint[17];   /* hex; stable across unrelated edits and line shifts */
};

/** Trouble with the input that is not a finding: parse recovery, unreadable file. */
enum dmc_diag_kind { DMC_DIAG_PARSE_NOTE, DMC_DIAG_ERROR };
struct dmc_diag {
	enum dmc_diag_kind kind;
	char *file;
	int line, col;
	char *message;
};

struct dmc_result {
	struct dmc_finding *findings;
	size_t nfindings, cap_findings;
	struct dmc_diag *diags;
	size_t ndiags, cap_diags;
	/* statistics, for the benchmark and the progress line */
	size_t bytes, functions, error_nodes;
};

struct dmc_session;

struct dmc_options {
	const char *rules_dir;  /* NULL: found next to the executable or the source tree */
	int parse_only;         /* stop after parsing (benchmark baseline) */
	const char *const *enable;   /* NULL-terminated rule ids or groups; NULL = all */
	const char *const *disable;  /* NULL-terminated rule ids or groups */
};

/**
 * Load rules data and prepare a session. On failure returns NULL and writes
 * "file:line: error: ..." lines to err (which may be NULL).
 */
struct dmc_session *dmc_session_new(const struct dmc_options *opt, FILE *err);
void dmc_session_free(struct dmc_session *s);

/** Rule table (for --list-rules, SARIF tool.driver.rules, LSP hover). */
struct dmc_rule_info {
	const char *id;         /* "dma-map-leak" */
	const char *catalogue;  /* "DMA-08" */
	const char *group;      /* "dma" */
	enum dmc_severity severity;
	const char *summary;    /* first sentence of the doc */
	const char *doc_path;   /* absolute path of rules/docs/<id>.md */
	int enabled;
};
size_t dmc_session_rule_count(const struct dmc_session *s);
const struct dmc_rule_info *dmc_session_rule(const struct dmc_session *s, size_t i);
const struct dmc_rule_info *dmc_session_find_rule(const struct dmc_session *s, const char *id);
const char *dmc_session_rules_dir(const struct dmc_session *s);

/** Check a file from disk. Returns 0, or -1 if it could not be read (a DMC_DIAG_ERROR is added). */
int dmc_check_file(const struct dmc_session *s, const char *path, struct dmc_result *out);
/** Check an in-memory buffer (LSP). path is used for messages only. */
int dmc_check_buffer(const struct dmc_session *s, const char *path,
		     const char *buf, size_t len, struct dmc_result *out);

/** Dump the IR of a buffer (stable text, for golden tests). */
int dmc_dump_ir(const struct dmc_session *s, const char *path,
		const char *buf, size_t len, FILE *out);
/** Dump the IR (facts = 0) or the inferred address spaces (facts = 1, --dump-facts). */
int dmc_dump(const struct dmc_session *s, const char *path,
	     const char *buf, size_t len, FILE *out, int facts);

void dmc_result_init(struct dmc_result *r);
void dmc_result_release(struct dmc_result *r);
/** Sort findings by file, line, col, rule, message and drop exact duplicates. */
void dmc_result_sort(struct dmc_result *r);
/** Move everything from src into dst (src is left empty). */
void dmc_result_merge(struct dmc_result *dst, struct dmc_result *src);

#endif
