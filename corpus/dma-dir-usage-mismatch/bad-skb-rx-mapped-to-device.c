/* dma-dir-usage-mismatch: a loopback test allocates an RX skb, maps it TO_DEVICE, and compares the received bytes. */
#include <linux/netdevice.h>
#include <linux/dma-mapping.h>

#define LBT_RX_ADDR	0x80
#define LBT_RX_ARM	0x88
#define LBT_LEN		128

struct lbt_adapter {
	struct net_device *netdev;
	struct device *dev;
	void __iomem *hw;
};

static int lbt_check_rx(struct lbt_adapter *ad, u8 pattern)
{
	struct sk_buff *skb;
	dma_addr_t dma;
	int ret = 0;

	skb = netdev_alloc_skb(ad->netdev, LBT_LEN);
	if (!skb)
		return -ENOMEM;

	dma = dma_map_single(ad->dev, skb->data, LBT_LEN, DMA_TO_DEVICE); /* expect-warning dma-dir-usage-mismatch */
	if (dma_mapping_error(ad->dev, dma)) {
		kfree_skb(skb);
		return -ENOMEM;
	}

	lo_hi_writeq(dma, ad->hw + LBT_RX_ADDR);
	writel(1, ad->hw + LBT_RX_ARM);
	msleep(10);

	dma_unmap_single(ad->dev, dma, LBT_LEN, DMA_TO_DEVICE);
	if (skb->data[LBT_LEN - 1] != pattern)
		ret = -EIO;
	kfree_skb(skb);
	return ret;
}
