/* The direction decides the dirtying: unpin_user_pages_dirty_lock(pages, n, dir != DMA_TO_DEVICE). */
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct hl_userptr {
	struct device *dev;
	struct page **pages;
	unsigned int npages;
	struct sg_table sgt;
	enum dma_data_direction dir;
};

static void hl_unpin_host_memory(struct hl_userptr *up)
{
	dma_unmap_sgtable(up->dev, &up->sgt, DMA_BIDIRECTIONAL, 0);
	sg_free_table(&up->sgt);
	unpin_user_pages_dirty_lock(up->pages, up->npages, up->dir != DMA_TO_DEVICE);
	kvfree(up->pages);
}

static int hl_pin_host_memory(struct hl_userptr *up, u64 addr, u64 size)
{
	int npages = DIV_ROUND_UP(offset_in_page(addr) + size, PAGE_SIZE);
	int rc;

	up->pages = kvmalloc_array(npages, sizeof(*up->pages), GFP_KERNEL);
	if (!up->pages)
		return -ENOMEM;
	rc = pin_user_pages_fast(addr & PAGE_MASK, npages, FOLL_FORCE | FOLL_WRITE | FOLL_LONGTERM, up->pages);
	if (rc != npages) {
		if (rc > 0)
			unpin_user_pages(up->pages, rc);
		kvfree(up->pages);
		return rc < 0 ? rc : -EFAULT;
	}
	up->npages = npages;
	return 0;
}
