/* A window field that is sometimes a BAR and sometimes carve-out RAM: its provenance is not provable, nothing is reported. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/of_reserved_mem.h>

struct shmwin {
	struct pci_dev *pdev;
	phys_addr_t win_phys;
	size_t win_size;
	bool use_bar;
};

static int shmwin_setup(struct shmwin *sw, struct reserved_mem *rmem)
{
	if (sw->use_bar) {
		sw->win_phys = pci_resource_start(sw->pdev, 2);
		sw->win_size = pci_resource_len(sw->pdev, 2);
	} else {
		sw->win_phys = rmem->base;
		sw->win_size = rmem->size;
	}
	return 0;
}

static int shmwin_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shmwin *sw = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return vm_iomap_memory(vma, sw->win_phys, sw->win_size);
}

static const struct file_operations shmwin_fops = {
	.owner = THIS_MODULE,
	.mmap = shmwin_mmap,
};
