/* dma-use-after-unmap (cross-function): an error branch calls the same-file unmap helper and then jumps to a label that unmaps the handle again. */
#include <linux/dma-mapping.h>
#include <linux/usb.h>
#include <linux/slab.h>

#define HCX_FW_CHUNK	4096
#define HCX_FW_ADDR	0x200
#define HCX_FW_LEN	0x208
#define HCX_FW_CTRL	0x20c
#define HCX_FW_STAT	0x210

struct hcx_hw {
	struct device *dev;
	void __iomem *regs;
};

static void hcx_release_chunk(struct hcx_hw *hw, dma_addr_t dma)
{
	dma_unmap_single(hw->dev, dma, HCX_FW_CHUNK, DMA_TO_DEVICE);
}

int hcx_wait_idle(struct hcx_hw *hw);

static int hcx_load_chunk(struct hcx_hw *hw, const u8 *data, size_t len)
{
	void *chunk;
	dma_addr_t dma;
	int ret;

	chunk = kmemdup(data, HCX_FW_CHUNK, GFP_KERNEL);
	if (!chunk)
		return -ENOMEM;

	dma = dma_map_single(hw->dev, chunk, HCX_FW_CHUNK, DMA_TO_DEVICE);
	if (dma_mapping_error(hw->dev, dma)) {
		ret = -ENOMEM;
		goto out_free;
	}

	lo_hi_writeq(dma, hw->regs + HCX_FW_ADDR);
	writel(len, hw->regs + HCX_FW_LEN);
	writel(1, hw->regs + HCX_FW_CTRL);

	ret = hcx_wait_idle(hw);
	if (ret) {
		dev_err(hw->dev, "firmware chunk timed out\n");
		hcx_release_chunk(hw, dma);
		goto out_unmap;
	}
	if (readl(hw->regs + HCX_FW_STAT) & BIT(1))
		ret = -EIO;

out_unmap:
	dma_unmap_single(hw->dev, dma, HCX_FW_CHUNK, DMA_TO_DEVICE); /* expect-warning dma-use-after-unmap */
out_free:
	kfree(chunk);
	return ret;
}
