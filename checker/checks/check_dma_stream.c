/*
 * check_dma_stream.c - findings for the streaming-DMA typestate
 * (analysis/stream.c): dma-cpu-access-while-mapped, dma-sync-protocol,
 * dma-dir-usage-mismatch, dma-dir-none-or-invalid, dma-map-error-unchecked,
 * dma-unmap-args-mismatch, dma-map-leak, dma-use-after-unmap,
 * dma-sg-count-confusion. Each violation is reported once per program point
 * (however many paths reach it), with a note where the mapping was made.
 */
#include "../driver/unit.h"
#include "../analysis/stream.h"
#include "../report/finding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct seen_key {
	enum stream_viol v;
	const struct ir_event *at, *map;
	const char *detail;
};

struct dctx {
	struct unit *u;
	const struct ir_func *f;
	struct seen_key *seen;
	int nseen, capseen;
};

static int once(struct dctx *d, enum stream_viol v, const struct ir_event *at, const struct ir_event *map,
		const char *detail)
{
	for (int i = 0; i < d->nseen; i++)
		if (d->seen[i].v == v && d->seen[i].at == at && d->seen[i].map == map &&
		    (d->seen[i].detail == detail || (d->seen[i].detail && detail && !strcmp(d->seen[i].detail, detail))))
			return 0;
	if (d->nseen == d->capseen) {
		d->capseen = d->capseen ? d->capseen * 2 : 16;
		d->seen = xrealloc(d->seen, (size_t)d->capseen * sizeof(*d->seen));
	}
	d->seen[d->nseen++] = (struct seen_key){ v, at, map, detail ? arena_strdup(&d->u->arena, detail) : NULL };
	return 1;
}

static const char *or(const char *s, const char *dflt)
{
	return s && *s ? s : dflt;
}

static const char *dname(enum dir_class d)
{
	switch (d) {
	case DIR_TO_DEVICE: return "DMA_TO_DEVICE";
	case DIR_FROM_DEVICE: return "DMA_FROM_DEVICE";
	case DIR_BIDIRECTIONAL: return "DMA_BIDIRECTIONAL";
	default: return "with an unknown direction";
	}
}

static void note_map(struct dctx *d, struct dmc_finding *fd, const struct stream_site *s)
{
	if (s->map)
		unit_note(d->u, fd, s->map->start, "'%s' was mapped here with %s()", or(s->buf_text, "buffer"),
			  s->map->callee);
}

static void on_report(void *vctx, enum stream_viol v, const struct ir_event *at,
		      const struct stream_site *s, const char *detail)
{
	struct dctx *d = vctx;
	/* one finding per program point and rule, however many paths or reasons reach it */
	if (v == SV_UNCHECKED ? !once(d, v, s->map, s->map, NULL) : !once(d, v, at, s->map, NULL))
		return;
	struct unit *u = d->u;
	const struct ir_func *f = d->f;
	const char *buf = or(s->buf_text, "the buffer");
	const char *h = or(s->handle_text, "the DMA handle");
	const char *mapfn = s->map ? s->map->callee : "the mapping call";
	struct dmc_finding *fd = NULL;
	detail = detail ? detail : "";

	switch (v) {
	case SV_ACCESS_WHILE_MAPPED:
		if (!strcmp(detail, "free"))
			fd = unit_report(u, "dma-cpu-access-while-mapped", f, at->start, at->end,
					 "'%s' is freed while it is still mapped for DMA; unmap it first", buf);
		else if (!strcmp(detail, "write"))
			fd = unit_report(u, "dma-cpu-access-while-mapped", f, at->start, at->end,
					 "CPU writes to '%s' while it is mapped %s; the device may never see this data (fill the buffer before mapping it)",
					 buf, dname(s->dir));
		else
			fd = unit_report(u, "dma-cpu-access-while-mapped", f, at->start, at->end,
					 "CPU reads '%s' while it is mapped %s, before dma_unmap or dma_sync_*_for_cpu(); the data may be stale",
					 buf, dname(s->dir));
		note_map(d, fd, s);
		break;
	case SV_ACCESS_AFTER_SYNC_DEV:
		fd = unit_report(u, "dma-sync-protocol", f, at->start, at->end,
				 "CPU %s '%s' after dma_sync_*_for_device() handed it back to the device",
				 !strcmp(detail, "write") ? "writes to" : "reads", buf);
		if (s->prev)
			unit_note(u, fd, s->prev->start, "ownership went back to the device here");
		note_map(d, fd, s);
		break;
	case SV_REPOST_WITHOUT_SYNC:
		fd = unit_report(u, "dma-sync-protocol", f, at->start, at->end,
				 "'%s' was written by the CPU after dma_sync_*_for_cpu() and is handed back to the device without dma_sync_*_for_device()",
				 buf);
		if (s->prev)
			unit_note(u, fd, s->prev->start, "the CPU took ownership here");
		note_map(d, fd, s);
		break;
	case SV_SYNC_ARGS:
		fd = unit_report(u, "dma-sync-protocol", f, at->start, at->end, "%s(): %s", or(at->callee, "sync"), detail);
		note_map(d, fd, s);
		break;
	case SV_DIR_USAGE:
		if (!strcmp(detail, "to-device-read"))
			fd = unit_report(u, "dma-dir-usage-mismatch", f, at->start, at->end,
					 "'%s' is mapped DMA_TO_DEVICE but the CPU reads device output from it after the transfer; map it DMA_FROM_DEVICE",
					 buf);
		else
			fd = unit_report(u, "dma-dir-usage-mismatch", f, at->start, at->end,
					 "'%s' is filled by the CPU for the device but mapped DMA_FROM_DEVICE; map it DMA_TO_DEVICE",
					 buf);
		break;
	case SV_DIR_INVALID:
		if (!strcmp(detail, "uninitialised"))
			fd = unit_report(u, "dma-dir-none-or-invalid", f, at->start, at->end,
					 "direction '%s' may be uninitialised when %s() is called", or(s->dir_text, "dir"),
					 or(at->callee, "the DMA call"));
		else
			fd = unit_report(u, "dma-dir-none-or-invalid", f, at->start, at->end,
					 "'%s' is not a valid DMA direction for %s(): %s", or(s->dir_text, "?"),
					 or(at->callee, "the DMA call"), detail);
		break;
	case SV_UNCHECKED: {
		const struct model_fn *mf = s->map ? model_fn_role(s->map->model, ROLE_STREAM_MAP) : NULL;
		const char *rule = mf && mf->unchecked_rule ? mf->unchecked_rule : "dma-map-error-unchecked";
		const struct ir_event *m = s->map ? s->map : at;
		if (mf && mf->ret == RET_COUNT)
			fd = unit_report(u, rule, f, m->start, m->end,
					 !strcmp(detail, "ignored")
						 ? "the count returned by %s() is ignored; 0 means the mapping failed"
						 : "the count returned by %s() is not checked for 0 (mapping failure)",
					 mapfn);
		else if (mf && mf->ret == RET_ERRNO)
			fd = unit_report(u, rule, f, m->start, m->end,
					 "the return value of %s() is not checked; it is a negative errno on failure", mapfn);
		else if (!strcmp(detail, "ignored"))
			fd = unit_report(u, rule, f, m->start, m->end,
					 "the DMA address returned by %s() is discarded, so it can be neither checked nor unmapped", mapfn);
		else if (!strcmp(detail, "nullcheck"))
			fd = unit_report(u, rule, f, m->start, m->end,
					 "'%s' from %s() is tested against 0, which does not detect a failed mapping; use dma_mapping_error()",
					 h, mapfn);
		else if (!strcmp(detail, "exit") && !s->handle_text)
			fd = unit_report(u, rule, f, m->start, m->end,
					 "the DMA address from %s() is never checked with dma_mapping_error()", mapfn);
		else if (!strcmp(detail, "exit"))
			fd = unit_report(u, rule, f, m->start, m->end,
					 "DMA address '%s' from %s() is never checked with dma_mapping_error()", h, mapfn);
		else
			fd = unit_report(u, rule, f, m->start, m->end,
					 "%s%s%s from %s() is %s before it is checked with dma_mapping_error()",
					 s->handle_text ? "DMA address '" : "the DMA address", s->handle_text ? h : "",
					 s->handle_text ? "'" : "", mapfn,
					 !strcmp(detail, "device") ? "given to the device"
					 : !strcmp(detail, "descriptor") ? "stored in a descriptor"
					 : !strcmp(detail, "synced") ? "synced" : "unmapped");
		if (s->prev && strcmp(detail, "exit"))
			unit_note(u, fd, s->prev->start, "used here");
		break;
	}
	case SV_UNMAP_ARGS:
		if (!strcmp(detail, "cpu-address"))
			fd = unit_report(u, "dma-unmap-args-mismatch", f, at->start, at->end,
					 "%s() is given the CPU address '%s' instead of the DMA handle", or(at->callee, "unmap"), buf);
		else if (!strncmp(detail, "kind:", 5))
			fd = unit_report(u, "dma-unmap-args-mismatch", f, at->start, at->end,
					 "'%s' was mapped with %s() but is released with %s()", buf, mapfn, detail + 5);
		else
			fd = unit_report(u, "dma-unmap-args-mismatch", f, at->start, at->end, "%s(): %s",
					 or(at->callee, "unmap"), detail);
		note_map(d, fd, s);
		break;
	case SV_LEAK: {
		int ml = 0, mc = 0;
		if (s->map)
			source_pos(&u->src, s->map->start, &ml, &mc);
		fd = unit_report(u, "dma-map-leak", f, at->start, at->end,
				 "mapping of '%s' made by %s() at line %d is not unmapped on this path", buf, mapfn, ml);
		note_map(d, fd, s);
		break;
	}
	case SV_USE_AFTER_UNMAP:
		fd = unit_report(u, "dma-use-after-unmap", f, at->start, at->end,
				 !strcmp(detail, "double-unmap") ? "'%s' is unmapped twice"
				 : !strcmp(detail, "sync") ? "'%s' is synced after it was unmapped"
				 : !strcmp(detail, "descriptor") ? "'%s' is stored in a descriptor after it was unmapped"
				 : "'%s' is given to the device after it was unmapped", h);
		if (s->prev)
			unit_note(u, fd, s->prev->start, "unmapped here");
		break;
	case SV_SG_COUNT: {
		const struct model_fn *mf = s->map ? model_fn_role(s->map->model, ROLE_STREAM_MAP) : NULL;
		const struct ir_val *nents = mf && mf->slot.nents >= 0 && mf->slot.nents < s->map->nargs
			? &s->map->args[mf->slot.nents] : NULL;
		if (!strcmp(detail, "table-nents"))
			fd = unit_report(u, "dma-sg-count-confusion", f, at->start, at->end,
					 "%s() must be given orig_nents, not the mapped nents (or use dma_unmap_sgtable())",
					 or(at->callee, "dma_unmap_sg"));
		else if (!strcmp(detail, "iter-orig-nents"))
			fd = unit_report(u, "dma-sg-count-confusion", f, at->start, at->end,
					 "loop over DMA addresses iterates orig_nents entries; only nents are mapped (use for_each_sgtable_dma_sg())");
		else if (!strcmp(detail, "iter-nents"))
			fd = unit_report(u, "dma-sg-count-confusion", f, at->start, at->end,
					 "loop programs the device from '%s' entries, but %s() returned the number of DMA segments to use",
					 nents && nents->text ? nents->text : "nents", mapfn);
		else
			fd = unit_report(u, "dma-sg-count-confusion", f, at->start, at->end,
					 "%s() must be given the nents passed to %s() ('%s'), not the count it returned",
					 or(at->callee, "the call"), mapfn, nents && nents->text ? nents->text : "nents");
		note_map(d, fd, s);
		break;
	}
	}
}

void check_dma_stream(struct unit *u, const struct ir_func *f)
{
	struct dctx d = { .u = u, .f = f };
	struct stream_sink sink = { .ctx = &d, .report = on_report };
	stream_analyse(&u->ir, f, &u->s->model, &sink);
	free(d.seen);
}
