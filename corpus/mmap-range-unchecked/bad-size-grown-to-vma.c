/* mmap-range-unchecked (bad): sbus flash-style: the comparison of the request with the flash size is written backwards, so a longer request makes the mapping longer instead of failing. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/spinlock.h>

static struct {
	unsigned long read_base;
	unsigned long read_size;
} flash;

static DEFINE_SPINLOCK(flash_lock);

static int flash_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long addr;
	unsigned long size;

	spin_lock(&flash_lock);
	addr = flash.read_base;
	size = flash.read_size;
	spin_unlock(&flash_lock);

	if ((vma->vm_pgoff << PAGE_SHIFT) > size)
		return -ENXIO;
	addr = vma->vm_pgoff + (addr >> PAGE_SHIFT);

	if (vma->vm_end - (vma->vm_start + (vma->vm_pgoff << PAGE_SHIFT)) > size)
		size = vma->vm_end - (vma->vm_start + (vma->vm_pgoff << PAGE_SHIFT));

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);

	/* expect-warning@+1 mmap-range-unchecked */
	if (io_remap_pfn_range(vma, vma->vm_start, addr, size, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations flash_fops = {
	.owner = THIS_MODULE,
	.mmap = flash_mmap,
};
