/* addr-highmem-page-address: a hypervisor balloon inflates with GFP_HIGHUSER_MOVABLE pages and poisons each one through page_address() before reporting it. */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/list.h>

#define HVB_POISON		0xaa
#define HVB_BATCH		64

struct hv_balloon {
	struct list_head pages;
	unsigned long pfns[HVB_BATCH];
	unsigned int num_pages;
	bool poison;
};

int hvb_report_pfns(struct hv_balloon *b, unsigned long *pfns, unsigned int n);

static unsigned int hvb_inflate(struct hv_balloon *b, unsigned int want)
{
	struct page *pg;
	unsigned int n;

	want = min_t(unsigned int, want, HVB_BATCH);
	for (n = 0; n < want; n++) {
		pg = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_NOMEMALLOC | __GFP_NORETRY);
		if (!pg)
			break;

		if (b->poison)
			memset(page_address(pg), HVB_POISON, PAGE_SIZE); /* expect-warning addr-highmem-page-address */

		b->pfns[n] = page_to_pfn(pg);
		list_add(&pg->lru, &b->pages);
	}

	if (n && !hvb_report_pfns(b, b->pfns, n))
		b->num_pages += n;
	return n;
}
