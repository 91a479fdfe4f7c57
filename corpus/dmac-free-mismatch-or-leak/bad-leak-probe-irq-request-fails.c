/* dmac-free-mismatch-or-leak: probe allocates the event ring into a local; when request_irq() fails it returns without freeing the ring. */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/pci.h>

#define EVQ_BYTES		SZ_16K
#define EVQ_REG_BASE_LO		0x100
#define EVQ_REG_BASE_HI		0x104

struct evq_dev {
	struct pci_dev *pdev;
	void __iomem *regs;
	void *evq;
	dma_addr_t evq_dma;
};

irqreturn_t evq_isr(int irq, void *data);

static int evq_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct evq_dev *ed;
	void *evq;
	dma_addr_t evq_dma;
	int ret;

	ed = devm_kzalloc(&pdev->dev, sizeof(*ed), GFP_KERNEL);
	if (!ed)
		return -ENOMEM;
	ed->pdev = pdev;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ed->regs = pcim_iomap(pdev, 0, 0);
	if (!ed->regs)
		return -ENOMEM;

	evq = dma_alloc_coherent(&pdev->dev, EVQ_BYTES, &evq_dma, GFP_KERNEL);
	if (!evq)
		return -ENOMEM;
	writel(lower_32_bits(evq_dma), ed->regs + EVQ_REG_BASE_LO);
	writel(upper_32_bits(evq_dma), ed->regs + EVQ_REG_BASE_HI);

	ret = request_irq(pdev->irq, evq_isr, IRQF_SHARED, "evq", ed);
	if (ret) {
		dev_err(&pdev->dev, "cannot get irq %d\n", pdev->irq);
		return ret; /* expect-warning dmac-free-mismatch-or-leak */
	}

	ed->evq = evq;
	ed->evq_dma = evq_dma;
	pci_set_drvdata(pdev, ed);
	return 0;
}

static struct pci_driver evq_driver = {
	.name = "evq",
	.probe = evq_probe,
};
