/* dmac-free-mismatch-or-leak (good): a write-combined command stream from dma_alloc_wc() is released with dma_free_wc(). */
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>

#define GPU_CS_SIZE		SZ_64K
#define GPU_REG_CS_BASE		0x100
#define GPU_REG_CS_LEN		0x108
#define GPU_REG_CS_STATUS	0x10c
#define GPU_CS_IDLE		BIT(0)

struct gpu_dev {
	struct device *dev;
	void __iomem *mmio;
};

static int gpu_run_init_stream(struct gpu_dev *gdev, const u32 *cmds, size_t ndw)
{
	dma_addr_t cs_dma;
	u32 *cs, status;
	int ret;

	if (ndw * sizeof(u32) > GPU_CS_SIZE)
		return -E2BIG;

	cs = dma_alloc_wc(gdev->dev, GPU_CS_SIZE, &cs_dma, GFP_KERNEL);
	if (!cs)
		return -ENOMEM;

	memcpy(cs, cmds, ndw * sizeof(u32));
	wmb();	/* drain the write-combining buffer before the doorbell */

	lo_hi_writeq(cs_dma, gdev->mmio + GPU_REG_CS_BASE);
	writel(ndw, gdev->mmio + GPU_REG_CS_LEN);

	ret = readl_poll_timeout(gdev->mmio + GPU_REG_CS_STATUS, status,
				 status & GPU_CS_IDLE, 10, 100000);
	if (ret)
		dev_err(gdev->dev, "init stream timed out\n");

	dma_free_wc(gdev->dev, GPU_CS_SIZE, cs, cs_dma);
	return ret;
}
