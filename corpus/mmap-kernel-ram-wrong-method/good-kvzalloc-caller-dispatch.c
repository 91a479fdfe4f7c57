/* mmap-kernel-ram-wrong-method (good): the caller tests is_vmalloc_addr() on a kvzalloc()'d table and hands only linear memory to the helper that uses virt_to_phys(). */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define RT_MAX_BYTES		SZ_1M

struct rt_ctx {
	void *table;
	size_t len;
};

static int rt_map_linear(struct vm_area_struct *vma, void *kaddr, size_t len)
{
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys(kaddr) >> PAGE_SHIFT, len,
			       vma->vm_page_prot);
}

static int rt_map_vmalloc(struct vm_area_struct *vma, void *kaddr, size_t len)
{
	unsigned long off;
	int ret;

	for (off = 0; off < len; off += PAGE_SIZE) {
		ret = vm_insert_page(vma, vma->vm_start + off, vmalloc_to_page(kaddr + off));
		if (ret)
			return ret;
	}
	return 0;
}

static int rt_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct rt_ctx *rt = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != rt->len)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	if (is_vmalloc_addr(rt->table))
		return rt_map_vmalloc(vma, rt->table, rt->len);
	return rt_map_linear(vma, rt->table, rt->len);
}

static int rt_alloc(struct rt_ctx *rt, size_t len)
{
	if (!len || len > RT_MAX_BYTES)
		return -EINVAL;
	rt->len = PAGE_ALIGN(len);
	rt->table = kvzalloc(rt->len, GFP_KERNEL);
	return rt->table ? 0 : -ENOMEM;
}

static const struct file_operations rt_fops = {
	.owner = THIS_MODULE,
	.mmap = rt_mmap,
};
