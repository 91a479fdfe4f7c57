/* mmap-pfn-unit-confusion (bad): LDD3's erratum (S0 "Remapping Specific I/O Regions"): the byte address 'physical' is passed where remap_pfn_range() wants a page frame number. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static unsigned long simple_region_start = 0xfe000000;
static unsigned long simple_region_size = 0x10000;

static int simple_region_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long physical = simple_region_start + off;
	unsigned long vsize = vma->vm_end - vma->vm_start;

	if (off >= simple_region_size || vsize > simple_region_size - off)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-pfn-unit-confusion */
	if (io_remap_pfn_range(vma, vma->vm_start, physical, vsize, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations simple_region_ops = {
	.owner = THIS_MODULE,
	.mmap = simple_region_mmap,
};
