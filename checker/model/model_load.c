/*
 * model_load.c - build the model (API roles, directions, annotations,
 * iterator macros, rule table) from rules/ data. Each directive is one line:
 *
 *   fn NAME role=ROLE [kind=K] [ret=R] [to=cpu|device] [SLOT=$N ...] [unchecked=RULE]
 *   dir NAME class=to-device|from-device|bidirectional|invalid [why="..."]
 *   annot NAME [args] [space=SPACE]
 *   iter PATTERN [role=sg.iter SLOT=$N ...]
 *   rule ID catalogue=X group=G severity=note|warning|error
 *   word NAME class=CLASS
 *
 * Errors are reported as "file:line:col: error: ..." and make loading fail.
 */
#include "model.h"
#include "rules_lex.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct loader {
	struct model *m;
	FILE *err;
	const char *path;
	int errors;
};

static void lerr(struct loader *L, int line, int col, const char *fmt, ...)
{
	va_list ap;
	L->errors++;
	if (!L->err)
		return;
	fprintf(L->err, "%s:%d:%d: error: ", L->path, line, col);
	va_start(ap, fmt);
	vfprintf(L->err, fmt, ap);
	va_end(ap);
	fputc('\n', L->err);
}

static const char *const role_names[] = {
	[ROLE_NONE] = "",
#define X(e, s) [ROLE_##e] = s,
	MODEL_ROLES(X)
#undef X
};
static const char *const kind_names[] = {
	[KIND_NONE] = "",
#define X(e, s) [KIND_##e] = s,
	MODEL_KINDS(X)
#undef X
};

static int lookup(const char *const *names, int n, const char *s)
{
	for (int i = 1; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static int parse_slot(const char *v)
{
	if (v[0] != '$' || !v[1])
		return -1;
	char *end;
	long n = strtol(v + 1, &end, 10);
	if (*end || n < 0 || n > 15)
		return -1;
	return (int)n;
}

static int set_slot(struct model_slots *s, const char *key, int val)
{
#define X(name) if (strcmp(key, #name) == 0) { s->name = val; return 0; }
	MODEL_SLOTS(X)
#undef X
	return -1;
}

static void slots_init(struct model_slots *s)
{
#define X(name) s->name = -1;
	MODEL_SLOTS(X)
#undef X
}

/* parse role/kind/ret/to/slot tokens into f; returns 0 or -1 (error reported) */
static int parse_fn_tokens(struct loader *L, const struct rules_line *ln, int from, struct model_fn *f)
{
	slots_init(&f->slot);
	for (int i = from; i < ln->ntok; i++) {
		const struct rules_token *t = &ln->tok[i];
		if (!t->key) {
			lerr(L, ln->lineno, t->col, "unexpected word '%s' (expected key=value)", t->value);
			return -1;
		}
		if (strcmp(t->key, "role") == 0) {
			int r = lookup(role_names, ROLE__COUNT, t->value);
			if (r < 0) {
				lerr(L, ln->lineno, t->col, "unknown role '%s'", t->value);
				return -1;
			}
			f->role = r;
		} else if (strcmp(t->key, "kind") == 0) {
			int k = lookup(kind_names, sizeof(kind_names) / sizeof(*kind_names), t->value);
			if (k < 0) {
				lerr(L, ln->lineno, t->col, "unknown kind '%s'", t->value);
				return -1;
			}
			f->kind = k;
		} else if (strcmp(t->key, "ret") == 0) {
			static const char *const rets[] = { "", "handle", "count", "errno", "ptr" };
			int r = lookup(rets, 5, t->value);
			if (r < 0) {
				lerr(L, ln->lineno, t->col, "unknown ret '%s' (handle|count|errno|ptr)", t->value);
				return -1;
			}
			f->ret = r;
		} else if (strcmp(t->key, "to") == 0) {
			if (strcmp(t->value, "cpu") == 0)
				f->to = SYNC_CPU;
			else if (strcmp(t->value, "device") == 0)
				f->to = SYNC_DEVICE;
			else {
				lerr(L, ln->lineno, t->col, "to= must be cpu or device");
				return -1;
			}
		} else if (strcmp(t->key, "space") == 0) {
			static const char *const spaces[] = {
#define X(e, s) s,
				SPACE_KINDS(X)
#undef X
			};
			if (lookup(spaces, (int)(sizeof(spaces) / sizeof(*spaces)), t->value) <= 0) {
				lerr(L, ln->lineno, t->col, "unknown space '%s' (see SPACE_KINDS in checker/model/model.h)", t->value);
				return -1;
			}
			f->space = arena_strdup(&L->m->arena, t->value);
		} else if (strcmp(t->key, "family") == 0) {
			f->family = arena_strdup(&L->m->arena, t->value);
		} else if (strcmp(t->key, "unchecked") == 0) {
			f->unchecked_rule = strtab_intern(&L->m->names, t->value, strlen(t->value));
		} else {
			int n = parse_slot(t->value);
			if (n < 0) {
				lerr(L, ln->lineno, t->col, "bad argument reference '%s' (expected $0..$15)", t->value);
				return -1;
			}
			if (set_slot(&f->slot, t->key, n) < 0) {
				lerr(L, ln->lineno, t->col, "unknown key '%s'", t->key);
				return -1;
			}
		}
	}
	if (f->role == ROLE_NONE) {
		lerr(L, ln->lineno, ln->dcol, "'%s' needs role=", ln->directive);
		return -1;
	}
	return 0;
}

static void d_fn(struct loader *L, const struct rules_line *ln)
{
	if (ln->ntok < 2 || ln->tok[0].key) {
		lerr(L, ln->lineno, ln->dcol, "usage: fn NAME role=ROLE [key=value...]");
		return;
	}
	struct model *m = L->m;
	struct model_fn *f = arena_alloc(&m->arena, sizeof(*f));
	if (parse_fn_tokens(L, ln, 1, f) < 0)
		return;
	const char *name = strtab_intern(&m->names, ln->tok[0].value, strlen(ln->tok[0].value));
	f->name = name;
	f->src_file = arena_strdup(&m->arena, L->path);
	f->src_line = ln->lineno;
	void **slot = strtab_slot(&m->names, name);
	/* keep roles in file order: append */
	struct model_fn **pp = (struct model_fn **)slot;
	while (*pp)
		pp = (struct model_fn **)&(*pp)->next;
	*pp = f;
}

static void d_dir(struct loader *L, const struct rules_line *ln)
{
	if (ln->ntok < 2 || ln->tok[0].key) {
		lerr(L, ln->lineno, ln->dcol, "usage: dir NAME class=CLASS [why=\"...\"]");
		return;
	}
	struct model *m = L->m;
	struct model_dir *d = arena_alloc(&m->arena, sizeof(*d));
	d->name = strtab_intern(&m->dirs, ln->tok[0].value, strlen(ln->tok[0].value));
	for (int i = 1; i < ln->ntok; i++) {
		const struct rules_token *t = &ln->tok[i];
		if (t->key && strcmp(t->key, "class") == 0) {
			static const char *const cls[] = { "", "bidirectional", "to-device", "from-device", "invalid" };
			int c = lookup(cls, 5, t->value);
			if (c < 0) {
				lerr(L, ln->lineno, t->col, "unknown direction class '%s'", t->value);
				return;
			}
			d->cls = c;
		} else if (t->key && strcmp(t->key, "why") == 0) {
			d->why = arena_strdup(&m->arena, t->value);
		} else {
			lerr(L, ln->lineno, t->col, "unexpected '%s'", t->key ? t->key : t->value);
			return;
		}
	}
	if (d->cls == DIR_UNKNOWN) {
		lerr(L, ln->lineno, ln->dcol, "dir needs class=");
		return;
	}
	*strtab_slot(&m->dirs, d->name) = d;
}

static void d_annot(struct loader *L, const struct rules_line *ln)
{
	if (ln->ntok < 1 || ln->tok[0].key) {
		lerr(L, ln->lineno, ln->dcol, "usage: annot NAME [args] [space=SPACE]");
		return;
	}
	struct model *m = L->m;
	struct model_annot *a = arena_alloc(&m->arena, sizeof(*a));
	a->name = strtab_intern(&m->annots, ln->tok[0].value, strlen(ln->tok[0].value));
	for (int i = 1; i < ln->ntok; i++) {
		const struct rules_token *t = &ln->tok[i];
		if (!t->key && strcmp(t->value, "args") == 0)
			a->takes_args = 1;
		else if (t->key && strcmp(t->key, "space") == 0)
			a->space = arena_strdup(&m->arena, t->value);
		else {
			lerr(L, ln->lineno, t->col, "unexpected '%s'", t->key ? t->key : t->value);
			return;
		}
	}
	*strtab_slot(&m->annots, a->name) = a;
}

static void d_iter(struct loader *L, const struct rules_line *ln)
{
	if (ln->ntok < 1 || ln->tok[0].key) {
		lerr(L, ln->lineno, ln->dcol, "usage: iter NAME-OR-GLOB [role=sg.iter slot=$N...]");
		return;
	}
	struct model *m = L->m;
	struct model_fn *f = NULL;
	if (ln->ntok > 1) {
		f = arena_alloc(&m->arena, sizeof(*f));
		if (parse_fn_tokens(L, ln, 1, f) < 0)
			return;
		f->name = arena_strdup(&m->arena, ln->tok[0].value);
	}
	m->iters = xrealloc(m->iters, (m->niters + 1) * sizeof(*m->iters));
	m->iters[m->niters].pattern = arena_strdup(&m->arena, ln->tok[0].value);
	m->iters[m->niters].fn = f;
	m->niters++;
}

static void d_word(struct loader *L, const struct rules_line *ln)
{
	if (ln->ntok != 2 || ln->tok[0].key || !ln->tok[1].key || strcmp(ln->tok[1].key, "class")) {
		lerr(L, ln->lineno, ln->dcol, "usage: word NAME class=CLASS");
		return;
	}
	struct model *m = L->m;
	const char *old = strtab_get(&m->words, ln->tok[0].value, strlen(ln->tok[0].value));
	if (old && strcmp(old, ln->tok[1].value)) {
		/* a word has one class: a second one would silently change another rule's meaning */
		lerr(L, ln->lineno, ln->tok[1].col, "word '%s' already has class '%s'", ln->tok[0].value, old);
		return;
	}
	const char *w = strtab_intern(&m->words, ln->tok[0].value, strlen(ln->tok[0].value));
	*strtab_slot(&m->words, w) = arena_strdup(&m->arena, ln->tok[1].value);
}

static int valid_rule_id(const char *s)
{
	if (!*s || *s == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static char *doc_summary(struct model *m, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char buf[4096];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	/* skip the '# title' line and blank lines; the summary is the first sentence */
	char *p = buf;
	if (*p == '#') {
		p = strchr(p, '\n');
		if (!p)
			return NULL;
	}
	while (*p == '\n' || *p == '\r' || *p == ' ')
		p++;
	char out[512];
	size_t o = 0;
	for (; *p && o < sizeof(out) - 1; p++) {
		if (*p == '\n' && (p[1] == '\n' || p[1] == 0))
			break;
		char c = (*p == '\n' || *p == '\r') ? ' ' : *p;
		out[o++] = c;
		if (c == '.' && (p[1] == ' ' || p[1] == '\n' || p[1] == 0))
			break;
	}
	out[o] = 0;
	return o ? arena_strdup(&m->arena, out) : NULL;
}

static void d_rule(struct loader *L, const struct rules_line *ln)
{
	if (ln->ntok < 1 || ln->tok[0].key || !valid_rule_id(ln->tok[0].value)) {
		lerr(L, ln->lineno, ln->dcol, "usage: rule ID catalogue=X group=G severity=S (ID in lower-case-kebab)");
		return;
	}
	struct model *m = L->m;
	const char *id = ln->tok[0].value;
	if (model_rule_find(m, id)) {
		lerr(L, ln->lineno, ln->tok[0].col, "rule '%s' defined twice", id);
		return;
	}
	struct dmc_rule_info info = { .severity = DMC_SEV_WARNING, .enabled = 1 };
	info.id = strtab_intern(&m->names, id, strlen(id));
	for (int i = 1; i < ln->ntok; i++) {
		const struct rules_token *t = &ln->tok[i];
		if (!t->key) {
			lerr(L, ln->lineno, t->col, "unexpected word '%s'", t->value);
			return;
		}
		if (strcmp(t->key, "catalogue") == 0)
			info.catalogue = arena_strdup(&m->arena, t->value);
		else if (strcmp(t->key, "group") == 0)
			info.group = arena_strdup(&m->arena, t->value);
		else if (strcmp(t->key, "severity") == 0) {
			static const char *const sev[] = { "note", "warning", "error" };
			int s = -1;
			for (int k = 0; k < 3; k++)
				if (strcmp(sev[k], t->value) == 0)
					s = k;
			if (s < 0) {
				lerr(L, ln->lineno, t->col, "unknown severity '%s' (note|warning|error)", t->value);
				return;
			}
			info.severity = s;
		} else {
			lerr(L, ln->lineno, t->col, "unknown key '%s'", t->key);
			return;
		}
	}
	if (!info.catalogue || !info.group) {
		lerr(L, ln->lineno, ln->dcol, "rule '%s' needs catalogue= and group=", id);
		return;
	}
	info.doc_path = arena_printf(&m->arena, "%s/docs/%s.md", m->rules_dir, id);
	info.summary = doc_summary(m, info.doc_path);
	if (!info.summary) {
		lerr(L, ln->lineno, ln->tok[0].col, "rule '%s' has no doc with a summary at %s", id, info.doc_path);
		return;
	}
	m->rules = xrealloc(m->rules, (m->nrules + 1) * sizeof(*m->rules));
	m->rules[m->nrules++].info = info;
}

static void d_entry(struct loader *L, const struct rules_line *ln)
{
	if (ln->ntok != 2 || ln->tok[0].key || !strchr(ln->tok[0].value, '.') || !ln->tok[1].key ||
	    strcmp(ln->tok[1].key, "kind")) {
		lerr(L, ln->lineno, ln->dcol, "usage: entry STRUCT.FIELD kind=KIND");
		return;
	}
	struct model *m = L->m;
	if (strtab_get(&m->entries, ln->tok[0].value, strlen(ln->tok[0].value))) {
		lerr(L, ln->lineno, ln->tok[0].col, "entry '%s' defined twice", ln->tok[0].value);
		return;
	}
	const char *w = strtab_intern(&m->entries, ln->tok[0].value, strlen(ln->tok[0].value));
	*strtab_slot(&m->entries, w) = arena_strdup(&m->arena, ln->tok[1].value);
}

static void load_file(struct loader *L, const char *path)
{
	struct rules_reader r;
	struct rules_line ln;
	L->path = path;
	if (rules_reader_open(&r, path) < 0) {
		lerr(L, 0, 0, "%s", r.errmsg);
		rules_reader_close(&r);
		return;
	}
	int rc;
	while ((rc = rules_reader_next(&r, &ln)) != 0) {
		if (rc < 0) {
			lerr(L, r.lineno, r.errcol, "%s", r.errmsg);
			continue;
		}
		if (strcmp(ln.directive, "fn") == 0)
			d_fn(L, &ln);
		else if (strcmp(ln.directive, "dir") == 0)
			d_dir(L, &ln);
		else if (strcmp(ln.directive, "annot") == 0)
			d_annot(L, &ln);
		else if (strcmp(ln.directive, "iter") == 0)
			d_iter(L, &ln);
		else if (strcmp(ln.directive, "rule") == 0)
			d_rule(L, &ln);
		else if (strcmp(ln.directive, "word") == 0)
			d_word(L, &ln);
		else if (strcmp(ln.directive, "entry") == 0)
			d_entry(L, &ln);
		else
			lerr(L, ln.lineno, ln.dcol, "unknown directive '%s'", ln.directive);
	}
	rules_reader_close(&r);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* every *.rules file below dir, sorted by path; depth-limited */
static void walk(struct loader *L, const char *dir, int depth)
{
	if (depth > 4)
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		struct stat st;
		if (lstat(path, &st) == 0) {
			size_t len = strlen(names[i]);
			if (S_ISDIR(st.st_mode))
				walk(L, path, depth + 1);
			else if (S_ISREG(st.st_mode) && len > 6 && strcmp(names[i] + len - 6, ".rules") == 0)
				load_file(L, path);
		}
		free(names[i]);
	}
	free(names);
}

int model_load(struct model *m, const char *rules_dir, FILE *err)
{
	memset(m, 0, sizeof(*m));
	arena_init(&m->arena);
	strtab_init(&m->names, &m->arena);
	strtab_init(&m->dirs, &m->arena);
	strtab_init(&m->annots, &m->arena);
	strtab_init(&m->words, &m->arena);
	strtab_init(&m->entries, &m->arena);
	m->rules_dir = arena_strdup(&m->arena, rules_dir);
	struct loader L = { .m = m, .err = err, .path = rules_dir };
	struct stat st;
	if (stat(rules_dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		lerr(&L, 0, 0, "rules directory not found");
		return -1;
	}
	walk(&L, rules_dir, 0);
	if (!L.errors && m->nrules == 0) {
		L.path = rules_dir;
		lerr(&L, 0, 0, "no rule definitions found (rules/checks/*.rules)");
	}
	/* every unchecked= names a rule that exists */
	for (size_t i = 0; i < m->names.cap && !L.errors; i++) {
		const struct model_fn *f = m->names.vals[i];
		for (; f && m->names.slots[i] && f->src_file; f = f->next)
			if (f->unchecked_rule && !model_rule_find(m, f->unchecked_rule)) {
				L.path = f->src_file;
				lerr(&L, f->src_line, 1, "unchecked=%s names no rule", f->unchecked_rule);
			}
	}
	return L.errors ? -1 : 0;
}

void model_release(struct model *m)
{
	free(m->iters);
	free(m->rules);
	strtab_release(&m->names);
	strtab_release(&m->dirs);
	strtab_release(&m->annots);
	strtab_release(&m->words);
	strtab_release(&m->entries);
	arena_release(&m->arena);
}

const struct model_fn *model_fn_find(const struct model *m, const char *name, size_t len)
{
	return strtab_get(&m->names, name, len);
}

const struct model_fn *model_fn_role(const struct model_fn *f, enum model_role role)
{
	for (; f; f = f->next)
		if (f->role == role)
			return f;
	return NULL;
}

const struct model_dir *model_dir_find(const struct model *m, const char *name, size_t len)
{
	return strtab_get(&m->dirs, name, len);
}

const struct model_annot *model_annot_find(const struct model *m, const char *name, size_t len)
{
	return strtab_get(&m->annots, name, len);
}

static int glob_match(const char *p, const char *s, size_t n)
{
	if (!*p)
		return n == 0;
	if (*p == '*') {
		for (size_t i = 0; i <= n; i++)
			if (glob_match(p + 1, s + i, n - i))
				return 1;
		return 0;
	}
	return n && *p == *s && glob_match(p + 1, s + 1, n - 1);
}

const struct model_iter *model_iter_find(const struct model *m, const char *name, size_t len)
{
	for (size_t i = 0; i < m->niters; i++)
		if (glob_match(m->iters[i].pattern, name, len))
			return &m->iters[i];
	return NULL;
}

const char *model_entry_kind(const struct model *m, const char *stype, const char *field)
{
	char key[200];
	int n = snprintf(key, sizeof(key), "%s.%s", stype, field);
	if (n <= 0 || (size_t)n >= sizeof(key))
		return NULL;
	return strtab_get(&m->entries, key, (size_t)n);
}

const char *model_word_class(const struct model *m, const char *name, size_t len)
{
	return strtab_get(&m->words, name, len);
}

const struct model_rule *model_rule_find(const struct model *m, const char *id)
{
	for (size_t i = 0; i < m->nrules; i++)
		if (strcmp(m->rules[i].info.id, id) == 0)
			return &m->rules[i];
	return NULL;
}
