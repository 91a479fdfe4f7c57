/*
 * emit_util.h - helpers shared by the JSON and SARIF emitters (internal to
 * report/).
 */
#ifndef DMC_EMIT_UTIL_H
#define DMC_EMIT_UTIL_H

#include <stdio.h>

#include <jansson.h>

/**
 * A new JSON string from s (NULL gives JSON null). Bytes that are not valid
 * UTF-8 (source files in Latin-1, binary junk) are replaced by U+FFFD, so
 * that the document stays valid. Never returns NULL on valid input memory.
 */
json_t *emit_jstr(const char *s);

/** Set key to v in obj, taking the reference (v may be NULL: nothing set). */
void emit_jset(json_t *obj, const char *key, json_t *v);

/**
 * Write doc to out, indented by 2, keys in insertion order, with a final
 * newline, and drop the reference. Returns 0, or -1 on a write error.
 */
int emit_jdump(json_t *doc, FILE *out);

/**
 * Percent-encode a file path for use in a URI (RFC 3986: unreserved
 * characters and '/' stay, everything else becomes %XX); a leading "./" is
 * dropped. Returns a malloc'd string.
 */
char *emit_uri_path(const char *path);

#endif
