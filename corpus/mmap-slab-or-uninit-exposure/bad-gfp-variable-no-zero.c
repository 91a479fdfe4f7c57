/* mmap-slab-or-uninit-exposure: the GFP mask kept in a local lacks __GFP_ZERO, and the pages from alloc_pages() are mapped with vm_map_pages() uninitialised. */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define MB_ORDER		4
#define MB_PAGES		(1 << MB_ORDER)

struct mb_ctx {
	struct page *block;
	struct page *pages[MB_PAGES];
};

static int mb_alloc_block(struct mb_ctx *mb)
{
	gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | __GFP_RETRY_MAYFAIL;
	struct page *block;
	int i;

	block = alloc_pages(gfp, MB_ORDER); /* expect-warning mmap-slab-or-uninit-exposure */
	if (!block)
		return -ENOMEM;
	split_page(block, MB_ORDER);
	for (i = 0; i < MB_PAGES; i++)
		mb->pages[i] = block + i;
	mb->block = block;
	return 0;
}

static int mb_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct mb_ctx *mb = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return vm_map_pages(vma, mb->pages, MB_PAGES);
}

static const struct file_operations mb_fops = {
	.owner = THIS_MODULE,
	.mmap = mb_mmap,
};
