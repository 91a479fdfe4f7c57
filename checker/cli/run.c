/*
 * run.c - the worker pool. Files are handed out one at a time from a
 * shared counter (kernel files vary in size by 1000x, so static slicing
 * would leave threads idle).
 */
#define _POSIX_C_SOURCE 200809L
#include "run.h"
#include "progress.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WORKER_STACK (16u << 20)  /* deep ASTs: generous stacks for the parser and analyses */

struct pool {
	const struct dmc_session *s;
	const struct file_list *fl;
	size_t *order;                 /* file indices grouped by directory (one driver) */
	size_t *group_start;           /* group g is order[group_start[g] .. group_start[g + 1]) */
	size_t ngroups;
	atomic_size_t next;
	atomic_size_t done, findings;  /* for the progress line */
};

struct worker {
	struct pool *pool;
	struct dmc_result res;
	pthread_t tid;
	int started;
};

/*
 * One group at a time: the files of a directory, checked one by one, then
 * their ledgers together (a field mapped in one file, unmapped in another).
 */
static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	size_t g;

	while ((g = atomic_fetch_add(&p->next, 1)) < p->ngroups) {
		size_t first = p->group_start[g], n = p->group_start[g + 1] - first;
		struct dmc_ledger **lgs = n > 1 ? calloc(n, sizeof(*lgs)) : NULL;
		struct dmc_result gr;

		dmc_result_init(&gr);
		for (size_t k = 0; k < n; k++) {
			size_t before = gr.nfindings;

			dmc_check_file_ledger(p->s, p->fl->paths[p->order[first + k]], &gr, lgs ? &lgs[k] : NULL);
			atomic_fetch_add(&p->findings, gr.nfindings - before);
			atomic_fetch_add(&p->done, 1);
		}
		if (lgs) {
			size_t before = gr.nfindings;

			dmc_ledger_check(p->s, lgs, n, &gr);
			atomic_fetch_add(&p->findings, gr.nfindings - before);
			for (size_t k = 0; k < n; k++)
				dmc_ledger_free(lgs[k]);
			free(lgs);
		}
		dmc_result_merge(&w->res, &gr);
		dmc_result_release(&gr);
	}
	return NULL;
}

static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? (size_t)(slash - path) : 0;
}

static const struct file_list *sort_fl;  /* qsort has no context argument; set only under sort_lock */
static pthread_mutex_t sort_lock = PTHREAD_MUTEX_INITIALIZER;

static int cmp_by_dir(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const char *pi = sort_fl->paths[i], *pj = sort_fl->paths[j];
	size_t li = dir_len(pi), lj = dir_len(pj);
	int c = memcmp(pi, pj, li < lj ? li : lj);
	if (c)
		return c;
	if (li != lj)
		return li < lj ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* order[] and group_start[] for fl: files of one directory together */
static int make_groups(struct pool *p)
{
	size_t n = p->fl->n;
	p->order = malloc((n ? n : 1) * sizeof(*p->order));
	p->group_start = malloc((n + 1) * sizeof(*p->group_start));
	if (!p->order || !p->group_start)
		return -1;
	for (size_t i = 0; i < n; i++)
		p->order[i] = i;
	pthread_mutex_lock(&sort_lock);
	sort_fl = p->fl;
	qsort(p->order, n, sizeof(*p->order), cmp_by_dir);
	sort_fl = NULL;
	pthread_mutex_unlock(&sort_lock);
	p->ngroups = 0;
	for (size_t k = 0; k < n; k++) {
		const char *a = p->fl->paths[p->order[k]];
		const char *b = k ? p->fl->paths[p->order[k - 1]] : NULL;
		if (!b || dir_len(a) != dir_len(b) || memcmp(a, b, dir_len(a)))
			p->group_start[p->ngroups++] = k;
	}
	p->group_start[p->ngroups] = n;
	return 0;
}

unsigned run_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}

/* The main thread while the workers run: redraw the progress line. */
static void watch(struct pool *p, struct progress *prog)
{
	const struct timespec tick = { 0, 20000000 }; /* progress_update() limits to 10/s */

	while (atomic_load(&p->done) < p->fl->n) {
		progress_update(prog, atomic_load(&p->done), atomic_load(&p->findings));
		nanosleep(&tick, NULL);
	}
}

int run_check(const struct dmc_session *s, const struct file_list *fl,
	      unsigned jobs, struct dmc_result *out)
{
	return run_check_progress(s, fl, jobs, out, NULL);
}

int run_check_progress(const struct dmc_session *s, const struct file_list *fl,
		       unsigned jobs, struct dmc_result *out, struct progress *prog)
{
	struct pool pool = { .s = s, .fl = fl };
	struct worker *w;
	pthread_attr_t attr;
	unsigned i, nstarted = 0;
	int rc = 0;

	if (make_groups(&pool) < 0) {
		free(pool.order);
		free(pool.group_start);
		return -1;
	}
	atomic_init(&pool.next, 0);
	atomic_init(&pool.done, 0);
	atomic_init(&pool.findings, 0);
	if (!jobs)
		jobs = run_default_jobs();
	if (jobs > pool.ngroups)
		jobs = pool.ngroups ? (unsigned)pool.ngroups : 1;
	w = calloc(jobs, sizeof(*w));
	if (!w) {
		free(pool.order);
		free(pool.group_start);
		return -1;
	}
	for (i = 0; i < jobs; i++) {
		w[i].pool = &pool;
		dmc_result_init(&w[i].res);
	}
	if (jobs == 1 && !prog) {
		worker_main(&w[0]);
	} else {
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, WORKER_STACK);
		/*
		 * worker 0 runs on this thread, so there is always one; with a
		 * progress line this thread only draws it, unless no worker started
		 */
		progress_update(prog, 0, 0); /* the first line, before any file is done */
		for (i = prog ? 0 : 1; i < jobs; i++) {
			w[i].started = !pthread_create(&w[i].tid, &attr, worker_main, &w[i]);
			if (!w[i].started)
				rc = -1;
			nstarted += (unsigned)w[i].started;
		}
		pthread_attr_destroy(&attr);
		if (!prog || !w[0].started)
			worker_main(&w[0]);
		if (prog && nstarted)
			watch(&pool, prog);
		progress_update(prog, atomic_load(&pool.done), atomic_load(&pool.findings));
		for (i = prog ? 0 : 1; i < jobs; i++)
			if (w[i].started)
				pthread_join(w[i].tid, NULL);
	}
	for (i = 0; i < jobs; i++)
		dmc_result_merge(out, &w[i].res);
	free(w);
	free(pool.order);
	free(pool.group_start);
	return rc;
}
