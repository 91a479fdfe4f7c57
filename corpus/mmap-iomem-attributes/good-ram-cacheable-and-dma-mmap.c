/* RAM exports that keep the kernel's attributes: cacheable remap of zeroed pages, and dma_mmap_wc() for WC memory. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct stats_dev {
	struct device *dev;
	void *stats;               /* get_zeroed_page() */
	void *wc_buf;              /* dma_alloc_wc() */
	dma_addr_t wc_dma;
	size_t wc_size;
};

static int stats_init(struct stats_dev *sd)
{
	sd->stats = (void *)get_zeroed_page(GFP_KERNEL);
	if (!sd->stats)
		return -ENOMEM;
	sd->wc_size = SZ_64K;
	sd->wc_buf = dma_alloc_wc(sd->dev, sd->wc_size, &sd->wc_dma, GFP_KERNEL);
	if (!sd->wc_buf) {
		free_page((unsigned long)sd->stats);
		return -ENOMEM;
	}
	return 0;
}

static int stats_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct stats_dev *sd = file->private_data;

	if (vma->vm_pgoff == 0) {
		if (vma->vm_end - vma->vm_start != PAGE_SIZE)
			return -EINVAL;
		return remap_pfn_range(vma, vma->vm_start, virt_to_phys(sd->stats) >> PAGE_SHIFT,
				       PAGE_SIZE, vma->vm_page_prot);
	}
	vma->vm_pgoff = 0;
	return dma_mmap_wc(sd->dev, vma, sd->wc_buf, sd->wc_dma, sd->wc_size);
}

static const struct file_operations stats_fops = {
	.owner = THIS_MODULE,
	.mmap = stats_mmap,
};
