/* dma-map-non-linear-memory (good): a pointer first aimed at a stack array is re-pointed at a kmemdup() copy before the USB transfer. */
#include <linux/usb.h>
#include <linux/slab.h>

#define GPSU_EP_OUT		0x02
#define GPSU_OP_SET_RATE	0x31
#define GPSU_TIMEOUT_MS		1000

struct gpsu_dev {
	struct usb_device *udev;
	struct usb_interface *intf;
};

static int gpsu_set_rate(struct gpsu_dev *gd, unsigned int rate_hz)
{
	u8 cmd[8] = { GPSU_OP_SET_RATE };
	u8 *pkt = cmd;
	int actual, ret;

	put_unaligned_le32(rate_hz, pkt + 4);
	pkt = kmemdup(cmd, sizeof(cmd), GFP_KERNEL);
	if (!pkt)
		return -ENOMEM;

	ret = usb_bulk_msg(gd->udev, usb_sndbulkpipe(gd->udev, GPSU_EP_OUT), pkt,
			   sizeof(cmd), &actual, GPSU_TIMEOUT_MS);
	kfree(pkt);
	if (ret)
		return ret;
	return actual == sizeof(cmd) ? 0 : -EIO;
}
