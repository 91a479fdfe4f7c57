/*
 * lsp_methods.h - JSON-RPC dispatch: one message body to its handler.
 *
 * The method table (lsp_methods.c) lists what the server implements:
 * initialize, initialized, shutdown, exit, textDocument/didOpen, didChange,
 * didSave, didClose, hover. Unknown requests get MethodNotFound, unknown
 * notifications are ignored.
 */
#ifndef DMC_LSP_METHODS_H
#define DMC_LSP_METHODS_H

#include <stddef.h>

#include "lsp_server.h"

/**
 * Handle one message body: parse it, dispatch it to its handler, answer
 * requests. Malformed JSON gets -32700 (id null), a message of the wrong
 * shape -32600, a request before initialize -32002; nothing is fatal.
 */
void lsp_dispatch(struct lsp_server *s, const char *body, size_t len);

#endif
