/* kmap-pairing: a thunderbolt-style xmit path maps skb frags through a helper and leaves one mapped when it runs out of TX buffers. */
#include <linux/highmem.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct tx_frame {
	struct page *page;
	unsigned int size;
};

struct tnet {
	struct net_device *dev;
	struct tx_frame *(*get_buf)(struct tnet *net);
	unsigned long tx_errors;
};

static void *tnet_kmap_frag(struct sk_buff *skb, unsigned int frag_num, unsigned int *len)
{
	const skb_frag_t *frag = &skb_shinfo(skb)->frags[frag_num];

	*len = skb_frag_size(frag);
	return kmap_atomic(skb_frag_page(frag)) + skb_frag_off(frag);
}

static netdev_tx_t tnet_xmit_frags(struct sk_buff *skb, struct tnet *net)
{
	struct tx_frame *frame;
	unsigned int len;
	void *src;
	u8 *dest;

	src = tnet_kmap_frag(skb, 0, &len);
	frame = net->get_buf(net);
	if (!frame)
		goto err_drop;
	dest = page_address(frame->page);
	memcpy(dest, src, len);
	kunmap_atomic(src);
	frame->size = len;
	return NETDEV_TX_OK;

err_drop:
	dev_kfree_skb_any(skb);
	net->tx_errors++;
	return NETDEV_TX_OK;	/* expect-warning kmap-pairing */
}
