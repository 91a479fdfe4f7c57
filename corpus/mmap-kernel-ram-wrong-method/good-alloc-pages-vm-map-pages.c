/* mmap-kernel-ram-wrong-method (good): a page array from alloc_page(__GFP_ZERO) is exported with vm_map_pages(), which checks the offset and size itself. */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define SHM_MAX_PAGES		512

struct shm_region {
	struct page **pages;
	unsigned long npages;
	struct mutex lock;
};

static void shm_free_pages(struct shm_region *shm)
{
	unsigned long i;

	for (i = 0; i < shm->npages; i++)
		if (shm->pages[i])
			__free_page(shm->pages[i]);
	kfree(shm->pages);
	shm->pages = NULL;
	shm->npages = 0;
}

static int shm_alloc_pages(struct shm_region *shm, unsigned long npages)
{
	unsigned long i;

	if (!npages || npages > SHM_MAX_PAGES)
		return -EINVAL;
	shm->pages = kcalloc(npages, sizeof(*shm->pages), GFP_KERNEL);
	if (!shm->pages)
		return -ENOMEM;
	shm->npages = npages;
	for (i = 0; i < npages; i++) {
		shm->pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!shm->pages[i]) {
			shm_free_pages(shm);
			return -ENOMEM;
		}
	}
	return 0;
}

static int shm_open(struct inode *inode, struct file *file)
{
	struct shm_region *shm = kzalloc(sizeof(*shm), GFP_KERNEL);
	int ret;

	if (!shm)
		return -ENOMEM;
	mutex_init(&shm->lock);
	ret = shm_alloc_pages(shm, SHM_MAX_PAGES);
	if (ret) {
		kfree(shm);
		return ret;
	}
	file->private_data = shm;
	return 0;
}

static int shm_release(struct inode *inode, struct file *file)
{
	struct shm_region *shm = file->private_data;

	shm_free_pages(shm);
	kfree(shm);
	return 0;
}

static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shm_region *shm = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return vm_map_pages(vma, shm->pages, shm->npages);
}

static const struct file_operations shm_fops = {
	.owner = THIS_MODULE,
	.open = shm_open,
	.release = shm_release,
	.mmap = shm_mmap,
};
