/* mmap-range-unchecked (good): the catalogue's overflow-safe form, vm_pgoff < npages && vma_pages(vma) <= npages - vm_pgoff, before mapping a window of a PCI BAR. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>

#define DB_BAR	2

struct db_dev {
	struct pci_dev *pdev;
	unsigned long db_pfn;
	unsigned long db_npages;
};

static int db_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct db_dev *db = file->private_data;
	unsigned long npages = db->db_npages;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, db->db_pfn + vma->vm_pgoff,
				  vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations db_fops = {
	.owner = THIS_MODULE,
	.mmap = db_mmap,
};

static int db_setup(struct db_dev *db)
{
	db->db_pfn = pci_resource_start(db->pdev, DB_BAR) >> PAGE_SHIFT;
	db->db_npages = pci_resource_len(db->pdev, DB_BAR) >> PAGE_SHIFT;
	return 0;
}
