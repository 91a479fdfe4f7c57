/*
 * lsp_server.h - the state of one LSP session (struct lsp_server, passed to
 * every handler; there are no globals) and what handlers use to answer:
 * replies, errors, notifications, checking and publishing a document.
 */
#ifndef DMC_LSP_SERVER_H
#define DMC_LSP_SERVER_H

#include <stdio.h>

#include <jansson.h>

#include "dmacheck.h"
#include "lsp_docs.h"
#include "lsp_rpc.h"

/** JSON-RPC and LSP error codes used here. */
enum lsp_error {
	LSP_PARSE_ERROR = -32700,
	LSP_INVALID_REQUEST = -32600,
	LSP_METHOD_NOT_FOUND = -32601,
	LSP_INVALID_PARAMS = -32602,
	LSP_INTERNAL_ERROR = -32603,
	LSP_SERVER_NOT_INITIALIZED = -32002,
};

/** One session: the rules, the connection, the open documents, the lifecycle. */
struct lsp_server {
	const struct dmc_session *session;
	struct lsp_reader in;
	int out_fd;
	FILE *log;              /* stderr: what the client shows as the server's log */
	struct lsp_docs docs;
	int initialized;        /* initialize was answered */
	int shutdown;           /* shutdown was received */
	int exit_requested;     /* exit was received: stop reading */
};

/** Send msg (taking the reference). Write errors end the session (exit_requested). */
void lsp_send(struct lsp_server *s, json_t *msg);

/** Reply to request id with result (taking the reference; NULL sends null). */
void lsp_reply(struct lsp_server *s, const json_t *id, json_t *result);

/** Reply to request id (NULL sends null) with an error. */
void lsp_reply_error(struct lsp_server *s, const json_t *id, int code, const char *message);

/** Send a notification with params (taking the reference). */
void lsp_notify(struct lsp_server *s, const char *method, json_t *params);

/**
 * Check d's current text. Returns its diagnostics array (a new reference),
 * or NULL on OOM.
 */
json_t *lsp_check(struct lsp_server *s, const struct lsp_doc *d);

/**
 * Publish diags (taking the reference; NULL publishes an empty list) for the
 * document uri at version (or without a version if version < 0), and if d
 * is not NULL remember them in d for hover and mark d as checked.
 */
void lsp_publish(struct lsp_server *s, const char *uri, struct lsp_doc *d,
		 json_t *diags, long long version);

#endif
