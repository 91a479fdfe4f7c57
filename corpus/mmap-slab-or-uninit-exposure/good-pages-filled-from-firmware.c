/* mmap-slab-or-uninit-exposure (good): pages from alloc_pages_exact() are filled with a firmware calibration table (memcpy) before read-only export. */
#include <linux/module.h>
#include <linux/firmware.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define CAL_MAX_BYTES		SZ_64K

struct cal_dev {
	struct device *dev;
	void *table;
	size_t table_len;
};

static int cal_load(struct cal_dev *cd)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware(&fw, "acme/cal.bin", cd->dev);
	if (ret)
		return ret;
	if (fw->size != CAL_MAX_BYTES) {
		release_firmware(fw);
		return -EINVAL;
	}
	cd->table_len = CAL_MAX_BYTES;
	cd->table = alloc_pages_exact(cd->table_len, GFP_KERNEL);
	if (!cd->table) {
		release_firmware(fw);
		return -ENOMEM;
	}
	memcpy(cd->table, fw->data, fw->size);
	release_firmware(fw);
	return 0;
}

static int cal_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cal_dev *cd = file->private_data;
	unsigned long npages = cd->table_len >> PAGE_SHIFT;

	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	return remap_pfn_range(vma, vma->vm_start,
			       (virt_to_phys(cd->table) >> PAGE_SHIFT) + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations cal_fops = {
	.owner = THIS_MODULE,
	.mmap = cal_mmap,
};
