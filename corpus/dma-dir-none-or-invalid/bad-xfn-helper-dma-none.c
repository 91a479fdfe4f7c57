/* dma-dir-none-or-invalid (cross-function): a map/unmap helper pair takes the direction as a parameter; the sense-buffer path of its caller passes DMA_NONE, so the helper's dma_map_single() BUG()s. */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <scsi/scsi_cmnd.h>

#define HBAX_SENSE_LEN	96

struct hbax_ccb {
	struct scsi_cmnd *cmd;
	dma_addr_t sense_dma;
	u8 *sense;
	__le64 *sense_slot;
};

struct hbax_host {
	struct device *dev;
	void __iomem *regs;
};

static dma_addr_t hbax_map_buf(struct hbax_host *hba, void *buf, size_t len,
			       enum dma_data_direction dir)
{
	dma_addr_t h;

	h = dma_map_single(hba->dev, buf, len, dir);
	if (dma_mapping_error(hba->dev, h))
		return 0;
	return h;
}

static void hbax_unmap_buf(struct hbax_host *hba, dma_addr_t h, size_t len,
			   enum dma_data_direction dir)
{
	dma_unmap_single(hba->dev, h, len, dir);
}

static int hbax_setup_sense(struct hbax_host *hba, struct hbax_ccb *ccb)
{
	ccb->sense = kzalloc(HBAX_SENSE_LEN, GFP_ATOMIC);
	if (!ccb->sense)
		return -ENOMEM;

	/* the sense data is written by the HBA: this should be DMA_FROM_DEVICE */
	ccb->sense_dma = hbax_map_buf(hba, ccb->sense, HBAX_SENSE_LEN, DMA_NONE); /* expect-warning dma-dir-none-or-invalid */
	if (!ccb->sense_dma) {
		kfree(ccb->sense);
		ccb->sense = NULL;
		return -ENOMEM;
	}
	*ccb->sense_slot = cpu_to_le64(ccb->sense_dma);
	return 0;
}

static void hbax_complete_sense(struct hbax_host *hba, struct hbax_ccb *ccb)
{
	hbax_unmap_buf(hba, ccb->sense_dma, HBAX_SENSE_LEN, DMA_NONE); /* expect-warning dma-dir-none-or-invalid */
	memcpy(ccb->cmd->sense_buffer, ccb->sense, SCSI_SENSE_BUFFERSIZE);
	kfree(ccb->sense);
	ccb->sense = NULL;
}

int hbax_queue_sense(struct hbax_host *hba, struct hbax_ccb *ccb)
{
	int ret;

	ret = hbax_setup_sense(hba, ccb);
	if (ret)
		return ret;
	writel(1, hba->regs + 0x40);
	return 0;
}

void hbax_sense_done(struct hbax_host *hba, struct hbax_ccb *ccb)
{
	hbax_complete_sense(hba, ccb);
	scsi_done(ccb->cmd);
}
