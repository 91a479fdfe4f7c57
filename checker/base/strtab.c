#include "strtab.h"

#include <stdlib.h>
#include <string.h>

uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void strtab_init(struct strtab *t, struct arena *a)
{
	t->arena = a;
	t->cap = 256;
	t->n = 0;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	t->vals = xcalloc(t->cap, sizeof(*t->vals));
}

void strtab_release(struct strtab *t)
{
	free(t->slots);
	free(t->vals);
	t->slots = NULL;
	t->vals = NULL;
	t->cap = t->n = 0;
}

static size_t probe(const struct strtab *t, const char *s, size_t n)
{
	size_t i = hash_bytes(s, n) & (t->cap - 1);
	while (t->slots[i]) {
		const char *e = t->slots[i];
		if (strncmp(e, s, n) == 0 && e[n] == 0)
			return i;
		i = (i + 1) & (t->cap - 1);
	}
	return i;
}

static void grow(struct strtab *t)
{
	const char **os = t->slots;
	void **ov = t->vals;
	size_t oc = t->cap;
	t->cap *= 2;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	t->vals = xcalloc(t->cap, sizeof(*t->vals));
	for (size_t i = 0; i < oc; i++) {
		if (!os[i])
			continue;
		size_t j = probe(t, os[i], strlen(os[i]));
		t->slots[j] = os[i];
		t->vals[j] = ov[i];
	}
	free(os);
	free(ov);
}

const char *strtab_intern(struct strtab *t, const char *s, size_t n)
{
	if ((t->n + 1) * 2 > t->cap)
		grow(t);
	size_t i = probe(t, s, n);
	if (!t->slots[i]) {
		t->slots[i] = arena_strndup(t->arena, s, n);
		t->n++;
	}
	return t->slots[i];
}

const char *strtab_find(const struct strtab *t, const char *s, size_t n)
{
	if (!t->cap)
		return NULL;
	return t->slots[probe(t, s, n)];
}

void **strtab_slot(struct strtab *t, const char *interned)
{
	size_t i = probe(t, interned, strlen(interned));
	BUG_ON(t->slots[i] != interned);
	return &t->vals[i];
}

void *strtab_get(const struct strtab *t, const char *s, size_t n)
{
	if (!t->cap)
		return NULL;
	size_t i = probe(t, s, n);
	return t->slots[i] ? t->vals[i] : NULL;
}
