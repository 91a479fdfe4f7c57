/* dma-dir-usage-mismatch (good): memset() before a FROM_DEVICE map is not "CPU-produced data", and the reply is read after. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define IDX_ID_ADDR	0x00
#define IDX_ID_GO	0x08
#define IDX_ID_LEN	4096

struct idx_ctrl {
	struct device *dev;
	void __iomem *bar;
	struct completion done;
	char model[41];
};

static int idx_identify(struct idx_ctrl *ic)
{
	dma_addr_t dma;
	u8 *id;
	int ret = 0;

	id = kmalloc(IDX_ID_LEN, GFP_KERNEL);
	if (!id)
		return -ENOMEM;
	memset(id, 0, IDX_ID_LEN);

	dma = dma_map_single(ic->dev, id, IDX_ID_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(ic->dev, dma)) {
		kfree(id);
		return -ENOMEM;
	}

	reinit_completion(&ic->done);
	lo_hi_writeq(dma, ic->bar + IDX_ID_ADDR);
	writel(1, ic->bar + IDX_ID_GO);
	if (!wait_for_completion_timeout(&ic->done, HZ))
		ret = -ETIMEDOUT;
	dma_unmap_single(ic->dev, dma, IDX_ID_LEN, DMA_FROM_DEVICE);

	if (!ret)
		memcpy(ic->model, id + 24, 40);
	kfree(id);
	return ret;
}
