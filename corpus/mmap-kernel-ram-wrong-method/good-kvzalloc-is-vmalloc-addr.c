/* mmap-kernel-ram-wrong-method (good): a kvzalloc()'d table is mapped page by page, with is_vmalloc_addr() choosing vmalloc_to_pfn() or virt_to_phys(). */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define TBL_MAX_BYTES		SZ_4M

struct tbl_ctx {
	void *tbl;
	size_t tbl_len;
};

static int tbl_alloc(struct tbl_ctx *tc, size_t len)
{
	if (!len || len > TBL_MAX_BYTES)
		return -EINVAL;
	tc->tbl_len = PAGE_ALIGN(len);
	tc->tbl = kvzalloc(tc->tbl_len, GFP_KERNEL);
	return tc->tbl ? 0 : -ENOMEM;
}

static int tbl_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct tbl_ctx *tc = file->private_data;
	unsigned long npages = tc->tbl_len >> PAGE_SHIFT;
	unsigned long uaddr = vma->vm_start;
	unsigned long i;
	int ret;

	if (vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff)
		return -EINVAL;
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);

	for (i = 0; i < vma_pages(vma); i++) {
		void *kaddr = tc->tbl + ((vma->vm_pgoff + i) << PAGE_SHIFT);
		unsigned long pfn;

		if (is_vmalloc_addr(kaddr))
			pfn = vmalloc_to_pfn(kaddr);
		else
			pfn = virt_to_phys(kaddr) >> PAGE_SHIFT;
		ret = remap_pfn_range(vma, uaddr, pfn, PAGE_SIZE, vma->vm_page_prot);
		if (ret)
			return ret;
		uaddr += PAGE_SIZE;
	}
	return 0;
}

static const struct file_operations tbl_fops = {
	.owner = THIS_MODULE,
	.mmap = tbl_mmap,
};
