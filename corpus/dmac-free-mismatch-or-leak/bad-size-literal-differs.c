/* dmac-free-mismatch-or-leak: a mailbox allocated with 8192 bytes is freed with 4096 after a failed handshake. */
#include <linux/dma-mapping.h>

#define MBOX_REG_BASE_LO	0x00
#define MBOX_REG_BASE_HI	0x04
#define MBOX_REG_DOORBELL	0x08
#define MBOX_REG_STATUS		0x0c
#define MBOX_READY		0x1

struct wlan_fw {
	struct device *dev;
	void __iomem *bar;
	void *mbox;
	dma_addr_t mbox_dma;
};

static int wlan_fw_handshake(struct wlan_fw *fw)
{
	dma_addr_t mbox_dma;
	u32 *mbox;
	int i;

	mbox = dma_alloc_coherent(fw->dev, 8192, &mbox_dma, GFP_KERNEL);
	if (!mbox)
		return -ENOMEM;

	writel(lower_32_bits(mbox_dma), fw->bar + MBOX_REG_BASE_LO);
	writel(upper_32_bits(mbox_dma), fw->bar + MBOX_REG_BASE_HI);
	writel(1, fw->bar + MBOX_REG_DOORBELL);

	for (i = 0; i < 100; i++) {
		if (readl(fw->bar + MBOX_REG_STATUS) & MBOX_READY)
			break;
		usleep_range(1000, 2000);
	}
	if (i == 100 || le32_to_cpu(mbox[0]) != 0x57464d42) {
		writel(0, fw->bar + MBOX_REG_DOORBELL);
		dma_free_coherent(fw->dev, 4096, mbox, mbox_dma); /* expect-warning dmac-free-mismatch-or-leak */
		return -ETIMEDOUT;
	}

	fw->mbox = mbox;
	fw->mbox_dma = mbox_dma;
	return 0;
}
