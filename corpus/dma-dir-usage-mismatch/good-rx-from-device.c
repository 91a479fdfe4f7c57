/* dma-dir-usage-mismatch (good): a freshly allocated receive buffer mapped FROM_DEVICE and parsed after the unmap. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define IRX_RX_ADDR	0x00
#define IRX_RX_LEN	0x08
#define IRX_RX_GO	0x0c
#define IRX_MAX		512

struct irx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
	u16 last_code;
};

static int irx_receive(struct irx_dev *ir)
{
	dma_addr_t h;
	u8 *rxbuf;
	int ret = 0;

	rxbuf = kmalloc(IRX_MAX, GFP_KERNEL);
	if (!rxbuf)
		return -ENOMEM;

	h = dma_map_single(ir->dev, rxbuf, IRX_MAX, DMA_FROM_DEVICE);
	if (dma_mapping_error(ir->dev, h)) {
		kfree(rxbuf);
		return -ENOMEM;
	}

	reinit_completion(&ir->done);
	writel(lower_32_bits(h), ir->regs + IRX_RX_ADDR);
	writel(IRX_MAX, ir->regs + IRX_RX_LEN);
	writel(1, ir->regs + IRX_RX_GO);
	if (!wait_for_completion_timeout(&ir->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(ir->dev, h, IRX_MAX, DMA_FROM_DEVICE);
	if (!ret)
		ir->last_code = rxbuf[0] | rxbuf[1] << 8;
	kfree(rxbuf);
	return ret;
}
