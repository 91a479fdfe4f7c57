/* dma-dir-usage-mismatch (good): a self-test frame is built with skb_put_data() and mapped TO_DEVICE. */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>

#define LBT_TX_ADDR	0x90
#define LBT_TX_LEN	0x98
#define LBT_TX_GO	0x9c
#define LBT_LEN		128

struct lbt_adapter {
	struct net_device *netdev;
	struct device *dev;
	void __iomem *hw;
};

static int lbt_send_test_frame(struct lbt_adapter *ad, const u8 *frame)
{
	struct sk_buff *skb;
	dma_addr_t dma;

	skb = netdev_alloc_skb(ad->netdev, LBT_LEN);
	if (!skb)
		return -ENOMEM;
	skb_put_data(skb, frame, LBT_LEN);

	dma = dma_map_single(ad->dev, skb->data, LBT_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(ad->dev, dma)) {
		kfree_skb(skb);
		return -ENOMEM;
	}

	lo_hi_writeq(dma, ad->hw + LBT_TX_ADDR);
	writel(LBT_LEN, ad->hw + LBT_TX_LEN);
	writel(1, ad->hw + LBT_TX_GO);
	msleep(10);

	dma_unmap_single(ad->dev, dma, LBT_LEN, DMA_TO_DEVICE);
	kfree_skb(skb);
	return 0;
}
