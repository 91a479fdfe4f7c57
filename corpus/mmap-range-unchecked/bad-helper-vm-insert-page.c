/* mmap-range-unchecked (bad): the mmap handler hands the VMA to a helper that inserts one page per turn until the VMA is full; nothing compares the VMA with the number of pages the ring has. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define EVQ_PAGES	16

struct evq {
	struct page *pages[EVQ_PAGES];
};

static int evq_map_pages(struct evq *q, struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start;
	unsigned int i = 0;
	int ret;

	while (addr < vma->vm_end) {
		/* expect-warning@+1 mmap-range-unchecked */
		ret = vm_insert_page(vma, addr, q->pages[i]);
		if (ret)
			return ret;
		addr += PAGE_SIZE;
		i++;
	}
	return 0;
}

static int evq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct evq *q = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff)
		return -EINVAL;
	return evq_map_pages(q, vma);
}

static int evq_alloc(struct evq *q)
{
	int i;

	for (i = 0; i < EVQ_PAGES; i++) {
		q->pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!q->pages[i])
			return -ENOMEM;
	}
	return 0;
}

static const struct file_operations evq_fops = {
	.owner = THIS_MODULE,
	.mmap = evq_mmap,
};
