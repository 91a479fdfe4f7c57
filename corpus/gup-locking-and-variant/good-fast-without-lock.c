/* pin_user_pages_fast() needs no lock: the usual ioctl shape, pin + sg table + dma_map_sgtable. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct pxfer {
	struct device *dev;
	struct sg_table sgt;
	struct page **pages;
	int npages;
};

static int pxfer_pin(struct pxfer *x, unsigned long uaddr, size_t len, bool to_dev)
{
	int nr = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	int n, ret;

	x->pages = kvmalloc_array(nr, sizeof(*x->pages), GFP_KERNEL);
	if (!x->pages)
		return -ENOMEM;

	n = pin_user_pages_fast(uaddr & PAGE_MASK, nr, to_dev ? 0 : FOLL_WRITE, x->pages);
	if (n < 0) {
		ret = n;
		goto err_free;
	}
	if (n != nr) {
		unpin_user_pages(x->pages, n);
		ret = -EFAULT;
		goto err_free;
	}
	x->npages = n;

	ret = sg_alloc_table_from_pages(&x->sgt, x->pages, n, offset_in_page(uaddr), len, GFP_KERNEL);
	if (ret)
		goto err_unpin;
	ret = dma_map_sgtable(x->dev, &x->sgt, to_dev ? DMA_TO_DEVICE : DMA_FROM_DEVICE, 0);
	if (ret)
		goto err_sgt;
	return 0;

err_sgt:
	sg_free_table(&x->sgt);
err_unpin:
	unpin_user_pages(x->pages, n);
err_free:
	kvfree(x->pages);
	x->pages = NULL;
	return ret;
}

static long pxfer_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pxfer *x = file->private_data;

	return pxfer_pin(x, arg, SZ_64K, cmd == 1);
}

static const struct file_operations pxfer_fops = {
	.unlocked_ioctl = pxfer_ioctl,
};
