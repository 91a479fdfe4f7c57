/* addr-iomem-as-kernel-pointer: a MAC driver overlays a register-layout struct on the __iomem window and reads and writes its members with -> instead of in_be32()/out_be32(). */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/io.h>

struct tsec_mac_regs {
	u32 maccfg1;
	u32 maccfg2;
	u32 ipgifg;
	u32 hafdup;
	u32 maxfrm;
	u32 rsvd[11];
	u32 macstnaddr1;
	u32 macstnaddr2;
};

#define MACCFG1_TX_EN		BIT(0)
#define MACCFG1_RX_EN		BIT(2)

static void tsec_set_mac(struct tsec_mac_regs __iomem *regs, const u8 *addr)
{
	regs->macstnaddr1 = addr[5] << 24 | addr[4] << 16 | addr[3] << 8 | addr[2]; /* expect-warning addr-iomem-as-kernel-pointer */
	regs->macstnaddr2 = addr[1] << 24 | addr[0] << 16;	/* expect-warning addr-iomem-as-kernel-pointer */
}

static void tsec_start(struct tsec_mac_regs __iomem *regs, struct net_device *ndev)
{
	u32 cfg;

	tsec_set_mac(regs, ndev->dev_addr);
	cfg = regs->maccfg1;			/* expect-warning addr-iomem-as-kernel-pointer */
	cfg |= MACCFG1_TX_EN | MACCFG1_RX_EN;
	regs->maccfg1 = cfg;			/* expect-warning addr-iomem-as-kernel-pointer */
	netif_start_queue(ndev);
}
