/* kmap-pairing: a highmem page copy loop for a DMA engine's PIO fallback breaks out on a short FIFO with the page still mapped. */
#include <linux/highmem.h>
#include <linux/io.h>

#define XFER_FIFO_LVL	0x08
#define XFER_FIFO	0x0c

struct xfer_chan {
	void __iomem *regs;
	struct page **pages;
	unsigned int npages;
};

static int xfer_pio_drain(struct xfer_chan *ch)
{
	unsigned int i, w;
	u32 *va;

	for (i = 0; i < ch->npages; i++) {
		va = kmap_local_page(ch->pages[i]);
		if (readl(ch->regs + XFER_FIFO_LVL) < PAGE_SIZE / 4)
			break;
		for (w = 0; w < PAGE_SIZE / 4; w++)
			va[w] = readl(ch->regs + XFER_FIFO);
		kunmap_local(va);
	}
	return i == ch->npages ? 0 : -EAGAIN;	/* expect-warning kmap-pairing */
}
