/* Half-finished port: vm_flags_set() is used, but with the long-gone VM_RESERVED. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct logbuf {
	void *vaddr;               /* vmalloc_user() */
	size_t size;
};

static int logbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct logbuf *lb = file->private_data;

	vm_flags_set(vma, VM_DONTEXPAND | VM_RESERVED); /* expect-warning mmap-vm-flags */
	return remap_vmalloc_range(vma, lb->vaddr, vma->vm_pgoff);
}

static const struct file_operations logbuf_fops = {
	.owner = THIS_MODULE,
	.mmap = logbuf_mmap,
};
