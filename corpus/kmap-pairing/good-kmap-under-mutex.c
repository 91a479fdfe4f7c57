/* kmap-pairing (good): an ioctl copies user data into a highmem page with kmap() while holding a mutex; kmap() and copy_from_user() may sleep there. */
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

struct nvbuf_dev {
	struct mutex lock;
	struct page *page;
	size_t len;
};

static long nvbuf_write_page(struct nvbuf_dev *nd, const void __user *ubuf, size_t len)
{
	void *vaddr;
	long ret = 0;

	if (len > PAGE_SIZE)
		return -EINVAL;

	mutex_lock(&nd->lock);
	vaddr = kmap(nd->page);
	if (copy_from_user(vaddr, ubuf, len)) {
		ret = -EFAULT;
		goto out_unmap;
	}
	msleep(1);
	nd->len = len;
out_unmap:
	kunmap(nd->page);
	mutex_unlock(&nd->lock);
	return ret;
}

static long nvbuf_read_page(struct nvbuf_dev *nd, void __user *ubuf, size_t len)
{
	void *vaddr;
	long ret = 0;

	mutex_lock(&nd->lock);
	vaddr = kmap_local_page(nd->page);
	if (copy_to_user(ubuf, vaddr, min(len, nd->len)))
		ret = -EFAULT;
	kunmap_local(vaddr);
	mutex_unlock(&nd->lock);
	return ret;
}
