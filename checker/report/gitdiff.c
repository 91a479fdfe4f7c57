/*
 * gitdiff.c - run git and filter findings by changed lines (see gitdiff.h).
 *
 * git is run with fork/execvp (no shell, so any file name is safe); its
 * standard output is read through a pipe and its standard error is kept in
 * an anonymous temporary file for the error message.
 */
#define _POSIX_C_SOURCE 200809L
#include "gitdiff.h"
#include "finding.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct buf {
	char *p;
	size_t n, cap;
};

static int buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t c = b->cap ? b->cap : 4096;
		char *q;

		while (c < b->n + n + 1)
			c *= 2;
		q = realloc(b->p, c);
		if (!q)
			return -1;
		b->p = q;
		b->cap = c;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
	return 0;
}

/* Read all of fd into b. */
static int read_all(int fd, struct buf *b)
{
	char tmp[8192];
	ssize_t k;

	for (;;) {
		k = read(fd, tmp, sizeof(tmp));
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			return 0;
		if (buf_add(b, tmp, (size_t)k) < 0)
			return -1;
	}
}

/*
 * Run git with argv (argv[0] = "git"); stdout into out, stderr into errb
 * (both NUL-terminated). Returns git's exit status, 127 if it could not be
 * run, or -1 on a system error.
 */
static int run_git(char *const argv[], struct buf *out, struct buf *errb)
{
	int pfd[2], status, rc = 0;
	FILE *ef = tmpfile();
	pid_t pid;

	if (!ef)
		return -1;
	if (pipe(pfd) < 0) {
		fclose(ef);
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		fclose(ef);
		return -1;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDONLY);

		if (nul >= 0)
			dup2(nul, 0);
		dup2(pfd[1], 1);
		dup2(fileno(ef), 2);
		close(pfd[0]);
		close(pfd[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(pfd[1]);
	if (read_all(pfd[0], out) < 0)
		rc = -1;
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			fclose(ef);
			return -1;
		}
	if (errb) {
		char tmp[4096];
		size_t k;

		rewind(ef);
		while ((k = fread(tmp, 1, sizeof(tmp), ef)) > 0)
			if (buf_add(errb, tmp, k) < 0)
				break;
	}
	fclose(ef);
	if (rc < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* The first line of git's error output, for messages. */
static const char *first_line(struct buf *b)
{
	char *nl;

	if (!b->p || !b->n)
		return "";
	if ((nl = strchr(b->p, '\n')))
		*nl = '\0';
	return b->p;
}

/* dirname of path as a malloc'd string ("." for a bare name). */
static char *dir_of(const char *path, int is_dir)
{
	const char *slash;

	if (is_dir)
		return strdup(path);
	slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

int gitdiff_check(const char *path, const char *ref, FILE *err)
{
	struct stat st;
	struct buf out = { 0 }, eb = { 0 };
	char *dir, *rev = NULL;
	int rc;

	if (!ref[0] || ref[0] == '-') {
		fprintf(err, "dmacheck: error: --diff: invalid git revision '%s'\n", ref);
		return -1;
	}
	if (stat(path, &st) < 0)
		return 0;
	dir = dir_of(path, S_ISDIR(st.st_mode));
	if (!dir)
		return -1;
	{
		char *argv[] = { "git", "-C", dir, "rev-parse", "--is-inside-work-tree", NULL };

		rc = run_git(argv, &out, &eb);
	}
	if (rc != 0 || !out.p || strncmp(out.p, "true", 4)) {
		fprintf(err, "dmacheck: error: --diff: '%s' is not in a git work tree%s%s%s\n", dir,
			rc == 127 ? " (cannot run git)" : "", eb.n ? ": " : "", first_line(&eb));
		rc = -1;
		goto out;
	}
	out.n = eb.n = 0;
	rev = malloc(strlen(ref) + sizeof("^{commit}"));
	if (!rev) {
		rc = -1;
		goto out;
	}
	strcpy(rev, ref);
	strcat(rev, "^{commit}");
	{
		char *argv[] = { "git", "-C", dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev, NULL };

		rc = run_git(argv, &out, &eb);
	}
	if (rc != 0) {
		fprintf(err, "dmacheck: error: --diff: '%s' is not a commit in the git repository of '%s'\n",
			ref, dir);
		rc = -1;
		goto out;
	}
	rc = 0;
out:
	free(rev);
	free(dir);
	free(out.p);
	free(eb.p);
	return rc;
}

/* Parse a decimal number at *p; returns -1 if there is none. */
static long num(const char **p, const char *e)
{
	long v = 0;
	int any = 0;

	while (*p < e && **p >= '0' && **p <= '9') {
		if (v < 100000000)
			v = v * 10 + (**p - '0');
		(*p)++;
		any = 1;
	}
	return any ? v : -1;
}

int gitdiff_parse(const char *diff, size_t len, int **ranges, size_t *n)
{
	const char *p = diff, *end = diff + len;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *q = p;

		if (!eol)
			eol = end;
		/* "@@ -a[,b] +c[,d] @@ ..." */
		if (eol - q > 4 && !memcmp(q, "@@ -", 4)) {
			long c, d = 1;

			q += 4;
			while (q < eol && *q != ' ')
				q++;
			if (q + 1 < eol && q[1] == '+') {
				q += 2;
				c = num(&q, eol);
				if (q < eol && *q == ',') {
					q++;
					d = num(&q, eol);
				}
				if (c >= 0 && d > 0) {
					int *r = realloc(*ranges, (*n + 1) * 2 * sizeof(**ranges));

					if (!r)
						return -1;
					*ranges = r;
					r[*n * 2] = (int)c;
					r[*n * 2 + 1] = (int)(c + d - 1);
					(*n)++;
				}
			}
		}
		p = eol + 1;
	}
	return 0;
}

static int in_ranges(const int *r, size_t n, int line)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (line >= r[2 * i] && line <= r[2 * i + 1])
			return 1;
	return 0;
}

long gitdiff_filter(struct dmc_result *r, const char *ref, FILE *err)
{
	unsigned char *drop;
	size_t start, end, i;
	long dropped = 0;

	if (!r->nfindings)
		return 0;
	if (!ref[0] || ref[0] == '-') {
		fprintf(err, "dmacheck: error: --diff: invalid git revision '%s'\n", ref);
		return -1;
	}
	drop = calloc(r->nfindings, 1);
	if (!drop)
		return -1;
	for (start = 0; start < r->nfindings; start = end) {
		const char *file = r->findings[start].file;
		const char *slash = strrchr(file, '/');
		char *dir = dir_of(file, 0);
		struct buf out = { 0 }, eb = { 0 };
		int *ranges = NULL;
		size_t nr = 0;
		int rc;

		for (end = start; end < r->nfindings && !strcmp(r->findings[end].file, file); end++)
			;
		if (!dir) {
			free(drop);
			return -1;
		}
		{
			char *argv[] = { "git", "-C", dir, "diff", "--no-ext-diff", "--no-textconv",
					 "--unified=0", "--no-color", (char *)ref, "--",
					 (char *)(slash ? slash + 1 : file), NULL };

			rc = run_git(argv, &out, &eb);
		}
		if (rc != 0) {
			fprintf(err, "dmacheck: error: --diff: git diff %s failed for '%s'%s%s\n",
				ref, file, eb.n ? ": " : "", first_line(&eb));
			free(dir);
			free(out.p);
			free(eb.p);
			free(drop);
			return -1;
		}
		if (gitdiff_parse(out.p ? out.p : "", out.n, &ranges, &nr) < 0) {
			free(dir);
			free(out.p);
			free(eb.p);
			free(drop);
			return -1;
		}
		for (i = start; i < end; i++)
			if (!in_ranges(ranges, nr, r->findings[i].line)) {
				drop[i] = 1;
				dropped++;
			}
		free(ranges);
		free(dir);
		free(out.p);
		free(eb.p);
	}
	findings_drop(r, 0, drop);
	free(drop);
	return dropped;
}
