/* dma-use-after-unmap (cross-function): the frame is unmapped by one same-file helper and then synced by another (the sync helper assumed a still-live mapping). */
#include <linux/dma-mapping.h>
#include <linux/videodev2.h>
#include <linux/slab.h>

#define VCAP_FRAME_SZ	(640 * 480 * 2)

struct vcap_dev {
	struct device *dev;
	void __iomem *regs;
	void *frame;
	unsigned int seq;
};

static dma_addr_t vcap_map_frame(struct vcap_dev *vc, void *frame)
{
	return dma_map_single(vc->dev, frame, VCAP_FRAME_SZ, DMA_FROM_DEVICE);
}

static void vcap_unmap_frame(struct vcap_dev *vc, dma_addr_t handle)
{
	dma_unmap_single(vc->dev, handle, VCAP_FRAME_SZ, DMA_FROM_DEVICE);
}

static void vcap_frame_for_cpu(struct vcap_dev *vc, dma_addr_t handle)
{
	dma_sync_single_for_cpu(vc->dev, handle, VCAP_FRAME_SZ, DMA_FROM_DEVICE);
}

int vcap_start_dma(struct vcap_dev *vc, dma_addr_t handle);
int vcap_wait_frame(struct vcap_dev *vc);
void vcap_deliver(struct vcap_dev *vc, const void *frame, size_t len);

static int vcap_grab_one(struct vcap_dev *vc)
{
	dma_addr_t handle;
	int ret;

	handle = vcap_map_frame(vc, vc->frame);
	if (dma_mapping_error(vc->dev, handle))
		return -ENOMEM;

	ret = vcap_start_dma(vc, handle);
	if (!ret)
		ret = vcap_wait_frame(vc);
	vcap_unmap_frame(vc, handle);
	if (ret)
		return ret;

	vcap_frame_for_cpu(vc, handle); /* expect-warning dma-use-after-unmap */
	vcap_deliver(vc, vc->frame, VCAP_FRAME_SZ);
	vc->seq++;
	return 0;
}
