/* fault-page-refcount: a legacy capture layer backs anonymous-like mappings with a fresh alloc_page() per fault; the allocation's own reference goes to the core. */
#include <linux/mm.h>
#include <linux/highmem.h>

struct vbuf_mapping {
	unsigned int count;
	struct vbuf_queue *q;
};

static vm_fault_t vbuf_vm_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;

	pr_debug("fault @ %08lx [vma %08lx-%08lx]\n",
		 vmf->address, vma->vm_start, vma->vm_end);

	page = alloc_page(GFP_USER | __GFP_DMA32);
	if (!page)
		return VM_FAULT_OOM;
	clear_user_highpage(page, vmf->address);
	vmf->page = page;

	return 0;
}

static void vbuf_vm_open(struct vm_area_struct *vma)
{
	struct vbuf_mapping *map = vma->vm_private_data;

	map->count++;
}

static void vbuf_vm_close(struct vm_area_struct *vma)
{
	struct vbuf_mapping *map = vma->vm_private_data;

	map->count--;
}

static const struct vm_operations_struct vbuf_vm_ops = {
	.open = vbuf_vm_open,
	.close = vbuf_vm_close,
	.fault = vbuf_vm_fault,
};
