/* dma-map-leak: a goto-ladder whose allocation failure jumps past the unmap label (and so frees the mapped copy). */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define BAR_FW_ADDR_LO	0x100
#define BAR_FW_ADDR_HI	0x104
#define BAR_FW_LEN	0x108
#define BAR_FW_GO	0x10c

struct bar_fw_req {
	struct list_head node;
	u32 len;
};

struct bar_dev {
	struct pci_dev *pdev;
	void __iomem *mmio;
	struct list_head pending;
	spinlock_t lock;
};

static int bar_load_firmware(struct bar_dev *bd, const u8 *fw, size_t fw_len)
{
	struct device *dev = &bd->pdev->dev;
	struct bar_fw_req *req;
	dma_addr_t fw_dma;
	void *copy;
	u32 val;
	int ret;

	copy = kmemdup(fw, fw_len, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;

	fw_dma = dma_map_single(dev, copy, fw_len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, fw_dma)) {
		ret = -ENOMEM;
		goto err_free_copy;
	}

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req) {
		ret = -ENOMEM;
		goto err_free_copy;		/* should be err_unmap */
	}
	req->len = fw_len;

	writel(lower_32_bits(fw_dma), bd->mmio + BAR_FW_ADDR_LO);
	writel(upper_32_bits(fw_dma), bd->mmio + BAR_FW_ADDR_HI);
	writel(fw_len, bd->mmio + BAR_FW_LEN);
	writel(1, bd->mmio + BAR_FW_GO);

	ret = readl_poll_timeout(bd->mmio + BAR_FW_GO, val, !(val & 1), 100, 500000);

	spin_lock(&bd->lock);
	list_add_tail(&req->node, &bd->pending);
	spin_unlock(&bd->lock);

	dma_unmap_single(dev, fw_dma, fw_len, DMA_TO_DEVICE);
	kfree(copy);
	return ret;

err_unmap:
	dma_unmap_single(dev, fw_dma, fw_len, DMA_TO_DEVICE);
err_free_copy:
	kfree(copy); /* expect-warning dma-cpu-access-while-mapped */
	return ret; /* expect-warning dma-map-leak */
}
