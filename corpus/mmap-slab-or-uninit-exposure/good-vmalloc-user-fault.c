/* mmap-slab-or-uninit-exposure (good): a vmalloc_user() buffer (zeroed) is handed out page by page from a ->fault handler. */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define PERF_PAGES		64

struct perf_file {
	void *area;
	unsigned long npages;
};

static vm_fault_t perf_vm_fault(struct vm_fault *vmf)
{
	struct perf_file *pf = vmf->vma->vm_private_data;
	struct page *page;

	if (vmf->pgoff >= pf->npages)
		return VM_FAULT_SIGBUS;
	page = vmalloc_to_page(pf->area + (vmf->pgoff << PAGE_SHIFT));
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct perf_vm_ops = {
	.fault = perf_vm_fault,
};

static int perf_open(struct inode *inode, struct file *file)
{
	struct perf_file *pf = kzalloc(sizeof(*pf), GFP_KERNEL);

	if (!pf)
		return -ENOMEM;
	pf->npages = PERF_PAGES;
	pf->area = vmalloc_user(pf->npages << PAGE_SHIFT);
	if (!pf->area) {
		kfree(pf);
		return -ENOMEM;
	}
	file->private_data = pf;
	return 0;
}

static int perf_release(struct inode *inode, struct file *file)
{
	struct perf_file *pf = file->private_data;

	vfree(pf->area);
	kfree(pf);
	return 0;
}

static int perf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct perf_file *pf = file->private_data;

	if (vma->vm_pgoff >= pf->npages || vma_pages(vma) > pf->npages - vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &perf_vm_ops;
	vma->vm_private_data = pf;
	return 0;
}

static const struct file_operations perf_fops = {
	.owner = THIS_MODULE,
	.open = perf_open,
	.release = perf_release,
	.mmap = perf_mmap,
};
