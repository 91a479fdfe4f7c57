/* videobuf-dma-sg shape: the short count is stored in the buffer object and the owner's release path unpins it. */
#include <linux/mm.h>

struct vb_dmabuf {
	struct page **pages;
	int nr_pages;
	unsigned long offset;
};

static int vb_dma_init_user_locked(struct vb_dmabuf *dma, unsigned long data, unsigned long size)
{
	unsigned long first = (data & PAGE_MASK) >> PAGE_SHIFT;
	unsigned long last = ((data + size - 1) & PAGE_MASK) >> PAGE_SHIFT;
	int err;

	dma->offset = data & ~PAGE_MASK;
	dma->nr_pages = last - first + 1;
	dma->pages = kmalloc_array(dma->nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!dma->pages)
		return -ENOMEM;

	err = pin_user_pages(data & PAGE_MASK, dma->nr_pages, FOLL_WRITE | FOLL_LONGTERM, dma->pages, NULL);
	if (err != dma->nr_pages) {
		dma->nr_pages = (err >= 0) ? err : 0;
		return err < 0 ? err : -EINVAL;
	}
	return 0;
}

static void vb_dma_free(struct vb_dmabuf *dma)
{
	unpin_user_pages_dirty_lock(dma->pages, dma->nr_pages, true);
	kfree(dma->pages);
	dma->pages = NULL;
}
