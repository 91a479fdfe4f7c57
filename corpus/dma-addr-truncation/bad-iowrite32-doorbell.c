/* dma-addr-truncation: the command block address is written with iowrite32() only. */
#include <linux/dma-mapping.h>
#include <linux/pci.h>

struct cmd_q {
	struct pci_dev *pdev;
	void __iomem *bar;
	void *cmds;
	dma_addr_t cmds_dma;
};

static int cq_setup(struct cmd_q *q)
{
	if (dma_set_mask_and_coherent(&q->pdev->dev, DMA_BIT_MASK(64)) &&
	    dma_set_mask_and_coherent(&q->pdev->dev, DMA_BIT_MASK(32)))
		return -EIO;
	q->cmds = dma_alloc_coherent(&q->pdev->dev, 8192, &q->cmds_dma, GFP_KERNEL);
	if (!q->cmds)
		return -ENOMEM;
	return 0;
}

static void cq_kick(struct cmd_q *q, unsigned int slot)
{
	iowrite32(q->cmds_dma + slot * 64, q->bar + 0x20);	/* expect-warning dma-addr-truncation */
}
