/* dma-use-after-unmap (cross-function): a timeout path unmaps through a helper and then tells the device to abort using the dead handle. */
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>

#define ZQ_SQ_ADDR_LO	0x40
#define ZQ_SQ_ADDR_HI	0x44
#define ZQ_SQ_CTRL	0x48
#define ZQ_SQ_ABORT	0x4c
#define ZQ_SQ_STATUS	0x50
#define ZQ_SQ_DONE	BIT(0)

struct zq_ctrl {
	struct device *dev;
	void __iomem *bar;
};

static dma_addr_t zq_map_sqe(struct zq_ctrl *zc, void *sqe, size_t len)
{
	dma_addr_t addr;

	addr = dma_map_single(zc->dev, sqe, len, DMA_TO_DEVICE);
	if (dma_mapping_error(zc->dev, addr))
		return DMA_MAPPING_ERROR;
	return addr;
}

static void zq_unmap_sqe(struct zq_ctrl *zc, dma_addr_t addr, size_t len)
{
	dma_unmap_single(zc->dev, addr, len, DMA_TO_DEVICE);
}

int zq_submit_admin(struct zq_ctrl *zc, void *sqe, size_t len)
{
	dma_addr_t addr;
	u32 sts;
	int ret;

	addr = zq_map_sqe(zc, sqe, len);
	if (addr == DMA_MAPPING_ERROR)
		return -ENOMEM;

	writel(lower_32_bits(addr), zc->bar + ZQ_SQ_ADDR_LO);
	writel(upper_32_bits(addr), zc->bar + ZQ_SQ_ADDR_HI);
	writel(1, zc->bar + ZQ_SQ_CTRL);

	ret = readl_poll_timeout(zc->bar + ZQ_SQ_STATUS, sts, sts & ZQ_SQ_DONE, 10, 100000);
	zq_unmap_sqe(zc, addr, len);
	if (ret) {
		dev_warn(zc->dev, "admin command timed out, aborting\n");
		writel(lower_32_bits(addr), zc->bar + ZQ_SQ_ABORT); /* expect-warning dma-use-after-unmap */
		return ret;
	}
	return 0;
}
