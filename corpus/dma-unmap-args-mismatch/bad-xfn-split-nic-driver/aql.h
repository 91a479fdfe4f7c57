/* Shared definitions of the two-file aql driver (main.c: PCI and netdev glue, rx.c: RX ring). */
#ifndef AQL_H
#define AQL_H
#include <linux/netdevice.h>
#include <linux/pci.h>

#define AQL_RX_RING		512
#define AQL_RX_BUF_LEN		1536
#define AQL_REG_CTRL		0x0000
#define AQL_REG_RX_BASE		0x0200
#define AQL_REG_RX_TAIL		0x0208
#define AQL_CTRL_RX_EN		BIT(1)

struct aql_rx_desc {
	__le64 addr;
	__le16 len;
	__le16 flags;
	__le32 rss;
};

struct aql_rx_buf {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct aql_rx_ring {
	struct device *dev;
	struct net_device *ndev;
	void __iomem *regs;
	struct aql_rx_desc *desc;
	dma_addr_t desc_dma;
	struct aql_rx_buf buf[AQL_RX_RING];
	unsigned int clean, fill;
};

struct aql_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	struct napi_struct napi;
	void __iomem *regs;
	struct aql_rx_ring rx;
};

int aql_rx_fill(struct aql_rx_ring *rx);
int aql_rx_poll(struct napi_struct *napi, int budget);

#endif
