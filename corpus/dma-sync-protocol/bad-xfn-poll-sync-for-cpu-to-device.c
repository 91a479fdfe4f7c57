/* dma-sync-protocol (cross-function): the refill maps RX buffers DMA_FROM_DEVICE, the NAPI poll syncs them for the CPU with DMA_TO_DEVICE; TX copies into coherent bounce slots, so the driver maps nothing TO_DEVICE. */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#define WPX_RX_RING		128
#define WPX_RX_BUF		1600
#define WPX_COPYBREAK		256
#define WPX_RX_OWN		BIT(15)
#define WPX_REG_RX_KICK		0x44

struct wpx_rxd {
	__le16 len;
	__le16 ctrl;
	__le32 addr;
};

struct wpx_rx_buf {
	u8 *data;
	dma_addr_t dma;
};

struct wpx_priv {
	struct device *dev;
	struct net_device *ndev;
	struct napi_struct napi;
	void __iomem *regs;
	struct wpx_rxd *rxd;
	struct wpx_rx_buf rx[WPX_RX_RING];
	unsigned int rx_cur;
};

static int wpx_rx_fill(struct wpx_priv *wp)
{
	int i;

	for (i = 0; i < WPX_RX_RING; i++) {
		struct wpx_rx_buf *rb = &wp->rx[i];

		rb->data = kmalloc(WPX_RX_BUF, GFP_KERNEL);
		if (!rb->data)
			return -ENOMEM;
		rb->dma = dma_map_single(wp->dev, rb->data, WPX_RX_BUF, DMA_FROM_DEVICE);
		if (dma_mapping_error(wp->dev, rb->dma)) {
			kfree(rb->data);
			rb->data = NULL;
			return -ENOMEM;
		}
		wp->rxd[i].addr = cpu_to_le32(lower_32_bits(rb->dma));
		wp->rxd[i].ctrl = cpu_to_le16(WPX_RX_OWN);
	}
	return 0;
}

static int wpx_poll(struct napi_struct *napi, int budget)
{
	struct wpx_priv *wp = container_of(napi, struct wpx_priv, napi);
	int done = 0;

	while (done < budget) {
		struct wpx_rxd *d = &wp->rxd[wp->rx_cur];
		struct wpx_rx_buf *rb = &wp->rx[wp->rx_cur];
		unsigned int len;
		struct sk_buff *skb;

		if (le16_to_cpu(d->ctrl) & WPX_RX_OWN)
			break;
		dma_rmb();
		len = le16_to_cpu(d->len);
		skb = napi_alloc_skb(napi, len);
		if (!skb)
			break;
		dma_sync_single_for_cpu(wp->dev, rb->dma, len, DMA_TO_DEVICE); /* expect-warning dma-sync-protocol */
		skb_put_data(skb, rb->data, len);
		dma_sync_single_for_device(wp->dev, rb->dma, len, DMA_FROM_DEVICE);
		d->ctrl = cpu_to_le16(WPX_RX_OWN);
		skb->protocol = eth_type_trans(skb, wp->ndev);
		napi_gro_receive(napi, skb);
		wp->rx_cur = (wp->rx_cur + 1) % WPX_RX_RING;
		done++;
	}
	writel(wp->rx_cur, wp->regs + WPX_REG_RX_KICK);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static void wpx_rx_free(struct wpx_priv *wp)
{
	int i;

	for (i = 0; i < WPX_RX_RING; i++) {
		struct wpx_rx_buf *rb = &wp->rx[i];

		if (!rb->data)
			continue;
		dma_unmap_single(wp->dev, rb->dma, WPX_RX_BUF, DMA_FROM_DEVICE);
		kfree(rb->data);
		rb->data = NULL;
	}
}
