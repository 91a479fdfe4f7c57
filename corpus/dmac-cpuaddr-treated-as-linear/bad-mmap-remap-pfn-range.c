/* dmac-cpuaddr-treated-as-linear: an mmap handler exports a coherent capture buffer with remap_pfn_range() of virt_to_phys(cpu_addr). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>

#define CAP_BUF_SIZE		SZ_1M

struct cap_dev {
	struct device *dev;
	struct mutex lock;
	void *buf;
	dma_addr_t buf_dma;
};

static int cap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cap_dev *cd = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;
	dma_addr_t buf_dma;
	void *buf;
	int ret;

	if (size > CAP_BUF_SIZE || vma->vm_pgoff)
		return -EINVAL;

	buf = dma_alloc_coherent(cd->dev, CAP_BUF_SIZE, &buf_dma, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	ret = remap_pfn_range(vma, vma->vm_start, virt_to_phys(buf) >> PAGE_SHIFT, /* expect-warning dmac-cpuaddr-treated-as-linear */
			      size, vma->vm_page_prot);
	if (ret) {
		dma_free_coherent(cd->dev, CAP_BUF_SIZE, buf, buf_dma);
		return ret;
	}

	mutex_lock(&cd->lock);
	cd->buf = buf;
	cd->buf_dma = buf_dma;
	mutex_unlock(&cd->lock);
	return 0;
}
