/* u64_to_user_ptr() gives a user pointer; sg_init_one() needs a kernel linear address. */
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct accel_cmd {
	__u64 payload;
	__u32 size;
};

struct accel {
	struct device *dev;
	struct scatterlist sg;
};

static int accel_queue_payload(struct accel *ac, const struct accel_cmd *cmd)
{
	int nents;

	sg_init_one(&ac->sg, u64_to_user_ptr(cmd->payload), cmd->size); /* expect-warning gup-dma-of-user-buffer */
	nents = dma_map_sg(ac->dev, &ac->sg, 1, DMA_TO_DEVICE);
	if (!nents)
		return -ENOMEM;
	return 0;
}
