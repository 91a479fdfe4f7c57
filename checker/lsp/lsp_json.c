/*
 * lsp_json.c - jansson helpers: typed member access and UTF-8-safe strings.
 */
#include "lsp_json.h"
#include "../base/utf8.h"

#include <stdlib.h>
#include <string.h>


json_t *lsp_jstrn(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	char *buf;
	size_t i = 0, o = 0;
	json_t *j;

	if (!s)
		return json_null();
	j = json_stringn(s, n);
	if (j)
		return j;
	buf = malloc(n * 3 + 1);
	if (!buf)
		return NULL;
	while (i < n) {
		size_t k = p[i] ? utf8_seq(p + i, n - i) : 1;

		if (k) {
			memcpy(buf + o, s + i, k);
			o += k;
			i += k;
		} else {
			memcpy(buf + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		}
	}
	j = json_stringn(buf, o);
	free(buf);
	return j;
}

json_t *lsp_jstr(const char *s)
{
	return s ? lsp_jstrn(s, strlen(s)) : json_null();
}

json_t *lsp_jobj(const json_t *obj, const char *key)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

	return json_is_object(v) ? v : NULL;
}

const char *lsp_jstring(const json_t *obj, const char *key, size_t *len)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

	if (!json_is_string(v))
		return NULL;
	if (len)
		*len = json_string_length(v);
	return json_string_value(v);
}

int lsp_jint(const json_t *obj, const char *key, long long *out)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

	if (!json_is_integer(v))
		return -1;
	*out = (long long)json_integer_value(v);
	return 0;
}

void lsp_jset(json_t *obj, const char *key, json_t *v)
{
	if (v)
		json_object_set_new(obj, key, v);
}
