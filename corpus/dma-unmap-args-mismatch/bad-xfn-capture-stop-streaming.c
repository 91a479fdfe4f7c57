/* dma-unmap-args-mismatch (cross-function): start_streaming maps the capture line buffers DMA_FROM_DEVICE, stop_streaming unmaps them DMA_TO_DEVICE; the driver maps nothing TO_DEVICE. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <media/v4l2-device.h>
#include <media/videobuf2-vmalloc.h>

#define LCAP_NBUF		4
#define LCAP_LINE_BYTES		8192
#define LCAP_REG_BUF(n)		(0x100 + (n) * 8)
#define LCAP_REG_CTRL		0x00
#define LCAP_CTRL_RUN		BIT(0)

struct lcap_line {
	void *cpu;
	dma_addr_t dma;
};

struct lcap_dev {
	struct device *dev;
	void __iomem *regs;
	struct vb2_queue queue;
	struct lcap_line line[LCAP_NBUF];
};

static int lcap_start_streaming(struct vb2_queue *q, unsigned int count)
{
	struct lcap_dev *lc = vb2_get_drv_priv(q);
	int i;

	for (i = 0; i < LCAP_NBUF; i++) {
		struct lcap_line *ln = &lc->line[i];

		ln->cpu = kmalloc(LCAP_LINE_BYTES, GFP_KERNEL);
		if (!ln->cpu)
			goto err_unwind;
		ln->dma = dma_map_single(lc->dev, ln->cpu, LCAP_LINE_BYTES, DMA_FROM_DEVICE);
		if (dma_mapping_error(lc->dev, ln->dma)) {
			kfree(ln->cpu);
			goto err_unwind;
		}
		writel(lower_32_bits(ln->dma), lc->regs + LCAP_REG_BUF(i));
	}
	writel(LCAP_CTRL_RUN, lc->regs + LCAP_REG_CTRL);
	return 0;

err_unwind:
	while (--i >= 0) {
		dma_unmap_single(lc->dev, lc->line[i].dma, LCAP_LINE_BYTES, DMA_FROM_DEVICE);
		kfree(lc->line[i].cpu);
	}
	return -ENOMEM;
}

static void lcap_stop_streaming(struct vb2_queue *q)
{
	struct lcap_dev *lc = vb2_get_drv_priv(q);
	int i;

	writel(0, lc->regs + LCAP_REG_CTRL);
	for (i = 0; i < LCAP_NBUF; i++) {
		dma_unmap_single(lc->dev, lc->line[i].dma, LCAP_LINE_BYTES, DMA_TO_DEVICE); /* expect-warning dma-unmap-args-mismatch */
		kfree(lc->line[i].cpu);
		lc->line[i].cpu = NULL;
	}
}

static const struct vb2_ops lcap_qops = {
	.start_streaming = lcap_start_streaming,
	.stop_streaming = lcap_stop_streaming,
	.wait_prepare = vb2_ops_wait_prepare,
	.wait_finish = vb2_ops_wait_finish,
};
