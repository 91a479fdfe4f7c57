/* mmap-kernel-ram-wrong-method (good): a zeroed page-allocator buffer is in the linear map, so remap_pfn_range(virt_to_phys(buf) >> PAGE_SHIFT) is a valid export. */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define MBOX_ORDER		1
#define MBOX_BYTES		(PAGE_SIZE << MBOX_ORDER)

struct mbox_file {
	void *mbox;
	struct mutex lock;
};

static int mbox_open(struct inode *inode, struct file *file)
{
	struct mbox_file *mf = kzalloc(sizeof(*mf), GFP_KERNEL);

	if (!mf)
		return -ENOMEM;
	mf->mbox = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, MBOX_ORDER);
	if (!mf->mbox) {
		kfree(mf);
		return -ENOMEM;
	}
	mutex_init(&mf->lock);
	file->private_data = mf;
	return 0;
}

static int mbox_release(struct inode *inode, struct file *file)
{
	struct mbox_file *mf = file->private_data;

	free_pages((unsigned long)mf->mbox, MBOX_ORDER);
	kfree(mf);
	return 0;
}

static int mbox_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct mbox_file *mf = file->private_data;
	unsigned long npages = MBOX_BYTES >> PAGE_SHIFT;
	unsigned long pfn;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;

	pfn = (virt_to_phys(mf->mbox) >> PAGE_SHIFT) + vma->vm_pgoff;
	return remap_pfn_range(vma, vma->vm_start, pfn, vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations mbox_fops = {
	.owner = THIS_MODULE,
	.open = mbox_open,
	.release = mbox_release,
	.mmap = mbox_mmap,
};
