/*
 * lsp_uri.h - file:// URIs <-> paths.
 */
#ifndef DMC_LSP_URI_H
#define DMC_LSP_URI_H

/**
 * The path of a document URI: "file:///a/b%20c.c" gives "/a/b c.c"
 * (percent-decoded; "file://host/p" gives "//host/p"). Other schemes
 * ("untitled:1") are returned unchanged: the path is only used in
 * messages. "%00" and malformed escapes are kept as they are.
 * Returns a malloc'd string, NULL on OOM.
 */
char *lsp_uri_to_path(const char *uri);

/**
 * A file:// URI for an absolute path, percent-encoded (RFC 3986 unreserved
 * characters and '/' stay as they are). Returns a malloc'd string, NULL on
 * OOM or if path is NULL.
 */
char *lsp_uri_from_path(const char *path);

#endif
