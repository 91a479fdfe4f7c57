/*
 * gate.c - --baseline, --write-baseline, --diff and --fail-on (see gate.h).
 */
#include "gate.h"
#include "report/baseline.h"
#include "report/gitdiff.h"

#include <string.h>

int gate_prepare(const struct cli_opts *o, struct gate *g, FILE *err)
{
	size_t i;

	memset(g, 0, sizeof(*g));
	if (o->diff)
		for (i = 0; i < o->npaths; i++)
			if (gitdiff_check(o->paths[i], o->diff, err) < 0)
				return -1;
	if (o->baseline && !(g->baseline = baseline_load(o->baseline, err)))
		return -1;
	return 0;
}

int gate_apply(const struct cli_opts *o, struct gate *g, struct dmc_result *res, FILE *err)
{
	if (o->diff && gitdiff_filter(res, o->diff, err) < 0)
		return -1;
	if (o->write_baseline) {
		if (baseline_write(o->write_baseline, res, err) < 0)
			return -1;
		if (!o->quiet)
			fprintf(err, "dmacheck: wrote %zu finding%s to baseline '%s'\n",
				res->nfindings, res->nfindings == 1 ? "" : "s", o->write_baseline);
	}
	if (g->baseline)
		baseline_filter(g->baseline, res);
	return 0;
}

size_t gate_failing(const struct cli_opts *o, const struct dmc_result *res)
{
	enum dmc_severity min = DMC_SEV_WARNING;
	size_t i, n = 0;

	switch (o->fail_on) {
	case FAIL_ON_DEFAULT:
	case FAIL_ON_WARNING:
		min = DMC_SEV_WARNING;
		break;
	case FAIL_ON_NOTE:
		min = DMC_SEV_NOTE;
		break;
	case FAIL_ON_ERROR:
		min = DMC_SEV_ERROR;
		break;
	case FAIL_ON_NEVER:
		return 0;
	}
	if (o->write_baseline)
		return 0;
	for (i = 0; i < res->nfindings; i++)
		if (res->findings[i].severity >= min)
			n++;
	return n;
}

void gate_release(struct gate *g)
{
	baseline_free(g->baseline);
	g->baseline = NULL;
}
