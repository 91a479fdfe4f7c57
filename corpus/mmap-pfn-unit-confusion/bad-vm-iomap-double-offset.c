/* mmap-pfn-unit-confusion (bad): vme-style: the window's address already includes the user's offset, and vm_iomap_memory() adds vm_pgoff again, so every mmap() with a non-zero offset fails (or maps the wrong window). */
#include <linux/mm.h>
#include <linux/ioport.h>

struct bridge_window {
	struct resource bus_resource;
};

int bridge_window_mmap(struct bridge_window *win, struct vm_area_struct *vma)
{
	phys_addr_t phys_addr;
	unsigned long vma_size;

	phys_addr = win->bus_resource.start + (vma->vm_pgoff << PAGE_SHIFT);
	vma_size = vma->vm_end - vma->vm_start;

	if (phys_addr + vma_size > win->bus_resource.end + 1)
		return -EFAULT;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-pfn-unit-confusion */
	return vm_iomap_memory(vma, phys_addr, vma->vm_end - vma->vm_start);
}
