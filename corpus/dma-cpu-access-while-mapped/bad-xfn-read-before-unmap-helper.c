/* dma-cpu-access-while-mapped (cross-function): the RX buffer is mapped and unmapped by same-file helpers, but the status byte is read between them. */
#include <linux/dma-mapping.h>
#include <linux/completion.h>
#include <linux/io.h>

#define MBX_RX_ADDR	0x100
#define MBX_RX_SIZE	0x108
#define MBX_RX_GO	0x10c
#define MBX_RESP_LEN	128
#define MBX_RESP_OK	0x00

struct mbx_chan {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
	u8 *resp;
};

static dma_addr_t mbx_map_resp(struct mbx_chan *ch, void *buf)
{
	return dma_map_single(ch->dev, buf, MBX_RESP_LEN, DMA_FROM_DEVICE);
}

static void mbx_unmap_resp(struct mbx_chan *ch, dma_addr_t dma)
{
	dma_unmap_single(ch->dev, dma, MBX_RESP_LEN, DMA_FROM_DEVICE);
}

int mbx_decode(struct mbx_chan *ch, const u8 *resp, size_t len);

static int mbx_read_response(struct mbx_chan *ch)
{
	u8 *resp = ch->resp;
	dma_addr_t dma;
	int ret;

	dma = mbx_map_resp(ch, resp);
	if (dma_mapping_error(ch->dev, dma))
		return -ENOMEM;

	reinit_completion(&ch->done);
	lo_hi_writeq(dma, ch->regs + MBX_RX_ADDR);
	writel(MBX_RESP_LEN, ch->regs + MBX_RX_SIZE);
	writel(1, ch->regs + MBX_RX_GO);

	if (!wait_for_completion_timeout(&ch->done, msecs_to_jiffies(100))) {
		mbx_unmap_resp(ch, dma);
		return -ETIMEDOUT;
	}

	if (resp[0] != MBX_RESP_OK) { /* expect-warning dma-cpu-access-while-mapped */
		ret = -EIO;
		goto out_unmap;
	}
	mbx_unmap_resp(ch, dma);
	return mbx_decode(ch, resp, MBX_RESP_LEN);

out_unmap:
	mbx_unmap_resp(ch, dma);
	return ret;
}
