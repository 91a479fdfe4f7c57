/* dma-cpu-access-while-mapped (cross-function, good): ndo_open refills the RX ring, the NAPI poll syncs each buffer for the CPU before reading it and hands it back with a sync for the device; ndo_stop unmaps. */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

#define NRX_RING	64
#define NRX_BUF		2048
#define NRX_OWN		BIT(31)
#define NRX_LEN_MASK	0x3fff

struct nrx_desc {
	__le32 status;
	__le32 addr;
};

struct nrx_buf {
	void *data;
	dma_addr_t dma;
};

struct nrx_priv {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *base;
	struct napi_struct napi;
	struct nrx_desc *desc;
	dma_addr_t desc_dma;
	struct nrx_buf rx[NRX_RING];
	unsigned int rx_cur;
};

static void nrx_free_rx(struct nrx_priv *p)
{
	int i;

	for (i = 0; i < NRX_RING; i++) {
		struct nrx_buf *b = &p->rx[i];

		if (!b->data)
			continue;
		dma_unmap_single(p->dev, b->dma, NRX_BUF, DMA_FROM_DEVICE);
		kfree(b->data);
		b->data = NULL;
	}
}

static int nrx_refill(struct nrx_priv *p)
{
	int i;

	for (i = 0; i < NRX_RING; i++) {
		struct nrx_buf *b = &p->rx[i];

		b->data = kmalloc(NRX_BUF, GFP_KERNEL);
		if (!b->data)
			goto err;
		b->dma = dma_map_single(p->dev, b->data, NRX_BUF, DMA_FROM_DEVICE);
		if (dma_mapping_error(p->dev, b->dma)) {
			kfree(b->data);
			b->data = NULL;
			goto err;
		}
		p->desc[i].addr = cpu_to_le32(lower_32_bits(b->dma));
		dma_wmb();
		p->desc[i].status = cpu_to_le32(NRX_OWN | NRX_BUF);
	}
	return 0;
err:
	nrx_free_rx(p);
	return -ENOMEM;
}

static int nrx_poll(struct napi_struct *napi, int budget)
{
	struct nrx_priv *p = container_of(napi, struct nrx_priv, napi);
	int done = 0;

	while (done < budget) {
		unsigned int i = p->rx_cur;
		struct nrx_buf *b = &p->rx[i];
		struct sk_buff *skb;
		u32 status = le32_to_cpu(READ_ONCE(p->desc[i].status));
		unsigned int len;

		if (status & NRX_OWN)
			break;
		dma_rmb();
		len = status & NRX_LEN_MASK;

		dma_sync_single_for_cpu(p->dev, b->dma, len, DMA_FROM_DEVICE);
		skb = napi_alloc_skb(napi, len);
		if (skb) {
			skb_put_data(skb, b->data, len);
			skb->protocol = eth_type_trans(skb, p->ndev);
			napi_gro_receive(napi, skb);
		} else {
			p->ndev->stats.rx_dropped++;
		}
		dma_sync_single_for_device(p->dev, b->dma, len, DMA_FROM_DEVICE);

		p->desc[i].status = cpu_to_le32(NRX_OWN | NRX_BUF);
		p->rx_cur = (i + 1) % NRX_RING;
		done++;
	}
	if (done < budget && napi_complete_done(napi, done))
		writel(1, p->base + 0x10);
	return done;
}

static int nrx_open(struct net_device *ndev)
{
	struct nrx_priv *p = netdev_priv(ndev);
	int ret;

	ret = nrx_refill(p);
	if (ret)
		return ret;
	p->rx_cur = 0;
	napi_enable(&p->napi);
	writel(1, p->base + 0x10);
	netif_start_queue(ndev);
	return 0;
}

static int nrx_stop(struct net_device *ndev)
{
	struct nrx_priv *p = netdev_priv(ndev);

	netif_stop_queue(ndev);
	writel(0, p->base + 0x10);
	napi_disable(&p->napi);
	nrx_free_rx(p);
	return 0;
}

static const struct net_device_ops nrx_netdev_ops = {
	.ndo_open = nrx_open,
	.ndo_stop = nrx_stop,
};
