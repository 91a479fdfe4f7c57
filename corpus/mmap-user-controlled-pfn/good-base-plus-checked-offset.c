/* mmap-user-controlled-pfn (good): the catalogue's GOOD shape: the PFN is the region's base plus vm_pgoff, and vm_pgoff is compared with the region first. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct fpga_regs {
	phys_addr_t start;
	resource_size_t size;
};

static int fpga_regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct fpga_regs *fr = file->private_data;
	unsigned long npages = fr->size >> PAGE_SHIFT;
	unsigned long len = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start,
				  PHYS_PFN(fr->start) + vma->vm_pgoff, len,
				  vma->vm_page_prot);
}

static const struct file_operations fpga_regs_fops = {
	.owner = THIS_MODULE,
	.mmap = fpga_regs_mmap,
};
