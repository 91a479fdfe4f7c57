/* dmac-cpuaddr-treated-as-linear: the device is given virt_to_phys() of a dma_alloc_coherent() ring instead of its DMA handle. */
#include <linux/dma-mapping.h>

#define RX_RING_ENTRIES		256
#define RX_RING_BYTES		(RX_RING_ENTRIES * sizeof(struct rx_desc))
#define RX_REG_RING_LO		0x200
#define RX_REG_RING_HI		0x204
#define RX_REG_RING_LEN		0x208

struct rx_desc {
	__le64 addr;
	__le32 len;
	__le32 status;
};

struct nic_rx {
	struct device *dev;
	void __iomem *regs;
	struct rx_desc *ring;
	dma_addr_t ring_dma;
};

static int nic_rx_ring_init(struct nic_rx *rx)
{
	struct rx_desc *ring;
	dma_addr_t ring_dma;
	phys_addr_t pa;

	ring = dma_alloc_coherent(rx->dev, RX_RING_BYTES, &ring_dma, GFP_KERNEL);
	if (!ring)
		return -ENOMEM;

	pa = virt_to_phys(ring); /* expect-warning dmac-cpuaddr-treated-as-linear */
	writel(lower_32_bits(pa), rx->regs + RX_REG_RING_LO); /* expect-warning addr-cpu-address-programmed-into-device */
	writel(upper_32_bits(pa), rx->regs + RX_REG_RING_HI); /* expect-warning addr-cpu-address-programmed-into-device */
	writel(RX_RING_ENTRIES, rx->regs + RX_REG_RING_LEN);

	rx->ring = ring;
	rx->ring_dma = ring_dma;
	return 0;
}
