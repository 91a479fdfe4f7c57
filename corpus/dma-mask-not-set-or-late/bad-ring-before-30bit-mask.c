/* dma-mask-not-set-or-late: a switch ASIC that addresses only 30 bits allocates its event ring before narrowing the mask, so the ring may land anywhere below 4 GiB. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define SW_EVT_RING_SIZE	(64 * 1024)

struct sw_pci {
	struct pci_dev *pdev;
	void __iomem *regs;
	void *evt_ring;
	dma_addr_t evt_ring_dma;
};

static int sw_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct sw_pci *sw;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(2), "sw_pci");
	if (err)
		return err;

	sw = devm_kzalloc(&pdev->dev, sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return -ENOMEM;
	sw->pdev = pdev;
	sw->regs = pcim_iomap_table(pdev)[2];

	sw->evt_ring = dmam_alloc_coherent(&pdev->dev, SW_EVT_RING_SIZE, &sw->evt_ring_dma, GFP_KERNEL);	/* expect-warning dma-mask-not-set-or-late */
	if (!sw->evt_ring)
		return -ENOMEM;

	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(30));
	if (err) {
		dev_err(&pdev->dev, "fail to set DMA mask\n");
		return err;
	}

	pci_set_master(pdev);
	writel(lower_32_bits(sw->evt_ring_dma), sw->regs + 0x100);
	pci_set_drvdata(pdev, sw);
	return 0;
}

static struct pci_driver sw_pci_driver = {
	.name = "sw_pci",
	.probe = sw_pci_probe,
};
