/* dma-map-non-linear-memory: usb_bulk_msg() gets a local pointer that was set once to an on-stack command array. */
#include <linux/usb.h>

#define GPSU_EP_OUT		0x02
#define GPSU_CMD_LEN		16
#define GPSU_OP_SET_RATE	0x31
#define GPSU_TIMEOUT_MS		1000

struct gpsu_dev {
	struct usb_device *udev;
	struct usb_interface *intf;
	unsigned int rate_hz;
};

static int gpsu_set_rate(struct gpsu_dev *gd, unsigned int rate_hz)
{
	u8 cmd[GPSU_CMD_LEN];
	u8 *pkt = cmd;
	int actual, ret;

	memset(cmd, 0, sizeof(cmd));
	cmd[0] = GPSU_OP_SET_RATE;
	put_unaligned_le32(rate_hz, &cmd[4]);

	ret = usb_bulk_msg(gd->udev, usb_sndbulkpipe(gd->udev, GPSU_EP_OUT), pkt, /* expect-warning dma-map-non-linear-memory */
			   GPSU_CMD_LEN, &actual, GPSU_TIMEOUT_MS);
	if (ret) {
		dev_err(&gd->intf->dev, "set rate failed: %d\n", ret);
		return ret;
	}
	if (actual != GPSU_CMD_LEN)
		return -EIO;

	gd->rate_hz = rate_hz;
	return 0;
}
