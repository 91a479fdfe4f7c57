/* dmac-cpuaddr-treated-as-linear: a firmware mailbox gets __pa() of an offset into dmam_alloc_coherent() memory. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>

#define FWMB_SHM_SIZE		SZ_64K
#define FWMB_RSP_OFF		SZ_32K
#define FWMB_REG_CMD_BUF	0x00
#define FWMB_REG_RSP_BUF	0x08

struct fwmb {
	struct device *dev;
	void __iomem *regs;
	void *shm;
	dma_addr_t shm_dma;
};

static int fwmb_probe(struct platform_device *pdev)
{
	struct fwmb *mb;
	dma_addr_t shm_dma;
	void *shm;

	mb = devm_kzalloc(&pdev->dev, sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;
	mb->dev = &pdev->dev;
	mb->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mb->regs))
		return PTR_ERR(mb->regs);

	shm = dmam_alloc_coherent(&pdev->dev, FWMB_SHM_SIZE, &shm_dma, GFP_KERNEL);
	if (!shm)
		return -ENOMEM;

	lo_hi_writeq(shm_dma, mb->regs + FWMB_REG_CMD_BUF);
	lo_hi_writeq(__pa(shm + FWMB_RSP_OFF), mb->regs + FWMB_REG_RSP_BUF); /* expect-warning dmac-cpuaddr-treated-as-linear */ /* expect-warning addr-cpu-address-programmed-into-device */

	mb->shm = shm;
	mb->shm_dma = shm_dma;
	platform_set_drvdata(pdev, mb);
	return 0;
}
