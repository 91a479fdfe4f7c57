/* fault-range-unchecked: the page index is recomputed from vmf->address - vma->vm_start and used on the ring's page table without any check. */
#include <linux/fs.h>
#include <linux/mm.h>

struct evring {
	struct page **pg;
	unsigned int nr_pages;
	atomic_t users;
};

static vm_fault_t evring_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct evring *ring = vma->vm_private_data;
	unsigned long off, idx;
	struct page *page;

	off = vmf->address - vma->vm_start;
	idx = off >> PAGE_SHIFT;
	page = ring->pg[idx];	/* expect-warning fault-range-unchecked */
	if (!page)
		return VM_FAULT_SIGBUS;

	get_page(page);
	vmf->page = page;
	return 0;
}

static void evring_vm_close(struct vm_area_struct *vma)
{
	struct evring *ring = vma->vm_private_data;

	atomic_dec(&ring->users);
}

static void evring_vm_open(struct vm_area_struct *vma)
{
	struct evring *ring = vma->vm_private_data;

	atomic_inc(&ring->users);
}

const struct vm_operations_struct evring_vm_ops = {
	.open = evring_vm_open,
	.close = evring_vm_close,
	.fault = evring_fault,
};
