/* mmap-slab-or-uninit-exposure: a vmalloc() histogram buffer is handed to user space page by page from a ->fault handler without ever being zeroed. */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define HIST_BYTES		(32 * PAGE_SIZE)

struct hist_dev {
	struct device *dev;
	u32 *bins;
	unsigned long npages;
	struct mutex lock;
};

static vm_fault_t hist_vm_fault(struct vm_fault *vmf)
{
	struct hist_dev *hd = vmf->vma->vm_private_data;
	struct page *page;

	if (vmf->pgoff >= hd->npages)
		return VM_FAULT_SIGBUS;
	page = vmalloc_to_page((u8 *)hd->bins + (vmf->pgoff << PAGE_SHIFT));
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct hist_vm_ops = {
	.fault = hist_vm_fault,
};

static int hist_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct hist_dev *hd = file->private_data;

	if (vma->vm_pgoff >= hd->npages || vma_pages(vma) > hd->npages - vma->vm_pgoff)
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &hist_vm_ops;
	vma->vm_private_data = hd;
	return 0;
}

static int hist_setup(struct hist_dev *hd)
{
	hd->bins = vmalloc(HIST_BYTES); /* expect-warning mmap-slab-or-uninit-exposure */
	if (!hd->bins)
		return -ENOMEM;
	hd->npages = HIST_BYTES >> PAGE_SHIFT;
	mutex_init(&hd->lock);
	return 0;
}

static const struct file_operations hist_fops = {
	.owner = THIS_MODULE,
	.mmap = hist_mmap,
};
