/* dma-addr-truncation: the catalogue's case: a 64-bit mask, and the handle kept in a u32. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/pci.h>

struct acq {
	struct pci_dev *pdev;
	void __iomem *regs;
	void *buf;
	size_t len;
};

static int acq_probe_dma(struct acq *a)
{
	return dma_set_mask_and_coherent(&a->pdev->dev, DMA_BIT_MASK(64));
}

static int acq_start(struct acq *a)
{
	dma_addr_t h = dma_map_single(&a->pdev->dev, a->buf, a->len, DMA_FROM_DEVICE);
	u32 addr;

	if (dma_mapping_error(&a->pdev->dev, h))
		return -ENOMEM;
	addr = h;			/* expect-warning dma-addr-truncation */
	writel(addr, a->regs + 0x40);
	writel(a->len, a->regs + 0x44);
	dma_unmap_single(&a->pdev->dev, h, a->len, DMA_FROM_DEVICE);
	return 0;
}
