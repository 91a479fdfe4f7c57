/* addr-linear-only-conversion (good): the engine gets the page through dma_map_page(); the kmap_local_page() address is used only by the CPU. */
#include <linux/highmem.h>
#include <linux/dma-mapping.h>

#define XTS_REG_SRC		0x00
#define XTS_REG_LEN		0x08
#define XTS_REG_GO		0x0c

struct xts_engine {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int xts_crypt_page(struct xts_engine *xe, struct page *page,
			  unsigned int off, unsigned int len, u32 seq)
{
	dma_addr_t src;
	void *vaddr;
	int ret = 0;

	/* the engine expects a sequence number in the first word of the block */
	vaddr = kmap_local_page(page);
	put_unaligned_le32(seq, vaddr + off);
	kunmap_local(vaddr);

	src = dma_map_page(xe->dev, page, off, len, DMA_TO_DEVICE);
	if (dma_mapping_error(xe->dev, src))
		return -ENOMEM;

	reinit_completion(&xe->done);
	lo_hi_writeq(src, xe->regs + XTS_REG_SRC);
	writel(len, xe->regs + XTS_REG_LEN);
	writel(1, xe->regs + XTS_REG_GO);
	if (!wait_for_completion_timeout(&xe->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_page(xe->dev, src, len, DMA_TO_DEVICE);
	return ret;
}
