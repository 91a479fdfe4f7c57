/* Physical addresses of unknown origin (a firmware query, a table, a parameter) are not judged. */
#include <linux/fs.h>
#include <linux/mm.h>

struct fw_window {
	phys_addr_t base;          /* reported by firmware: RAM or MMIO, unknown here */
	size_t size;
};

extern int fw_query_window(unsigned int id, struct fw_window *w);

static int fwwin_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct fw_window w;
	int ret;

	ret = fw_query_window(iminor(file_inode(file)), &w);
	if (ret)
		return ret;
	return vm_iomap_memory(vma, w.base, w.size);
}

int fwwin_map_phys(struct vm_area_struct *vma, phys_addr_t phys, size_t len)
{
	/* exported helper: the callers and their pgprot are not in this file */
	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > len)
		return -EINVAL;
	return io_remap_pfn_range(vma, vma->vm_start, PHYS_PFN(phys), len, vma->vm_page_prot);
}

static const struct file_operations fwwin_fops = {
	.owner = THIS_MODULE,
	.mmap = fwwin_mmap,
};
