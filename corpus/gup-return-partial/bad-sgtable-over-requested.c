/* Only the negative case is tested; the sg table is built over the requested number of pages even when the pin was short. */
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct vk_dma {
	struct device *dev;
	struct sg_table sgt;
	struct page **pages;
	int nr_pages;
};

static int vk_dma_map_user(struct vk_dma *d, unsigned long data, size_t size, enum dma_data_direction dir)
{
	int first = data >> PAGE_SHIFT;
	int last = (data + size - 1) >> PAGE_SHIFT;
	int nr = last - first + 1;
	int n, err;

	d->pages = kmalloc_array(nr, sizeof(*d->pages), GFP_KERNEL);
	if (!d->pages)
		return -ENOMEM;

	n = get_user_pages_fast(data & PAGE_MASK, nr, dir == DMA_FROM_DEVICE ? FOLL_WRITE : 0, d->pages);
	if (n < 0) {
		err = n;
		goto fail_free;
	}
	d->nr_pages = n;

	err = sg_alloc_table_from_pages(&d->sgt, d->pages, nr, offset_in_page(data), size, GFP_KERNEL); /* expect-warning gup-return-partial */
	if (err)
		goto fail_put;
	err = dma_map_sgtable(d->dev, &d->sgt, dir, 0);
	if (err)
		goto fail_sgt;
	return 0;

fail_sgt:
	sg_free_table(&d->sgt);
fail_put:
	release_pages(d->pages, n);
fail_free:
	kfree(d->pages);
	return err;
}
