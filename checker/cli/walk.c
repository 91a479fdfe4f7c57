/*
 * walk.c - directory traversal for the dmacheck command.
 *
 * Deterministic: names are sorted before recursing, and the caller sorts
 * the final list. Loops: symlinked directories are never followed, and the
 * (dev, ino) of the directories on the current path are compared so that a
 * bind mount of an ancestor is not entered either.
 */
#define _POSIX_C_SOURCE 200809L
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The directories on the way down, for loop detection. */
struct ancestor {
	dev_t dev;
	ino_t ino;
	const struct ancestor *up;
};

static int add_file(struct file_list *fl, const char *path, FILE *err)
{
	char *copy;

	if (fl->n == fl->cap) {
		size_t cap = fl->cap ? fl->cap * 2 : 256;
		char **p = realloc(fl->paths, cap * sizeof(*p));

		if (!p) {
			fputs("dmacheck: error: out of memory\n", err);
			return -1;
		}
		fl->paths = p;
		fl->cap = cap;
	}
	copy = strdup(path);
	if (!copy) {
		fputs("dmacheck: error: out of memory\n", err);
		return -1;
	}
	fl->paths[fl->n++] = copy;
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_c_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 2 && !strcmp(name + n - 2, ".c");
}

static char *join(const char *dir, const char *name)
{
	size_t dl = strlen(dir);
	char *p = malloc(dl + strlen(name) + 2);

	if (!p)
		return NULL;
	memcpy(p, dir, dl);
	if (dl && dir[dl - 1] != '/')
		p[dl++] = '/';
	strcpy(p + dl, name);
	return p;
}

/* Read the names in dir (without "." entries), sorted. */
static char **read_names(const char *dir, size_t *count, FILE *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!d) {
		fprintf(err, "dmacheck: error: cannot open directory '%s': %s\n",
			dir, strerror(errno));
		return NULL;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof(*p));

			if (!p)
				break;
			names = p;
		}
		if (!(names[n] = strdup(de->d_name)))
			break;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_name);
	*count = n;
	return names ? names : calloc(1, sizeof(*names));
}

int walk_excluded(const char *const *exclude, const char *path, const char *rel)
{
	for (; exclude && *exclude; exclude++)
		if (!fnmatch(*exclude, path, 0) || (rel && !fnmatch(*exclude, rel, 0)))
			return 1;
	return 0;
}

/* A directory is also tried with a final '/', so that "* /staging/ *" (without the
 * spaces) prunes it. */
static int dir_excluded(const char *const *exclude, const char *path, const char *rel)
{
	size_t pl = strlen(path), rl = rel ? strlen(rel) : 0;
	char *p2, *r2;
	int x;

	if (!exclude || !*exclude)
		return 0;
	if (walk_excluded(exclude, path, rel))
		return 1;
	p2 = malloc(pl + 2);
	r2 = malloc(rl + 2);
	if (!p2 || !r2) {
		free(p2);
		free(r2);
		return 0;
	}
	memcpy(p2, path, pl);
	strcpy(p2 + pl, "/");
	if (rel) {
		memcpy(r2, rel, rl);
		strcpy(r2 + rl, "/");
	}
	x = walk_excluded(exclude, p2, rel ? r2 : NULL);
	free(p2);
	free(r2);
	return x;
}

/* path relative to the operand root (path lies below it, joined by join()) */
static const char *rel_to(const char *path, const char *root)
{
	size_t n = strlen(root);

	path += n;
	while (*path == '/')
		path++;
	return path;
}

static int walk_dir(struct file_list *fl, const char *dir, const struct stat *st,
		    const struct ancestor *up, const char *root,
		    const char *const *exclude, FILE *err)
{
	struct ancestor me = { st->st_dev, st->st_ino, up };
	const struct ancestor *a;
	size_t i, n = 0;
	char **names;
	int rc = 0;

	for (a = up; a; a = a->up)
		if (a->dev == st->st_dev && a->ino == st->st_ino)
			return 0; /* a loop (bind mount): already being walked */
	names = read_names(dir, &n, err);
	if (!names)
		return -1;
	for (i = 0; i < n; i++) {
		char *path = join(dir, names[i]);
		struct stat cst;

		if (!path) {
			rc = -1;
		} else if (lstat(path, &cst) < 0) {
			; /* vanished meanwhile: not an error */
		} else if (S_ISDIR(cst.st_mode)) {
			if (!dir_excluded(exclude, path, rel_to(path, root)) &&
			    walk_dir(fl, path, &cst, &me, root, exclude, err) < 0)
				rc = -1;
		} else if (walk_excluded(exclude, path, rel_to(path, root))) {
			; /* --exclude */
		} else if (has_c_suffix(names[i])) {
			/* a regular file, or a symlink to one (not dangling) */
			if (S_ISREG(cst.st_mode) ||
			    (S_ISLNK(cst.st_mode) && !stat(path, &cst) && S_ISREG(cst.st_mode)))
				if (add_file(fl, path, err) < 0)
					rc = -1;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int walk_add_file(struct file_list *fl, const char *path, FILE *err)
{
	return add_file(fl, path, err);
}

int walk_path(struct file_list *fl, const char *path, FILE *err)
{
	return walk_path_excluding(fl, path, NULL, err);
}

int walk_path_excluding(struct file_list *fl, const char *path,
			const char *const *exclude, FILE *err)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		fprintf(err, "dmacheck: error: cannot access '%s': %s\n",
			path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(fl, path, &st, NULL, path, exclude, err);
	return add_file(fl, path, err);
}

void file_list_sort(struct file_list *fl)
{
	size_t i, n = 0;

	if (fl->n > 1)
		qsort(fl->paths, fl->n, sizeof(*fl->paths), cmp_name);
	for (i = 0; i < fl->n; i++) {
		if (n && !strcmp(fl->paths[n - 1], fl->paths[i])) {
			free(fl->paths[i]);
			continue;
		}
		fl->paths[n++] = fl->paths[i];
	}
	fl->n = n;
}

void file_list_release(struct file_list *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		free(fl->paths[i]);
	free(fl->paths);
	memset(fl, 0, sizeof(*fl));
}
