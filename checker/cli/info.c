/*
 * info.c - --list-rules, --explain and --dump-ir.
 */
#define _POSIX_C_SOURCE 200809L
#include "info.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int width(const char *s)
{
	return s ? (int)strlen(s) : 1;
}

int info_list_rules(const struct dmc_session *s, FILE *out)
{
	size_t i, n = dmc_session_rule_count(s);
	int wid = 0, wcat = 0, wsev = 0;

	for (i = 0; i < n; i++) {
		const struct dmc_rule_info *r = dmc_session_rule(s, i);

		if (width(r->id) > wid)
			wid = width(r->id);
		if (width(r->catalogue) > wcat)
			wcat = width(r->catalogue);
		if (width(dmc_severity_name(r->severity)) > wsev)
			wsev = width(dmc_severity_name(r->severity));
	}
	for (i = 0; i < n; i++) {
		const struct dmc_rule_info *r = dmc_session_rule(s, i);

		fprintf(out, "%-*s  %-*s  %-*s  %s%s\n", wid, r->id,
			wcat, r->catalogue ? r->catalogue : "-",
			wsev, dmc_severity_name(r->severity),
			r->summary ? r->summary : "",
			r->enabled ? "" : " (disabled)");
	}
	return 0;
}

/* Copy a whole file to out. Returns 0, or -1 with errno set. */
static int copy_file(const char *path, FILE *out)
{
	char buf[8192];
	size_t n;
	FILE *f = fopen(path, "rb");
	int rc = 0;

	if (!f)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

int info_explain(const struct dmc_session *s, const char *id, FILE *out, FILE *err)
{
	const struct dmc_rule_info *r = dmc_session_find_rule(s, id);

	if (!r) {
		fprintf(err, "dmacheck: error: unknown rule '%s' (see --list-rules)\n", id);
		return -1;
	}
	if (!r->doc_path || copy_file(r->doc_path, out) < 0) {
		fprintf(err, "dmacheck: error: cannot read the doc of '%s'%s%s: %s\n",
			id, r->doc_path ? " at " : "", r->doc_path ? r->doc_path : "",
			r->doc_path ? strerror(errno) : "no doc file");
		return -1;
	}
	return 0;
}

int info_dump_ir(const struct dmc_session *s, const char *path, int facts, FILE *out, FILE *err)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	int rc;

	if (!f) {
		fprintf(err, "dmacheck: error: cannot access '%s': %s\n", path, strerror(errno));
		return -1;
	}
	do {
		if (len == cap) {
			char *p = realloc(buf, cap = cap ? cap * 2 : 65536);

			if (!p) {
				free(buf);
				fclose(f);
				fputs("dmacheck: error: out of memory\n", err);
				return -1;
			}
			buf = p;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	rc = ferror(f) ? -1 : 0;
	fclose(f);
	if (rc < 0)
		fprintf(err, "dmacheck: error: cannot read '%s'\n", path);
	else
		rc = dmc_dump(s, path, buf, len, out, facts) < 0 ? -1 : 0;
	free(buf);
	return rc;
}
