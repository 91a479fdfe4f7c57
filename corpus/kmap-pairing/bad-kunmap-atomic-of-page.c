/* kmap-pairing: LDD3-era code (two-argument kmap_atomic(page, KM_USER0)) hands the page, not the mapped address, to kunmap_atomic(); and a kmap_atomic() mapping is released with kunmap_local(). */
#include <linux/highmem.h>
#include <linux/scatterlist.h>

struct sbull_dev {
	u8 *data;
	unsigned long size;
};

static void sbull_transfer_page(struct sbull_dev *dev, struct page *page, unsigned long offset,
				unsigned int len, int write)
{
	char *buffer = kmap_atomic(page, KM_USER0);

	if (write)
		memcpy(dev->data + offset, buffer, len);
	else
		memcpy(buffer, dev->data + offset, len);
	kunmap_atomic(page, KM_USER0);	/* expect-warning kmap-pairing */
}

static void sbull_zero_tail(struct page *page, unsigned int from)
{
	u8 *p = kmap_atomic(page);

	memset(p + from, 0, PAGE_SIZE - from);
	kunmap_local(p);		/* expect-warning kmap-pairing */
}
