/*
 * lsp_docs.c - the open-document store (see lsp_docs.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "lsp_docs.h"

#include <stdlib.h>
#include <string.h>

#include "lsp_uri.h"

static void doc_free(struct lsp_doc *d)
{
	if (!d)
		return;
	free(d->uri);
	free(d->path);
	free(d->text);
	json_decref(d->diags);
	free(d);
}

void lsp_docs_release(struct lsp_docs *ds)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		doc_free(ds->v[i]);
	free(ds->v);
	ds->v = NULL;
	ds->n = ds->cap = 0;
}

struct lsp_doc *lsp_docs_find(const struct lsp_docs *ds, const char *uri)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		if (!strcmp(ds->v[i]->uri, uri))
			return ds->v[i];
	return NULL;
}

struct lsp_doc *lsp_docs_first_dirty(const struct lsp_docs *ds)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		if (ds->v[i]->dirty)
			return ds->v[i];
	return NULL;
}

/* Make room for need bytes of text. */
static int doc_reserve(struct lsp_doc *d, size_t need)
{
	size_t cap = d->cap ? d->cap : 256;
	char *t;

	if (need <= d->cap)
		return 0;
	while (cap < need)
		cap *= 2;
	t = realloc(d->text, cap);
	if (!t)
		return -1;
	d->text = t;
	d->cap = cap;
	return 0;
}

static void doc_touch(struct lsp_docs *ds, struct lsp_doc *d)
{
	d->gen = ++ds->next_gen;
	d->dirty = 1;
}

struct lsp_doc *lsp_docs_open(struct lsp_docs *ds, const char *uri,
			      const char *text, size_t len, long long version)
{
	struct lsp_doc *d = lsp_docs_find(ds, uri);

	if (len > LSP_DOC_MAX_BYTES)
		return NULL;
	if (!d) {
		if (ds->n == ds->cap) {
			size_t cap = ds->cap ? ds->cap * 2 : 8;
			struct lsp_doc **v = realloc(ds->v, cap * sizeof(*v));

			if (!v)
				return NULL;
			ds->v = v;
			ds->cap = cap;
		}
		d = calloc(1, sizeof(*d));
		if (!d)
			return NULL;
		d->uri = strdup(uri);
		d->path = lsp_uri_to_path(uri);
		if (!d->uri || !d->path) {
			doc_free(d);
			return NULL;
		}
		ds->v[ds->n++] = d;
	}
	if (doc_reserve(d, len + 1) < 0)
		return NULL;
	if (len)
		memcpy(d->text, text, len);
	d->len = len;
	d->version = version;
	doc_touch(ds, d);
	return d;
}

int lsp_docs_close(struct lsp_docs *ds, const char *uri)
{
	size_t i;

	for (i = 0; i < ds->n; i++) {
		if (strcmp(ds->v[i]->uri, uri))
			continue;
		doc_free(ds->v[i]);
		memmove(ds->v + i, ds->v + i + 1, (ds->n - i - 1) * sizeof(*ds->v));
		ds->n--;
		return 0;
	}
	return -1;
}

int lsp_doc_edit(struct lsp_docs *ds, struct lsp_doc *d, size_t start, size_t end,
		 const char *text, size_t len)
{
	size_t newlen;

	if (start > d->len)
		start = d->len;
	if (end > d->len)
		end = d->len;
	if (end < start)
		end = start;
	if (len > LSP_DOC_MAX_BYTES)
		return -1;
	newlen = d->len - (end - start) + len;
	if (newlen > LSP_DOC_MAX_BYTES || doc_reserve(d, newlen + 1) < 0)
		return -1;
	memmove(d->text + start + len, d->text + end, d->len - end);
	if (len)
		memcpy(d->text + start, text, len);
	d->len = newlen;
	doc_touch(ds, d);
	return 0;
}

void lsp_doc_set_diags(struct lsp_doc *d, json_t *diags)
{
	json_decref(d->diags);
	d->diags = diags;
}
