/*
 * compdb.c - compile_commands.json: the files to check and their
 * preprocessor flags (stored for later stages; nothing is preprocessed).
 */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath */
#include "compdb.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

/* --- paths ------------------------------------------------------------------ */

/* Collapse "//", "." and ".." in an absolute path (in place). */
static void normalise(char *p)
{
	char *out = p, *in = p;

	/* out always ends without a slash (except the root) */
	*out++ = '/';
	while (*in) {
		char *seg;
		size_t len;

		while (*in == '/')
			in++;
		seg = in;
		while (*in && *in != '/')
			in++;
		len = (size_t)(in - seg);
		if (!len || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			if (out > p + 1) {
				out--;
				while (out > p + 1 && out[-1] != '/')
					out--;
				if (out > p + 1)
					out--; /* the slash before the dropped segment */
			}
			continue;
		}
		if (out > p + 1)
			*out++ = '/';
		memmove(out, seg, len);
		out += len;
	}
	*out = '\0';
}

/* dir + "/" + file (file if absolute), normalised; malloc'd. */
static char *absolute(const char *dir, const char *file)
{
	size_t dl = strlen(dir), fl = strlen(file);
	char *p;

	if (file[0] == '/') {
		p = strdup(file);
	} else {
		p = malloc(dl + fl + 2);
		if (p) {
			memcpy(p, dir, dl);
			p[dl] = '/';
			memcpy(p + dl + 1, file, fl + 1);
		}
	}
	if (p)
		normalise(p);
	return p;
}

static char *cwd_abs(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] != '/' && !getcwd(cwd, sizeof(cwd)))
		return NULL;
	return absolute(path[0] == '/' ? "/" : cwd, path);
}

/* If path equals dir or lies below it, the rest after "dir/" ("" if equal). */
static const char *below(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (n == 1 && dir[0] == '/')
		return path + 1;
	if (strncmp(path, dir, n))
		return NULL;
	if (!path[n])
		return path + n;
	return path[n] == '/' ? path + n + 1 : NULL;
}

/* --- flags ------------------------------------------------------------------ */

static int push(char ***v, size_t *n, char *s)
{
	char **p;

	if (!s)
		return -1;
	p = realloc(*v, (*n + 1) * sizeof(*p));
	if (!p) {
		free(s);
		return -1;
	}
	p[(*n)++] = s;
	*v = p;
	return 0;
}

int compdb_parse_flags(struct compdb_flags *fl, const char *const *argv, size_t argc,
		       const char *directory)
{
	size_t i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val;
		int rc = 0;

		if (!strncmp(a, "-I", 2)) {
			val = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
			if (val)
				rc = push(&fl->includes, &fl->nincludes, absolute(directory, val));
		} else if (!strncmp(a, "-D", 2)) {
			val = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
			if (val)
				rc = push(&fl->defines, &fl->ndefines, strdup(val));
		} else if (!strcmp(a, "-include")) {
			if (i + 1 < argc)
				rc = push(&fl->forced, &fl->nforced, absolute(directory, argv[++i]));
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

static void free_vec(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void flags_release(struct compdb_flags *f)
{
	free_vec(f->includes, f->nincludes);
	free_vec(f->defines, f->ndefines);
	free_vec(f->forced, f->nforced);
	memset(f, 0, sizeof(*f));
}

/* --- shell words ------------------------------------------------------------- */

void compdb_free_words(char **w)
{
	size_t i;

	for (i = 0; w && w[i]; i++)
		free(w[i]);
	free(w);
}

char **compdb_split_command(const char *cmd, size_t *n)
{
	size_t len = strlen(cmd), nw = 0;
	char **w = calloc(len / 2 + 2, sizeof(*w)); /* at most one word per 2 bytes, + NULL */
	char *buf = malloc(len + 1);
	const char *p = cmd;

	if (!w || !buf)
		goto fail;
	for (;;) {
		size_t bl = 0;
		int any = 0;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
			any = 1;
			if (*p == '\'') {
				for (p++; *p && *p != '\''; p++)
					buf[bl++] = *p;
				if (!*p)
					goto fail;
				p++;
			} else if (*p == '"') {
				for (p++; *p && *p != '"'; p++) {
					if (*p == '\\' && (p[1] == '"' || p[1] == '\\' ||
							   p[1] == '$' || p[1] == '`'))
						p++;
					buf[bl++] = *p;
				}
				if (!*p)
					goto fail;
				p++;
			} else if (*p == '\\' && p[1]) {
				buf[bl++] = p[1];
				p += 2;
			} else {
				buf[bl++] = *p++;
			}
		}
		if (any) {
			if (!(w[nw] = strndup(buf, bl)))
				goto fail;
			nw++;
		}
	}
	free(buf);
	*n = nw;
	return w;
fail:
	free(buf);
	compdb_free_words(w);
	return NULL;
}

/* --- the database -------------------------------------------------------------- */

static int has_c_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 2 && !strcmp(name + n - 2, ".c");
}

static int cmp_entry(const void *a, const void *b)
{
	const struct compdb_entry *x = a, *y = b;
	int c = strcmp(x->abs, y->abs);

	if (c)
		return c;
	return x < y ? -1 : x > y; /* stable: the first entry for a file wins */
}

/* Fill e from one JSON entry. Returns 1 if taken, 0 if skipped, -1 on error. */
static int read_entry(struct compdb_entry *e, json_t *j, const char *cwd,
		      const char *dbfile, size_t idx, FILE *err)
{
	json_t *jf = json_object_get(j, "file"), *jd = json_object_get(j, "directory");
	json_t *ja = json_object_get(j, "arguments"), *jc = json_object_get(j, "command");
	const char **argv = NULL;
	char **words = NULL, *dir = NULL;
	size_t argc = 0, i;
	const char *rest;
	int rc = -1;

	if (!json_is_object(j) || !json_is_string(jf) || !json_is_string(jd)) {
		fprintf(err, "dmacheck: error: %s: entry %zu needs \"file\" and \"directory\" strings\n",
			dbfile, idx);
		return -1;
	}
	if (!has_c_suffix(json_string_value(jf)))
		return 0;
	memset(e, 0, sizeof(*e));
	dir = absolute(cwd, json_string_value(jd));
	e->abs = dir ? absolute(dir, json_string_value(jf)) : NULL;
	if (!e->abs)
		goto oom;
	rest = strcmp(cwd, "/") ? below(e->abs, cwd) : NULL;
	e->path = strdup(rest && *rest ? rest : e->abs);
	if (!e->path)
		goto oom;
	if (json_is_array(ja)) {
		argc = json_array_size(ja);
		argv = calloc(argc + 1, sizeof(*argv));
		if (!argv)
			goto oom;
		for (i = 0; i < argc; i++) {
			argv[i] = json_string_value(json_array_get(ja, i));
			if (!argv[i]) {
				fprintf(err, "dmacheck: error: %s: entry %zu: \"arguments\" must be strings\n",
					dbfile, idx);
				goto out;
			}
		}
	} else if (json_is_string(jc)) {
		words = compdb_split_command(json_string_value(jc), &argc);
		if (!words) {
			fprintf(err, "dmacheck: error: %s: entry %zu: cannot split \"command\" (unterminated quote?)\n",
				dbfile, idx);
			goto out;
		}
	} else {
		fprintf(err, "dmacheck: error: %s: entry %zu needs \"arguments\" or \"command\"\n",
			dbfile, idx);
		goto out;
	}
	if (compdb_parse_flags(&e->flags, argv ? argv : (const char *const *)words, argc, dir) < 0)
		goto oom;
	rc = 1;
	goto out;
oom:
	fputs("dmacheck: error: out of memory\n", err);
out:
	if (rc < 0) {
		free(e->abs);
		free(e->path);
		flags_release(&e->flags);
	}
	free(argv);
	compdb_free_words(words);
	free(dir);
	return rc;
}

int compdb_load(struct compdb *db, const char *dir, FILE *err)
{
	struct stat st;
	char cwd[PATH_MAX], *file;
	json_error_t je;
	json_t *root;
	size_t i, n = 0;
	int rc = 0;

	memset(db, 0, sizeof(*db));
	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(err, "dmacheck: error: cannot get the current directory: %s\n", strerror(errno));
		return -1;
	}
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
		file = strdup(dir);
	else if ((file = malloc(strlen(dir) + sizeof("/compile_commands.json"))))
		sprintf(file, "%s/compile_commands.json", dir);
	if (!file) {
		fputs("dmacheck: error: out of memory\n", err);
		return -1;
	}
	root = json_load_file(file, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		if (access(file, R_OK) < 0)
			fprintf(err, "dmacheck: error: cannot read '%s': %s\n", file, strerror(errno));
		else
			fprintf(err, "dmacheck: error: %s:%d:%d: malformed JSON: %s\n",
				file, je.line, je.column, je.text);
		free(file);
		return -1;
	}
	if (!json_is_array(root)) {
		fprintf(err, "dmacheck: error: %s: not a compilation database (the top level must be an array)\n",
			file);
		rc = -1;
	} else if (json_array_size(root) &&
		   !(db->entries = calloc(json_array_size(root), sizeof(*db->entries)))) {
		fputs("dmacheck: error: out of memory\n", err);
		rc = -1;
	}
	for (i = 0; !rc && i < json_array_size(root); i++) {
		int r = read_entry(&db->entries[n], json_array_get(root, i), cwd, file, i, err);

		if (r < 0)
			rc = -1;
		else
			n += (size_t)r;
	}
	db->n = n;
	json_decref(root);
	free(file);
	if (rc < 0) {
		compdb_release(db);
		return -1;
	}
	if (n > 1)
		qsort(db->entries, n, sizeof(*db->entries), cmp_entry);
	/* drop later entries for the same file (kept the first by stability) */
	for (i = n = 0; i < db->n; i++) {
		if (n && !strcmp(db->entries[n - 1].abs, db->entries[i].abs)) {
			free(db->entries[i].abs);
			free(db->entries[i].path);
			flags_release(&db->entries[i].flags);
			continue;
		}
		db->entries[n++] = db->entries[i];
	}
	db->n = n;
	return 0;
}

/* An operand, absolute: as written and with symlinks resolved (may be NULL). */
struct operand {
	char *lex, *real;
};

int compdb_select(const struct compdb *db, const char *dbdir,
		  const char *const *paths, size_t npaths,
		  const char *const *exclude, struct file_list *fl, FILE *err)
{
	struct operand *ops = calloc(npaths + 1, sizeof(*ops));
	char *base = cwd_abs(dbdir), real[PATH_MAX];
	size_t i, k;
	int rc = 0;

	if (!ops || !base) {
		free(ops);
		free(base);
		fputs("dmacheck: error: out of memory\n", err);
		return -1;
	}
	for (k = 0; k < npaths; k++) {
		ops[k].lex = cwd_abs(paths[k]);
		if (realpath(paths[k], real))
			ops[k].real = strdup(real);
	}
	for (i = 0; i < db->n && !rc; i++) {
		const struct compdb_entry *e = &db->entries[i];
		const char *rel = NULL;
		char *ereal = NULL;

		if (!npaths) {
			rel = below(e->abs, base);
		} else {
			if (realpath(e->abs, real))
				ereal = strdup(real);
			for (k = 0; k < npaths && !rel; k++) {
				if (ops[k].lex && (rel = below(e->abs, ops[k].lex)))
					break;
				if (ops[k].real && ereal && (rel = below(ereal, ops[k].real)))
					break;
				if (ops[k].real && (rel = below(e->abs, ops[k].real)))
					break;
			}
			if (!rel) {
				free(ereal);
				continue;
			}
		}
		if (!walk_excluded(exclude, e->path, rel && *rel ? rel : NULL) &&
		    !walk_excluded(exclude, e->abs, NULL))
			rc = walk_add_file(fl, e->path, err);
		free(ereal);
	}
	for (k = 0; k < npaths; k++) {
		free(ops[k].lex);
		free(ops[k].real);
	}
	free(ops);
	free(base);
	return rc;
}

const struct compdb_flags *compdb_flags_for(const struct compdb *db, const char *path)
{
	char *abs = cwd_abs(path);
	size_t lo = 0, hi = db->n;
	const struct compdb_flags *found = NULL;

	if (!abs)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(abs, db->entries[mid].abs);

		if (!c) {
			found = &db->entries[mid].flags;
			break;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	free(abs);
	return found;
}

void compdb_release(struct compdb *db)
{
	size_t i;

	for (i = 0; i < db->n; i++) {
		free(db->entries[i].abs);
		free(db->entries[i].path);
		flags_release(&db->entries[i].flags);
	}
	free(db->entries);
	memset(db, 0, sizeof(*db));
}
