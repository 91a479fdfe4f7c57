/* The catalogue's GOOD order: dma_unmap_sgtable(), sg_free_table(), then unpin_user_pages_dirty_lock(..., true). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct adc_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int adc_capture_to_user(struct adc_dev *adc, unsigned long uaddr, size_t len)
{
	int nr = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	struct page **pages;
	struct sg_table sgt;
	int n, ret;

	pages = kvcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	n = pin_user_pages_fast(uaddr & PAGE_MASK, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (n < 0) {
		ret = n;
		goto out_free;
	}
	if (n != nr) {
		unpin_user_pages(pages, n);
		ret = -EFAULT;
		goto out_free;
	}
	ret = sg_alloc_table_from_pages(&sgt, pages, n, offset_in_page(uaddr), len, GFP_KERNEL);
	if (ret) {
		unpin_user_pages(pages, n);
		goto out_free;
	}
	ret = dma_map_sgtable(adc->dev, &sgt, DMA_FROM_DEVICE, 0);
	if (ret) {
		sg_free_table(&sgt);
		unpin_user_pages(pages, n);
		goto out_free;
	}

	reinit_completion(&adc->done);
	writeq(sg_dma_address(sgt.sgl), adc->regs + 0x20);
	if (!wait_for_completion_timeout(&adc->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sgtable(adc->dev, &sgt, DMA_FROM_DEVICE, 0);
	sg_free_table(&sgt);
	unpin_user_pages_dirty_lock(pages, n, true);
out_free:
	kvfree(pages);
	return ret;
}
