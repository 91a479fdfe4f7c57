/* dma-dir-usage-mismatch (cross-function): a USB host controller maps the SETUP packet with the direction of the control transfer's data stage; for an IN transfer its map helper gets DMA_FROM_DEVICE although the CPU filled the packet for the controller to read. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/usb.h>
#include <linux/usb/hcd.h>

struct xhc_td {
	struct usb_ctrlrequest *setup;
	dma_addr_t setup_dma;
	dma_addr_t data_dma;
	__le64 *trb;
};

struct xhc {
	struct device *dev;
	void __iomem *db;
};

static dma_addr_t xhc_map(struct xhc *hc, void *buf, size_t len, enum dma_data_direction dir)
{
	dma_addr_t d = dma_map_single(hc->dev, buf, len, dir);

	if (dma_mapping_error(hc->dev, d))
		return DMA_MAPPING_ERROR;
	return d;
}

static void xhc_unmap(struct xhc *hc, dma_addr_t d, size_t len, enum dma_data_direction dir)
{
	dma_unmap_single(hc->dev, d, len, dir);
}

static int xhc_queue_setup(struct xhc *hc, struct xhc_td *td, u8 req, u16 value, u16 index, u16 len)
{
	struct usb_ctrlrequest *setup;
	dma_addr_t d;

	setup = kmalloc(sizeof(*setup), GFP_ATOMIC);
	if (!setup)
		return -ENOMEM;
	setup->bRequestType = USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE;
	setup->bRequest = req;
	setup->wValue = cpu_to_le16(value);
	setup->wIndex = cpu_to_le16(index);
	setup->wLength = cpu_to_le16(len);

	/* copied from the data stage: an IN transfer, but the SETUP stage is always OUT */
	d = xhc_map(hc, setup, sizeof(*setup), DMA_FROM_DEVICE); /* expect-warning dma-dir-usage-mismatch */
	if (d == DMA_MAPPING_ERROR) {
		kfree(setup);
		return -ENOMEM;
	}
	td->setup = setup;
	td->setup_dma = d;
	td->trb[0] = cpu_to_le64(d);
	writel(1, hc->db);
	return 0;
}

static void xhc_setup_done(struct xhc *hc, struct xhc_td *td)
{
	xhc_unmap(hc, td->setup_dma, sizeof(*td->setup), DMA_FROM_DEVICE);
	kfree(td->setup);
	td->setup = NULL;
}

int xhc_vendor_read(struct xhc *hc, struct xhc_td *td, u8 req, u16 value, u16 len)
{
	return xhc_queue_setup(hc, td, req, value, 0, len);
}

void xhc_ctrl_complete(struct xhc *hc, struct xhc_td *td)
{
	xhc_setup_done(hc, td);
}
