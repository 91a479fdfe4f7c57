/* dmac-cpuaddr-treated-as-linear (good): a coherent mailbox is given to the device by handle, while virt_to_phys() is used on a __get_free_pages() log buffer only. */
#include <linux/gfp.h>
#include <linux/arm-smccc.h>
#include <linux/dma-mapping.h>

#define FWMB_SHM_SIZE		SZ_64K
#define FWMB_LOG_ORDER		2
#define FWMB_SMC_SET_LOG	0x82000031
#define FWMB_REG_SHM		0x00

struct fwmb {
	struct device *dev;
	void __iomem *regs;
	void *shm;
	dma_addr_t shm_dma;
	unsigned long log;
};

static int fwmb_setup(struct fwmb *mb)
{
	struct arm_smccc_res res;
	dma_addr_t shm_dma;
	void *shm, *log;

	log = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, FWMB_LOG_ORDER);
	if (!log)
		return -ENOMEM;
	/* the secure firmware writes its log into normal-world RAM */
	arm_smccc_smc(FWMB_SMC_SET_LOG, virt_to_phys(log), PAGE_SIZE << FWMB_LOG_ORDER,
		      0, 0, 0, 0, 0, &res);

	shm = dma_alloc_coherent(mb->dev, FWMB_SHM_SIZE, &shm_dma, GFP_KERNEL);
	if (!shm) {
		arm_smccc_smc(FWMB_SMC_SET_LOG, 0, 0, 0, 0, 0, 0, 0, &res);
		free_pages((unsigned long)log, FWMB_LOG_ORDER);
		return -ENOMEM;
	}

	lo_hi_writeq(shm_dma, mb->regs + FWMB_REG_SHM);
	mb->shm = shm;
	mb->shm_dma = shm_dma;
	mb->log = (unsigned long)log;
	return 0;
}
