/* mmap-range-unchecked (good): the request is clamped to the region (if the VMA asks for more, only the region is mapped), in both common spellings. */
#include <linux/fs.h>
#include <linux/mm.h>

struct sram_part {
	unsigned long pfn;
	unsigned long len;
};

static int sram_part_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sram_part *sp = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff)
		return -EINVAL;
	if (size > sp->len)
		size = sp->len;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, sp->pfn, size, vma->vm_page_prot);
}

static int sram_part_mmap_min(struct file *file, struct vm_area_struct *vma)
{
	struct sram_part *sp = file->private_data;
	unsigned long size = min_t(unsigned long, vma->vm_end - vma->vm_start, sp->len);

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, sp->pfn, size, vma->vm_page_prot);
}

static const struct file_operations sram_part_fops = {
	.owner = THIS_MODULE,
	.mmap = sram_part_mmap,
};

static const struct file_operations sram_part_min_fops = {
	.owner = THIS_MODULE,
	.mmap = sram_part_mmap_min,
};
