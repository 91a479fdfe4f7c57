/* dma-dir-usage-mismatch (good, cross-function): the control-transfer path maps the SETUP packet DMA_TO_DEVICE and the data stage with the direction derived from the URB through the same helper; the IN data is read only after the unmap helper. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/usb.h>
#include <linux/usb/hcd.h>

struct ohx {
	struct device *dev;
	void __iomem *regs;
};

static dma_addr_t ohx_map(struct ohx *hc, void *buf, size_t len, enum dma_data_direction dir)
{
	dma_addr_t d = dma_map_single(hc->dev, buf, len, dir);

	if (dma_mapping_error(hc->dev, d))
		return DMA_MAPPING_ERROR;
	return d;
}

static void ohx_unmap(struct ohx *hc, dma_addr_t d, size_t len, enum dma_data_direction dir)
{
	dma_unmap_single(hc->dev, d, len, dir);
}

static int ohx_run_ctrl(struct ohx *hc, dma_addr_t setup, dma_addr_t data, size_t len)
{
	u32 st;

	writel(lower_32_bits(setup), hc->regs + 0x10);
	writel(lower_32_bits(data), hc->regs + 0x14);
	writel(len, hc->regs + 0x18);
	return readl_poll_timeout(hc->regs + 0x1c, st, st & 1, 10, 50000);
}

int ohx_get_descriptor(struct ohx *hc, u8 type, u8 index, void *out, u16 len)
{
	struct usb_ctrlrequest *setup;
	dma_addr_t setup_dma, data_dma;
	u8 *data;
	int ret;

	setup = kmalloc(sizeof(*setup), GFP_KERNEL);
	data = kmalloc(len, GFP_KERNEL);
	if (!setup || !data) {
		ret = -ENOMEM;
		goto out_free;
	}
	setup->bRequestType = USB_DIR_IN;
	setup->bRequest = USB_REQ_GET_DESCRIPTOR;
	setup->wValue = cpu_to_le16((type << 8) | index);
	setup->wIndex = 0;
	setup->wLength = cpu_to_le16(len);

	setup_dma = ohx_map(hc, setup, sizeof(*setup), DMA_TO_DEVICE);
	if (setup_dma == DMA_MAPPING_ERROR) {
		ret = -ENOMEM;
		goto out_free;
	}
	data_dma = ohx_map(hc, data, len, DMA_FROM_DEVICE);
	if (data_dma == DMA_MAPPING_ERROR) {
		ret = -ENOMEM;
		goto out_unmap_setup;
	}

	ret = ohx_run_ctrl(hc, setup_dma, data_dma, len);

	ohx_unmap(hc, data_dma, len, DMA_FROM_DEVICE);
	if (!ret) {
		if (data[1] != type)
			ret = -EPROTO;
		else
			memcpy(out, data, len);
	}
out_unmap_setup:
	ohx_unmap(hc, setup_dma, sizeof(*setup), DMA_TO_DEVICE);
out_free:
	kfree(data);
	kfree(setup);
	return ret;
}
