/* dma-alloc-context-gfp (good): request_threaded_irq() - the hard handler only acks; the thread function (process context) may allocate with GFP_KERNEL and free coherent memory. */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/i2c.h>

#define TH_REG_STATUS		0x00
#define TH_FRAME_BYTES		2048

struct th_dev {
	struct device *dev;
	void __iomem *regs;
	void *frame;
	dma_addr_t frame_dma;
};

static irqreturn_t th_hardirq(int irq, void *data)
{
	struct th_dev *td = data;

	if (!readl(td->regs + TH_REG_STATUS))
		return IRQ_NONE;
	writel(0, td->regs + TH_REG_STATUS);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t th_thread(int irq, void *data)
{
	struct th_dev *td = data;
	void *frame;
	dma_addr_t frame_dma;

	frame = dma_alloc_coherent(td->dev, TH_FRAME_BYTES, &frame_dma, GFP_KERNEL);
	if (!frame)
		return IRQ_HANDLED;
	if (td->frame)
		dma_free_coherent(td->dev, TH_FRAME_BYTES, td->frame, td->frame_dma);
	td->frame = frame;
	td->frame_dma = frame_dma;
	return IRQ_HANDLED;
}

static int th_setup_irq(struct th_dev *td, int irq)
{
	return devm_request_threaded_irq(td->dev, irq, th_hardirq, th_thread,
					 IRQF_ONESHOT, "th", td);
}
