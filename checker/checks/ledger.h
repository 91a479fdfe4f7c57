/*
 * ledger.h - the driver-wide ledger of struct fields that hold DMA handles,
 * mapped buffers and coherent memory (issue #4).
 *
 * Each file contributes plain data (struct dmc_ledger, no pointers into the
 * file's arena): where a field key ("struct foo_rx|buf[].dma") is mapped,
 * unmapped, synced, allocated and freed, which functions call which, which
 * functions are entry points (probe, remove, open, release ... from the
 * designated initializers named in rules/kernel/entry-points.rules), and which
 * struct types are handed to functions outside the file. The checks then run
 * over one file (dmc_check_file: cross-function inside a file) or over all
 * files of a directory (the command line: one driver), and report:
 *
 *  dma-map-leak: a field mapped on the probe/open path that nothing on the
 *  remove/release path unmaps (reported at the end of remove()), or mapped
 *  somewhere and unmapped nowhere in the driver (reported at the map);
 *  dma-unmap-args-mismatch / dma-sync-protocol: the unmap or sync of a field in
 *  another function uses a different direction, mapping kind or size than
 *  every map of it;
 *  dmac-free-mismatch-or-leak: coherent memory allocated on the probe/open
 *  path that nothing on the remove/release path frees.
 */
#ifndef DMC_LEDGER_H
#define DMC_LEDGER_H

#include "../dmacheck.h"

struct unit;

/** What the unit contributes to its driver's ledger (malloc'ed; dmc_ledger_free()). */
struct dmc_ledger *ledger_collect(struct unit *u);

#endif
