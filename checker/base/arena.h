/*
 * arena.h - region allocator: everything derived from one file (paths, IR,
 * analysis facts) comes from the unit's arena and is released at once.
 */
#ifndef DMC_ARENA_H
#define DMC_ARENA_H

#include <stddef.h>
#include <stdarg.h>

struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	size_t used_total;
};

void arena_init(struct arena *a);
/** Release every allocation made from a. */
void arena_release(struct arena *a);
/** Zeroed, 16-byte aligned memory; aborts on out-of-memory. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** Abort with a message: a broken invariant, never bad input. */
void bug(const char *file, int line, const char *msg) __attribute__((noreturn));
#define BUG_ON(c) do { if (c) bug(__FILE__, __LINE__, #c); } while (0)

/** malloc/realloc that abort on out-of-memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
