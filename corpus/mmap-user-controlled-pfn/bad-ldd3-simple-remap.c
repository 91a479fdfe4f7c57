/* mmap-user-controlled-pfn (bad): LDD3's simple_remap_mmap: the mmap offset is the physical page, so /dev/simpler maps any physical memory, a re-implementation of /dev/mem. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static void simple_vma_open(struct vm_area_struct *vma)
{
	pr_notice("Simple VMA open, virt %lx, phys %lx\n", vma->vm_start, vma->vm_pgoff << PAGE_SHIFT);
}

static void simple_vma_close(struct vm_area_struct *vma)
{
	pr_notice("Simple VMA close.\n");
}

static const struct vm_operations_struct simple_remap_vm_ops = {
	.open = simple_vma_open,
	.close = simple_vma_close,
};

static int simple_remap_mmap(struct file *filp, struct vm_area_struct *vma)
{
	/* expect-warning@+1 mmap-user-controlled-pfn */
	if (remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			    vma->vm_end - vma->vm_start,
			    vma->vm_page_prot))
		return -EAGAIN;

	vma->vm_ops = &simple_remap_vm_ops;
	simple_vma_open(vma);
	return 0;
}

static const struct file_operations simple_remap_ops = {
	.owner = THIS_MODULE,
	.mmap = simple_remap_mmap,
};
