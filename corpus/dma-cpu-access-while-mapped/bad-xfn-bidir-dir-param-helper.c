/* dma-cpu-access-while-mapped (cross-function): a map helper takes the direction from its caller; the caller maps a bidirectional scratch buffer and then memcpy()s the request into it. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/io.h>

#define MSG_SCRATCH	1024
#define MSG_ADDR	0x50
#define MSG_KICK	0x58

struct msg_ipc {
	struct device *dev;
	void __iomem *mbox;
	void *scratch;
};

static dma_addr_t msg_map(struct msg_ipc *ipc, void *buf, size_t len, enum dma_data_direction dir)
{
	return dma_map_single(ipc->dev, buf, len, dir);
}

static void msg_unmap(struct msg_ipc *ipc, dma_addr_t addr, size_t len, enum dma_data_direction dir)
{
	dma_unmap_single(ipc->dev, addr, len, dir);
}

int msg_wait_reply(struct msg_ipc *ipc);

int msg_call(struct msg_ipc *ipc, const void *req, size_t req_len, void *reply, size_t reply_len)
{
	void *scratch = ipc->scratch;
	dma_addr_t addr;
	int ret;

	if (req_len > MSG_SCRATCH || reply_len > MSG_SCRATCH)
		return -EINVAL;

	addr = msg_map(ipc, scratch, MSG_SCRATCH, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(ipc->dev, addr))
		return -ENOMEM;
	memcpy(scratch, req, req_len); /* expect-warning dma-cpu-access-while-mapped */

	lo_hi_writeq(addr, ipc->mbox + MSG_ADDR);
	writel(req_len, ipc->mbox + MSG_KICK);
	ret = msg_wait_reply(ipc);
	msg_unmap(ipc, addr, MSG_SCRATCH, DMA_BIDIRECTIONAL);
	if (!ret)
		memcpy(reply, scratch, reply_len);
	return ret;
}
