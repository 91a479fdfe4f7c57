/*
 * emit_text.c - gcc-style text output, what editors and CI logs parse:
 *
 *	drivers/foo.c:12:5: warning: 'h' is not checked with dma_mapping_error() [dma-map-error-unchecked]
 *	drivers/foo.c:10:9: note: mapped here
 */
#include "emit.h"

#include <string.h>

static void print_loc(FILE *out, const char *file, int line, int col)
{
	if (line > 0 && col > 0)
		fprintf(out, "%s:%d:%d: ", file, line, col);
	else if (line > 0)
		fprintf(out, "%s:%d: ", file, line);
	else
		fprintf(out, "%s: ", file);
}

static void print_finding(FILE *out, const struct dmc_finding *f)
{
	size_t i;

	print_loc(out, f->file, f->line, f->col);
	fprintf(out, "%s: %s [%s]\n", dmc_severity_name(f->severity),
		f->message, f->rule);
	for (i = 0; i < f->nnotes; i++) {
		print_loc(out, f->file, f->notes[i].line, f->notes[i].col);
		fprintf(out, "note: %s\n", f->notes[i].message);
	}
}

static void print_diag(FILE *out, const struct dmc_diag *d)
{
	print_loc(out, d->file, d->line, d->col);
	fprintf(out, "%s: %s\n", d->kind == DMC_DIAG_ERROR ? "error" : "note",
		d->message);
}

/* Does diagnostic d come before finding f (file, line, col; ties: d first)? */
static int diag_first(const struct dmc_diag *d, const struct dmc_finding *f)
{
	int c = strcmp(d->file, f->file);

	if (c)
		return c < 0;
	if (d->line != f->line)
		return d->line < f->line;
	return d->col <= f->col;
}

int emit_text(FILE *out, const struct dmc_session *s,
	      const struct dmc_result *r, const struct emit_opts *o)
{
	int notes = o && o->parse_notes;
	size_t i = 0, j = 0;

	while (i < r->nfindings || j < r->ndiags) {
		if (j < r->ndiags && r->diags[j].kind == DMC_DIAG_PARSE_NOTE &&
		    !notes) {
			j++;
			continue;
		}
		if (j < r->ndiags &&
		    (i == r->nfindings || diag_first(&r->diags[j], &r->findings[i])))
			print_diag(out, &r->diags[j++]);
		else
			print_finding(out, &r->findings[i++]);
	}
	return ferror(out) ? -1 : 0;
}
