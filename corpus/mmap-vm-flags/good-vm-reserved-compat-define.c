/* Out-of-tree style compat shim: VM_RESERVED is defined locally as VM_DONTEXPAND | VM_DONTDUMP. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

#ifndef VM_RESERVED
#define VM_RESERVED (VM_DONTEXPAND | VM_DONTDUMP)
#endif

struct hbuf {
	void *vaddr;               /* vmalloc_user() */
};

static int hbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct hbuf *hb = file->private_data;

	vma->vm_flags |= VM_RESERVED;
	return remap_vmalloc_range(vma, hb->vaddr, vma->vm_pgoff);
}

static const struct file_operations hbuf_fops = {
	.owner = THIS_MODULE,
	.mmap = hbuf_mmap,
};
