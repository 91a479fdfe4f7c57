/* cfg.c - building blocks, events and edges. */
#include "ir.h"

#include <string.h>

#define GROW(arr, n, cap, T)                                                  \
	do {                                                                  \
		if ((n) >= (cap)) {                                           \
			int nc_ = (cap) ? (cap) * 2 : 4;                      \
			T *na_ = arena_alloc(u->arena, (size_t)nc_ * sizeof(T)); \
			if (n)                                                \
				memcpy(na_, (arr), (size_t)(n) * sizeof(T));  \
			(arr) = na_;                                          \
			(cap) = nc_;                                          \
		}                                                             \
	} while (0)

struct ir_block *ir_block_new(struct ir_unit *u, struct ir_func *f)
{
	struct ir_block *b = arena_alloc(u->arena, sizeof(*b));
	b->id = f->nblocks;
	GROW(f->blocks, f->nblocks, f->capblocks, struct ir_block *);
	f->blocks[f->nblocks++] = b;
	return b;
}

struct ir_event *ir_block_add_event(struct ir_unit *u, struct ir_block *b)
{
	struct ir_event *e = arena_alloc(u->arena, sizeof(*e));
	GROW(b->ev, b->nev, b->capev, struct ir_event *);
	b->ev[b->nev++] = e;
	return e;
}

void ir_block_add_succ(struct ir_unit *u, struct ir_block *b, int succ)
{
	GROW(b->succ, b->nsucc, b->capsucc, int);
	b->succ[b->nsucc++] = succ;
}

void ir_func_add_call(struct ir_unit *u, struct ir_func *f, struct ir_event *e)
{
	GROW(f->calls, f->ncalls, f->capcalls, struct ir_event *);
	e->call = f->ncalls;
	f->calls[f->ncalls++] = e;
}
