/*
 * emit_sarif.c - SARIF 2.1.0 for GitHub code scanning and other CI viewers.
 *
 * One run; tool.driver.rules lists every rule of the session, in session
 * order, so ruleIndex is stable for a given rules/ tree. Rule metadata comes
 * from the session and the rule's doc (rules/docs/<id>.md): the summary is
 * shortDescription, the first paragraph of the doc fullDescription, the doc
 * itself help.markdown.
 *
 * Not emitted: codeFlows (notes are relatedLocations for now), artifacts,
 * originalUriBaseIds (the consumer knows its checkout), timestamps.
 */
#include "emit.h"
#include "emit_util.h"

#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* placeholder until the project has a public home page */
#define DMC_INFO_URI "https://github.com/dmacheck/dmacheck"
#define DOC_MAX (256 * 1024)

/* The rules of this run: the session's, then any others seen in results. */
struct rule_set {
	const char **ids;
	size_t n, cap;
};

static void rules_add(struct rule_set *rs, const char *id)
{
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 32;
		const char **ids = realloc(rs->ids, cap * sizeof(*ids));

		if (!ids)
			return; /* the result keeps ruleId, loses ruleIndex */
		rs->ids = ids;
		rs->cap = cap;
	}
	rs->ids[rs->n++] = id;
}

static long rules_index(const struct rule_set *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (!strcmp(rs->ids[i], id))
			return (long)i;
	return -1;
}

static const char *sarif_level(enum dmc_severity s)
{
	return s == DMC_SEV_ERROR ? "error" : s == DMC_SEV_NOTE ? "note" : "warning";
}

/* "dma-map-leak" -> "DmaMapLeak" */
static json_t *camel_case(const char *id)
{
	char *buf = malloc(strlen(id) + 1), *o = buf;
	int up = 1;
	json_t *j;

	if (!buf)
		return NULL;
	for (; *id; id++) {
		if (*id == '-' || *id == '_' || *id == '.') {
			up = 1;
			continue;
		}
		*o++ = up && *id >= 'a' && *id <= 'z' ? (char)(*id - 'a' + 'A') : *id;
		up = 0;
	}
	*o = '\0';
	j = emit_jstr(buf);
	free(buf);
	return j;
}

static json_t *text_obj(const char *key, const char *text)
{
	json_t *o = json_object();

	emit_jset(o, key, emit_jstr(text));
	return o;
}

static char *read_doc(const char *path)
{
	FILE *f;
	char *buf;
	size_t n;

	if (!path || !(f = fopen(path, "rb")))
		return NULL;
	buf = malloc(DOC_MAX + 1);
	if (buf) {
		n = fread(buf, 1, DOC_MAX, f);
		buf[n] = '\0';
	}
	fclose(f);
	return buf;
}

/* The first paragraph of a markdown doc that is not a heading, on one line. */
static char *first_paragraph(const char *doc)
{
	char *out = malloc(strlen(doc) + 1), *o = out;
	const char *line = doc;

	if (!out)
		return NULL;
	while (*line) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		int blank = strspn(line, " \t\r") >= len;

		if (blank || line[0] == '#') {
			if (o != out && blank)
				break;
		} else {
			if (o != out)
				*o++ = ' ';
			memcpy(o, line, len);
			o += len;
			while (o > out && (o[-1] == '\r' || o[-1] == ' '))
				o--;
		}
		line += len + (eol != NULL);
	}
	*o = '\0';
	if (o == out) {
		free(out);
		return NULL;
	}
	return out;
}

static char *file_uri(const char *abs_path)
{
	char *enc = emit_uri_path(abs_path), *uri;

	if (!enc)
		return NULL;
	uri = malloc(strlen(enc) + 8);
	if (uri)
		sprintf(uri, "file://%s", enc);
	free(enc);
	return uri;
}

static json_t *rule_json(const char *id, const struct dmc_rule_info *ri)
{
	json_t *o = json_object(), *cfg = json_object();
	char *doc, *para, *uri;

	emit_jset(o, "id", emit_jstr(id));
	emit_jset(o, "name", camel_case(id));
	if (!ri) {
		emit_jset(cfg, "level", json_string("warning"));
		emit_jset(o, "defaultConfiguration", cfg);
		return o;
	}
	doc = read_doc(ri->doc_path);
	para = doc ? first_paragraph(doc) : NULL;
	if (ri->summary)
		emit_jset(o, "shortDescription", text_obj("text", ri->summary));
	if (para || ri->summary)
		emit_jset(o, "fullDescription", text_obj("text", para ? para : ri->summary));
	if (ri->doc_path && ri->doc_path[0] == '/' && (uri = file_uri(ri->doc_path))) {
		emit_jset(o, "helpUri", emit_jstr(uri));
		free(uri);
	}
	if (doc) {
		json_t *help = text_obj("text", para ? para : ri->summary ? ri->summary : id);

		emit_jset(help, "markdown", emit_jstr(doc));
		emit_jset(o, "help", help);
	}
	emit_jset(cfg, "level", json_string(sarif_level(ri->severity)));
	if (!ri->enabled)
		emit_jset(cfg, "enabled", json_false());
	emit_jset(o, "defaultConfiguration", cfg);
	if (ri->group || ri->catalogue) {
		json_t *props = json_object(), *tags = json_array();

		if (ri->group)
			json_array_append_new(tags, emit_jstr(ri->group));
		if (ri->catalogue)
			json_array_append_new(tags, emit_jstr(ri->catalogue));
		emit_jset(props, "tags", tags);
		emit_jset(o, "properties", props);
	}
	free(para);
	free(doc);
	return o;
}

static json_t *physical_location(const char *file, int line, int col,
				 int end_line, int end_col)
{
	json_t *pl = json_object(), *art = json_object(), *region;
	char *uri;

	if (file[0] == '/') {
		uri = file_uri(file);
		emit_jset(art, "uri", emit_jstr(uri));
	} else {
		uri = emit_uri_path(file);
		emit_jset(art, "uri", emit_jstr(uri));
		emit_jset(art, "uriBaseId", json_string("%SRCROOT%"));
	}
	free(uri);
	emit_jset(pl, "artifactLocation", art);
	if (line > 0) {
		region = json_object();
		emit_jset(region, "startLine", json_integer(line));
		if (col > 0)
			emit_jset(region, "startColumn", json_integer(col));
		if (end_line >= line && end_col > 0) {
			emit_jset(region, "endLine", json_integer(end_line));
			emit_jset(region, "endColumn", json_integer(end_col));
		}
		emit_jset(pl, "region", region);
	}
	return pl;
}

static json_t *result_json(const struct dmc_finding *f, const struct rule_set *rs)
{
	json_t *o = json_object(), *locs = json_array(), *loc = json_object();
	json_t *fp = json_object();
	long idx = rules_index(rs, f->rule);
	size_t i;

	emit_jset(o, "ruleId", emit_jstr(f->rule));
	if (idx >= 0)
		emit_jset(o, "ruleIndex", json_integer(idx));
	emit_jset(o, "level", json_string(sarif_level(f->severity)));
	emit_jset(o, "message", text_obj("text", f->message));
	emit_jset(loc, "physicalLocation",
		  physical_location(f->file, f->line, f->col, f->end_line, f->end_col));
	if (f->function) {
		json_t *ll = json_array(), *fn = json_object();

		emit_jset(fn, "name", emit_jstr(f->function));
		emit_jset(fn, "kind", json_string("function"));
		json_array_append_new(ll, fn);
		emit_jset(loc, "logicalLocations", ll);
	}
	json_array_append_new(locs, loc);
	emit_jset(o, "locations", locs);
	if (f->nnotes) {
		json_t *rel = json_array();

		for (i = 0; i < f->nnotes; i++) {
			json_t *rl = json_object();

			emit_jset(rl, "id", json_integer((json_int_t)i + 1));
			emit_jset(rl, "physicalLocation",
				  physical_location(f->file, f->notes[i].line,
						    f->notes[i].col, 0, 0));
			emit_jset(rl, "message", text_obj("text", f->notes[i].message));
			json_array_append_new(rel, rl);
		}
		emit_jset(o, "relatedLocations", rel);
	}
	emit_jset(fp, "dmacheckFingerprint/v1", emit_jstr(f->fingerprint));
	emit_jset(o, "partialFingerprints", fp);
	return o;
}

static json_t *notification_json(const struct dmc_diag *d)
{
	json_t *o = json_object(), *locs = json_array(), *loc = json_object();
	int err = d->kind == DMC_DIAG_ERROR;

	emit_jset(o, "descriptor", text_obj("id", err ? "input-error" : "parse-note"));
	emit_jset(o, "level", json_string(err ? "error" : "note"));
	emit_jset(o, "message", text_obj("text", d->message));
	emit_jset(loc, "physicalLocation",
		  physical_location(d->file, d->line, d->col, 0, 0));
	json_array_append_new(locs, loc);
	emit_jset(o, "locations", locs);
	return o;
}

int emit_sarif(FILE *out, const struct dmc_session *s,
	       const struct dmc_result *r, const struct emit_opts *opts)
{
	struct rule_set rs = { 0 };
	json_t *doc = json_object(), *runs = json_array(), *run = json_object();
	json_t *tool = json_object(), *driver = json_object(), *rules = json_array();
	json_t *results = json_array(), *invs = json_array(), *inv = json_object();
	size_t i, nsession = s ? dmc_session_rule_count(s) : 0;

	for (i = 0; i < nsession; i++)
		rules_add(&rs, dmc_session_rule(s, i)->id);
	for (i = 0; i < r->nfindings; i++)
		if (rules_index(&rs, r->findings[i].rule) < 0)
			rules_add(&rs, r->findings[i].rule);
	for (i = 0; i < rs.n; i++)
		json_array_append_new(rules, rule_json(rs.ids[i],
			i < nsession ? dmc_session_rule(s, i) : NULL));

	emit_jset(driver, "name", json_string("dmacheck"));
	emit_jset(driver, "version", json_string(DMACHECK_VERSION));
	emit_jset(driver, "semanticVersion", json_string(DMACHECK_VERSION));
	emit_jset(driver, "informationUri", json_string(DMC_INFO_URI));
	emit_jset(driver, "rules", rules);
	emit_jset(tool, "driver", driver);

	for (i = 0; i < r->nfindings; i++)
		json_array_append_new(results, result_json(&r->findings[i], &rs));
	emit_jset(inv, "executionSuccessful", json_boolean(!(opts && opts->failed)));
	if (r->ndiags) {
		json_t *notes = json_array();

		for (i = 0; i < r->ndiags; i++)
			json_array_append_new(notes, notification_json(&r->diags[i]));
		emit_jset(inv, "toolExecutionNotifications", notes);
	}
	json_array_append_new(invs, inv);

	emit_jset(run, "tool", tool);
	emit_jset(run, "invocations", invs);
	emit_jset(run, "results", results);
	json_array_append_new(runs, run);
	emit_jset(doc, "$schema", json_string(SARIF_SCHEMA));
	emit_jset(doc, "version", json_string("2.1.0"));
	emit_jset(doc, "runs", runs);
	free(rs.ids);
	return emit_jdump(doc, out);
}
