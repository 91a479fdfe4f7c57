/* dma-map-non-linear-memory: an ioremap'ed BAR window is given to dma_map_single() (MMIO needs dma_map_resource()). */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>

#define P2P_REG_SRC		0x00
#define P2P_REG_LEN		0x08
#define P2P_REG_GO		0x0c

struct p2p_ctx {
	struct device *dev;
	void __iomem *ctrl;
	struct completion done;
};

static int p2p_copy_from_peer(struct p2p_ctx *ctx, resource_size_t peer_bar, size_t len)
{
	void __iomem *win;
	dma_addr_t h;
	int ret = 0;

	win = ioremap(peer_bar, len);
	if (!win)
		return -ENOMEM;

	h = dma_map_single(ctx->dev, (void __force *)win, len, DMA_TO_DEVICE); /* expect-warning dma-map-non-linear-memory */
	if (dma_mapping_error(ctx->dev, h)) {
		ret = -EIO;
		goto out_unmap_io;
	}

	reinit_completion(&ctx->done);
	lo_hi_writeq(h, ctx->ctrl + P2P_REG_SRC);
	writel(len, ctx->ctrl + P2P_REG_LEN);
	writel(1, ctx->ctrl + P2P_REG_GO);
	if (!wait_for_completion_timeout(&ctx->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(ctx->dev, h, len, DMA_TO_DEVICE);
out_unmap_io:
	iounmap(win);
	return ret;
}
