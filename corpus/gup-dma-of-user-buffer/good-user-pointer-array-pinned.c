/* The user pointer is only used for copy_from_user() and as the address to pin; the mapped memory is kernel memory. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/uaccess.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct dma_desc_user {
	void __user *data;
	__u32 len;
};

struct xdev {
	struct device *dev;
	struct sg_table sgt;
	struct page **pages;
	int npages;
	void *hdr;
};

static long xdev_submit(struct xdev *x, struct dma_desc_user __user *udesc)
{
	struct dma_desc_user desc;
	unsigned long uaddr;
	int nr, n, ret;

	if (copy_from_user(&desc, udesc, sizeof(desc)))
		return -EFAULT;
	uaddr = (unsigned long)desc.data;
	if (copy_from_user(x->hdr, desc.data, 64))
		return -EFAULT;
	nr = DIV_ROUND_UP(offset_in_page(uaddr) + desc.len, PAGE_SIZE);
	n = pin_user_pages_fast(uaddr & PAGE_MASK, nr, 0, x->pages);
	if (n < 0)
		return n;
	if (n != nr) {
		unpin_user_pages(x->pages, n);
		return -EFAULT;
	}
	x->npages = n;
	ret = sg_alloc_table_from_pages(&x->sgt, x->pages, n, offset_in_page(uaddr), desc.len, GFP_KERNEL);
	if (ret) {
		unpin_user_pages(x->pages, n);
		return ret;
	}
	ret = dma_map_sgtable(x->dev, &x->sgt, DMA_TO_DEVICE, 0);
	if (ret) {
		sg_free_table(&x->sgt);
		unpin_user_pages(x->pages, n);
	}
	return ret;
}

static long xdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return xdev_submit(file->private_data, (struct dma_desc_user __user *)arg);
}

static const struct file_operations xdev_fops = {
	.unlocked_ioctl = xdev_ioctl,
};
