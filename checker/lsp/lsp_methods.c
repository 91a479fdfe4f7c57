/*
 * lsp_methods.c - the JSON-RPC dispatch table and the method handlers:
 * lifecycle (initialize, initialized, shutdown, exit), document sync
 * (didOpen, didChange, didSave, didClose) and hover.
 *
 * Document sync handlers only update the store and mark documents dirty;
 * lsp_main.c checks dirty documents once no more input is waiting, so a
 * burst of edits is checked once, at its last version.
 */
#include "lsp_methods.h"

#include <string.h>

#include "lsp_diag.h"
#include "lsp_json.h"
#include "lsp_server.h"
#include "lsp_text.h"

/*
 * A handler: params is the "params" member (may be NULL or of any type).
 * Requests set *result (a new reference, NULL for null) and return 0, or
 * return an enum lsp_error and set *why. Notifications return 0 or an error
 * that is only logged.
 */
typedef int lsp_handler(struct lsp_server *s, json_t *params, json_t **result,
			const char **why);

struct lsp_method {
	const char *name;
	int request;            /* 1: request (answered), 0: notification */
	lsp_handler *fn;
};

static int m_initialize(struct lsp_server *s, json_t *params, json_t **result,
			const char **why)
{
	if (s->initialized) {
		*why = "initialize was already received";
		return LSP_INVALID_REQUEST;
	}
	*result = json_pack("{s:{s:{s:b,s:i,s:{s:b}},s:b},s:{s:s,s:s}}",
			    "capabilities",
			    "textDocumentSync", "openClose", 1, "change", 2,
			    "save", "includeText", 0,
			    "hoverProvider", 1,
			    "serverInfo", "name", "dmacheck", "version", DMACHECK_VERSION);
	s->initialized = 1;
	return 0;
}

static int m_initialized(struct lsp_server *s, json_t *params, json_t **result,
			 const char **why)
{
	return 0;
}

static int m_shutdown(struct lsp_server *s, json_t *params, json_t **result,
		      const char **why)
{
	s->shutdown = 1;
	return 0;
}

static int m_exit(struct lsp_server *s, json_t *params, json_t **result,
		  const char **why)
{
	s->exit_requested = 1;
	return 0;
}

/* params.textDocument.uri, or NULL (with *why set). */
static const char *doc_uri(json_t *params, const char **why)
{
	const char *uri = lsp_jstring(lsp_jobj(params, "textDocument"), "uri", NULL);

	if (!uri)
		*why = "missing textDocument.uri";
	return uri;
}

static int m_did_open(struct lsp_server *s, json_t *params, json_t **result,
		      const char **why)
{
	json_t *td = lsp_jobj(params, "textDocument");
	const char *uri = doc_uri(params, why);
	const char *text;
	long long version = 0;
	size_t len;

	if (!uri)
		return LSP_INVALID_PARAMS;
	text = lsp_jstring(td, "text", &len);
	if (!text) {
		*why = "missing textDocument.text";
		return LSP_INVALID_PARAMS;
	}
	lsp_jint(td, "version", &version);
	if (!lsp_docs_open(&s->docs, uri, text, len, version)) {
		*why = "document too large or out of memory";
		return LSP_INTERNAL_ERROR;
	}
	return 0;
}

/* Read a {line, character} object. Returns 0 if well formed. */
static int read_pos(const json_t *o, struct lsp_pos *p)
{
	return o && !lsp_jint(o, "line", &p->line) && !lsp_jint(o, "character", &p->character)
		? 0 : -1;
}

/* Apply one contentChanges item: {text} replaces all, {range, text} edits. */
static int apply_change(struct lsp_server *s, struct lsp_doc *d, json_t *c, const char **why)
{
	json_t *range = lsp_jobj(c, "range");
	const char *text;
	struct lsp_pos a, b;
	size_t len, start, end;

	text = lsp_jstring(c, "text", &len);
	if (!text) {
		*why = "content change without text";
		return LSP_INVALID_PARAMS;
	}
	if (!range) {
		start = 0;
		end = d->len;
	} else if (read_pos(lsp_jobj(range, "start"), &a) || read_pos(lsp_jobj(range, "end"), &b)) {
		*why = "content change with a malformed range";
		return LSP_INVALID_PARAMS;
	} else {
		start = lsp_text_offset(d->text, d->len, a);
		end = lsp_text_offset(d->text, d->len, b);
	}
	if (lsp_doc_edit(&s->docs, d, start, end, text, len) < 0) {
		*why = "document too large or out of memory";
		return LSP_INTERNAL_ERROR;
	}
	return 0;
}

static int m_did_change(struct lsp_server *s, json_t *params, json_t **result,
			const char **why)
{
	const char *uri = doc_uri(params, why);
	json_t *changes, *c;
	struct lsp_doc *d;
	size_t i;
	int rc;

	if (!uri)
		return LSP_INVALID_PARAMS;
	d = lsp_docs_find(&s->docs, uri);
	if (!d) {
		*why = "didChange for a document that is not open";
		return LSP_INVALID_PARAMS;
	}
	changes = json_object_get(params, "contentChanges");
	if (!json_is_array(changes)) {
		*why = "missing contentChanges";
		return LSP_INVALID_PARAMS;
	}
	json_array_foreach(changes, i, c)
		if ((rc = apply_change(s, d, c, why)))
			return rc;
	lsp_jint(lsp_jobj(params, "textDocument"), "version", &d->version);
	return 0;
}

static int m_did_save(struct lsp_server *s, json_t *params, json_t **result,
		      const char **why)
{
	const char *uri = doc_uri(params, why);
	struct lsp_doc *d = uri ? lsp_docs_find(&s->docs, uri) : NULL;

	/* the buffer is what is checked: only check again if never published */
	if (d && !d->diags)
		d->dirty = 1;
	return 0;
}

static int m_did_close(struct lsp_server *s, json_t *params, json_t **result,
		       const char **why)
{
	const char *uri = doc_uri(params, why);

	if (!uri)
		return LSP_INVALID_PARAMS;
	if (lsp_docs_close(&s->docs, uri) < 0) {
		*why = "didClose for a document that is not open";
		return LSP_INVALID_PARAMS;
	}
	lsp_publish(s, uri, NULL, NULL, -1);
	return 0;
}

static int m_hover(struct lsp_server *s, json_t *params, json_t **result,
		   const char **why)
{
	const char *uri = doc_uri(params, why);
	struct lsp_doc *d;
	struct lsp_pos p;

	if (!uri)
		return LSP_INVALID_PARAMS;
	if (read_pos(lsp_jobj(params, "position"), &p)) {
		*why = "missing or malformed position";
		return LSP_INVALID_PARAMS;
	}
	d = lsp_docs_find(&s->docs, uri);
	if (!d)
		return 0;
	if (d->dirty)   /* edits came with the hover: answer about the current text */
		lsp_publish(s, d->uri, d, lsp_check(s, d), d->version);
	*result = lsp_diag_hover(s->session, d->diags, p);
	return 0;
}

static const struct lsp_method methods[] = {
	{ "initialize", 1, m_initialize },
	{ "initialized", 0, m_initialized },
	{ "shutdown", 1, m_shutdown },
	{ "exit", 0, m_exit },
	{ "textDocument/didOpen", 0, m_did_open },
	{ "textDocument/didChange", 0, m_did_change },
	{ "textDocument/didSave", 0, m_did_save },
	{ "textDocument/didClose", 0, m_did_close },
	{ "textDocument/hover", 1, m_hover },
};

static const struct lsp_method *find_method(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (!strcmp(methods[i].name, name))
			return &methods[i];
	return NULL;
}

static void handle_request(struct lsp_server *s, const json_t *id, const char *name,
			   json_t *params)
{
	const struct lsp_method *m = find_method(name);
	json_t *result = NULL;
	const char *why = "error";
	int rc;

	if (!s->initialized && strcmp(name, "initialize")) {
		lsp_reply_error(s, id, LSP_SERVER_NOT_INITIALIZED, "server not initialized");
		return;
	}
	if (s->shutdown) {
		lsp_reply_error(s, id, LSP_INVALID_REQUEST, "server is shutting down");
		return;
	}
	if (!m || !m->request) {
		lsp_reply_error(s, id, LSP_METHOD_NOT_FOUND, "method not found");
		return;
	}
	rc = m->fn(s, params, &result, &why);
	if (rc) {
		json_decref(result);
		lsp_reply_error(s, id, rc, why);
	} else {
		lsp_reply(s, id, result);
	}
}

static void handle_notification(struct lsp_server *s, const char *name, json_t *params)
{
	const struct lsp_method *m = find_method(name);
	json_t *result = NULL;
	const char *why = "error";

	if (!m || m->request)
		return;         /* unknown notifications ($/cancelRequest, ...) are ignored */
	if (!s->initialized && strcmp(name, "exit"))
		return;
	if (m->fn(s, params, &result, &why))
		fprintf(s->log, "dmacheck lsp: %s: %s\n", name, why);
	json_decref(result);
}

void lsp_dispatch(struct lsp_server *s, const char *body, size_t len)
{
	json_error_t err;
	json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &err);
	json_t *id, *method;

	if (!msg) {
		lsp_reply_error(s, NULL, LSP_PARSE_ERROR, "parse error");
		return;
	}
	id = json_object_get(msg, "id");
	method = json_object_get(msg, "method");
	if (id && !json_is_string(id) && !json_is_integer(id) && !json_is_null(id)) {
		lsp_reply_error(s, NULL, LSP_INVALID_REQUEST, "invalid request id");
	} else if (!json_is_object(msg) || !json_is_string(method)) {
		/* a response to us (we send no requests) is ignored */
		if (!(json_is_object(msg) && !method && id &&
		      (json_object_get(msg, "result") || json_object_get(msg, "error"))))
			lsp_reply_error(s, id, LSP_INVALID_REQUEST, "invalid request");
	} else if (id) {
		handle_request(s, id, json_string_value(method), json_object_get(msg, "params"));
	} else {
		handle_notification(s, json_string_value(method), json_object_get(msg, "params"));
	}
	json_decref(msg);
}
