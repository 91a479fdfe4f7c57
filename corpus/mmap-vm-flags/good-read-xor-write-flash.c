/* SBUS flash style: read and write windows differ, so "VM_READ && VM_WRITE" is refused; not a read-only export. */
#include <linux/fs.h>
#include <linux/mm.h>

static DEFINE_SPINLOCK(flash_lock);

static struct {
	unsigned long read_base, write_base;
	unsigned long read_size, write_size;
} flash;

static int flash_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long addr, size;

	spin_lock(&flash_lock);
	if ((vma->vm_flags & VM_READ) && (vma->vm_flags & VM_WRITE)) {
		spin_unlock(&flash_lock);
		return -EINVAL;
	}
	if (vma->vm_flags & VM_READ) {
		addr = flash.read_base;
		size = flash.read_size;
	} else {
		addr = flash.write_base;
		size = flash.write_size;
	}
	spin_unlock(&flash_lock);

	if ((vma->vm_pgoff << PAGE_SHIFT) >= size ||
	    vma->vm_end - vma->vm_start > size - (vma->vm_pgoff << PAGE_SHIFT))
		return -ENXIO;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	if (io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff + (addr >> PAGE_SHIFT),
			       vma->vm_end - vma->vm_start, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations flash_fops = {
	.owner = THIS_MODULE,
	.mmap = flash_mmap,
};
