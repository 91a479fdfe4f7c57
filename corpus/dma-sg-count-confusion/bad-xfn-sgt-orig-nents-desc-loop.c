/* dma-sg-count-confusion (cross-function): a video capture driver maps the buffer's sg_table with dma_map_sgtable() in buf_prepare; the descriptor-chain builder in another function (which syncs the descriptor array, so the stream analysis runs on it) walks sgt->orig_nents entries, programming DMA addresses of entries an IOMMU merged away. */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <media/videobuf2-v4l2.h>
#include <media/videobuf2-dma-sg.h>

struct vcap_desc {
	__le64 addr;
	__le32 len;
	__le32 ctrl;
};

struct vcap_buffer {
	struct vb2_v4l2_buffer vb;
	struct vcap_desc *descs;
	dma_addr_t descs_dma;
	struct sg_table *sgt;
};

struct vcap_dev {
	struct device *dev;
	void __iomem *regs;
};

static int vcap_map_buffer(struct vcap_dev *vcap, struct vcap_buffer *buf, struct sg_table *sgt)
{
	int ret;

	ret = dma_map_sgtable(vcap->dev, sgt, DMA_FROM_DEVICE, 0);
	if (ret)
		return ret;
	buf->sgt = sgt;
	return 0;
}

static void vcap_build_chain(struct vcap_dev *vcap, struct vcap_buffer *buf)
{
	struct sg_table *sgt = buf->sgt;
	struct vcap_desc *d = buf->descs;
	struct scatterlist *sg;
	int i;

	for_each_sg(sgt->sgl, sg, sgt->orig_nents, i) { /* expect-warning dma-sg-count-confusion */
		d->addr = cpu_to_le64(sg_dma_address(sg));
		d->len = cpu_to_le32(sg_dma_len(sg));
		d->ctrl = cpu_to_le32(i == sgt->orig_nents - 1 ? 3 : 1);
		d++;
	}
	/* the descriptor array is a streaming mapping made at queue setup */
	dma_sync_single_for_device(vcap->dev, buf->descs_dma,
				   sgt->orig_nents * sizeof(*d), DMA_TO_DEVICE);
}

int vcap_buf_prepare(struct vcap_dev *vcap, struct vcap_buffer *buf, struct sg_table *sgt)
{
	int ret;

	ret = vcap_map_buffer(vcap, buf, sgt);
	if (ret)
		return ret;
	vcap_build_chain(vcap, buf);
	return 0;
}

void vcap_buf_cleanup(struct vcap_dev *vcap, struct vcap_buffer *buf)
{
	dma_unmap_sgtable(vcap->dev, buf->sgt, DMA_FROM_DEVICE, 0);
}

void vcap_start_buf(struct vcap_dev *vcap, struct vcap_buffer *buf)
{
	writeq(buf->descs_dma, vcap->regs + 0x80);
	writel(1, vcap->regs + 0x88);
}
