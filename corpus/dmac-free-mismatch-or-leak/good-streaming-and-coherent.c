/* dmac-free-mismatch-or-leak (good): a kmalloc'ed payload is streaming-mapped, unmapped and kfree'd; the coherent descriptor is freed with dma_free_coherent(). */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define HOST_DESC_BYTES		sizeof(struct host_cmd_desc)
#define HOST_REG_DESC		0x50
#define HOST_REG_KICK		0x58

struct host_cmd_desc {
	__le64 data_addr;
	__le32 data_len;
	__le32 opcode;
};

struct host_if {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int host_send_blob(struct host_if *hi, u32 opcode, const void *blob, size_t len)
{
	struct host_cmd_desc *desc;
	dma_addr_t desc_dma, data_dma;
	void *data;
	int ret = 0;

	data = kmemdup(blob, len, GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	desc = dma_alloc_coherent(hi->dev, HOST_DESC_BYTES, &desc_dma, GFP_KERNEL);
	if (!desc) {
		ret = -ENOMEM;
		goto out_kfree;
	}

	data_dma = dma_map_single(hi->dev, data, len, DMA_TO_DEVICE);
	if (dma_mapping_error(hi->dev, data_dma)) {
		ret = -ENOMEM;
		goto out_free_desc;
	}

	desc->data_addr = cpu_to_le64(data_dma);
	desc->data_len = cpu_to_le32(len);
	desc->opcode = cpu_to_le32(opcode);
	dma_wmb();
	reinit_completion(&hi->done);
	lo_hi_writeq(desc_dma, hi->regs + HOST_REG_DESC);
	writel(1, hi->regs + HOST_REG_KICK);
	if (!wait_for_completion_timeout(&hi->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(hi->dev, data_dma, len, DMA_TO_DEVICE);
out_free_desc:
	dma_free_coherent(hi->dev, HOST_DESC_BYTES, desc, desc_dma);
out_kfree:
	kfree(data);
	return ret;
}
