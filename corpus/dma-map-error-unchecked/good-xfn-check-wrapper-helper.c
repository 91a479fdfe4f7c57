/* dma-map-error-unchecked (good, cross-function): a USB host controller maps setup packets and data stages through raw helpers and tests every handle with its own xhx_dma_failed(), a thin wrapper around dma_mapping_error(). */
#include <linux/dma-mapping.h>
#include <linux/usb.h>
#include <linux/usb/hcd.h>

#define XHX_REG_TD_LO	0x30
#define XHX_REG_TD_HI	0x34
#define XHX_REG_DB	0x38

struct xhx_td {
	__le64 setup_addr;
	__le64 data_addr;
	__le32 data_len;
	__le32 ctrl;
};

struct xhx_hcd {
	struct device *dev;
	void __iomem *regs;
	struct xhx_td *td;
	dma_addr_t td_dma;
};

static dma_addr_t xhx_map_setup(struct xhx_hcd *xhx, struct urb *urb)
{
	return dma_map_single(xhx->dev, urb->setup_packet, sizeof(struct usb_ctrlrequest),
			      DMA_TO_DEVICE);
}

static dma_addr_t xhx_map_data(struct xhx_hcd *xhx, struct urb *urb, enum dma_data_direction dir)
{
	return dma_map_single(xhx->dev, urb->transfer_buffer, urb->transfer_buffer_length, dir);
}

static inline bool xhx_dma_failed(struct xhx_hcd *xhx, dma_addr_t dma)
{
	return dma_mapping_error(xhx->dev, dma);
}

static int xhx_queue_ctrl(struct xhx_hcd *xhx, struct urb *urb)
{
	enum dma_data_direction dir = usb_urb_dir_in(urb) ? DMA_FROM_DEVICE : DMA_TO_DEVICE;
	int ret = -ENOMEM;

	urb->setup_dma = xhx_map_setup(xhx, urb);
	if (xhx_dma_failed(xhx, urb->setup_dma))
		return -ENOMEM;

	if (urb->transfer_buffer_length) {
		urb->transfer_dma = xhx_map_data(xhx, urb, dir);
		if (unlikely(xhx_dma_failed(xhx, urb->transfer_dma)))
			goto err_setup;
	}

	xhx->td->setup_addr = cpu_to_le64(urb->setup_dma);
	xhx->td->data_addr = cpu_to_le64(urb->transfer_dma);
	xhx->td->data_len = cpu_to_le32(urb->transfer_buffer_length);
	xhx->td->ctrl = cpu_to_le32(usb_pipeendpoint(urb->pipe));
	wmb();
	writel(lower_32_bits(xhx->td_dma), xhx->regs + XHX_REG_TD_LO);
	writel(upper_32_bits(xhx->td_dma), xhx->regs + XHX_REG_TD_HI);
	writel(1, xhx->regs + XHX_REG_DB);
	return 0;

err_setup:
	dma_unmap_single(xhx->dev, urb->setup_dma, sizeof(struct usb_ctrlrequest), DMA_TO_DEVICE);
	return ret;
}

static void xhx_giveback_ctrl(struct xhx_hcd *xhx, struct urb *urb)
{
	enum dma_data_direction dir = usb_urb_dir_in(urb) ? DMA_FROM_DEVICE : DMA_TO_DEVICE;

	if (urb->transfer_buffer_length)
		dma_unmap_single(xhx->dev, urb->transfer_dma, urb->transfer_buffer_length, dir);
	dma_unmap_single(xhx->dev, urb->setup_dma, sizeof(struct usb_ctrlrequest), DMA_TO_DEVICE);
}
