/* fault-range-unchecked: a command area in vmalloc memory below data_off and a data area looked up by a helper above it; the comparison with data_off bounds the vmalloc path. */
#include <linux/mm.h>
#include <linux/uio_driver.h>

struct tcm_dev {
	struct uio_info uio_info;
	size_t data_off;
	void *mb_addr;
};

struct page *tcm_try_get_data_page(struct tcm_dev *udev, u32 dpi);

static int tcm_find_mem_index(struct vm_area_struct *vma)
{
	struct tcm_dev *udev = vma->vm_private_data;
	struct uio_info *info = &udev->uio_info;

	if (vma->vm_pgoff < MAX_UIO_MAPS) {
		if (info->mem[vma->vm_pgoff].size == 0)
			return -1;
		return (int)vma->vm_pgoff;
	}
	return -1;
}

static vm_fault_t tcm_vma_fault(struct vm_fault *vmf)
{
	struct tcm_dev *udev = vmf->vma->vm_private_data;
	struct uio_info *info = &udev->uio_info;
	struct page *page;
	unsigned long offset;
	void *addr;
	vm_fault_t ret = 0;
	int mi = tcm_find_mem_index(vmf->vma);

	if (mi < 0)
		return VM_FAULT_SIGBUS;

	offset = (vmf->pgoff - mi) << PAGE_SHIFT;

	if (offset < udev->data_off) {
		addr = (void *)(unsigned long)info->mem[mi].addr + offset;
		page = vmalloc_to_page(addr);
		get_page(page);
	} else {
		u32 dpi = (offset - udev->data_off) / PAGE_SIZE;

		page = tcm_try_get_data_page(udev, dpi);
		if (!page)
			return VM_FAULT_SIGBUS;
		ret = VM_FAULT_LOCKED;
	}

	vmf->page = page;
	return ret;
}

static const struct vm_operations_struct tcm_vm_ops = {
	.fault = tcm_vma_fault,
};
