/* kmap-pairing (good): a crypto engine's PIO fallback walks source and destination scatterlists with nested kmap_local_page() mappings, released in reverse order, the address adjusted by the offset. */
#include <crypto/scatterwalk.h>
#include <linux/highmem.h>
#include <linux/scatterlist.h>

struct eng_walk {
	struct scatterlist *sg;
	unsigned int offset;
};

static unsigned int eng_walk_avail(struct eng_walk *w)
{
	return min_t(unsigned int, w->sg->length - w->offset, PAGE_SIZE - offset_in_page(w->sg->offset + w->offset));
}

static void eng_walk_advance(struct eng_walk *w, unsigned int n)
{
	w->offset += n;
	if (w->offset >= w->sg->length) {
		w->sg = sg_next(w->sg);
		w->offset = 0;
	}
}

static void eng_copy_sg(struct eng_walk *dst, struct eng_walk *src, unsigned int len)
{
	while (len) {
		unsigned int n = min3(len, eng_walk_avail(dst), eng_walk_avail(src));
		unsigned int soff = src->sg->offset + src->offset;
		unsigned int doff = dst->sg->offset + dst->offset;
		u8 *s, *d;

		s = kmap_local_page(nth_page(sg_page(src->sg), soff >> PAGE_SHIFT)) + offset_in_page(soff);
		d = kmap_local_page(nth_page(sg_page(dst->sg), doff >> PAGE_SHIFT)) + offset_in_page(doff);
		memcpy(d, s, n);
		kunmap_local(d);
		kunmap_local(s);

		eng_walk_advance(src, n);
		eng_walk_advance(dst, n);
		len -= n;
	}
}

static void eng_read_iv(struct scatterlist *sg, u8 *iv, unsigned int ivsize)
{
	void *vaddr = kmap_local_page(sg_page(sg));

	memcpy(iv, vaddr + sg->offset, ivsize);
	kunmap_local(vaddr + sg->offset);
}
