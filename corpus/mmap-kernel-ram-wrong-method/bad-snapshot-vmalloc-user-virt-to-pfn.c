/* mmap-kernel-ram-wrong-method: mmap() allocates a snapshot with vmalloc_user() and exports it with remap_pfn_range(virt_to_pfn()); reported once, as the export method (not also as addr-linear-only-conversion). */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/vmalloc.h>
#include <linux/io.h>
#include <linux/mm.h>

#define SNAP_REGS_SIZE		SZ_16K

struct snap_priv {
	void __iomem *regs;
	struct mutex lock;
	void *snap;
	unsigned long snap_len;
};

static int snap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct snap_priv *sp = file->private_data;
	unsigned long len = vma->vm_end - vma->vm_start;
	unsigned long pfn;
	void *buf;
	int ret;

	if (vma->vm_pgoff || len != PAGE_ALIGN(SNAP_REGS_SIZE))
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);

	mutex_lock(&sp->lock);
	if (sp->snap) {
		mutex_unlock(&sp->lock);
		return -EBUSY;		/* one snapshot per open file */
	}
	buf = vmalloc_user(len);
	if (!buf) {
		mutex_unlock(&sp->lock);
		return -ENOMEM;
	}
	memcpy_fromio(buf, sp->regs, SNAP_REGS_SIZE);

	pfn = virt_to_pfn(buf);
	ret = remap_pfn_range(vma, vma->vm_start, pfn, len, vma->vm_page_prot); /* expect-warning mmap-kernel-ram-wrong-method */
	if (ret) {
		mutex_unlock(&sp->lock);
		vfree(buf);
		return ret;
	}
	sp->snap = buf;
	sp->snap_len = len;
	mutex_unlock(&sp->lock);
	return 0;
}

static int snap_release(struct inode *inode, struct file *file)
{
	struct snap_priv *sp = file->private_data;

	vfree(sp->snap);
	kfree(sp);
	return 0;
}

static const struct file_operations snap_fops = {
	.owner = THIS_MODULE,
	.mmap = snap_mmap,
	.release = snap_release,
};
