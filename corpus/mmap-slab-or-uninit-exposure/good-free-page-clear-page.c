/* mmap-slab-or-uninit-exposure (good): __get_free_page() memory is cleared with clear_page() in the same helper that allocates it, before it can be mapped. */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

struct ctr_page {
	__u64 counters[PAGE_SIZE / sizeof(__u64)];
};

struct ctr_file {
	struct ctr_page *page;
};

static struct ctr_page *ctr_page_alloc(void)
{
	struct ctr_page *cp = (struct ctr_page *)__get_free_page(GFP_KERNEL);

	if (cp)
		clear_page(cp);
	return cp;
}

static int ctr_open(struct inode *inode, struct file *file)
{
	struct ctr_file *cf = kzalloc(sizeof(*cf), GFP_KERNEL);

	if (!cf)
		return -ENOMEM;
	cf->page = ctr_page_alloc();
	if (!cf->page) {
		kfree(cf);
		return -ENOMEM;
	}
	file->private_data = cf;
	return 0;
}

static int ctr_release(struct inode *inode, struct file *file)
{
	struct ctr_file *cf = file->private_data;

	free_page((unsigned long)cf->page);
	kfree(cf);
	return 0;
}

static int ctr_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ctr_file *cf = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	return remap_pfn_range(vma, vma->vm_start, PHYS_PFN(virt_to_phys(cf->page)),
			       PAGE_SIZE, vma->vm_page_prot);
}

static const struct file_operations ctr_fops = {
	.owner = THIS_MODULE,
	.open = ctr_open,
	.release = ctr_release,
	.mmap = ctr_mmap,
};
