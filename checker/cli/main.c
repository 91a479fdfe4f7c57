/*
 * main.c - the dmacheck command: options -> session -> files -> findings
 * -> emitter. Exit status: 0 no findings, 1 findings, 2 usage, input or
 * internal error; in --kbuild mode 0 unless dmacheck itself fails.
 *
 * stdout carries only the report (or --list-rules/--explain/--dump-ir);
 * summaries go to stderr, and only when it is a terminal or asked for
 * (--parse-only).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dmacheck.h"
#include "info.h"
#include "options.h"
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
	else if (o->format == EMIT_TEXT && isatty(STDERR_FILENO))
		fprintf(stderr, "dmacheck: %zu finding%s in %zu file%s\n",
			res->nfindings, res->nfindings == 1 ? "" : "s",
			fl->n, fl->n == 1 ? "" : "s");
}

static int check_paths(const struct cli_opts *o, const struct dmc_session *s)
{
	struct file_list fl = { 0 };
	struct dmc_result res;
	int input_error = 0, internal_error = 0;
	size_t i;

	for (i = 0; i < o->npaths; i++)
		if (walk_path(&fl, o->paths[i], stderr) < 0)
			input_error = 1;
	file_list_sort(&fl);
	dmc_result_init(&res);
	if (run_check(s, &fl, o->kbuild && !o->jobs ? 1 : o->jobs, &res) < 0)
		fputs("dmacheck: warning: could not start all worker threads\n", stderr);
	dmc_result_sort(&res);
	input_error |= has_input_errors(&res);
	if (write_report(o, s, &res, input_error) < 0)
		internal_error = 1;
	print_summary(o, &fl, &res);
	i = res.nfindings;
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

	if (!o->list_rules && !o->explain && !o->dump_ir && !o->npaths) {
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
		rc = info_dump_ir(s, o->dump_ir, stdout, stderr) < 0 ? EXIT_TROUBLE : EXIT_CLEAN;
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

	if (cli_parse(argc, argv, &o, stderr) < 0) {
		cli_usage_short(stderr);
		cli_opts_release(&o);
		return EXIT_TROUBLE;
	}
	if (o.help) {
		cli_usage(stdout);
		rc = EXIT_CLEAN;
	} else if (o.version) {
		printf("dmacheck %s\n", DMACHECK_VERSION);
		rc = EXIT_CLEAN;
	} else {
		rc = run(&o);
	}
	cli_opts_release(&o);
	return rc;
}
