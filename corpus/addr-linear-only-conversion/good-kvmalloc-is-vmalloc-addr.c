/* addr-linear-only-conversion (good): each page of a kvmalloc'ed table is looked up with vmalloc_to_page() or virt_to_page(), as is_vmalloc_addr() says. */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/scatterlist.h>

struct tbl_export {
	void *tbl;
	struct sg_table sgt;
	size_t size;
};

static int tbl_export_build(struct tbl_export *te, size_t size)
{
	unsigned int i, npages = DIV_ROUND_UP(size, PAGE_SIZE);
	struct scatterlist *sg;
	void *tbl;
	int ret;

	tbl = kvzalloc(npages << PAGE_SHIFT, GFP_KERNEL);
	if (!tbl)
		return -ENOMEM;

	ret = sg_alloc_table(&te->sgt, npages, GFP_KERNEL);
	if (ret) {
		kvfree(tbl);
		return ret;
	}

	for_each_sgtable_sg(&te->sgt, sg, i) {
		void *p = tbl + i * PAGE_SIZE;
		struct page *pg;

		pg = is_vmalloc_addr(p) ? vmalloc_to_page(p) : virt_to_page(p);
		sg_set_page(sg, pg, PAGE_SIZE, 0);
	}

	te->tbl = tbl;
	te->size = size;
	return 0;
}
