/* dma-alloc-context-gfp (good): the RX interrupt handler refills descriptors from a dma_pool with GFP_ATOMIC; probe creates the pool with GFP_KERNEL-context calls. */
#include <linux/dmapool.h>
#include <linux/interrupt.h>
#include <linux/pci.h>

#define NR_REG_STATUS		0x00
#define NR_REG_RX_HEAD		0x10
#define NR_STS_RX_EMPTY		BIT(1)
#define NR_RX_SLOTS		64

struct nr_rx_desc {
	__le64 buf;
	__le32 len;
	__le32 flags;
};

struct nr_priv {
	struct device *dev;
	void __iomem *regs;
	struct dma_pool *desc_pool;
	struct nr_rx_desc *slot[NR_RX_SLOTS];
	dma_addr_t slot_dma[NR_RX_SLOTS];
	unsigned int head;
};

static irqreturn_t nr_interrupt(int irq, void *dev_id)
{
	struct nr_priv *np = dev_id;
	struct nr_rx_desc *d;
	dma_addr_t d_dma;
	u32 status = readl(np->regs + NR_REG_STATUS);

	if (!(status & NR_STS_RX_EMPTY))
		return IRQ_NONE;

	d = dma_pool_zalloc(np->desc_pool, GFP_ATOMIC, &d_dma);
	if (!d)
		return IRQ_HANDLED;
	np->slot[np->head] = d;
	np->slot_dma[np->head] = d_dma;
	np->head = (np->head + 1) % NR_RX_SLOTS;
	writel(lower_32_bits(d_dma), np->regs + NR_REG_RX_HEAD);
	return IRQ_HANDLED;
}

static int nr_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nr_priv *np;
	int ret;

	np = devm_kzalloc(&pdev->dev, sizeof(*np), GFP_KERNEL);
	if (!np)
		return -ENOMEM;
	np->dev = &pdev->dev;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	np->regs = pcim_iomap(pdev, 0, 0);
	if (!np->regs)
		return -ENOMEM;
	np->desc_pool = dmam_pool_create("nr-rx", &pdev->dev, sizeof(struct nr_rx_desc), 16, 0);
	if (!np->desc_pool)
		return -ENOMEM;
	pci_set_drvdata(pdev, np);
	return devm_request_irq(&pdev->dev, pdev->irq, nr_interrupt, IRQF_SHARED, "nr", np);
}

static struct pci_driver nr_driver = {
	.name = "nr",
	.probe = nr_probe,
};
