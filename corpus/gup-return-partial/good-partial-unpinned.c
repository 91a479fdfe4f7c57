/* The catalogue's GOOD shape: negative result returned, a short pin released with the count actually pinned. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct crypt_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static int crypt_run_user(struct crypt_dev *cd, unsigned long src, size_t len)
{
	unsigned int nr = DIV_ROUND_UP(offset_in_page(src) + len, PAGE_SIZE);
	struct page **pages;
	struct sg_table sgt;
	int n, ret;

	pages = kcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	n = pin_user_pages_fast(src & PAGE_MASK, nr, 0, pages);
	if (n < 0) {
		ret = n;
		goto out_free;
	}
	if (n != nr) {
		unpin_user_pages(pages, n);
		ret = -EFAULT;
		goto out_free;
	}

	ret = sg_alloc_table_from_pages(&sgt, pages, n, offset_in_page(src), len, GFP_KERNEL);
	if (ret)
		goto out_unpin;
	ret = dma_map_sgtable(cd->dev, &sgt, DMA_TO_DEVICE, 0);
	if (ret)
		goto out_sgt;
	reinit_completion(&cd->done);
	writeq(sg_dma_address(sgt.sgl), cd->regs);
	wait_for_completion(&cd->done);
	dma_unmap_sgtable(cd->dev, &sgt, DMA_TO_DEVICE, 0);
out_sgt:
	sg_free_table(&sgt);
out_unpin:
	unpin_user_pages(pages, n);
out_free:
	kfree(pages);
	return ret;
}

static long crypt_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct crypt_dev *cd = file->private_data;

	return crypt_run_user(cd, arg, SZ_4K);
}

static const struct file_operations crypt_fops = {
	.unlocked_ioctl = crypt_ioctl,
};
