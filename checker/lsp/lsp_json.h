/*
 * lsp_json.h - small helpers over jansson for reading requests (with the
 * types checked) and building replies (with strings made valid UTF-8).
 */
#ifndef DMC_LSP_JSON_H
#define DMC_LSP_JSON_H

#include <stddef.h>

#include <jansson.h>

/**
 * A new JSON string of the n bytes at s; bytes that are not valid UTF-8
 * are replaced by U+FFFD. s == NULL gives JSON null. NULL only on OOM.
 */
json_t *lsp_jstrn(const char *s, size_t n);

/** lsp_jstrn() of a NUL-terminated string (or NULL). */
json_t *lsp_jstr(const char *s);

/** Member key of obj if obj is an object and the member is an object, else NULL. */
json_t *lsp_jobj(const json_t *obj, const char *key);

/** Member key of obj if it is a string, else NULL (the value is borrowed). */
const char *lsp_jstring(const json_t *obj, const char *key, size_t *len);

/**
 * Member key of obj if it is an integer: stores it in *out and returns 0;
 * returns -1 (and leaves *out alone) if missing or of another type.
 */
int lsp_jint(const json_t *obj, const char *key, long long *out);

/** Set key of obj to v, taking the reference; a NULL v sets nothing. */
void lsp_jset(json_t *obj, const char *key, json_t *v);

#endif
