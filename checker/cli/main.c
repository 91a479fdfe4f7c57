/*
 * main.c - the dmacheck command: options -> session -> files -> findings
 * -> emitter. Exit status: 0 no findings, 1 findings, 2 usage, input or
 * internal error; in --kbuild mode 0 unless dmacheck itself fails.
 *
 * stdout carries only the report (or --list-rules/--explain/--dump-ir/--man);
 * the summary by rule goes to stderr unless -q, and the progress line too,
 * only when stderr is a terminal.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dmacheck.h"
#include "gate.h"
#include "compdb.h"
#include "info.h"
#include "man.h"
#include "lsp/lsp.h"
#include "options.h"
#include "progress.h"
#include "report/emit.h"
#include "run.h"
#include "walk.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

static int has_input_errors(const struct dmc_result *r)
{
	size_t i;

	for (i = 0; i < r->ndiags; i++)
		if (r->diags[i].kind == DMC_DIAG_ERROR)
			return 1;
	return 0;
}

static int write_report(const struct cli_opts *o, const struct dmc_session *s,
			const struct dmc_result *res, int failed)
{
	struct emit_opts eo = { .parse_notes = o->parse_notes, .failed = failed };
	FILE *out = o->kbuild ? stderr : stdout;
	int rc;

	if (o->kbuild)
		return emit_text(stderr, s, res, &eo);
	if (o->output && !(out = fopen(o->output, "w"))) {
		fprintf(stderr, "dmacheck: error: cannot open '%s': %s\n",
			o->output, strerror(errno));
		return -1;
	}
	rc = emit_result(out, o->format, s, res, &eo);
	if (out != stdout ? fclose(out) : fflush(out))
		rc = -1;
	if (rc < 0)
		fprintf(stderr, "dmacheck: error: cannot write the report%s%s\n",
			o->output ? " to " : "", o->output ? o->output : "");
	return rc;
}

static void print_summary(const struct cli_opts *o, const struct file_list *fl,
			  const struct dmc_result *res)
{
	if (o->quiet || o->kbuild)
		return;
	if (o->parse_only)
		fprintf(stderr, "dmacheck: parse-only: %zu files, %zu bytes, %zu error nodes\n",
			fl->n, res->bytes, res->error_nodes);
	else
		progress_summary(stderr, res, fl->n); /* by rule */
}

/* The files to check: -p DIR's compile_commands.json entries, else walks. */
static int collect_files(const struct cli_opts *o, struct file_list *fl, int *input_error)
{
	const char *const *ex = (const char *const *)o->exclude;
	struct compdb db;
	size_t i;
	int rc;

	if (!o->compdb) {
		for (i = 0; i < o->npaths; i++)
			if (walk_path_excluding(fl, o->paths[i], ex, stderr) < 0)
				*input_error = 1;
		return 0;
	}
	if (compdb_load(&db, o->compdb, stderr) < 0)
		return -1;
	rc = compdb_select(&db, o->compdb, o->paths, o->npaths, ex, fl, stderr);
	compdb_release(&db); /* flags are not used yet: see compdb_flags_for() */
	return rc;
}

static int check_paths(const struct cli_opts *o, const struct dmc_session *s)
{
	struct file_list fl = { 0 };
	struct dmc_result res;
	int input_error = 0, internal_error = 0;
	struct gate g;
	struct progress *prog;
	size_t i;

	if (gate_prepare(o, &g, stderr) < 0) /* --baseline, --diff */
		return EXIT_TROUBLE;
	if (collect_files(o, &fl, &input_error) < 0) {
		gate_release(&g);
		file_list_release(&fl);
		return EXIT_TROUBLE;
	}
	file_list_sort(&fl);
	dmc_result_init(&res);
	prog = o->quiet || o->kbuild ? NULL : progress_new(stderr, fl.n);
	if (run_check_progress(s, &fl, o->kbuild && !o->jobs ? 1 : o->jobs, &res, prog) < 0)
		fputs("dmacheck: warning: could not start all worker threads\n", stderr);
	progress_finish(prog);
	dmc_result_sort(&res);
	input_error |= has_input_errors(&res);
	if (gate_apply(o, &g, &res, stderr) < 0 || write_report(o, s, &res, input_error) < 0)
		internal_error = 1;
	print_summary(o, &fl, &res);
	i = gate_failing(o, &res); /* --fail-on */
	gate_release(&g);
	dmc_result_release(&res);
	file_list_release(&fl);
	if (internal_error)
		return EXIT_TROUBLE;
	if (o->kbuild)
		return EXIT_CLEAN;
	if (input_error)
		return EXIT_TROUBLE;
	return i ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int run(const struct cli_opts *o)
{
	struct dmc_options dopt = {
		.rules_dir = o->rules_dir,
		.parse_only = o->parse_only,
		.enable = o->enable,
		.disable = o->disable,
	};
	struct dmc_session *s;
	int rc;

	if (!o->list_rules && !o->explain && !o->dump_ir && !o->npaths && !o->compdb) {
		if (o->kbuild)
			return EXIT_CLEAN; /* nothing to check, e.g. an assembler file */
		fputs("dmacheck: error: no input files\n", stderr);
		cli_usage_short(stderr);
		return EXIT_TROUBLE;
	}
	s = dmc_session_new(&dopt, stderr);
	if (!s) {
		fputs("dmacheck: error: cannot load the rules\n", stderr);
		return EXIT_TROUBLE;
	}
	if (o->list_rules)
		rc = info_list_rules(s, stdout) < 0 ? EXIT_TROUBLE : EXIT_CLEAN;
	else if (o->explain)
		rc = info_explain(s, o->explain, stdout, stderr) < 0 ? EXIT_TROUBLE : EXIT_CLEAN;
	else if (o->dump_ir)
		rc = info_dump_ir(s, o->dump_ir, o->dump_facts, stdout, stderr) < 0 ? EXIT_TROUBLE : EXIT_CLEAN;
	else
		rc = check_paths(o, s);
	dmc_session_free(s);
	if (fflush(stdout) && rc != EXIT_TROUBLE) {
		fputs("dmacheck: error: cannot write to standard output\n", stderr);
		rc = EXIT_TROUBLE;
	}
	return rc;
}

int main(int argc, char **argv)
{
	struct cli_opts o;
	int rc;

	if (argc > 1 && !strcmp(argv[1], "lsp"))
		return lsp_main(argc - 1, argv + 1);
	if (cli_parse(argc, argv, &o, stderr) < 0) {
		cli_usage_short(stderr);
		cli_opts_release(&o);
		return EXIT_TROUBLE;
	}
	if (o.help) {
		cli_usage(stdout);
		rc = EXIT_CLEAN;
	} else if (o.man) {
		rc = cli_man(stdout) < 0 || fflush(stdout) ? EXIT_TROUBLE : EXIT_CLEAN;
	} else if (o.version) {
		printf("dmacheck %s\n", DMACHECK_VERSION);
		rc = EXIT_CLEAN;
	} else {
		rc = run(&o);
	}
	cli_opts_release(&o);
	return rc;
}
