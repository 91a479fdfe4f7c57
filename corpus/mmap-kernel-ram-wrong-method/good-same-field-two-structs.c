/* mmap-kernel-ram-wrong-method (good): two structs both have a 'buf' field; the vmalloc_user() one is mapped with remap_vmalloc_range(), the zeroed-page one with remap_pfn_range(virt_to_phys()), and the declared types keep them apart. */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/fs.h>

struct cmd_queue {
	void *buf;		/* vmalloc_user(): many pages */
	size_t len;
};

struct doorbell_page {
	void *buf;		/* one zeroed page */
	u32 seq;
};

struct dbq_file {
	struct cmd_queue cq;
	struct doorbell_page db;
};

static int dbq_init_queue(struct cmd_queue *q, size_t len)
{
	q->len = PAGE_ALIGN(len);
	q->buf = vmalloc_user(q->len);
	return q->buf ? 0 : -ENOMEM;
}

static int dbq_init_doorbell(struct doorbell_page *db)
{
	db->buf = (void *)get_zeroed_page(GFP_KERNEL);
	return db->buf ? 0 : -ENOMEM;
}

static int dbq_map_queue(struct cmd_queue *q, struct vm_area_struct *vma)
{
	return remap_vmalloc_range(vma, q->buf, 0);
}

static int dbq_map_doorbell(struct doorbell_page *db, struct vm_area_struct *vma)
{
	if (vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys(db->buf) >> PAGE_SHIFT,
			       PAGE_SIZE, vma->vm_page_prot);
}

static int dbq_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct dbq_file *df = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff == 0)
		return dbq_map_queue(&df->cq, vma);
	if (vma->vm_pgoff == 1)
		return dbq_map_doorbell(&df->db, vma);
	return -EINVAL;
}

static const struct file_operations dbq_fops = {
	.owner = THIS_MODULE,
	.mmap = dbq_mmap,
};
