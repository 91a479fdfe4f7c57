/* dma-map-error-unchecked across functions: pmx_map_cmd() returns the handle of a fresh mapping and leaves the check to its callers, but neither the queueing path nor the abort path ever calls dma_mapping_error(). */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <scsi/scsi_cmnd.h>
#include <scsi/scsi_host.h>

#define PMX_REG_IQ_LO		0x200
#define PMX_REG_IQ_HI		0x204
#define PMX_REG_IQ_DOORBELL	0x208
#define PMX_IOCB_SIZE		128

struct pmx_iocb {
	u8 opcode;
	u8 flags;
	__le16 tag;
	__le32 data_len;
	u8 cdb[16];
	u8 rsvd[PMX_IOCB_SIZE - 24];
};

struct pmx_hba {
	struct pci_dev *pdev;
	void __iomem *regs;
	spinlock_t lock;
};

struct pmx_req {
	struct pmx_iocb iocb;
	dma_addr_t iocb_dma;
	struct scsi_cmnd *scmd;
};

static dma_addr_t pmx_map_cmd(struct pmx_hba *hba, struct pmx_req *req)
{
	return dma_map_single(&hba->pdev->dev, &req->iocb, sizeof(req->iocb), DMA_TO_DEVICE);
}

static void pmx_unmap_cmd(struct pmx_hba *hba, struct pmx_req *req)
{
	dma_unmap_single(&hba->pdev->dev, req->iocb_dma, sizeof(req->iocb), DMA_TO_DEVICE);
}

static int pmx_queuecommand(struct Scsi_Host *shost, struct scsi_cmnd *scmd)
{
	struct pmx_hba *hba = shost_priv(shost);
	struct pmx_req *req = scsi_cmd_priv(scmd);
	unsigned long flags;
	dma_addr_t dma;

	memset(&req->iocb, 0, sizeof(req->iocb));
	req->iocb.opcode = 0x01;
	req->iocb.tag = cpu_to_le16(scsi_cmd_to_rq(scmd)->tag);
	req->iocb.data_len = cpu_to_le32(scsi_bufflen(scmd));
	memcpy(req->iocb.cdb, scmd->cmnd, scmd->cmd_len);
	req->scmd = scmd;

	dma = pmx_map_cmd(hba, req); /* expect-warning dma-map-error-unchecked */
	req->iocb_dma = dma;
	spin_lock_irqsave(&hba->lock, flags);
	writel(lower_32_bits(dma), hba->regs + PMX_REG_IQ_LO);
	writel(upper_32_bits(dma), hba->regs + PMX_REG_IQ_HI);
	writel(1, hba->regs + PMX_REG_IQ_DOORBELL);
	spin_unlock_irqrestore(&hba->lock, flags);
	return 0;
}

static int pmx_abort(struct scsi_cmnd *scmd)
{
	struct pmx_hba *hba = shost_priv(scmd->device->host);
	struct pmx_req *req = scsi_cmd_priv(scmd);
	struct pmx_req *abt = req + 1;

	memset(&abt->iocb, 0, sizeof(abt->iocb));
	abt->iocb.opcode = 0x0d;
	abt->iocb.tag = req->iocb.tag;
	abt->iocb_dma = pmx_map_cmd(hba, abt); /* expect-warning dma-map-error-unchecked */
	lo_hi_writeq(abt->iocb_dma, hba->regs + PMX_REG_IQ_LO);
	writel(1, hba->regs + PMX_REG_IQ_DOORBELL);
	msleep(100);
	pmx_unmap_cmd(hba, abt);
	return SUCCESS;
}

static irqreturn_t pmx_isr(int irq, void *data)
{
	struct pmx_hba *hba = data;

	writel(0, hba->regs + PMX_REG_IQ_DOORBELL);
	return IRQ_HANDLED;
}

static struct scsi_host_template pmx_sht = {
	.name = "pmx",
	.queuecommand = pmx_queuecommand,
	.eh_abort_handler = pmx_abort,
	.cmd_size = 2 * sizeof(struct pmx_req),
	.can_queue = 64,
	.this_id = -1,
};
