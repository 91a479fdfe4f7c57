/* dma-map-non-linear-memory: a USB control read lands in an on-stack array (the classic "don't use stack buffers for USB DMA" bug). */
#include <linux/usb.h>
#include <linux/slab.h>

#define RTLX_REQ_READ_REG	0x05
#define RTLX_REG_CHIP_ID	0x00f0
#define RTLX_USB_TIMEOUT	500

struct rtlx_dev {
	struct usb_device *udev;
	struct usb_interface *intf;
	u32 chip_id;
};

static int rtlx_read_chip_id(struct rtlx_dev *rd)
{
	u8 buf[4];
	int ret;

	ret = usb_control_msg(rd->udev, usb_rcvctrlpipe(rd->udev, 0), /* expect-warning dma-map-non-linear-memory */
			      RTLX_REQ_READ_REG,
			      USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			      RTLX_REG_CHIP_ID, 0, buf, sizeof(buf),
			      RTLX_USB_TIMEOUT);
	if (ret < 0) {
		dev_err(&rd->intf->dev, "chip id read failed: %d\n", ret);
		return ret;
	}
	if (ret != sizeof(buf))
		return -EIO;

	rd->chip_id = get_unaligned_le32(buf);
	dev_info(&rd->intf->dev, "chip id %08x\n", rd->chip_id);
	return 0;
}
