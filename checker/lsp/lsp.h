/*
 * lsp.h - `dmacheck lsp`: a Language Server Protocol server over stdio, a
 * thin tool on top of libdmacheck (like the command line).
 *
 * It checks the unsaved buffers an editor opens and edits, and publishes
 * the findings as diagnostics; hover over one shows the rule's summary.
 * Not handled: workspace-wide checking of files that are not open, code
 * actions, configuration changes after start-up.
 */
#ifndef DMC_LSP_H
#define DMC_LSP_H

/**
 * Run the server: argv[0] is "lsp", then options (--rules-dir DIR,
 * --enable ID,..., --disable ID,..., --help). Reads JSON-RPC messages from
 * stdin and writes to stdout until an exit notification or the end of
 * stdin. Returns the process exit status: 0 if exit came after shutdown,
 * 1 otherwise, 2 for a usage error or rules that cannot be loaded.
 */
int lsp_main(int argc, char **argv);

#endif
