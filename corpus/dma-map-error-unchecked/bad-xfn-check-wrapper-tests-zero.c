/* dma-map-error-unchecked across functions: a capture driver maps frame buffers through a helper and validates the handle with its own vcx_dma_valid(), which compares against 0 instead of calling dma_mapping_error(). */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <media/videobuf2-v4l2.h>

#define VCX_REG_FB_ADDR		0x0200
#define VCX_REG_FB_SIZE		0x0208
#define VCX_REG_START		0x0210

struct vcx_frame {
	struct vb2_v4l2_buffer vb;
	struct list_head list;
	void *vaddr;
	dma_addr_t dma;
};

struct vcx_dev {
	struct device *dev;
	void __iomem *mmio;
	spinlock_t lock;
	struct list_head queued;
	size_t frame_size;
};

static dma_addr_t vcx_map_frame(struct vcx_dev *vcx, struct vcx_frame *f)
{
	return dma_map_single(vcx->dev, f->vaddr, vcx->frame_size, DMA_FROM_DEVICE);
}

static bool vcx_dma_valid(dma_addr_t addr)
{
	return addr != 0;
}

static int vcx_queue_frame(struct vcx_dev *vcx, struct vcx_frame *f)
{
	unsigned long flags;

	f->dma = vcx_map_frame(vcx, f); /* expect-warning dma-map-error-unchecked */
	if (!vcx_dma_valid(f->dma))
		return -EIO;

	spin_lock_irqsave(&vcx->lock, flags);
	list_add_tail(&f->list, &vcx->queued);
	writel(lower_32_bits(f->dma), vcx->mmio + VCX_REG_FB_ADDR);
	writel(vcx->frame_size, vcx->mmio + VCX_REG_FB_SIZE);
	writel(1, vcx->mmio + VCX_REG_START);
	spin_unlock_irqrestore(&vcx->lock, flags);
	return 0;
}

static void vcx_frame_done(struct vcx_dev *vcx, struct vcx_frame *f)
{
	dma_unmap_single(vcx->dev, f->dma, vcx->frame_size, DMA_FROM_DEVICE);
	vb2_buffer_done(&f->vb.vb2_buf, VB2_BUF_STATE_DONE);
}

static irqreturn_t vcx_irq(int irq, void *priv)
{
	struct vcx_dev *vcx = priv;
	struct vcx_frame *f;

	spin_lock(&vcx->lock);
	f = list_first_entry_or_null(&vcx->queued, struct vcx_frame, list);
	if (f)
		list_del(&f->list);
	spin_unlock(&vcx->lock);
	if (f)
		vcx_frame_done(vcx, f);
	return IRQ_HANDLED;
}
