/*
 * compdb.h - read a compilation database (compile_commands.json, as written
 * by the kernel's `make compile_commands.json` or
 * scripts/clang-tools/gen_compile_commands.py) to get the list of files to
 * check and, per file, the preprocessor flags of its compiler command.
 *
 * The checker does not preprocess (it parses un-preprocessed C with kernel
 * macro masking), so the flags are only stored here: a later stage can ask
 * compdb_flags_for() for the -I/-D/-include of a file.
 */
#ifndef DMC_CLI_COMPDB_H
#define DMC_CLI_COMPDB_H

#include <stddef.h>
#include <stdio.h>

#include "walk.h"

/** The preprocessor flags of one compiler command, in command-line order. */
struct compdb_flags {
	char **includes;        /* -I DIR / -IDIR, made absolute against "directory" */
	size_t nincludes;
	char **defines;         /* -D NAME[=VALUE] / -DNAME[=VALUE], without the "-D" */
	size_t ndefines;
	char **forced;          /* -include FILE, made absolute against "directory" */
	size_t nforced;
};

/** One entry of the database that names a .c file. */
struct compdb_entry {
	char *abs;              /* the file, absolute, lexically normalised */
	char *path;             /* what is checked and reported: abs, or relative to
	                           the current directory when it lies below it */
	struct compdb_flags flags;
};

/** The .c entries of a database, sorted by abs (first entry per file wins). */
struct compdb {
	struct compdb_entry *entries;
	size_t n;
};

/**
 * Read DIR/compile_commands.json (or the file itself if dir names a file).
 * Entries need "file" and "directory" and one of "arguments" (array) or
 * "command" (a shell-quoted string); entries whose file does not end in ".c"
 * are skipped. Errors ("dmacheck: error: FILE: ...", with the JSON line and
 * column for malformed JSON) go to err. Returns 0, or -1 (db is then empty).
 */
int compdb_load(struct compdb *db, const char *dir, FILE *err);

/**
 * Add the entries to fl: all of them if npaths is 0, else those whose
 * file is one of the paths or lies below one of them (paths are made
 * absolute; both the lexical path and the one with symlinks resolved are
 * tried). An entry is skipped if one of the NULL-terminated exclude globs
 * matches its reported path, its absolute path or its path relative to the
 * operand it was selected by (to the database directory without operands);
 * see walk_excluded(). Returns 0, or -1 on out of memory.
 */
int compdb_select(const struct compdb *db, const char *dbdir,
		  const char *const *paths, size_t npaths,
		  const char *const *exclude, struct file_list *fl, FILE *err);

/**
 * The flags recorded for path (as reported by compdb_select(), or any
 * spelling that normalises to the same absolute path), or NULL if the
 * database has no entry for it.
 */
const struct compdb_flags *compdb_flags_for(const struct compdb *db, const char *path);

/**
 * Extract -I, -D and -include from argv (argv[0] is the compiler) into fl,
 * resolving relative paths against directory. Exposed for the tests.
 * Returns 0, or -1 on out of memory.
 */
int compdb_parse_flags(struct compdb_flags *fl, const char *const *argv, size_t argc,
		       const char *directory);

/**
 * Split a shell command line into words (single and double quotes,
 * backslash escapes, as gen_compile_commands.py writes them). Returns a
 * NULL-terminated malloc'd vector (free with compdb_free_words) and sets
 * *n, or NULL on out of memory or an unterminated quote.
 */
char **compdb_split_command(const char *cmd, size_t *n);
void compdb_free_words(char **w);

void compdb_release(struct compdb *db);

#endif
