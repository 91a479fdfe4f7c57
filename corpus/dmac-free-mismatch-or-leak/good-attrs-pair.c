/* dmac-free-mismatch-or-leak (good): a firmware scratch area from dma_alloc_attrs() is freed with dma_free_attrs(), same size and attrs. */
#include <linux/dma-mapping.h>

#define VPU_SCRATCH_SIZE	SZ_2M
#define VPU_SCRATCH_ATTRS	(DMA_ATTR_NO_KERNEL_MAPPING | DMA_ATTR_FORCE_CONTIGUOUS)
#define VPU_REG_SCRATCH_LO	0x80
#define VPU_REG_SCRATCH_HI	0x84
#define VPU_REG_SCRATCH_SZ	0x88

struct vpu_core {
	struct device *dev;
	void __iomem *regs;
	void *scratch;
	dma_addr_t scratch_dma;
};

int vpu_fw_boot(struct vpu_core *vc);

static int vpu_boot_with_scratch(struct vpu_core *vc)
{
	dma_addr_t scratch_dma;
	void *scratch;	/* a cookie: DMA_ATTR_NO_KERNEL_MAPPING */
	int ret;

	scratch = dma_alloc_attrs(vc->dev, VPU_SCRATCH_SIZE, &scratch_dma, GFP_KERNEL,
				  VPU_SCRATCH_ATTRS);
	if (!scratch)
		return -ENOMEM;

	writel(lower_32_bits(scratch_dma), vc->regs + VPU_REG_SCRATCH_LO);
	writel(upper_32_bits(scratch_dma), vc->regs + VPU_REG_SCRATCH_HI);
	writel(VPU_SCRATCH_SIZE, vc->regs + VPU_REG_SCRATCH_SZ);

	ret = vpu_fw_boot(vc);
	if (ret) {
		writel(0, vc->regs + VPU_REG_SCRATCH_SZ);
		dma_free_attrs(vc->dev, VPU_SCRATCH_SIZE, scratch, scratch_dma, VPU_SCRATCH_ATTRS);
		return ret;
	}

	vc->scratch = scratch;
	vc->scratch_dma = scratch_dma;
	return 0;
}
