/* kmap-pairing (good): a page-by-page copy loop of a PCIe capture card unmaps before every early exit (break, goto out, return). */
#include <linux/highmem.h>
#include <linux/io.h>

#define CAP_LVL		0x08
#define CAP_FIFO	0x0c
#define CAP_STAT	0x10
#define CAP_STAT_OVF	BIT(1)

struct cap_chan {
	void __iomem *regs;
	struct page **pages;
	unsigned int npages;
	unsigned int filled;
};

static int cap_drain(struct cap_chan *ch)
{
	unsigned int i, w;
	int ret = 0;

	for (i = 0; i < ch->npages; i++) {
		u32 *va = kmap_local_page(ch->pages[i]);

		if (readl(ch->regs + CAP_LVL) < PAGE_SIZE / 4) {
			kunmap_local(va);
			break;
		}
		if (readl(ch->regs + CAP_STAT) & CAP_STAT_OVF) {
			kunmap_local(va);
			ret = -EOVERFLOW;
			goto out;
		}
		for (w = 0; w < PAGE_SIZE / 4; w++)
			va[w] = readl(ch->regs + CAP_FIFO);
		kunmap_local(va);
		ch->filled++;
	}
out:
	return ret;
}

static int cap_check_magic(struct cap_chan *ch, unsigned int idx)
{
	u32 *hdr;

	if (idx >= ch->npages)
		return -EINVAL;
	hdr = kmap_local_page(ch->pages[idx]);
	if (hdr[0] != 0xc0ffee00) {
		kunmap_local(hdr);
		return -EBADMSG;
	}
	kunmap_local(hdr);
	return 0;
}
