/* dma-sync-protocol (cross-function): buf_prepare maps each frame's sg_table DMA_FROM_DEVICE; buf_finish hands it to the CPU with dma_sync_sgtable_for_cpu(..., DMA_TO_DEVICE). */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <media/videobuf2-v4l2.h>
#include <media/videobuf2-dma-sg.h>

#define FGX_REG_DESC_LO		0x80
#define FGX_REG_DESC_HI		0x84

struct fgx_buffer {
	struct vb2_v4l2_buffer vb;
	struct list_head list;
	struct sg_table sgt;
	bool mapped;
};

struct fgx_dev {
	struct pci_dev *pdev;
	void __iomem *mmio;
	struct vb2_queue q;
	struct list_head active;
	spinlock_t lock;
};

static struct fgx_buffer *to_fgx_buf(struct vb2_buffer *vb)
{
	return container_of(to_vb2_v4l2_buffer(vb), struct fgx_buffer, vb);
}

static int fgx_buf_prepare(struct vb2_buffer *vb)
{
	struct fgx_dev *fg = vb2_get_drv_priv(vb->vb2_queue);
	struct fgx_buffer *buf = to_fgx_buf(vb);
	struct sg_table *src = vb2_dma_sg_plane_desc(vb, 0);
	int ret;

	if (buf->mapped)
		return 0;
	ret = sg_alloc_table(&buf->sgt, src->orig_nents, GFP_KERNEL);
	if (ret)
		return ret;
	memcpy(buf->sgt.sgl, src->sgl, src->orig_nents * sizeof(struct scatterlist));
	ret = dma_map_sgtable(&fg->pdev->dev, &buf->sgt, DMA_FROM_DEVICE, 0);
	if (ret) {
		sg_free_table(&buf->sgt);
		return ret;
	}
	buf->mapped = true;
	return 0;
}

static void fgx_buf_finish(struct vb2_buffer *vb)
{
	struct fgx_dev *fg = vb2_get_drv_priv(vb->vb2_queue);
	struct fgx_buffer *buf = to_fgx_buf(vb);

	dma_sync_sgtable_for_cpu(&fg->pdev->dev, &buf->sgt, DMA_TO_DEVICE); /* expect-warning dma-sync-protocol */
}

static void fgx_buf_cleanup(struct vb2_buffer *vb)
{
	struct fgx_dev *fg = vb2_get_drv_priv(vb->vb2_queue);
	struct fgx_buffer *buf = to_fgx_buf(vb);

	if (!buf->mapped)
		return;
	dma_unmap_sgtable(&fg->pdev->dev, &buf->sgt, DMA_FROM_DEVICE, 0);
	sg_free_table(&buf->sgt);
	buf->mapped = false;
}

static void fgx_buf_queue(struct vb2_buffer *vb)
{
	struct fgx_dev *fg = vb2_get_drv_priv(vb->vb2_queue);
	struct fgx_buffer *buf = to_fgx_buf(vb);
	unsigned long flags;

	dma_sync_sgtable_for_device(&fg->pdev->dev, &buf->sgt, DMA_FROM_DEVICE);
	spin_lock_irqsave(&fg->lock, flags);
	list_add_tail(&buf->list, &fg->active);
	spin_unlock_irqrestore(&fg->lock, flags);
}

static const struct vb2_ops fgx_qops = {
	.buf_prepare = fgx_buf_prepare,
	.buf_finish = fgx_buf_finish,
	.buf_cleanup = fgx_buf_cleanup,
	.buf_queue = fgx_buf_queue,
};
