/* mmap-slab-or-uninit-exposure (good): one temporary pointer first holds the kzalloc()'d bookkeeping struct, then the vmalloc_user() area; only the latter reaches remap_vmalloc_range(). */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/mm.h>

struct ts_buff {
	u64 *user_buf;
	size_t user_len;
	void *kernel_buf;
};

struct mmap_obj {
	void *private;
	size_t mappable_size;
};

static int ts_alloc(struct mmap_obj *obj, u32 nelems, gfp_t gfp)
{
	struct ts_buff *ts;
	void *p;

	p = kzalloc(sizeof(*ts), gfp);
	if (!p)
		return -ENOMEM;
	ts = p;

	p = vmalloc_user(nelems * sizeof(u64));
	if (!p)
		goto free_ts;
	ts->user_buf = p;
	ts->user_len = nelems * sizeof(u64);

	p = vzalloc(nelems * 64);
	if (!p)
		goto free_user;
	ts->kernel_buf = p;

	obj->private = ts;
	obj->mappable_size = ts->user_len;
	return 0;

free_user:
	vfree(ts->user_buf);
free_ts:
	kfree(ts);
	return -ENOMEM;
}

static int ts_mmap(struct mmap_obj *obj, struct vm_area_struct *vma)
{
	struct ts_buff *ts = obj->private;

	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP | VM_DONTCOPY | VM_NORESERVE);
	return remap_vmalloc_range(vma, ts->user_buf, 0);
}
