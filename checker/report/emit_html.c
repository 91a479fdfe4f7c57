/*
 * emit_html.c - a static, self-contained HTML report: one file, inline CSS,
 * no JavaScript, no external resources (links to the rule docs are file://
 * URIs of the session's rules directory).
 *
 *	header      totals and a findings-per-rule table
 *	nav#toc     per driver directory (dirname of the file), per rule, links
 *	            to each finding
 *	main        per directory a section; per finding a
 *	            <section class="finding" id="fN" data-rule="ID"> with the rule
 *	            id (linked to its doc), location, message, the source around
 *	            the finding line (±3 lines, the line itself highlighted) and
 *	            the notes with their lines
 *	section#diagnostics  input errors (and parse notes with --parse-notes)
 *
 * Unlike the other emitters this one reads the source files (by the paths
 * in the findings, relative to the current directory). Text is HTML-escaped;
 * bytes that are not UTF-8 become U+FFFD. Output is deterministic: no
 * timestamps, everything in sorted order.
 */
#define _POSIX_C_SOURCE 200809L
#include "emit.h"
#include "../base/utf8.h"
#include "emit_util.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3
#define SRC_MAX (64u << 20)

/* --- escaping ------------------------------------------------------------------ */


/* Write n bytes of s HTML-escaped. */
static void esc_n(FILE *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		size_t l;

		switch (*p) {
		case '&': fputs("&amp;", out); p++; continue;
		case '<': fputs("&lt;", out); p++; continue;
		case '>': fputs("&gt;", out); p++; continue;
		case '"': fputs("&quot;", out); p++; continue;
		case '\'': fputs("&#39;", out); p++; continue;
		case '\t': fputc('\t', out); p++; continue;
		default: break;
		}
		if (*p < 0x20 || *p == 0x7f) {
			fputs("\xef\xbf\xbd", out);
			p++;
			continue;
		}
		l = utf8_seq(p, (size_t)(end - p));
		if (!l) {
			fputs("\xef\xbf\xbd", out);
			p++;
			continue;
		}
		fwrite(p, 1, l, out);
		p += l;
	}
}

static void esc(FILE *out, const char *s)
{
	if (s)
		esc_n(out, s, strlen(s));
}

/* --- source files -------------------------------------------------------------- */

struct src {
	const char *path;       /* the finding's, not owned; NULL: nothing loaded */
	char *buf;              /* NULL: could not be read */
	size_t len;
	size_t *start;          /* start[i]: offset of line i + 1 */
	size_t nlines;
};

static void src_release(struct src *sc)
{
	free(sc->buf);
	free(sc->start);
	memset(sc, 0, sizeof(*sc));
}

static void src_load(struct src *sc, const char *path)
{
	FILE *f;
	size_t cap = 0, n, i;

	if (sc->path && !strcmp(sc->path, path))
		return;
	src_release(sc);
	sc->path = path;
	f = fopen(path, "rb");
	if (!f)
		return;
	do {
		if (sc->len == cap) {
			char *p = cap >= SRC_MAX ? NULL : realloc(sc->buf, cap = cap ? cap * 2 : 65536);

			if (!p) {
				free(sc->buf);
				sc->buf = NULL;
				fclose(f);
				return;
			}
			sc->buf = p;
		}
		n = fread(sc->buf + sc->len, 1, cap - sc->len, f);
		sc->len += n;
	} while (n > 0);
	fclose(f);
	n = 1;
	for (i = 0; i < sc->len; i++)
		n += sc->buf[i] == '\n';
	sc->start = malloc(n * sizeof(*sc->start));
	if (!sc->start) {
		free(sc->buf);
		sc->buf = NULL;
		return;
	}
	sc->start[0] = 0;
	sc->nlines = 1;
	for (i = 0; i < sc->len; i++)
		if (sc->buf[i] == '\n')
			sc->start[sc->nlines++] = i + 1;
	if (sc->len && sc->buf[sc->len - 1] == '\n')
		sc->nlines--; /* no empty line after the final newline */
}

/* Line ln (1-based) of sc: sets *n (without "\n" or "\r\n"), NULL if none. */
static const char *src_line(const struct src *sc, int ln, size_t *n)
{
	size_t b, e;

	if (!sc->buf || ln < 1 || (size_t)ln > sc->nlines)
		return NULL;
	b = sc->start[ln - 1];
	e = (size_t)ln < sc->nlines ? sc->start[ln] - 1 : sc->len;
	if (e > b && sc->buf[e - 1] == '\n')
		e--;
	if (e > b && sc->buf[e - 1] == '\r')
		e--;
	*n = e - b;
	return sc->buf + b;
}

/* --- grouping -------------------------------------------------------------------- */

/* The directory of a finding's file: "drivers/net/foo" or "." */
static char *dir_of(const char *file)
{
	const char *slash = strrchr(file, '/');

	if (!slash)
		return strdup(".");
	if (slash == file)
		return strdup("/");
	return strndup(file, (size_t)(slash - file));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct rule_count {
	const char *rule;
	size_t n;
};

static int cmp_count(const void *a, const void *b)
{
	const struct rule_count *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->rule, y->rule);
}

static int cmp_rule_name(const void *a, const void *b)
{
	return strcmp(((const struct rule_count *)a)->rule, ((const struct rule_count *)b)->rule);
}

/* Count findings per rule among those i with (!dirs || dir[i] == d). */
static size_t count_rules(const struct dmc_result *r, const size_t *dir, size_t d,
			  struct rule_count *rc)
{
	size_t i, k, n = 0;

	for (i = 0; i < r->nfindings; i++) {
		if (dir && dir[i] != d)
			continue;
		for (k = 0; k < n && strcmp(rc[k].rule, r->findings[i].rule); k++)
			;
		if (k == n)
			rc[n++] = (struct rule_count){ r->findings[i].rule, 0 };
		rc[k].n++;
	}
	return n;
}

/* --- output ---------------------------------------------------------------------- */

static const char css[] =
	"body{font-family:system-ui,sans-serif;margin:2em;color:#222;background:#fff;line-height:1.4}\n"
	"h1{margin-top:0}\n"
	"table.totals{border-collapse:collapse}\n"
	"table.totals td,table.totals th{border:1px solid #ccc;padding:.2em .6em;text-align:left}\n"
	"td.num{text-align:right}\n"
	"nav#toc ul{margin:.2em 0}\n"
	"section.dir{margin-top:2em}\n"
	"section.finding{border:1px solid #ddd;border-left:4px solid #c60;margin:1em 0;padding:.5em 1em}\n"
	"section.finding.sev-error{border-left-color:#c00}\n"
	"section.finding.sev-note{border-left-color:#06c}\n"
	"section.finding h3{margin:.2em 0;font-size:1em}\n"
	"a.rule{font-family:monospace}\n"
	"span.loc{font-family:monospace;color:#555}\n"
	"p.msg{margin:.3em 0}\n"
	"pre.code{background:#f6f6f6;padding:.4em;overflow-x:auto;tab-size:8}\n"
	"pre.code span.l{display:block}\n"
	"pre.code span.n{color:#888;user-select:none}\n"
	"pre.code span.hl{background:#ffe08a}\n"
	"pre.code span.nt{background:#e3eefc}\n"
	"ol.notes code{background:#f6f6f6}\n"
	"footer{margin-top:2em;color:#888;font-size:.9em}\n";

static void rule_link(FILE *out, const struct dmc_session *s, const char *rule)
{
	const struct dmc_rule_info *ri = s ? dmc_session_find_rule(s, rule) : NULL;

	if (ri && ri->doc_path) {
		char *uri = emit_uri_path(ri->doc_path);

		fputs("<a class=\"rule\" href=\"file://", out);
		esc(out, uri ? uri : "");
		fputs("\">", out);
		esc(out, rule);
		fputs("</a>", out);
		free(uri);
	} else {
		fputs("<span class=\"rule\">", out);
		esc(out, rule);
		fputs("</span>", out);
	}
}

static void print_loc(FILE *out, const char *file, int line, int col)
{
	esc(out, file);
	if (line > 0)
		fprintf(out, ":%d", line);
	if (line > 0 && col > 0)
		fprintf(out, ":%d", col);
}

static int is_note_line(const struct dmc_finding *f, int ln)
{
	size_t i;

	for (i = 0; i < f->nnotes; i++)
		if (f->notes[i].line == ln)
			return 1;
	return 0;
}

static void print_code(FILE *out, const struct src *sc, const struct dmc_finding *f)
{
	int ln, from = f->line - CONTEXT, to = f->line + CONTEXT, w;
	size_t n;
	const char *text;
	char num[16];

	if (!sc->buf || !src_line(sc, f->line, &n)) {
		fputs("<pre class=\"code unavailable\">", out);
		if (f->line_text) {
			fprintf(out, "<span class=\"l hl\"><span class=\"n\">%d </span>", f->line);
			esc(out, f->line_text);
			fputs("</span>", out);
		} else {
			fputs("(source not available)", out);
		}
		fputs("</pre>\n", out);
		return;
	}
	if (from < 1)
		from = 1;
	w = snprintf(num, sizeof(num), "%d", to);
	fputs("<pre class=\"code\">", out);
	for (ln = from; ln <= to && (text = src_line(sc, ln, &n)); ln++) {
		fprintf(out, "<span class=\"l%s\"><span class=\"n\">%*d </span>",
			ln == f->line ? " hl" : is_note_line(f, ln) ? " nt" : "", w, ln);
		esc_n(out, text, n);
		fputs("</span>", out);
	}
	fputs("</pre>\n", out);
}

static void print_finding(FILE *out, const struct dmc_session *s, struct src *sc,
			  const struct dmc_finding *f, size_t id)
{
	size_t i, n;

	src_load(sc, f->file);
	fprintf(out, "<section class=\"finding sev-%s\" id=\"f%zu\" data-rule=\"",
		dmc_severity_name(f->severity), id);
	esc(out, f->rule);
	fputs("\">\n<h3>", out);
	rule_link(out, s, f->rule);
	fputs(" <span class=\"loc\">", out);
	print_loc(out, f->file, f->line, f->col);
	fputs("</span>", out);
	if (f->function) {
		fputs(" in <code class=\"func\">", out);
		esc(out, f->function);
		fputs("()</code>", out);
	}
	fprintf(out, " <span class=\"sev\">%s</span></h3>\n<p class=\"msg\">",
		dmc_severity_name(f->severity));
	esc(out, f->message);
	fputs("</p>\n", out);
	print_code(out, sc, f);
	if (f->nnotes) {
		fputs("<ol class=\"notes\">\n", out);
		for (i = 0; i < f->nnotes; i++) {
			const struct dmc_note *nt = &f->notes[i];
			const char *text = src_line(sc, nt->line, &n);

			fputs("<li class=\"note\"><span class=\"loc\">", out);
			print_loc(out, f->file, nt->line, nt->col);
			fputs("</span>: ", out);
			esc(out, nt->message);
			if (text) {
				fputs("<br/><code>", out);
				/* trimmed like line_text */
				while (n && (*text == ' ' || *text == '\t'))
					text++, n--;
				esc_n(out, text, n);
				fputs("</code>", out);
			}
			fputs("</li>\n", out);
		}
		fputs("</ol>\n", out);
	}
	fputs("</section>\n", out);
}

static void print_diags(FILE *out, const struct dmc_result *r, int parse_notes)
{
	size_t i, n = 0;

	for (i = 0; i < r->ndiags; i++)
		n += r->diags[i].kind == DMC_DIAG_ERROR || parse_notes;
	if (!n)
		return;
	fputs("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n<ul>\n", out);
	for (i = 0; i < r->ndiags; i++) {
		const struct dmc_diag *d = &r->diags[i];

		if (d->kind != DMC_DIAG_ERROR && !parse_notes)
			continue;
		fprintf(out, "<li class=\"diag %s\"><span class=\"loc\">",
			d->kind == DMC_DIAG_ERROR ? "error" : "parse-note");
		print_loc(out, d->file, d->line, d->col);
		fprintf(out, "</span>: %s: ", d->kind == DMC_DIAG_ERROR ? "error" : "note");
		esc(out, d->message);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n</section>\n", out);
}

int emit_html(FILE *out, const struct dmc_session *s,
	      const struct dmc_result *r, const struct emit_opts *o)
{
	size_t nf = r->nfindings, ndirs = 0, nfiles = 0, i, d, k, nr, id;
	char **dirs = malloc((nf + 1) * sizeof(*dirs));
	char **uniq = malloc((nf + 1) * sizeof(*uniq));
	size_t *dir = malloc((nf + 1) * sizeof(*dir));
	size_t *num = malloc((nf + 1) * sizeof(*num)); /* finding i is "f<num[i]>" */
	struct rule_count *rc = malloc((nf + 1) * sizeof(*rc));
	struct src sc = { 0 };
	size_t nerr = 0;
	int rcode = 0;

	if (!dirs || !uniq || !dir || !num || !rc) {
		rcode = -1;
		goto out;
	}
	for (i = 0; i < nf; i++) {
		if (!(dirs[i] = dir_of(r->findings[i].file))) {
			while (i--)
				free(dirs[i]);
			rcode = -1;
			goto out;
		}
		if (!i || strcmp(r->findings[i].file, r->findings[i - 1].file))
			nfiles++; /* sorted by file: adjacent */
		uniq[i] = dirs[i];
	}
	if (nf > 1)
		qsort(uniq, nf, sizeof(*uniq), cmp_str);
	for (i = 0; i < nf; i++)
		if (!ndirs || strcmp(uniq[ndirs - 1], uniq[i]))
			uniq[ndirs++] = uniq[i];
	for (i = 0; i < nf; i++) {
		char **hit = bsearch(&dirs[i], uniq, ndirs, sizeof(*uniq), cmp_str);

		dir[i] = (size_t)(hit - uniq);
	}
	/* number the findings in body order: by directory, then as sorted */
	id = 0;
	for (d = 0; d < ndirs; d++)
		for (i = 0; i < nf; i++)
			if (dir[i] == d)
				num[i] = ++id;
	for (i = 0; i < r->ndiags; i++)
		nerr += r->diags[i].kind == DMC_DIAG_ERROR;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"generator\" content=\"dmacheck " DMACHECK_VERSION "\"/>\n"
	      "<title>dmacheck report</title>\n<style>\n", out);
	fputs(css, out);
	fputs("</style>\n</head>\n<body>\n<header>\n<h1>dmacheck report</h1>\n", out);
	fprintf(out, "<p class=\"summary\"><span id=\"total-findings\">%zu</span> finding%s in "
		"<span id=\"total-files\">%zu</span> file%s (%zu director%s)",
		nf, nf == 1 ? "" : "s", nfiles, nfiles == 1 ? "" : "s",
		ndirs, ndirs == 1 ? "y" : "ies");
	if (nerr)
		fprintf(out, ", <span id=\"total-errors\">%zu</span> input error%s",
			nerr, nerr == 1 ? "" : "s");
	fputs(".</p>\n", out);
	nr = count_rules(r, NULL, 0, rc);
	if (nr) {
		qsort(rc, nr, sizeof(*rc), cmp_count);
		fputs("<table class=\"totals\">\n<tr><th>rule</th><th>findings</th></tr>\n", out);
		for (k = 0; k < nr; k++) {
			fputs("<tr><td>", out);
			rule_link(out, s, rc[k].rule);
			fprintf(out, "</td><td class=\"num\">%zu</td></tr>\n", rc[k].n);
		}
		fputs("</table>\n", out);
	}
	fputs("</header>\n", out);

	if (nf) {
		fputs("<nav id=\"toc\">\n<h2>Contents</h2>\n<ul>\n", out);
		for (d = 0; d < ndirs; d++) {
			fprintf(out, "<li><a href=\"#d%zu\">", d + 1);
			esc(out, uniq[d]);
			fputs("</a>\n<ul>\n", out);
			nr = count_rules(r, dir, d, rc);
			qsort(rc, nr, sizeof(*rc), cmp_rule_name);
			for (k = 0; k < nr; k++) {
				const char *sep = "";

				fprintf(out, "<li>");
				esc(out, rc[k].rule);
				fprintf(out, " (%zu): ", rc[k].n);
				for (i = 0; i < nf; i++) {
					const struct dmc_finding *f = &r->findings[i];

					if (dir[i] != d || strcmp(f->rule, rc[k].rule))
						continue;
					fprintf(out, "%s<a href=\"#f%zu\">", sep, num[i]);
					esc(out, f->file + (strcmp(uniq[d], ".") ? strlen(uniq[d]) + 1 : 0));
					fprintf(out, ":%d</a>", f->line);
					sep = ", ";
				}
				fputs("</li>\n", out);
			}
			fputs("</ul>\n</li>\n", out);
		}
		fputs("</ul>\n</nav>\n", out);
	}

	fputs("<main>\n", out);
	if (!nf)
		fputs("<p class=\"none\">No findings.</p>\n", out);
	for (d = 0; d < ndirs; d++) {
		fprintf(out, "<section class=\"dir\" id=\"d%zu\">\n<h2>", d + 1);
		esc(out, uniq[d]);
		fputs("</h2>\n", out);
		for (i = 0; i < nf; i++)
			if (dir[i] == d)
				print_finding(out, s, &sc, &r->findings[i], num[i]);
		fputs("</section>\n", out);
	}
	fputs("</main>\n", out);
	print_diags(out, r, o && o->parse_notes);
	fputs("<footer>Generated by dmacheck " DMACHECK_VERSION ".</footer>\n</body>\n</html>\n", out);
	for (i = 0; i < nf; i++)
		free(dirs[i]);
out:
	src_release(&sc);
	free(dirs);
	free(uniq);
	free(dir);
	free(num);
	free(rc);
	if (rcode < 0)
		return -1;
	return ferror(out) ? -1 : 0;
}
