/* addr-iomem-as-kernel-pointer (good): a NIC stats dump reads counters from the BAR with readl() and fills kernel buffers with memset()/memcpy(); the adapter struct comes from a header. */
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/io.h>
#include "ixq.h"	/* struct ixq_adapter { ... u8 __iomem *hw_addr; ... } */

#define IXQ_STATS_BASE		0x4000
#define IXQ_NSTATS		64

static void ixq_get_ethtool_stats(struct net_device *ndev,
				  struct ethtool_stats *stats, u64 *data)
{
	struct ixq_adapter *adapter = netdev_priv(ndev);
	u8 __iomem *hw_addr = adapter->hw_addr;
	u32 *snap;
	unsigned int i;

	memset(data, 0, IXQ_NSTATS * sizeof(u64));
	if (!hw_addr)
		return;

	snap = kmalloc_array(IXQ_NSTATS, sizeof(u32), GFP_KERNEL);
	if (!snap)
		return;

	for (i = 0; i < IXQ_NSTATS; i++)
		snap[i] = readl(hw_addr + IXQ_STATS_BASE + 4 * i);

	for (i = 0; i < IXQ_NSTATS; i++)
		data[i] = adapter->stats_base[i] + snap[i];

	memcpy(adapter->last_snap, snap, IXQ_NSTATS * sizeof(u32));
	kfree(snap);
}
