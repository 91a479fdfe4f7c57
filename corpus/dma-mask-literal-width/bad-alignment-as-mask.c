/* dma-mask-literal-width: an ISDN card wants 32 KiB aligned buffers and passes 0xFFFF8000 as a DMA mask; a mask is a count of address bits, not an alignment, and this one is not 2^n - 1. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define HFC_FIFO_SIZE	0x8000

struct hfc_pci {
	struct pci_dev *pdev;
	void __iomem *pci_io;
	void *fifos;
	dma_addr_t dmahandle;
};

static int setup_hw(struct hfc_pci *hc)
{
	if (dma_set_mask(&hc->pdev->dev, 0xFFFF8000)) {	/* expect-warning dma-mask-literal-width */
		printk(KERN_WARNING "HFC-PCI: No usable DMA configuration!\n");
		return -EIO;
	}
	hc->fifos = dma_alloc_coherent(&hc->pdev->dev, HFC_FIFO_SIZE, &hc->dmahandle, GFP_KERNEL);
	if (!hc->fifos)
		return -ENOMEM;
	pci_write_config_dword(hc->pdev, 0x80, (u32)hc->dmahandle);
	return 0;
}

static int hfc_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct hfc_pci *hc;
	int err;

	hc = kzalloc(sizeof(*hc), GFP_KERNEL);
	if (!hc)
		return -ENOMEM;
	hc->pdev = pdev;
	err = pci_enable_device(pdev);
	if (err)
		goto out_free;
	err = setup_hw(hc);
	if (err)
		goto out_disable;
	pci_set_drvdata(pdev, hc);
	return 0;

out_disable:
	pci_disable_device(pdev);
out_free:
	kfree(hc);
	return err;
}

static struct pci_driver hfc_driver = {
	.name = "hfcpci",
	.probe = hfc_probe,
};
