/*
 * man.h - the dmacheck(1) manual page, generated from the option table
 * (cli_option_table()) so that --help and the man page cannot disagree.
 */
#ifndef DMC_CLI_MAN_H
#define DMC_CLI_MAN_H

#include <stdio.h>

/** Write the man page (roff, man macros) to out. Returns 0, or -1 on a write error. */
int cli_man(FILE *out);

#endif
