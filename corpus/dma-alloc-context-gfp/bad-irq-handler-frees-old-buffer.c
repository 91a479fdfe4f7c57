/* dma-alloc-context-gfp: the catalogue's example - an interrupt handler that allocates with GFP_KERNEL and frees coherent memory in hard-IRQ context. */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/pci.h>

#define CAP_REG_STATUS		0x00
#define CAP_REG_BUF		0x08
#define CAP_STS_SWAP		BIT(0)
#define CAP_BUF_BYTES		SZ_4K

struct cap_dev {
	struct device *dev;
	void __iomem *regs;
	spinlock_t lock;
	void *cur;
	dma_addr_t cur_dma;
	void *old;
	dma_addr_t old_dma;
};

static irqreturn_t cap_irq(int irq, void *p)
{
	struct cap_dev *d = p;
	void *b;
	dma_addr_t h;

	if (!(readl(d->regs + CAP_REG_STATUS) & CAP_STS_SWAP))
		return IRQ_NONE;

	b = dma_alloc_coherent(d->dev, CAP_BUF_BYTES, &h, GFP_KERNEL); /* expect-warning dma-alloc-context-gfp */
	if (!b)
		return IRQ_HANDLED;

	spin_lock(&d->lock);
	d->old = d->cur;
	d->old_dma = d->cur_dma;
	d->cur = b;
	d->cur_dma = h;
	lo_hi_writeq(h, d->regs + CAP_REG_BUF);
	dma_free_coherent(d->dev, CAP_BUF_BYTES, d->old, d->old_dma); /* expect-warning dma-alloc-context-gfp */
	spin_unlock(&d->lock);
	return IRQ_HANDLED;
}

static int cap_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct cap_dev *d;
	int ret;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->dev = &pdev->dev;
	spin_lock_init(&d->lock);
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	d->regs = pcim_iomap(pdev, 0, 0);
	if (!d->regs)
		return -ENOMEM;
	pci_set_drvdata(pdev, d);
	return request_irq(pdev->irq, cap_irq, IRQF_SHARED, "cap", d);
}

static struct pci_driver cap_driver = {
	.name = "cap",
	.probe = cap_probe,
};
