/*
 * rules_lex.h - the single reader for every rules/ file.
 *
 * A rules file is a sequence of lines; '#' starts a comment. A line is a
 * directive word followed by tokens: bare words and key=value pairs, where a
 * value may be "double quoted". Errors carry file:line:col.
 */
#ifndef DMC_RULES_LEX_H
#define DMC_RULES_LEX_H

#include <stddef.h>

#define RULES_MAX_TOKENS 24

struct rules_token {
	const char *key;    /* NULL for a bare word */
	const char *value;  /* the word, or the value of key=value */
	int col;            /* 1-based */
};

struct rules_line {
	int lineno;
	const char *directive;
	int dcol;
	struct rules_token tok[RULES_MAX_TOKENS];
	int ntok;
};

struct rules_reader {
	const char *path;
	char *buf;          /* owned copy of the file, split in place */
	size_t len, pos;
	int lineno;
	char errmsg[256];
	int errcol;
};

/** Open path; returns -1 and sets errmsg when it cannot be read. */
int rules_reader_open(struct rules_reader *r, const char *path);
void rules_reader_close(struct rules_reader *r);
/** Next non-empty line: 1, end of file: 0, syntax error: -1 (errmsg, errcol, lineno set). */
int rules_reader_next(struct rules_reader *r, struct rules_line *out);

#endif
