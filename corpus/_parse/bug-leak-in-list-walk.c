/* _parse (with a bug): a leak inside a list_for_each_entry() walk in an __init function; analysis must survive the iterator. */
#include <linux/module.h>
#include <linux/list.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define TBL_ADDR	0x00
#define TBL_LEN		0x08
#define TBL_LOAD	0x0c
#define TBL_STATUS	0x10

struct tbl_entry {
	struct list_head list;
	void *blob;
	u32 len;
};

struct tbl_dev {
	struct device *dev;
	void __iomem *regs;
	struct list_head tables;
};

static struct tbl_dev *tbl_global __read_mostly;

static int __init tbl_load_all(void)
{
	struct tbl_dev *td = tbl_global;
	struct tbl_entry *e;

	list_for_each_entry(e, &td->tables, list) {
		dma_addr_t dma;

		dma = dma_map_single(td->dev, e->blob, e->len, DMA_TO_DEVICE);
		if (dma_mapping_error(td->dev, dma))
			return -ENOMEM;

		lo_hi_writeq(dma, td->regs + TBL_ADDR);
		writel(e->len, td->regs + TBL_LEN);
		writel(1, td->regs + TBL_LOAD);
		if (readl(td->regs + TBL_STATUS) & BIT(1))
			return -EIO; /* expect-warning dma-map-leak */

		dma_unmap_single(td->dev, dma, e->len, DMA_TO_DEVICE);
	}
	return 0;
}
late_initcall(tbl_load_all);
MODULE_LICENSE("GPL");
