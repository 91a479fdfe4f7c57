/* dma-alloc-context-gfp: a bounce buffer for a streaming mapping is kmalloc'ed with GFP_KERNEL under spin_lock_bh(). */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define BB_REG_ADDR		0x20
#define BB_REG_LEN		0x28
#define BB_REG_GO		0x2c

struct bb_chan {
	struct device *dev;
	void __iomem *regs;
	spinlock_t lock;
	void *bounce;
	dma_addr_t bounce_dma;
	size_t bounce_len;
};

static int bb_submit(struct bb_chan *bc, const void *data, size_t len)
{
	void *buf;
	dma_addr_t dma;

	spin_lock_bh(&bc->lock);
	buf = kmalloc(len, GFP_KERNEL); /* expect-warning dma-alloc-context-gfp */
	if (!buf) {
		spin_unlock_bh(&bc->lock);
		return -ENOMEM;
	}
	memcpy(buf, data, len);
	dma = dma_map_single(bc->dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(bc->dev, dma)) {
		spin_unlock_bh(&bc->lock);
		kfree(buf);
		return -EIO;
	}
	bc->bounce = buf;
	bc->bounce_dma = dma;
	bc->bounce_len = len;
	lo_hi_writeq(dma, bc->regs + BB_REG_ADDR);
	writel(len, bc->regs + BB_REG_LEN);
	writel(1, bc->regs + BB_REG_GO);
	spin_unlock_bh(&bc->lock);
	return 0;
}
