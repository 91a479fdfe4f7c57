/* fault-page-refcount: a trace-buffer window looks its page up through a driver helper (unknown ownership), then takes its own reference and tags the page for page_mkclean(). */
#include <linux/fs.h>
#include <linux/mm.h>

struct msc_buf;

struct msc_iter {
	struct msc_buf *msc;
};

struct page *msc_buffer_get_page(struct msc_buf *msc, unsigned long pgoff);

static vm_fault_t msc_mmap_fault(struct vm_fault *vmf)
{
	struct msc_iter *iter = vmf->vma->vm_file->private_data;
	struct msc_buf *msc = iter->msc;

	vmf->page = msc_buffer_get_page(msc, vmf->pgoff);
	if (!vmf->page)
		return VM_FAULT_SIGBUS;

	get_page(vmf->page);
	vmf->page->mapping = vmf->vma->vm_file->f_mapping;
	vmf->page->index = vmf->pgoff;

	return 0;
}

static const struct vm_operations_struct msc_mmap_ops = {
	.fault = msc_mmap_fault,
};
