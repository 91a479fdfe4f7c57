/* Read-only firmware status page: VM_WRITE is refused, but VM_MAYWRITE stays, so mprotect() can upgrade it. */
#include <linux/fs.h>
#include <linux/mm.h>

struct fwstat {
	struct page *page;
};

static int fwstat_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct fwstat *fs = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE) /* expect-warning mmap-vm-flags */
		return -EPERM;
	if (!fs->page)
		return -ENODEV;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	return vm_insert_page(vma, vma->vm_start, fs->page);
}

static const struct file_operations fwstat_fops = {
	.owner = THIS_MODULE,
	.mmap = fwstat_mmap,
};
