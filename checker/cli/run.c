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
#include <time.h>
#include <unistd.h>

#define WORKER_STACK (16u << 20)  /* deep ASTs: generous stacks for the parser and analyses */

struct pool {
	const struct dmc_session *s;
	const struct file_list *fl;
	atomic_size_t next;
	atomic_size_t done, findings;  /* for the progress line */
};

struct worker {
	struct pool *pool;
	struct dmc_result res;
	pthread_t tid;
	int started;
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	size_t i;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->fl->n) {
		size_t before = w->res.nfindings;

		dmc_check_file(p->s, p->fl->paths[i], &w->res);
		atomic_fetch_add(&p->findings, w->res.nfindings - before);
		atomic_fetch_add(&p->done, 1);
	}
	return NULL;
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

	atomic_init(&pool.next, 0);
	atomic_init(&pool.done, 0);
	atomic_init(&pool.findings, 0);
	if (!jobs)
		jobs = run_default_jobs();
	if (jobs > fl->n)
		jobs = fl->n ? (unsigned)fl->n : 1;
	w = calloc(jobs, sizeof(*w));
	if (!w)
		return -1;
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
	return rc;
}
