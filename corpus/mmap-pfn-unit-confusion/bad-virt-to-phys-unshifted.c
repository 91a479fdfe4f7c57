/* mmap-pfn-unit-confusion (bad): virt_to_phys() of the shared status page is a byte address, passed as the PFN without '>> PAGE_SHIFT'. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct stat_dev {
	unsigned long status_page;
};

static int stat_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct stat_dev *sd = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vma->vm_flags &= ~VM_MAYWRITE;

	/* expect-warning@+1 mmap-pfn-unit-confusion */
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys((void *)sd->status_page),
			       PAGE_SIZE, vma->vm_page_prot);
}

static int stat_init(struct stat_dev *sd)
{
	sd->status_page = get_zeroed_page(GFP_KERNEL);
	if (!sd->status_page)
		return -ENOMEM;
	return 0;
}

static const struct file_operations stat_fops = {
	.owner = THIS_MODULE,
	.mmap = stat_mmap,
};
