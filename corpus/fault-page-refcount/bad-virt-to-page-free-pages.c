/* fault-page-refcount: LDD3's scullp shape ported to vm_fault_t: the page of a __get_free_page() buffer is returned via virt_to_page() but nobody increments its count. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/gfp.h>

#define SCULLP_QSET	64

struct scullp_dev {
	void **data;		/* one zeroed page per entry */
	int qset;
	size_t size;
	struct mutex lock;
	int vmas;
};

static vm_fault_t scullp_vma_fault(struct vm_fault *vmf)
{
	struct scullp_dev *dev = vmf->vma->vm_private_data;
	unsigned long offset = vmf->pgoff << PAGE_SHIFT;
	struct page *page;
	void *pageptr;
	vm_fault_t ret = VM_FAULT_SIGBUS;

	mutex_lock(&dev->lock);
	if (offset >= dev->size || vmf->pgoff >= dev->qset)
		goto out;

	pageptr = dev->data[vmf->pgoff];
	if (!pageptr)
		goto out;

	page = virt_to_page(pageptr);
	vmf->page = page;	/* expect-warning fault-page-refcount */
	ret = 0;
out:
	mutex_unlock(&dev->lock);
	return ret;
}

static const struct vm_operations_struct scullp_vm_ops = {
	.fault = scullp_vma_fault,
};

static int scullp_alloc_page(struct scullp_dev *dev, int i)
{
	dev->data[i] = (void *)get_zeroed_page(GFP_KERNEL);
	return dev->data[i] ? 0 : -ENOMEM;
}
