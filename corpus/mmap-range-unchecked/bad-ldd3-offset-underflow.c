/* mmap-range-unchecked (bad): LDD3's "spans too high" check (S0 transliterated): psize = size - off wraps around when the user's offset is past the region, so the check passes and the window starts beyond it. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static unsigned long simple_region_start = 0xfe000000;
static unsigned long simple_region_size = 0x10000;

static int simple_remap_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long physical = simple_region_start + off;
	unsigned long vsize = vma->vm_end - vma->vm_start;
	unsigned long psize = simple_region_size - off;

	if (vsize > psize)
		return -EINVAL; /* spans too high */

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-range-unchecked */
	if (io_remap_pfn_range(vma, vma->vm_start, physical >> PAGE_SHIFT,
			       vsize, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations simple_remap_ops = {
	.owner = THIS_MODULE,
	.mmap = simple_remap_mmap,
};
