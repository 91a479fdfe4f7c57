/* The catalogue's GOOD shape: pin the user pages, build an sg table from them, map it with dma_map_sgtable(). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct dsp_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

static long dsp_capture(struct dsp_dev *dsp, unsigned long uaddr, size_t len)
{
	int nr = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	struct page **pages;
	struct sg_table sgt;
	int n;
	long ret;

	pages = kvcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	n = pin_user_pages_fast(uaddr & PAGE_MASK, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (n < 0) {
		ret = n;
		goto out_free;
	}
	if (n != nr) {
		unpin_user_pages(pages, n);
		ret = -EFAULT;
		goto out_free;
	}
	ret = sg_alloc_table_from_pages(&sgt, pages, n, offset_in_page(uaddr), len, GFP_KERNEL);
	if (!ret)
		ret = dma_map_sgtable(dsp->dev, &sgt, DMA_FROM_DEVICE, 0);
	if (ret) {
		sg_free_table(&sgt);
		unpin_user_pages(pages, n);
		goto out_free;
	}
	reinit_completion(&dsp->done);
	writeq(sg_dma_address(sgt.sgl), dsp->regs + 0x10);
	if (!wait_for_completion_timeout(&dsp->done, HZ))
		ret = -ETIMEDOUT;
	dma_unmap_sgtable(dsp->dev, &sgt, DMA_FROM_DEVICE, 0);
	sg_free_table(&sgt);
	unpin_user_pages_dirty_lock(pages, n, true);
out_free:
	kvfree(pages);
	return ret;
}

static long dsp_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct dsp_dev *dsp = file->private_data;

	return dsp_capture(dsp, arg, SZ_64K);
}

static const struct file_operations dsp_fops = {
	.unlocked_ioctl = dsp_ioctl,
};
