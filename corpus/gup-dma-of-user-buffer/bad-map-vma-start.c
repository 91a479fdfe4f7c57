/* An mmap handler "maps the user buffer for DMA" by handing vma->vm_start, a user address, to dma_map_single(). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct grab_dev {
	struct device *dev;
	dma_addr_t user_dma;
	size_t user_len;
};

static int grab_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct grab_dev *gd = file->private_data;
	size_t len = vma->vm_end - vma->vm_start;

	gd->user_dma = dma_map_single(gd->dev, (void *)vma->vm_start, len, DMA_FROM_DEVICE); /* expect-warning gup-dma-of-user-buffer */
	if (dma_mapping_error(gd->dev, gd->user_dma))
		return -ENOMEM;
	gd->user_len = len;
	return 0;
}

static const struct file_operations grab_fops = {
	.owner = THIS_MODULE,
	.mmap = grab_mmap,
};
