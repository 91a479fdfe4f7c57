/* dma-pool-protocol: ep0's data descriptor comes from the data pool but remove() returns it to the setup pool (pch_udc shape). */
#include <linux/dmapool.h>
#include <linux/pci.h>

#define UDC_EP0OUT_IDX		1
#define UDC_NUM_EP		4

struct udc_stp_desc {
	__le32 status;
	__le32 reserved;
	__le32 data12;
	__le32 data34;
};

struct udc_data_desc {
	__le32 status;
	__le32 reserved;
	__le32 dataptr;
	__le32 next;
};

struct udc_ep {
	struct udc_stp_desc *td_stp;
	dma_addr_t td_stp_phys;
	struct udc_data_desc *td_data;
	dma_addr_t td_data_phys;
};

struct udc_dev {
	struct pci_dev *pdev;
	struct dma_pool *data_requests;
	struct dma_pool *stp_requests;
	struct udc_ep ep[UDC_NUM_EP];
};

static int udc_init_dma_pools(struct udc_dev *dev)
{
	struct udc_stp_desc *td_stp;
	struct udc_data_desc *td_data;

	dev->data_requests = dma_pool_create("data_requests", &dev->pdev->dev,
					     sizeof(struct udc_data_desc), 0, 0);
	if (!dev->data_requests)
		return -ENOMEM;
	dev->stp_requests = dma_pool_create("setup requests", &dev->pdev->dev,
					    sizeof(struct udc_stp_desc), 0, 0);
	if (!dev->stp_requests)
		return -ENOMEM;

	td_stp = dma_pool_alloc(dev->stp_requests, GFP_KERNEL, &dev->ep[UDC_EP0OUT_IDX].td_stp_phys);
	if (!td_stp)
		return -ENOMEM;
	dev->ep[UDC_EP0OUT_IDX].td_stp = td_stp;

	td_data = dma_pool_alloc(dev->data_requests, GFP_KERNEL, &dev->ep[UDC_EP0OUT_IDX].td_data_phys);
	if (!td_data)
		return -ENOMEM;
	dev->ep[UDC_EP0OUT_IDX].td_data = td_data;
	return 0;
}

static void udc_remove(struct pci_dev *pdev)
{
	struct udc_dev *dev = pci_get_drvdata(pdev);

	if (dev->stp_requests) {
		if (dev->ep[UDC_EP0OUT_IDX].td_stp)
			dma_pool_free(dev->stp_requests, dev->ep[UDC_EP0OUT_IDX].td_stp,
				      dev->ep[UDC_EP0OUT_IDX].td_stp_phys);
		if (dev->ep[UDC_EP0OUT_IDX].td_data)
			dma_pool_free(dev->stp_requests, dev->ep[UDC_EP0OUT_IDX].td_data, /* expect-warning dma-pool-protocol */
				      dev->ep[UDC_EP0OUT_IDX].td_data_phys);
		dma_pool_destroy(dev->stp_requests);
	}
	dma_pool_destroy(dev->data_requests);
}

static struct pci_driver udc_driver = {
	.name = "udc",
	.remove = udc_remove,
};
