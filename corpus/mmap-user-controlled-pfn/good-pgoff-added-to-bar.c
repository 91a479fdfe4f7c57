/* mmap-user-controlled-pfn (good): bcm-vk style: the request is bounded by the BAR's page count, then vm_pgoff is moved into the BAR (vm_pgoff += BAR PFN) and remapped. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

#define VK_MMAPABLE_BAR	4

struct vk_ctx {
	struct pci_dev *pdev;
};

static int vk_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct vk_ctx *ctx = file->private_data;
	unsigned long pg_size;

	pg_size = ((pci_resource_len(ctx->pdev, VK_MMAPABLE_BAR) - 1) >> PAGE_SHIFT) + 1;
	if (vma->vm_pgoff + vma_pages(vma) > pg_size)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	vma->vm_pgoff += (pci_resource_start(ctx->pdev, VK_MMAPABLE_BAR) >> PAGE_SHIFT);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);

	return io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
				  vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations vk_fops = {
	.owner = THIS_MODULE,
	.mmap = vk_mmap,
};
