/*
 * checks.h - turning analysis results into findings (rule ids, messages,
 * notes). Analyses never print; only checks create findings.
 */
#ifndef DMC_CHECKS_H
#define DMC_CHECKS_H

struct unit;
struct ir_func;

#include "../model/model.h"

/** Does f call anything with role (rules data or a same-file summary)? Checks use it to skip functions early. */
int checks_calls_role(const struct ir_func *f, enum model_role role);

/**
 * Does conversion call conv (virt_to_phys(), virt_to_page() ...) of f feed an
 * export call (remap_pfn_range(), vm_insert_page() ...) of f? Then
 * mmap-kernel-ram-wrong-method reports vmalloc memory there, and
 * addr-linear-only-conversion stays silent (check_mmap_ram.c).
 */
struct ir_event;
int mmap_ram_exports_conversion(struct unit *u, const struct ir_func *f, const struct ir_event *conv);

/** Run every check over every function of the unit. */
void checks_run(struct unit *u);

#endif
