/* dma-map-non-linear-memory: a static header template (module data) is the first entry of a scatterlist. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

#define AUDX_REG_SG_ADDR	0x30
#define AUDX_REG_SG_CNT		0x38
#define AUDX_REG_START		0x3c

struct audx_frame_hdr {
	__be32 magic;
	__be16 version;
	__be16 channels;
};

static struct audx_frame_hdr audx_hdr_template = {
	.magic = cpu_to_be32(0x41554458),
	.version = cpu_to_be16(2),
	.channels = cpu_to_be16(2),
};

struct audx_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion frame_done;
};

static int audx_send_frame(struct audx_dev *ad, void *pcm, unsigned int pcm_len)
{
	struct scatterlist sgl[2];
	int count, ret = 0;

	sg_init_table(sgl, 2);
	sg_set_buf(&sgl[0], &audx_hdr_template, sizeof(audx_hdr_template)); /* expect-warning dma-map-non-linear-memory */
	sg_set_buf(&sgl[1], pcm, pcm_len);

	count = dma_map_sg(ad->dev, sgl, 2, DMA_TO_DEVICE);
	if (count == 0)
		return -ENOMEM;

	reinit_completion(&ad->frame_done);
	lo_hi_writeq(sg_dma_address(sgl), ad->regs + AUDX_REG_SG_ADDR);
	writel(count, ad->regs + AUDX_REG_SG_CNT);
	writel(1, ad->regs + AUDX_REG_START);
	if (!wait_for_completion_timeout(&ad->frame_done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_sg(ad->dev, sgl, 2, DMA_TO_DEVICE);
	return ret;
}
