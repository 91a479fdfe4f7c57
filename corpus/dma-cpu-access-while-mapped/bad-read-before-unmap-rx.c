/* dma-cpu-access-while-mapped: a polled receive inspects the FROM_DEVICE buffer before unmapping it. */
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>

#define SPX_RX_ADDR	0x40
#define SPX_RX_LEN	0x48
#define SPX_RX_CTRL	0x4c
#define SPX_RX_STAT	0x50
#define SPX_RX_DONE	BIT(0)
#define SPX_MAGIC	0xa5
#define SPX_RXSZ	256

struct spx_port {
	struct device *dev;
	void __iomem *base;
	u8 *rxbuf;
	unsigned long rx_bad;
};

int spx_handle_frame(struct spx_port *sp, const u8 *frame, size_t len);

static int spx_poll_rx(struct spx_port *sp)
{
	u8 *rxbuf = sp->rxbuf;
	dma_addr_t rxh;
	u32 stat;
	int ret;

	rxh = dma_map_single(sp->dev, rxbuf, SPX_RXSZ, DMA_FROM_DEVICE);
	if (dma_mapping_error(sp->dev, rxh))
		return -ENOMEM;

	lo_hi_writeq(rxh, sp->base + SPX_RX_ADDR);
	writel(SPX_RXSZ, sp->base + SPX_RX_LEN);
	writel(1, sp->base + SPX_RX_CTRL);

	ret = readl_poll_timeout_atomic(sp->base + SPX_RX_STAT, stat, stat & SPX_RX_DONE, 1, 1000);
	if (ret) {
		dma_unmap_single(sp->dev, rxh, SPX_RXSZ, DMA_FROM_DEVICE);
		return ret;
	}

	if (rxbuf[0] != SPX_MAGIC) { /* expect-warning dma-cpu-access-while-mapped */
		sp->rx_bad++;
		dma_unmap_single(sp->dev, rxh, SPX_RXSZ, DMA_FROM_DEVICE);
		return -EPROTO;
	}

	dma_unmap_single(sp->dev, rxh, SPX_RXSZ, DMA_FROM_DEVICE);
	return spx_handle_frame(sp, rxbuf, SPX_RXSZ);
}
