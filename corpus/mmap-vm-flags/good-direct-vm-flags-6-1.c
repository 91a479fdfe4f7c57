/* 6.1 code writes vma->vm_flags directly: correct before 6.3 (the compiler rejects it later), not reported. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct mbx {
	struct pci_dev *pdev;
	phys_addr_t base;
	size_t len;
};

static int mbx_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct mbx *m = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_flags |= VM_IO | VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_flags &= ~VM_MAYEXEC;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, m->base, m->len);
}

static const struct file_operations mbx_fops = {
	.owner = THIS_MODULE,
	.mmap = mbx_mmap,
};

static int mbx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct mbx *m = devm_kzalloc(&pdev->dev, sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->pdev = pdev;
	m->base = pci_resource_start(pdev, 0);
	m->len = pci_resource_len(pdev, 0);
	return 0;
}
