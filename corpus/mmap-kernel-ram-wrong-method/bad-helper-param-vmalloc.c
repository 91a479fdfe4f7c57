/* mmap-kernel-ram-wrong-method: a static helper maps the kernel address it is given with remap_pfn_range(__pa(kaddr)); its only caller passes a vzalloc()'d queue. */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/fs.h>

#define EQ_BYTES		(16 * PAGE_SIZE)

struct eq_dev {
	struct device *dev;
	void *eq;
	void *doorbells;
	struct mutex lock;
};

static int eq_map_kaddr(struct vm_area_struct *vma, void *kaddr, unsigned long len)
{
	if (vma->vm_end - vma->vm_start != len)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, PFN_DOWN(__pa(kaddr)), len, /* expect-warning mmap-kernel-ram-wrong-method */
			       vma->vm_page_prot);
}

static int eq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct eq_dev *ed = file->private_data;

	if (vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return eq_map_kaddr(vma, ed->eq, EQ_BYTES);
}

static int eq_init(struct eq_dev *ed)
{
	ed->eq = vzalloc(EQ_BYTES);
	if (!ed->eq)
		return -ENOMEM;
	mutex_init(&ed->lock);
	return 0;
}

static const struct file_operations eq_fops = {
	.owner = THIS_MODULE,
	.mmap = eq_mmap,
};
