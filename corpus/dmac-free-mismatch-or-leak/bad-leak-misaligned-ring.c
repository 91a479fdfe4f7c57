/* dmac-free-mismatch-or-leak: a ring that is allocated but rejected for its alignment is never freed (rtlwifi shape). */
#include <linux/dma-mapping.h>

struct rl_desc {
	__le32 dword[8];
};

struct rl_ring {
	struct rl_desc *desc;
	dma_addr_t dma;
	unsigned int entries;
};

struct rl_priv {
	struct device *dev;
	struct rl_ring tx_ring[4];
};

static int rl_init_tx_ring(struct rl_priv *rp, unsigned int prio, unsigned int entries)
{
	struct rl_desc *desc;
	dma_addr_t desc_dma;

	desc = dma_alloc_coherent(rp->dev, sizeof(*desc) * entries, &desc_dma, GFP_KERNEL);
	if (!desc)
		return -ENOMEM;
	if ((unsigned long)desc & 0xFF) {
		dev_err(rp->dev, "TX ring %u is not 256-byte aligned\n", prio);
		return -ENOMEM; /* expect-warning dmac-free-mismatch-or-leak */
	}

	rp->tx_ring[prio].desc = desc;
	rp->tx_ring[prio].dma = desc_dma;
	rp->tx_ring[prio].entries = entries;
	return 0;
}
