/* VM_WRITE is refused only when the device was opened read-only: the export is not read-only by design. */
#include <linux/fs.h>
#include <linux/mm.h>

struct cfgspace {
	struct page *page;
	bool writable;
};

static int cfgspace_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cfgspace *cs = file->private_data;

	if ((vma->vm_flags & VM_WRITE) && !cs->writable)
		return -EPERM;
	if (vma->vm_end - vma->vm_start != PAGE_SIZE || vma->vm_pgoff)
		return -EINVAL;
	return vm_insert_page(vma, vma->vm_start, cs->page);
}

static int cfgspace_mmap_ro(struct file *file, struct vm_area_struct *vma)
{
	struct cfgspace *cs = file->private_data;

	/* refuses both: a MAP_SHARED mapping of an O_RDWR file can never gain write */
	if (vma->vm_flags & (VM_WRITE | VM_MAYWRITE))
		return -EPERM;
	return vm_insert_page(vma, vma->vm_start, cs->page);
}

static const struct file_operations cfgspace_fops = {
	.owner = THIS_MODULE,
	.mmap = cfgspace_mmap,
};

static const struct file_operations cfgspace_ro_fops = {
	.owner = THIS_MODULE,
	.mmap = cfgspace_mmap_ro,
};
