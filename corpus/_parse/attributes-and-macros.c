/* _parse: __always_inline, __packed, __aligned, likely/unlikely, READ_ONCE/WRITE_ONCE, do { } while (0) macros, statement expressions; no findings. */
#include <linux/dma-mapping.h>
#include <linux/compiler.h>

#define ATX_DESC_OWN	BIT(31)
#define atx_wr(p, reg, val)	do { writel((val), (p)->regs + (reg)); } while (0)
#define atx_rd(p, reg)		({ u32 __v = readl((p)->regs + (reg)); __v; })

struct atx_hw_desc {
	__le32 ctrl;
	__le32 len;
	__le64 addr;
} __packed __aligned(16);

struct atx_priv {
	struct device *dev;
	void __iomem *regs;
	struct atx_hw_desc *ring;
	u8 *bounce;
	unsigned int head;
	unsigned long flags;
};

static __always_inline bool atx_desc_done(const struct atx_hw_desc *d)
{
	return !(le32_to_cpu(READ_ONCE(d->ctrl)) & ATX_DESC_OWN);
}

static noinline int atx_send_bounce(struct atx_priv *p, const void *data, size_t len)
{
	struct atx_hw_desc *d = &p->ring[p->head];
	dma_addr_t dma;

	if (unlikely(!atx_desc_done(d)))
		return -EBUSY;

	memcpy(p->bounce, data, len);
	dma = dma_map_single(p->dev, p->bounce, len, DMA_TO_DEVICE);
	if (unlikely(dma_mapping_error(p->dev, dma)))
		return -ENOMEM;

	d->addr = cpu_to_le64(dma);
	d->len = cpu_to_le32(len);
	dma_wmb();
	WRITE_ONCE(d->ctrl, cpu_to_le32(ATX_DESC_OWN));
	atx_wr(p, 0x20, p->head);

	while (!atx_desc_done(d))
		cpu_relax();

	dma_unmap_single(p->dev, dma, len, DMA_TO_DEVICE);
	p->head = (p->head + 1) & 63;
	return likely(atx_rd(p, 0x24) == 0) ? 0 : -EIO;
}
