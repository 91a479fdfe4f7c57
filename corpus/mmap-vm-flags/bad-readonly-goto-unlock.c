/* Read-only event log export with a goto ladder: the VM_WRITE rejection never clears VM_MAYWRITE. */
#include <linux/fs.h>
#include <linux/mm.h>

struct evlog {
	struct mutex lock;
	struct page **pages;
	unsigned long npages;
	bool dead;
};

static int evlog_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct evlog *el = file->private_data;
	int ret;

	mutex_lock(&el->lock);
	if (el->dead) {
		ret = -ENODEV;
		goto out;
	}
	if (vma->vm_flags & (VM_WRITE | VM_EXEC)) { /* expect-warning mmap-vm-flags */
		ret = -EACCES;
		goto out;
	}
	ret = vm_map_pages(vma, el->pages, el->npages);
out:
	mutex_unlock(&el->lock);
	return ret;
}

static const struct file_operations evlog_fops = {
	.owner = THIS_MODULE,
	.mmap = evlog_mmap,
};
