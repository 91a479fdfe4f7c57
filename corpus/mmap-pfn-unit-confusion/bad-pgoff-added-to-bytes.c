/* mmap-pfn-unit-confusion (bad): vm_pgoff counts pages but is added to the physical byte address before the shift, so offset N lands N bytes (not N pages) into the region. */
#include <linux/fs.h>
#include <linux/mm.h>

struct shm_win {
	phys_addr_t phys;
	unsigned long npages;
};

static int shm_win_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shm_win *sw = file->private_data;

	if (vma->vm_pgoff >= sw->npages || vma_pages(vma) > sw->npages - vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-pfn-unit-confusion */
	return io_remap_pfn_range(vma, vma->vm_start, (sw->phys + vma->vm_pgoff) >> PAGE_SHIFT,
				  vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations shm_win_fops = {
	.owner = THIS_MODULE,
	.mmap = shm_win_mmap,
};
