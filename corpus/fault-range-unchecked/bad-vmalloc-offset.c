/* fault-range-unchecked: a vmalloc'ed frame store is faulted in with vmalloc_to_page(base + offset) and only the NULL result is tested; past the end that is another vmalloc area. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct fstore {
	void *vbase;
	size_t vsize;
};

static vm_fault_t fstore_fault(struct vm_fault *vmf)
{
	struct fstore *fs = vmf->vma->vm_private_data;
	unsigned long offset = vmf->pgoff << PAGE_SHIFT;
	struct page *page;

	page = vmalloc_to_page(fs->vbase + offset);	/* expect-warning fault-range-unchecked */
	if (!page)
		return VM_FAULT_SIGBUS;

	get_page(page);
	vmf->page = page;
	return 0;
}

/* installed by fstore_main.c */
const struct vm_operations_struct fstore_vm_ops = {
	.fault = fstore_fault,
};
