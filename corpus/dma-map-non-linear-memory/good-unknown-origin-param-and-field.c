/* dma-map-non-linear-memory (good): a caller's buffer and a driver-struct buffer of unknown origin are not flagged. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

#define SHA_REG_SG		0x00
#define SHA_REG_NENT		0x08
#define SHA_REG_GO		0x0c

struct sha_engine {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
	u8 *pad_buf;		/* allocated in probe */
	unsigned int pad_len;
};

static int sha_hash_block(struct sha_engine *se, const void *data, unsigned int len)
{
	struct scatterlist sgl[2];
	int count, ret = 0;

	sg_init_table(sgl, 2);
	sg_set_buf(&sgl[0], data, len);
	sg_set_buf(&sgl[1], se->pad_buf, se->pad_len);

	count = dma_map_sg(se->dev, sgl, 2, DMA_TO_DEVICE);
	if (!count)
		return -ENOMEM;

	reinit_completion(&se->done);
	lo_hi_writeq(sg_dma_address(sgl), se->regs + SHA_REG_SG);
	writel(count, se->regs + SHA_REG_NENT);
	writel(1, se->regs + SHA_REG_GO);
	if (!wait_for_completion_timeout(&se->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(se->dev, sgl, 2, DMA_TO_DEVICE);
	return ret;
}
