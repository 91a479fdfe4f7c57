/*
 * gitdiff.h - --diff REF: keep only findings on lines changed since a git
 * revision. Runs "git -C DIR diff --no-ext-diff --unified=0 --no-color REF
 * -- FILE" once per file that has findings and keeps the findings whose line
 * is in an added or changed range ("@@ -a,b +c,d @@": lines c..c+d-1). A file
 * that git does not know or that has no changes keeps no findings.
 */
#ifndef DMC_GITDIFF_H
#define DMC_GITDIFF_H

#include <stdio.h>

#include "../dmacheck.h"

/**
 * Check that path (a file or directory) is inside a git work tree in which
 * ref names a commit. Returns 0, or -1 after writing
 * "dmacheck: error: --diff: ..." to err. A path that does not exist is
 * accepted (the caller reports it as an input error).
 */
int gitdiff_check(const char *path, const char *ref, FILE *err);

/**
 * Remove the findings of r (sorted by file) that are not on a line changed
 * since ref. Returns the number removed, or -1 (with an error on err) if
 * git failed for some file.
 */
long gitdiff_filter(struct dmc_result *r, const char *ref, FILE *err);

/**
 * Parse "git diff --unified=0" output: the added/changed line ranges, as
 * pairs (first, last) appended to *ranges (realloc'd, *n pairs). Returns 0,
 * or -1 on out of memory. Exposed for the tests.
 */
int gitdiff_parse(const char *diff, size_t len, int **ranges, size_t *n);

#endif
