#include "rules_lex.h"
#include "../base/arena.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULES_MAX_FILE (4u << 20)

int rules_reader_open(struct rules_reader *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	r->path = path;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(r->errmsg, sizeof(r->errmsg), "cannot open: %s", strerror(errno));
		return -1;
	}
	r->buf = xmalloc(RULES_MAX_FILE + 1);
	r->len = fread(r->buf, 1, RULES_MAX_FILE + 1, f);
	fclose(f);
	if (r->len > RULES_MAX_FILE) {
		snprintf(r->errmsg, sizeof(r->errmsg), "file larger than %u bytes", RULES_MAX_FILE);
		return -1;
	}
	if (memchr(r->buf, 0, r->len)) {
		snprintf(r->errmsg, sizeof(r->errmsg), "binary file (NUL byte)");
		return -1;
	}
	r->buf[r->len] = 0;
	return 0;
}

void rules_reader_close(struct rules_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

static int fail(struct rules_reader *r, int col, const char *msg)
{
	r->errcol = col;
	snprintf(r->errmsg, sizeof(r->errmsg), "%s", msg);
	return -1;
}

int rules_reader_next(struct rules_reader *r, struct rules_line *out)
{
	while (r->pos < r->len) {
		char *line = r->buf + r->pos;
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		r->pos += n + (nl ? 1 : 0);
		line[n] = 0;
		if (n && line[n - 1] == '\r')
			line[--n] = 0;
		r->lineno++;

		memset(out, 0, sizeof(*out));
		out->lineno = r->lineno;
		char *p = line;
		int first = 1;
		for (;;) {
			while (*p == ' ' || *p == '\t')
				p++;
			if (!*p || *p == '#')
				break;
			int col = (int)(p - line) + 1;
			char *start = p, *key = NULL, *val;
			while (*p && *p != ' ' && *p != '\t' && *p != '=' && *p != '"')
				p++;
			if (*p == '"')
				return fail(r, (int)(p - line) + 1, "quoted value without key=");
			if (*p == '=') {
				if (first)
					return fail(r, col, "a line must start with a directive word");
				*p++ = 0;
				key = start;
				if (!*key)
					return fail(r, col, "empty key before '='");
				if (*p == '"') {
					val = ++p;
					while (*p && *p != '"')
						p++;
					if (!*p)
						return fail(r, col, "unterminated quoted value");
					*p++ = 0;
					if (*p && *p != ' ' && *p != '\t')
						return fail(r, (int)(p - line) + 1, "junk after quoted value");
				} else {
					val = p;
					while (*p && *p != ' ' && *p != '\t')
						p++;
					if (p == val)
						return fail(r, col, "empty value after '='");
					if (*p)
						*p++ = 0;
				}
			} else {
				val = start;
				if (*p)
					*p++ = 0;
			}
			if (first) {
				out->directive = val;
				out->dcol = col;
				first = 0;
				continue;
			}
			if (out->ntok >= RULES_MAX_TOKENS)
				return fail(r, col, "too many tokens on one line");
			out->tok[out->ntok].key = key;
			out->tok[out->ntok].value = val;
			out->tok[out->ntok].col = col;
			out->ntok++;
		}
		if (out->directive)
			return 1;
	}
	return 0;
}
