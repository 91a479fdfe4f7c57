/* mmap-slab-or-uninit-exposure: a kzalloc(PAGE_SIZE) status page (a slab object) is exported with remap_pfn_range(page_to_pfn(virt_to_page())). */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>

struct rnic_status {
	__le32 state;
	__le32 cq_armed;
	__le64 epoch;
};

struct rnic_dev {
	struct pci_dev *pdev;
	struct rnic_status *status;
	void __iomem *bar0;
};

static int rnic_init_status(struct rnic_dev *rd)
{
	rd->status = kzalloc(PAGE_SIZE, GFP_KERNEL); /* expect-warning mmap-slab-or-uninit-exposure */
	if (!rd->status)
		return -ENOMEM;
	rd->status->state = cpu_to_le32(1);
	return 0;
}

static int rnic_mmap_status(struct rnic_dev *rd, struct vm_area_struct *vma)
{
	if (vma->vm_end - vma->vm_start != PAGE_SIZE || vma->vm_pgoff)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	return remap_pfn_range(vma, vma->vm_start, page_to_pfn(virt_to_page(rd->status)),
			       PAGE_SIZE, vma->vm_page_prot);
}

static int rnic_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct rnic_dev *rd = file->private_data;

	return rnic_mmap_status(rd, vma);
}

static const struct file_operations rnic_fops = {
	.owner = THIS_MODULE,
	.mmap = rnic_mmap,
};
