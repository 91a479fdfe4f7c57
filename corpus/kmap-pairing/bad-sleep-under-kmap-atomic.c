/* kmap-pairing: a video capture driver copies frames to user space and allocates a scratch buffer while a kmap_atomic() mapping is held. */
#include <linux/highmem.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

struct vcap_buf {
	struct page **pages;
	unsigned int npages;
	struct mutex lock;
};

static ssize_t vcap_read_page(struct vcap_buf *vb, unsigned int idx, char __user *ubuf, size_t len)
{
	void *vaddr;
	ssize_t ret = len;

	if (idx >= vb->npages || len > PAGE_SIZE)
		return -EINVAL;

	vaddr = kmap_atomic(vb->pages[idx]);
	if (copy_to_user(ubuf, vaddr, len))	/* expect-warning kmap-pairing */
		ret = -EFAULT;
	kunmap_atomic(vaddr);
	return ret;
}

static int vcap_snapshot(struct vcap_buf *vb, struct page *pg, void **out)
{
	u8 *src, *copy;

	mutex_lock(&vb->lock);
	src = kmap_atomic(pg);
	copy = kmalloc(PAGE_SIZE, GFP_KERNEL);	/* expect-warning kmap-pairing */
	if (!copy) {
		kunmap_atomic(src);
		mutex_unlock(&vb->lock);
		return -ENOMEM;
	}
	memcpy(copy, src, PAGE_SIZE);
	kunmap_atomic(src);
	mutex_unlock(&vb->lock);
	*out = copy;
	return 0;
}

static void vcap_wait_and_fill(struct vcap_buf *vb, struct page *pg, struct completion *done)
{
	u32 *hdr = kmap_atomic(pg);

	hdr[0] = 0;
	mutex_lock(&vb->lock);	/* expect-warning kmap-pairing */
	hdr[1] = vb->npages;
	mutex_unlock(&vb->lock);
	kunmap_atomic(hdr);
}
