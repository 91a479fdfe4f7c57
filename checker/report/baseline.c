/*
 * baseline.c - read, write and apply baseline files (see baseline.h).
 */
#include "baseline.h"
#include "finding.h"

#include <errno.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct bl_entry {
	const char *fingerprint, *rule, *file;  /* owned by the json document */
};

struct baseline {
	json_t *doc;
	struct bl_entry *v;
	size_t n;
};

static int cmp_entry(const void *pa, const void *pb)
{
	const struct bl_entry *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->fingerprint, b->fingerprint)) || (c = strcmp(a->rule, b->rule)))
		return c;
	return strcmp(a->file, b->file);
}

static struct baseline *fail(struct baseline *b, FILE *err, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static struct baseline *fail(struct baseline *b, FILE *err, const char *path, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		fprintf(err, "dmacheck: error: %s: malformed baseline: ", path);
		va_start(ap, fmt);
		vfprintf(err, fmt, ap);
		va_end(ap);
		fputc('\n', err);
	}
	baseline_free(b);
	return NULL;
}

struct baseline *baseline_load(const char *path, FILE *err)
{
	struct baseline *b;
	json_error_t je;
	json_t *v, *arr;
	size_t i;

	b = calloc(1, sizeof(*b));
	if (!b)
		return NULL;
	{
		FILE *f = fopen(path, "rb");

		if (!f) {
			if (err)
				fprintf(err, "dmacheck: error: cannot read baseline '%s': %s\n",
					path, strerror(errno));
			baseline_free(b);
			return NULL;
		}
		b->doc = json_loadf(f, JSON_REJECT_DUPLICATES, &je);
		fclose(f);
	}
	if (!b->doc) {
		if (err)
			fprintf(err, "dmacheck: error: %s:%d:%d: malformed baseline: %s\n",
				path, je.line, je.column, je.text);
		baseline_free(b);
		return NULL;
	}
	if (!json_is_object(b->doc))
		return fail(b, err, path, "expected a JSON object with \"version\" and \"findings\"");
	v = json_object_get(b->doc, "version");
	if (!json_is_integer(v) || json_integer_value(v) != 1)
		return fail(b, err, path, "\"version\" must be 1");
	arr = json_object_get(b->doc, "findings");
	if (!json_is_array(arr))
		return fail(b, err, path, "\"findings\" must be an array");
	b->n = json_array_size(arr);
	b->v = calloc(b->n ? b->n : 1, sizeof(*b->v));
	if (!b->v)
		return fail(b, err, path, "out of memory");
	for (i = 0; i < b->n; i++) {
		json_t *e = json_array_get(arr, i);
		json_t *fp = json_object_get(e, "fingerprint");
		json_t *rule = json_object_get(e, "rule");
		json_t *file = json_object_get(e, "file");

		if (!json_is_object(e) || !json_is_string(fp) || !json_is_string(rule) ||
		    !json_is_string(file))
			return fail(b, err, path,
				    "findings[%zu] needs string members \"fingerprint\", \"rule\" and \"file\"", i);
		b->v[i].fingerprint = json_string_value(fp);
		b->v[i].rule = json_string_value(rule);
		b->v[i].file = json_string_value(file);
	}
	if (b->n > 1)
		qsort(b->v, b->n, sizeof(*b->v), cmp_entry);
	return b;
}

void baseline_free(struct baseline *b)
{
	if (!b)
		return;
	free(b->v);
	if (b->doc)
		json_decref(b->doc);
	free(b);
}

size_t baseline_size(const struct baseline *b)
{
	return b ? b->n : 0;
}

int baseline_has(const struct baseline *b, const struct dmc_finding *f)
{
	struct bl_entry key = { f->fingerprint, f->rule ? f->rule : "", f->file ? f->file : "" };

	return b && b->n && bsearch(&key, b->v, b->n, sizeof(*b->v), cmp_entry) != NULL;
}

size_t baseline_filter(const struct baseline *b, struct dmc_result *r)
{
	unsigned char *drop;
	size_t i, n = 0;

	if (!b || !r->nfindings)
		return 0;
	drop = calloc(r->nfindings, 1);
	if (!drop) {
		fputs("dmacheck: fatal: out of memory\n", stderr);
		abort();
	}
	for (i = 0; i < r->nfindings; i++)
		if (baseline_has(b, &r->findings[i])) {
			drop[i] = 1;
			n++;
		}
	findings_drop(r, 0, drop);
	free(drop);
	return n;
}

/* A JSON string; bytes of invalid UTF-8 become '?' (json_string() rejects them). */
static json_t *jstr(const char *s)
{
	json_t *j;
	char *c;
	size_t i;

	if (!s)
		s = "";
	if ((j = json_string(s)))
		return j;
	c = strdup(s);
	if (!c)
		return json_string("");
	for (i = 0; c[i]; i++)
		if ((unsigned char)c[i] >= 0x80)
			c[i] = '?';
	j = json_string(c);
	free(c);
	return j ? j : json_string("");
}

int baseline_write(const char *path, const struct dmc_result *r, FILE *err)
{
	json_t *doc = json_object(), *arr = json_array();
	size_t i;
	int rc = 0;
	FILE *f;

	json_object_set_new(doc, "version", json_integer(1));
	json_object_set_new(doc, "tool", json_string("dmacheck"));
	for (i = 0; i < r->nfindings; i++) {
		const struct dmc_finding *fd = &r->findings[i];
		json_t *e = json_object();

		json_object_set_new(e, "fingerprint", json_string(fd->fingerprint));
		json_object_set_new(e, "rule", json_string(fd->rule ? fd->rule : ""));
		json_object_set_new(e, "file", jstr(fd->file));
		json_object_set_new(e, "line", json_integer(fd->line));
		json_object_set_new(e, "message", jstr(fd->message));
		json_array_append_new(arr, e);
	}
	json_object_set_new(doc, "findings", arr);
	f = fopen(path, "w");
	if (!f) {
		if (err)
			fprintf(err, "dmacheck: error: cannot write baseline '%s': %s\n", path, strerror(errno));
		json_decref(doc);
		return -1;
	}
	if (json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0 || fputc('\n', f) == EOF)
		rc = -1;
	if (fclose(f))
		rc = -1;
	if (rc < 0 && err)
		fprintf(err, "dmacheck: error: cannot write baseline '%s'\n", path);
	json_decref(doc);
	return rc;
}
