/*
 * progress.c - a single updating status line on stderr while files are
 * checked. Nothing is written unless the stream is a terminal.
 */
#define _POSIX_C_SOURCE 200809L
#include "progress.h"

#include "dmacheck.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define REDRAW_NS 100000000LL  /* at most 10 redraws per second */

struct progress {
	FILE *out;
	size_t total;
	long long start, last;  /* CLOCK_MONOTONIC, ns; last = -1: never drawn */
	size_t width;           /* of the line on screen, to blank it */
};

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

struct progress *progress_new(FILE *out, size_t total)
{
	struct progress *p;

	if (!out || !isatty(fileno(out)))
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->out = out;
	p->total = total;
	p->start = now_ns();
	p->last = -1;
	return p;
}

void progress_format_duration(char *buf, size_t len, double s)
{
	long t = s < 0 ? 0 : (long)(s + 0.5);

	if (t < 60)
		snprintf(buf, len, "%lds", t);
	else if (t < 3600)
		snprintf(buf, len, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(buf, len, "%ldh%02ldm", t / 3600, t / 60 % 60);
}

void progress_update(struct progress *p, size_t done, size_t findings)
{
	long long t;
	char line[160], el[32], eta[32];
	double secs;
	size_t len;

	if (!p)
		return;
	t = now_ns();
	if (p->last >= 0 && t - p->last < REDRAW_NS)
		return;
	p->last = t;
	secs = (double)(t - p->start) / 1e9;
	progress_format_duration(el, sizeof(el), secs);
	if (done && done <= p->total)
		progress_format_duration(eta, sizeof(eta),
					 secs / (double)done * (double)(p->total - done));
	else
		strcpy(eta, "?");
	snprintf(line, sizeof(line), "[%zu/%zu] %zu finding%s, elapsed %s, ETA %s",
		 done, p->total, findings, findings == 1 ? "" : "s", el, eta);
	len = strlen(line);
	/* pad with spaces over a longer previous line */
	fprintf(p->out, "\r%s%*s", line, p->width > len ? (int)(p->width - len) : 0, "");
	if (len > p->width)
		p->width = len;
	fflush(p->out);
}

void progress_finish(struct progress *p)
{
	if (!p)
		return;
	if (p->last >= 0) {
		fprintf(p->out, "\r%*s\r", (int)p->width, "");
		fflush(p->out);
	}
	free(p);
}

struct rule_n {
	const char *rule;
	size_t n;
};

static int cmp_rule_n(const void *a, const void *b)
{
	const struct rule_n *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->rule, y->rule);
}

void progress_summary(FILE *out, const struct dmc_result *r, size_t nchecked)
{
	struct rule_n *rn;
	size_t i, k, nr = 0, nfiles = 0;

	if (!r->nfindings) {
		fprintf(out, "dmacheck: no findings (%zu file%s checked)\n",
			nchecked, nchecked == 1 ? "" : "s");
		return;
	}
	rn = malloc(r->nfindings * sizeof(*rn));
	for (i = 0; i < r->nfindings; i++) {
		const struct dmc_finding *f = &r->findings[i];

		if (!i || strcmp(f->file, r->findings[i - 1].file))
			nfiles++;
		if (!rn)
			continue;
		for (k = 0; k < nr && strcmp(rn[k].rule, f->rule); k++)
			;
		if (k == nr)
			rn[nr++] = (struct rule_n){ f->rule, 0 };
		rn[k].n++;
	}
	fprintf(out, "dmacheck: %zu finding%s in %zu file%s (%zu checked)",
		r->nfindings, r->nfindings == 1 ? "" : "s",
		nfiles, nfiles == 1 ? "" : "s", nchecked);
	if (rn) {
		qsort(rn, nr, sizeof(*rn), cmp_rule_n);
		for (k = 0; k < nr; k++)
			fprintf(out, "%s%s %zu", k ? ", " : ": ", rn[k].rule, rn[k].n);
	}
	fputc('\n', out);
	free(rn);
}
