/* dma-unmap-args-mismatch (cross-function): queuecommand maps the per-command sense buffer with sizeof(struct hbx_sense), the completion handler unmaps it with SCSI_SENSE_BUFFERSIZE. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <scsi/scsi.h>
#include <scsi/scsi_cmnd.h>
#include <scsi/scsi_host.h>

#define HBX_REG_INBOUND		0x30

struct hbx_sense {
	u8 data[96];
	__le32 residual;
	__le32 status;
};

struct hbx_iu {
	__le64 sense_addr;
	__le32 sense_len;
	__le32 tag;
	u8 cdb[16];
};

struct hbx_cmd_priv {
	struct hbx_iu *iu;
	dma_addr_t iu_dma;
	struct hbx_sense *sense;
	dma_addr_t sense_dma;
};

struct hbx_host {
	struct pci_dev *pdev;
	void __iomem *regs;
	spinlock_t lock;
};

static int hbx_queuecommand(struct Scsi_Host *shost, struct scsi_cmnd *sc)
{
	struct hbx_host *hh = shost_priv(shost);
	struct hbx_cmd_priv *cp = scsi_cmd_priv(sc);
	struct device *dev = &hh->pdev->dev;
	unsigned long flags;

	cp->sense_dma = dma_map_single(dev, cp->sense, sizeof(struct hbx_sense), DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, cp->sense_dma))
		return SCSI_MLQUEUE_HOST_BUSY;

	memcpy(cp->iu->cdb, sc->cmnd, sc->cmd_len);
	cp->iu->tag = cpu_to_le32(scsi_cmd_to_rq(sc)->tag);
	cp->iu->sense_addr = cpu_to_le64(cp->sense_dma);
	cp->iu->sense_len = cpu_to_le32(sizeof(struct hbx_sense));

	spin_lock_irqsave(&hh->lock, flags);
	writel(lower_32_bits(cp->iu_dma), hh->regs + HBX_REG_INBOUND);
	spin_unlock_irqrestore(&hh->lock, flags);
	return 0;
}

static void hbx_complete_cmd(struct hbx_host *hh, struct scsi_cmnd *sc)
{
	struct hbx_cmd_priv *cp = scsi_cmd_priv(sc);
	u32 status;

	dma_unmap_single(&hh->pdev->dev, cp->sense_dma, SCSI_SENSE_BUFFERSIZE, DMA_FROM_DEVICE); /* expect-warning dma-unmap-args-mismatch */
	status = le32_to_cpu(cp->sense->status);
	if (status) {
		memcpy(sc->sense_buffer, cp->sense->data, SCSI_SENSE_BUFFERSIZE);
		set_host_byte(sc, DID_OK);
		sc->result |= SAM_STAT_CHECK_CONDITION;
	} else {
		sc->result = DID_OK << 16;
	}
	scsi_set_resid(sc, le32_to_cpu(cp->sense->residual));
	scsi_done(sc);
}
