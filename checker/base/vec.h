/*
 * vec.h - typed growable arrays (malloc-backed), after tree-sitter's Array(T).
 *   VEC(int) v = {0}; vec_push(&v, 3); vec_at(&v, 0); vec_free(&v);
 */
#ifndef DMC_VEC_H
#define DMC_VEC_H

#include "arena.h"
#include <stdlib.h>

#define VEC(T) struct { T *items; size_t n, cap; }

#define vec_grow(v, want)                                                    \
	do {                                                                 \
		if ((want) > (v)->cap) {                                     \
			size_t nc_ = (v)->cap ? (v)->cap * 2 : 8;            \
			while (nc_ < (want))                                 \
				nc_ *= 2;                                    \
			(v)->items = xrealloc((v)->items, nc_ * sizeof(*(v)->items)); \
			(v)->cap = nc_;                                      \
		}                                                            \
	} while (0)

#define vec_push(v, x)                                                       \
	do {                                                                 \
		vec_grow(v, (v)->n + 1);                                     \
		(v)->items[(v)->n++] = (x);                                  \
	} while (0)

#define vec_at(v, i) (*(BUG_ON((size_t)(i) >= (v)->n), &(v)->items[(i)]))
#define vec_last(v) vec_at(v, (v)->n - 1)
#define vec_free(v) do { free((v)->items); (v)->items = NULL; (v)->n = (v)->cap = 0; } while (0)

#endif
