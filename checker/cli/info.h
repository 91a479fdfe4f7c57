/*
 * info.h - the commands that describe rather than check: --list-rules,
 * --explain, --dump-ir.
 */
#ifndef DMC_CLI_INFO_H
#define DMC_CLI_INFO_H

#include <stdio.h>

#include "dmacheck.h"

/**
 * Print one line per rule: id, catalogue id, severity, summary, in aligned
 * columns, with " (disabled)" after disabled rules. Returns 0.
 */
int info_list_rules(const struct dmc_session *s, FILE *out);

/**
 * Copy the doc of rule id (rules/docs/<id>.md) to out. Returns 0, or -1
 * after reporting an unknown rule or an unreadable doc on err.
 */
int info_explain(const struct dmc_session *s, const char *id, FILE *out, FILE *err);

/** Read path and dump its IR to out. Returns 0, or -1 after reporting on err. */
int info_dump_ir(const struct dmc_session *s, const char *path, int facts, FILE *out, FILE *err);

#endif
