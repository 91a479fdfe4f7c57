/* The command is duplicated into kernel memory with memdup_user(); its inline payload is kernel memory. */
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>

struct mbox_cmd {
	u32 opcode;
	u32 len;
	u8 data[240];
};

struct mbox {
	struct device *dev;
	struct scatterlist sg;
};

static long mbox_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct mbox *mb = file->private_data;
	struct mbox_cmd *mc;
	int nents;

	mc = memdup_user((void __user *)arg, sizeof(*mc));
	if (IS_ERR(mc))
		return PTR_ERR(mc);
	if (mc->len > sizeof(mc->data)) {
		kfree(mc);
		return -EINVAL;
	}
	sg_init_one(&mb->sg, mc->data, mc->len);
	nents = dma_map_sg(mb->dev, &mb->sg, 1, DMA_TO_DEVICE);
	if (!nents) {
		kfree(mc);
		return -ENOMEM;
	}
	/* ... send, wait ... */
	dma_unmap_sg(mb->dev, &mb->sg, 1, DMA_TO_DEVICE);
	kfree(mc);
	return 0;
}

static const struct file_operations mbox_fops = {
	.unlocked_ioctl = mbox_ioctl,
};
