/* One page at a time: the result compared with 1 directly in the condition, so a short pin cannot exist. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct vhost_like {
	struct device *dev;
	struct page *log_page;
};

static int set_bit_to_user(int nr, void __user *addr)
{
	unsigned long log = (unsigned long)addr;
	struct page *page;
	void *base;
	int bit = nr + (log % PAGE_SIZE) * 8;

	if (pin_user_pages_fast(log, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	base = kmap_atomic(page);
	set_bit(bit, base);
	kunmap_atomic(base);
	unpin_user_pages_dirty_lock(&page, 1, true);
	return 0;
}

static int vhost_like_pin_log(struct vhost_like *v, unsigned long uaddr)
{
	int ret;

	ret = get_user_pages_fast(uaddr, 1, FOLL_WRITE, &v->log_page);
	if (ret < 0)
		return ret;
	if (ret == 0)
		return -EFAULT;
	return 0;
}
