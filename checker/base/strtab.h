/*
 * strtab.h - string interning: equal strings get one pointer, so names and
 * access paths compare with ==. One table per unit (or per session for
 * rules data); storage comes from an arena.
 */
#ifndef DMC_STRTAB_H
#define DMC_STRTAB_H

#include "arena.h"
#include <stddef.h>
#include <stdint.h>

struct strtab {
	struct arena *arena;
	const char **slots;
	void **vals;
	size_t cap, n;
};

void strtab_init(struct strtab *t, struct arena *a);
void strtab_release(struct strtab *t);
/** The interned copy of s[0..n). */
const char *strtab_intern(struct strtab *t, const char *s, size_t n);
/** Look up without inserting; NULL if absent. */
const char *strtab_find(const struct strtab *t, const char *s, size_t n);
/** A value slot attached to an interned string (NULL until set). */
void **strtab_slot(struct strtab *t, const char *interned);
void *strtab_get(const struct strtab *t, const char *s, size_t n);

uint64_t hash_bytes(const void *p, size_t n);

#endif
