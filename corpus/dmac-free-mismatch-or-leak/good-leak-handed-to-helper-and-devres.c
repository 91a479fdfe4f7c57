/* dmac-free-mismatch-or-leak (good): buffers handed to a helper that keeps them, or to a devres action that frees them, do not leak here. */
#include <linux/dma-mapping.h>
#include <linux/device.h>

#define HB_BYTES		SZ_4K

struct hb_buf {
	struct device *dev;
	void *cpu;
	dma_addr_t dma;
};

struct hb_dev {
	struct device *dev;
	struct hb_buf log;
};

int hb_attach_ring(struct hb_dev *hd, void *ring, dma_addr_t dma);
void hb_free_log(void *data);

static int hb_setup(struct hb_dev *hd)
{
	void *ring, *log;
	dma_addr_t ring_dma, log_dma;
	int ret;

	ring = dma_alloc_coherent(hd->dev, HB_BYTES, &ring_dma, GFP_KERNEL);
	if (!ring)
		return -ENOMEM;
	ret = hb_attach_ring(hd, ring, ring_dma);
	if (ret)
		return ret;

	log = dma_alloc_coherent(hd->dev, HB_BYTES, &log_dma, GFP_KERNEL);
	if (!log)
		return -ENOMEM;
	hd->log.dev = hd->dev;
	hd->log.cpu = log;
	hd->log.dma = log_dma;
	return devm_add_action_or_reset(hd->dev, hb_free_log, &hd->log);
}
