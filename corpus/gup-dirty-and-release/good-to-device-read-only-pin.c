/* A read-only pin for a transfer to the device: nothing was written, unpin_user_pages() without dirtying is right. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct tx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int tx_send_user(struct tx_dev *td, unsigned long uaddr, size_t len)
{
	int nr = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	struct page *pages[16];
	struct sg_table sgt;
	int n, ret;

	if (nr > 16)
		return -E2BIG;
	n = pin_user_pages_fast(uaddr & PAGE_MASK, nr, 0, pages);
	if (n < 0)
		return n;
	if (n != nr) {
		ret = -EFAULT;
		goto out_unpin;
	}
	ret = sg_alloc_table_from_pages(&sgt, pages, n, offset_in_page(uaddr), len, GFP_KERNEL);
	if (ret)
		goto out_unpin;
	ret = dma_map_sgtable(td->dev, &sgt, DMA_TO_DEVICE, 0);
	if (ret)
		goto out_sgt;
	reinit_completion(&td->done);
	writeq(sg_dma_address(sgt.sgl), td->regs);
	wait_for_completion(&td->done);
	dma_unmap_sgtable(td->dev, &sgt, DMA_TO_DEVICE, 0);
out_sgt:
	sg_free_table(&sgt);
out_unpin:
	unpin_user_pages(pages, n);
	return ret;
}
