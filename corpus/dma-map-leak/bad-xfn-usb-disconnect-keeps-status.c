/* dma-map-leak across functions: a USB driver's probe() maps the buffer of its interrupt-status URB (URB_NO_TRANSFER_DMA_MAP) and unmaps it when submitting fails, but disconnect() only kills and frees the URB. */
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>

#define UMX_STATUS_LEN	16

struct umx_status {
	u8 type;
	u8 port;
	__le16 flags;
	__le32 counters[3];
};

struct umx {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct urb *int_urb;
	struct umx_status *status;
	dma_addr_t status_dma;
	int int_pipe;
	int interval;
};

static void umx_int_complete(struct urb *urb)
{
	struct umx *umx = urb->context;

	if (urb->status == -ENOENT || urb->status == -ESHUTDOWN)
		return;
	dev_dbg(&umx->intf->dev, "status type %u port %u\n", umx->status->type, umx->status->port);
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int umx_start_status(struct umx *umx)
{
	struct device *dmadev = umx->udev->bus->sysdev;
	int ret;

	umx->status_dma = dma_map_single(dmadev, umx->status, UMX_STATUS_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(dmadev, umx->status_dma))
		return -ENOMEM;

	usb_fill_int_urb(umx->int_urb, umx->udev, umx->int_pipe, umx->status, UMX_STATUS_LEN,
			 umx_int_complete, umx, umx->interval);
	umx->int_urb->transfer_dma = umx->status_dma;
	umx->int_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	ret = usb_submit_urb(umx->int_urb, GFP_KERNEL);
	if (ret) {
		dma_unmap_single(dmadev, umx->status_dma, UMX_STATUS_LEN, DMA_FROM_DEVICE);
		return ret;
	}
	return 0;
}

static int umx_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct umx *umx;
	int ret;

	ret = usb_find_int_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;

	umx = kzalloc(sizeof(*umx), GFP_KERNEL);
	if (!umx)
		return -ENOMEM;
	umx->udev = interface_to_usbdev(intf);
	umx->intf = intf;
	umx->int_pipe = usb_rcvintpipe(umx->udev, usb_endpoint_num(ep));
	umx->interval = ep->bInterval;

	umx->status = kzalloc(UMX_STATUS_LEN, GFP_KERNEL);
	if (!umx->status) {
		ret = -ENOMEM;
		goto err_free;
	}
	umx->int_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!umx->int_urb) {
		ret = -ENOMEM;
		goto err_status;
	}

	ret = umx_start_status(umx);
	if (ret)
		goto err_urb;

	usb_set_intfdata(intf, umx);
	return 0;

err_urb:
	usb_free_urb(umx->int_urb);
err_status:
	kfree(umx->status);
err_free:
	kfree(umx);
	return ret;
}

static void umx_disconnect(struct usb_interface *intf)
{
	struct umx *umx = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	usb_kill_urb(umx->int_urb);
	usb_free_urb(umx->int_urb);
	kfree(umx->status);
	kfree(umx);
} /* expect-warning dma-map-leak */

static const struct usb_device_id umx_ids[] = {
	{ USB_DEVICE(0x0bda, 0x8153) },
	{ }
};
MODULE_DEVICE_TABLE(usb, umx_ids);

static struct usb_driver umx_driver = {
	.name = "umx",
	.probe = umx_probe,
	.disconnect = umx_disconnect,
	.id_table = umx_ids,
};
module_usb_driver(umx_driver);
MODULE_LICENSE("GPL");
