/* _parse (with bugs): an unchecked map and a CPU write inside a __must_check function with __iomem/__user/__force noise. */
#include <linux/uaccess.h>
#include <linux/dma-mapping.h>

#define KBX_ADDR_LO	0x00
#define KBX_ADDR_HI	0x04
#define KBX_GO		0x08

struct kbx_dev {
	struct device *dev;
	void __iomem *regs;
	u8 *scratch ____cacheline_aligned;
	size_t scratch_len;
	dma_addr_t scratch_dma;
};

static int __must_check kbx_push_user(struct kbx_dev *kd, const char __user *ubuf, size_t len)
{
	u32 __iomem *go = (u32 __iomem *)(kd->regs + KBX_GO);
	dma_addr_t dma;

	if (len > kd->scratch_len)
		return -EINVAL;

	dma = dma_map_single(kd->dev, kd->scratch, len, DMA_TO_DEVICE); /* expect-warning dma-map-error-unchecked */
	if (copy_from_user(kd->scratch, ubuf, len)) /* expect-warning dma-cpu-access-while-mapped */
		goto out_unmap;

	writel(lower_32_bits(dma), kd->regs + KBX_ADDR_LO);
	writel(upper_32_bits(dma), kd->regs + KBX_ADDR_HI);
	writel((__force u32)cpu_to_le32(len), go);
	kd->scratch_dma = dma;
	return 0;

out_unmap:
	dma_unmap_single(kd->dev, dma, len, DMA_TO_DEVICE);
	return -EFAULT;
}
