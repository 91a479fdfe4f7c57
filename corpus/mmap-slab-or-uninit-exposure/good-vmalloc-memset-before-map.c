/* mmap-slab-or-uninit-exposure (good): a vmalloc() frame store is cleared with memset() before the ->fault handler hands its pages out. */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define VS_FRAME_BYTES		(720 * 576 * 2)
#define VS_NFRAMES		8

struct vs_dev {
	void *frames;
	unsigned long npages;
	struct mutex lock;
};

static int vs_alloc_frames(struct vs_dev *vs)
{
	unsigned long bytes = PAGE_ALIGN(VS_FRAME_BYTES * VS_NFRAMES);

	vs->frames = vmalloc(bytes);
	if (!vs->frames)
		return -ENOMEM;
	memset(vs->frames, 0, bytes);
	vs->npages = bytes >> PAGE_SHIFT;
	return 0;
}

static vm_fault_t vs_vm_fault(struct vm_fault *vmf)
{
	struct vs_dev *vs = vmf->vma->vm_private_data;
	struct page *page;

	if (vmf->pgoff >= vs->npages)
		return VM_FAULT_SIGBUS;
	page = vmalloc_to_page(vs->frames + (vmf->pgoff << PAGE_SHIFT));
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct vs_vm_ops = {
	.fault = vs_vm_fault,
};

static int vs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct vs_dev *vs = file->private_data;

	if (vma->vm_pgoff >= vs->npages || vma_pages(vma) > vs->npages - vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &vs_vm_ops;
	vma->vm_private_data = vs;
	return 0;
}

static const struct file_operations vs_fops = {
	.owner = THIS_MODULE,
	.mmap = vs_mmap,
};
