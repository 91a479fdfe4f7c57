/* VM_WRITE tests that do not make a read-only export: direction selection, private-write refusal, write required, MAYWRITE refused or cleared. */
#include <linux/fs.h>
#include <linux/mm.h>

struct cfgspace {
	struct page *page;
	struct page *in_page, *out_page;
	bool writable;
};

/* the write direction picks another buffer; both paths join (comedi style) */
static int cfgspace_mmap_dir(struct file *file, struct vm_area_struct *vma)
{
	struct cfgspace *cs = file->private_data;
	struct page *pg;
	int retval;

	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;

	if (vma->vm_flags & VM_WRITE)
		pg = cs->out_page;
	else
		pg = cs->in_page;
	if (!pg) {
		retval = -EINVAL;
		goto done;
	}
	retval = vm_insert_page(vma, vma->vm_start, pg);
done:
	return retval;
}

/* writable private mappings are refused; shared ones may write */
static int cfgspace_mmap_shared(struct file *file, struct vm_area_struct *vma)
{
	struct cfgspace *cs = file->private_data;

	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;

	if ((vma->vm_flags & VM_WRITE) && !(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return vm_insert_page(vma, vma->vm_start, cs->page);
}

/* the mapping must be shared and writable */
static int cfgspace_mmap_rw(struct file *file, struct vm_area_struct *vma)
{
	struct cfgspace *cs = file->private_data;

	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;

	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return -EPERM;
	return vm_insert_page(vma, vma->vm_start, cs->page);
}

/* read-only unless the device is writable, and then VM_MAYWRITE goes too */
static int cfgspace_mmap_mode(struct file *file, struct vm_area_struct *vma)
{
	struct cfgspace *cs = file->private_data;

	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;

	if (!cs->writable) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
		vma->vm_flags &= ~VM_MAYWRITE;
	}
	return vm_insert_page(vma, vma->vm_start, cs->page);
}

/* refuses both: a MAP_SHARED mapping of an O_RDWR file can never gain write */
static int cfgspace_mmap_ro(struct file *file, struct vm_area_struct *vma)
{
	struct cfgspace *cs = file->private_data;

	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;

	if (vma->vm_flags & (VM_WRITE | VM_MAYWRITE))
		return -EPERM;
	return vm_insert_page(vma, vma->vm_start, cs->page);
}

/* write access is required (mspec style): "== 0" refuses read-only mappings */
static int cfgspace_mmap_wronly(struct file *file, struct vm_area_struct *vma)
{
	struct cfgspace *cs = file->private_data;
	unsigned long *map;

	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;

	if ((vma->vm_flags & VM_SHARED) == 0)
		return -EINVAL;
	if ((vma->vm_flags & VM_WRITE) == 0)
		return -EPERM;
	map = kvzalloc(vma_pages(vma) * sizeof(long), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	vma->vm_private_data = map;
	return vm_insert_page(vma, vma->vm_start, cs->page);
}

static const struct file_operations cfgspace_wronly_fops = { .owner = THIS_MODULE, .mmap = cfgspace_mmap_wronly };
static const struct file_operations cfgspace_dir_fops = { .owner = THIS_MODULE, .mmap = cfgspace_mmap_dir };
static const struct file_operations cfgspace_shared_fops = { .owner = THIS_MODULE, .mmap = cfgspace_mmap_shared };
static const struct file_operations cfgspace_rw_fops = { .owner = THIS_MODULE, .mmap = cfgspace_mmap_rw };
static const struct file_operations cfgspace_mode_fops = { .owner = THIS_MODULE, .mmap = cfgspace_mmap_mode };
static const struct file_operations cfgspace_ro_fops = { .owner = THIS_MODULE, .mmap = cfgspace_mmap_ro };
