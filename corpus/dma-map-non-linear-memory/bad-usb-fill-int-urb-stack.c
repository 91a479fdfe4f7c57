/* dma-map-non-linear-memory: an interrupt URB is filled with an on-stack status buffer. */
#include <linux/usb.h>
#include <linux/slab.h>

#define BTNU_EP_INT		0x81
#define BTNU_STATUS_LEN		8
#define BTNU_INTERVAL		10

struct btnu_dev {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct urb *irq_urb;
	u8 last_state;
};

static void btnu_irq(struct urb *urb)
{
	struct btnu_dev *bd = urb->context;
	u8 *status = urb->transfer_buffer;

	if (urb->status)
		return;
	bd->last_state = status[0];
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int btnu_start_polling(struct btnu_dev *bd)
{
	u8 status[BTNU_STATUS_LEN];
	int ret;

	bd->irq_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!bd->irq_urb)
		return -ENOMEM;

	usb_fill_int_urb(bd->irq_urb, bd->udev, usb_rcvintpipe(bd->udev, BTNU_EP_INT), /* expect-warning dma-map-non-linear-memory */
			 status, sizeof(status), btnu_irq, bd, BTNU_INTERVAL);

	ret = usb_submit_urb(bd->irq_urb, GFP_KERNEL);
	if (ret) {
		usb_free_urb(bd->irq_urb);
		bd->irq_urb = NULL;
	}
	return ret;
}
