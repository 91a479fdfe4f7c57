/* mmap-slab-or-uninit-exposure: pages from alloc_page(GFP_KERNEL) are inserted into the user mapping with vm_insert_page() before anything writes them. */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define PB_MAX_PAGES		256

struct pb_buf {
	struct page **pages;
	unsigned int npages;
};

static int pb_alloc(struct pb_buf *pb, unsigned int npages)
{
	unsigned int i;

	if (!npages || npages > PB_MAX_PAGES)
		return -EINVAL;
	pb->pages = kcalloc(npages, sizeof(*pb->pages), GFP_KERNEL);
	if (!pb->pages)
		return -ENOMEM;
	for (i = 0; i < npages; i++) {
		pb->pages[i] = alloc_page(GFP_KERNEL); /* expect-warning mmap-slab-or-uninit-exposure */
		if (!pb->pages[i])
			goto err;
	}
	pb->npages = npages;
	return 0;
err:
	while (i--)
		__free_page(pb->pages[i]);
	kfree(pb->pages);
	pb->pages = NULL;
	return -ENOMEM;
}

static int pb_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pb_buf *pb = file->private_data;
	unsigned long uaddr = vma->vm_start;
	unsigned long i;
	int ret;

	if (vma->vm_pgoff >= pb->npages || vma_pages(vma) > pb->npages - vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	for (i = 0; i < vma_pages(vma); i++) {
		ret = vm_insert_page(vma, uaddr, pb->pages[vma->vm_pgoff + i]);
		if (ret)
			return ret;
		uaddr += PAGE_SIZE;
	}
	return 0;
}

static const struct file_operations pb_fops = {
	.owner = THIS_MODULE,
	.mmap = pb_mmap,
};
