/* dma-dir-usage-mismatch (good): a buffer written before the map and read after the unmap is mapped BIDIRECTIONAL. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define AQX_ADDR	0x00
#define AQX_KICK	0x08

struct aqx_desc {
	__le16 opcode;
	__le16 retval;
	__le32 param[3];
};

struct aqx_hw {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int aqx_get_version(struct aqx_hw *hw, u32 *ver)
{
	struct aqx_desc *d;
	dma_addr_t dma;
	int ret = 0;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->opcode = cpu_to_le16(0x0001);

	dma = dma_map_single(hw->dev, d, sizeof(*d), DMA_BIDIRECTIONAL);
	if (dma_mapping_error(hw->dev, dma)) {
		kfree(d);
		return -ENOMEM;
	}

	reinit_completion(&hw->done);
	lo_hi_writeq(dma, hw->regs + AQX_ADDR);
	writel(1, hw->regs + AQX_KICK);
	if (!wait_for_completion_timeout(&hw->done, HZ))
		ret = -ETIMEDOUT;
	dma_unmap_single(hw->dev, dma, sizeof(*d), DMA_BIDIRECTIONAL);

	if (!ret) {
		if (le16_to_cpu(d->retval))
			ret = -EIO;
		else
			*ver = le32_to_cpu(d->param[0]);
	}
	kfree(d);
	return ret;
}
