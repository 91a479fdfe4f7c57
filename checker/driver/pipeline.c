/*
 * pipeline.c - the order of the stages, in one place:
 *   source -> kmacro mask -> tree-sitter parse -> lower to IR -> checks.
 */
#include "unit.h"
#include "../front/cst.h"
#include "../front/kmacro.h"
#include "../front/lower.h"
#include "../analysis/summary.h"
#include "../checks/checks.h"
#include "../analysis/space.h"
#include "../report/finding.h"
#include "../report/suppress.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PARSE_TIMEOUT_US (20 * 1000 * 1000)
#define MAX_PARSE_NOTES 3

struct dmc_finding *unit_report(struct unit *u, const char *rule, const struct ir_func *f,
				uint32_t start, uint32_t end, const char *fmt, ...)
{
	const struct dmc_rule_info *info;
	if (!session_rule_enabled(u->s, rule, &info))
		return NULL;
	int line, col, eline, ecol;
	source_pos(&u->src, start, &line, &col);
	source_pos(&u->src, end > start ? end : start + 1, &eline, &ecol);
	size_t ln;
	const char *lt = source_line(&u->src, line, &ln);
	char *ltext = arena_strndup(&u->arena, lt, ln);
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return finding_add(u->out, info->id, info->severity, u->src.path, line, col, eline, ecol,
			   f ? f->name : NULL, ltext, "%s", msg);
}

void unit_note(struct unit *u, struct dmc_finding *fd, uint32_t off, const char *fmt, ...)
{
	if (!fd)
		return;
	int line, col;
	source_pos(&u->src, off, &line, &col);
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	finding_add_note(fd, line, col, "%s", msg);
}

/* report the first few ERROR/MISSING nodes as parse notes */
static void parse_notes(struct unit *u, TSNode root, struct dmc_result *out)
{
	if (!ts_node_has_error(root))
		return;
	TSTreeCursor c = ts_tree_cursor_new(root);
	int shown = 0;
	size_t count = 0;
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		int descend = ts_node_has_error(n);
		if (ts_node_is_missing(n) || cst_kind(&u->s->cst, n) == CK_ERROR) {
			count++;
			descend = 0;
			if (shown < MAX_PARSE_NOTES) {
				int line, col;
				source_pos(&u->src, ts_node_start_byte(n), &line, &col);
				diag_add(out, DMC_DIAG_PARSE_NOTE, u->src.path, line, col,
					 ts_node_is_missing(n) ? "parse recovery: expected '%s' here; the rest of the function is still analysed"
							       : "parse recovery: construct not understood%s; the code around it is still analysed",
					 ts_node_is_missing(n) ? ts_node_type(n) : "");
				shown++;
			}
		}
		if (descend && ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&c))
			if (!ts_tree_cursor_goto_parent(&c))
				goto done;
	}
done:
	ts_tree_cursor_delete(&c);
	out->error_nodes += count;
}

static int run(const struct dmc_session *s, const char *path, const char *buf, size_t len,
	       struct dmc_result *out, FILE *dump, int facts)
{
	if (len > SOURCE_MAX_BYTES) {
		diag_add(out, DMC_DIAG_ERROR, path, 0, 0, "file too large (%zu bytes; limit %u); not analysed",
			 len, SOURCE_MAX_BYTES);
		return -1;
	}
	struct unit u = { .s = s, .out = out };
	arena_init(&u.arena);
	strtab_init(&u.strs, &u.arena);
	const char *why = NULL;
	int rc = 0;
	if (source_init(&u.src, &u.arena, path, buf, len, &why) < 0) {
		diag_add(out, DMC_DIAG_ERROR, path, 0, 0, "%s", why);
		rc = -1;
		goto out;
	}
	out->bytes += len;
	kmacro_mask(&u.src, &u.arena, &s->model);

	TSParser *p = ts_parser_new();
	ts_parser_set_language(p, s->cst.lang);
	ts_parser_set_timeout_micros(p, PARSE_TIMEOUT_US);
	TSTree *tree = ts_parser_parse_string(p, NULL, u.src.masked, (uint32_t)len);
	if (!tree) {
		diag_add(out, DMC_DIAG_ERROR, path, 0, 0, "parser gave up (timeout); not analysed");
		ts_parser_delete(p);
		rc = -1;
		goto out;
	}
	TSNode root = ts_tree_root_node(tree);
	parse_notes(&u, root, out);
	if (!s->parse_only) {
		u.ir.arena = &u.arena;
		u.ir.strs = &u.strs;
		lower_unit(&u.ir, &u.src, &s->cst, &s->model, root, NULL);
		summary_bind(&u.ir);
		out->functions += (size_t)u.ir.nfuncs;
		if (dump && facts) {
			space_dump(&u.ir, dump);
		} else if (dump) {
			/* kernel annotations, kept with their offsets for the address-space analysis */
			for (size_t i = 0; i < u.src.nannots; i++) {
				int line, col;
				source_pos(&u.src, u.src.annots[i].start, &line, &col);
				fprintf(dump, "annot %s @%u %d:%d%s%s\n", u.src.annots[i].name, u.src.annots[i].start,
					line, col, u.src.annots[i].space ? " space=" : "",
					u.src.annots[i].space ? u.src.annots[i].space : "");
			}
			ir_dump_fields(&u.ir, dump);
			for (int i = 0; i < u.ir.nfuncs; i++) {
				char msg[256];
				ir_dump_func(u.ir.funcs[i], dump);
				if (ir_verify(u.ir.funcs[i], msg, sizeof(msg)) < 0)
					fprintf(dump, "VERIFY FAILED: %s\n", msg);
			}
		} else {
			size_t first = out->nfindings;
			checks_run(&u);
			/* inline "dmacheck: ignore" comments, on the original text */
			suppress_apply(s, path, u.src.text, u.src.len, out, first);
		}
	}
	ts_tree_delete(tree);
	ts_parser_delete(p);
out:
	strtab_release(&u.strs);
	arena_release(&u.arena);
	return rc;
}

int dmc_check_buffer(const struct dmc_session *s, const char *path, const char *buf, size_t len,
		     struct dmc_result *out)
{
	return run(s, path, buf, len, out, NULL, 0);
}

int dmc_dump_ir(const struct dmc_session *s, const char *path, const char *buf, size_t len, FILE *out)
{
	return dmc_dump(s, path, buf, len, out, 0);
}

int dmc_dump(const struct dmc_session *s, const char *path, const char *buf, size_t len, FILE *out,
	     int facts)
{
	struct dmc_result r;
	dmc_result_init(&r);
	int rc = run(s, path, buf, len, &r, out, facts);
	for (size_t i = 0; i < r.ndiags; i++)
		fprintf(out, "diag %d:%d %s\n", r.diags[i].line, r.diags[i].col, r.diags[i].message);
	dmc_result_release(&r);
	return rc;
}

int dmc_check_file(const struct dmc_session *s, const char *path, struct dmc_result *out)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(out, DMC_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode)) {
		fclose(f);
		diag_add(out, DMC_DIAG_ERROR, path, 0, 0, "not a regular file");
		return -1;
	}
	if (st.st_size > (off_t)SOURCE_MAX_BYTES) {
		fclose(f);
		diag_add(out, DMC_DIAG_ERROR, path, 0, 0, "file too large (%lld bytes; limit %u); not analysed",
			 (long long)st.st_size, SOURCE_MAX_BYTES);
		return -1;
	}
	size_t cap = (size_t)st.st_size + 1, len = 0;
	char *buf = xmalloc(cap);
	size_t n;
	while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			if (cap > SOURCE_MAX_BYTES)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	int err = ferror(f);
	fclose(f);
	int rc;
	if (err) {
		diag_add(out, DMC_DIAG_ERROR, path, 0, 0, "read error");
		rc = -1;
	} else {
		rc = run(s, path, buf, len, out, NULL, 0);
	}
	free(buf);
	return rc;
}
