/*
 * lsp_server.c - answering the client, and checking and publishing documents.
 */
#include "lsp_server.h"

#include "lsp_diag.h"
#include "lsp_json.h"

void lsp_send(struct lsp_server *s, json_t *msg)
{
	if (!msg)
		return;
	if (!json_object_get(msg, "jsonrpc"))
		json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	if (lsp_rpc_write(s->out_fd, msg) < 0) {
		fputs("dmacheck lsp: cannot write to the client; stopping\n", s->log);
		s->exit_requested = 1;
	}
	json_decref(msg);
}

void lsp_reply(struct lsp_server *s, const json_t *id, json_t *result)
{
	lsp_send(s, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0",
			      "id", id ? id : json_null(),
			      "result", result ? result : json_null()));
}

void lsp_reply_error(struct lsp_server *s, const json_t *id, int code, const char *message)
{
	lsp_send(s, json_pack("{s:s,s:O,s:{s:i,s:o}}", "jsonrpc", "2.0",
			      "id", id ? id : json_null(),
			      "error", "code", code, "message", lsp_jstr(message)));
}

void lsp_notify(struct lsp_server *s, const char *method, json_t *params)
{
	lsp_send(s, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method,
			      "params", params ? params : json_object()));
}

json_t *lsp_check(struct lsp_server *s, const struct lsp_doc *d)
{
	struct dmc_result r;
	json_t *diags;

	dmc_result_init(&r);
	dmc_check_buffer(s->session, d->path, d->text, d->len, &r);
	dmc_result_sort(&r);
	diags = lsp_diag_build(s->session, &r, d->uri, d->text, d->len);
	dmc_result_release(&r);
	return diags;
}

void lsp_publish(struct lsp_server *s, const char *uri, struct lsp_doc *d,
		 json_t *diags, long long version)
{
	json_t *params;

	if (!diags)
		diags = json_array();
	params = json_pack("{s:s,s:O}", "uri", uri, "diagnostics", diags);
	if (params && version >= 0)
		json_object_set_new(params, "version", json_integer(version));
	lsp_notify(s, "textDocument/publishDiagnostics", params);
	if (d) {
		lsp_doc_set_diags(d, diags);
		d->dirty = 0;
	} else {
		json_decref(diags);
	}
}
