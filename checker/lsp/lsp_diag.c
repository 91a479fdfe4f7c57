/*
 * lsp_diag.c - findings -> publishDiagnostics items, hover over them.
 */
#define _POSIX_C_SOURCE 200809L
#include "lsp_diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp_json.h"
#include "lsp_uri.h"

enum { LSP_SEV_ERROR = 1, LSP_SEV_WARNING = 2, LSP_SEV_INFO = 3 };

static int lsp_severity(enum dmc_severity s)
{
	switch (s) {
	case DMC_SEV_ERROR:
		return LSP_SEV_ERROR;
	case DMC_SEV_WARNING:
		return LSP_SEV_WARNING;
	default:
		return LSP_SEV_INFO;
	}
}

static json_t *jpos(struct lsp_pos p)
{
	return json_pack("{s:I,s:I}", "line", (json_int_t)p.line,
			 "character", (json_int_t)p.character);
}

static json_t *jrange(struct lsp_pos a, struct lsp_pos b)
{
	return json_pack("{s:o,s:o}", "start", jpos(a), "end", jpos(b));
}

/* The range of a finding: its span, or at least one character. */
static json_t *finding_range(const struct lsp_lines *li, const struct dmc_finding *f)
{
	struct lsp_pos a = lsp_lines_pos(li, f->line, f->col), b;

	if (f->end_line > f->line || (f->end_line == f->line && f->end_col > f->col))
		b = lsp_lines_pos(li, f->end_line, f->end_col);
	else
		b = lsp_lines_pos(li, f->line, f->col + 1);
	return jrange(a, b);
}

/* A note's range: from its column to the end of its line. */
static json_t *note_range(const struct lsp_lines *li, const struct dmc_note *n)
{
	struct lsp_pos a = lsp_lines_pos(li, n->line, n->col);
	struct lsp_pos b = lsp_lines_eol(li, n->line);

	if (b.character < a.character)
		b = a;
	return jrange(a, b);
}

static json_t *related(const struct lsp_lines *li, const struct dmc_finding *f,
		       const char *uri)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; arr && i < f->nnotes; i++)
		json_array_append_new(arr, json_pack("{s:{s:s,s:o},s:o}",
			"location", "uri", uri, "range", note_range(li, &f->notes[i]),
			"message", lsp_jstr(f->notes[i].message ? f->notes[i].message : "")));
	return arr;
}

static json_t *finding_diag(const struct dmc_session *s, const struct lsp_lines *li,
			    const struct dmc_finding *f, const char *uri)
{
	const struct dmc_rule_info *ri = s ? dmc_session_find_rule(s, f->rule) : NULL;
	json_t *d = json_object();
	char *href = ri ? lsp_uri_from_path(ri->doc_path) : NULL;

	if (!d)
		return NULL;
	lsp_jset(d, "range", finding_range(li, f));
	lsp_jset(d, "severity", json_integer(lsp_severity(f->severity)));
	lsp_jset(d, "code", lsp_jstr(f->rule ? f->rule : ""));
	if (href)
		lsp_jset(d, "codeDescription", json_pack("{s:o}", "href", lsp_jstr(href)));
	lsp_jset(d, "source", json_string("dmacheck"));
	lsp_jset(d, "message", lsp_jstr(f->message ? f->message : ""));
	if (f->nnotes)
		lsp_jset(d, "relatedInformation", related(li, f, uri));
	free(href);
	return d;
}

static json_t *error_diag(const struct lsp_lines *li, const struct dmc_diag *g)
{
	struct lsp_pos a = lsp_lines_pos(li, g->line, g->col);

	return json_pack("{s:o,s:i,s:s,s:o}", "range", jrange(a, a),
			 "severity", LSP_SEV_ERROR, "source", "dmacheck",
			 "message", lsp_jstr(g->message ? g->message : "error"));
}

json_t *lsp_diag_build(const struct dmc_session *s, const struct dmc_result *r,
		       const char *uri, const char *text, size_t len)
{
	struct lsp_lines li;
	json_t *arr = json_array();
	size_t i;

	if (!arr || lsp_lines_init(&li, text, len) < 0) {
		json_decref(arr);
		return NULL;
	}
	for (i = 0; i < r->ndiags; i++)
		if (r->diags[i].kind == DMC_DIAG_ERROR)
			json_array_append_new(arr, error_diag(&li, &r->diags[i]));
	for (i = 0; i < r->nfindings; i++)
		json_array_append_new(arr, finding_diag(s, &li, &r->findings[i], uri));
	lsp_lines_release(&li);
	return arr;
}

/* Read a {line, character} object; 0 if well formed. */
static int read_pos(const json_t *o, struct lsp_pos *p)
{
	return o && !lsp_jint(o, "line", &p->line) && !lsp_jint(o, "character", &p->character)
		? 0 : -1;
}

static int pos_le(struct lsp_pos a, struct lsp_pos b)
{
	return a.line < b.line || (a.line == b.line && a.character <= b.character);
}

/* One diagnostic's hover text: "**rule-id** — summary", then the message. */
static void hover_text(const struct dmc_session *s, const json_t *d, FILE *out)
{
	const char *code = lsp_jstring(d, "code", NULL);
	const char *msg = lsp_jstring(d, "message", NULL);
	const struct dmc_rule_info *ri = code && s ? dmc_session_find_rule(s, code) : NULL;

	if (code)
		fprintf(out, "**%s**", code);
	if (ri && ri->summary)
		fprintf(out, "%s%s", code ? " — " : "", ri->summary);
	if (msg)
		fprintf(out, "\n\n%s", msg);
}

json_t *lsp_diag_hover(const struct dmc_session *s, const json_t *diags,
		       struct lsp_pos p)
{
	json_t *range = NULL, *d, *res;
	FILE *out = NULL;
	char *md = NULL;
	size_t i, mdlen = 0;

	json_array_foreach(diags, i, d) {
		json_t *r = lsp_jobj(d, "range");
		struct lsp_pos a, b;

		if (!r || read_pos(lsp_jobj(r, "start"), &a) || read_pos(lsp_jobj(r, "end"), &b))
			continue;
		if (!pos_le(a, p) || !pos_le(p, b))
			continue;
		if (out) {
			fputs("\n\n---\n\n", out);
		} else {
			out = open_memstream(&md, &mdlen);
			if (!out)
				return NULL;
			range = r;
		}
		hover_text(s, d, out);
	}
	if (!out)
		return NULL;
	if (fclose(out)) {
		free(md);
		return NULL;
	}
	res = json_pack("{s:{s:s,s:o},s:O}", "contents", "kind", "markdown",
			"value", lsp_jstrn(md, mdlen), "range", range);
	free(md);
	return res;
}
