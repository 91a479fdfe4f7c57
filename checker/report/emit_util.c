/*
 * emit_util.c - JSON string sanitising, dumping and URI encoding for the
 * JSON and SARIF emitters.
 */
#include "emit_util.h"
#include "../base/utf8.h"

#include <stdlib.h>
#include <string.h>


json_t *emit_jstr(const char *s)
{
	const unsigned char *p;
	size_t len, o = 0, n;
	json_t *j;
	char *buf;

	if (!s)
		return json_null();
	j = json_string(s);
	if (j)
		return j;
	/* invalid UTF-8: replace each bad byte by U+FFFD (3 bytes) */
	len = strlen(s);
	buf = malloc(len * 3 + 1);
	if (!buf)
		return json_null();
	for (p = (const unsigned char *)s; *p; p += n) {
		n = utf8_seq(p, len - (size_t)(p - (const unsigned char *)s));
		if (n) {
			memcpy(buf + o, p, n);
			o += n;
		} else {
			memcpy(buf + o, "\xef\xbf\xbd", 3);
			o += 3;
			n = 1;
		}
	}
	buf[o] = '\0';
	j = json_string(buf);
	free(buf);
	return j ? j : json_null();
}

void emit_jset(json_t *obj, const char *key, json_t *v)
{
	if (v)
		json_object_set_new(obj, key, v);
}

int emit_jdump(json_t *doc, FILE *out)
{
	int rc;

	rc = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (rc < 0 || fputc('\n', out) == EOF)
		return -1;
	return ferror(out) ? -1 : 0;
}

char *emit_uri_path(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)path;
	char *out, *o;

	while (p[0] == '.' && p[1] == '/') {
		p += 2;
		while (*p == '/')
			p++;
	}
	out = o = malloc(strlen((const char *)p) * 3 + 1);
	if (!out)
		return NULL;
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}
