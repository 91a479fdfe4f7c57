/* dma-dir-usage-mismatch (good, cross-function): the event-ring setup zeroes the ring with memset and maps it through a DMA_FROM_DEVICE wrapper; the interrupt path reads entries after a for_cpu sync helper and gives the ring back with a for_device sync helper. */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

#define EVR_ENTRIES	256

struct evr_entry {
	__le32 code;
	__le32 data;
};

struct evr_dev {
	struct device *dev;
	void __iomem *regs;
	struct evr_entry *ring;
	dma_addr_t ring_dma;
	unsigned int head;
};

static dma_addr_t evr_map_ring(struct evr_dev *ev, void *ring, size_t len)
{
	dma_addr_t d = dma_map_single(ev->dev, ring, len, DMA_FROM_DEVICE);

	if (dma_mapping_error(ev->dev, d))
		return 0;
	return d;
}

static void evr_sync_for_cpu(struct evr_dev *ev, dma_addr_t d, size_t len)
{
	dma_sync_single_for_cpu(ev->dev, d, len, DMA_FROM_DEVICE);
}

static void evr_sync_for_device(struct evr_dev *ev, dma_addr_t d, size_t len)
{
	dma_sync_single_for_device(ev->dev, d, len, DMA_FROM_DEVICE);
}

int evr_init_ring(struct evr_dev *ev)
{
	struct evr_entry *ring;
	dma_addr_t d;

	ring = kmalloc_array(EVR_ENTRIES, sizeof(*ring), GFP_KERNEL);
	if (!ring)
		return -ENOMEM;
	memset(ring, 0, EVR_ENTRIES * sizeof(*ring));

	d = evr_map_ring(ev, ring, EVR_ENTRIES * sizeof(*ring));
	if (!d) {
		kfree(ring);
		return -ENOMEM;
	}
	ev->ring = ring;
	ev->ring_dma = d;
	ev->head = 0;
	writeq(d, ev->regs + 0x30);
	return 0;
}

irqreturn_t evr_irq(int irq, void *data)
{
	struct evr_dev *ev = data;
	struct evr_entry *e;
	u32 code;

	evr_sync_for_cpu(ev, ev->ring_dma, EVR_ENTRIES * sizeof(*e));
	e = &ev->ring[ev->head];
	code = le32_to_cpu(e->code);
	if (!code) {
		evr_sync_for_device(ev, ev->ring_dma, EVR_ENTRIES * sizeof(*e));
		return IRQ_NONE;
	}
	ev->head = (ev->head + 1) % EVR_ENTRIES;
	evr_sync_for_device(ev, ev->ring_dma, EVR_ENTRIES * sizeof(*e));
	writel(ev->head, ev->regs + 0x38);
	return IRQ_HANDLED;
}
