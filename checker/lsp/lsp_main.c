/*
 * lsp_main.c - `dmacheck lsp`: options, the session, and the stdio loop.
 *
 * The loop is single-threaded: block for one message, then handle every
 * message that is already waiting (without blocking), then check each
 * dirty document once at its latest version. Messages that arrive while a
 * document is checked are handled before publishing; if they changed that
 * document, the result is dropped and the newer text is checked instead,
 * so a stale version is never published.
 */
#define _POSIX_C_SOURCE 200809L
#include "lsp.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp_methods.h"
#include "lsp_server.h"

static void usage(FILE *out)
{
	fputs("usage: dmacheck lsp [--rules-dir DIR] [--enable ID,...] [--disable ID,...]\n"
	      "Speak the Language Server Protocol on stdin/stdout (see docs/editors.md).\n",
	      out);
}

/* Append the comma-separated items of list to the NULL-terminated *vec. */
static int push_list(char ***vec, size_t *n, const char *list)
{
	const char *p = list;

	for (;;) {
		size_t len = strcspn(p, ",");

		if (len) {
			char **v = realloc(*vec, (*n + 2) * sizeof(**vec));

			if (!v)
				return -1;
			*vec = v;
			if (!(v[*n] = strndup(p, len)))
				return -1;
			v[++*n] = NULL;
		}
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

static void free_list(char **v)
{
	size_t i;

	for (i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

struct lsp_args {
	const char *rules_dir;
	char **enable, **disable;
	size_t nenable, ndisable;
	int help;
};

/* Parse the options after "lsp". Returns 0, or -1 after printing an error. */
static int parse_args(int argc, char **argv, struct lsp_args *a)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i], *val = NULL, *eq = strchr(arg, '=');
		size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
		int is_rules = !strncmp(arg, "--rules-dir", name_len) && name_len == 11;
		int is_enable = !strncmp(arg, "--enable", name_len) && name_len == 8;
		int is_disable = !strncmp(arg, "--disable", name_len) && name_len == 9;

		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			a->help = 1;
			continue;
		}
		if (!strcmp(arg, "--stdio"))    /* what some clients add */
			continue;
		if (!is_rules && !is_enable && !is_disable) {
			fprintf(stderr, "dmacheck: error: lsp: unknown option '%s'\n", arg);
			return -1;
		}
		val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
		if (!val || !*val) {
			fprintf(stderr, "dmacheck: error: lsp: option '%.*s' needs a value\n",
				(int)name_len, arg);
			return -1;
		}
		if (is_rules)
			a->rules_dir = val;
		else if (push_list(is_enable ? &a->enable : &a->disable,
				   is_enable ? &a->nenable : &a->ndisable, val) < 0) {
			fputs("dmacheck: error: out of memory\n", stderr);
			return -1;
		}
	}
	return 0;
}

/* Handle one message (or a framing problem). Returns 0, or -1 at EOF. */
static int step(struct lsp_server *s, int block)
{
	const char *body = NULL, *why = NULL;
	size_t len = 0;

	switch (lsp_reader_next(&s->in, block, &body, &len, &why)) {
	case LSP_READ_MESSAGE:
		lsp_dispatch(s, body, len);
		return 1;
	case LSP_READ_BAD:
		fprintf(s->log, "dmacheck lsp: %s\n", why);
		lsp_reply_error(s, NULL, LSP_PARSE_ERROR, why);
		return 1;
	case LSP_READ_NONE:
		return 0;
	case LSP_READ_EOF:
	default:
		return -1;
	}
}

/* Handle every message already waiting. Returns -1 at EOF. */
static int drain(struct lsp_server *s)
{
	int rc;

	while (!s->exit_requested && (rc = step(s, 0)) != 0)
		if (rc < 0)
			return -1;
	return 0;
}

/* Check and publish dirty documents, dropping results made stale. Returns -1 at EOF. */
static int check_dirty(struct lsp_server *s)
{
	struct lsp_doc *d;

	while (!s->exit_requested && (d = lsp_docs_first_dirty(&s->docs))) {
		char *uri = strdup(d->uri);
		unsigned long long gen = d->gen;
		long long version = d->version;
		json_t *diags;
		int eof;

		if (!uri)
			return -1;
		diags = lsp_check(s, d);
		eof = drain(s) < 0;
		d = s->exit_requested ? NULL : lsp_docs_find(&s->docs, uri);
		if (d && d->dirty && d->gen == gen)
			lsp_publish(s, uri, d, diags, version);
		else
			json_decref(diags);   /* edited, closed or answered meanwhile */
		free(uri);
		if (eof)
			return -1;
	}
	return 0;
}

static int serve(struct lsp_server *s)
{
	while (!s->exit_requested) {
		if (step(s, 1) < 0 || drain(s) < 0 || check_dirty(s) < 0)
			break;
	}
	if (!s->exit_requested)
		fputs("dmacheck lsp: end of input without exit\n", s->log);
	return s->exit_requested && s->shutdown ? 0 : 1;
}

int lsp_main(int argc, char **argv)
{
	struct lsp_args a = { 0 };
	struct lsp_server s = { 0 };
	struct dmc_options opt = { 0 };
	struct dmc_session *session;
	int rc = 2;

	if (parse_args(argc, argv, &a) < 0) {
		usage(stderr);
		goto out;
	}
	if (a.help) {
		usage(stdout);
		rc = 0;
		goto out;
	}
	opt.rules_dir = a.rules_dir;
	opt.enable = (const char *const *)a.enable;
	opt.disable = (const char *const *)a.disable;
	session = dmc_session_new(&opt, stderr);
	if (!session) {
		fputs("dmacheck: error: cannot load the rules\n", stderr);
		goto out;
	}
	signal(SIGPIPE, SIG_IGN);       /* a gone client is a write error, not a signal */
	s.session = session;
	s.out_fd = STDOUT_FILENO;
	s.log = stderr;
	lsp_reader_init(&s.in, STDIN_FILENO);
	rc = serve(&s);
	lsp_docs_release(&s.docs);
	lsp_reader_release(&s.in);
	dmc_session_free(session);
out:
	free_list(a.enable);
	free_list(a.disable);
	return rc;
}
