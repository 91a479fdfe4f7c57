/* dma-set-mask-retval-inverted: a SCSI HBA probe keeps the result in 'rc' but jumps into its error ladder with -ENODEV when rc is 0 (success), through a goto. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <scsi/scsi_host.h>

struct hba {
	struct pci_dev *pdev;
	struct Scsi_Host *shost;
	void __iomem *mmio;
};

static struct scsi_host_template hba_sht;

static int hba_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct Scsi_Host *shost;
	struct hba *h;
	int rc;

	rc = pci_enable_device(pdev);
	if (rc)
		return rc;

	rc = pci_request_regions(pdev, "hba");
	if (rc)
		goto err_disable;

	rc = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));	/* expect-warning dma-set-mask-retval-inverted */
	if (!rc) {
		dev_err(&pdev->dev, "32-bit DMA not available\n");
		rc = -ENODEV;
		goto err_regions;
	}

	shost = scsi_host_alloc(&hba_sht, sizeof(*h));
	if (!shost) {
		rc = -ENOMEM;
		goto err_regions;
	}
	h = shost_priv(shost);
	h->pdev = pdev;
	h->shost = shost;
	h->mmio = pci_ioremap_bar(pdev, 0);
	if (!h->mmio) {
		rc = -ENOMEM;
		goto err_host;
	}
	pci_set_drvdata(pdev, h);
	return 0;

err_host:
	scsi_host_put(shost);
err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return rc;
}

static struct pci_driver hba_driver = {
	.name = "hba",
	.probe = hba_probe,
};
