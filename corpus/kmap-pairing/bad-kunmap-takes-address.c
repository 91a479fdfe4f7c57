/* kmap-pairing: a firmware upload helper copies a blob into highmem pages with kmap() and passes the address, not the page, to kunmap(). */
#include <linux/firmware.h>
#include <linux/highmem.h>
#include <linux/mm.h>

struct fwload_ctx {
	struct device *dev;
	struct page **pages;
	unsigned int npages;
	size_t size;
};

static int fwload_fill_pages(struct fwload_ctx *ctx, const struct firmware *fw)
{
	size_t done = 0;
	unsigned int i;

	if (fw->size > (size_t)ctx->npages << PAGE_SHIFT)
		return -EFBIG;

	for (i = 0; i < ctx->npages && done < fw->size; i++) {
		size_t chunk = min_t(size_t, fw->size - done, PAGE_SIZE);
		void *vaddr;

		vaddr = kmap(ctx->pages[i]);
		memcpy(vaddr, fw->data + done, chunk);
		if (chunk < PAGE_SIZE)
			memset(vaddr + chunk, 0, PAGE_SIZE - chunk);
		kunmap(vaddr);		/* expect-warning kmap-pairing */
		done += chunk;
	}
	ctx->size = done;
	return 0;
}
