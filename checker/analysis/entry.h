/*
 * entry.h - which functions of a unit are entry points (probe, remove, mmap,
 * fault, ...), read from designated initializers of the structs listed as
 * `entry` lines in rules/kernel/entry-points.rules.
 */
#ifndef DMC_ENTRY_H
#define DMC_ENTRY_H

#include "../ir/ir.h"
#include "../model/model.h"

/**
 * The entry kind of function fname ("mmap", "probe", ...) and the
 * initializer that makes it one, or NULL when fname is named in no known
 * initializer of the unit. With several, the first in the file wins.
 */
const char *entry_kind(const struct model *m, const struct ir_unit *u, const char *fname,
		       const struct ir_init **via);
/** 1 if fname is an entry of the given kind in u. */
int entry_is(const struct model *m, const struct ir_unit *u, const char *fname, const char *kind);

/**
 * The parameter of f declared `struct vm_area_struct *` (mmap handlers and
 * the helpers they call), or NULL. For ->fault handlers see entry_vmf_param().
 */
const struct ir_path *entry_vma_param(const struct ir_func *f);
/** The parameter of f declared `struct vm_fault *`, or NULL. */
const struct ir_path *entry_vmf_param(const struct ir_func *f);

#endif
