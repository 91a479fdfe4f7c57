/*
 * lsp_docs.h - the open documents of an LSP session, keyed by URI: their
 * current text and version, whether they need checking, and what was last
 * published for them (for hover).
 *
 * Documents are allocated one by one, so a struct lsp_doc * stays valid
 * until the document is closed. Not handled: notebooks, several versions of
 * one document.
 */
#ifndef DMC_LSP_DOCS_H
#define DMC_LSP_DOCS_H

#include <stddef.h>

#include <jansson.h>

/** The largest document text kept (edits that would exceed it are refused). */
#define LSP_DOC_MAX_BYTES ((size_t)64 << 20)

/** One open document. */
struct lsp_doc {
	char *uri;
	char *path;             /* lsp_uri_to_path(uri): what findings are reported against */
	char *text;             /* not NUL-terminated; may contain NUL bytes */
	size_t len, cap;
	long long version;
	unsigned long long gen; /* changes whenever text changes (unique per store) */
	int dirty;              /* text not checked since it last changed */
	json_t *diags;          /* diagnostics last published, or NULL */
};

/** The store; zero-initialised is empty. */
struct lsp_docs {
	struct lsp_doc **v;
	size_t n, cap;
	unsigned long long next_gen;
};

/** Close every document and free the store. */
void lsp_docs_release(struct lsp_docs *ds);

/** The open document with this URI, or NULL. */
struct lsp_doc *lsp_docs_find(const struct lsp_docs *ds, const char *uri);

/** The first document that needs checking, or NULL. */
struct lsp_doc *lsp_docs_first_dirty(const struct lsp_docs *ds);

/**
 * Open (or re-open, replacing the text) a document; it is dirty.
 * Returns it, or NULL on OOM or if the text is too large.
 */
struct lsp_doc *lsp_docs_open(struct lsp_docs *ds, const char *uri,
			      const char *text, size_t len, long long version);

/** Close a document. Returns 0, or -1 if it was not open. */
int lsp_docs_close(struct lsp_docs *ds, const char *uri);

/**
 * Replace bytes [start, end) of the text (clamped to the text) by
 * len bytes at text. The document becomes dirty with a new gen.
 * Returns 0, or -1 on OOM or if the result would be too large (the text
 * is then unchanged).
 */
int lsp_doc_edit(struct lsp_docs *ds, struct lsp_doc *d, size_t start, size_t end,
		 const char *text, size_t len);

/** Remember diags (taking the reference) as the last published diagnostics. */
void lsp_doc_set_diags(struct lsp_doc *d, json_t *diags);

#endif
