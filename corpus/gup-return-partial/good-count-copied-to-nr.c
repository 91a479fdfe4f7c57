/* The short count is copied into nr before the shared error label releases nr pages, and a short pin shortens the transfer. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct tee_like_shm {
	struct device *dev;
	struct page **pages;
	size_t num_pages;
	struct sg_table sgt;
};

static int shm_register(struct tee_like_shm *shm, unsigned long start, size_t length)
{
	size_t num_pages = DIV_ROUND_UP(offset_in_page(start) + length, PAGE_SIZE);
	int rc;

	shm->pages = kcalloc(num_pages, sizeof(*shm->pages), GFP_KERNEL);
	if (!shm->pages)
		return -ENOMEM;

	rc = pin_user_pages_fast(start & PAGE_MASK, num_pages, FOLL_WRITE, shm->pages);
	if (rc < 0)
		goto err_free;
	if (rc != num_pages) {
		num_pages = rc;
		rc = -ENOMEM;
		goto err_put;
	}
	shm->num_pages = num_pages;
	return 0;

err_put:
	unpin_user_pages(shm->pages, num_pages);
err_free:
	kfree(shm->pages);
	shm->pages = NULL;
	return rc;
}

static int shm_map_prefix(struct tee_like_shm *shm, unsigned long start, size_t length)
{
	unsigned int nr = DIV_ROUND_UP(offset_in_page(start) + length, PAGE_SIZE);
	int n, ret;

	n = pin_user_pages_fast(start & PAGE_MASK, nr, 0, shm->pages);
	if (n < 0)
		return n;
	if (n < nr) {
		/* map what we got; the caller retries the rest */
		nr = n;
		length = n * PAGE_SIZE - offset_in_page(start);
	}
	ret = sg_alloc_table_from_pages(&shm->sgt, shm->pages, nr, offset_in_page(start), length, GFP_KERNEL);
	if (ret) {
		unpin_user_pages(shm->pages, n);
		return ret;
	}
	ret = dma_map_sgtable(shm->dev, &shm->sgt, DMA_TO_DEVICE, 0);
	if (ret) {
		sg_free_table(&shm->sgt);
		unpin_user_pages(shm->pages, n);
		return ret;
	}
	shm->num_pages = n;
	return length;
}
