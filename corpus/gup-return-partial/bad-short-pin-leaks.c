/* A short pin (0 < n < nr) is treated as failure and the n pinned pages are leaked. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct crypt_dev {
	struct device *dev;
	void __iomem *regs;
	struct completion done;
};

struct crypt_req {
	__u64 src;
	__u32 len;
};

static int crypt_run_user(struct crypt_dev *cd, struct crypt_req *req)
{
	unsigned int nr = DIV_ROUND_UP(offset_in_page(req->src) + req->len, PAGE_SIZE);
	struct page **pages;
	struct sg_table sgt;
	int n, ret;

	pages = kcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	n = pin_user_pages_fast(req->src & PAGE_MASK, nr, 0, pages);
	if (n < 0) {
		ret = n;
		goto out_free;
	}
	if (n != nr) { /* expect-warning gup-return-partial */
		ret = -EFAULT;
		goto out_free;
	}

	ret = sg_alloc_table_from_pages(&sgt, pages, n, offset_in_page(req->src), req->len, GFP_KERNEL);
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
	struct crypt_req req;

	if (copy_from_user(&req, (void __user *)arg, sizeof(req)))
		return -EFAULT;
	return crypt_run_user(cd, &req);
}

static const struct file_operations crypt_fops = {
	.unlocked_ioctl = crypt_ioctl,
};
