/* vm_page_prot is computed by helpers this file does not define (phys_mem_access_prot(), a subsystem hook). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct bar_map {
	struct pci_dev *pdev;
	int bar;
};

extern void bar_map_setup_vma(struct bar_map *bm, struct vm_area_struct *vma);

static int barmap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar_map *bm = file->private_data;
	resource_size_t start = pci_resource_start(bm->pdev, bm->bar);
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > pci_resource_len(bm->pdev, bm->bar) || vma->vm_pgoff)
		return -EINVAL;
	vma->vm_page_prot = phys_mem_access_prot(file, start >> PAGE_SHIFT, size, vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, start >> PAGE_SHIFT, size, vma->vm_page_prot);
}

static int barmap_mmap_hook(struct file *file, struct vm_area_struct *vma)
{
	struct bar_map *bm = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > pci_resource_len(bm->pdev, bm->bar))
		return -EINVAL;
	bar_map_setup_vma(bm, vma);
	return vm_iomap_memory(vma, pci_resource_start(bm->pdev, bm->bar),
			       vma->vm_end - vma->vm_start);
}

static const struct file_operations barmap_fops = {
	.owner = THIS_MODULE,
	.mmap = barmap_mmap,
};

static const struct file_operations barmap_hook_fops = {
	.owner = THIS_MODULE,
	.mmap = barmap_mmap_hook,
};
