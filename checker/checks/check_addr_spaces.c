/*
 * check_addr_spaces.c - address-space rules on the provenance analysis
 * (analysis/space.c; `dmacheck --dump-facts FILE` shows what it infers):
 *
 *  addr-va-on-non-lowmem (ADDR-02): __va()/phys_to_virt()/pfn_to_kaddr()
 *  (role addr.ram-only) of a physical address or pfn of device memory (a
 *  struct resource, pci_resource_start(), a BAR).
 *
 *  addr-dma-handle-as-cpu-address (ADDR-04): a DMA handle given where a CPU
 *  physical address or pfn belongs (roles addr.ram-only and addr.phys:
 *  phys_to_virt, memremap, ioremap, pfn_to_page, remap_pfn_range ...), or
 *  cast to a pointer.
 *
 *  addr-cpu-address-programmed-into-device (ADDR-05): a CPU physical
 *  address (virt_to_phys, __pa, page_to_phys ...) or a kernel pointer
 *  written to a device register (role mmio.write), given to a DMA engine as
 *  a bus address (role dma.device-addr), or stored where a DMA address
 *  belongs (a field declared dma_addr_t, a field of a descriptor in
 *  coherent DMA memory).
 *
 *  dma-addr-truncation (DMA-13): a DMA handle stored into a 32-bit integer
 *  (u32, unsigned int, int, __le32 ...) or written with a single 32-bit MMIO
 *  accessor (words of class mmio.width32) with no upper_32_bits() of it in
 *  the function, in a file that sets a DMA mask wider than 32 bits. Explicit
 *  splits (lower_32_bits/upper_32_bits, words of class value.split) are the
 *  right form. Files that set no mask, or only masks up to 32 bits, are left
 *  alone: their handles fit.
 */
#include "../driver/unit.h"
#include "../analysis/space.h"
#include "checks.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
	struct unit *u;
	const struct ir_func *f;
	struct space_ctx sc;
	int mask_known;              /* mask_at computed (on first need: it scans the unit) */
	const struct ir_event *mask_at; /* where the unit sets a DMA mask wider than 32 bits, or NULL */
};

static const struct ir_event *wide_mask_set(const struct unit *u);
static int explicit_cast(const struct ctx *c, const struct ir_val *v);
static int upper_half_written(const struct ctx *c, const char *h);

static int wide_mask(struct ctx *c)
{
	if (!c->mask_known) {
		c->mask_at = wide_mask_set(c->u);
		c->mask_known = 1;
	}
	return c->mask_at != NULL;
}

static const char *text(const struct ir_val *v)
{
	return v && v->text ? v->text : "the value";
}

static void note_origin(struct ctx *c, struct dmc_finding *fd, struct space_fact sf, const char *what)
{
	if (fd && sf.origin)
		unit_note(c->u, fd, sf.origin->start, "%s comes from here", what);
}

static const char *word_class(const struct ctx *c, const char *name)
{
	return name && c->u->ir.model ? model_word_class(c->u->ir.model, name, strlen(name)) : NULL;
}

/* the call behind v, through value-transparent helpers (cpu_to_le64(lower_32_bits(h))) */
static const struct ir_event *call_of(const struct ctx *c, const struct ir_val *v, int depth)
{
	if (!v || v->kind != VAL_CALL || v->call < 0 || v->call >= c->f->ncalls || depth > 4)
		return NULL;
	return c->f->calls[v->call];
}

static int is_split(const struct ctx *c, const struct ir_val *v, int depth)
{
	const struct ir_event *e = call_of(c, v, depth);
	if (!e)
		return 0;
	const char *cls = word_class(c, e->callee);
	if (cls && !strcmp(cls, "value.split"))
		return 1;
	const struct model_fn *t = model_fn_role(e->model, ROLE_TRANSPARENT);
	return t && t->slot.val >= 0 && t->slot.val < e->nargs && is_split(c, &e->args[t->slot.val], depth + 1);
}

/* ---- ADDR-02 and ADDR-04 at consumers of physical addresses */
static void check_consumer(struct ctx *c, const struct ir_event *e, const struct model_fn *r)
{
	if (r->slot.addr < 0 || r->slot.addr >= e->nargs)
		return;
	const struct ir_val *a = &e->args[r->slot.addr];
	struct space_fact sf = space_of(&c->sc, a);
	struct dmc_finding *fd = NULL;
	if (sf.sp == SP_DMA) {
		fd = unit_report(c->u, "addr-dma-handle-as-cpu-address", c->f, e->start, e->end,
				 "%s() is given '%s', a DMA address: the device's view of the buffer, which differs from the CPU physical address behind an IOMMU or a bounce buffer; use the CPU address the allocation returned",
				 e->callee, text(a));
		note_origin(c, fd, sf, "the DMA address");
	} else if (r->role == ROLE_ADDR_RAM_ONLY && (sf.sp == SP_PHYS_IO || sf.sp == SP_PFN_IO)) {
		fd = unit_report(c->u, "addr-va-on-non-lowmem", c->f, e->start, e->end,
				 "%s() of '%s', a physical address of device memory, which has no linear mapping; map it with ioremap() (registers) or memremap() (RAM-like regions)",
				 e->callee, text(a));
		note_origin(c, fd, sf, "the device address");
	}
}

/* ---- ADDR-04: (void *)handle */
/* "void*", "const void *": the type of a handle printed with %p or kept as a cookie */
static int void_pointer(const char *t)
{
	char buf[64];
	size_t o = 0;
	for (; *t && o + 1 < sizeof(buf); t++)
		if (*t != ' ' && *t != '(' && *t != ')')
			buf[o++] = *t;
	buf[o] = 0;
	return !strcmp(buf, "void*") || !strcmp(buf, "constvoid*");
}

static void check_cast(struct ctx *c, const struct ir_event *e)
{
	if (!e->op || !strchr(e->op, '*') || void_pointer(e->op))
		return;
	struct space_fact sf = space_of(&c->sc, &e->rhs);
	if (sf.sp != SP_DMA)
		return;
	struct dmc_finding *fd = unit_report(c->u, "addr-dma-handle-as-cpu-address", c->f, e->start, e->end,
					     "'%s', a DMA address, is cast to the pointer type '%s': the CPU cannot dereference a device address; keep the CPU address returned with it",
					     text(&e->rhs), e->op);
	note_origin(c, fd, sf, "the DMA address");
}

/* ---- ADDR-05 */
static const char *cpu_addr_kind(enum buf_space sp, int mmio)
{
	switch (sp) {
	case SP_PHYS: return "a CPU physical address";
	case SP_KLIN: case SP_KVMAP: case SP_STACK: case SP_MODULE: case SP_KVMAP_MAYBE:
		return mmio ? "a kernel virtual address" : NULL;
	default: return NULL;
	}
}

static void report_cpu_addr(struct ctx *c, const struct ir_event *e, const struct ir_val *v,
			    struct space_fact sf, const char *kind, const char *sink)
{
	/* a phys_addr_t variable may hold a BAR, a carveout or an MMIO window that the device may be
	 * given; only addresses converted from kernel memory (virt_to_phys(buf)) are known to be wrong */
	if (sf.sp == SP_PHYS && (!sf.origin || sf.origin->kind != EV_CALL ||
				 !model_fn_role(sf.origin->model, ROLE_VALUE_SPACE)))
		return;
	/* __pa(PAGE_OFFSET): the start of RAM for an inbound window, not a buffer */
	if (sf.sp == SP_PHYS && sf.origin->nargs > 0 && (sf.origin->args[0].flags & VALF_CONST))
		return;
	struct dmc_finding *fd = unit_report(c->u, "addr-cpu-address-programmed-into-device", c->f, e->start, e->end,
					     "'%s', %s, is %s: the device needs a DMA address from the DMA API (dma_map_single(), dma_alloc_coherent()), which goes through the IOMMU, swiotlb and cache maintenance",
					     text(v), kind, sink);
	note_origin(c, fd, sf, "the CPU address");
}

static void check_mmio_write(struct ctx *c, const struct ir_event *e, const struct model_fn *r)
{
	if (r->slot.val < 0 || r->slot.val >= e->nargs)
		return;
	const struct ir_val *v = &e->args[r->slot.val];
	struct space_fact sf = space_of(&c->sc, v);
	const char *kind = cpu_addr_kind(sf.sp, 1);
	if (kind) {
		char sink[160];
		snprintf(sink, sizeof(sink), "written to a device register with %s()", e->callee);
		report_cpu_addr(c, e, v, sf, kind, sink);
		return;
	}
	/* DMA-13: writel(h, ...) of a 64-bit handle */
	const char *cls = word_class(c, e->callee);
	if (sf.sp != SP_DMA || !cls || strcmp(cls, "mmio.width32") || is_split(c, v, 0))
		return;
	if (!wide_mask(c) || explicit_cast(c, v) || upper_half_written(c, v->text))
		return;
	/* writel(h, lo); writel(upper_32_bits(h), hi): the direct write is the low half */
	for (int i = 0; i < c->f->ncalls; i++) {
		const struct ir_event *s = c->f->calls[i];
		const char *sc = word_class(c, s->callee);
		if (!sc || (strcmp(sc, "value.split") && strcmp(sc, "mmio.width64")) || !v->text)
			continue;
		for (int a = 0; a < s->nargs; a++)
			if (s->args[a].text && !strcmp(s->args[a].text, v->text))
				return;  /* also written whole with writeq(), or split, elsewhere in f */
	}
	struct dmc_finding *fd = unit_report(c->u, "dma-addr-truncation", c->f, e->start, e->end,
					     "'%s', a 64-bit DMA address, is written with the 32-bit accessor %s() and its upper half is never written; with a DMA mask wider than 32 bits the device sees a truncated address (use lower_32_bits()/upper_32_bits() or a 64-bit register)",
					     text(v), e->callee);
	note_origin(c, fd, sf, "the DMA address");
	if (fd && c->mask_at)
		unit_note(c->u, fd, c->mask_at->start, "a DMA mask wider than 32 bits is set here");
}

static void check_device_addr(struct ctx *c, const struct ir_event *e)
{
	for (const struct model_fn *r = e->model; r; r = r->next) {
		if (r->role != ROLE_DMA_DEVICE_ADDR || r->slot.addr < 0 || r->slot.addr >= e->nargs)
			continue;
		const struct ir_val *v = &e->args[r->slot.addr];
		struct space_fact sf = space_of(&c->sc, v);
		const char *kind = cpu_addr_kind(sf.sp, 1);
		if (kind) {
			char sink[160];
			snprintf(sink, sizeof(sink), "given to %s() as a bus address", e->callee);
			report_cpu_addr(c, e, v, sf, kind, sink);
			return;
		}
	}
}

/* the declared type of what a path names: a local, or a field of a struct defined in the file
 * (p->f, p->ring[i].addr); for p[i] the type of p (the element's struct tag is the same) */
static const char *target_type(const struct ctx *c, const struct ir_path *p)
{
	if (!p)
		return NULL;
	if (p->kind == PATH_VAR)
		return p->is_local ? ir_local_type(c->f, p) : NULL;
	const char *pt = target_type(c, p->parent);
	if (p->kind == PATH_INDEX || p->kind == PATH_DEREF)
		return pt;
	char tag[160];
	if (!ir_type_tag(pt, tag, sizeof(tag)))
		return NULL;
	for (int i = 0; i < c->u->ir.nfields; i++) {
		const struct ir_field *fl = &c->u->ir.fields[i];
		if (!strcmp(fl->tag, tag) && !strcmp(fl->name, p->name))
			return fl->type;
	}
	return NULL;
}

/* "(u32)h": a cast written by hand says the truncation is meant */
static int explicit_cast(const struct ctx *c, const struct ir_val *v)
{
	for (int b = 0; b < c->f->nblocks; b++)
		for (int i = 0; i < c->f->blocks[b]->nev; i++) {
			const struct ir_event *e = c->f->blocks[b]->ev[i];
			if (e->kind == EV_CAST && e->rhs.start == v->start && e->rhs.end == v->end &&
			    space_type_is_narrow(e->op))
				return 1;
		}
	return 0;
}

/* writel((u64)h >> 32, hi), (h >> 16) >> 16: the upper half is written in f */
static int upper_half_written(const struct ctx *c, const char *h)
{
	size_t n = h ? strlen(h) : 0;
	for (int i = 0; n && i < c->f->ncalls; i++) {
		const struct ir_event *e = c->f->calls[i];
		for (int a = 0; a < e->nargs; a++) {
			const char *t = e->args[a].text, *p = t;
			while (p && (p = strstr(p, h))) {
				if (strstr(p + n, ">>"))
					return 1;
				p += n;
			}
		}
	}
	return 0;
}

/* the pointer a store goes through: desc->addr -> desc; ring->d[i].addr -> ring->d */
static const struct ir_path *store_base(const struct ir_path *p)
{
	for (const struct ir_path *q = p; q && q->kind != PATH_VAR; q = q->parent)
		if (q->kind == PATH_ARROW || q->kind == PATH_INDEX || q->kind == PATH_DEREF)
			return q->parent;
	return NULL;
}

static void check_store(struct ctx *c, const struct ir_event *e)
{
	if (!e->lhs || !e->op || e->op[0] != '=' || e->op[1])
		return;
	struct space_fact sf = space_of(&c->sc, &e->rhs);
	if (sf.sp == SP_UNKNOWN)
		return;
	const char *tt = target_type(c, e->lhs);
	enum buf_space declared = space_of_type(c->u->ir.model, tt);
	/* DMA-13: u32 lo = h; desc->addr32 = h */
	if (sf.sp == SP_DMA && space_type_is_narrow(tt) && !explicit_cast(c, &e->rhs) && !is_split(c, &e->rhs, 0) && wide_mask(c)) {
		struct dmc_finding *fd = unit_report(c->u, "dma-addr-truncation", c->f, e->start, e->end,
						     "'%s', a 64-bit DMA address, is stored in '%s' of type '%s'; with a DMA mask wider than 32 bits the upper half is lost (keep a dma_addr_t, or split it with lower_32_bits()/upper_32_bits())",
						     text(&e->rhs), e->lhs->text, tt);
		note_origin(c, fd, sf, "the DMA address");
		if (fd && c->mask_at)
			unit_note(c->u, fd, c->mask_at->start, "a DMA mask wider than 32 bits is set here");
		return;
	}
	/* ADDR-05: a CPU address stored where a DMA address belongs */
	const char *kind = cpu_addr_kind(sf.sp, declared == SP_DMA);
	if (!kind || e->lhs->kind == PATH_VAR)
		return;
	if (declared == SP_DMA) {
		char sink[200];
		snprintf(sink, sizeof(sink), "stored in '%s', a dma_addr_t", e->lhs->text);
		report_cpu_addr(c, e, &e->rhs, sf, kind, sink);
		return;
	}
	const struct ir_path *b = store_base(e->lhs);
	if (!b || sf.sp != SP_PHYS)
		return;
	struct ir_val bv = { .kind = VAL_PATH, .path = b };
	if (space_of(&c->sc, &bv).sp == SP_COHERENT) {
		char sink[200];
		snprintf(sink, sizeof(sink), "stored in the descriptor field '%s' in coherent DMA memory", e->lhs->text);
		report_cpu_addr(c, e, &e->rhs, sf, kind, sink);
	}
}

/* does the unit set a DMA mask wider than 32 bits? DMA_BIT_MASK(N > 32) or a 64-bit literal */
static const struct ir_event *wide_mask_set(const struct unit *u)
{
	const struct model *m = u->ir.model;
	for (int k = 0; m && k < u->ir.nfuncs; k++) {
		const struct ir_func *f = u->ir.funcs[k];
		for (int i = 0; i < f->ncalls; i++) {
			const struct ir_event *e = f->calls[i];
			const char *cls = e->callee ? model_word_class(m, e->callee, strlen(e->callee)) : NULL;
			if (!cls || strcmp(cls, "dma.mask-setter") || e->nargs < 2 || !e->args[1].text)
				continue;
			const char *t = strstr(e->args[1].text, "DMA_BIT_MASK(");
			if (t && atoi(t + 13) > 32)
				return e;
		}
	}
	return NULL;
}

void check_addr_spaces(struct unit *u, const struct ir_func *f)
{
	struct ctx c = { .u = u, .f = f };
	space_init(&c.sc, &u->ir, f);
	for (int b = 0; b < f->nblocks; b++)
		for (int i = 0; i < f->blocks[b]->nev; i++) {
			const struct ir_event *e = f->blocks[b]->ev[i];
			switch (e->kind) {
			case EV_CALL:
				for (const struct model_fn *r = e->model; r; r = r->next) {
					if (r->derived)
						continue;
					if (r->role == ROLE_ADDR_RAM_ONLY || r->role == ROLE_ADDR_PHYS) {
						check_consumer(&c, e, r);
						break;
					}
					if (r->role == ROLE_MMIO_WRITE) {
						check_mmio_write(&c, e, r);
						break;
					}
				}
				if (model_fn_role(e->model, ROLE_DMA_DEVICE_ADDR))
					check_device_addr(&c, e);
				break;
			case EV_CAST:
				check_cast(&c, e);
				break;
			case EV_ASSIGN:
				check_store(&c, e);
				break;
			default:
				break;
			}
		}
}
