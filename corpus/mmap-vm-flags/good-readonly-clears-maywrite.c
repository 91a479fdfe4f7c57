/* Read-only export on 6.1: reject VM_WRITE and clear VM_MAYWRITE with a direct write (correct before 6.3). */
#include <linux/fs.h>
#include <linux/mm.h>

struct romtab {
	struct page **pages;
	unsigned long npages;
};

static int romtab_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct romtab *rt = file->private_data;

	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vma->vm_flags &= ~VM_MAYWRITE;

	return vm_map_pages(vma, rt->pages, rt->npages);
}

static const struct file_operations romtab_fops = {
	.owner = THIS_MODULE,
	.mmap = romtab_mmap,
};
