/*
 * options.c - parse the dmacheck command line from one option table.
 *
 * Normal mode: getopt-like, with "--name=value", "--name value", "-j4",
 * "-j 4", bundled short flags ("-qj4") and "--" ending the options.
 * kbuild mode (kbuild runs "$(CHECK) $(CHECKFLAGS) $(c_flags) file.c"):
 * only dmacheck's long options are recognised; every other dash argument is
 * a compiler option and is ignored, consuming its separate argument if it
 * has one. Not handled: "@file" response files (kbuild does not use them).
 */
#define _POSIX_C_SOURCE 200809L
#include "options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const struct cli_option options[] = {
	{ OPT_JOBS, "jobs", 'j', "N", "check N files in parallel (default: number of online CPUs)" },
	{ OPT_FORMAT, "format", 0, "FMT", "output format: text (default), json, sarif or html" },
	{ OPT_OUTPUT, "output", 'o', "FILE", "write the report to FILE instead of standard output" },
	{ OPT_COMPDB, "compile-commands", 'p', "DIR", "check the .c files of DIR/compile_commands.json (under PATHs if given)" },
	{ OPT_EXCLUDE, "exclude", 0, "GLOB", "skip files and directories matching GLOB (repeatable; '*' matches '/')" },
	{ OPT_ENABLE, "enable", 0, "ID,...", "enable rules or rule groups (default: all)" },
	{ OPT_DISABLE, "disable", 0, "ID,...", "disable rules or rule groups" },
	{ OPT_BASELINE, "baseline", 0, "FILE", "report only findings that are not in the baseline FILE" },
	{ OPT_WRITE_BASELINE, "write-baseline", 0, "FILE", "write the findings to the baseline FILE (JSON); exit 0 if the run worked" },
	{ OPT_DIFF, "diff", 0, "REF", "report only findings on lines changed since git revision REF" },
	{ OPT_FAIL_ON, "fail-on", 0, "SEV", "exit 1 only for findings of at least SEV: note, warning (default), error, never" },
	{ OPT_RULES_DIR, "rules-dir", 0, "DIR", "read rules data from DIR instead of the installed rules" },
	{ OPT_LIST_RULES, "list-rules", 0, NULL, "list the rules: id, catalogue id, severity, summary" },
	{ OPT_EXPLAIN, "explain", 0, "RULE", "print the documentation of RULE" },
	{ OPT_PARSE_NOTES, "parse-notes", 0, NULL, "show parse-recovery notes in text output" },
	{ OPT_PARSE_ONLY, "parse-only", 0, NULL, "only parse the files (benchmark baseline)" },
	{ OPT_DUMP_IR, "dump-ir", 0, "FILE", "print the IR of FILE and exit" },
	{ OPT_DUMP_FACTS, "dump-facts", 0, "FILE", "print the address space inferred for each value of FILE and exit" },
	{ OPT_KBUILD, "kbuild", 0, NULL, "kbuild CHECK= mode: ignore compiler options, report on stderr, exit 0" },
	{ OPT_QUIET, "quiet", 'q', NULL, "do not print summaries on standard error" },
	{ OPT_VERSION, "version", 0, NULL, "print the version and exit" },
	{ OPT_HELP, "help", 'h', NULL, "print this help and exit" },
	{ OPT_MAN, "man", 0, NULL, "print the manual page (roff) and exit" },
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

const struct cli_option *cli_option_table(size_t *n)
{
	*n = NOPTIONS;
	return options;
}

void cli_usage_short(FILE *out)
{
	fputs("usage: dmacheck [options] PATH...\n"
	      "Try 'dmacheck --help' for more information.\n", out);
}

void cli_usage(FILE *out)
{
	size_t i, w = 0;

	for (i = 0; i < NOPTIONS; i++) {
		size_t len = strlen(options[i].long_name) +
			     (options[i].arg ? strlen(options[i].arg) + 1 : 0);

		if (len > w)
			w = len;
	}
	fputs("usage: dmacheck [options] PATH...\n"
	      "       dmacheck -p BUILD_DIR [options] [PATH...]\n"
	      "       dmacheck --kbuild [compiler options] FILE.c...\n\n"
	      "Find DMA API misuse in Linux driver sources. PATH is a .c file or a\n"
	      "directory, searched recursively for .c files.\n\n"
	      "Options:\n", out);
	for (i = 0; i < NOPTIONS; i++) {
		const struct cli_option *op = &options[i];
		char left[64];

		snprintf(left, sizeof(left), "%s%s%s", op->long_name,
			 op->arg ? "=" : "", op->arg ? op->arg : "");
		if (op->short_name)
			fprintf(out, "  -%c, ", op->short_name);
		else
			fputs("      ", out);
		fprintf(out, "--%-*s  %s\n", (int)w, left, op->help);
	}
	fputs("\nExit status: 0 no findings, 1 findings, 2 usage, input or internal error\n"
	      "(--kbuild: 0 unless dmacheck itself fails; see also --fail-on).\n", out);
}

/* gcc options whose argument is the next word when not joined. */
static const char *const gcc_sep_arg[] = {
	"-I", "-D", "-U", "-o", "-x", "-include", "-imacros", "-isystem",
	"-idirafter", "-iprefix", "-iwithprefix", "-iwithprefixbefore",
	"-iquote", "-isysroot", "-imultilib", "-MF", "-MT", "-MQ", "-A",
	"-L", "-T", "-u", "-z", "-Xlinker", "-Xassembler", "-Xpreprocessor",
	"-aux-info", "--param", "-G", "-B",
};

static int gcc_takes_arg(const char *a)
{
	size_t i;

	for (i = 0; i < sizeof(gcc_sep_arg) / sizeof(gcc_sep_arg[0]); i++)
		if (!strcmp(a, gcc_sep_arg[i]))
			return 1;
	return 0;
}

static int push(const char ***vec, size_t *n, const char *s)
{
	const char **v = realloc(*vec, (*n + 2) * sizeof(**vec));

	if (!v)
		return -1;
	v[(*n)++] = s;
	v[*n] = NULL;
	*vec = v;
	return 0;
}

static size_t vec_len(const char **v)
{
	size_t n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* Append the comma-separated items of list (copied) to *vec. */
static int push_list(const char ***vec, const char *list, FILE *err, const char *name)
{
	size_t n = vec_len(*vec);
	const char *p = list;

	for (;;) {
		size_t len = strcspn(p, ",");
		char *item;

		if (len) {
			item = strndup(p, len);
			if (!item || push(vec, &n, item) < 0) {
				free(item);
				fputs("dmacheck: error: out of memory\n", err);
				return -1;
			}
		}
		if (!p[len])
			break;
		p += len + 1;
	}
	if (!n) {
		fprintf(err, "dmacheck: error: --%s needs a rule id or group\n", name);
		return -1;
	}
	return 0;
}

static int parse_jobs(const char *v, unsigned *out, FILE *err)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno || end == v || *end || n < 1 || n > 4096 || v[0] == '-') {
		fprintf(err, "dmacheck: error: invalid number of jobs '%s'\n", v);
		return -1;
	}
	*out = (unsigned)n;
	return 0;
}

static int parse_fail_on(const char *v, enum cli_fail_on *out, FILE *err)
{
	static const char *const names[] = { "note", "warning", "error", "never" };
	static const enum cli_fail_on vals[] = { FAIL_ON_NOTE, FAIL_ON_WARNING, FAIL_ON_ERROR, FAIL_ON_NEVER };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(v, names[i])) {
			*out = vals[i];
			return 0;
		}
	fprintf(err, "dmacheck: error: invalid --fail-on '%s' (note, warning, error or never)\n", v);
	return -1;
}

/* Apply option op with argument val (NULL for flags). */
static int apply(struct cli_opts *o, const struct cli_option *op,
		 const char *val, FILE *err)
{
	switch (op->id) {
	case OPT_JOBS:
		return parse_jobs(val, &o->jobs, err);
	case OPT_FORMAT:
		if (emit_format_parse(val, &o->format) < 0) {
			fprintf(err, "dmacheck: error: unknown format '%s' (text, json, sarif or html)\n", val);
			return -1;
		}
		return 0;
	case OPT_OUTPUT:
		o->output = val;
		return 0;
	case OPT_EXPLAIN:
		o->explain = val;
		return 0;
	case OPT_RULES_DIR:
		o->rules_dir = val;
		return 0;
	case OPT_DUMP_IR:
		o->dump_ir = val;
		return 0;
	case OPT_DUMP_FACTS:
		o->dump_ir = val;
		o->dump_facts = 1;
		return 0;
	case OPT_ENABLE:
		return push_list(&o->enable, val, err, op->long_name);
	case OPT_DISABLE:
		return push_list(&o->disable, val, err, op->long_name);
	case OPT_LIST_RULES:
		o->list_rules = 1;
		return 0;
	case OPT_PARSE_ONLY:
		o->parse_only = 1;
		return 0;
	case OPT_PARSE_NOTES:
		o->parse_notes = 1;
		return 0;
	case OPT_QUIET:
		o->quiet = 1;
		return 0;
	case OPT_KBUILD:
		o->kbuild = 1;
		return 0;
	case OPT_VERSION:
		o->version = 1;
		return 0;
	case OPT_HELP:
		o->help = 1;
		return 0;
	case OPT_MAN:
		o->man = 1;
		return 0;
	case OPT_COMPDB:
		o->compdb = val;
		return 0;
	case OPT_EXCLUDE: {
		size_t n = vec_len(o->exclude);
		char *g = strdup(val);

		if (!g || push(&o->exclude, &n, g) < 0) {
			free(g);
			fputs("dmacheck: error: out of memory\n", err);
			return -1;
		}
		return 0;
	}
	case OPT_BASELINE:
		o->baseline = val;
		return 0;
	case OPT_WRITE_BASELINE:
		o->write_baseline = val;
		return 0;
	case OPT_DIFF:
		o->diff = val;
		return 0;
	case OPT_FAIL_ON:
		return parse_fail_on(val, &o->fail_on, err);
	}
	return 0;
}

static const struct cli_option *find_long(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (strlen(options[i].long_name) == len &&
		    !strncmp(options[i].long_name, name, len))
			return &options[i];
	return NULL;
}

static const struct cli_option *find_short(char c)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (options[i].short_name == c)
			return &options[i];
	return NULL;
}

/*
 * "--name[=value]" at argv[*i]. Returns 0, -1 on error, or 1 if the name is
 * not ours (only reported outside kbuild mode).
 */
static int parse_long(struct cli_opts *o, int argc, char **argv, int *i, FILE *err)
{
	const char *a = argv[*i] + 2, *eq = strchr(a, '=');
	size_t len = eq ? (size_t)(eq - a) : strlen(a);
	const struct cli_option *op = find_long(a, len);
	const char *val = NULL;

	if (!op)
		return 1;
	if (op->arg) {
		if (eq) {
			val = eq + 1;
		} else if (*i + 1 < argc) {
			val = argv[++*i];
		} else {
			fprintf(err, "dmacheck: error: option '--%s' needs an argument\n",
				op->long_name);
			return -1;
		}
	} else if (eq) {
		fprintf(err, "dmacheck: error: option '--%s' takes no argument\n",
			op->long_name);
		return -1;
	}
	return apply(o, op, val, err);
}

/* Bundled short options "-qj4" or "-j 4" at argv[*i]. */
static int parse_short(struct cli_opts *o, int argc, char **argv, int *i, FILE *err)
{
	const char *p = argv[*i] + 1;

	for (; *p; p++) {
		const struct cli_option *op = find_short(*p);

		if (!op) {
			fprintf(err, "dmacheck: error: unknown option '-%c'\n", *p);
			return -1;
		}
		if (!op->arg) {
			if (apply(o, op, NULL, err) < 0)
				return -1;
			continue;
		}
		if (p[1])
			return apply(o, op, p + 1, err);
		if (*i + 1 >= argc) {
			fprintf(err, "dmacheck: error: option '-%c' needs an argument\n", *p);
			return -1;
		}
		return apply(o, op, argv[++*i], err);
	}
	return 0;
}

static int add_path(struct cli_opts *o, const char *p, FILE *err)
{
	if (push(&o->paths, &o->npaths, p) < 0) {
		fputs("dmacheck: error: out of memory\n", err);
		return -1;
	}
	return 0;
}

/* kbuild mode: our long options, everything else dashed is the compiler's. */
static int parse_kbuild(struct cli_opts *o, int argc, char **argv, FILE *err)
{
	int i, rc;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] != '-' || !a[1]) {
			if (add_path(o, a, err) < 0)
				return -1;
			continue;
		}
		if (a[1] == '-' && (rc = parse_long(o, argc, argv, &i, err)) <= 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		if (gcc_takes_arg(a) && i + 1 < argc)
			i++;
	}
	return 0;
}

int cli_parse(int argc, char **argv, struct cli_opts *o, FILE *err)
{
	int i, rc;

	memset(o, 0, sizeof(*o));
	o->format = EMIT_TEXT;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--kbuild")) {
			o->kbuild = 1;
			return parse_kbuild(o, argc, argv, err);
		}
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			while (++i < argc)
				if (add_path(o, argv[i], err) < 0)
					return -1;
			break;
		}
		if (a[0] != '-' || !a[1]) {
			rc = add_path(o, a, err);
		} else if (a[1] == '-') {
			rc = parse_long(o, argc, argv, &i, err);
			if (rc > 0) {
				fprintf(err, "dmacheck: error: unknown option '%s'\n", a);
				rc = -1;
			}
		} else {
			rc = parse_short(o, argc, argv, &i, err);
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

static void free_vec(const char **v)
{
	size_t i;

	for (i = 0; v && v[i]; i++)
		free((char *)v[i]);
	free(v);
}

void cli_opts_release(struct cli_opts *o)
{
	free_vec(o->enable);
	free_vec(o->disable);
	free_vec(o->exclude);
	free(o->paths);
	memset(o, 0, sizeof(*o));
}
