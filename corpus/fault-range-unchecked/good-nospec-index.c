/* fault-range-unchecked: a hardened handler bounds the index and clamps it with array_index_nospec() before the lookup; also a read-only mkwrite hook that never indexes. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/nospec.h>

struct secbuf {
	struct page **pages;
	unsigned long npages;
};

static vm_fault_t secbuf_fault(struct vm_fault *vmf)
{
	struct secbuf *sb = vmf->vma->vm_private_data;
	unsigned long idx = vmf->pgoff;

	if (idx >= sb->npages)
		return VM_FAULT_SIGBUS;
	idx = array_index_nospec(idx, sb->npages);

	vmf->page = sb->pages[idx];
	get_page(vmf->page);
	return 0;
}

static vm_fault_t secbuf_mkwrite(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct secbuf_vm_ops = {
	.fault = secbuf_fault,
	.page_mkwrite = secbuf_mkwrite,
};
