/* fault-page-refcount: the same-file lookup helper returns a bare page; the handler takes its reference and tags the page before returning it. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/list.h>

struct twin {
	struct list_head entry;
	unsigned long pgoff;
	unsigned long nr_pages;
	struct page **pages;
};

struct tbuf {
	struct list_head win_list;
	unsigned long nr_pages;
};

static struct page *tbuf_get_page(struct tbuf *tb, unsigned long pgoff)
{
	struct twin *win;

	if (pgoff >= tb->nr_pages)
		return NULL;

	list_for_each_entry(win, &tb->win_list, entry) {
		if (pgoff < win->pgoff + win->nr_pages)
			return win->pages[pgoff - win->pgoff];
	}

	return NULL;
}

static vm_fault_t tbuf_mmap_fault(struct vm_fault *vmf)
{
	struct tbuf *tb = vmf->vma->vm_file->private_data;

	vmf->page = tbuf_get_page(tb, vmf->pgoff);
	if (!vmf->page)
		return VM_FAULT_SIGBUS;

	get_page(vmf->page);
	vmf->page->mapping = vmf->vma->vm_file->f_mapping;
	vmf->page->index = vmf->pgoff;

	return 0;
}

static const struct vm_operations_struct tbuf_mmap_ops = {
	.fault = tbuf_mmap_fault,
};
