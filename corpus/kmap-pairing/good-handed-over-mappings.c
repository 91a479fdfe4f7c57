/* kmap-pairing (good): mappings handed to their owner: a kmap()'ed receive ring released elsewhere by page, a kmap()'ed coalesce page handed to a same-file packet helper, a conditional kmap/ioremap helper, a kmap_atomic() address masked into a cache word, and a kmap_local address handed to an iterator's map descriptor. */
#include <linux/highmem.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

#define RX_PAGES	4
#define CACHE_KMAP	BIT(0)

struct ring_dev {
	struct page *pages[RX_PAGES];
	void *ptrs[64];
	unsigned int nptrs;
	unsigned int pkt_size;
};

struct reloc_cache {
	unsigned long vaddr;
	unsigned long page;
};

struct sdma_frag {
	struct page *page;
	void *kvaddr;
	unsigned int len;
};

struct kmap_iter {
	struct page **pages;
	pgprot_t prot;
};

static int ring_start(struct ring_dev *rd)
{
	void **ptrptr = rd->ptrs;
	unsigned int u, v;

	for (u = 0; u < RX_PAGES; u++) {
		void *ptr = kmap(rd->pages[u]);

		for (v = 0; v < PAGE_SIZE / rd->pkt_size; v++)
			*ptrptr++ = (void *)((char *)ptr + v * rd->pkt_size);
	}
	rd->nptrs = ptrptr - rd->ptrs;
	return 0;
}

static void __iomem *osl_map(phys_addr_t pa, unsigned long size)
{
	unsigned long pfn = pa >> PAGE_SHIFT;

	if (pfn_valid(pfn)) {
		if (size > PAGE_SIZE)
			return NULL;
		return (void __iomem __force *)kmap(pfn_to_page(pfn));
	}
	return ioremap(pa, size);
}

static void __iomem *osl_map_table(phys_addr_t pa, unsigned long size)
{
	void __iomem *virt = osl_map(pa, size);

	if (!virt)
		return NULL;
	return virt + (pa & ~PAGE_MASK);
}

static void reloc_cache_remap(struct reloc_cache *cache, struct page *page)
{
	void *vaddr;

	if (!cache->vaddr)
		return;
	if (cache->vaddr & CACHE_KMAP) {
		vaddr = kmap_atomic(page);
		cache->vaddr = (cache->vaddr & ~PAGE_MASK) | (unsigned long)vaddr;
	}
}

static void kmap_iter_map_local(struct kmap_iter *it, struct iosys_map *dmap, pgoff_t i)
{
	iosys_map_set_vaddr(dmap, kmap_local_page_prot(it->pages[i], it->prot));
}

static int sdma_page_to_frag(struct sdma_frag *frag, struct page *page, void *kvaddr, unsigned int len)
{
	frag->page = page;
	frag->kvaddr = kvaddr;
	frag->len = len;
	return 0;
}

static int sdma_coalesce(struct sdma_frag *frag, const struct iovec *iov, unsigned long niov)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned int len = 0;
	char *mpage, *save;
	unsigned long i;
	int ret;

	if (!page)
		return -ENOMEM;
	mpage = kmap(page);
	save = mpage;
	for (i = 0; i < niov; i++) {
		if (copy_from_user(mpage, iov[i].iov_base, iov[i].iov_len)) {
			ret = -EFAULT;
			goto free_unmap;
		}
		mpage += iov[i].iov_len;
		len += iov[i].iov_len;
	}
	return sdma_page_to_frag(frag, page, save, len);

free_unmap:
	kunmap(page);
	__free_page(page);
	return ret;
}
