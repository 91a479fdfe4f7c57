/* An `unsigned long data` that is not an ioctl argument: the tasklet's data is a kernel pointer to the driver's buffer. */
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>

struct rx_ring {
	struct device *dev;
	void *buf;
	size_t len;
	dma_addr_t dma;
};

static void rx_refill_tasklet(unsigned long data)
{
	struct rx_ring *ring = (struct rx_ring *)data;

	ring->dma = dma_map_single(ring->dev, ring->buf, ring->len, DMA_FROM_DEVICE);
	if (dma_mapping_error(ring->dev, ring->dma))
		ring->dma = 0;
}

static long rx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct rx_ring *ring = file->private_data;

	if (cmd != 1)
		return -ENOTTY;
	return put_user(ring->len, (size_t __user *)arg);
}

static const struct file_operations rx_fops = {
	.unlocked_ioctl = rx_ioctl,
};
