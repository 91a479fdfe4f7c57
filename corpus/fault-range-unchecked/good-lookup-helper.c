/* fault-range-unchecked: the offset goes to the driver's own lookup helper, which walks the window list and returns NULL past the end; the handler maps nothing itself with the raw offset. */
#include <linux/fs.h>
#include <linux/mm.h>

struct msc_win;
struct msc_buf {
	struct list_head win_list;
	unsigned long nr_pages;
};

struct page *msc_get_page(struct msc_buf *msc, unsigned long pgoff);

static vm_fault_t msc_fault(struct vm_fault *vmf)
{
	struct msc_buf *msc = vmf->vma->vm_file->private_data;
	struct page *page;

	page = msc_get_page(msc, vmf->pgoff);
	if (!page)
		return VM_FAULT_SIGBUS;

	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct msc_vm_ops = {
	.fault = msc_fault,
};
