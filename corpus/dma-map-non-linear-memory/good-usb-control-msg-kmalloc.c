/* dma-map-non-linear-memory (good): a USB control read goes through a kmalloc'ed bounce buffer and is copied to the caller's stack. */
#include <linux/usb.h>
#include <linux/slab.h>

#define RTLX_REQ_READ_REG	0x05
#define RTLX_USB_TIMEOUT	500

struct rtlx_dev {
	struct usb_device *udev;
	struct usb_interface *intf;
};

static int rtlx_read_regs(struct rtlx_dev *rd, u16 reg, void *out, u16 len)
{
	u8 *dmabuf;
	int ret;

	dmabuf = kmalloc(len, GFP_KERNEL);
	if (!dmabuf)
		return -ENOMEM;

	ret = usb_control_msg(rd->udev, usb_rcvctrlpipe(rd->udev, 0),
			      RTLX_REQ_READ_REG,
			      USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			      reg, 0, dmabuf, len, RTLX_USB_TIMEOUT);
	if (ret == len)
		memcpy(out, dmabuf, len);
	else if (ret >= 0)
		ret = -EIO;

	kfree(dmabuf);
	return ret < 0 ? ret : 0;
}

static int rtlx_read_chip_id(struct rtlx_dev *rd, u32 *chip_id)
{
	u8 id[4];
	int ret;

	ret = rtlx_read_regs(rd, 0x00f0, id, sizeof(id));
	if (ret)
		return ret;
	*chip_id = get_unaligned_le32(id);
	return 0;
}
