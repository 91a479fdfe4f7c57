/* dma-use-after-unmap (good): one handle variable is unmapped and re-mapped on each iteration; every use is of the fresh mapping. */
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>

#define SGL_ADDR	0x00
#define SGL_LEN		0x08
#define SGL_GO		0x0c
#define SGL_STS		0x10

struct sgl_seg {
	struct list_head node;
	void *data;
	u32 len;
};

struct sgl_dev {
	struct device *dev;
	void __iomem *regs;
};

static int sgl_write_chain(struct sgl_dev *sd, struct list_head *segs)
{
	struct sgl_seg *seg;
	dma_addr_t dma;
	u32 sts;
	int ret;

	list_for_each_entry(seg, segs, node) {
		dma = dma_map_single(sd->dev, seg->data, seg->len, DMA_TO_DEVICE);
		if (dma_mapping_error(sd->dev, dma))
			return -ENOMEM;

		lo_hi_writeq(dma, sd->regs + SGL_ADDR);
		writel(seg->len, sd->regs + SGL_LEN);
		writel(1, sd->regs + SGL_GO);
		ret = readl_poll_timeout(sd->regs + SGL_STS, sts, sts & 1, 10, 10000);
		dma_unmap_single(sd->dev, dma, seg->len, DMA_TO_DEVICE);
		if (ret)
			return ret;
	}
	return 0;
}
