/* addr-highmem-page-address (good): a __GFP_HIGHMEM capture page is written from the IRQ handler under kmap_atomic()/kunmap_atomic(). */
#include <linux/highmem.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define CAP_FIFO		0x20
#define CAP_LEVEL		0x24

struct cap_dev {
	void __iomem *regs;
	spinlock_t lock;
	struct page *page;
	unsigned int fill;
};

static int cap_alloc_page(struct cap_dev *cd)
{
	struct page *pg;

	pg = alloc_page(GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO);
	if (!pg)
		return -ENOMEM;
	cd->page = pg;
	cd->fill = 0;
	return 0;
}

static irqreturn_t cap_irq(int irq, void *dev_id)
{
	struct cap_dev *cd = dev_id;
	unsigned int n = readl(cd->regs + CAP_LEVEL);
	u32 *dst;

	spin_lock(&cd->lock);
	dst = kmap_atomic(cd->page);
	while (n-- && cd->fill < PAGE_SIZE / sizeof(u32))
		dst[cd->fill++] = readl(cd->regs + CAP_FIFO);
	kunmap_atomic(dst);
	spin_unlock(&cd->lock);
	return IRQ_HANDLED;
}
