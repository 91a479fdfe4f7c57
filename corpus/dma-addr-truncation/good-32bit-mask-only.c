/* The device has 32-bit address registers and sets a 32-bit mask: handles fit in a u32. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/pci.h>

struct old_nic {
	struct pci_dev *pdev;
	void __iomem *regs;
	dma_addr_t rx_dma;
};

static int old_nic_probe(struct old_nic *n)
{
	if (dma_set_mask_and_coherent(&n->pdev->dev, DMA_BIT_MASK(32)))
		return -EIO;
	writel(n->rx_dma, n->regs + 0x10);
	return 0;
}
