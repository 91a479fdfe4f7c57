/* kmap-pairing: a network driver fills a highmem frag page with kmap(), which may sleep, while holding its TX spinlock with interrupts off. */
#include <linux/highmem.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>

struct nic_tx {
	spinlock_t lock;
	struct page *pad_page;
	unsigned int pad_len;
};

struct nic_priv {
	struct net_device *ndev;
	struct nic_tx tx;
};

static void nic_prepare_pad(struct nic_priv *priv, const u8 *pattern, unsigned int len)
{
	unsigned long flags;
	void *va;

	spin_lock_irqsave(&priv->tx.lock, flags);
	va = kmap(priv->tx.pad_page);	/* expect-warning kmap-pairing */
	memcpy(va, pattern, len);
	priv->tx.pad_len = len;
	kunmap(priv->tx.pad_page);
	spin_unlock_irqrestore(&priv->tx.lock, flags);
}

static void nic_copy_two(struct nic_priv *priv, struct page *dst, struct page *src)
{
	void *s = kmap_atomic(src);
	void *d = kmap(dst);		/* expect-warning kmap-pairing */

	memcpy(d, s, PAGE_SIZE);
	kunmap(dst);
	kunmap_atomic(s);
}
