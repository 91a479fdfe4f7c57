/*
 * options.h - the dmacheck command line: one option table drives parsing,
 * --help and (later) the man page.
 */
#ifndef DMC_CLI_OPTIONS_H
#define DMC_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

#include "report/emit.h"

/** What each entry of the option table sets. */
enum cli_opt_id {
	OPT_JOBS, OPT_FORMAT, OPT_OUTPUT, OPT_EXPLAIN, OPT_LIST_RULES,
	OPT_RULES_DIR, OPT_ENABLE, OPT_DISABLE, OPT_DUMP_IR, OPT_DUMP_FACTS, OPT_PARSE_ONLY,
	OPT_PARSE_NOTES, OPT_QUIET, OPT_KBUILD, OPT_VERSION, OPT_HELP,
	OPT_BASELINE, OPT_WRITE_BASELINE, OPT_DIFF, OPT_FAIL_ON,
	OPT_COMPDB, OPT_EXCLUDE, OPT_MAN,
};

/** One row of the option table. */
struct cli_option {
	enum cli_opt_id id;
	const char *long_name;  /* without "--" */
	char short_name;        /* 0 if none */
	const char *arg;        /* name of the argument in help, NULL if none */
	const char *help;       /* one line, lowercase, no final period */
};

/** The option table (static, read-only); *n receives its length. */
const struct cli_option *cli_option_table(size_t *n);

/** --fail-on: the least severity that makes the exit status 1 (gate.c). */
enum cli_fail_on { FAIL_ON_DEFAULT /* warning */, FAIL_ON_NOTE, FAIL_ON_WARNING,
		   FAIL_ON_ERROR, FAIL_ON_NEVER };

/** The parsed command line. Strings point into argv. */
struct cli_opts {
	unsigned jobs;          /* 0: number of online CPUs */
	enum emit_format format;
	const char *output;     /* -o FILE, NULL: stdout */
	const char *explain;
	const char *rules_dir;
	const char *dump_ir;
	int dump_facts;              /* --dump-facts: dump_ir names the file */
	const char **enable;    /* NULL-terminated, or NULL */
	const char **disable;   /* NULL-terminated, or NULL */
	const char *compdb;     /* -p DIR: DIR/compile_commands.json, or NULL */
	const char **exclude;   /* --exclude globs (copies), NULL-terminated, or NULL */
	int man;                /* --man: print the man page */
	int list_rules, parse_only, parse_notes, quiet, kbuild, version, help;
	const char *baseline;        /* --baseline FILE: report only findings not in it */
	const char *write_baseline;  /* --write-baseline FILE */
	const char *diff;            /* --diff REF: only lines changed since git REF */
	enum cli_fail_on fail_on;
	const char **paths;     /* the operands, npaths of them */
	size_t npaths;
};

/**
 * Parse argv into o (which is initialised here). In --kbuild mode (when
 * --kbuild is the first argument) gcc options are accepted and ignored,
 * those with a separate argument consume it. Errors are written to err as
 * "dmacheck: error: ..." and make it return -1.
 */
int cli_parse(int argc, char **argv, struct cli_opts *o, FILE *err);

/** Release what cli_parse() allocated. */
void cli_opts_release(struct cli_opts *o);

/** Print the usage line and the option table (for --help). */
void cli_usage(FILE *out);

/** Print "usage: ..." and a hint to run --help (after a usage error). */
void cli_usage_short(FILE *out);

#endif
