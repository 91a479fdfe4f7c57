/*
 * kmacro.h - make kernel C parseable without a preprocessor, keeping byte
 * offsets: annotation macros (rules/kernel/annotations.rules) are blanked to
 * spaces and recorded; iterator macros used as loop heads
 * (rules/kernel/iterators.rules) are rewritten to `while` plus padding, so
 * `list_for_each_entry(pos, head, member) {` parses as a loop.
 */
#ifndef DMC_KMACRO_H
#define DMC_KMACRO_H

#include "source.h"

struct model;
void kmacro_mask(struct source *src, struct arena *a, const struct model *m);

#endif
