/* The device wrote into the pinned pages (DMA_FROM_DEVICE), but they are unpinned without being marked dirty. */
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
	n = pin_user_pages_fast(uaddr & PAGE_MASK, nr, FOLL_WRITE, pages);
	if (n < 0) {
		ret = n;
		goto out_free;
	}
	if (n != nr) {
		ret = -EFAULT;
		goto out_unpin;
	}
	ret = sg_alloc_table_from_pages(&sgt, pages, n, offset_in_page(uaddr), len, GFP_KERNEL);
	if (ret)
		goto out_unpin;
	ret = dma_map_sgtable(adc->dev, &sgt, DMA_FROM_DEVICE, 0);
	if (ret)
		goto out_sgt;

	reinit_completion(&adc->done);
	writeq(sg_dma_address(sgt.sgl), adc->regs + 0x20);
	writel(len, adc->regs + 0x28);
	if (!wait_for_completion_timeout(&adc->done, HZ))
		ret = -ETIMEDOUT;
	dma_unmap_sgtable(adc->dev, &sgt, DMA_FROM_DEVICE, 0);
out_sgt:
	sg_free_table(&sgt);
out_unpin:
	unpin_user_pages(pages, n); /* expect-warning gup-dirty-and-release */
out_free:
	kvfree(pages);
	return ret;
}
