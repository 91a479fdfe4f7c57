/* mmap-user-controlled-pfn (bad): the "physical address" given to vm_iomap_memory() is the user's own offset, so the range it checks is the range the user asked for. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

struct pmon {
	void __iomem *regs;
	unsigned long win_len;
};

static int pmon_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pmon *pm = file->private_data;
	phys_addr_t phys = (phys_addr_t)vma->vm_pgoff << PAGE_SHIFT;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* expect-warning@+1 mmap-user-controlled-pfn */
	return vm_iomap_memory(vma, phys, pm->win_len);
}

static const struct file_operations pmon_fops = {
	.owner = THIS_MODULE,
	.mmap = pmon_mmap,
};
