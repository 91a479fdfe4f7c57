/* The handle is split into two registers. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/pci.h>

struct acq {
	struct pci_dev *pdev;
	void __iomem *regs;
	dma_addr_t h;
};

static int acq_setup(struct acq *a, void *buf, size_t len)
{
	if (dma_set_mask_and_coherent(&a->pdev->dev, DMA_BIT_MASK(64)))
		return -EIO;
	a->h = dma_map_single(&a->pdev->dev, buf, len, DMA_FROM_DEVICE);
	if (dma_mapping_error(&a->pdev->dev, a->h))
		return -ENOMEM;
	writel(lower_32_bits(a->h), a->regs + 0x40);
	writel(upper_32_bits(a->h), a->regs + 0x44);
	return 0;
}
