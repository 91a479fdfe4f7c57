/*
 * lsp_diag.h - a dmc_result as LSP diagnostics, and hover text over them.
 *
 * One diagnostic per finding: range (UTF-16 positions of the finding's
 * span), severity (error 1, warning 2, note 3), code (the rule id),
 * codeDescription.href (file:// URI of rules/docs/<id>.md), source
 * "dmacheck", message, and relatedInformation for its notes. Input errors
 * (a binary or oversized buffer) become one error at the top of the file;
 * parse-recovery notes are not shown.
 */
#ifndef DMC_LSP_DIAG_H
#define DMC_LSP_DIAG_H

#include <stddef.h>

#include <jansson.h>

#include "dmacheck.h"
#include "lsp_text.h"

/**
 * The diagnostics array for r, a result of checking text (len bytes) of
 * the document uri. Returns a new reference, NULL on OOM.
 */
json_t *lsp_diag_build(const struct dmc_session *s, const struct dmc_result *r,
		       const char *uri, const char *text, size_t len);

/**
 * The hover result for position p, given the diagnostics last published
 * (an array from lsp_diag_build, or NULL): {contents: markdown, range} for
 * the diagnostics whose range holds p, each as "**rule-id**" and the rule's
 * summary, then the message. Returns a new reference, or NULL when p is on
 * no diagnostic (the reply is then null).
 */
json_t *lsp_diag_hover(const struct dmc_session *s, const json_t *diags,
		       struct lsp_pos p);

#endif
