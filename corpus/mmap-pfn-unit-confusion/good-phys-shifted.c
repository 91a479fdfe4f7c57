/* mmap-pfn-unit-confusion (good): the physical byte address is converted with PHYS_PFN() (or '>> PAGE_SHIFT') before it is used as a page frame number, and vm_pgoff is added in page units. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/of_reserved_mem.h>

struct carveout {
	struct reserved_mem *rmem;
};

static int carveout_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct carveout *co = file->private_data;
	phys_addr_t base = co->rmem->base;
	unsigned long npages = co->rmem->size >> PAGE_SHIFT;
	unsigned long pfn;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	pfn = PHYS_PFN(base) + vma->vm_pgoff;
	vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, pfn, vma->vm_end - vma->vm_start,
				  vma->vm_page_prot);
}

static const struct file_operations carveout_fops = {
	.owner = THIS_MODULE,
	.mmap = carveout_mmap,
};
