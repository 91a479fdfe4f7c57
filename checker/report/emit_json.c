/*
 * emit_json.c - the machine-readable format (corpus runner, scripts, bench).
 * The shape is documented in emit.h; bump "version" on incompatible changes.
 */
#include "emit.h"
#include "emit_util.h"

static json_t *finding_json(const struct dmc_finding *f)
{
	json_t *o = json_object(), *notes = json_array();
	size_t i;

	emit_jset(o, "file", emit_jstr(f->file));
	emit_jset(o, "line", json_integer(f->line));
	emit_jset(o, "column", json_integer(f->col));
	emit_jset(o, "end_line", json_integer(f->end_line));
	emit_jset(o, "end_column", json_integer(f->end_col));
	emit_jset(o, "rule", emit_jstr(f->rule));
	emit_jset(o, "severity", json_string(dmc_severity_name(f->severity)));
	emit_jset(o, "message", emit_jstr(f->message));
	emit_jset(o, "function", emit_jstr(f->function));
	emit_jset(o, "fingerprint", emit_jstr(f->fingerprint));
	for (i = 0; i < f->nnotes; i++) {
		json_t *n = json_object();

		emit_jset(n, "line", json_integer(f->notes[i].line));
		emit_jset(n, "column", json_integer(f->notes[i].col));
		emit_jset(n, "message", emit_jstr(f->notes[i].message));
		json_array_append_new(notes, n);
	}
	emit_jset(o, "notes", notes);
	return o;
}

static json_t *diag_json(const struct dmc_diag *d)
{
	json_t *o = json_object();

	emit_jset(o, "file", emit_jstr(d->file));
	emit_jset(o, "line", json_integer(d->line));
	emit_jset(o, "column", json_integer(d->col));
	emit_jset(o, "kind", json_string(d->kind == DMC_DIAG_ERROR ? "error"
							   : "parse-note"));
	emit_jset(o, "message", emit_jstr(d->message));
	return o;
}

int emit_json(FILE *out, const struct dmc_session *s,
	      const struct dmc_result *r, const struct emit_opts *o)
{
	json_t *doc = json_object(), *findings = json_array(), *diags = json_array();
	size_t i;

	if (!doc || !findings || !diags) {
		json_decref(doc);
		json_decref(findings);
		json_decref(diags);
		return -1;
	}
	for (i = 0; i < r->nfindings; i++)
		json_array_append_new(findings, finding_json(&r->findings[i]));
	for (i = 0; i < r->ndiags; i++)
		json_array_append_new(diags, diag_json(&r->diags[i]));
	emit_jset(doc, "version", json_integer(1));
	emit_jset(doc, "tool", json_string("dmacheck"));
	emit_jset(doc, "findings", findings);
	emit_jset(doc, "diagnostics", diags);
	return emit_jdump(doc, out);
}
