/* dma-dir-none-or-invalid (cross-function): a mailbox driver computes the direction in a switch without default and hands it to its own map helper; for MBX_OP_FLUSH the helper's dma_map_single() gets an uninitialised direction. */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/slab.h>

enum mbx_op {
	MBX_OP_READ,
	MBX_OP_WRITE,
	MBX_OP_FLUSH,
};

struct mbx_req {
	enum mbx_op op;
	void *buf;
	size_t len;
	dma_addr_t dma;
	enum dma_data_direction dir;
};

struct mbx_dev {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;
};

#define MBX_ADDR_LO	0x10
#define MBX_ADDR_HI	0x14
#define MBX_LEN		0x18
#define MBX_DOORBELL	0x1c

static dma_addr_t mbx_map(struct mbx_dev *mb, void *buf, size_t len,
			  enum dma_data_direction dir)
{
	dma_addr_t addr = dma_map_single(mb->dev, buf, len, dir);

	if (dma_mapping_error(mb->dev, addr))
		return DMA_MAPPING_ERROR;
	return addr;
}

static void mbx_unmap(struct mbx_dev *mb, dma_addr_t addr, size_t len,
		      enum dma_data_direction dir)
{
	dma_unmap_single(mb->dev, addr, len, dir);
}

static int mbx_post(struct mbx_dev *mb, struct mbx_req *rq)
{
	enum dma_data_direction dir;

	switch (rq->op) {
	case MBX_OP_READ:
		dir = DMA_FROM_DEVICE;
		break;
	case MBX_OP_WRITE:
		dir = DMA_TO_DEVICE;
		break;
	}

	rq->dma = mbx_map(mb, rq->buf, rq->len, dir); /* expect-warning dma-dir-none-or-invalid */
	if (rq->dma == DMA_MAPPING_ERROR)
		return -ENOMEM;
	rq->dir = dir;

	writel(lower_32_bits(rq->dma), mb->base + MBX_ADDR_LO);
	writel(upper_32_bits(rq->dma), mb->base + MBX_ADDR_HI);
	writel(rq->len, mb->base + MBX_LEN);
	writel(1, mb->base + MBX_DOORBELL);
	return 0;
}

static void mbx_complete(struct mbx_dev *mb, struct mbx_req *rq)
{
	/* the direction was saved in the request: its value is not known here */
	mbx_unmap(mb, rq->dma, rq->len, rq->dir);
}

int mbx_submit_sync(struct mbx_dev *mb, struct mbx_req *rq)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&mb->lock, flags);
	ret = mbx_post(mb, rq);
	spin_unlock_irqrestore(&mb->lock, flags);
	if (ret)
		return ret;

	ret = readl_poll_timeout(mb->base + MBX_DOORBELL, flags, !(flags & 1), 10, 10000);
	mbx_complete(mb, rq);
	return ret;
}
