/* fault-page-refcount: a shmem-backed object maps its page-cache pages; shmem_read_mapping_page() and find_lock_page() return referenced pages, so no get_page() is needed. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>

struct shobj {
	struct file *filp;
	size_t size;
};

static vm_fault_t shobj_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct shobj *obj = vma->vm_private_data;
	struct address_space *mapping = file_inode(obj->filp)->i_mapping;
	struct page *page;

	if (vmf->pgoff >= (obj->size >> PAGE_SHIFT))
		return VM_FAULT_SIGBUS;

	page = find_lock_page(mapping, vmf->pgoff);
	if (page) {
		vmf->page = page;
		return VM_FAULT_LOCKED;
	}

	page = shmem_read_mapping_page(mapping, vmf->pgoff);
	if (IS_ERR(page))
		return vmf_error(PTR_ERR(page));

	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct shobj_vm_ops = {
	.fault = shobj_fault,
};
