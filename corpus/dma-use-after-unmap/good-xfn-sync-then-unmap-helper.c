/* dma-use-after-unmap (cross-function, good): a SCSI-style sense buffer is synced for the CPU by one helper, read, and only then unmapped by another helper; the register is cleared with 0, not the handle. */
#include <linux/dma-mapping.h>
#include <linux/io.h>

#define SNS_LEN		96
#define SNS_ADDR_REG	0x60
#define SNS_VALID	0x70

struct sns_host {
	struct device *dev;
	void __iomem *mmio;
	u8 *sense;
};

static dma_addr_t sns_map(struct sns_host *sh)
{
	return dma_map_single(sh->dev, sh->sense, SNS_LEN, DMA_FROM_DEVICE);
}

static void sns_sync_cpu(struct sns_host *sh, dma_addr_t sdma)
{
	dma_sync_single_for_cpu(sh->dev, sdma, SNS_LEN, DMA_FROM_DEVICE);
}

static void sns_unmap(struct sns_host *sh, dma_addr_t sdma)
{
	dma_unmap_single(sh->dev, sdma, SNS_LEN, DMA_FROM_DEVICE);
}

int sns_issue(struct sns_host *sh);

int sns_request_sense(struct sns_host *sh, u8 *key)
{
	u8 *sense = sh->sense;
	dma_addr_t sdma;
	int ret;

	sdma = sns_map(sh);
	if (dma_mapping_error(sh->dev, sdma))
		return -ENOMEM;
	lo_hi_writeq(sdma, sh->mmio + SNS_ADDR_REG);
	ret = sns_issue(sh);
	if (ret)
		goto out;

	sns_sync_cpu(sh, sdma);
	if ((sense[0] & 0x7f) == SNS_VALID)
		*key = sense[2] & 0x0f;
	else
		ret = -EIO;
out:
	sns_unmap(sh, sdma);
	lo_hi_writeq(0, sh->mmio + SNS_ADDR_REG);
	return ret;
}
