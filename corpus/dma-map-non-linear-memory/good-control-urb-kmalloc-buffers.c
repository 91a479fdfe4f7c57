/* dma-map-non-linear-memory (good): an asynchronous control URB whose setup packet and data buffer both come from kmalloc(). */
#include <linux/usb.h>
#include <linux/slab.h>

#define LEDU_REQ_SET		0x09
#define LEDU_REPORT_LEN		8

struct ledu_dev {
	struct usb_device *udev;
	struct usb_interface *intf;
};

static void ledu_ctrl_done(struct urb *urb)
{
	kfree(urb->setup_packet);
	kfree(urb->transfer_buffer);
	usb_free_urb(urb);
}

static int ledu_set_color(struct ledu_dev *ld, u8 r, u8 g, u8 b)
{
	struct usb_ctrlrequest *dr;
	struct urb *urb;
	u8 *report;
	int ret = -ENOMEM;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	dr = kmalloc(sizeof(*dr), GFP_KERNEL);
	report = kzalloc(LEDU_REPORT_LEN, GFP_KERNEL);
	if (!dr || !report)
		goto err_free;

	report[0] = r;
	report[1] = g;
	report[2] = b;
	dr->bRequestType = USB_DIR_OUT | USB_TYPE_CLASS | USB_RECIP_INTERFACE;
	dr->bRequest = LEDU_REQ_SET;
	dr->wValue = cpu_to_le16(0x0200);
	dr->wIndex = cpu_to_le16(0);
	dr->wLength = cpu_to_le16(LEDU_REPORT_LEN);

	usb_fill_control_urb(urb, ld->udev, usb_sndctrlpipe(ld->udev, 0),
			     (unsigned char *)dr, report, LEDU_REPORT_LEN,
			     ledu_ctrl_done, ld);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (!ret)
		return 0;
err_free:
	kfree(report);
	kfree(dr);
	usb_free_urb(urb);
	return ret;
}
