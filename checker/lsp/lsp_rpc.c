/*
 * lsp_rpc.c - Content-Length framing over file descriptors (see lsp_rpc.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "lsp_rpc.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum { READ_CHUNK = 65536 };

void lsp_reader_init(struct lsp_reader *r, int fd)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
}

void lsp_reader_release(struct lsp_reader *r)
{
	free(r->buf);
	memset(r, 0, sizeof(*r));
}

/* Is input waiting (or at its end) right now? */
static int readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int n;

	do
		n = poll(&p, 1, 0);
	while (n < 0 && errno == EINTR);
	return n > 0;
}

/*
 * Read what is available into the buffer (blocking until something comes).
 * Returns the number of bytes read, 0 at EOF or on error.
 */
static size_t fill(struct lsp_reader *r)
{
	ssize_t n;

	if (r->start == r->end)
		r->start = r->end = 0;
	if (r->start && r->cap - r->end < READ_CHUNK) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < READ_CHUNK) {
		size_t cap = r->cap ? r->cap * 2 : 2 * READ_CHUNK;
		char *b = realloc(r->buf, cap);

		if (!b)
			return 0;
		r->buf = b;
		r->cap = cap;
	}
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		r->eof = 1;
		return 0;
	}
	r->end += (size_t)n;
	return (size_t)n;
}

/* Drop body bytes of a refused message. */
static void skip_pending(struct lsp_reader *r)
{
	size_t have = r->end - r->start;
	size_t n = r->skip < have ? (size_t)r->skip : have;

	r->start += n;
	r->skip -= n;
}

/* Where the header block ending "\r\n\r\n" ends in [p, p+n), or NULL. */
static const char *header_end(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 3 < n; i++)
		if (p[i] == '\r' && p[i + 1] == '\n' && p[i + 2] == '\r' && p[i + 3] == '\n')
			return p + i + 4;
	return NULL;
}

/*
 * Parse the header block [h, e): the Content-Length value into *len.
 * Returns 0, 1 if it is larger than the limit, -1 if missing or malformed.
 */
static int parse_header(const char *h, const char *e, unsigned long long *len)
{
	int found = 0;

	while (h < e) {
		const char *eol = h;

		while (eol + 1 < e && !(eol[0] == '\r' && eol[1] == '\n'))
			eol++;
		if ((size_t)(eol - h) > 15 && !strncasecmp(h, "Content-Length:", 15)) {
			const char *p = h + 15;
			unsigned long long v = 0;
			int digits = 0;

			while (p < eol && (*p == ' ' || *p == '\t'))
				p++;
			for (; p < eol && *p >= '0' && *p <= '9'; p++, digits++)
				if (v <= LSP_MAX_BODY)
					v = v * 10 + (unsigned)(*p - '0');
			while (p < eol && (*p == ' ' || *p == '\t'))
				p++;
			if (!digits || p != eol)
				return -1;
			*len = v;
			found = 1;
		}
		h = eol + 2;
	}
	if (!found)
		return -1;
	return *len > LSP_MAX_BODY ? 1 : 0;
}

/* A complete message in the buffer? Returns an enum lsp_read, NONE if not yet. */
static enum lsp_read take(struct lsp_reader *r, const char **body, size_t *len,
			  const char **why)
{
	const char *p = r->buf + r->start, *e;
	size_t have = r->end - r->start;
	unsigned long long n = 0;
	int rc;

	if (r->skip) {
		skip_pending(r);
		if (r->skip)
			return LSP_READ_NONE;
		p = r->buf + r->start;
		have = r->end - r->start;
	}
	e = header_end(p, have < LSP_MAX_HEADER + 4 ? have : LSP_MAX_HEADER + 4);
	if (!e) {
		if (have < LSP_MAX_HEADER + 4)
			return LSP_READ_NONE;
		r->start += LSP_MAX_HEADER;   /* drop it and look further on */
		*why = "message header too long";
		return LSP_READ_BAD;
	}
	rc = parse_header(p, e - 2, &n);
	if (rc < 0) {
		r->start += (size_t)(e - p);
		*why = "message header without a valid Content-Length";
		return LSP_READ_BAD;
	}
	if (rc > 0) {
		r->start += (size_t)(e - p);
		r->skip = n;
		skip_pending(r);
		*why = "message body larger than 64 MiB";
		return LSP_READ_BAD;
	}
	if (have - (size_t)(e - p) < n)
		return LSP_READ_NONE;
	*body = e;
	*len = (size_t)n;
	r->start += (size_t)(e - p) + (size_t)n;
	return LSP_READ_MESSAGE;
}

enum lsp_read lsp_reader_next(struct lsp_reader *r, int block,
			      const char **body, size_t *len, const char **why)
{
	for (;;) {
		enum lsp_read got = r->end > r->start ? take(r, body, len, why) : LSP_READ_NONE;

		if (got != LSP_READ_NONE)
			return got;
		if (r->eof)
			return LSP_READ_EOF;
		if (!block && !readable(r->fd))
			return LSP_READ_NONE;
		if (!fill(r))
			return LSP_READ_EOF;
	}
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int lsp_rpc_write(int fd, const json_t *msg)
{
	char head[64];
	char *body = json_dumps(msg, JSON_COMPACT | JSON_PRESERVE_ORDER);
	size_t n;
	int rc;

	if (!body)
		return -1;
	n = strlen(body);
	snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", n);
	rc = write_all(fd, head, strlen(head)) < 0 || write_all(fd, body, n) < 0 ? -1 : 0;
	free(body);
	return rc;
}
