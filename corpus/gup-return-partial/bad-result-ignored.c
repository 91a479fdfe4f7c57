/* The count returned by get_user_pages_fast() is ignored; pages[] is used as if every page was pinned. */
#include <linux/mm.h>
#include <linux/highmem.h>

struct cam_frame {
	struct page *pages[8];
	unsigned int npages;
	unsigned long uaddr;
};

static void cam_fill_header(struct cam_frame *fr, const void *hdr, size_t len)
{
	void *va;

	fr->npages = DIV_ROUND_UP(len, PAGE_SIZE);
	get_user_pages_fast(fr->uaddr & PAGE_MASK, fr->npages, FOLL_WRITE, fr->pages); /* expect-warning gup-return-partial */
	va = kmap_local_page(fr->pages[0]);
	memcpy(va + offset_in_page(fr->uaddr), hdr, len);
	kunmap_local(va);
}

static void cam_frame_done(struct cam_frame *fr)
{
	unsigned int i;

	for (i = 0; i < fr->npages; i++) {
		set_page_dirty_lock(fr->pages[i]);
		put_page(fr->pages[i]);
	}
}
