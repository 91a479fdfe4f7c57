/*
 * corpus_run.c - run libdmacheck in-process over annotated C files and
 * compare its findings with the expectations written in the files:
 *
 *   code;  / * expect-warning[@+N|@-N] RULE-ID [{{substring of message}}] * /
 *   / * corpus: xfail REASON * /     the file is a known false negative/positive
 *
 * A file passes when every expectation is matched by a finding (same line,
 * rule, severity, and substring) and no finding is left unmatched. An xfail
 * file must fail (so a fixed gap is noticed). Usage:
 *   corpus_run [--rules-dir DIR] FILE-OR-DIR...
 * A directory named bad-* or good-* is one multi-file driver: its .c files
 * are checked together (their ledgers too, as the command line checks a
 * directory), and the expectations of all of them must be met.
 * Prints one line per failing file, then "N passed, N failed".
 */
#include "dmacheck.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct expect {
	int line;
	char sev[16];
	char rule[96];
	char sub[256];
	int matched;
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	*len = fread(b, 1, (size_t)n, f);
	b[*len] = 0;
	fclose(f);
	return b;
}

static int parse_expects(const char *text, struct expect **out, int *xfail)
{
	int n = 0, cap = 0, line = 1;
	*out = NULL;
	*xfail = strstr(text, "corpus: xfail") != NULL;
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			line++;
			continue;
		}
		if (strncmp(p, "expect-", 7) != 0 || (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_')))
			continue;
		const char *q = p + 7;
		struct expect e = { .line = line };
		int k = 0;
		while (isalpha((unsigned char)*q) && k < 15)
			e.sev[k++] = *q++;
		if (strcmp(e.sev, "warning") && strcmp(e.sev, "error") && strcmp(e.sev, "note"))
			continue;  /* expect-no-findings and prose */
		if (*q == '@') {
			q++;
			int sign = *q == '-' ? -1 : 1;
			if (*q == '+' || *q == '-')
				q++;
			e.line = line + sign * atoi(q);
			while (isdigit((unsigned char)*q))
				q++;
		}
		while (*q == ' ' || *q == '\t')
			q++;
		k = 0;
		while ((isalnum((unsigned char)*q) || *q == '-') && k < 95)
			e.rule[k++] = *q++;
		if (!k)
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (q[0] == '{' && q[1] == '{') {
			const char *end = strstr(q + 2, "}}");
			if (end && (size_t)(end - q - 2) < sizeof(e.sub)) {
				memcpy(e.sub, q + 2, (size_t)(end - q - 2));
				e.sub[end - q - 2] = 0;
			}
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = realloc(*out, (size_t)cap * sizeof(**out));
		}
		(*out)[n++] = e;
		p = q - 1;
	}
	return n;
}

struct expect_set {
	const char *path;
	struct expect *ex;
	int nex;
};

/*
 * Check paths[0..n) as one driver (a single file, or the .c files of a
 * corpus directory named bad-* or good-*, whose ledgers are checked
 * together) and compare with the expect- comments of every file.
 */
static int check_group(const struct dmc_session *s, const char *label, char **paths, size_t n, int verbose)
{
	struct expect_set *es = calloc(n ? n : 1, sizeof(*es));
	struct dmc_ledger **lgs = calloc(n ? n : 1, sizeof(*lgs));
	struct dmc_result r;
	int xfail = 0;
	dmc_result_init(&r);
	for (size_t i = 0; i < n; i++) {
		size_t len;
		char *text = slurp(paths[i], &len);
		int xf = 0;
		es[i].path = paths[i];
		if (!text) {
			printf("FAIL %s: cannot read\n", paths[i]);
			continue;
		}
		es[i].nex = parse_expects(text, &es[i].ex, &xf);
		xfail |= xf;
		free(text);
		dmc_check_file_ledger(s, paths[i], &r, &lgs[i]);
	}
	if (n > 1)
		dmc_ledger_check(s, lgs, n, &r);
	for (size_t i = 0; i < n; i++)
		dmc_ledger_free(lgs[i]);
	free(lgs);
	dmc_result_sort(&r);
	int ok = 1;
	char report[16384];
	size_t ro = 0;
	report[0] = 0;
	for (size_t i = 0; i < r.nfindings; i++) {
		const struct dmc_finding *f = &r.findings[i];
		int hit = 0;
		for (size_t g = 0; g < n && !hit; g++) {
			if (strcmp(es[g].path, f->file))
				continue;
			struct expect *ex = es[g].ex;
			for (int k = 0; k < es[g].nex && !hit; k++) {
				if (ex[k].matched || ex[k].line != f->line || strcmp(ex[k].rule, f->rule) ||
				    strcmp(ex[k].sev, dmc_severity_name(f->severity)) ||
				    (ex[k].sub[0] && !strstr(f->message, ex[k].sub)))
					continue;
				ex[k].matched = hit = 1;
			}
		}
		if (!hit) {
			ok = 0;
			ro += (size_t)snprintf(report + ro, ro < sizeof(report) ? sizeof(report) - ro : 0,
					       "  unexpected %s:%d:%d: %s [%s]\n", f->file, f->line, f->col, f->message, f->rule);
		}
	}
	for (size_t g = 0; g < n; g++)
		for (int k = 0; k < es[g].nex; k++)
			if (!es[g].ex[k].matched) {
				struct expect *e = &es[g].ex[k];
				ok = 0;
				ro += (size_t)snprintf(report + ro, ro < sizeof(report) ? sizeof(report) - ro : 0,
						       "  missing    %s:%d: expect-%s %s%s%s%s\n", es[g].path, e->line, e->sev,
						       e->rule, e->sub[0] ? " {{" : "", e->sub, e->sub[0] ? "}}" : "");
			}
	for (size_t i = 0; i < r.ndiags; i++)
		if (r.diags[i].kind == DMC_DIAG_ERROR) {
			ok = 0;
			ro += (size_t)snprintf(report + ro, ro < sizeof(report) ? sizeof(report) - ro : 0,
					       "  error      %s: %s\n", r.diags[i].file, r.diags[i].message);
		}
	int pass = xfail ? !ok : ok;
	if (!pass || verbose)
		printf("%s %s%s\n%s", pass ? "PASS" : "FAIL", label,
		       xfail ? (ok ? " (xfail, but it passes now: remove the xfail)" : " (xfail)") : "", pass && !xfail ? "" : report);
	dmc_result_release(&r);
	for (size_t g = 0; g < n; g++)
		free(es[g].ex);
	free(es);
	return pass;
}

static int check_file(const struct dmc_session *s, const char *path, int verbose)
{
	char *p = (char *)path;
	return check_group(s, path, &p, 1, verbose);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const struct dmc_session *s, const char *path, int verbose, int *npass, int *nfail)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		printf("FAIL %s: no such file or directory\n", path);
		(*nfail)++;
		return;
	}
	if (S_ISREG(st.st_mode)) {
		size_t n = strlen(path);
		if (n > 2 && !strcmp(path + n - 2, ".c"))
			(check_file(s, path, verbose) ? (*npass)++ : (*nfail)++);
		return;
	}
	DIR *d = opendir(path);
	if (!d)
		return;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	int driver = !strncmp(base, "bad-", 4) || !strncmp(base, "good-", 5);
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			names = realloc(names, (n + 1) * sizeof(*names));
			names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
			sprintf(names[n++], "%s/%s", path, e->d_name);
		}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp);
	if (driver) {
		/* a multi-file driver: its .c files are checked together */
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			size_t l = strlen(names[i]);
			if (l > 2 && !strcmp(names[i] + l - 2, ".c"))
				names[k++] = names[i];
			else
				free(names[i]);
		}
		(k && check_group(s, path, names, k, verbose) ? (*npass)++ : (*nfail)++);
		for (size_t i = 0; i < k; i++)
			free(names[i]);
		free(names);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		walk(s, names[i], verbose, npass, nfail);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	struct dmc_options opt = { 0 };
	int i = 1, verbose = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--rules-dir") && i + 1 < argc)
			opt.rules_dir = argv[++i];
		else if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else {
			fprintf(stderr, "usage: corpus_run [-v] [--rules-dir DIR] FILE-OR-DIR...\n");
			return 2;
		}
	}
	struct dmc_session *s = dmc_session_new(&opt, stderr);
	if (!s)
		return 2;
	int npass = 0, nfail = 0;
	for (; i < argc; i++)
		walk(s, argv[i], verbose, &npass, &nfail);
	printf("%d passed, %d failed\n", npass, nfail);
	dmc_session_free(s);
	return nfail || !npass ? 1 : 0;
}
