#include "session.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* rules data next to the executable (build tree or install), else the source tree */
static char *find_rules_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			static const char *const rel[] = { "rules", "../share/dmacheck/rules", "../rules", "../../rules" };
			for (size_t i = 0; i < sizeof(rel) / sizeof(*rel); i++) {
				char cand[PATH_MAX + 64];
				snprintf(cand, sizeof(cand), "%s/%s", exe, rel[i]);
				char real[PATH_MAX];
				if (is_dir(cand) && realpath(cand, real)) {
					char chk[PATH_MAX + 16];
					snprintf(chk, sizeof(chk), "%s/checks", real);
					if (is_dir(chk))
						return xstrdup(real);
				}
			}
		}
	}
#ifdef DMC_SOURCE_RULES_DIR
	if (is_dir(DMC_SOURCE_RULES_DIR))
		return xstrdup(DMC_SOURCE_RULES_DIR);
#endif
	return NULL;
}

static int list_has(const char *const *list, const struct dmc_rule_info *r)
{
	for (; list && *list; list++)
		if (strcmp(*list, r->id) == 0 || (r->group && strcmp(*list, r->group) == 0) ||
		    strcmp(*list, "all") == 0 || (r->catalogue && strcasecmp(*list, r->catalogue) == 0))
			return 1;
	return 0;
}

static int list_valid(const struct model *m, const char *const *list, FILE *err)
{
	int ok = 1;
	for (; list && *list; list++) {
		int found = strcmp(*list, "all") == 0;
		for (size_t i = 0; i < m->nrules && !found; i++) {
			const struct dmc_rule_info *r = &m->rules[i].info;
			found = !strcmp(*list, r->id) || (r->group && !strcmp(*list, r->group)) ||
				(r->catalogue && !strcasecmp(*list, r->catalogue));
		}
		if (!found) {
			if (err)
				fprintf(err, "dmacheck: error: unknown rule or group '%s' (see --list-rules)\n", *list);
			ok = 0;
		}
	}
	return ok;
}

struct dmc_session *dmc_session_new(const struct dmc_options *opt, FILE *err)
{
	struct dmc_session *s = xcalloc(1, sizeof(*s));
	const char *why = NULL;
	if (cst_lang_init(&s->cst, &why) < 0) {
		if (err)
			fprintf(err, "dmacheck: error: %s\n", why);
		free(s);
		return NULL;
	}
	s->rules_dir = opt && opt->rules_dir ? xstrdup(opt->rules_dir) : find_rules_dir();
	if (!s->rules_dir) {
		if (err)
			fprintf(err, "dmacheck: error: cannot find the rules data directory (use --rules-dir)\n");
		cst_lang_release(&s->cst);
		free(s);
		return NULL;
	}
	if (model_load(&s->model, s->rules_dir, err) < 0 ||
	    (opt && (!list_valid(&s->model, opt->enable, err) || !list_valid(&s->model, opt->disable, err)))) {
		dmc_session_free(s);
		return NULL;
	}
	s->parse_only = opt ? opt->parse_only : 0;
	s->rule_enabled = xcalloc(s->model.nrules + 1, 1);
	for (size_t i = 0; i < s->model.nrules; i++) {
		struct dmc_rule_info *r = &s->model.rules[i].info;
		int on = !(opt && opt->enable) || list_has(opt->enable, r);
		if (opt && list_has(opt->disable, r))
			on = 0;
		r->enabled = on;
		s->rule_enabled[i] = (unsigned char)on;
	}
	return s;
}

void dmc_session_free(struct dmc_session *s)
{
	if (!s)
		return;
	model_release(&s->model);
	cst_lang_release(&s->cst);
	free(s->rule_enabled);
	free(s->rules_dir);
	free(s);
}

size_t dmc_session_rule_count(const struct dmc_session *s)
{
	return s->model.nrules;
}

const struct dmc_rule_info *dmc_session_rule(const struct dmc_session *s, size_t i)
{
	return i < s->model.nrules ? &s->model.rules[i].info : NULL;
}

const struct dmc_rule_info *dmc_session_find_rule(const struct dmc_session *s, const char *id)
{
	const struct model_rule *r = model_rule_find(&s->model, id);
	return r ? &r->info : NULL;
}

const char *dmc_session_rules_dir(const struct dmc_session *s)
{
	return s->rules_dir;
}

int session_rule_enabled(const struct dmc_session *s, const char *id, const struct dmc_rule_info **info)
{
	const struct model_rule *r = model_rule_find(&s->model, id);
	if (info)
		*info = r ? &r->info : NULL;
	return r && r->info.enabled;
}
