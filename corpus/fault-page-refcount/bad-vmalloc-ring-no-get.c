/* fault-page-refcount: a trace ring in vmalloc_user() memory is faulted in page by page; vmalloc_to_page() gives no reference, and none is taken. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/miscdevice.h>

struct trc_ring {
	void *buf;
	size_t size;
	unsigned long npages;
	struct mutex lock;
};

static struct trc_ring trc;

static vm_fault_t trc_vm_fault(struct vm_fault *vmf)
{
	struct trc_ring *r = vmf->vma->vm_private_data;
	struct page *page;

	if (vmf->pgoff >= r->npages)
		return VM_FAULT_SIGBUS;

	page = vmalloc_to_page(r->buf + (vmf->pgoff << PAGE_SHIFT));
	if (!page)
		return VM_FAULT_SIGBUS;

	vmf->page = page;	/* expect-warning fault-page-refcount */
	return 0;
}

static const struct vm_operations_struct trc_vm_ops = {
	.fault = trc_vm_fault,
};

static int trc_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > trc.npages)
		return -EINVAL;

	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_private_data = &trc;
	vma->vm_ops = &trc_vm_ops;
	return 0;
}

static const struct file_operations trc_fops = {
	.owner = THIS_MODULE,
	.mmap = trc_mmap,
};

static struct miscdevice trc_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "trc",
	.fops = &trc_fops,
};

static int __init trc_init(void)
{
	trc.size = 64 * PAGE_SIZE;
	trc.npages = trc.size >> PAGE_SHIFT;
	trc.buf = vmalloc_user(trc.size);
	if (!trc.buf)
		return -ENOMEM;
	mutex_init(&trc.lock);
	return misc_register(&trc_misc);
}
