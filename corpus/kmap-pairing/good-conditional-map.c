/* kmap-pairing (good): a driver maps only highmem pages and unmaps under the same test, or tracks the mapping in a flag or a NULL-initialised pointer. */
#include <linux/highmem.h>
#include <linux/mm.h>

struct fb_shadow {
	struct page *page;
	unsigned int dirty;
};

static void fbs_flush_line(struct fb_shadow *fs, const u8 *line, unsigned int off, unsigned int len)
{
	u8 *vaddr;

	if (PageHighMem(fs->page))
		vaddr = kmap(fs->page);
	else
		vaddr = page_address(fs->page);
	memcpy(vaddr + off, line, len);
	if (PageHighMem(fs->page))
		kunmap(fs->page);
	fs->dirty++;
}

static int fbs_checksum(struct fb_shadow *fs, bool need_map, u32 *sum)
{
	bool mapped = false;
	u32 *words = NULL;
	unsigned int i;

	if (need_map) {
		words = kmap_local_page(fs->page);
		mapped = true;
	}
	*sum = 0;
	for (i = 0; words && i < PAGE_SIZE / 4; i++)
		*sum += words[i];
	if (mapped)
		kunmap_local(words);
	return 0;
}

static void fbs_clear(struct fb_shadow *fs, unsigned int len)
{
	void *va = NULL;

	if (len)
		va = kmap_local_page(fs->page);
	if (va) {
		memset(va, 0, len);
		kunmap_local(va);
	}
}
