/*
 * walk.h - turn the PATH operands into the sorted list of files to check.
 */
#ifndef DMC_CLI_WALK_H
#define DMC_CLI_WALK_H

#include <stddef.h>
#include <stdio.h>

/** A list of malloc'd file paths. */
struct file_list {
	char **paths;
	size_t n, cap;
};

/**
 * Add the files named by path to fl. A file operand is added whatever its
 * name (dmc_check_file() reports binary or unreadable files). A directory
 * is searched recursively for regular files named *.c, in strcmp order of
 * names; entries whose name starts with '.' are skipped, symlinks to
 * directories are not followed (so there are no loops), symlinks to regular
 * files are. A path that cannot be accessed is reported on err as
 * "dmacheck: error: cannot access 'x': reason".
 * Returns 0, or -1 after reporting an error (the walk goes on as far as
 * it can: what was found is in fl).
 */
int walk_path(struct file_list *fl, const char *path, FILE *err);

/**
 * walk_path(), skipping what the NULL-terminated fnmatch() globs in exclude
 * match (flags 0, so '*' also matches '/'): a file or directory found in
 * the walk is skipped if a glob matches its path as built from the operand
 * ("drivers/staging/x.c") or its path relative to the operand
 * ("staging/x.c"); directories are also tried with a final '/', so that
 * "* /staging/ *" (without the spaces) prunes drivers/staging itself. A file
 * operand is always added.
 */
int walk_path_excluding(struct file_list *fl, const char *path,
			const char *const *exclude, FILE *err);

/** Does one of the globs in exclude match path or (if not NULL) rel? */
int walk_excluded(const char *const *exclude, const char *path, const char *rel);

/** Add one path (copied) to fl. Returns 0, or -1 on out of memory. */
int walk_add_file(struct file_list *fl, const char *path, FILE *err);

/** Sort fl by strcmp and drop duplicate paths. */
void file_list_sort(struct file_list *fl);

/** Free the paths and the list. */
void file_list_release(struct file_list *fl);

#endif
