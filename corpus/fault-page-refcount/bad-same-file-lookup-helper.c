/* fault-page-refcount: a window buffer's page lookup lives in a same-file helper that returns the page without a reference; the fault handler passes it on as is. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/list.h>

struct hwt_win {
	struct list_head entry;
	unsigned long pgoff;
	unsigned long nr_pages;
	struct page **pages;
};

struct hwt_buf {
	struct list_head win_list;
	unsigned long nr_pages;
	struct mutex buf_mutex;
};

static struct page *hwt_buffer_get_page(struct hwt_buf *hb, unsigned long pgoff)
{
	struct hwt_win *win;

	if (pgoff >= hb->nr_pages)
		return NULL;

	list_for_each_entry(win, &hb->win_list, entry) {
		if (pgoff < win->pgoff + win->nr_pages)
			return win->pages[pgoff - win->pgoff];
	}

	return NULL;
}

static vm_fault_t hwt_mmap_fault(struct vm_fault *vmf)
{
	struct hwt_buf *hb = vmf->vma->vm_file->private_data;
	struct page *page;

	page = hwt_buffer_get_page(hb, vmf->pgoff);
	if (!page)
		return VM_FAULT_SIGBUS;

	vmf->page = page;	/* expect-warning fault-page-refcount */
	return 0;
}

static const struct vm_operations_struct hwt_mmap_ops = {
	.fault = hwt_mmap_fault,
};
