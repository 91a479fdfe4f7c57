/*
 * check_linear_conversion.c - addr-linear-only-conversion (ADDR-01) and
 * dmac-cpuaddr-treated-as-linear (DMAC-02): virt_to_page(), virt_to_phys(),
 * __pa() and friends (model role linear.convert) are only valid for the
 * kernel's linear map. Flagged when the argument's provenance
 * (analysis/space.c) is the stack, module data, vmalloc space (kvmalloc
 * unless the function tests is_vmalloc_addr()), a kmap or an __iomem mapping
 * (ADDR-01), or the CPU address of coherent DMA memory (DMAC-02). Unknown
 * provenance is never flagged.
 */
#include "../driver/unit.h"
#include "../analysis/space.h"
#include "checks.h"

static const char *what(enum buf_space sp)
{
	switch (sp) {
	case SP_STACK: return "a stack address (vmalloc space with CONFIG_VMAP_STACK)";
	case SP_MODULE: return "module data (a static or global object), which is not in the linear map";
	case SP_KVMAP: return "vmalloc memory; use vmalloc_to_page() or vmalloc_to_pfn()";
	case SP_KVMAP_MAYBE: return "kvmalloc memory, which may be vmalloc memory, and nothing tests is_vmalloc_addr()";
	case SP_KMAP: return "a temporary kmap address; use the struct page it maps";
	case SP_IOMEM: return "an __iomem cookie, not a kernel virtual address; keep the physical address from the resource";
	default: return NULL;
	}
}

void check_linear_conversion(struct unit *u, const struct ir_func *f)
{
	if (!checks_calls_role(f, ROLE_LINEAR_CONVERT))
		return;
	struct space_ctx sc;
	space_init(&sc, &u->ir, f);
	for (int i = 0; i < f->ncalls; i++) {
		const struct ir_event *e = f->calls[i];
		const struct model_fn *r = model_fn_role(e->model, ROLE_LINEAR_CONVERT);
		if (!r || r->derived || r->slot.buf < 0 || r->slot.buf >= e->nargs)
			continue;
		const struct ir_val *a = &e->args[r->slot.buf];
		struct space_fact sf = space_of(&sc, a);
		const char *name = a->text ? a->text : "the address";
		struct dmc_finding *fd = NULL;
		if (sf.sp == SP_COHERENT) {
			fd = unit_report(u, "dmac-cpuaddr-treated-as-linear", f, e->start, e->end,
					 "%s() of '%s', the CPU address of coherent DMA memory, which may be a remap; give the device the DMA handle, and use dma_mmap_coherent()/dma_get_sgtable() for pages",
					 e->callee, name);
		} else if (sf.sp != SP_KVMAP_MAYBE || !sc.space_tested) {
			/* vmalloc memory converted for remap_pfn_range()/vm_insert_page(): mmap-kernel-ram-wrong-method */
			if ((sf.sp == SP_KVMAP || sf.sp == SP_KVMAP_MAYBE) && mmap_ram_exports_conversion(u, f, e))
				continue;
			const char *why = what(sf.sp);
			if (why)
				fd = unit_report(u, "addr-linear-only-conversion", f, e->start, e->end,
						 "%s() only converts linear-map addresses, but '%s' is %s", e->callee, name, why);
		}
		if (fd && sf.origin && sf.origin != e)
			unit_note(u, fd, sf.origin->start, "'%s' comes from here", name);
	}
}
