/* dma-dir-none-or-invalid: a port from pci_map_single() kept the PCI_DMA_* constants removed in 5.18. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define OLDX_TX_ADDR	0x10
#define OLDX_TX_LEN	0x14
#define OLDX_TX_CMD	0x18

struct oldx_card {
	struct pci_dev *pdev;
	void __iomem *ioaddr;
	struct completion tx_done;
};

static int oldx_tx_block(struct oldx_card *card, void *data, unsigned int len)
{
	dma_addr_t bus;
	int ret = 0;

	bus = dma_map_single(&card->pdev->dev, data, len, PCI_DMA_TODEVICE); /* expect-warning dma-dir-none-or-invalid */
	if (dma_mapping_error(&card->pdev->dev, bus))
		return -ENOMEM;

	reinit_completion(&card->tx_done);
	writel(lower_32_bits(bus), card->ioaddr + OLDX_TX_ADDR);
	writel(len, card->ioaddr + OLDX_TX_LEN);
	writel(1, card->ioaddr + OLDX_TX_CMD);
	if (!wait_for_completion_timeout(&card->tx_done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(&card->pdev->dev, bus, len, PCI_DMA_TODEVICE); /* expect-warning dma-dir-none-or-invalid */
	return ret;
}
