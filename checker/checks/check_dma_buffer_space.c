/*
 * check_dma_buffer_space.c - dma-map-non-linear-memory (DMA-11): a buffer
 * handed to dma_map_single() or to a call that DMAs it (model role
 * dma.buffer: sg_set_buf, sg_init_one, usb_control_msg, ...) must be in the
 * kernel's linear map. Flagged: stack, module data, vmalloc space (kvmalloc
 * unless the function tests is_vmalloc_addr()), __iomem, kmap addresses and
 * coherent DMA memory. Unknown provenance is never flagged (analysis/space.c).
 */
#include "../driver/unit.h"
#include "../analysis/space.h"

static const char *why(enum buf_space sp)
{
	switch (sp) {
	case SP_STACK:
		return "is on the stack (vmalloc'ed with CONFIG_VMAP_STACK, and it may share cache lines with other locals); use kmalloc'ed memory";
	case SP_MODULE:
		return "is module data (a static or global object), not in the kernel's linear map; use kmalloc'ed memory";
	case SP_KVMAP:
		return "is vmalloc memory, which the DMA API cannot translate; use kmalloc, or map each page with dma_map_page(vmalloc_to_page())";
	case SP_KVMAP_MAYBE:
		return "may be vmalloc memory (kvmalloc) and nothing tests is_vmalloc_addr(); use kmalloc for DMA buffers";
	case SP_IOMEM:
		return "is an __iomem mapping of device memory, not RAM; use dma_map_resource() with the physical address";
	case SP_KMAP:
		return "is a temporary kmap address; map the page itself with dma_map_page()";
	case SP_COHERENT:
		return "is coherent DMA memory from dma_alloc_coherent(); it already has a DMA address and must not be mapped again";
	default:
		return NULL;
	}
}

static void check_call(struct unit *u, const struct ir_func *f, struct space_ctx *sc,
		       const struct ir_event *e, int slot)
{
	if (slot < 0 || slot >= e->nargs)
		return;
	const struct ir_val *buf = &e->args[slot];
	struct space_fact sf = space_of(sc, buf);
	if (sf.sp == SP_KVMAP_MAYBE && sc->space_tested)
		return;
	const char *reason = why(sf.sp);
	if (!reason)
		return;
	struct dmc_finding *fd = unit_report(u, "dma-map-non-linear-memory", f, e->start, e->end,
					     "'%s' given to %s() %s", buf->text ? buf->text : "the buffer",
					     e->callee, reason);
	if (sf.origin && sf.origin != e)
		unit_note(u, fd, sf.origin->start, "'%s' comes from here", buf->text ? buf->text : "the buffer");
}

void check_dma_buffer_space(struct unit *u, const struct ir_func *f)
{
	struct space_ctx sc;
	int any = 0;
	for (int i = 0; i < f->ncalls && !any; i++)
		for (const struct model_fn *r = f->calls[i]->model; r; r = r->next)
			any |= r->role == ROLE_DMA_BUFFER || (r->role == ROLE_STREAM_MAP && r->kind == KIND_SINGLE);
	if (!any)
		return;  /* the common case in a tree scan */
	space_init(&sc, &u->ir, f);
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		for (const struct model_fn *r = e->model; r; r = r->next) {
			if (r->derived)
				continue;
			if (r->role == ROLE_DMA_BUFFER || (r->role == ROLE_STREAM_MAP && r->kind == KIND_SINGLE))
				check_call(u, f, &sc, e, r->slot.buf);
		}
	}
}
