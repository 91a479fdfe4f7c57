/* dma-addr-truncation: a buffer handle stored into a 32-bit descriptor field. */
#include <linux/dma-mapping.h>
#include <linux/pci.h>

struct hw_bd {
	__le32 addr;
	__le32 len;
};

struct bd_ring {
	struct device *dev;
	struct hw_bd *bd;
	unsigned int prod;
};

static int bd_probe(struct pci_dev *pdev)
{
	if (dma_set_mask(&pdev->dev, DMA_BIT_MASK(64)))
		return -EIO;
	return 0;
}

static int bd_post(struct bd_ring *r, void *buf, u32 len)
{
	struct hw_bd *bd = &r->bd[r->prod];
	dma_addr_t h = dma_map_single(r->dev, buf, len, DMA_TO_DEVICE);

	if (dma_mapping_error(r->dev, h))
		return -ENOMEM;
	bd->addr = cpu_to_le32(h);	/* expect-warning dma-addr-truncation */
	bd->len = cpu_to_le32(len);
	r->prod++;
	return 0;
}
