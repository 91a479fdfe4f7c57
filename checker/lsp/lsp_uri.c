/*
 * lsp_uri.c - file:// URIs <-> paths (see lsp_uri.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "lsp_uri.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *lsp_uri_to_path(const char *uri)
{
	const char *p = uri;
	char *out, *o;

	if (strncasecmp(uri, "file://", 7))
		return strdup(uri);
	p = uri + 7;
	if (!strncasecmp(p, "localhost/", 10))
		p += 9;
	else if (*p != '/')
		p = uri + 5;    /* file://host/x -> //host/x */
	out = malloc(strlen(p) + 1);
	if (!out)
		return NULL;
	for (o = out; *p; p++) {
		int hi, lo;

		if (*p == '%' && (hi = hexval(p[1])) >= 0 && (lo = hexval(p[2])) >= 0 &&
		    (hi || lo)) {
			*o++ = (char)(hi * 16 + lo);
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

char *lsp_uri_from_path(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;
	char *out, *o;

	if (!path)
		return NULL;
	out = malloc(strlen(path) * 3 + 8);
	if (!out)
		return NULL;
	o = out + (strcpy(out, "file://"), 7);
	for (p = (const unsigned char *)path; *p; p++) {
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
