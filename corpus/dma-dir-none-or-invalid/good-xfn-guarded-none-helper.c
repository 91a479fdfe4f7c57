/* dma-dir-none-or-invalid (good, cross-function): the queuecommand path starts from DMA_NONE and from scsi_cmnd's sc_data_direction, but tests for DMA_NONE before calling the sg map helper; the completion path unmaps with the saved direction. */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <scsi/scsi_cmnd.h>
#include <scsi/scsi_host.h>

struct vhba_cmd {
	struct scsi_cmnd *sc;
	int sg_count;
	enum dma_data_direction dir;
	__le64 *prd;
};

struct vhba {
	struct device *dev;
	void __iomem *regs;
};

static void vhba_unmap_sg(struct vhba *hba, struct scatterlist *sgl, int nents,
			  enum dma_data_direction dir)
{
	dma_unmap_sg(hba->dev, sgl, nents, dir);
}

static int vhba_build_prd(struct vhba *hba, struct vhba_cmd *vc, enum dma_data_direction dir)
{
	struct scsi_cmnd *sc = vc->sc;
	struct scatterlist *sg;
	int i, n;

	n = dma_map_sg(hba->dev, scsi_sglist(sc), scsi_sg_count(sc), dir);
	if (!n)
		return -ENOMEM;

	for_each_sg(scsi_sglist(sc), sg, n, i) {
		vc->prd[2 * i] = cpu_to_le64(sg_dma_address(sg));
		vc->prd[2 * i + 1] = cpu_to_le64(sg_dma_len(sg));
	}
	vc->sg_count = n;
	vc->dir = dir;
	return 0;
}

static int vhba_prep_cmd(struct vhba *hba, struct vhba_cmd *vc)
{
	enum dma_data_direction dir = DMA_NONE;

	if (vc->sc->sc_data_direction == DMA_TO_DEVICE)
		dir = DMA_TO_DEVICE;
	else if (vc->sc->sc_data_direction == DMA_FROM_DEVICE)
		dir = DMA_FROM_DEVICE;

	/* no data phase (TEST UNIT READY, START STOP UNIT): nothing to map */
	if (dir == DMA_NONE || !scsi_sg_count(vc->sc)) {
		vc->sg_count = 0;
		vc->dir = DMA_NONE;
		return 0;
	}
	return vhba_build_prd(hba, vc, dir);
}

static void vhba_cmd_done(struct vhba *hba, struct vhba_cmd *vc)
{
	if (vc->sg_count)
		vhba_unmap_sg(hba, scsi_sglist(vc->sc), scsi_sg_count(vc->sc), vc->dir);
	scsi_done(vc->sc);
}

int vhba_queuecommand(struct Scsi_Host *shost, struct scsi_cmnd *sc)
{
	struct vhba *hba = shost_priv(shost);
	struct vhba_cmd *vc = scsi_cmd_priv(sc);
	int ret;

	vc->sc = sc;
	ret = vhba_prep_cmd(hba, vc);
	if (ret)
		return SCSI_MLQUEUE_HOST_BUSY;
	writel(1, hba->regs);
	return 0;
}

void vhba_irq_complete(struct vhba *hba, struct vhba_cmd *vc)
{
	vhba_cmd_done(hba, vc);
}
