/* mmap-pfn-unit-confusion (good): vm_iomap_memory() is given the resource's physical byte address, not a PFN. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct timer_page {
	struct resource *res;
};

static int timer_page_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct timer_page *tp = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, tp->res->start, resource_size(tp->res));
}

static const struct file_operations timer_page_fops = {
	.owner = THIS_MODULE,
	.mmap = timer_page_mmap,
};
