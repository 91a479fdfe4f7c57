/*
 * lsp_rpc.h - JSON-RPC 2.0 base protocol: "Content-Length: N\r\n\r\n" framed
 * messages on file descriptors.
 *
 * The reader can be asked not to block, which is how the server drains
 * edits that are already waiting before it spends time checking a buffer.
 * Bodies are bytes: JSON parsing is the caller's business.
 */
#ifndef DMC_LSP_RPC_H
#define DMC_LSP_RPC_H

#include <stddef.h>

#include <jansson.h>

/** Largest message body accepted (bigger ones are skipped and reported). */
#define LSP_MAX_BODY ((size_t)64 << 20)
/** Largest header block accepted. */
#define LSP_MAX_HEADER ((size_t)8192)

/** Buffered framed input. */
struct lsp_reader {
	int fd;
	char *buf;
	size_t start, end, cap;         /* unread bytes are buf[start, end) */
	unsigned long long skip;        /* body bytes of a refused message still to drop */
	int eof;
};

/** What lsp_reader_next() found. */
enum lsp_read {
	LSP_READ_EOF = -1,      /* end of input (or a read error) */
	LSP_READ_NONE = 0,      /* non-blocking: no complete message waiting */
	LSP_READ_MESSAGE = 1,   /* *body, *len hold a message */
	LSP_READ_BAD = 2,       /* a malformed header or an oversized body was dropped; *why says which */
};

/** Start reading from fd. */
void lsp_reader_init(struct lsp_reader *r, int fd);
void lsp_reader_release(struct lsp_reader *r);

/**
 * The next message. If block is 0, it only reads what is already available
 * (poll with a zero timeout) and returns LSP_READ_NONE if that is not a
 * whole message. On LSP_READ_MESSAGE, *body (not NUL-terminated) stays
 * valid until the next call. A header block without a valid Content-Length,
 * or longer than LSP_MAX_HEADER, is dropped; a body larger than
 * LSP_MAX_BODY is skipped as it arrives.
 */
enum lsp_read lsp_reader_next(struct lsp_reader *r, int block,
			      const char **body, size_t *len, const char **why);

/**
 * Write msg (compact JSON) with its header to fd, retrying short writes.
 * Returns 0, or -1 if it could not be encoded or written.
 */
int lsp_rpc_write(int fd, const json_t *msg);

#endif
